"""Large plans: bounded nav, a strict build, and regeneration that touches only what changed."""
import shutil

import pytest

from bench import synthetic
from bench.synthetic import write
from generator.build import generate, load_plan, load_site, publish_urls
from generator.model import build
from generator.pages import registry
from generator.render import MATRIX_CELLS, matrix_blocks
from generator.navigation import LIMIT, nav, outside_nav
from tests.conftest import FIXTURES, ROOT, build_site, nav_pages


@pytest.mark.slow
def test_a_large_plan_has_a_bounded_nav_and_builds_strict(tmp_path):
    data = write(LIMIT + 90, tmp_path)  # 150 tasks, 8 sections, 30 units
    publish_urls(data)
    site = load_site(data)[1]
    plan = site.plan
    assert len(plan.tasks) == 150
    entries = nav_pages(nav(site))
    assert not any(page.startswith("tasks/") for page in entries)
    assert len(entries) == 2 + len(plan.sections) + 1 + len(plan.units)
    assert outside_nav(site) == ["/tasks/*.md"]
    result = build_site(data, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    page = (tmp_path / "site/tasks").glob("*/index.html").__next__().read_text(encoding="utf-8")
    assert len(page.encode()) < 80 * 1024


def test_the_nav_of_thousands_of_tasks_does_not_grow_with_them():
    small, large = registry(build(synthetic.plan(1200))), registry(build(synthetic.plan(2400)))
    assert nav_pages(nav(small)) == nav_pages(nav(large)) == [
        "index.md", "units/index.md", "matrix/index.md"]
    assert outside_nav(large) == ["/tasks/*.md", "/sections/*/index.md", "/units/*.md",
                                  "!/units/index.md"]


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
        "downloads/plan.json", "downloads/tasks.csv", "tasks/tui-xing-12345-re-xian.md"]


def test_a_large_matrix_is_drawn_a_section_at_a_time():
    plan = build(synthetic.plan(1200))
    named = plan.units_by_pinyin(collective=False)
    assert len(plan.tasks) * len(named) > MATRIX_CELLS
    blocks = matrix_blocks(plan, named)
    assert [block["section"] for block in blocks] == list(plan.sections)
    assert sum(len(block["rows"]) for block in blocks) == 1200
    for block in blocks:
        marked = {unit for _, cells in block["rows"] for unit, role in cells if role}
        assert marked == set(block["columns"])  # a section's columns are the units it names
    real = load_plan(ROOT / "data" / "plan.yaml")
    [whole] = matrix_blocks(real, real.units_by_pinyin(collective=False))
    assert whole["section"] is None and len(whole["rows"]) == 22 and len(whole["columns"]) == 13
