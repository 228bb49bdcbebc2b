"""The one list of pages: every stage reads it, and two records never share a URL."""
import copy

import pathspec
import pytest
import yaml

from bench import synthetic
from generator.__main__ import main
from generator.build import load_site, publish_urls
from generator.outputs import write
from generator.outputs.downloads import plan_data
from generator.outputs.render import render
from generator.site import ledger
from generator.site.navigation import nav, outside_nav
from tests.conftest import FIXTURES, nav_pages

SMALL = yaml.safe_load((FIXTURES / "small_plan.yaml").read_text(encoding="utf-8"))


def site_of(data: dict, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    publish_urls(path)
    return load_site(path)[1]


# the fixture, and synthetic plans whose nav lists every page, leaves out the tasks, leaves out
# all (21 sections, 84 units)
@pytest.fixture(params=["fixture", 22, 150, 420], ids=str)
def site(request, tmp_path):
    return site_of(SMALL if request.param == "fixture" else synthetic.plan(request.param), tmp_path)


def test_render_ledger_nav_downloads_and_write_read_one_list(site):
    paths = [page.path for page in site.pages]
    parts = site.parts_of(None) + [part for unit in site.plan.units for part in site.parts_of(unit)]
    # home, the plan's page, the unit directory, the matrix
    assert len(set(paths)) == len(paths) == 4 + len(site.plan.sections) + len(site.plan.tasks) \
        + len(site.plan.units) + len(parts)
    rendered = render(site, "plan.yaml")
    assert {name for name in rendered if name.endswith(".md")} == set(paths)
    assert set(ledger.published(site)) == {page.url for page in site.pages}
    # each page is either in the nav or left out of it on purpose, never both
    listed = nav_pages(nav(site))
    left_out = pathspec.gitignore.GitIgnoreSpec.from_lines(outside_nav(site))
    for path in paths:
        assert (path in listed) != left_out.match_file(path), path
    # the write step owns every page it is given, and nothing else is left to chance
    for path in rendered:
        assert path in write.OWNED_FILES or path.split("/")[0] in write.OWNED_FOLDERS \
            or path.split("/")[0] == str(site.plan.year), path
    data = plan_data(site)
    urls = {page.url for page in site.pages}
    assert {entry["url"] for kind in ("sections", "tasks", "units") for entry in data[kind]} \
        == urls - {site.the(kind).url for kind in ("home", "plan", "directory", "matrix")} \
        - {part.url for part in parts}


def test_each_record_knows_where_its_url_is_decided(tmp_path):
    site = site_of(SMALL, tmp_path)
    lines = (tmp_path / "plan.yaml").read_text(encoding="utf-8").splitlines()
    for page in site.pages:
        if page.record is None:
            assert page.origin is None
            continue
        named_by = page.kind.named_by
        value = getattr(page.record, named_by) if named_by == "name" else page.record.title
        line = lines[page.origin.line - 1]
        assert line[page.origin.column - 1:] == value, (page.label, line)


# In data order
RECORDS = {"unit": lambda plan: plan.units, "section": lambda plan: plan.sections,
           "task": lambda plan: plan.tasks}
ENTRIES = {"unit": lambda data: data["units"], "section": lambda data: data["sections"],
           "task": lambda data: [task for section in data["sections"] for task in section["tasks"]]}


@pytest.mark.parametrize("kind", list(RECORDS))
def test_two_records_with_one_url_are_reported_at_both(tmp_path, capsys, kind):
    """The second record of each kind pinned to the first one's slug."""
    before = site_of(SMALL, tmp_path)
    first, second = (before.page_of(record) for record in RECORDS[kind](before.plan)[:2])
    data = copy.deepcopy(SMALL)
    ENTRIES[kind](data)[1]["slug"] = first.record.slug
    path = tmp_path / "pinned" / "plan.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()

    def position(text: str, after: int = 0) -> str:
        number = next(i for i, line in enumerate(lines, 1) if i > after and line.endswith(": " + text))
        return f"{number}:{lines[number - 1].index(text) + 1}"

    named_by = first.kind.named_by
    first_at = position(getattr(first.record, named_by))
    second_line = int(position(getattr(second.record, named_by)).split(":")[0])
    slug_at = position(first.record.slug, after=second_line)
    assert main(["check", "--data", str(path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:{slug_at}: error: {second.label}: URL {first.url} is also the URL of "
        f"{first.label} ({path}:{first_at}); pin another with the field 'slug'",
        "1 error(s), 0 warning(s); nothing was changed"]


def test_a_new_kind_of_output_is_one_entry_its_template_and_its_context(tmp_path, monkeypatch):
    """DEVELOPMENT.md, "Adding a kind of output", followed to the letter: a printable list of
    each unit's tasks. With the entry, its listing, its context and its template, and nothing
    else, the pages are rendered and written, in the ledger, left out of the nav on purpose, and
    a link to a unit still opens the unit's own page."""
    from jinja2 import ChoiceLoader, DictLoader

    from generator.i18n import N_
    from generator.outputs import render as rendering
    from generator.site import kinds, listing
    from generator.site.listing import Listed

    def unit_prints(plans, units):
        for unit in units:
            yield Listed(unit, label=(N_("the printable list of unit {name}"), {"name": unit.name}))

    def unit_print(page, r):
        return {"hide": ("navigation", "toc"), "searched": False}, {
            "unit": page.record, "feed": r.site.feed_of(page.record)}

    entry = kinds.Kind("unit-print", unit_prints, lambda slug: f"units/{slug}/print.md", "units",
                       template="unit-print.md.j2", context=unit_print, named_by="name",
                       unlisted="/units/*/print.md")
    monkeypatch.setattr(kinds, "KINDS", {**kinds.KINDS, entry.name: entry})
    monkeypatch.setattr("generator.site.pages.KINDS", kinds.KINDS)
    env = rendering._environment()
    monkeypatch.setattr(env, "loader", ChoiceLoader([env.loader, DictLoader({
        "unit-print.md.j2": "# {{ unit.name|text }}\n\n[本单位]({{ link(unit) }})，"
                            "[订阅]({{ link(feed) }})\n"})]))
    monkeypatch.setattr(env, "cache", {})

    site = site_of(SMALL, tmp_path)
    unit = site.units[0]
    rendered = render(site, "plan.yaml")
    printed = rendered[f"units/{unit.slug}/print.md"]
    assert f"# {unit.name}\n\n[本单位](../{unit.slug}.md)，[订阅](feed.xml)\n" in printed
    assert site.page_of(unit).kind.name == "unit"
    assert ledger.published(site)[f"/units/{unit.slug}/print/"] == \
        f"the printable list of unit {unit.name}"
    assert f"units/{unit.slug}/print.md" not in nav_pages(nav(site))
    assert pathspec.gitignore.GitIgnoreSpec.from_lines(outside_nav(site)).match_file(
        f"units/{unit.slug}/print.md")
    docs = tmp_path / "docs"
    report = write.write_files(docs, rendered)
    assert f"units/{unit.slug}/print.md" in report.written
    assert write.write_files(docs, {}).deleted  # the write step owns what the kind writes
    assert not (docs / "units").exists()
