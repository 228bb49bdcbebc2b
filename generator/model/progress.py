"""Progress reported on a plan's tasks, from `<data dir>/progress/<year>.yaml`, as frozen records.

The file is a list of entries, appended through the year and never edited away:

    - task: 十三            # the task's numeral in that year's plan
      date: 2017-07-01      # YYYY-MM-DD
      status: 推进中        # one of STATUSES
      unit: 市政府法制办    # a unit named on that task
      text: 一行文字：做了什么。
      evidence: [https://…] # optional: published documents

The format is declared in generator/schema/progress-input.schema.json and checked by the plans'
machinery (validate.py); what only the plan can tell is checked here.

A plan with no progress file has no progress published yet (`None`), which the pages say in words.
"""
import dataclasses
import datetime
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.diagnostics import Diagnostic, PlanError
from generator.i18n import _, did_you_mean, listing
from generator.inputs.dates import not_a_day
from generator.inputs.load import Source, parse, read_text
from generator.inputs.validate import Checker, Schema, describe, expected
from generator.inputs.weblinks import web_address
from generator.model.plan import Document, Plan, Task, Unit

# The format of an entry, declared once: editors check data/progress/<year>.yaml against it too.
SCHEMA = Schema("progress-input.schema.json")
_ENTRY = SCHEMA.declared["items"]
STATUSES = tuple(_ENTRY["properties"]["status"]["enum"])
# CSS class names, so a style never depends on the Chinese word
STATUS_CLASSES = dict(zip(STATUSES, ("not-started", "in-progress", "done", "behind", "adjusted")))
_WRITTEN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True, eq=False)  # one object per record: identity is equality
class Entry:
    task: Task
    date: datetime.date
    status: str
    unit: Unit
    text: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Progress:
    """Every entry of one year's file, newest first (on one date, the one written later first)."""
    file: str
    entries: tuple[Entry, ...]

    @cached_property
    def _by_task(self) -> dict[Task, tuple[Entry, ...]]:
        by_task: dict[Task, list[Entry]] = {}
        for entry in self.entries:
            by_task.setdefault(entry.task, []).append(entry)
        return {task: tuple(entries) for task, entries in by_task.items()}

    def history(self, task: Task) -> tuple[Entry, ...]:
        return self._by_task.get(task, ())

    def current(self, task: Task) -> Entry | None:
        """The task's status is its latest entry."""
        history = self.history(task)
        return history[0] if history else None

    def counts(self, tasks) -> list[tuple[str, int]]:
        """(status, number of tasks now in it) for the statuses that occur, in STATUSES order;
        tasks with no entry yet are counted under ''."""
        counted = dict.fromkeys(STATUSES + ("",), 0)
        for task in tasks:
            current = self.current(task)
            counted[current.status if current else ""] += 1
        return [(status, n) for status, n in counted.items() if n]

    def for_tasks(self, tasks) -> tuple[Entry, ...]:
        chosen = set(tasks)
        return tuple(entry for entry in self.entries if entry.task in chosen)


def written_date(document: Document) -> datetime.date | None:
    """The 成文日期 as a date, where it is written 2017年6月1日."""
    found = _WRITTEN.fullmatch(document.written.strip())
    try:
        return datetime.date(*map(int, found.groups())) if found else None
    except ValueError:
        return None


def load_progress(path: Path, name: str, plan: Plan) -> Progress | None:
    """The plan's progress from its file (`name` in messages), None when no file has been
    published; PlanError with every problem."""
    if not path.is_file():
        return None
    _source, entries = read_entries(path, name, plan)
    order = sorted(range(len(entries)), key=lambda i: (entries[i].date, i), reverse=True)
    return Progress(name, tuple(entries[i] for i in order))


def read_entries(path: Path, name: str, plan: Plan) -> tuple[Source | None, list[Entry]]:
    """The entries of a progress file in the file's order, with the file as loaded (None for a
    file of comments only: nothing published yet); PlanError with every problem of the file."""
    text = read_text(path, name)
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, []
    source = parse(text, name)
    problems, entries = check_entries(source, plan)
    if problems:
        raise PlanError(problems)
    return source, entries


def check_entries(source: Source, plan: Plan, label=None) -> tuple[list[Diagnostic], list[Entry]]:
    """Every problem of a list of entries (`source.data`) against the plan, and the good entries
    in their order. Other readers of progress (the units' returned forms) build a Source of their
    own, with positions and any problem already found in `source.problems`, and are checked by
    the same rules; `label(i)` names entry i in messages (default: progress entry #i+1)."""
    # YAML reads an unquoted date as a date; the schema, as an editor's language server, sees
    # the text
    data = [{**value, "date": value["date"].isoformat()}
            if isinstance(value, dict) and type(value.get("date")) is datetime.date else value
            for value in source.data] if isinstance(source.data, list) else source.data
    checker = _Checker(dataclasses.replace(source, data=data), label or (
        lambda i: _("progress entry #{number}").format(number=i + 1)))
    for path, message in source.problems:
        checker.fail(path, message)
    checker.shape()
    checker.hidden_characters()
    entries = checker.entries(plan) if isinstance(data, list) else []
    return sorted(checker.problems), entries


class _Checker(Checker):
    """The plans' checker over the progress schema, with the entries' names and the wording
    progress messages have where it differs from the plans'; then what only the plan can tell."""

    def __init__(self, source: Source, label):
        super().__init__(source, SCHEMA)
        self.entry_label = label

    def label(self, path) -> str:
        if not path:
            return ""  # the file's one message says what it should hold
        return self.entry_label(path[0]) if isinstance(path[0], int) else _("progress")

    def explain(self, error, path: tuple) -> None:
        value, keyword = error.instance, error.validator
        if keyword == "type" and not path:
            self.fail(path, _("expected a list of progress entries ('- task: …'), got {found}")
                      .format(found=describe(value)))
        elif keyword == "type" and len(path) == 1:
            self.fail(path, _("expected a mapping with the fields {fields}, got {found}").format(
                fields=listing(_ENTRY["properties"]), found=describe(value)))
        elif keyword == "type" and path[1:] == ("date",) and isinstance(value, datetime.datetime):
            self.fail(path, _("field 'date' is {value}; expected {expected}, without a time")
                      .format(value=value, expected=expected(error.schema)))
        elif keyword == "enum":
            self.fail(path, did_you_mean(_("status '{status}' is not one of {statuses}").format(
                status=value, statuses=listing(STATUSES)), value, STATUSES))
        elif path[1:2] == ("evidence",) and len(path) == 3:
            self.not_an_address(path, value)
        else:
            super().explain(error, path)

    def not_an_address(self, path: tuple, value) -> None:
        self.fail(path, _("evidence item {number} is {found}; expected an http:// or https:// "
                          "address of a published document").format(
            number=path[-1] + 1, found=describe(value)))

    def entries(self, plan: Plan) -> list[Entry]:
        """The well-formed entries that the plan accepts, each mistake reported; an entry given
        twice (task, date and unit) is kept once."""
        tasks = {task.numeral: task for task in plan.tasks}
        units: dict[str, Unit] = {}
        for unit in plan.units:
            for name in unit.names:
                units.setdefault(name, unit)
        written = written_date(plan.document)
        good, first_seen = [], {}
        for i, value in enumerate(self.source.data):
            fine = {name for name in value if self.fine((i, name))} if isinstance(value, dict) else ()
            task = self.task((i, "task"), value["task"], plan, tasks) if "task" in fine else None
            day = self.date((i, "date"), value["date"], plan, written) if "date" in fine else None
            unit = self.unit((i, "unit"), value["unit"], units) if "unit" in fine else None
            evidence = self.evidence((i, "evidence"), value["evidence"]) if "evidence" in fine else ()
            if any(path[:1] == (i,) for path in self.bad):
                continue
            if unit not in task.lead_units + task.responsible_units:
                named = "、".join(u.name for u in task.lead_units + task.responsible_units)
                self.fail((i, "unit"), _("unit '{name}' is not named on task （{task}）; its units "
                                         "are {units}").format(
                    name=value["unit"], task=task.numeral, units=named))
                continue
            key = (task, day, unit)
            if key in first_seen:
                self.fail((i, "task"), _(
                    "task （{task}）, {date}, {unit} is recorded twice (first at line {line}); record "
                    "a later step with its own date").format(
                    task=task.numeral, date=day, unit=unit.name,
                    line=self.source.at((first_seen[key], "task"))[0]))
                continue
            first_seen[key] = i
            good.append(Entry(task=task, date=day, status=value["status"], unit=unit,
                              text=value["text"], evidence=evidence))
        return good

    def task(self, path, value: str, plan: Plan, tasks: dict[str, Task]) -> Task | None:
        numeral = value.strip("（）()")
        if numeral not in tasks:
            self.fail(path, _("{message}; the plan's tasks are （{first}） to （{last}）").format(
                message=did_you_mean(_("unknown task '{value}'").format(value=value), numeral, tasks),
                first=plan.tasks[0].numeral, last=plan.tasks[-1].numeral))
        return tasks.get(numeral)

    def date(self, path, value: str, plan: Plan, written) -> datetime.date | None:
        reason = not_a_day(value)
        if reason:
            self.fail(path, _("'{value}' is not a day of the calendar: {reason}").format(
                value=value, reason=reason))
            return None
        day = datetime.date.fromisoformat(value)
        today = datetime.date.today()
        if written and day < written:
            self.fail(path, _("date {value} is before the plan was written ({written}, 成文日期)")
                      .format(value=day, written=plan.document.written))
        # A mistyped year (2071 for 2017) would otherwise become the task's current status.
        elif day > today:
            self.fail(path, _("date {value} is after today ({today}); an entry records what has "
                              "been done: check the year, month and day").format(
                value=day, today=today))
        return day

    def unit(self, path, value: str, units: dict[str, Unit]) -> Unit | None:
        if value not in units:
            self.fail(path, did_you_mean(_("unknown unit '{name}'").format(name=value), value, units))
        return units.get(value)

    def evidence(self, path, value: list) -> tuple[str, ...]:
        """Each address one a reader can follow (generator/inputs/weblinks.py): the pattern lets
        through what only parsing can refuse, such as a user name before the host."""
        addresses = []
        for j, address in enumerate(value):
            if self.fine(path + (j,)):
                addresses.append(web_address(address))
                if addresses[-1] is None:
                    self.not_an_address(path + (j,), address)
        return tuple(addresses)
