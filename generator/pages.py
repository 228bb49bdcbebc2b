"""Every page of the site, listed once: its path, URL, label, template and place in the nav.

Render, the URL ledger, redirects, the nav, the downloads, the write step and the URL collision
check all read this one list (as Pelican's writers read each object's `save_as` and `url`, and
Eleventy checks output conflicts over its one list), so a new kind of page is added here.
"""
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import limits, urls
from .diagnostics import Diagnostic
from .i18n import N_, _
from .lineage import SiteUnit, units_across
from .model import Origin, Plan, Section, Unit

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
    path: Callable[[str], str]  # the page's path under docs/ (under the plan's year), from the slug
    named_by: str = ""  # the field of the record its slug is made from, unless pinned
    # Pages of a part of a record are not in the nav; the MkDocs not_in_nav pattern of them all,
    # with {prefix} for the plan's year folder.
    unlisted: str = ""
    per_plan: bool = False  # a page of one plan, under its year: /2017/tasks/<slug>/

    def path_in(self, slug: str, plan: Plan | None) -> str:
        return prefix(plan) + self.path(slug) if self.per_plan else self.path(slug)


def prefix(plan: Plan | None) -> str:
    """The folder of a plan's pages under docs/: its year."""
    return f"{plan.year}/" if plan is not None else ""


@dataclass(frozen=True, eq=False)
class UnitPart:
    """The tasks of one unit in one section of one year's plan: a page of its own once the unit
    has many."""
    unit: SiteUnit
    plan: Plan
    section: Section

    @property
    def slug(self) -> str:
        return (f"{self.unit.slug}/{self.plan.year}/{self.section.slug}"
                if self.unit.slug and self.section.slug else "")

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
    # the site's home: the newest plan first, and every year
    Kind("home", "home.md.j2", "", lambda _: "index.md"),
    # index.md, so that Material's navigation.indexes makes it the page of its nav group
    Kind("plan", "plan.md.j2", "", lambda _: "index.md", per_plan=True),
    Kind("section", "section.md.j2", "sections", lambda slug: f"sections/{slug}/index.md", "title",
         per_plan=True),
    Kind("task", "task.md.j2", "tasks", lambda slug: f"tasks/{slug}.md", "title", per_plan=True),
    Kind("matrix", "matrix.md.j2", "matrix", lambda _: "matrix/index.md", per_plan=True),
    Kind("matrix-part", "matrix-part.md.j2", "matrix", lambda slug: f"matrix/{slug}.md", "title",
         unlisted="/{prefix}matrix/*.md\n!/{prefix}matrix/index.md", per_plan=True),
    # units are year-independent: one page per unit for all years
    Kind("directory", "units.md.j2", "units", lambda _: "units/index.md"),
    Kind("unit", "unit.md.j2", "units", lambda slug: f"units/{slug}.md", "name"),
    Kind("unit-part", "unit-part.md.j2", "units", lambda slug: f"units/{slug}.md", "name",
         unlisted="/units/*/"),
)}
# The folders under docs/ that hold nothing but generated pages: those of the kinds of page
# common to all years, and those of each plan's year (YEAR_FOLDER). The folders of a plan's pages
# before plans moved under their year stay owned, so that their stale pages are deleted.
FOLDERS = tuple(dict.fromkeys(kind.folder for kind in KINDS.values()
                              if kind.folder and not kind.per_plan)) + ("sections", "tasks", "matrix")
YEAR_FOLDER = r"[0-9]{4}"
# Pages the generator writes at the top of docs/.
ROOT_FILES = tuple(dict.fromkeys(kind.path("") for kind in KINDS.values()
                                 if not kind.folder and not kind.per_plan))


@dataclass(frozen=True, eq=False)
class Page:
    kind: Kind
    path: str  # under docs/
    url: str
    # the record as the ledger names it, in English whatever the language of the run, so that
    # data/urls.txt does not change with it: "task （三）加强法制机构建设"
    label: str
    nav: tuple[str, ...] | None  # the nav groups it is listed in, outermost first; None: unlisted
    title: str | None  # its nav entry; None lets MkDocs take the page's own title
    record: Any = None  # the Section, Task or Unit it shows; None for a page of the whole plan
    plan: Plan | None = None  # the plan a page of one year belongs to
    named: str = ""  # the label in the language of the run, as messages name the record

    @property
    def template(self) -> str:
        return self.kind.template

    @property
    def origin(self) -> Origin | None:
        """Where the data decides this page's URL, for messages about it."""
        return getattr(self.record, "origin", None)


class Site:
    """The pages of the plans, newest plan first, in reading order, with a lookup from each record
    to its page."""

    def __init__(self, plans: tuple[Plan, ...], pages: list[Page], units: tuple[SiteUnit, ...] = ()):
        self.plans = tuple(plans)
        self.units = tuple(units)
        self.pages = tuple(pages)
        # old URL -> the URL of the page that now shows its record, as the ledger records it
        self.moves: dict[str, str] = {}
        self.files: dict[Plan, Any] = {}  # each plan's file (build.PlanFile), once loaded
        self.drafts_left_out: list[str] = []  # the files of draft plans not built
        # records compare by identity, so this maps each record to its own page
        self._by_record = {page.record: page for page in self.pages if page.record is not None}
        self._site_unit = {record: unit for unit in self.units for _, record in unit.years}
        for record, unit in self._site_unit.items():  # each year's unit record opens its one page
            if unit in self._by_record:
                self._by_record[record] = self._by_record[unit]
        self._by_kind = {(page.kind.name, page.plan): page
                         for page in self.pages if page.record is None}
        self._parts: dict[Any, list[Page]] = {}
        for page in self.pages:
            if isinstance(page.record, UnitPart):
                self._parts.setdefault(page.record.unit, []).append(page)
            elif isinstance(page.record, MatrixPart):
                self._parts.setdefault(page.plan, []).append(page)

    @property
    def plan(self) -> Plan:
        """The newest plan."""
        return self.plans[0]

    def page_of(self, record) -> Page:
        return self._by_record[record]

    def url_of(self, record) -> str:
        return self._by_record[record].url

    def unit_of(self, unit: Unit | SiteUnit) -> SiteUnit:
        """The site's unit of one year's unit record."""
        return self._site_unit.get(unit, unit)

    def parts_of(self, unit: Unit | SiteUnit | None, plan: Plan | None = None) -> list[Page]:
        """The pages a unit's task list is split into, or (None) those of a plan's matrix (the
        newest plan's unless given): none while one page holds it all."""
        if unit is None:
            return self._parts.get(plan or self.plan, [])
        return self._parts.get(self.unit_of(unit), [])

    def the(self, kind: str, plan: Plan | None = None) -> Page:
        """The one page of a kind that shows a whole plan (plan, matrix; the newest plan's
        unless given) or the whole site (home, directory)."""
        return self._by_kind[(kind, (plan or self.plan) if KINDS[kind].per_plan else None)]


def registry(plans: "Plan | tuple[Plan, ...] | list[Plan]") -> Site:
    """Every page of the site: home; for each plan, newest first, its page, each section followed
    by its tasks, and its matrix; then the unit directory and the units in pinyin order,
    collective units last."""
    plans = (plans,) if isinstance(plans, Plan) else tuple(
        sorted(plans, key=lambda plan: plan.year or 0, reverse=True))

    def page(kind: str, label: tuple, nav: tuple[str, ...] | None, title: str | None, record=None,
             plan: Plan | None = None) -> Page:
        """`label`: the message that names the page, then its fields."""
        form, fields = label[0], label[1] if len(label) > 1 else {}
        path = KINDS[kind].path_in(record.slug if record is not None else "", plan)
        return Page(KINDS[kind], path, urls.url_of(path), form.format(**fields), nav, title, record,
                    plan if KINDS[kind].per_plan else None, _(form).format(**fields))

    pages = [page("home", (N_("the home page"),), (), "首页")]
    for plan in plans:
        year = year_group(plan)
        pages.append(page("plan", (N_("the plan of {year}"), {"year": plan.year}), (year,), None,
                          plan=plan))
        for section in plan.sections:
            heading = section.label + section.title
            group = (year, heading)
            pages.append(page("section", (N_("section {heading}"), {"heading": heading}), group,
                              heading, section, plan))
            pages += [page("task", (N_("task {heading}"), {"heading": task.label + task.title}),
                           group, task.label + task.title, task, plan) for task in section.tasks]
        pages.append(page("matrix", (N_("the responsibility matrix of {year}"), {"year": plan.year}),
                          (year,), "责任矩阵", plan=plan))
        named = plan.units_by_pinyin(collective=False)
        if len(plan.tasks) * len(named) > MATRIX_CELLS:
            pages += [page("matrix-part", (N_("the responsibility matrix of section {heading}"),
                                           {"heading": section.label + section.title}),
                           None, None, MatrixPart(section), plan)
                      for section in plan.sections]
    units = units_across(plans)
    pages.append(page("directory", (N_("the unit directory"),), (UNIT_GROUP,), None))
    for unit in units:
        pages.append(page("unit", (N_("unit {name}"), {"name": unit.name}), (UNIT_GROUP,),
                          unit.name, unit))
        tasks = {plan: set(plan.tasks_led_by(record) + plan.tasks_assigned_to(record))
                 for plan, record in unit.years}
        if sum(map(len, tasks.values())) > UNIT_PAGE_TASKS:
            pages += [page("unit-part", (N_("unit {name} in {year} section {heading}"),
                                         {"name": unit.name, "year": plan.year,
                                          "heading": section.label + section.title}),
                           None, None, UnitPart(unit, plan, section))
                      for plan, _ in unit.years for section in plan.sections
                      if tasks[plan].intersection(section.tasks)]
    return Site(plans, pages, units)


def year_group(plan: Plan) -> str:
    """The plan's group in the nav."""
    return f"{plan.year}年"


def check(site: Site) -> list[Diagnostic]:
    """Every page has a URL of its own: two records sharing one would hide each other's page.

    A collision is reported at the record written later in the data, naming the earlier one."""
    problems = []
    owners: dict[str, Page] = {}
    in_file_order = sorted(site.pages, key=lambda page: (page.origin is not None, page.origin or ()))
    for page in in_file_order:
        origin = page.origin
        if page.record is not None and not page.record.slug:
            problems.append(Diagnostic.at(origin, _(_NO_PINYIN[page.kind.named_by]).format(
                page=page.named)))
            continue
        if page.record is not None and len(page.record.slug) > limits.MAX_SLUG_BYTES:
            problems.append(Diagnostic.at(origin, _(
                "{page}: its URL slug is {size} bytes, more than the {limit} a URL segment may "
                "have; pin a shorter one with the field 'slug'").format(
                    page=page.named, size=len(page.record.slug), limit=limits.MAX_SLUG_BYTES)))
            continue
        first = owners.setdefault(page.url, page)
        if first is not page:
            problems.append(Diagnostic.at(origin, (
                _("{page}: URL {url} is also the URL of {first} ({where}); pin another with the "
                  "field 'slug'") if first.origin else
                _("{page}: URL {url} is also the URL of {first}; pin another with the field 'slug'")
            ).format(page=page.named, url=page.url, first=first.named, where=first.origin)))
    return problems


# A record whose slug would be made from its title (or name) that gives no pinyin.
_NO_PINYIN = {
    "title": N_("{page}: the title gives no pinyin for a URL; pin one with the field 'slug'"),
    "name": N_("{page}: the name gives no pinyin for a URL; pin one with the field 'slug'"),
}
