"""The year's loop on the real 2017 plan, in a copy of data/ in a temporary folder: forms written,
opened and saved by LibreOffice as a unit would, filled for two units (one with a mistake,
reported at its cell, then mended), imported, built into the site (badges, timelines, feeds), and
the report drafted citing exactly the imported entries.

The entries are made up by the test and live only in the temporary copy: no progress on the 2017
plan has been published, and data/progress/ stays absent."""
import datetime
import re
import shutil
import subprocess

import docx
import feedparser
import lxml.html
import pytest
import yaml

from generator.build import load_plan
from generator.model.progress import STATUSES
from tests.conftest import ROOT, build_site
from tests.test_forms import (RAW_TASKS, UNITS, WRITTEN, check_protection, copy_data, expected_rows,
                              fill, import_forms, run, write_forms)

# the year's commands as a maintainer runs them, in Chinese (the default)
pytestmark = pytest.mark.usefixtures("chinese")

# the two units with the most tasks: they share some, so a task gets entries of both
FIRST, SECOND = sorted(UNITS, key=lambda name: -len(expected_rows(name)))[:2]
PLAN = load_plan(ROOT / "data")
SLUG = {task.label: task.slug for task in PLAN.tasks}
UNIT_SLUG = {unit.name: unit.slug for unit in PLAN.units}


def libreoffice(files, out, profile):
    """Open each file in LibreOffice Calc and save it as .xlsx into out/, as a unit would."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: `make test` installs Debian's libreoffice-calc"
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}",
                             "--convert-to", "xlsx", "--outdir", str(out), *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    saved = {path.name: out / path.name for path in files}
    assert all(path.is_file() for path in saved.values()), result.stdout + result.stderr
    return saved


def filled(unit: str, k: int) -> dict[str, object]:
    """What `unit` reports on its k-th task (test words, by rule)."""
    return {"E": WRITTEN + datetime.timedelta(days=7 * k + (3 if unit == SECOND else 1)),
            "F": STATUSES[(k + (unit == SECOND)) % len(STATUSES)],
            "G": f"测试：{unit}就第{k + 1}项任务所做的工作。",
            "H": f"https://example.org/{UNIT_SLUG[unit]}/{k}.html" if k % 2 == 0 else None}


def expected_entries():
    """(task label, date, status, unit, text, evidence) of every row the two units filled."""
    entries = []
    for unit in (FIRST, SECOND):
        for k, row in enumerate(expected_rows(unit)):
            values = filled(unit, k)
            entries.append((row[0], values["E"], values["F"], unit, values["G"],
                            [values["H"]] if values["H"] else []))
    return entries


def newest_first(entries):
    return sorted(entries, key=lambda e: e[1], reverse=True)  # no two entries share a date and task


@pytest.fixture(scope="module")
def loop(tmp_path_factory):
    root = tmp_path_factory.mktemp("loop")
    data = copy_data(root)
    forms = write_forms(data, root / "forms")
    opened = libreoffice(sorted(forms.values()), root / "opened", root / "profile")
    return root, data, {unit: opened[path.name] for unit, path in forms.items()}


@pytest.mark.slow
def test_forms_saved_by_libreoffice_keep_their_tasks_locks_and_drop_down(loop):
    import openpyxl

    _, _, forms = loop
    for unit, path in forms.items():
        sheet = openpyxl.load_workbook(path)["进展填报"]
        rows = expected_rows(unit)
        assert [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=5, max_col=4)] == rows
        assert (sheet["B2"].value, sheet["D2"].value) == (unit, 2017)
        check_protection(sheet, len(rows))


@pytest.mark.slow
def test_the_loop_forms_import_site_report(loop):
    root, data, forms = loop
    returned = root / "returned"
    mistake = len(expected_rows(SECOND)) // 2
    rows = {unit: {k: filled(unit, k) for k in range(len(expected_rows(unit)))} for unit in (FIRST, SECOND)}
    wrong = {**rows[SECOND], mistake: {**rows[SECOND][mistake], "F": "进行中"}}
    drafts = [fill(forms[FIRST], rows[FIRST], root / "filled" / forms[FIRST].name),
              fill(forms[SECOND], wrong, root / "filled" / forms[SECOND].name)]
    libreoffice(drafts, returned, root / "profile")
    result = import_forms(data, returned, "--year", 2017)
    name = f"{returned.as_posix()}/{forms[SECOND].name}"
    label = expected_rows(SECOND)[mistake][0]
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{name}:进展填报!F{5 + mistake}: 错误：任务{label}：状态“进行中”不在下拉列表中；"
        "应为 未启动、推进中、已完成、滞后、调整 之一",
        f"共 1 处错误；{data.as_posix()}/progress/ 未改动"]
    assert not (data / "progress").exists()

    # mended and sent again
    libreoffice([fill(forms[SECOND], rows[SECOND], root / "filled" / forms[SECOND].name)],
                returned, root / "profile")
    result = import_forms(data, returned, "--year", 2017)
    assert (result.returncode, result.stderr) == (0, "")
    progress = data / "progress" / "2017.yaml"
    counts = {unit: len(expected_rows(unit)) for unit in (FIRST, SECOND)}
    assert sorted(result.stdout.splitlines()) == sorted([
        f"  {unit}（{forms[unit].name}）：新增 {counts[unit]} 条，已有 0 条跳过，未填 0 行"
        for unit in (FIRST, SECOND)] + [f"{progress.as_posix()}：新增 {sum(counts.values())} 条进展，0 条已有而跳过"])
    entries = expected_entries()
    check_site(root, data, entries)
    check_report(root, data, progress, entries)
    assert not (ROOT / "data" / "progress").exists()


def check_site(root, data, entries):
    out = root / "build"
    result = build_site(data, out)
    assert result.returncode == 0, result.stderr
    site = out / "site"
    by_task = {}
    for entry in newest_first(entries):
        by_task.setdefault(entry[0], []).append(entry)
    for task in RAW_TASKS:
        label = f"（{task['number']}）"
        page = lxml.html.parse(str(site / "2017" / "tasks" / SLUG[label] / "index.html")).getroot()
        badges = page.xpath('//*[@id="progress"]/following-sibling::*[1]//*[contains(@class, "status-badge")]')
        items = page.xpath('//*[contains(@class, "progress-timeline")]//li')
        history = by_task.get(label, [])
        assert [b.text_content() for b in badges] == [e[2] for e in history[:1]], label
        shown = [" ".join(li.text_content().split()) for li in items]
        assert [line[:len(_said(e))] for line, e in zip(shown, history)] == \
            [_said(e) for e in history] and len(shown) == len(history), label
        links = [[a.get("href") for a in li.xpath('.//a[@rel="external"]')] for li in items]
        assert links == [e[5] for e in history]
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert feed.bozo == 0
    assert [(e.updated[:10], e.author, e.summary) for e in feed.entries] == \
        [(str(e[1]), e[3], e[4]) for e in newest_first(entries)]
    for unit in (FIRST, SECOND):
        labels = {row[0] for row in expected_rows(unit)}
        unit_feed = feedparser.parse((site / "units" / UNIT_SLUG[unit] / "feed.xml").read_bytes())
        assert [(e.updated[:10], e.author) for e in unit_feed.entries] == \
            [(str(e[1]), e[3]) for e in newest_first(entries) if e[0] in labels]


def _said(entry) -> str:
    return f"{entry[1]} {entry[2]} {entry[3]}：{entry[4]}"


def check_report(root, data, progress, entries):
    report = root / "report" / "2017.docx"
    result = run("report", "--data", data, "--year", 2017, "--report", report)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"{report.as_posix()}、{report.with_suffix('.md').as_posix()}："
                             f"2017年度报告草稿，引用进展 {len(entries)} 条\n")
    markdown = report.with_suffix(".md").read_text(encoding="utf-8")
    lines = markdown.splitlines()
    assert lines[0] == "**草稿**"
    sources = lines[lines.index("## 依据") + 2:]
    cited = {}
    for line in sources:
        number, _, rest = line.removeprefix("- \\[").partition("\\] ")
        cited[int(number)] = rest
    # the progress file's line of each entry: where its `- task:` is
    text = progress.read_text(encoding="utf-8")
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if line.startswith("- task:")]
    in_file = yaml.safe_load(text)
    progress_cited = sorted(rest for rest in cited.values() if rest.startswith(progress.as_posix()))
    assert progress_cited == sorted(
        f"{progress.as_posix()}:{line}，进展第 {n} 条：{e['date']} {e['unit']} {e['status']}"
        for n, (line, e) in enumerate(zip(starts, in_file), 1))
    assert len(progress_cited) == len(entries)
    # every sentence carries a source that exists; every entry's words are there, with its source
    body = lines[:lines.index("## 依据")]
    for line in body:
        if line and not line.startswith("#") and line not in ("**草稿**",) and "待补充" not in line \
                and not line.startswith("本稿由"):
            refs = [int(n) for n in _refs(line)]
            assert refs and all(n in cited for n in refs), line
    for entry in entries:
        said = f"{entry[1]}，{entry[3]}（{entry[2]}）：{entry[4]}"
        line = next(line for line in body if said in line)
        assert any(f"{entry[1]} {entry[3]} {entry[2]}" in cited[n] for n in map(int, _refs(line)))
    # nothing a unit recorded that is not an imported entry
    recorded = [line for line in body if line.startswith("- 2017")]
    assert len(recorded) == len(entries)
    for behind in (e for e in entries if e[2] in ("滞后", "未启动")):
        latest = max((e for e in entries if e[0] == behind[0]), key=lambda e: e[1])
        if latest is behind:
            assert any(line.startswith(f"- {behind[0]}") and behind[4] in line for line in body)
    paragraphs = [p.text for p in docx.Document(report).paragraphs]
    assert paragraphs[0] == "草稿"
    for entry in entries:
        assert any(f"{entry[1]}，{entry[3]}（{entry[2]}）：{entry[4]}" in p for p in paragraphs)


def _refs(line: str) -> list[str]:
    return re.findall(r"\\\[(\d+)\\\]", line)
