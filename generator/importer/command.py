"""`python -m generator import NOTICE -o DRAFT`: read the notice, write the draft, print a summary.

Everything printed passes through escape_for_terminal(): a notice's text (and a file's name) may
hold control characters that would move the cursor or recolour the terminal.
"""
import sys
from pathlib import Path

from ..characters import escape_for_terminal
from ..diagnostics import PlanError
from ..notice_file import read_notice
from . import dump, parse, summary


def _say(text: str, file=None) -> None:
    """Print lines of text, each escaped on its own (an escaped line break would join them)."""
    print("\n".join(map(escape_for_terminal, text.split("\n"))), file=file or sys.stdout)


def run(notice: Path, output: Path, force: bool) -> int:
    if output.exists() and not force:
        _say(f"{output}: exists; not written (pass --force to replace it)", sys.stderr)
        return 1
    try:
        text = read_notice(notice)
    except PlanError as error:
        _say(str(error), sys.stderr)
        return 1
    draft = parse(text)
    if not draft.sections:
        _say(f"{notice}:1:1: error: no task found; expected the plan's tasks as numbered "
             "paragraphs (一、 （一） 1. …) or paragraphs opening with a heading, with their units "
             f"in brackets; {output} was not written", sys.stderr)
        return 1
    output.write_text(dump(draft, notice.name), encoding="utf-8")
    for number, line in draft.unplaced:
        _say(f"{notice}:{number}:1: warning: not placed in the draft, kept there as a "
             f"comment: {line}", sys.stderr)
    for number, column, message in draft.warnings:
        _say(f"{notice}:{number}:{column}: warning: {message}", sys.stderr)
    tasks = sum(len(section["tasks"]) for section in draft.sections)
    _say(f"{output}: {len(draft.sections)} sections, {tasks} tasks, {len(draft.units)} units; "
         f"{len(draft.unplaced)} line(s) not placed")
    _say("\n".join(summary(draft)))
    return 0
