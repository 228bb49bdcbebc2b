"""`python -m generator import NOTICE.txt -o draft.yaml`: a draft plan from a notice's plain text.

head.py reads the notice's head (title, number, signature), structure.py its sections, group
headings and tasks from the levels the notice uses, notes.py the unit notes and the rules the
notice states for them, lines.py one line at a time; output.py writes the draft and its summary.
What it cannot place goes into the draft as a comment with its line number; unit names that look
like fragments are warnings.
"""
from dataclasses import dataclass, field

from generator.importer.head import metadata
from generator.importer.output import dump, summary
from generator.importer.structure import read_body

__all__ = ["Draft", "parse", "dump", "summary"]


@dataclass
class Draft:
    document: dict = field(default_factory=dict)
    plan: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)  # name -> collective
    sections: list = field(default_factory=list)
    unplaced: list = field(default_factory=list)  # (line number, text)
    warnings: list = field(default_factory=list)  # (line number, column, message)
    levels: tuple = ()  # how the notice numbers its sections, group headings and tasks
    flat: bool = False  # no level above the tasks: one section of tasks
    rules: list = field(default_factory=list)  # notes.Rule the notice states, in order


def parse(text: str) -> Draft:
    raw_lines = text.splitlines()
    lines = [(number, line.strip().replace("\u00a0", " ").strip())
             for number, line in enumerate(raw_lines, 1)]
    lines = [(number, line) for number, line in lines if line]
    draft = Draft()
    body_start, body_end = metadata(lines, draft)
    read_body([(number, raw_lines[number - 1]) for number, _ in lines[body_start:body_end]], draft)
    draft.unplaced.sort()
    return draft
