"""A small fixture plan generated and built into tmp_path: pages, links, nav, ownership."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.build import generate, load_site
from generator.site.navigation import nav
from generator.site.urls import url_of
from tests.conftest import FIXTURES, ROOT, build_site, nav_pages

SMALL = FIXTURES / "small_plan.yaml"
LINK = re.compile(r"\]\(([^)]+)\)")

EXPECTED_PAGES = {
    "index.md",
    "2020/index.md",
    "2020/matrix/index.md",
    "2020/sections/wan-shan-jue-ce-ji-zhi/index.md",
    "2020/sections/jia-qiang-zu-zhi-bao-zhang/index.md",
    "2020/tasks/jian-li-chang-xiao-ji-zhi.md",
    "2020/tasks/tui-xing-12345-re-xian.md",
    "2020/tasks/jia-qiang-fa-zhi-ji-gou-jian-she.md",
    "units/index.md",
    "units/shi-zheng-fu-fa-zhi-ban.md",
    "units/shi-si-fa-ju.md",
    "units/shi-cai-zheng-ju.md",
    "units/you-zhi-fa-zhi-ze-de-shi-ji-bu-men.md",
    "units/ge-xian-qu-ren-min-zheng-fu.md",
}


@pytest.fixture
def docs(tmp_path) -> Path:
    generate(SMALL, tmp_path / "docs")
    return tmp_path / "docs"


def pages_in(docs: Path) -> set[str]:
    return {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}


def test_one_page_per_task_unit_and_section(docs):
    assert pages_in(docs) == EXPECTED_PAGES


def test_every_link_resolves_to_a_generated_page(docs):
    for name in EXPECTED_PAGES:
        for target in LINK.findall((docs / name).read_text(encoding="utf-8")):
            path = target.split("#")[0]
            assert (docs / name).parent.joinpath(path).resolve().is_file(), (name, target)


def test_task_page(docs):
    page = (docs / "2020/tasks/tui-xing-12345-re-xian.md").read_text(encoding="utf-8")
    assert "# （二）推行12345热线\n" in page
    assert "推行12345热线。办好群众反映的民生事项。" in page
    assert "〔牵头单位：市政府法制办；责任单位：市财政局和有执法职责的市级部门〕" in page
    assert "**牵头单位**：[市政府法制办](../../units/shi-zheng-fu-fa-zhi-ban.md)" in page
    assert ("**责任单位**：[市财政局](../../units/shi-cai-zheng-ju.md)、"
            "[有执法职责的市级部门](../../units/you-zhi-fa-zhi-ze-de-shi-ji-bu-men.md)") in page
    assert "所属部分：[一、完善决策机制](../sections/wan-shan-jue-ce-ji-zhi/index.md)" in page
    assert "[上一项：（一）建立长效机制](jian-li-chang-xiao-ji-zhi.md)" in page
    assert "[下一项：（三）加强法制机构建设](jia-qiang-fa-zhi-ji-gou-jian-she.md)" in page


def test_unit_page_lists_led_and_assigned_tasks_and_co_leads(docs):
    finance = (docs / "units/shi-cai-zheng-ju.md").read_text(encoding="utf-8")
    assert "牵头 1 项任务，负责 1 项任务" in finance
    assert "## 2020年 { #2020 }" in finance
    assert "### 牵头任务（1 项）" in finance and "### 责任任务（1 项）" in finance
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr [^>]*>(.*?)</tr>", finance)]
    assert cells == [
        ["（三）", "[加强法制机构建设](../2020/tasks/jia-qiang-fa-zhi-ji-gou-jian-she.md)",
         "[二、加强组织保障](../2020/sections/jia-qiang-zu-zhi-bao-zhang/index.md)", "—"],
        ["（二）", "[推行12345热线](../2020/tasks/tui-xing-12345-re-xian.md)",
         "[一、完善决策机制](../2020/sections/wan-shan-jue-ce-ji-zhi/index.md)",
         "[市政府法制办](shi-zheng-fu-fa-zhi-ban.md)"]]
    legal = (docs / "units/shi-zheng-fu-fa-zhi-ban.md").read_text(encoding="utf-8")
    assert "- [市司法局](shi-si-fa-ju.md)：[（一）](../2020/tasks/jian-li-chang-xiao-ji-zhi.md)" in legal


def test_directory_sorts_by_pinyin_with_collective_units_apart(docs):
    directory = (docs / "units/index.md").read_text(encoding="utf-8")
    named, collective = directory.split("## 统称")
    first_cells = r"<tr [^>]*><td [^>]*>\[([^]]+)\]"
    assert re.findall(first_cells, named) == ["市财政局", "市司法局", "市政府法制办"]
    assert re.findall(first_cells, collective) == ["各县（区）人民政府", "有执法职责的市级部门"]


def test_nav_reaches_every_page_in_plan_order():
    site = load_site(SMALL)[1]

    assert sorted(nav_pages(nav(site))) == sorted(EXPECTED_PAGES)
    assert nav(site)[1]["2020年"][0] == "2020/index.md"
    assert nav(site)[1]["2020年"][1] == {"一、完善决策机制": [
        {"一、完善决策机制": "2020/sections/wan-shan-jue-ce-ji-zhi/index.md"},
        {"（一）建立长效机制": "2020/tasks/jian-li-chang-xiao-ji-zhi.md"},
        {"（二）推行12345热线": "2020/tasks/tui-xing-12345-re-xian.md"},
    ]}


@pytest.mark.slow
def test_fixture_builds_strict_into_a_site(tmp_path):
    result = build_site(SMALL, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    site = tmp_path / "site"
    for page in EXPECTED_PAGES:
        assert (site / url_of(page).lstrip("/") / "index.html").is_file(), page
    html = (site / "units/shi-cai-zheng-ju/index.html").read_text(encoding="utf-8")
    assert "推行12345热线" in html and 'href="../../2020/tasks/tui-xing-12345-re-xian/"' in html


def test_regenerating_unchanged_data_writes_nothing(docs, capsys):
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    assert main(["--data", str(SMALL), "--docs", str(docs)]) == 0
    # 14 pages, the plan's 6 downloads and the 4 CSV files of all years, the site's feed and one
    # feed for each of the 5 units
    assert capsys.readouterr().out == f"{docs.as_posix()}/: 0 page(s) written, 0 deleted, 30 unchanged\n"
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")} == before


def test_hand_written_files_in_generated_folders_are_reported_and_kept(docs, capsys):
    notes = docs / "2020" / "tasks" / "notes.md"
    notes.write_text("# 我的笔记\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in docs.rglob("*.md")}
    assert main(["--data", str(SMALL), "--docs", str(docs)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{notes}:1:1: error: this file was not generated from the data, but docs/2020 "
        "belongs to the generator; move the file out of it (it was left untouched)",
        f"1 error(s), 0 warning(s); {docs.as_posix()}/ was not changed"]
    assert {p: p.read_bytes() for p in docs.rglob("*.md")} == before


def test_clean_deletes_generated_pages_only(docs):
    shutil.copy(SMALL, docs / "plan-copy.yaml")
    assert main(["clean", "--docs", str(docs)]) == 0
    assert [p.name for p in docs.rglob("*") if p.is_file()] == ["plan-copy.yaml"]


def one_task_changed(tmp_path: Path) -> Path:
    """The fixture plan with one task's text edited, so that a build has a page to rewrite."""
    changed = tmp_path / "data" / "plan.yaml"
    changed.parent.mkdir()
    shutil.copy(FIXTURES / "urls.txt", changed.with_name("urls.txt"))
    changed.write_text(SMALL.read_text(encoding="utf-8").replace(
        "建立健全重大行政决策制度。", "建立健全重大行政决策程序制度。"), encoding="utf-8")
    return changed


def files_of(docs: Path) -> dict[Path, tuple[bytes, int]]:
    """Every file's bytes and modification time: what "left as it was" means."""
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()}


def test_a_build_that_fails_while_rendering_leaves_docs_as_it_was(docs, tmp_path, monkeypatch):
    changed = one_task_changed(tmp_path)
    before = files_of(docs)

    # the downloads are rendered after every page, so each changed page was staged by then
    def broken(*_):
        raise RuntimeError("the downloads could not be rendered")
    monkeypatch.setattr("generator.outputs.downloads._csv", broken)
    with pytest.raises(RuntimeError, match="the downloads could not be rendered"):
        generate(changed, docs)
    assert files_of(docs) == before

    monkeypatch.undo()
    site, report = generate(changed, docs)
    assert "2020/tasks/jian-li-chang-xiao-ji-zhi.md" in report.written
    assert "建立健全重大行政决策程序制度。" in (docs / "2020/tasks/jian-li-chang-xiao-ji-zhi.md").read_text(
        encoding="utf-8")
    assert not (docs / ".generating").exists()


def test_pages_left_staged_by_a_killed_build_never_reach_the_site(docs):
    """A build killed while writing leaves its staging folder; the next build clears it."""
    staged = docs / ".generating" / "units" / "shi-cai-zheng-ju.md"
    staged.parent.mkdir(parents=True)
    staged.write_text("---\n# Generated by `python -m generator`\n---\n# 半页\n", encoding="utf-8")
    _, report = generate(SMALL, docs)
    assert (report.written, report.deleted) == ([], [])
    assert not (docs / ".generating").exists()
    assert "半页" not in (docs / "units" / "shi-cai-zheng-ju.md").read_text(encoding="utf-8")


def test_pages_that_cannot_be_written_are_an_error_and_docs_stays_as_it_was(docs, tmp_path, capsys):
    changed = one_task_changed(tmp_path)
    (docs / ".generating").write_text("", encoding="utf-8")  # the staging folder cannot be made
    before = files_of(docs)
    assert main(["--data", str(changed), "--docs", str(docs)]) == 1
    assert capsys.readouterr().err == (
        f"error: {docs}/.generating: the pages could not be written: [Errno 17] File exists: "
        f"'{docs}/.generating'; {docs}/ was not changed\n")
    assert files_of(docs) == before


@pytest.mark.slow
def test_a_plain_mkdocs_build_generates_the_pages_through_the_hook(tmp_path):
    """`make serve` and a plain `mkdocs build` of mkdocs.yml run generator/mkdocs_hook.py,
    which writes docs/ and takes the site's name and nav from the data."""
    docs = tmp_path / "docs"
    docs.mkdir()
    env = {**os.environ, "PLAN_DATA": str(SMALL), "PLAN_DOCS": str(docs), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                             str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert pages_in(docs) == EXPECTED_PAGES and not (docs / ".generating").exists()
    page = (tmp_path / "site" / "units" / "shi-cai-zheng-ju" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>(.*?)</title>", page).group(1) == "市财政局 - 某市工作安排"
