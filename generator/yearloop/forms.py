"""`make forms YEAR=2017 FORMS=<folder>`: one .xlsx form a unit, listing the tasks it leads or is
responsible for, with the columns it fills in (date, status, what was done, evidence).

The layout is declared here once and read back by progress_import.py: header cells B2 (unit), D2
(year), F2 (发文字号), the column titles in row HEADER_ROW, one task a row from FIRST_ROW. The
header and the task columns are locked (sheet protection without a password: it stops slips, not
people), the four columns to fill are not; the status is a drop-down of progress.STATUSES.
"""
import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from generator.build import load_site
from generator.diagnostics import PlanError
from generator.i18n import _
from generator.inputs.data_folder import Inputs
from generator.model.plan import Plan, Task, Unit
from generator.model.progress import STATUSES, written_date
from generator.site.pages import Site
from generator.yearloop import command
from generator.yearloop import forms_messages as M

UNIT_CELL, YEAR_CELL, NUMBER_CELL = "B2", "D2", "F2"
HEADER_ROW = 4
FIRST_ROW = 5
TASK_COLUMNS = 4  # A to D: number, title, role, other units
DATE, STATUS, TEXT, EVIDENCE = "E", "F", "G", "H"
FILL_COLUMNS = (DATE, STATUS, TEXT, EVIDENCE)
DATE_FORMAT = "yyyy-mm-dd"
_LOCKED = PatternFill("solid", fgColor="E7E6E6")
_WIDTHS = {"A": 8, "B": 40, "C": 11, "D": 30, "E": 13, "F": 10, "G": 50, "H": 40}


@dataclass(frozen=True)
class FormRow:
    task: Task
    cells: tuple[str, str, str, str]  # what columns A to D hold


def units_with_forms(plan: Plan) -> list[Unit]:
    """Units a form is sent to: those named on a task, in the plan's order; a collective phrase
    (市政府相关部门) is not one office that could fill one in."""
    return [unit for unit in plan.units if not unit.collective
            and (plan.tasks_led_by(unit) or plan.tasks_assigned_to(unit))]


def form_rows(plan: Plan, unit: Unit) -> list[FormRow]:
    """The unit's tasks in plan order, as its form lists them."""
    rows = []
    for task in plan.tasks:
        named = task.lead_units + task.responsible_units
        if unit not in named:
            continue
        role = M.ROLE_LEAD if unit in task.lead_units else M.ROLE_RESPONSIBLE
        others = "、".join(other.name for other in named if other is not unit) or M.NO_OTHER_UNITS
        rows.append(FormRow(task, (task.label, task.title, role, others)))
    return rows


def date_range(plan: Plan, today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The days a form's date may be: from the plan's 成文日期 (else 1 January) to the end of its
    year, and never after today."""
    year = plan.year
    first = written_date(plan.document) or datetime.date(year, 1, 1)
    return first, min(datetime.date(year, 12, 31), today or datetime.date.today())


def form_name(plan: Plan, unit: Unit) -> str:
    # the slug: safe in any file system, and unique among units
    return f"{plan.year}-{unit.slug}.xlsx"


def build_form(plan: Plan, unit: Unit, today: datetime.date | None = None) -> Workbook:
    first, last = date_range(plan, today)
    statuses = "、".join(STATUSES)
    book = Workbook()
    sheet = book.active
    sheet.title = M.TASK_SHEET
    _put(sheet["A1"], M.FORM_TITLE.format(plan=plan.title, unit=unit.name))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells("A1:H1")
    for label_cell, label, cell, value in (("A2", M.UNIT_LABEL, UNIT_CELL, unit.name),
                                           ("C2", M.YEAR_LABEL, YEAR_CELL, plan.year),
                                           ("E2", M.NUMBER_LABEL, NUMBER_CELL, plan.document.number)):
        sheet[label_cell] = label
        sheet[label_cell].font = Font(bold=True)
        _put(sheet[cell], value)
    sheet["A3"] = M.FORM_NOTE
    sheet.merge_cells("A3:H3")
    for i, title in enumerate(M.COLUMNS):
        cell = sheet.cell(HEADER_ROW, i + 1, title)
        cell.font = Font(bold=True)
        cell.fill = _LOCKED
    rows = form_rows(plan, unit)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, FIRST_ROW):
        for c, value in enumerate(row.cells, 1):
            cell = _put(sheet.cell(r, c), value)
            cell.fill, cell.alignment = _LOCKED, wrap
        for column in FILL_COLUMNS:
            cell = sheet[f"{column}{r}"]
            cell.protection = Protection(locked=False)
            cell.alignment = wrap
        sheet[f"{DATE}{r}"].number_format = DATE_FORMAT
    last_row = FIRST_ROW + len(rows) - 1
    status = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle=M.STATUS_PROMPT_TITLE,
                            error=M.STATUS_ERROR.format(statuses=statuses),
                            promptTitle=M.STATUS_PROMPT_TITLE,
                            prompt=M.STATUS_PROMPT.format(statuses=statuses), showInputMessage=True)
    status.add(f"{STATUS}{FIRST_ROW}:{STATUS}{last_row}")
    dates = DataValidation(type="date", operator="between", allow_blank=True,
                           formula1=_serial(first), formula2=_serial(last), showErrorMessage=True,
                           errorTitle=M.DATE_PROMPT_TITLE,
                           error=M.DATE_ERROR.format(first=first, last=last),
                           promptTitle=M.DATE_PROMPT_TITLE, showInputMessage=True,
                           prompt=M.DATE_PROMPT.format(example=first, first=first, last=last))
    dates.add(f"{DATE}{FIRST_ROW}:{DATE}{last_row}")
    sheet.add_data_validation(status)
    sheet.add_data_validation(dates)
    for column, width in _WIDTHS.items():
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.protection.sheet = True
    sheet.protection.formatRows = False  # rows may grow taller for long text
    sheet.protection.formatColumns = False
    guide = book.create_sheet(M.GUIDE_SHEET)
    for r, line in enumerate(M.GUIDE, 1):
        _put(guide.cell(r, 1), line.format(plan=plan.title, number=plan.document.number,
                                           unit=unit.name, example=first, first=first, last=last,
                                           statuses=statuses))
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 110
    guide.protection.sheet = True
    return book


def _put(cell, value):
    """Data into a cell as what it is: openpyxl takes a text that starts with = for a formula,
    which a spreadsheet would run; a title of the plan is text whatever it starts with."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _serial(day: datetime.date) -> str:
    """A date as the serial number a spreadsheet's date validation compares with."""
    return str((day - datetime.date(1899, 12, 30)).days)


def plan_of_year(inputs: Inputs, year: int) -> tuple[Plan, Site]:
    """The plan of `year` and the site of every plan (PlanError when the data is wrong,
    LookupError when there is no plan of that year)."""
    _sources, site = load_site(inputs, new_urls_allowed=True)  # the pages' URLs play no part here
    for plan in site.plans:
        if plan.year == year:
            return plan, site
    years = "、".join(str(plan.year) for plan in site.plans)
    raise LookupError(_(M.NO_PLAN_OF_YEAR).format(data=inputs.name, year=year, years=years))


def write_forms(plan: Plan, folder: Path, today: datetime.date | None = None) -> list[tuple[Path, Unit, int]]:
    units = units_with_forms(plan)
    folder.mkdir(parents=True, exist_ok=True)
    for unit in units:
        if (folder / form_name(plan, unit)).exists():
            raise FileExistsError(_(M.FOLDER_NOT_EMPTY).format(folder=folder.as_posix(),
                                                            file=form_name(plan, unit)))
    written = []
    for unit in units:
        path = folder / form_name(plan, unit)
        build_form(plan, unit, today).save(path)
        written.append((path, unit, len(form_rows(plan, unit))))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = command.parser("forms", _("Write one progress form (.xlsx) a unit."))
    parser.add_argument("--year", type=int, required=True, help=_("the plan's year"))
    parser.add_argument("--forms", type=Path, required=True, help=_("the folder to write them into"))
    args = parser.parse_args(argv)
    try:
        plan, _site = plan_of_year(Inputs.at(args.data), args.year)
        written = write_forms(plan, args.forms)
    except PlanError as error:
        print(error, file=sys.stderr)
        return 1
    except (LookupError, FileExistsError) as error:
        print(error.args[0], file=sys.stderr)
        return 1
    print(_(M.FORMS_WRITTEN).format(folder=args.forms.as_posix(), count=len(written), year=plan.year,
                                 number=plan.document.number))
    for path, unit, tasks in written:
        print(_(M.FORM_WRITTEN).format(file=path.name, unit=unit.name, tasks=tasks))
    skipped = [unit.name for unit in plan.units if unit.collective]
    if skipped:
        print(_(M.COLLECTIVE_SKIPPED).format(units="、".join(skipped)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
