"""Which outputs each kind of output has: for every record it shows, its label, its place in the
nav and, where a path needs more than the record's slug, the slug. Each kind's entry in
generator/site/kinds.py names its listing; the registry (generator/site/pages.py) runs them all."""
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from generator.i18n import N_
from generator.model.lineage import SiteUnit
from generator.model.plan import Origin, Plan, Section
from generator.outputs.downloads import CSV_NAMES, PLAN_FILES

UNIT_GROUP = "单位"
# A page readers open often must stay light however large the plan (README, Performance):
# past this many tasks, a unit's page gives its counts by section, and each section's list of
# the unit's tasks is a page of its own;
UNIT_PAGE_TASKS = 150
# past this many cells (tasks by named units), the matrix is a page for each section, and a
# section that has more is drawn as a list of each task's units rather than as a grid.
MATRIX_CELLS = 2_500


class Listed(NamedTuple):
    record: Any = None  # None for an output of a whole plan or of the site
    plan: Plan | None = None
    # the message that names the record (as the ledger and messages name it), and its fields
    label: tuple = ("",)
    nav: tuple[str, ...] | None = None  # the nav groups it is listed in; None: unlisted
    title: str | None = None  # its nav entry; None lets MkDocs take the page's own title
    slug: str | None = None  # the record's slug unless given


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


def year_group(plan: Plan) -> str:
    """The plan's group in the nav."""
    return f"{plan.year}年"


def _heading(record) -> str:
    return record.label + record.title


# Each listing takes the plans (newest first) and the site's units (in pinyin order, collective
# units last), and yields its kind's outputs in reading order.

def home(plans, units) -> Iterator[Listed]:
    yield Listed(label=(N_("the home page"),), nav=(), title="首页")


def plans(plans, units) -> Iterator[Listed]:
    for plan in plans:
        yield Listed(plan=plan, label=(N_("the plan of {year}"), {"year": plan.year}),
                     nav=(year_group(plan),))


def sections(plans, units) -> Iterator[Listed]:
    for plan in plans:
        for section in plan.sections:
            heading = _heading(section)
            yield Listed(section, plan, (N_("section {heading}"), {"heading": heading}),
                         (year_group(plan), heading), heading)


def tasks(plans, units) -> Iterator[Listed]:
    """Each task in the nav group of its section, after the section's own page."""
    for plan in plans:
        for section in plan.sections:
            for task in section.tasks:
                yield Listed(task, plan, (N_("task {heading}"), {"heading": _heading(task)}),
                             (year_group(plan), _heading(section)), _heading(task))


def matrices(plans, units) -> Iterator[Listed]:
    for plan in plans:
        yield Listed(plan=plan, nav=(year_group(plan),), title="责任矩阵",
                     label=(N_("the responsibility matrix of {year}"), {"year": plan.year}))


def matrix_parts(plans, units) -> Iterator[Listed]:
    """Past MATRIX_CELLS cells, a plan's matrix is a page for each section."""
    for plan in plans:
        if len(plan.tasks) * len(plan.units_by_pinyin(collective=False)) > MATRIX_CELLS:
            for section in plan.sections:
                yield Listed(MatrixPart(section), plan,
                             (N_("the responsibility matrix of section {heading}"),
                              {"heading": _heading(section)}))


def directory(plans, units) -> Iterator[Listed]:
    yield Listed(label=(N_("the unit directory"),), nav=(UNIT_GROUP,))


def units(plans, units) -> Iterator[Listed]:
    for unit in units:
        yield Listed(unit, label=(N_("unit {name}"), {"name": unit.name}), nav=(UNIT_GROUP,),
                     title=unit.name)


def unit_parts(plans, units) -> Iterator[Listed]:
    """Past UNIT_PAGE_TASKS tasks, a unit's list of tasks in each section of each year is a page."""
    for unit in units:
        tasks = {plan: set(plan.tasks_led_by(record) + plan.tasks_assigned_to(record))
                 for plan, record in unit.years}
        if sum(map(len, tasks.values())) > UNIT_PAGE_TASKS:
            for plan, _record in unit.years:
                for section in plan.sections:
                    if tasks[plan].intersection(section.tasks):
                        yield Listed(UnitPart(unit, plan, section), label=(
                            N_("unit {name} in {year} section {heading}"),
                            {"name": unit.name, "year": plan.year, "heading": _heading(section)}))


def plan_files(plans, units) -> Iterator[Listed]:
    """A download's record and slug are its file's name."""
    for plan in plans:
        for name in PLAN_FILES:
            yield Listed(name, plan, slug=name)


def tables(plans, units) -> Iterator[Listed]:
    for name in CSV_NAMES:
        yield Listed(name, slug=name)


def the_site(plans, units) -> Iterator[Listed]:
    yield Listed()


def each_unit(plans, units) -> Iterator[Listed]:
    for unit in units:
        yield Listed(unit)


def none(plans, units) -> Iterator[Listed]:
    """Outputs listed from elsewhere (the redirects, from the ledger)."""
    return iter(())
