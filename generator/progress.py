"""Progress reported on a plan's tasks, from `<data dir>/progress/<year>.yaml`, as frozen records.

The file is a list of entries, appended through the year and never edited away:

    - task: 十三            # the task's numeral in that year's plan
      date: 2017-07-01      # YYYY-MM-DD
      status: 推进中        # one of STATUSES
      unit: 市政府法制办    # a unit named on that task
      text: 一行文字：做了什么。
      evidence: [https://…] # optional: published documents

A plan with no progress file has no progress published yet (`None`), which the pages say in words.
"""
import datetime
import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .dates import not_a_day
from .diagnostics import Diagnostic, PlanError
from .i18n import N_, _, did_you_mean, listing
from .load import Source, load
from .model import Document, Plan, Task, Unit
from .validate import bad_character, describe, labelled, unknown_field
from .weblinks import web_address

STATUSES = ("未启动", "推进中", "已完成", "滞后", "调整")
# CSS class names, so a style never depends on the Chinese word
STATUS_CLASSES = dict(zip(STATUSES, ("not-started", "in-progress", "done", "behind", "adjusted")))
# What each field holds, as the messages say it (with {statuses}: STATUSES).
FIELDS = {
    "task": N_("the task's Chinese numeral, such as 十三"),
    "date": N_("a date written YYYY-MM-DD, such as 2017-07-01"),
    "status": N_("one of {statuses}"),
    "unit": N_("the name of a unit named on the task"),
    "text": N_("one line of text: what was done"),
    "evidence": N_("a list of http(s) URLs of published documents"),
}
REQUIRED = ("task", "date", "status", "unit", "text")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WRITTEN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True, eq=False)  # one object per record: identity is equality
class Entry:
    task: Task
    date: datetime.date
    status: str
    unit: Unit
    text: str
    evidence: tuple[str, ...]

    @property
    def status_class(self) -> str:
        return STATUS_CLASSES[self.status]


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
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = ["?"]  # let the loader say what is wrong with the file
    if all(not line.strip() or line.lstrip().startswith("#") for line in lines):
        return Progress(name, ())  # a file of comments only: nothing published yet
    source = load(path, name)
    problems, entries = check_entries(source, plan)
    if problems:
        raise PlanError(problems)
    order = sorted(range(len(entries)), key=lambda i: (entries[i].date, i), reverse=True)
    return Progress(name, tuple(entries[i] for i in order))


def _nearest(message: str, word: str, choices) -> str:
    """The message, with the choice nearest to `word` where one is near."""
    near = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return did_you_mean(message, near and near[0])


def expected(name: str) -> str:
    """What the field `name` holds, in the language of the run."""
    return _(FIELDS[name]).format(statuses=listing(STATUSES))


def check_entries(source: Source, plan: Plan, label=None) -> tuple[list[Diagnostic], list[Entry]]:
    """Every problem of a list of entries (`source.data`) against the plan, and the good entries
    in their order. Other readers of progress (the units' returned forms) build a Source of their
    own, with positions and any problem already found in `source.problems`, and are checked by
    the same rules; `label(i)` names entry i in messages (default: progress entry #i+1)."""
    return _Checker(source, plan, label).check()


class _Checker:
    def __init__(self, source: Source, plan: Plan, label=None):
        self.source = source
        self.label = label or (lambda i: _("progress entry #{number}").format(number=i + 1))
        self.plan = plan
        self.problems: list[Diagnostic] = []
        self.tasks = {task.numeral: task for task in plan.tasks}
        self.units: dict[str, Unit] = {}
        for unit in plan.units:
            for name in unit.names:
                self.units.setdefault(name, unit)
        self.written = written_date(plan.document)

    def error(self, path, message: str, *, key=False) -> None:
        label = self.label(path[0]) if path and isinstance(path[0], int) else _("progress")
        self.problems.append(self.source.diagnostic(path, labelled(label, message), key=key))

    def check(self) -> tuple[list[Diagnostic], list[Entry]]:
        data = self.source.data
        self.failed = {path for path, _ in self.source.problems}  # reported while loading
        for path, message in self.source.problems:
            self.error(path, message)
        if not isinstance(data, list):
            if not self.problems:
                self.problems.append(self.source.diagnostic(
                    (), _("expected a list of progress entries ('- task: …'), got {found}").format(
                        found=describe(data))))
            return self.problems, []
        entries = []
        first_seen: dict[tuple, int] = {}
        for i, value in enumerate(data):
            entry = self.entry(value, (i,))
            if entry is None:
                continue
            key = (entry.task, entry.date, entry.unit)
            if key in first_seen:
                line = self.source.at((first_seen[key], "task"))[0]
                self.error((i, "task"), _("task （{task}）, {date}, {unit} is recorded twice (first "
                                          "at line {line}); record a later step with its own date")
                           .format(task=entry.task.numeral, date=entry.date, unit=entry.unit.name,
                                   line=line))
                continue
            first_seen[key] = i
            entries.append(entry)
        return self.problems, entries

    def entry(self, value, path) -> Entry | None:
        if not isinstance(value, dict):
            self.error(path, _("expected a mapping with the fields {fields}, got {found}").format(
                fields=listing(FIELDS), found=describe(value)))
            return None
        ok = True
        for key in value:
            if key not in FIELDS:
                self.error(path + (key,), unknown_field(key, FIELDS), key=True)
                ok = False
        for name in REQUIRED:
            if name not in value:
                self.error(path, _("missing required field '{field}' ({expected})").format(
                    field=name, expected=expected(name)))
                ok = False
        checked = {name: getattr(self, name)(value[name], path + (name,))
                   for name in FIELDS if name in value and not self._failed(path + (name,))}
        if not ok or len(checked) < len(value) or any(r is None for r in checked.values()):
            return None
        task, unit = checked["task"], checked["unit"]
        if unit not in task.lead_units + task.responsible_units:
            named = "、".join(u.name for u in task.lead_units + task.responsible_units)
            self.error(path + ("unit",), _("unit '{name}' is not named on task （{task}）; its units "
                                           "are {units}").format(
                name=value["unit"], task=task.numeral, units=named))
            return None
        return Entry(task=task, date=checked["date"], status=checked["status"], unit=unit,
                     text=checked["text"], evidence=checked.get("evidence", ()))

    def _failed(self, path) -> bool:
        return any(failed[:len(path)] == path for failed in self.failed)

    def one_line(self, value, path) -> str | None:
        name = path[-1]
        if not isinstance(value, str):
            self.error(path, _("field '{name}' must be {expected}, got {found}").format(
                name=name, expected=expected(name), found=describe(value)))
            return None
        if not value.strip():
            self.error(path, _("field '{name}' is empty; expected {expected}").format(
                name=name, expected=expected(name)))
            return None
        bad = bad_character(value)
        if bad:
            self.error(path, _("field '{name}' contains {character}").format(name=name, character=bad))
            return None
        if value != value.strip():
            self.error(path, _("field '{name}' starts or ends with white space; delete it").format(
                name=name))
            return None
        return value

    def task(self, value, path) -> Task | None:
        if isinstance(value, int) and not isinstance(value, bool):
            self.error(path, _("field '{name}' must be {expected}, got {found}").format(
                name="task", expected=expected("task"), found=describe(value)))
            return None
        numeral = self.one_line(value, path)
        if numeral is None:
            return None
        numeral = numeral.strip("（）()")
        if numeral not in self.tasks:
            first, last = self.plan.tasks[0].numeral, self.plan.tasks[-1].numeral
            near = difflib.get_close_matches(numeral, list(self.tasks), n=1, cutoff=0.5)
            self.error(path, (_("unknown task '{value}' (did you mean '{near}'?); the plan's tasks "
                                "are （{first}） to （{last}）") if near else
                              _("unknown task '{value}'; the plan's tasks are （{first}） to （{last}）")
                              ).format(value=value, near=near and near[0], first=first, last=last))
            return None
        return self.tasks[numeral]

    def date(self, value, path) -> datetime.date | None:
        if isinstance(value, datetime.datetime):
            self.error(path, _("field 'date' is {value}; expected {expected}, without a time").format(
                value=value, expected=expected("date")))
            return None
        if isinstance(value, str) and _DATE.fullmatch(value):
            reason = not_a_day(value)
            if reason:
                self.error(path, _("'{value}' is not a day of the calendar: {reason}").format(
                    value=value, reason=reason))
                return None
            value = datetime.date.fromisoformat(value)
        if not isinstance(value, datetime.date):
            self.error(path, _("field 'date' is {found}; expected {expected}").format(
                found=describe(value), expected=expected("date")))
            return None
        if self.written and value < self.written:
            self.error(path, _("date {value} is before the plan was written ({written}, 成文日期)")
                       .format(value=value, written=self.plan.document.written))
            return None
        # A mistyped year (2071 for 2017) would otherwise become the task's current status.
        today = datetime.date.today()
        if value > today:
            self.error(path, _("date {value} is after today ({today}); an entry records what has "
                               "been done: check the year, month and day").format(
                value=value, today=today))
            return None
        return value

    def status(self, value, path) -> str | None:
        status = self.one_line(value, path)
        if status is None:
            return None
        if status not in STATUSES:
            self.error(path, _nearest(_("status '{status}' is not one of {statuses}").format(
                status=status, statuses=listing(STATUSES)), status, STATUSES))
            return None
        return status

    def unit(self, value, path) -> Unit | None:
        name = self.one_line(value, path)
        if name is None:
            return None
        if name not in self.units:
            self.error(path, _nearest(_("unknown unit '{name}'").format(name=name), name, self.units))
            return None
        return self.units[name]

    def text(self, value, path) -> str | None:
        return self.one_line(value, path)

    def evidence(self, value, path) -> tuple[str, ...] | None:
        if not isinstance(value, list):
            self.error(path, _("field '{name}' must be {expected}, got {found}").format(
                name="evidence", expected=expected("evidence"), found=describe(value)))
            return None
        addresses = [web_address(address) if isinstance(address, str) else None for address in value]
        for i, (address, written) in enumerate(zip(value, addresses)):
            if written is None:
                self.error(path + (i,), _("evidence item {number} is {found}; expected an http:// or "
                                          "https:// address of a published document").format(
                    number=i + 1, found=describe(address)))
        return None if None in addresses else tuple(addresses)
