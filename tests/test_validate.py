"""Every mistake a maintainer can make in the data: one exact line each, and nothing written."""
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.build import generate
from tests.conftest import FIXTURES, ROOT, require_slow

SMALL = (FIXTURES / "small_plan.yaml").read_text(encoding="utf-8")


def edit(old: str, new: str) -> bytes:
    assert old in SMALL, old
    return SMALL.replace(old, new, 1).encode("utf-8")


TASK_3_TEXT = "        text: 健全完善法制机构。\n"
TASK_3_FIELDS = "number, title, text, lead, responsible, responsibility, slug"

CASES = {
    "yaml syntax": (
        edit("units:\n", "units: [\n"),
        ["19:3: error: invalid YAML: while parsing a flow node expected the node content, "
         "but found '-'"]),
    "yaml indentation": (
        edit("  issuer: 某市人民政府办公室\n", "   issuer: 某市人民政府办公室\n"),
        ["5:10: error: invalid YAML: mapping values are not allowed here"]),
    "tab indentation": (
        edit("  issuer: 某市人民政府办公室\n", "\tissuer: 某市人民政府办公室\n"),
        ["5:1: error: invalid YAML: while scanning for the next token found character '\\t' "
         "that cannot start any token"]),
    "duplicate key in the document": (
        edit("  column: 依法治市\n", "  column: 依法治市\n  column: 法治\n"),
        ["9:3: error: document: field 'column' is given twice (first at line 8); delete one"]),
    "duplicate key in a task": (
        edit(TASK_3_TEXT, TASK_3_TEXT + "        text: 又一段。\n"),
        ["49:9: error: task （三）: field 'text' is given twice (first at line 48); delete one"]),
    "typo in a task field": (
        edit("        title: 加强法制机构建设\n", "        titel: 加强法制机构建设\n"),
        ["46:9: error: task （三）: missing required field 'title' (text on one line)",
         f"47:9: error: task （三）: unknown field 'titel' (did you mean 'title'?); expected one of: "
         f"{TASK_3_FIELDS}"]),
    "typo in a unit field": (
        edit("    collective: true\n", "    colective: true\n"),
        ["23:5: error: unit 有执法职责的市级部门: unknown field 'colective' (did you mean "
         "'collective'?); expected one of: name, collective, full_name, aliases, slug, successor"]),
    "typo in a top-level key": (
        edit("sections:\n", "sectons:\n"),
        ["2:1: error: missing required field 'sections' (a list of records)",
         "27:1: error: unknown field 'sectons' (did you mean 'sections'?); expected one of: "
         "document, plan, units, sections, draft, redirects"]),
    "missing task text": (
        edit(TASK_3_TEXT, ""),
        ["46:9: error: task （三）: missing required field 'text' (text on one line)"]),
    "missing document number": (
        edit("  number: 某府办发〔2020〕1号\n", ""),
        ["3:3: error: document: missing required field 'number' (text on one line)"]),
    "empty title": (
        edit("        title: 加强法制机构建设\n", "        title: ''\n"),
        ["47:16: error: task （三）: field 'title' is empty; expected text on one line"]),
    "empty lead list": (
        edit("        lead: [市财政局]\n", "        lead: []\n"),
        ["49:15: error: task （三）: field 'lead' is empty; expected a list of unit names"]),
    "lead as text": (
        edit("        lead: [市财政局]\n", "        lead: 市财政局\n"),
        ["49:15: error: task （三）: field 'lead' must be a list of unit names, got '市财政局'"]),
    "collective as text": (
        edit("    collective: true\n", "    collective: 是\n"),
        ["23:17: error: unit 有执法职责的市级部门: field 'collective' must be true or false, got '是'"]),
    "task number as a digit": (
        edit("      - number: 三\n", "      - number: 3\n"),
        ["46:17: error: task #1 of section #2: field 'number' must be a Chinese numeral such as "
         "一 or 十三, got the number 3"]),
    "unquoted date": (
        edit("  written: 2020年1月2日", "  written: 2020-01-02"),
        ["6:12: error: document: field 'written' must be text on one line, got the date "
         "2020-01-02; put it in quotes"]),
    "notice as text": (
        edit("  notice:\n    - 现将", "  notice: 现将"),
        ["10:11: error: document: field 'notice' must be a list of paragraphs, got "
         "'现将《某市工作安排》印发给你们，请认真贯彻执行。'"]),
    "repeated task number": (
        edit("      - number: 三\n", "      - number: 二\n"),
        ["46:17: error: task （二）: task number （二） is given twice (first at line 37)"]),
    "skipped task number": (
        edit("      - number: 三\n", "      - number: 四\n"),
        ["46:17: error: task （四）: task number is （四）; expected （三） (tasks are numbered in order)"]),
    "skipped section number": (
        edit("  - number: 二\n    title: 加强组织保障", "  - number: 三\n    title: 加强组织保障"),
        ["43:13: error: section 三、: section number is 三、; expected 二、 (sections are numbered "
         "in order)"]),
    "not a numeral": (
        edit("      - number: 三\n", "      - number: 第三\n"),
        ["46:17: error: task （第三）: field 'number' is '第三'; expected a Chinese numeral such as "
         "一 or 十三"]),
    "unknown unit": (
        edit("lead: [市财政局]", "lead: [市财政厅]"),
        ["49:16: error: task （三）: lead unit '市财政厅' is not in units (did you mean '市财政局'?)"]),
    "unit named twice in a task": (
        edit("lead: [市政府法制办, 市司法局]", "lead: [市政府法制办, 市政府法制办]"),
        ["20:11: warning: unit 市司法局: no task names this unit as lead or responsible",
         "34:24: error: task （一）: lead unit '市政府法制办' is named twice"]),
    "unit missing from the wording": (
        edit("        responsible: [各县（区）人民政府]\n",
             "        responsible: [各县（区）人民政府, 市财政局]\n"),
        ["35:34: error: task （一）: responsible unit '市财政局' does not appear in the "
         "responsibility wording"]),
    "unit listed twice": (
        edit("  - name: 市财政局\n", "  - name: 市财政局\n  - name: 市司法局\n"),
        ["22:11: error: unit 市司法局: the unit is listed twice (first at line 20)"]),
    "unit no task names": (
        edit("  - name: 市财政局\n", "  - name: 市财政局\n  - name: 市审计局\n"),
        ["22:11: warning: unit 市审计局: no task names this unit as lead or responsible"]),
    "two tasks with one URL": (
        edit("title: 推行12345热线", "title: 建立长效机制"),
        ["38:16: error: task （二）建立长效机制: URL /2020/tasks/jian-li-chang-xiao-ji-zhi/ is also the "
         "URL of task （一）建立长效机制 ({data}:32:16); pin another with the field 'slug'"]),
    "pinned slug taken": (
        edit("  - name: 市司法局\n", "  - name: 市司法局\n    slug: shi-cai-zheng-ju\n"),
        ["22:11: error: unit 市财政局: URL /units/shi-cai-zheng-ju/ is also the URL of "
         "unit 市司法局 ({data}:21:11); pin another with the field 'slug'"]),
    "slug of the unit directory": (
        edit("  - name: 市司法局\n", "  - name: 市司法局\n    slug: index\n"),
        ["21:11: error: unit 市司法局: field 'slug' is 'index'; expected a slug of lowercase ASCII "
         "words joined by '-', other than 'index', such as 'shi-zheng-fu-fa-zhi-ban'"]),
    "name without pinyin": (
        edit("  - name: 市财政局\n", "  - name: 市财政局\n  - name: 「」\n"),
        ["22:11: error: unit 「」: the name gives no pinyin for a URL; pin one with the field 'slug'",
         "22:11: warning: unit 「」: no task names this unit as lead or responsible"]),
    "malformed slug": (
        edit("  - name: 市司法局\n", "  - name: 市司法局\n    slug: Shi_Si\n"),
        ["21:11: error: unit 市司法局: field 'slug' is 'Shi_Si'; expected a slug of lowercase "
         "ASCII words joined by '-', other than 'index', such as 'shi-zheng-fu-fa-zhi-ban'"]),
    "escaped control character": (
        edit(TASK_3_TEXT, '        text: "健全完善\\x01法制机构。"\n'),
        ["48:15: error: task （三）: field 'text' contains the control character U+0001; delete it"]),
    "raw control character": (
        edit(TASK_3_TEXT, "        text: 健全完善\x01法制机构。\n"),
        ["48:19: error: the file contains the control character U+0001; it would not show as "
         "written, or would change what the text around it shows; delete it"]),
    "line separator": (
        edit(TASK_3_TEXT, '        text: "健全完善\\L法制机构。"\n'),
        ["48:15: error: task （三）: field 'text' contains a line break; write the text on one "
         "line, or fold it with >-"]),
    "literal block with line breaks": (
        edit(TASK_3_TEXT, "        text: |\n          健全完善\n          法制机构。\n"),
        ["48:15: error: task （三）: field 'text' contains a line break; write the text on one "
         "line, or fold it with >-"]),
    "leading white space": (
        edit(TASK_3_TEXT, '        text: " 健全完善法制机构。"\n'),
        ["48:15: error: task （三）: field 'text' starts or ends with white space; delete it"]),
    "python object tag": (
        edit(TASK_3_TEXT, '        text: !!python/object/apply:os.system ["echo hi"]\n'),
        ["48:15: error: task （三）: unsupported YAML tag "
         "'tag:yaml.org,2002:python/object/apply:os.system'; only plain text, lists and mappings "
         "are read"]),
    "empty file": (
        b"",
        ["1:1: error: the file is empty; expected a mapping with the keys document, plan, units "
         "and sections"]),
    "comments only": (
        b"# nothing here\n",
        ["1:1: error: the file holds no data; expected a mapping with the keys document, plan, "
         "units and sections"]),
    "byte order mark": (
        b"\xef\xbb\xbf" + SMALL.encode("utf-8"),
        ["1:1: error: the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"]),
    "not UTF-8": (
        SMALL.encode("utf-8").replace("全市工作要求如下。".encode(), "全市工作要求如下。".encode("gbk")),
        ["16:14: error: the file is not valid UTF-8 (byte 0xca); save it as UTF-8"]),
    "a list instead of a mapping": (
        b"- a\n- b\n",
        ["1:1: error: expected a mapping of fields (document, plan, units, sections, draft, redirects), "
         "got a list"]),
    "section without tasks": (
        edit("    tasks:\n      - number: 三", "    tasks: []\n    x:\n      - number: 三"),
        ["45:12: error: section 二、: field 'tasks' is empty; expected a list of records",
         "46:5: error: section 二、: unknown field 'x'; expected one of: number, title, slug, tasks"]),
    "redirect to no page": (
        edit("sections:\n", "redirects:\n  - from: /units/old/\n    to: /units/nowhere/\nsections:\n"),
        ["29:9: error: redirect from /units/old/: /units/nowhere/ is not a page of the site "
         "(did you mean '/units/'?)"]),
}


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def published(tmp_path):
    """A plan already generated into docs/ and a site/, as a maintainer has them before an edit."""
    data = tmp_path / "data" / "plan.yaml"
    data.parent.mkdir()
    shutil.copy(FIXTURES / "small_plan.yaml", data)
    shutil.copy(FIXTURES / "urls.txt", data.with_name("urls.txt"))
    generate(data, tmp_path / "docs")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<h1>已发布</h1>", encoding="utf-8")
    return data


@pytest.mark.parametrize("case", list(CASES))
def test_bad_data_gets_one_exact_line_per_problem(published, capsys, case):
    content, messages = CASES[case]
    root = published.parent.parent
    before = {name: tree_digest(root / name) for name in ("docs", "site")}
    published.write_bytes(content)
    assert main(["--data", str(published), "--docs", str(root / "docs")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[:-1] == [f"{published}:{message}".replace("{data}", str(published))
                          for message in messages]
    errors = sum(": error: " in message for message in messages)
    assert lines[-1] == (f"{errors} error(s), {len(messages) - errors} warning(s); "
                         f"{root / 'docs'}/ was not changed")
    assert {name: tree_digest(root / name) for name in ("docs", "site")} == before


def test_check_reports_the_same_problems_and_writes_nothing(published, capsys):
    content, messages = CASES["unknown unit"]
    published.write_bytes(content)
    assert main(["check", "--data", str(published)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{published}:{messages[0]}", "1 error(s), 0 warning(s); nothing was changed"]


def test_all_problems_of_a_run_are_reported_together(published, capsys):
    text = SMALL.replace("lead: [市财政局]", "lead: [市财政厅]").replace(
        "        title: 加强法制机构建设\n", "        titel: 加强法制机构建设\n").replace(
        "  written: 2020年1月2日", "  written: 2020-01-02")
    published.write_text(text, encoding="utf-8")
    assert main(["check", "--data", str(published)]) == 1
    assert len(capsys.readouterr().err.splitlines()) == 5


@pytest.mark.slow
def test_make_site_with_bad_data_leaves_docs_and_site_as_they_were(tmp_path):
    data = tmp_path / "data" / "plan.yaml"
    data.parent.mkdir()
    shutil.copy(FIXTURES / "small_plan.yaml", data)
    shutil.copy(FIXTURES / "urls.txt", data.with_name("urls.txt"))
    folders = [f"DATA={data}", f"DOCS={tmp_path / 'docs'}", f"SITE={tmp_path / 'site'}",
               f"BUILD={tmp_path / 'build'}"]
    make = ["make", "--no-print-directory", "-C", str(ROOT), "site", *folders]
    require_slow()
    assert subprocess.run(make, capture_output=True, text=True).returncode == 0
    before = {name: tree_digest(tmp_path / name) for name in ("docs", "site")}
    assert "units/shi-cai-zheng-ju/index.html" in before["site"]

    data.write_bytes(CASES["unknown unit"][0])
    result = subprocess.run(make, capture_output=True, text=True)
    assert result.returncode != 0
    assert f"{data}:49:16: error: task （三）: lead unit '市财政厅' is not in units " \
           "(did you mean '市财政局'?)" in result.stderr.splitlines()
    assert {name: tree_digest(tmp_path / name) for name in ("docs", "site")} == before
