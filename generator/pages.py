"""Every page of the site, listed once: its path, URL, label, template and place in the nav.

Render, the URL ledger, redirects, the nav, the downloads, the write step and the URL collision
check all read this one list (as Pelican's writers read each object's `save_as` and `url`, and
Eleventy checks output conflicts over its one list), so a new kind of page is added here.
"""
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import urls
from .diagnostics import Diagnostic
from .model import Origin, Plan, Section, Unit

PLAN_GROUP = "工作安排"
UNIT_GROUP = "单位"
# A page readers open often must stay light however large the plan (README, Performance):
# past this many tasks, a unit's page gives its counts by section, and each section's list of
# the unit's tasks is a page of its own;
UNIT_PAGE_TASKS = 150
# past this many cells (tasks by named units), the matrix is a page for each section, and a
# section that has more is drawn as a list of each task's units rather than as a grid.
MATRIX_CELLS = 2_500


@dataclass(frozen=True)
class Kind:
    name: str
    template: str
    folder: str  # the folder under docs/ its pages live in, which the generator owns; "" for the root
    path: Callable[[str], str]  # the page's path under docs/, from the record's slug
    named_by: str = ""  # the field of the record its slug is made from, unless pinned
    # Pages of a part of a record are not in the nav; the MkDocs not_in_nav pattern of them all.
    unlisted: str = ""


@dataclass(frozen=True, eq=False)
class UnitPart:
    """The tasks of one unit in one section: a page of its own once the unit has many."""
    unit: Unit
    section: Section

    @property
    def slug(self) -> str:
        return f"{self.unit.slug}/{self.section.slug}" if self.unit.slug and self.section.slug else ""

    @property
    def origin(self) -> Origin | None:
        return self.unit.origin


@dataclass(frozen=True, eq=False)
class MatrixPart:
    """The matrix of one section: a page of its own in a large plan."""
    section: Section

    @property
    def slug(self) -> str:
        return self.section.slug

    @property
    def origin(self) -> Origin | None:
        return self.section.origin


KINDS = {kind.name: kind for kind in (
    Kind("home", "home.md.j2", "", lambda _: "index.md"),
    # index.md, so that Material's navigation.indexes makes it the page of its nav group
    Kind("section", "section.md.j2", "sections", lambda slug: f"sections/{slug}/index.md", "title"),
    Kind("task", "task.md.j2", "tasks", lambda slug: f"tasks/{slug}.md", "title"),
    Kind("directory", "units.md.j2", "units", lambda _: "units/index.md"),
    Kind("matrix", "matrix.md.j2", "matrix", lambda _: "matrix/index.md"),
    Kind("unit", "unit.md.j2", "units", lambda slug: f"units/{slug}.md", "name"),
    Kind("unit-part", "unit-part.md.j2", "units", lambda slug: f"units/{slug}.md", "name",
         unlisted="/units/*/"),
    Kind("matrix-part", "matrix-part.md.j2", "matrix", lambda slug: f"matrix/{slug}.md", "title",
         unlisted="/matrix/*.md\n!/matrix/index.md"),
)}
# The folders under docs/ that hold nothing but generated pages.
FOLDERS = tuple(dict.fromkeys(kind.folder for kind in KINDS.values() if kind.folder))
# Pages the generator writes at the top of docs/.
ROOT_FILES = tuple(kind.path("") for kind in KINDS.values() if not kind.folder)


@dataclass(frozen=True, eq=False)
class Page:
    kind: Kind
    path: str  # under docs/
    url: str
    label: str  # the record as the ledger and messages name it: "task （三）加强法制机构建设"
    nav: tuple[str, ...] | None  # the nav groups it is listed in, outermost first; None: unlisted
    title: str | None  # its nav entry; None lets MkDocs take the page's own title
    record: Any = None  # the Section, Task or Unit it shows; None for a page of the whole plan

    @property
    def template(self) -> str:
        return self.kind.template

    @property
    def origin(self) -> Origin | None:
        """Where the data decides this page's URL, for messages about it."""
        return getattr(self.record, "origin", None)


class Site:
    """The pages of a plan, in reading order, with a lookup from each record to its page."""

    def __init__(self, plan: Plan, pages: list[Page]):
        self.plan = plan
        self.pages = tuple(pages)
        # records compare by identity, so this maps each record to its own page
        self._by_record = {page.record: page for page in self.pages if page.record is not None}
        self._by_kind = {page.kind.name: page for page in self.pages if page.record is None}
        self._parts: dict[Any, list[Page]] = {}
        for page in self.pages:
            if isinstance(page.record, UnitPart):
                self._parts.setdefault(page.record.unit, []).append(page)
            elif isinstance(page.record, MatrixPart):
                self._parts.setdefault(None, []).append(page)

    def page_of(self, record) -> Page:
        return self._by_record[record]

    def url_of(self, record) -> str:
        return self._by_record[record].url

    def parts_of(self, unit: Unit | None) -> list[Page]:
        """The pages a unit's task list is split into, or (None) those of the matrix: none
        while one page holds it all."""
        return self._parts.get(unit, [])

    def the(self, kind: str) -> Page:
        """The one page of a kind that shows the whole plan: home, directory, matrix."""
        return self._by_kind[kind]


def registry(plan: Plan) -> Site:
    """Every page of the plan's site: home, each section followed by its tasks, the unit
    directory, the matrix, then the units in pinyin order, collective units last."""
    def page(kind: str, label: str, nav: tuple[str, ...], title: str | None, record=None) -> Page:
        path = KINDS[kind].path(record.slug if record is not None else "")
        return Page(KINDS[kind], path, urls.url_of(path), label, nav, title, record)

    pages = [page("home", "the home page", (), "首页")]
    for section in plan.sections:
        heading = section.label + section.title
        group = (PLAN_GROUP, heading)
        pages.append(page("section", f"section {heading}", group, heading, section))
        pages += [page("task", f"task {task.label}{task.title}", group, task.label + task.title, task)
                  for task in section.tasks]
    pages.append(page("directory", "the unit directory", (UNIT_GROUP,), None))
    pages.append(page("matrix", "the responsibility matrix", (UNIT_GROUP,), "责任矩阵"))
    named = plan.units_by_pinyin(collective=False)
    if len(plan.tasks) * len(named) > MATRIX_CELLS:
        pages += [page("matrix-part", f"the responsibility matrix of section {section.label}"
                       f"{section.title}", None, None, MatrixPart(section))
                  for section in plan.sections]
    for unit in named + plan.units_by_pinyin(collective=True):
        pages.append(page("unit", f"unit {unit.name}", (UNIT_GROUP,), unit.name, unit))
        tasks = set(plan.tasks_led_by(unit) + plan.tasks_assigned_to(unit))
        if len(tasks) > UNIT_PAGE_TASKS:
            pages += [page("unit-part", f"unit {unit.name} in section {section.label}"
                           f"{section.title}", None, None, UnitPart(unit, section))
                      for section in plan.sections if tasks.intersection(section.tasks)]
    return Site(plan, pages)


def check(site: Site) -> list[Diagnostic]:
    """Every page has a URL of its own: two records sharing one would hide each other's page.

    A collision is reported at the record written later in the data, naming the earlier one."""
    problems = []
    owners: dict[str, Page] = {}
    in_file_order = sorted(site.pages, key=lambda page: (page.origin is not None, page.origin or ()))
    for page in in_file_order:
        origin = page.origin
        if page.record is not None and not page.record.slug:
            problems.append(_at(origin, f"{page.label}: the {page.kind.named_by} gives no pinyin for "
                                        "a URL; pin one with the field 'slug'"))
            continue
        first = owners.setdefault(page.url, page)
        if first is not page:
            where = f" ({first.origin})" if first.origin else ""
            problems.append(_at(origin, f"{page.label}: URL {page.url} is also the URL of "
                                        f"{first.label}{where}; pin another with the field 'slug'"))
    return problems


def _at(origin: Origin | None, message: str) -> Diagnostic:
    file, line, column = (origin.file, origin.line, origin.column) if origin else ("", 1, 1)
    return Diagnostic(file, line, column, "error", message)
