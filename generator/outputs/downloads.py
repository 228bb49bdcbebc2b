"""Open data: each plan as JSON (with its schema) and as CSV tables, and the tables of every
year together, from the same model."""
import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

from generator import SCHEMAS
from generator.model.plan import Plan, Task, Unit
from generator.model.progress import Progress

if TYPE_CHECKING:
    from generator.site.pages import Site

FOLDER = "downloads"
SCHEMA = SCHEMAS / "plan.schema.json"
LEAD, RESPONSIBLE = "牵头", "责任"
CSV_NAMES = ("tasks.csv", "units.csv", "responsibilities.csv", "progress.csv")
# Each plan's downloads, under its year: <year>/downloads/…; the CSV files of all years in one,
# with a column `year`, under downloads/ (generator/site/kinds.py).
PLAN_FILES = ("plan.json", "plan.schema.json", *CSV_NAMES)


def progress_entries(progress: Progress | None) -> list:
    """Entries in the order they happened (on one date, in the order written)."""
    return list(reversed(progress.entries)) if progress else []


def plan_data(site: "Site", progress: Progress | None = None, plan: Plan | None = None) -> dict:
    plan, url = plan or site.plan, site.url_of
    document = plan.document
    return {
        "$schema": "plan.schema.json",
        "document": {
            "title": document.title, "number": document.number, "issuer": document.issuer,
            "written": document.written, "published": document.published,
            "column": document.column, "index_number": document.index_number,
            "subject": document.subject, "validity": document.validity,
            "recipients": document.recipients,
            "notice": list(document.notice), "signature": document.signature,
        },
        "plan": {"title": plan.title, "preamble": plan.preamble, "year": plan.year},
        "sections": [{
            "number": section.number, "label": section.label, "title": section.title,
            "url": url(section),
            "tasks": [task.number for task in section.tasks],
        } for section in plan.sections],
        "tasks": [{
            "number": task.number, "label": task.label, "section": task.section_number,
            "title": task.title, "text": task.text, "responsibility": task.responsibility,
            "lead": [unit.name for unit in task.lead_units],
            "responsible": [unit.name for unit in task.responsible_units],
            "url": url(task),
        } for task in plan.tasks],
        "units": [{
            "name": unit.name, "collective": unit.collective, "full_name": unit.full_name,
            "aliases": list(unit.aliases),
            "lead": [task.number for task in plan.tasks_led_by(unit)],
            "responsible": [task.number for task in plan.tasks_assigned_to(unit)],
            "url": url(unit),
        } for unit in plan.units],
        "progress": [{
            "task": entry.task.number, "date": entry.date.isoformat(), "status": entry.status,
            "unit": entry.unit.name, "text": entry.text, "evidence": list(entry.evidence),
        } for entry in progress_entries(progress)],
    }


def readable_json(value, depth: int = 0) -> str:
    """JSON with its two outer levels indented and each record (a task, a unit) on a line of its
    own: as easy to read and to diff as indent=2, and encoded by json's C encoder, which
    indent=2 turns off (a third of the generator's rendering time on a plan of 2,000 tasks)."""
    pad = "  " * (depth + 1)
    if depth < 2 and isinstance(value, dict) and value:
        items = (f"{pad}{json.dumps(key, ensure_ascii=False)}: {readable_json(item, depth + 1)}"
                 for key, item in value.items())
        return "{\n" + ",\n".join(items) + "\n" + pad[2:] + "}"
    if depth < 2 and isinstance(value, list) and value and isinstance(value[0], dict):
        return "[\n" + ",\n".join(pad + readable_json(item, 2) for item in value) + "\n" + pad[2:] + "]"
    return json.dumps(value, ensure_ascii=False)


def roles(plan: Plan) -> list[tuple[Task, Unit, str]]:
    """One row per task, unit and role, in task order, leads first."""
    return [(task, unit, role) for task in plan.tasks
            for role, units in ((LEAD, task.lead_units), (RESPONSIBLE, task.responsible_units))
            for unit in units]


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…),
# -2+3+cmd|…): OWASP's advice is to put a ' before it, which shows the text as it is.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A value as a CSV cell no spreadsheet takes for a formula; numbers stay numbers."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _csv(header: list[str], rows: list[list]) -> str:
    # UTF-8 with a byte order mark and CRLF: what Excel needs to open Chinese text as it is.
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return "\ufeff" + out.getvalue()


def _tables(site: "Site", plan: Plan, progress: Progress | None) -> dict[str, tuple[list, list]]:
    """Each CSV table of one plan: its header and rows."""
    url = site.url_of
    return {
        "tasks.csv": (["序号", "编号", "部分", "任务", "内容", "责任分工", "牵头单位", "责任单位", "网址"], [
            [task.number, task.label, plan.section_of(task).label + plan.section_of(task).title,
             task.title, task.text, task.responsibility,
             "、".join(u.name for u in task.lead_units),
             "、".join(u.name for u in task.responsible_units),
             url(task)] for task in plan.tasks]),
        "units.csv": (["单位", "统称", "全称", "又称", "牵头任务数", "责任任务数", "网址"], [
            [unit.name, "是" if unit.collective else "否", unit.full_name, "、".join(unit.aliases),
             len(plan.tasks_led_by(unit)), len(plan.tasks_assigned_to(unit)),
             url(unit)] for unit in plan.units]),
        "responsibilities.csv": (["任务序号", "任务编号", "任务", "单位", "角色"], [
            [task.number, task.label, task.title, unit.name, role]
            for task, unit, role in roles(plan)]),
        "progress.csv": (["日期", "任务序号", "任务编号", "任务", "状态", "单位", "进展", "依据", "网址"], [
            [entry.date.isoformat(), entry.task.number, entry.task.label, entry.task.title,
             entry.status, entry.unit.name, entry.text, " ".join(entry.evidence),
             url(entry.task)] for entry in progress_entries(progress)]),
    }


def is_generated(path: Path) -> bool:
    """A data file has no room for a stamp: its name says it is one of the downloads."""
    return path.name in PLAN_FILES


def plan_file(output, rendering) -> str:
    """One of a plan's downloads: its JSON, the JSON's schema or one of its CSV tables."""
    plan, name = output.plan, output.record
    progress = rendering.progress_of(plan)
    if name == "plan.json":
        return readable_json(plan_data(rendering.site, progress, plan)) + "\n"
    if name == "plan.schema.json":
        return SCHEMA.read_text(encoding="utf-8")
    return _csv(*_tables_of(rendering, plan)[name])


def site_table(output, rendering) -> str:
    """A CSV table of every plan in one, with a first column `year`: the plan's year (newest
    plan first)."""
    header, rows = None, []
    for plan in rendering.site.plans:
        plan_header, plan_rows = _tables_of(rendering, plan)[output.record]
        header = ["year", *plan_header]
        rows += [[plan.year, *row] for row in plan_rows]
    return _csv(header, rows)


def _tables_of(rendering, plan: Plan) -> dict[str, tuple[list, list]]:
    """A plan's tables, made once for its files and the tables of every plan."""
    return rendering.once(("tables", plan), lambda: _tables(rendering.site, plan,
                                                            rendering.progress_of(plan)))
