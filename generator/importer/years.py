"""The draft beside the plans of earlier years: what they decided about the units it names again
(carried over), the units of the previous plan that are gone and the new ones, and the likely
renames among them, to review as successors.

A rename rarely shows in the names (市政府法制办 → 市司法局 share one character); it shows in the
work: the new unit is named on the tasks the vanished one was named on.
"""
import difflib
from dataclasses import dataclass, field

from generator.diagnostics import PlanError
from generator.inputs.data_folder import PLANS, Inputs
from generator.inputs.load import load
from generator.model.plan import year_of

# What a maintainer decided about a unit, kept from year to year.
DECIDED = ("full_name", "aliases", "slug", "collective")
SAME_TASK = 0.6  # how alike two tasks' titles (or texts) are, at least, to be one task in two years
SAME_NAME = 0.6  # how alike two names are, at least, for one to be a likely rename of the other


def notice_year(draft) -> int | None:
    """The year of the notice: its 发文字号 (〔2018〕), else its title (2018年)."""
    return year_of(draft.document.get("number") or "",
                   draft.document.get("title") or draft.plan.get("title") or "")


@dataclass
class Earlier:
    """A plan of an earlier year, as its file holds it."""
    year: int
    name: str  # as messages name it: data/plans/2017.yaml
    data: dict


def earlier_plans(inputs: Inputs, year: int | None) -> tuple[list[Earlier], list[str]]:
    """The plans of data/plans/ before `year` (all of them without a year), newest first, and
    the problems that kept one out."""
    if not (inputs.data / PLANS).is_dir():  # the first plan of a new data folder
        return [], []
    found, problems = [], []
    try:
        files = inputs.plans
    except PlanError as error:
        return [], [str(d) for d in error.diagnostics]
    for file in files:
        if year is not None and file.year >= year:
            continue
        try:
            source = load(file.path, file.name)
        except PlanError as error:
            problems += [str(d) for d in error.diagnostics]
            continue
        if isinstance(source.data, dict) and isinstance(source.data.get("units"), list):
            found.append(Earlier(file.year, file.name, source.data))
    return sorted(found, key=lambda plan: -plan.year), problems


def carry_over(draft, earlier: list[Earlier]) -> dict[str, tuple[dict, str]]:
    """Unit name -> (the fields an earlier plan decided for it, that plan's file): from the
    newest plan that names the unit."""
    carried = {}
    for plan in earlier:
        for entry in plan.data["units"]:
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or \
                    entry["name"] not in draft.units:
                continue
            decided = {key: entry[key] for key in DECIDED if key in entry}
            if decided and entry["name"] not in carried:
                carried[entry["name"]] = (decided, plan.name)
    return carried


@dataclass
class Rename:
    old: str  # a unit of the previous plan, gone from the notice
    new: str  # a unit of the notice
    shared: int  # tasks of the old unit on which the notice names the new one in its stead
    tasks: int  # tasks the old unit was named on that the notice still has
    similar: bool  # the names are alike as strings
    alias: bool = False  # the previous plan gives the new name as an alias or the full name


@dataclass
class Comparison:
    previous: Earlier
    gone: list = field(default_factory=list)
    new: list = field(default_factory=list)
    renames: list = field(default_factory=list)  # Rename


def compare(draft, previous: Earlier) -> Comparison:
    """The units of the previous plan the notice no longer names, the ones it names first, and
    for each gone unit the units that likely took over its work."""
    entries = {entry["name"]: entry for entry in previous.data["units"]
               if isinstance(entry, dict) and isinstance(entry.get("name"), str)}
    old_units = list(entries)
    result = Comparison(previous,
                        gone=[name for name in old_units if name not in draft.units],
                        new=[name for name in draft.units if name not in old_units])
    old_tasks = [task for section in previous.data.get("sections") or [] if isinstance(section, dict)
                 for task in section.get("tasks") or [] if isinstance(task, dict)]
    new_tasks = [task for section in draft.sections for task in section["tasks"]]
    matched = [(task, _same_task(task, new_tasks)) for task in old_tasks]
    for gone in result.gone:
        named_on = [(old, new) for old, new in matched if gone in _names(old)]
        kept = [(old, new) for old, new in named_on if new is not None]
        for candidate in draft.units:
            if draft.units[candidate] and not _similar(gone, candidate):
                continue  # 市政府相关部门 is on most tasks; it takes over no one's work
            shared = sum(_role(new, candidate) == _role(old, gone) and candidate not in _names(old)
                         for old, new in kept)
            similar = candidate in result.new and _similar(gone, candidate)
            alias = candidate in [*(entries[gone].get("aliases") or []),
                                  entries[gone].get("full_name")]
            if similar or alias or (shared and shared * 2 >= len(kept)):
                result.renames.append(Rename(gone, candidate, shared, len(kept), similar, alias))
    result.renames.sort(key=lambda rename: (result.gone.index(rename.old), -rename.shared))
    return result


def _names(task: dict) -> list:
    return [*(task.get("lead") or []), *(task.get("responsible") or [])]


def _role(task: dict, name: str) -> str | None:
    return "lead" if name in (task.get("lead") or []) else \
        "responsible" if name in (task.get("responsible") or []) else None


def _same_task(task: dict, candidates: list) -> dict | None:
    """The notice's task that is `task` of the previous plan: the most alike by title, or by
    text when the title changed."""
    best, score = None, SAME_TASK
    for candidate in candidates:
        for key in ("title", "text"):
            mine, theirs = str(task.get(key) or ""), candidate.get(key) or ""
            if not mine or not theirs:
                continue
            matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
            if matcher.real_quick_ratio() >= score and matcher.quick_ratio() >= score and \
                    matcher.ratio() >= score:
                best, score = candidate, matcher.ratio()
    return best


def _similar(one: str, other: str) -> bool:
    return difflib.SequenceMatcher(None, one, other).ratio() >= SAME_NAME
