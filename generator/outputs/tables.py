"""The site's tables, written as HTML: the tables of records (a row a task, a unit or a part of
a plan), each cell labelled by its column, and the responsibility matrix. Their links are
Markdown's, which both engines check and rewrite alike (md_in_html's `markdown` attribute on
each element down to the cells).

On a phone (plan.css) a row is a card: its first cells its title, the others one under another,
each after its column's name; and the browser lays out only the cards near the screen, so that
a collective unit's table of every task in the plan costs what a short page costs. A card not
yet laid out holds the height its row is given here (`data-lines`), never less than its own:
tools that measure the page (Lighthouse's check that links are targets a finger can tell apart)
ask where a link in it would be, and a card whose text ran past its held height would seem to
overlap the next.

Wider, it is a table, in a box of its own that scrolls sideways if it must: a region the
keyboard reaches, named after what it lists. The theme leaves a table with a class alone (no
wrapping of its own at start-up, which laid each long table out again); its look is copied in
plan.css.

The rows are made here rather than in a Jinja loop: a large plan's tables hold every task, and a
template pays for each call and test."""
import html
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from jinja2 import pass_context

from generator.model.plan import Section, Task, Unit
from generator.outputs import charts
from generator.outputs.markup import text


# A card's lines on the narrowest phone (320 px) at the largest text size (大): 11 characters a
# line, a Chinese character an em, rounded up to an even count of at least 4. plan.css holds a
# height for the counts up to 12 (the lines at 1.6 em, the card's padding); a taller card is
# laid out with the page.
CHARACTERS_A_LINE = 11
_MARKUP = re.compile(r"\]\([^)]*\)|[\[]|<[^>]*>")  # a link's syntax and the tags of a cell


def _width(cell: str) -> float:
    """The width of a cell's text, in ems: its link labels and text, without their markup (the
    data's own brackets are character references, text())."""
    shown = html.unescape(_MARKUP.sub("", cell))
    return sum(1 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in shown)


def held_lines(headings: Sequence[str], row: Sequence[str], titles: int) -> int:
    """The height, in lines, a card holds before it is laid out."""
    def lines(width: float) -> int:
        return max(1, math.ceil(width / CHARACTERS_A_LINE))
    count = lines(sum(map(_width, row[:titles]))) + sum(
        lines(len(heading) + 1 + _width(cell)) for heading, cell in zip(headings[titles:], row[titles:]))
    return max(4, count + count % 2)


def _row(labels: Sequence[str], row: Sequence[str], held: int) -> str:
    # A cell with a link is read as Markdown; text() leaves no "[" of the data's own in a cell.
    cells = "".join(f"<td{label}{' markdown' if '[' in cell else ''}>{cell}</td>"
                    for label, cell in zip(labels, row, strict=True))
    return f'<tr data-lines="{held}" markdown>{cells}</tr>'


def table(name: str, headings: Sequence[str], rows: Iterable[Sequence[str]], titles: int = 1) -> str:
    """A table named `name` for screen readers; each row's cells as HTML, in the order of the
    headings. The first `titles` cells of a row make its title on a phone; the others are
    labelled there by their headings."""
    labels = [""] * titles + [f' data-label="{html.escape(heading)}"' for heading in headings[titles:]]
    head = "".join(f'<th scope="col">{html.escape(heading)}</th>' for heading in headings)
    body = "\n".join(_row(labels, row, held_lines(headings, row, titles)) for row in rows)
    return (f'<div class="record-table" {_region(name)} markdown>\n<table class="record-table__table" markdown>\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody markdown>\n{body}\n</tbody>\n</table>\n</div>")


def _region(name: str) -> str:
    """A table's box: a region the keyboard reaches when the table scrolls, named for screen
    readers."""
    return f'role="region" tabindex="0" aria-label="{html.escape(name)}（表格）"'


def anchor(href: str, label: str) -> str:
    return f"[{text(label)}]({href})"


def _units(link: Callable, units: Iterable[Unit]) -> str:
    return "、".join(anchor(link(unit), unit.name) for unit in units) or "—"


def _section(link: Callable, section: Section) -> str:
    return anchor(link(section), section.label + section.title)


def _task(link: Callable, task: Task) -> str:
    return anchor(link(task), task.title)


def _with_status(headings: list[str], progress) -> list[str]:
    return headings + ["当前状态"] if progress else headings


@pass_context
def unit_tasks(context, tasks, section_of, progress, name: str, without: Unit | None = None) -> str:
    """A unit's tasks: number, title, section, the units that lead each (the unit itself left
    out, `without`) and, once progress is published, its current status."""
    link = context["link"]
    leads = "共同牵头单位" if without else "牵头单位"

    def row(task):
        cells = [text(task.label), _task(link, task), _section(link, section_of(task)),
                 _units(link, [unit for unit in task.lead_units if unit is not without])]
        return cells + [charts.status_cell(progress.current(task))] if progress else cells
    return table(name, _with_status(["序号", "任务", "所属部分", leads], progress), map(row, tasks), 2)


@pass_context
def section_tasks(context, tasks, progress, name: str) -> str:
    """A section's tasks: number, title, lead units and, once progress is published, status."""
    link = context["link"]

    def row(task):
        cells = [text(task.label), _task(link, task), _units(link, task.lead_units)]
        return cells + [charts.status_cell(progress.current(task))] if progress else cells
    return table(name, _with_status(["序号", "任务", "牵头单位"], progress), map(row, tasks), 2)


@pass_context
def task_units(context, tasks, collective, name: str) -> str:
    """Each task with the units that lead it and the named units responsible for it: the
    matrix of a section with too many units for a grid."""
    link = context["link"]
    return table(name, ["任务", "牵头单位", "责任单位"], (
        [anchor(link(task), task.label + task.title), _units(link, task.lead_units),
         _units(link, [unit for unit in task.responsible_units if unit not in collective])]
        for task in tasks))


@pass_context
def unit_directory(context, units, counts, name: str, collective: bool = False) -> str:
    """The units with the years they are named in, their counts of tasks led and assigned
    and (named units) whether they still exist or which unit took their duties over."""
    link = context["link"]

    def row(unit):
        years = "、".join(anchor(f"{link(unit)}#{plan.year}", str(plan.year)) for plan, _ in unit.years)
        cells = [anchor(link(unit), unit.name), years, str(counts[unit][0]), str(counts[unit][1])]
        if collective:
            return cells
        return cells + ["现有" if unit.current
                        else f"已由{anchor(link(unit.successor), unit.successor.name)}承接"]
    headings = ["统称" if collective else "单位", "年度", "牵头任务", "责任任务"]
    return table(name, headings if collective else headings + ["现状"], map(row, units))


@pass_context
def matrix_parts(context, parts, name: str) -> str:
    """The matrix's pages, one a section, with the section's count of tasks."""
    link = context["link"]
    return table(name, ["部分", "任务数"], (
        [anchor(link(part), part.section.label + part.section.title), f"{len(part.section.tasks)} 项"]
        for part in parts))


@pass_context
def unit_parts(context, parts, name: str) -> str:
    """A unit's pages, one a section, with its counts of tasks led and assigned there."""
    link = context["link"]
    return table(name, ["部分", "牵头", "负责"], (
        [anchor(link(part), part.section.label + part.section.title), f"{led} 项", f"{assigned} 项"]
        for part, led, assigned in parts))


_MARKS = {"lead": ("●", "牵头"), "responsible": ("○", "负责")}


@pass_context
def matrix_grid(context, grid, progress, name: str) -> str:
    """The responsibility matrix: a row a task (its current status once progress is published),
    a column a named unit, a mark where the unit leads or is responsible, which opens that
    unit's list of tasks and says what it means to a screen reader. A grid, not records: on a
    phone it scrolls sideways in its box, its task column in view (plan.css)."""
    link = context["link"]
    head = '<th scope="col">任务</th>' + "".join(
        f"<th scope=\"col\" markdown>{anchor(link(unit), unit.name)}</th>" for unit in grid["columns"])

    def mark(unit, role, target, prefix) -> str:
        if not role:
            return "<td></td>"
        sign, meaning = _MARKS[role]
        return (f'<td markdown>[{sign}<span class="sr-only">{text(unit.name)}{meaning}</span>]'
                f"({link(target)}#{prefix}{role})</td>")

    def row(task, cells) -> str:
        current = progress.current(task) if progress else None
        status = f" {charts.badge(current.status)}" if current else ""
        first = f"<td markdown>{anchor(link(task), task.label + task.title)}{status}</td>"
        return f"<tr markdown>{first}{''.join(mark(*cell) for cell in cells)}</tr>"
    body = "\n".join(row(task, cells) for task, cells in grid["rows"])
    return (f'<div class="plan-matrix" {_region(name)} markdown>\n<table class="plan-matrix__grid" markdown>\n'
            f"<thead markdown><tr markdown>{head}</tr></thead>\n<tbody markdown>\n{body}\n</tbody>\n"
            "</table>\n</div>")


FILTERS = {"unit_tasks": unit_tasks, "section_tasks": section_tasks, "task_units": task_units,
           "unit_directory": unit_directory, "matrix_parts": matrix_parts, "unit_parts": unit_parts,
           "matrix_grid": matrix_grid}
