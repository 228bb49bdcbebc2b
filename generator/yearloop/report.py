"""`make report YEAR=2017 REPORT=<file>.docx`: a draft of the year's 法治政府建设 report, as .docx
and as Markdown beside it, from the plan and its progress entries only.

Every sentence is followed by the numbers of its sources ([3]), listed at the end: a progress
entry (its file, line and number in the file) or a line of a plan file. A sentence is made only
from what its sources hold; what no entry says (a task without entries) is said to have none.
"""
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from docx import Document as Docx
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from generator.diagnostics import PlanError
from generator.i18n import _
from generator.inputs.data_folder import Inputs
from generator.inputs.load import Source
from generator.model.plan import Plan, Task
from generator.model.progress import STATUSES, Entry
from generator.yearloop import command
from generator.yearloop import forms_messages as M
from generator.yearloop.forms import plan_of_year
from generator.yearloop.progress_import import entries_in_file

BEHIND = ("滞后", "未启动")  # statuses whose latest reason the report lists on their own


@dataclass(frozen=True)
class Block:
    kind: str  # draft, title, heading, subheading, paragraph, item, source
    text: str
    refs: tuple[int, ...] = ()
    urls: tuple[str, ...] = ()  # evidence addresses, shown after the text


class Sources:
    """The numbered list of what the report cites, numbered in order of first citation."""

    def __init__(self):
        self.numbers: dict[tuple, int] = {}
        self.lines: list[str] = []

    def cite(self, key: tuple, line: str) -> int:
        if key not in self.numbers:
            self.numbers[key] = len(self.lines) + 1
            self.lines.append(line)
        return self.numbers[key]


def draft(plan: Plan, plan_file: str, plan_lines: dict, entries: list[tuple[Entry, int]],
          progress_file: str, upcoming: Plan | None) -> list[Block]:
    """The report's blocks. `entries`: (entry, line) in the progress file's order;
    `plan_lines`: the line of each part of the plan file a sentence cites."""
    sources = Sources()
    number = {entry: n for n, (entry, _line) in enumerate(entries, 1)}
    line_of = dict(entries)

    def entry_ref(entry: Entry) -> int:
        return sources.cite(("entry", number[entry]), M.REPORT_SOURCE_ENTRY.format(
            file=progress_file, line=line_of[entry], n=number[entry], date=entry.date,
            unit=entry.unit.name, status=entry.status))

    def plan_ref(file: str, line: int, what: str) -> int:
        return sources.cite(("plan", file, line), M.REPORT_SOURCE_PLAN.format(
            file=file, line=line, what=what))

    def task_ref(task: Task) -> int:
        return plan_ref(task.origin.file, task.origin.line, task.label + task.title)

    history: dict[Task, list[Entry]] = {}
    for _index, (entry, _line) in sorted(enumerate(entries), key=lambda p: (p[1][0].date, p[0])):
        history.setdefault(entry.task, []).append(entry)  # oldest first
    current = {task: found[-1] for task, found in history.items()}

    document = plan.document
    document_ref = plan_ref(plan_file, plan_lines["document"], M.REPORT_SOURCE_DOCUMENT)
    tasks_ref = plan_ref(plan_file, plan_lines["sections"], M.REPORT_SOURCE_TASKS)
    blocks = [Block("draft", M.REPORT_DRAFT), Block("paragraph", M.REPORT_DRAFT_NOTE),
              Block("title", M.REPORT_TITLE.format(plan=plan.title)),
              Block("heading", M.REPORT_PLAN),
              Block("paragraph", M.REPORT_PLAN_LINE.format(
                  title=plan.title, number=document.number, issuer=document.issuer,
                  written=document.written), (document_ref,)),
              Block("paragraph", M.REPORT_PLAN_TASKS.format(
                  sections=len(plan.sections), tasks=len(plan.tasks)), (tasks_ref,)),
              Block("heading", M.REPORT_COUNTS)]
    if not entries:
        blocks.append(Block("paragraph", M.REPORT_NO_ENTRIES))
    for status in STATUSES + ("",):
        tasks = [task for task in plan.tasks if getattr(current.get(task), "status", "") == status]
        if tasks and (status or entries):
            refs = tuple(entry_ref(current[task]) for task in tasks) if status else (tasks_ref,)
            blocks.append(Block("item", M.REPORT_COUNT_LINE.format(
                status=status or M.REPORT_NO_RECORD, count=len(tasks)), refs))
    blocks.append(Block("heading", M.REPORT_SECTIONS))
    for section in plan.sections:
        blocks.append(Block("subheading", section.label + section.title))
        for task in section.tasks:
            if task not in current:
                blocks.append(Block("paragraph", M.REPORT_TASK_NONE.format(
                    label=task.label, title=task.title), (task_ref(task),)))
                continue
            blocks.append(Block("paragraph", M.REPORT_TASK.format(
                label=task.label, title=task.title, status=current[task].status),
                (task_ref(task), entry_ref(current[task]))))
            for entry in history[task]:
                said = M.REPORT_ENTRY.format(date=entry.date, unit=entry.unit.name,
                                             status=entry.status, text=entry.text)
                blocks.append(Block("item", said, (entry_ref(entry),), entry.evidence))
    blocks.append(Block("heading", M.REPORT_BEHIND))
    behind = [task for task in plan.tasks if task in current and current[task].status in BEHIND]
    if not entries:
        blocks.append(Block("paragraph", M.REPORT_NO_ENTRIES))
    elif not behind:
        blocks.append(Block("paragraph", M.REPORT_BEHIND_NONE,
                            tuple(entry_ref(current[task]) for task in plan.tasks if task in current)))
    for task in behind:
        entry = current[task]
        blocks.append(Block("item", M.REPORT_BEHIND_LINE.format(
            label=task.label, title=task.title, status=entry.status, date=entry.date,
            unit=entry.unit.name, text=entry.text), (entry_ref(entry),)))
    blocks.append(Block("heading", M.REPORT_NEXT))
    if upcoming is None:
        blocks.append(Block("paragraph", M.REPORT_NEXT_NONE.format(year=plan.year + 1)))
    else:
        first = upcoming.tasks[0] if upcoming.tasks else None
        blocks.append(Block("paragraph", M.REPORT_NEXT_PLAN.format(
            title=upcoming.title, number=upcoming.document.number, year=upcoming.year,
            tasks=len(upcoming.tasks)), (task_ref(first),) if first else ()))
        for section in upcoming.sections:
            blocks.append(Block("subheading", M.REPORT_NEXT_SECTION.format(
                label=section.label, title=section.title)))
            for task in section.tasks:
                blocks.append(Block("item", M.REPORT_NEXT_TASK.format(
                    label=task.label, title=task.title), (task_ref(task),)))
    blocks.append(Block("heading", M.REPORT_SOURCES))
    blocks += [Block("source", f"[{n}] {line}") for n, line in enumerate(sources.lines, 1)]
    return blocks


def _evidence(block: Block, link) -> str:
    return " " + M.REPORT_EVIDENCE + " ".join(map(link, block.urls)) if block.urls else ""


def _refs(block: Block) -> str:
    return "".join(f"[{n}]" for n in block.refs)


# What can start or end Markdown or HTML inside a line: backslash escapes where CommonMark and
# Python-Markdown both honour them, character references where only CommonMark does; the rest of
# ASCII punctuation (a date's hyphens, a path's slashes) only where it opens a line as a marker.
_BACKSLASHED = re.compile(r"[\\`*_\[\]{}#!]")
_REFERENCED = re.compile(r"[<>&|~]")
_LINE_START_MARKUP = re.compile(r"^([-+=]|\d+(?=[.)]))")


def markdown_text(value: str) -> str:
    """Data text as Markdown that shows exactly these characters and never becomes markup, and
    stays readable as a draft's source (the site's encoder writes every mark as a reference)."""
    escaped = _REFERENCED.sub(lambda match: f"&#{ord(match.group())};",
                              _BACKSLASHED.sub(lambda match: "\\" + match.group(), value))
    return _LINE_START_MARKUP.sub(lambda match: "\\" + match.group() if not match.group().isdigit()
                                  else match.group() + "\\", escaped)


def markdown(blocks: list[Block]) -> str:
    """The blocks as Markdown; evidence as autolinks (the progress checks allow no character in
    an address that could end one)."""
    prefix = {"draft": "**", "title": "# ", "heading": "## ", "subheading": "### ",
              "paragraph": "", "item": "- ", "source": "- "}
    lines = []
    for i, block in enumerate(blocks):
        body = markdown_text(block.text) + _evidence(block, lambda url: f"<{url}>")
        refs = _refs(block).replace("[", "\\[").replace("]", "\\]")
        line = prefix[block.kind] + body + (" " + refs if refs else "")
        lines.append(line + "**" if block.kind == "draft" else line)
        listed = block.kind in ("item", "source")
        if not listed or i + 1 == len(blocks) or blocks[i + 1].kind not in ("item", "source"):
            lines.append("")  # a paragraph after a list item would continue it
    return "\n".join(lines).rstrip("\n") + "\n"


def word(blocks: list[Block], path: Path) -> None:
    document = Docx()
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), M.REPORT_FONT)
    for block in blocks:
        if block.kind == "draft":
            run = document.add_paragraph().add_run(block.text)
            run.bold, run.font.size, run.font.color.rgb = True, Pt(22), RGBColor(0xC0, 0, 0)
            continue
        text = block.text + _evidence(block, str)
        level = {"title": 0, "heading": 1, "subheading": 2}.get(block.kind)
        if level is not None:
            paragraph = document.add_heading(text, level)
        else:
            paragraph = document.add_paragraph(
                text, "List Bullet" if block.kind == "item" else None)
        if block.refs:
            paragraph.add_run(" " + _refs(block)).font.superscript = True
    document.save(path)


def plan_lines(source: Source) -> dict:
    """The lines of the plan file the report points at."""
    return {"document": source.at(("document", "number"))[0],
            "sections": source.at(("sections",))[0]}


def main(argv: list[str] | None = None) -> int:
    parser = command.parser("report", _("Draft the year's report from the progress entries."))
    parser.add_argument("--year", type=int, required=True, help=_("the plan's year"))
    parser.add_argument("--report", type=Path, required=True, help=_("the .docx to write"))
    args = parser.parse_args(argv)
    if args.report.suffix.lower() != ".docx":
        print(_(M.REPORT_NOT_DOCX).format(file=args.report), file=sys.stderr)
        return 1
    try:
        inputs = Inputs.at(args.data)
        plan, site = plan_of_year(inputs, args.year)
        progress, source = inputs.progress(plan.year), site.sources[plan]
        entries = entries_in_file(progress.path, progress.name, plan)
        upcoming = [other for other in site.plans if other.year == plan.year + 1]
        blocks = draft(plan, source.file, plan_lines(source), entries, progress.name,
                       upcoming[0] if upcoming else None)
    except PlanError as error:
        print(error, file=sys.stderr)
        return 1
    except LookupError as error:
        print(error.args[0], file=sys.stderr)
        return 1
    args.report.parent.mkdir(parents=True, exist_ok=True)
    word(blocks, args.report)
    beside = args.report.with_suffix(".md")
    beside.write_text(markdown(blocks), encoding="utf-8")
    print(_(M.REPORT_WRITTEN).format(docx=args.report.as_posix(), markdown=beside.as_posix(),
                                  year=plan.year, entries=len(entries)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
