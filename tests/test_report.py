"""The draft report of the fixture plan (tests/fixtures/small_plan.yaml as 2020) with its progress
fixture, and a 2021 plan made from it by rule: counts, latest reasons, next year's arrangements,
and every sentence citing the entry or plan line it comes from."""
import datetime
import html
import re
import shutil

import docx
import markdown as python_markdown
import pytest
import yaml

from tests.conftest import FIXTURES
from tests.test_forms import run

# the year's commands as a maintainer runs them, in Chinese (the default)
pytestmark = pytest.mark.usefixtures("chinese")

RAW_PROGRESS = yaml.safe_load((FIXTURES / "small_progress" / "2020.yaml").read_text(encoding="utf-8"))
PLAN_2020 = (FIXTURES / "small_plan.yaml").read_text(encoding="utf-8")


def plan_2021() -> tuple[str, list[tuple[str, str]]]:
    """The fixture plan moved to 2021 with every task retitled, and its (numeral, title)s."""
    data = yaml.safe_load(PLAN_2020.replace("〔2020〕", "〔2021〕").replace("2020年", "2021年")
                          .replace("2020-", "2021-"))
    tasks = []
    for section in data["sections"]:
        for task in section["tasks"]:
            task["title"] = "下一年度" + task["title"]
            task.pop("slug", None)
            tasks.append((task["number"], task["title"]))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False), tasks


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    (folder / "plans").mkdir(parents=True)
    (folder / "plans" / "2020.yaml").write_text(PLAN_2020, encoding="utf-8")
    shutil.copy(FIXTURES / "urls.txt", folder / "urls.txt")
    (folder / "progress").mkdir()
    shutil.copy(FIXTURES / "small_progress" / "2020.yaml", folder / "progress" / "2020.yaml")
    return folder


def draft(data, year, tmp_path):
    report = tmp_path / "out" / f"{year}.docx"
    result = run("report", "--data", data, "--year", year, "--report", report)
    assert result.returncode == 0, result.stderr
    return report.with_suffix(".md").read_text(encoding="utf-8"), report


def sources_of(markdown: str) -> dict[int, str]:
    lines = markdown.splitlines()
    return {int(m.group(1)): shown(m.group(2))
            for line in lines[lines.index("## 依据"):]
            if (m := re.fullmatch(r"- \\\[(\d+)\\\] (.*)", line))}


def shown(line: str) -> str:
    """What a Markdown line says once its escapes are read."""
    return html.unescape(re.sub(r"\\(.)", r"\1", line))


def latest(entries):
    """Each task's latest entry: by date, and on one date the one written later."""
    found = {}
    for i, entry in sorted(enumerate(entries), key=lambda p: (p[1]["date"], p[0])):
        found[entry["task"]] = entry
    return found


def test_the_draft_counts_lists_reasons_and_next_years_plan_each_with_its_source(data, tmp_path):
    text, tasks_2021 = plan_2021()
    (data / "plans" / "2021.yaml").write_text(text, encoding="utf-8")
    # every task not started, and the last one then behind, so that part has something to list
    plan = yaml.safe_load(PLAN_2020)
    raw_tasks = [t for s in plan["sections"] for t in s["tasks"]]
    added = [{"task": task["number"], "date": datetime.date(2020, 12, 1 + k), "status": "未启动",
              "unit": (task.get("lead") or task["responsible"])[0], "text": f"第{k + 1}项尚未启动。"}
             for k, task in enumerate(raw_tasks)]
    added.append({**added[-1], "date": datetime.date(2020, 12, 30), "status": "滞后",
                  "text": "经费未到位。"})
    entries = RAW_PROGRESS + added
    with (data / "progress" / "2020.yaml").open("a", encoding="utf-8") as file:
        file.write(yaml.safe_dump(added, allow_unicode=True, sort_keys=False))
    markdown, report = draft(data, 2020, tmp_path)
    sources = sources_of(markdown)
    body = markdown.splitlines()[:markdown.splitlines().index("## 依据")]
    assert body[0] == "**草稿**"
    # the counts of the current statuses
    current = latest(entries)
    numerals = [t["number"] for s in plan["sections"] for t in s["tasks"]]
    for status in ("未启动", "推进中", "已完成", "滞后", "调整"):
        count = sum(1 for n in numerals if n in current and current[n]["status"] == status)
        lines = [line for line in body if line.startswith(f"- {status}：")]
        assert lines == ([f"- {status}：{count} 项 " + "".join(
            f"\\[{n}\\]" for n in _cited(lines[0]))] if count else [])
        for n in (_cited(lines[0]) if count else []):
            assert f" {status}" in sources[n] and "progress/2020.yaml" in sources[n]
    # every entry, with its source: the progress file's line of that entry
    progress_text = (data / "progress" / "2020.yaml").read_text(encoding="utf-8").splitlines()
    starts = [i + 1 for i, line in enumerate(progress_text) if line.startswith("- task:")]
    for k, entry in enumerate(entries):
        said = f"- {entry['date']}，{entry['unit']}（{entry['status']}）：{entry['text']}"
        line = next(line for line in body if shown(line).startswith(said))
        for url in entry.get("evidence", []):
            assert f"<{url}>" in line
        assert [sources[n] for n in _cited(line)] == [
            f"{data.as_posix()}/progress/2020.yaml:{starts[k]}，进展第 {k + 1} 条："
            f"{entry['date']} {entry['unit']} {entry['status']}"]
    # the tasks behind or not started, with their latest words
    behind = body[body.index("## 四、滞后和未启动的任务") + 2:body.index("## 五、下一年度主要安排")]
    titles = {t["number"]: t["title"] for s in plan["sections"] for t in s["tasks"]}
    assert [shown(line).rsplit(" ", 1)[0] for line in behind if line] == [
        f"- （{n}）{titles[n]}：{e['status']}。{e['date']}，{e['unit']}：{e['text']}"
        for n in numerals if (e := current.get(n)) and e["status"] in ("滞后", "未启动")]
    # next year's arrangements: the 2021 plan's tasks, each citing its line in that file
    after = body[body.index("## 五、下一年度主要安排") + 2:]
    listed = [line for line in after if line.startswith("- （")]
    assert [line.rsplit(" ", 1)[0] for line in listed] == [f"- （{n}）{title}" for n, title in tasks_2021]
    for line in listed:
        assert all(sources[n].startswith(f"{data.as_posix()}/plans/2021.yaml:") for n in _cited(line))
    # every sentence cites a source; the .docx says the same
    for line in body[1:]:
        if line and not line.startswith(("#", "本稿由")):
            assert _cited(line) and all(n in sources for n in _cited(line)), line
    paragraphs = [p.text for p in docx.Document(report).paragraphs]
    assert paragraphs[0] == "草稿"
    assert [p for p in paragraphs if p.startswith("（") and "下一年度" in p] == [
        f"（{n}）{title} [{_cited(line)[0]}]" for (n, title), line in zip(tasks_2021, listed)]


def _cited(line: str) -> list[int]:
    return [int(n) for n in re.findall(r"\\\[(\d+)\\\]", line)]


def test_a_year_without_progress_or_next_plan_says_so(data, tmp_path):
    (data / "progress" / "2020.yaml").write_text("# nothing yet\n", encoding="utf-8")
    markdown, _ = draft(data, 2020, tmp_path)
    assert "本年度尚无进展记录。" in markdown.splitlines()
    assert "2021年度工作安排尚未录入（data/plans/2021.yaml），待补充。" in markdown.splitlines()
    assert "- 2020" not in markdown


def test_entry_text_never_becomes_markup(data, tmp_path):
    hostile = "做了[链接](javascript:alert(1)) <b>加粗</b> *强调* # 标题 &amp; `代码` 1. 列表"
    entry = f"- task: 一\n  date: 2020-12-01\n  status: 推进中\n  unit: 市政府法制办\n  text: '{hostile}'\n"
    with (data / "progress" / "2020.yaml").open("a", encoding="utf-8") as file:
        file.write(entry)
    markdown, _ = draft(data, 2020, tmp_path)
    page = python_markdown.markdown(markdown)
    assert "<b>" not in page and "<em>" not in page and "<code>" not in page
    assert 'href="javascript' not in page
    line = next(line for line in markdown.splitlines() if "2020-12-01" in line)
    rendered = python_markdown.markdown(line)
    assert hostile in html.unescape(re.sub(r"<[^>]*>", "", rendered))  # the text, as it was written


def test_report_refuses_another_kind_of_file_and_an_unknown_year(data, tmp_path):
    result = run("report", "--data", data, "--year", 2020, "--report", tmp_path / "r.pdf")
    assert (result.returncode, result.stderr) == (1, f"{(tmp_path / 'r.pdf')}：报告的文件名应以 .docx 结尾\n")
    result = run("report", "--data", data, "--year", 2019, "--report", tmp_path / "r.docx")
    assert (result.returncode, result.stderr) == (1, f"{data.as_posix()}：没有 2019 年度的计划；已有的年度：2020\n")
    assert not (tmp_path / "r.docx").exists()
