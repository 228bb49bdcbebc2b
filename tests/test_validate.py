"""Mistakes in the data end in one compiler-style line each, and leave docs/ alone."""
import pytest

from generator.__main__ import main
from tests.conftest import FIXTURES

SMALL = (FIXTURES / "small_plan.yaml").read_text(encoding="utf-8")


def run_check(tmp_path, capsys, text: str) -> list[str]:
    data = tmp_path / "plan.yaml"
    data.write_text(text, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    assert main(["--data", str(data), "--docs", str(docs)]) == 1
    assert list(docs.iterdir()) == []
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1].endswith(f"; {docs.as_posix()}/ was not changed")
    return [line.removeprefix(f"{data}:") for line in lines[:-1]]


@pytest.mark.parametrize("old, new, messages", [
    ("lead: [市财政局]", "lead: [市法制办]",
     ["48:16: error: task （三）: lead unit '市法制办' is not in units (did you mean '市政府法制办'?)"]),
    ("title: 推行12345热线", "title: 建立长效机制",
     ["37:16: error: task （二）: URL /tasks/jian-li-chang-xiao-ji-zhi/ is also the URL of "
      "task （一） (line 31); pin another with the field 'slug'"]),
    ("  - name: 市司法局\n", "  - name: 市司法局\n    slug: shi-cai-zheng-ju\n",
     ["21:11: error: unit 市财政局: URL /units/shi-cai-zheng-ju/ is also the URL of "
      "unit 市司法局 (line 20); pin another with the field 'slug'"]),
    ("        title: 加强法制机构建设\n", "        titel: 加强法制机构建设\n",
     ["45:9: error: task （三）: missing required field 'title' (text on one line)",
      "46:9: error: task （三）: unknown field 'titel' (did you mean 'title'?); expected one of: "
      "number, title, text, lead, responsible, responsibility, slug"]),
    ("      - number: 三\n", "      - number: 四\n",
     ["45:17: error: task （四）: task number is （四）; expected （三） (tasks are numbered in order)"]),
    ("  written: 2020年1月2日", "  written: 2020-01-02",
     ["5:12: error: document: field 'written' must be text on one line, got the date 2020-01-02; "
      "put it in quotes"]),
    ("  - name: 市财政局\n", "  - name: 市财政局\n  - name: 市审计局\n",
     ["21:11: warning: unit 市审计局: no task names this unit as lead or responsible"]),
    ("  title: 某市工作安排\n", "  title: 某市工作安排\n  title: 又一个\n",
     ["15:3: error: duplicate key 'title' (first written at line 14)"]),
    ("units:\n", "units: [\n",
     ["18:3: error: invalid YAML: while parsing a flow node expected the node content, "
      "but found '-'"]),
])
def test_bad_data_is_reported_where_it_is(tmp_path, capsys, old, new, messages):
    assert old in SMALL
    assert run_check(tmp_path, capsys, SMALL.replace(old, new, 1)) == messages
