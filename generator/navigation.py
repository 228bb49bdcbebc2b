"""The MkDocs nav, from the plan: every page of a plan the size of the real one, and a bounded
nav for large plans, whose every page would otherwise carry thousands of entries."""
import html

from . import urls
from .model import Plan
from .render import page_of

# Of each kind (sections, tasks, units), the nav lists the pages while there are no more than
# this; past it, readers reach them from the lists on the home page, section pages and directory.
LIMIT = 60
SECTION_LIMIT = 20  # a section entry weighs more in the nav than a task or unit entry


def _listed(plan: Plan) -> dict[str, bool]:
    return {"sections": len(plan.sections) <= SECTION_LIMIT, "tasks": len(plan.tasks) <= LIMIT,
            "units": len(plan.units) <= LIMIT}


def nav(plan: Plan) -> list:
    """Home, the plan section by section, then the units in pinyin order."""
    listed = _listed(plan)
    title = html.escape  # MkDocs inserts nav titles into the HTML as they are

    def entry(label: str, target) -> dict:
        return {title(label): page_of(target)}

    sections = [{title(section.label + section.title): [entry(section.label + section.title, section)]
                 + ([entry(task.label + task.title, task) for task in section.tasks]
                    if listed["tasks"] else [])}
                for section in plan.sections] if listed["sections"] else []
    units = [urls.UNIT_DIRECTORY, {"责任矩阵": urls.MATRIX}]
    if listed["units"]:
        units += [entry(unit.name, unit) for unit in
                  plan.units_by_pinyin(collective=False) + plan.units_by_pinyin(collective=True)]
    plan_entry = [{"工作安排": sections}] if sections else []
    return [{"首页": urls.HOME}, *plan_entry, {"单位": units}]


def outside_nav(plan: Plan) -> list[str]:
    """MkDocs `not_in_nav` patterns for the pages a bounded nav leaves out on purpose."""
    listed = _listed(plan)
    patterns = [] if listed["tasks"] else ["/tasks/"]
    patterns += [] if listed["sections"] else ["/sections/"]
    patterns += [] if listed["units"] else ["/units/*.md", f"!/{urls.UNIT_DIRECTORY}"]
    return patterns
