"""What each kind of page shows: its context function takes the page and the rendering (the
site, its progress and what pages share) and returns the page's front matter and its template's
variables. generator/site/kinds.py names each beside its kind's path rule and template."""
import functools
from typing import TYPE_CHECKING

from generator.model.plan import Plan, Task, Unit
from generator.outputs import charts, jsonld
from generator.outputs.search import WEIGHT, unit_search_keys
from generator.site.listing import MATRIX_CELLS

if TYPE_CHECKING:
    from generator.model.progress import Progress
    from generator.site.pages import Output, Site


class Rendering:
    """One rendering of the site: its progress (None for a plan with none published), its public
    address and the name of its data, and what many pages share, worked out once."""

    def __init__(self, site: "Site", source_name: str, site_url: str = ""):
        self.site, self.source_name, self.site_url = site, source_name, site_url
        # the pages say that nothing is published yet, and draw no chart
        self.progress = {plan: (p if p is not None and p.entries else None)
                         for plan, p in site.progress.items()}
        self.position = {task: i for plan in site.plans for i, task in enumerate(plan.tasks)}
        # A mark in the matrix opens the unit's list of tasks, on the page of the task's
        # section once that list is split, else at the year's list on the unit's page.
        self.part_of = {(part.record.plan, part.record.section, record): part.record
                        for unit in site.units for part in site.parts_of(unit)
                        for plan, record in unit.years if plan is part.record.plan}
        self._shared: dict = {}

    def once(self, key, make):
        """A value several outputs share (a plan's units in pinyin order, its CSV tables), made by
        the first that asks; kept for this rendering only, so no site outlives its build."""
        if key not in self._shared:
            self._shared[key] = make()
        return self._shared[key]

    def progress_of(self, plan: Plan) -> "Progress | None":
        return self.progress.get(plan)

    def units_of(self, plan: Plan) -> dict:
        """The plan's units, sorted by pinyin once a plan, not once a page."""
        return self.once(("units", plan), lambda: {
            "named": plan.units_by_pinyin(collective=False),
            "collective": plan.units_by_pinyin(collective=True)})

    def by_section(self, plan: Plan, tasks: tuple[Task, ...]) -> dict:
        """A split unit's tasks by section, worked out once for its first page and all its parts
        (counting them part by part grows with parts x tasks: a collective unit of a large plan)."""
        def grouped() -> dict:
            found: dict = {}
            for task in tasks:
                found.setdefault(plan.section_of(task), []).append(task)
            return {section: tuple(those) for section, those in found.items()}
        return self.once(("by section", plan, tasks), grouped)

    def anchor(self, plan: Plan) -> str:
        """The prefix of a year's anchors on a unit's page: none for the newest plan's."""
        return "" if plan is self.site.plan else f"{plan.year}-"

    def chart(self, plan: Plan, tasks, caption: str) -> str | None:
        progress = self.progress_of(plan)
        return charts.status_chart(progress.counts(tasks), caption) if progress else None

    def grid(self, plan: Plan, tasks: tuple[Task, ...], columns: tuple[Unit, ...]) -> dict:
        return matrix_grid(plan, tasks, columns, self.part_of, self.anchor(plan))

    @functools.cached_property
    def recent(self) -> list:
        """The home page's latest progress: the newest entries of every plan."""
        return sorted((entry for progress in self.progress.values() if progress
                       for entry in progress.entries),
                      key=lambda entry: entry.date, reverse=True)[:5]


def _plan_page(r: Rendering, plan: Plan) -> dict:
    site, progress = r.site, r.progress_of(plan)
    return {"units": r.units_of(plan), "directory": site.the("directory"),
            "matrix": site.the("matrix", plan), "downloads": site.downloads_of(plan),
            "feed": site.the("feed"),
            "chart": r.chart(plan, plan.tasks, f"全部 {len(plan.tasks)} 项任务的当前状态"),
            "latest": progress.entries[0].date.isoformat() if progress else "",
            "plans": site.plans, "plan_pages": {p: site.the("plan", p) for p in site.plans}}


def home(page: "Output", r: Rendering):
    # The home page lists the plans, units and progress that their own pages show: the search
    # finds those pages, not the list.
    newest = r.site.plan
    jsonld_text = jsonld.plan_page(r.site, r.site_url, newest, page)
    return ({"searched": False, "meta": {"jsonld": jsonld_text}},
            {**_plan_page(r, newest), "recent": r.recent, "downloads": r.site.downloads_of(None)})


def plan(page: "Output", r: Rendering):
    return ({"meta": {"jsonld": jsonld.plan_page(r.site, r.site_url, page.plan, page)}},
            _plan_page(r, page.plan))


def section(page: "Output", r: Rendering):
    return {}, {"section": page.record,
                "chart": r.chart(page.plan, page.record.tasks,
                                 f"本部分 {len(page.record.tasks)} 项任务的当前状态")}


def task(page: "Output", r: Rendering):
    task, plan = page.record, page.plan
    i, tasks, progress = r.position[task], plan.tasks, r.progress_of(plan)
    return {"meta": {"jsonld": jsonld.task_page(r.site, task, r.site_url, plan)}}, {
        "history": progress.history(task) if progress else (),
        "task": task, "section": plan.section_of(task), "citation": citation(plan, task),
        "previous": tasks[i - 1] if i else None,
        "next": tasks[i + 1] if i + 1 < len(tasks) else None}


def matrix(page: "Output", r: Rendering):
    plan = page.plan
    units = r.units_of(plan)
    parts = r.site.parts_of(None, plan)
    return {"hide": ("navigation", "toc"), "searched": False}, {
        "units": units, "parts": [part.record for part in parts],
        "grid": None if parts else r.grid(plan, plan.tasks, units["named"])}


def matrix_part(page: "Output", r: Rendering):
    section, plan = page.record.section, page.plan
    units = r.units_of(plan)
    involved = {unit for task in section.tasks for unit in task.lead_units + task.responsible_units}
    columns = tuple(unit for unit in units["named"] if unit in involved)
    fits = len(section.tasks) * len(columns) <= MATRIX_CELLS
    return {"hide": ("navigation", "toc"), "searched": False}, {
        "section": section, "units": units, "matrix": r.site.the("matrix", plan),
        "grid": r.grid(plan, section.tasks, columns) if fits else None}


def directory(page: "Output", r: Rendering):
    site = r.site
    return {}, {"units": {"named": [u for u in site.units if not u.collective],
                          "collective": [u for u in site.units if u.collective]},
                "plans": site.plans, "counts": {
        unit: (sum(len(plan.tasks_led_by(record)) for plan, record in unit.years),
               sum(len(plan.tasks_assigned_to(record)) for plan, record in unit.years))
        for unit in site.units}}


def unit(page: "Output", r: Rendering):
    unit, site = page.record, r.site
    years = []
    for plan, record in unit.years:
        led, assigned = plan.tasks_led_by(record), plan.tasks_assigned_to(record)
        parts = [(part.record, len(r.by_section(plan, led).get(part.record.section, ())),
                  len(r.by_section(plan, assigned).get(part.record.section, ())))
                 for part in site.parts_of(unit) if part.record.plan is plan]
        years.append({"plan": plan, "record": record, "led": led, "assigned": assigned,
                      "parts": parts, "co_leads": plan.co_leads_of(record),
                      "section_of": plan.section_of, "progress": r.progress_of(plan),
                      "anchor": r.anchor(plan)})
    feed = site.feed_of(unit)
    return {"meta": {"feed": feed.path, "feed_title": f"{unit.name}：任务进展"}}, {
        "feed": feed, "search_keys": unit_search_keys(unit), "search_weight": WEIGHT,
        "unit": unit, "years": years}


def unit_part(page: "Output", r: Rendering):
    unit, plan, section = page.record.unit, page.record.plan, page.record.section
    record = dict(unit.years)[plan]
    return {"searched": False, "meta": {"year": str(plan.year)}}, {
        "unit": unit, "record": record, "section": section, "section_of": plan.section_of,
        "anchor": "",
        "led": r.by_section(plan, plan.tasks_led_by(record)).get(section, ()),
        "assigned": r.by_section(plan, plan.tasks_assigned_to(record)).get(section, ())}


def matrix_grid(plan: Plan, tasks: tuple[Task, ...], columns: tuple[Unit, ...],
                part_of: dict, anchor: str = "") -> dict:
    """The matrix as a table: its unit columns and its rows, a row being a task with each
    column's unit, its role there, the record whose page lists that unit's task and the prefix
    of the anchor of the list there."""
    def cell(task: Task, unit: Unit) -> tuple:
        role = ("lead" if unit in task.lead_units
                else "responsible" if unit in task.responsible_units else "")
        part = part_of.get((plan, plan.section_of(task), unit)) if role else None
        return unit, role, part or unit, "" if part else anchor

    return {"columns": columns, "rows": [(task, [cell(task, unit) for unit in columns])
                                         for task in tasks]}


def citation(plan: Plan, task: Task) -> str:
    document = plan.document
    return (f"《{document.title}》（{document.number}，{document.written}）"
            f"任务{task.label}{task.title}")

