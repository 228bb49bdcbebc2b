"""Large plans: bounded nav, a strict build, and regeneration that touches only what changed."""
import shutil

import pytest

from bench import synthetic
from bench.synthetic import write
from generator.build import generate, load_plan, load_site, publish_urls
from generator.model.plan import build
from generator.outputs.render import render
from generator.site.listing import MATRIX_CELLS, UNIT_PAGE_TASKS
from generator.site.navigation import LIMIT, nav, outside_nav
from generator.site.pages import registry
from tests.conftest import FIXTURES, ROOT, build_site, nav_pages


@pytest.mark.slow
def test_a_large_plan_has_a_bounded_nav_and_builds_strict(tmp_path):
    data = write(LIMIT + 90, tmp_path)  # 150 tasks, 8 sections, 30 units
    publish_urls(data)
    site = load_site(data)[1]
    plan = site.plan
    assert len(plan.tasks) == 150
    entries = nav_pages(nav(site))
    assert not any(page.startswith("2017/tasks/") for page in entries)
    # home, the plan's page, its sections, its matrix, the directory and the units
    assert len(entries) == 3 + len(plan.sections) + 1 + len(plan.units)
    assert outside_nav(site) == ["/2017/tasks/*.md", "/2017/matrix/*.md", "!/2017/matrix/index.md"]
    result = build_site(data, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    page = (tmp_path / "site/2017/tasks").glob("*/index.html").__next__().read_text(encoding="utf-8")
    assert len(page.encode()) < 80 * 1024


def test_the_nav_of_thousands_of_tasks_does_not_grow_with_them():
    small, large = registry(build(synthetic.plan(1200))), registry(build(synthetic.plan(2400)))
    assert nav_pages(nav(small)) == nav_pages(nav(large)) == [
        "index.md", "2017/index.md", "2017/matrix/index.md", "units/index.md"]
    assert outside_nav(large) == ["/2017/sections/*/index.md", "/2017/tasks/*.md", "/units/*.md",
                                  "!/units/index.md", "/2017/matrix/*.md",
                                  "!/2017/matrix/index.md", "/units/*/"]


def test_editing_one_task_rewrites_only_the_pages_that_show_its_text(tmp_path):
    data = tmp_path / "plan.yaml"
    shutil.copy(FIXTURES / "small_plan.yaml", data)
    shutil.copy(FIXTURES / "urls.txt", tmp_path / "urls.txt")
    docs = tmp_path / "docs"
    generate(data, docs)
    assert generate(data, docs)[1].written == []
    data.write_text(data.read_text(encoding="utf-8").replace("办好群众反映的民生事项。",
                                                            "办好群众反映的民生事项，做好投诉处理。"),
                    encoding="utf-8")
    assert generate(data, docs)[1].written == [
        "2020/downloads/plan.json", "2020/downloads/tasks.csv",
        "2020/tasks/tui-xing-12345-re-xian.md", "downloads/tasks.csv"]


@pytest.mark.parametrize("shape", synthetic.SHAPES)
def test_a_large_matrix_is_a_page_for_each_section(shape):
    site = registry(build(synthetic.plan(1200, shape=shape)))
    plan = site.plan
    named = plan.units_by_pinyin(collective=False)
    assert len(plan.tasks) * len(named) > MATRIX_CELLS
    parts = site.parts_of(None)
    assert [part.record.section for part in parts] == list(plan.sections)
    assert {part.url for part in parts} == {f"/2017/matrix/{s.slug}/" for s in plan.sections}
    pages = render(site, "plan.yaml")
    index = pages["2017/matrix/index.md"]
    assert "plan-matrix" not in index  # the index lists the sections, it draws no grid
    for part in parts:
        section, text = part.record.section, pages[part.path]
        for task in section.tasks:
            assert task.title in text
        involved = {u for t in section.tasks for u in t.lead_units + t.responsible_units
                    if not u.collective}
        grid = len(section.tasks) * len(involved) <= MATRIX_CELLS
        assert ("plan-matrix" in text) == grid, section.title
        if grid:  # a column for every unit the section names, and no other
            assert text.count("<span class=\"sr-only\">") == sum(
                len(set(t.lead_units + t.responsible_units) - set(plan.units_by_pinyin(collective=True)))
                for t in section.tasks)


def test_the_real_plan_keeps_one_matrix_and_one_page_a_unit():
    site = load_site(ROOT / "data")[1]
    assert site.parts_of(None) == []
    assert all(site.parts_of(unit) == [] for unit in site.plan.units)
    assert "plan-matrix" in render(site, "data")["2017/matrix/index.md"]


@pytest.mark.parametrize("shape", synthetic.SHAPES)
def test_a_unit_with_many_tasks_lists_them_a_section_a_page(shape):
    site = registry(build(synthetic.plan(1200, shape=shape)))
    plan = site.plan
    pages = render(site, "plan.yaml")
    split = [unit for unit in plan.units if site.parts_of(unit)]
    assert {unit.name for unit in plan.units if unit.collective} <= {unit.name for unit in split}
    for unit in plan.units:
        tasks = set(plan.tasks_led_by(unit) + plan.tasks_assigned_to(unit))
        parts = site.parts_of(unit)
        assert bool(parts) == (len(tasks) > UNIT_PAGE_TASKS), unit.name
        if not parts:
            continue
        first = pages[site.page_of(unit).path]
        assert "各部分的任务" in first and "牵头任务（" not in first
        listed = set()
        for part in parts:
            section = part.record.section
            assert part.url == f"/units/{unit.slug}/2017/{section.slug}/"
            text = pages[part.path]
            assert "](../../../2017/tasks/" in text  # links to tasks from two folders further down
            listed |= {task for task in tasks if plan.section_of(task) is section
                       and f"{task.label}" in text}
        assert listed == tasks  # every task of the unit on the page of its section


@pytest.mark.parametrize("shape", synthetic.SHAPES)
def test_no_page_of_a_large_plan_grows_with_the_whole_plan(shape):
    # Markdown of 2,000 tasks; the theme adds some 30 KB to each page it builds (bench/run.py
    # measures the built pages against the 250 KB bound).
    site = registry(build(synthetic.plan(2000, shape=shape)))
    pages = render(site, "plan.yaml")
    sizes = {path: len(text.encode()) for path, text in pages.items() if path.endswith(".md")}
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] < 180 * 1024, largest
