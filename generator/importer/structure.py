"""The body of a notice: sections, group headings and tasks, from the levels the notice itself uses.

The level whose paragraphs carry the most unit notes holds the tasks: a numbering level (一、 （一）
1. （1） ①) or unnumbered paragraphs that open with a run-in heading. The outermost level above it
holds the sections (none above it: the notice is a flat list, one section of tasks), and any level
between holds group headings, kept in the draft as comments. A group heading may carry its first
task on the same line. Paragraphs after a task (targets, a note on a line of its own) are part of
the task; paragraphs of a section before its first task are kept as comments under it.
"""
from dataclasses import dataclass, field

from generator.i18n import _
from generator.importer import notes
from generator.importer.lines import LEVELS, RUN_IN, full_width, groups, numbered, run_in_heading
from generator.model.numerals import from_numeral, to_numeral

# A line such as "附件：名单" or a signature ends no sentence: it is not a task's text.
SENTENCE_END = ("。", "！", "？", "）", "〕", "”")


@dataclass
class Paragraph:
    number: int  # its line in the notice
    text: str  # full-width, without the spaces around it
    indent: int  # characters before it in its line, for columns
    notes: list = field(default_factory=list)  # notes.Note, in order
    spans: list = field(default_factory=list)  # (start, end) of each note in text
    note_only: bool = False  # the paragraph is one note and nothing else
    rules: list = field(default_factory=list)  # rules stated outside its notes


def paragraph(number: int, raw: str) -> Paragraph:
    text = full_width(raw.strip().replace("\u00a0", " ").strip())
    found = Paragraph(number, text, len(raw) - len(raw.lstrip()))
    if notes.LABEL.match(text):
        found.notes, found.spans, found.note_only = [notes.read(text.rstrip("。"))], \
            [(0, len(text))], True
        return found
    for start, end in groups(text):
        note = notes.read(text[start + 1: end - 1], start + 1)
        if note:
            found.notes.append(note)
            found.spans.append((start, end))
    found.note_only = len(found.spans) == 1 and found.spans[0][0] == 0 and \
        found.spans[0][1] >= len(text.rstrip("。"))
    outside = "".join(text[end:start] for (_, end), (start, _) in
                      zip([(0, 0)] + found.spans, found.spans + [(len(text), 0)]))
    found.rules = notes.rules_in(outside)[1]
    return found


def task_level(paragraphs: list) -> int | None:
    """The level that carries the unit notes: the notice's tasks.

    When no paragraph carries one, the level just inside the sections (or the only level)."""
    counts, levels, owner = {}, set(), None
    for p in paragraphs:
        if p.note_only:
            if owner is not None:  # a note on the line below its task
                counts[owner] = counts.get(owner, 0) + 1
            continue
        level = _level(p)
        if level is not None:
            owner = level
            levels.add(level)
            if p.notes:
                counts[level] = counts.get(level, 0) + 1
    if counts:
        # the deeper level wins a tie: a heading may close with a note for its whole group
        return max(counts, key=lambda level: (counts[level], level))
    numbered_levels = sorted(levels - {RUN_IN})
    if len(numbered_levels) == 1:
        return numbered_levels[0]
    return numbered_levels[1] if numbered_levels else None


def _level(p: Paragraph) -> int | None:
    found = numbered(p.text)
    if found:
        return found[0]
    return RUN_IN if run_in_heading(p.text) else None


class Reader:
    """Places each paragraph of the body in turn, with the rules the notice stated so far."""

    def __init__(self, draft, paragraphs: list):
        self.draft, self.paragraphs = draft, paragraphs
        self.tasks_at = task_level(paragraphs)
        levels = sorted({level for p in paragraphs if (level := _level(p)) is not None
                         and level != RUN_IN} | ({RUN_IN} if self.tasks_at == RUN_IN else set()))
        self.sections_at = levels[0] if levels and self.tasks_at is not None and \
            levels[0] < self.tasks_at else None
        shown = [LEVELS[level][0] if level < RUN_IN else "run-in headings" for level in levels
                 if self.tasks_at is not None and level <= self.tasks_at and
                 (self.sections_at is None or level >= self.sections_at)]
        draft.levels = tuple(shown)
        draft.flat = self.tasks_at is not None and self.sections_at is None
        self.noted = self._noted_sections()
        self.task = None
        self.first_leads = None  # the rule in force: the first unit named leads
        self.preamble = []
        self.order = []  # every task, in order, for the rules that govern the tasks after them

    def _noted_sections(self) -> set:
        """The sections (by count, 0 before the first) in which some paragraph carries a note."""
        noted, count = set(), 0
        for p in self.paragraphs:
            found = numbered(p.text)
            if found and found[0] == self.sections_at:
                count += 1
            if p.notes:
                noted.add(count)
        return noted

    def read(self) -> None:
        for p in self.paragraphs:
            self._place(p)
        if self.preamble:
            self.draft.plan["preamble"] = "".join(self.preamble)
        self._apply_first_leads()
        self._apply_listed_once()

    def _place(self, p: Paragraph) -> None:
        last = self.task["number"] if self.task and self.tasks_at == 2 else None
        found = numbered(p.text, from_numeral(last) if last else None)
        level = found[0] if found else None
        if level is not None and level == self.sections_at:
            self.draft.sections.append({"number": found[1], "title": found[2], "tasks": [],
                                        "headings": [], "texts": []})
            self.task = None
        elif level is not None and level == self.tasks_at:
            self._new_task(found[1], p, len(p.text) - len(found[2]))
        elif self.tasks_at == RUN_IN and level is None and not p.note_only \
                and self._run_in_task(p.text):
            self._new_task(None, p, 0)
        elif level is not None and self.tasks_at is not None and level < self.tasks_at and \
                (self.draft.sections or self.draft.flat):
            self._group_heading(p, found)
        elif self.task is not None and (p.note_only or p.text.endswith(SENTENCE_END)):
            self._attach(p, 0)
        elif not self.draft.sections and not self.order:
            self.preamble.append(p.text)
            self._state_rules(p.rules, p.number)
        elif self.task is None and self.draft.sections:
            self.draft.sections[-1]["texts"].append((p.number, p.text))
            self._state_rules(p.rules, p.number)
        else:
            self.draft.unplaced.append((p.number, p.text))

    def _run_in_task(self, text: str) -> bool:
        """A run-in paragraph is a task only in a section where the notice notes units: under
        总体要求, "坚持依法行政。……" states a principle."""
        return self.tasks_at == RUN_IN and run_in_heading(text) is not None and \
            (bool(self.draft.sections) or self.draft.flat) and len(self.draft.sections) in self.noted

    def _section(self) -> dict:
        if not self.draft.sections:  # a flat list: one section, titled as the plan
            title = self.draft.plan.get("title") or self.draft.document.get("title") or "全文"
            self.draft.sections.append({"number": "一", "title": title, "tasks": [],
                                        "headings": [], "texts": []})
        return self.draft.sections[-1]

    def _group_heading(self, p: Paragraph, found: tuple) -> None:
        """A heading between section and task, kept as a comment; after it on the same line, a
        run-in task when the tasks are run-in paragraphs."""
        section, self.task = self._section(), None
        _heading, stop, rest = found[2].partition("。")
        cut = len(p.text) - len(rest) if stop and self._run_in_task(rest) else len(p.text)
        section["headings"].append((len(section["tasks"]), p.number, p.text[:cut]))
        # the heading's own notes stay in its comment; the rules they state hold from here
        self._state_rules([rule for note, (start, _) in zip(p.notes, p.spans) if start < cut
                           for rule in note.rules], p.number)
        if cut < len(p.text):
            self._new_task(None, p, cut)
        else:
            self._state_rules(p.rules, p.number)

    def _new_task(self, numeral: str | None, p: Paragraph, offset: int) -> None:
        section = self._section()
        numeral = numeral or to_numeral(len(self.order) + 1)
        self.task = {"number": numeral, "title": "", "text": "", "notes": []}
        section["tasks"].append(self.task)
        self.order.append(self.task)
        body = self._without_closing_note(p, offset)
        title, stop, rest = body.partition("。")
        self.task["title"], self.task["text"] = (title, rest) if stop else (body, "")
        self._notes(p, offset)

    def _attach(self, p: Paragraph, offset: int) -> None:
        """A paragraph after a task: its note, or more of its text (a target, a measure)."""
        if not p.note_only:
            self.task["text"] += self._without_closing_note(p, offset)
        self._notes(p, offset)

    @staticmethod
    def _without_closing_note(p: Paragraph, offset: int) -> str:
        text = p.text[offset:]
        for start, end in p.spans:
            if start >= offset and end >= len(p.text.rstrip("。")):
                return p.text[offset:start]
        return text

    def _notes(self, p: Paragraph, offset: int) -> None:
        task = self.task
        self._state_rules(p.rules, p.number)  # a rule in the text, outside any note
        for note, (start, _end) in zip(p.notes, p.spans):
            if start < offset:
                continue  # the group heading's own note, before its first task: read there
            self._state_rules(note.rules, p.number)
            task["notes"].append(note.wording)
            task["responsibility"] = "；".join(task["notes"])
            cursor = note.start
            rule = self.first_leads if any(role == "unmarked" for role, _ in note.roles) else None
            for role, phrase in note.roles:
                if role is None:
                    continue  # 牵头领导 names an official, not a unit; the wording keeps it
                listed = set()
                for name in notes.unit_names(phrase):
                    found = p.text.find(name, cursor)
                    cursor = found + len(name) if found >= 0 else cursor
                    column = p.indent + (found if found >= 0 else cursor) + 1
                    if name in listed:  # 市司法局、市司法局: a slip of the notice, or a lost name
                        self.draft.warnings.append((p.number, column, _(
                            "task （{task}）: unit '{name}' is named twice in one list; the draft "
                            "names it once").format(task=task["number"], name=name)))
                    listed.add(name)
                    if role == "unmarked" and rule is not None:
                        # the rule may make it the lead, if no note of the task names one
                        task.setdefault("first", (name, self.first_leads))
                        rule = None
                    self._assign(task, "responsible" if role == "unmarked" else role, name)
                    reason = notes.fragment(name)
                    if reason:
                        self.draft.warnings.append((p.number, column, _(
                            "task （{task}）: unit name '{name}' looks like a fragment: {reason}"
                        ).format(task=task["number"], name=name, reason=reason)))
            if self.first_leads is not None and not self.first_leads.onward:
                self.first_leads = None  # stated for this note alone, without 下同

    def _assign(self, task: dict, role: str, name: str) -> None:
        if role == "responsible" and name in task.get("lead", []):
            return
        if role == "lead" and name in task.get("responsible", []):
            task["responsible"].remove(name)
        task.setdefault(role, [])
        if name not in task[role]:
            task[role].append(name)
        self.draft.units.setdefault(name, notes.collective(name))

    def _state_rules(self, rules: list, line: int) -> None:
        for rule in rules:
            rule.line = line
            self.draft.rules.append(rule)
            if rule.kind == "first leads":
                self.first_leads = rule
            else:
                rule.after = len(self.order)  # the tasks after this one

    def _apply_first_leads(self) -> None:
        for task in self.order:
            if "first" in task and not task.get("lead"):
                name, rule = task["first"]
                self._assign(task, "lead", name)
                rule.applied.append(task["number"])

    def _apply_listed_once(self) -> None:
        for rule in self.draft.rules:
            if rule.kind != "listed once":
                continue
            for task in self.order[rule.after:]:
                for name in rule.names:
                    self._assign(task, "responsible", name)
                # the wording the units are read from names the rule that added them
                task["notes"].append(rule.wording)
                task["responsibility"] = "；".join(task["notes"])
                rule.applied.append(task["number"])


def read_body(lines: list, draft) -> None:
    """`lines`: (line number, line as written) of the plan's body."""
    paragraphs = [paragraph(number, raw) for number, raw in lines]
    Reader(draft, [p for p in paragraphs if p.text]).read()
    for section in draft.sections:
        for task in section["tasks"]:
            task.pop("notes", None)
            task.pop("first", None)
