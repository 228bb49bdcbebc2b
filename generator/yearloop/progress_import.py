"""`make progress-import FORMS=<folder>`: the units' returned forms into data/progress/<year>.yaml.

Each filled row of a form becomes a progress entry, checked by progress.check_entries exactly as
the progress file is (the row's cells stand for the entry's fields, so a message names its cell),
after what only a form can get wrong: the form of another unit or year, an edited task column or
header, a status outside the drop-down, a date after the year, a formula. Every mistake of every
form is reported, as `FILE.xlsx:进展填报!E7: 错误：…`, and then nothing is written. Otherwise the new
entries are appended to the file's text in date order (its comments and layout stay as they are);
entries already there are skipped and counted.
"""
import datetime
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.build import load_site
from generator.diagnostics import Diagnostic, PlanError
from generator.i18n import _
from generator.inputs.data_folder import Inputs
from generator.inputs.load import Source, load
from generator.model.plan import Plan, Task, Unit
from generator.model.progress import STATUSES, Entry, check_entries, read_entries
from generator.yearloop import command
from generator.yearloop import forms_messages as M
from generator.yearloop.forms import (DATE, EVIDENCE, FIRST_ROW, HEADER_ROW, NUMBER_CELL, STATUS,
                                      TASK_COLUMNS, TEXT, UNIT_CELL, YEAR_CELL, date_range,
                                      form_rows, units_with_forms)
from generator.yearloop.workbook import Cell, FormError, cell_name, read_sheet

FORM_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".csv", ".ods")
_COLUMN = {"date": DATE, "status": STATUS, "text": TEXT, "evidence": EVIDENCE}
_COLUMNS = len(M.COLUMNS)
# how a unit writes several addresses in one cell: spaces, line breaks, Chinese separators
_SEPARATORS = str.maketrans({c: " " for c in "，；、;\n\r\t"})
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
SCHEMA_LINE = "# yaml-language-server: $schema=../../generator/schema/progress-input.schema.json\n"


def _column_number(letter: str) -> int:
    return ord(letter) - ord("A") + 1


@dataclass
class FormResult:
    file: str
    unit: Unit | None = None
    plan: Plan | None = None
    entries: list[Entry] = field(default_factory=list)
    rows: dict[Task, int] = field(default_factory=dict)  # the row of each task filled in
    empty: int = 0  # task rows left blank
    added: int = 0
    skipped: int = 0


class Problems:
    """Every mistake found, as the lines to print."""

    def __init__(self):
        self.lines: list[tuple] = []

    def cell(self, file: str, row: int, column: int, message: str) -> None:
        self.lines.append((file, row, column, _(M.CELL_ERROR).format(
            file=file, sheet=M.TASK_SHEET, cell=cell_name(row, column), message=message)))

    def file(self, file: str, message: str) -> None:
        self.lines.append((file, 0, 0, _(M.FILE_ERROR).format(file=file, message=message)))

    def diagnostic(self, diagnostic: Diagnostic) -> None:
        """A problem of a form's entries: its line and column are a row and column."""
        self.cell(diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.message)

    def __bool__(self) -> bool:
        return bool(self.lines)

    def sorted(self) -> list[str]:
        return [line[-1] for line in sorted(self.lines)]


def find_forms(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir()
                  if path.is_file() and path.suffix.lower() in FORM_SUFFIXES
                  and not path.name.startswith(("~$", ".~lock")))  # an open file's lock


def read_form(path: Path, shown: str, plans: dict[int, Plan], year: int | None,
              problems: Problems, today: datetime.date | None = None) -> FormResult:
    result = FormResult(shown)
    most_rows = max(len(plan.tasks) for plan in plans.values())  # no form has more rows
    try:
        cells, beyond = read_sheet(path, M.TASK_SHEET, _COLUMNS, FIRST_ROW + most_rows - 1)
    except FormError as error:
        problems.file(shown, str(error))
        return result

    def text(row: int, column: int) -> str:
        cell = cells.get((row, column))
        return "" if cell is None else str(cell.value).strip()

    def where(cell: str) -> tuple[int, int]:
        return int(cell[1:]), _column_number(cell[0])

    # which plan and unit the form is for
    found_year = text(*where(YEAR_CELL))
    plan = plans.get(int(found_year)) if found_year.isdigit() else None
    if year is not None and found_year != str(year):
        problems.cell(shown, *where(YEAR_CELL), _(M.OTHER_YEAR).format(found=found_year, year=year))
        return result
    if plan is None:
        problems.cell(shown, *where(YEAR_CELL), _(M.NO_PLAN_FOR_FORM).format(found=found_year))
        return result
    if text(*where(NUMBER_CELL)) != plan.document.number:
        problems.cell(shown, *where(NUMBER_CELL), _(M.OTHER_NUMBER).format(
            expected=plan.document.number, found=text(*where(NUMBER_CELL))))
        return result
    units = {name: unit for unit in units_with_forms(plan) for name in unit.names}
    unit = units.get(text(*where(UNIT_CELL)))
    if unit is None:
        problems.cell(shown, *where(UNIT_CELL), _(M.UNKNOWN_UNIT).format(
            unit=text(*where(UNIT_CELL)), year=plan.year))
        return result
    result.plan, result.unit = plan, unit
    for column, title in enumerate(M.COLUMNS, 1):
        if text(HEADER_ROW, column) != title:
            problems.cell(shown, HEADER_ROW, column, _(M.HEADER_CHANGED).format(
                expected=title, found=text(HEADER_ROW, column)))
    rows = form_rows(plan, unit)
    listed = [tuple(text(r, c) for c in range(1, TASK_COLUMNS + 1))
              for r in range(FIRST_ROW, FIRST_ROW + most_rows)]
    listed = listed[:max([i + 1 for i, cells in enumerate(listed) if any(cells)], default=0)]
    if listed != [row.cells for row in rows]:
        # the unit's name retyped on another unit's form
        for other in units_with_forms(plan):
            if other is not unit and listed == [row.cells for row in form_rows(plan, other)]:
                problems.cell(shown, *where(UNIT_CELL), _(M.OTHER_UNITS_FORM).format(
                    actual=other.name, unit=text(*where(UNIT_CELL))))
                return result
    if beyond is not None:
        problems.cell(shown, *beyond, _(M.TOO_MANY_ROWS).format(rows=len(rows),
                                                             row=FIRST_ROW + len(rows)))
    first, last = date_range(plan, today)
    data, source = [], Source(shown, None)
    numerals = []
    for i, row in enumerate(rows):
        r = FIRST_ROW + i
        changed = [c for c in range(1, TASK_COLUMNS + 1) if text(r, c) != row.cells[c - 1]]
        for c in changed:
            problems.cell(shown, r, c, _(M.TASK_CHANGED).format(expected=row.cells[c - 1],
                                                             found=text(r, c)))
        filled = {name: cells[(r, _column_number(column))] for name, column in _COLUMN.items()
                  if (r, _column_number(column)) in cells}
        if not filled:
            result.empty += 1
            continue
        if changed:
            continue
        k = len(data)
        numerals.append(row.task.numeral)
        result.rows[row.task] = r
        entry = {"task": row.task.numeral, "unit": unit.name}
        for name, column in _COLUMN.items():
            source.values[(k, name)] = (r, _column_number(column))
        # a missing field is reported at the first empty cell of the row
        missing = [name for name in ("date", "status", "text") if name not in filled]
        source.values[(k,)] = source.values[(k, missing[0] if missing else "date")]
        for name, cell in filled.items():
            value, problem = _field(name, cell, first, last)
            if problem:
                source.problems.append(((k, name), problem))
                value = None
            if name == "evidence":
                for j in range(len(value or ())):
                    source.values[(k, name, j)] = source.values[(k, name)]
                if value == []:
                    continue
            entry[name] = value
        data.append(entry)
    source.data = data
    found, entries = check_entries(source, plan, lambda k: _(M.ROW_LABEL).format(numeral=numerals[k]))
    for diagnostic in found:
        problems.diagnostic(diagnostic)
    result.entries = entries
    return result


def _field(name: str, cell: Cell, first: datetime.date, last: datetime.date):
    """A cell's value as the progress file would hold it, or the form's own mistake in it."""
    value = cell.value
    if cell.formula:
        return None, _(M.FORMULA).format(formula=str(value)[:60])
    if isinstance(value, str):
        value = value.strip()
    if name == "date":
        if isinstance(value, datetime.datetime) and value.time() == datetime.time():
            value = value.date()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return None, _(M.DATE_NOT_DATE).format(found=value, example=first)
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value) if _DATE.fullmatch(value) else value
            except ValueError:
                pass  # the progress checks say what is wrong with it
        if type(value) is datetime.date and value > last:
            why = _(M.WHY_YEAR_END) if last.month == 12 and last.day == 31 else _(M.WHY_TODAY)
            return None, _(M.DATE_AFTER).format(date=value, last=last, first=first, why=why)
        return value, None
    if name == "status" and isinstance(value, str) and value not in STATUSES:
        return None, _(M.STATUS_NOT_LISTED).format(found=value, statuses="、".join(STATUSES))
    if name == "evidence":
        return (value.translate(_SEPARATORS).split() if isinstance(value, str) else [value]), None
    return value, None


def entries_in_file(path: Path, name: str, plan: Plan) -> list[tuple[Entry, int]]:
    """The entries of a progress file in the file's order, each with its line; PlanError with
    every problem of the file."""
    if not path.is_file():
        return []
    source, entries = read_entries(path, name, plan)
    return [(entry, source.at((i,))[0]) for i, entry in enumerate(entries)]


class _Dumper(yaml.SafeDumper):
    """Lists inside an entry indented under their key, as the progress files are written."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def entries_text(entries: list[Entry]) -> str:
    """New entries in the progress file's layout; YAML's own emitter quotes what needs it."""
    records = []
    for entry in entries:
        record = {"task": entry.task.numeral, "date": entry.date, "status": entry.status,
                  "unit": entry.unit.name, "text": entry.text}
        if entry.evidence:
            record["evidence"] = list(entry.evidence)
        records.append(record)
    return yaml.dump(records, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1 << 20)


def append_entries(path: Path, name: str, plan: Plan, entries: list[Entry]) -> None:
    """Append to the file's text, check the whole result by the progress rules, then swap it in."""
    old = path.read_text(encoding="utf-8") if path.is_file() else SCHEMA_LINE
    if old and not old.endswith("\n"):
        old += "\n"
    new = old + entries_text(entries)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, staged = tempfile.mkstemp(dir=path.parent, prefix=".import-", suffix=".yaml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(new)
        problems, _entries = check_entries(load(Path(staged), name), plan)
        if problems:
            raise PlanError(problems)
        os.replace(staged, path)
    finally:
        if os.path.exists(staged):
            os.unlink(staged)


def import_forms(inputs: Inputs, folder: Path, year: int | None = None,
                 today: datetime.date | None = None) -> tuple[list[str], list[str]]:
    """(error lines, report lines); the progress files change only when there are no errors."""
    _sources, site = load_site(inputs, new_urls_allowed=True)  # the pages' URLs play no part here
    plans = {plan.year: plan for plan in site.plans}
    problems = Problems()
    paths = find_forms(folder) if folder.is_dir() else []
    if not paths:
        return [_(M.NO_FORMS).format(folder=folder.as_posix())], []
    results = [read_form(path, path.as_posix(), plans, year, problems, today) for path in paths]
    seen: dict[tuple, str] = {}
    for result in results:
        if result.unit is None:
            continue
        key = (result.plan.year, result.unit)
        if key in seen:
            problems.cell(result.file, 2, 2, _(M.SAME_UNIT_TWICE).format(unit=result.unit.name,
                                                                      other=seen[key]))
        seen.setdefault(key, result.file)
    targets = {}
    for plan in {result.plan for result in results if result.plan is not None}:
        file = inputs.progress(plan.year)  # checked by load_site, read again for its lines
        known = entries_in_file(file.path, file.name, plan)
        at = {(e.task, e.date, e.unit): (e, line) for e, line in known}
        targets[plan] = (file.path, file.name, at, [])
    for result in results:
        if result.plan not in targets:
            continue
        path, name, at, new = targets[result.plan]
        for entry in result.entries:
            there = at.get((entry.task, entry.date, entry.unit))
            if there is None:
                new.append(entry)
                result.added += 1
            elif (there[0].status, there[0].text, there[0].evidence) == \
                    (entry.status, entry.text, entry.evidence):
                result.skipped += 1
            else:
                problems.cell(result.file, result.rows[entry.task], _column_number(DATE),
                              _(M.ALREADY_OTHERWISE).format(file=name, line=there[1]))
    if problems:
        lines = problems.sorted()
        return lines + [_(M.IMPORT_FAILED).format(errors=len(lines), folder=inputs.name)], []
    report = []
    for plan, (path, name, _positions, new) in targets.items():
        if new:
            new.sort(key=lambda entry: entry.date)  # stable: a form's order within a day
            append_entries(path, name, plan, new)
        mine = [result for result in results if result.plan is plan]
        for result in mine:
            report.append(_(M.IMPORT_UNIT).format(unit=result.unit.name, file=Path(result.file).name,
                                               added=result.added, skipped=result.skipped,
                                               empty=result.empty))
        report.append(_(M.IMPORT_DONE).format(file=name, added=len(new),
                                           skipped=sum(result.skipped for result in mine)))
    return [], report


def main(argv: list[str] | None = None) -> int:
    parser = command.parser("progress_import",
                            _("Append the entries of returned forms to the progress files."))
    parser.add_argument("--forms", type=Path, required=True, help=_("the folder of returned forms"))
    parser.add_argument("--year", type=int, help=_("refuse forms of any other year"))
    args = parser.parse_args(argv)
    try:
        errors, report = import_forms(Inputs.at(args.data), args.forms, args.year)
    except PlanError as error:
        print(error, file=sys.stderr)
        return 1
    for line in errors:
        print(line, file=sys.stderr)
    for line in report:
        print(line)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
