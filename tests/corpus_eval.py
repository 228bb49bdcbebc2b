"""The importer on real notices: each draft compared, task by task, with the answer read by hand.

`make corpus-eval` prints, for every notice under tests/corpus/, the tasks the draft got right
(the task, with its number and title, in its section) and the unit lists it got right (lead and
responsible both as read by hand); tests/test_corpus.py holds the bar.
"""
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.importer import parse  # noqa: E402

CORPUS = Path(__file__).with_name("corpus")
# Kept aside while the importer was tuned on the others; measured once, at the end.
HELD_OUT = ("guofa-2019-5",)
NOTICES = tuple(sorted(path.stem for path in CORPUS.glob("*.txt")))


@dataclass(frozen=True)
class Task:
    section: str
    number: str
    title: str
    lead: tuple
    responsible: tuple


def expected(name: str) -> tuple[list, list]:
    """Sections (number, title) and tasks of a notice as read by hand."""
    answer = yaml.safe_load((CORPUS / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    sections = [(s["number"], s["title"]) for s in answer["sections"]]
    tasks = [Task(s["number"], t["number"], t["title"], tuple(t["lead"]), tuple(t["responsible"]))
             for s in answer["sections"] for t in s["tasks"]]
    return sections, tasks


def drafted(name: str) -> tuple[list, list]:
    """Sections and tasks of the importer's draft of a notice."""
    draft = parse((CORPUS / f"{name}.txt").read_text(encoding="utf-8"))
    sections = [(s["number"], s["title"]) for s in draft.sections]
    tasks = [Task(s["number"], t["number"], t["title"], tuple(t.get("lead", [])),
                  tuple(t.get("responsible", []))) for s in draft.sections for t in s["tasks"]]
    return sections, tasks


@dataclass(frozen=True)
class Figures:
    notice: str
    tasks: int  # read by hand
    drafted: int  # in the draft
    tasks_right: int
    units_right: int
    sections_right: bool
    mistakes: tuple  # (expected task, drafted task or None)


def measure(name: str) -> Figures:
    sections, tasks = expected(name)
    draft_sections, draft_tasks = drafted(name)
    found = {(t.section, t.number, t.title): t for t in draft_tasks}
    mistakes = tuple((task, found.get((task.section, task.number, task.title))) for task in tasks
                     if found.get((task.section, task.number, task.title)) != task)
    tasks_right = sum((t.section, t.number, t.title) in found for t in tasks)
    return Figures(name, len(tasks), len(draft_tasks), tasks_right, len(tasks) - len(mistakes),
                   sections == draft_sections, mistakes)


def table(figures: list) -> str:
    rows = ["| notice | tasks (by hand) | tasks in the draft | tasks right | unit lists right |",
            "| --- | --- | --- | --- | --- |"]
    for f in figures:
        aside = " (kept aside)" if f.notice in HELD_OUT else ""
        rows.append(f"| {f.notice}{aside} | {f.tasks} | {f.drafted} | {f.tasks_right}/{f.tasks} "
                    f"({f.tasks_right / f.tasks:.0%}) | {f.units_right}/{f.tasks} "
                    f"({f.units_right / f.tasks:.0%}) |")
    return "\n".join(rows)


def main() -> int:
    figures = [measure(name) for name in NOTICES]
    print(table(figures))
    for f in figures:
        for task, got in f.mistakes:
            drafted = f"lead {list(got.lead)}, responsible {list(got.responsible)}" if got \
                else "no such task"
            print(f"{f.notice}: task {task.number} {task.title}: expected lead {list(task.lead)}, "
                  f"responsible {list(task.responsible)}; drafted {drafted}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
