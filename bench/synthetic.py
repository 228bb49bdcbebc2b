"""Synthetic plans of any size, written from the real plan's own sentences and unit names."""
import random
import re
from pathlib import Path

import yaml

from generator.model.numerals import to_numeral

ROOT = Path(__file__).resolve().parent.parent
TASKS_PER_SECTION = 20
TASKS_PER_UNIT = 5  # 22 tasks and 17 units in the real plan; hundreds of units for thousands
COLLECTIVE = ["市政府相关部门", "各县（区）人民政府"]


def _real():
    return yaml.safe_load((ROOT / "data" / "plans" / "2017.yaml").read_text(encoding="utf-8"))


# The shapes a plan takes:
# - "even": twenty tasks a section, about one unit per five tasks, each with a handful of tasks;
# - "skewed": as real plans are, a first section of 200 tasks and 25 a section after it, about
#   one unit per four tasks, a few units on up to 300 tasks and most on one or two.
# Both name the collective units as responsible for every task, as the real plan nearly does.
SHAPES = ("even", "skewed")
MOST_TASKS_OF_A_UNIT = 300


def plan(tasks: int, seed: int = 2017, shape: str = "even") -> dict:
    """A valid plan with `tasks` tasks of the given shape, and realistic text."""
    rng = random.Random(seed)
    real = _real()
    real_tasks = [task for section in real["sections"] for task in section["tasks"]]
    sentences = [s + "。" for task in real_tasks for s in re.split("。", task["text"]) if s]
    section_titles = [section["title"] for section in real["sections"]]
    agencies = [unit["name"] for unit in real["units"] if not unit.get("collective")]
    per_unit = TASKS_PER_UNIT if shape == "even" else 4
    count = max(len(agencies), tasks // per_unit)
    # 市财政局, then 市财政局第二分局, 市财政局第三分局 … : unique names, and so unique slugs
    units = [name if n == 1 else f"{name}第{to_numeral(n)}分局"
             for n in range(1, count // len(agencies) + 2) for name in agencies][:count]
    unused = list(units)
    rng.shuffle(unused)
    pick = _picker(rng, units, shape)
    sizes = _section_sizes(tasks, shape)
    sections = []
    for number in range(1, len(sizes) + 1):
        title = section_titles[(number - 1) % len(section_titles)]
        sections.append({"number": to_numeral(number), "title": f"{title}（第{to_numeral(number)}部分）",
                         "tasks": []})
    section_of = [i for i, size in enumerate(sizes) for _ in range(size)]
    for number in range(1, tasks + 1):
        lead = [unused.pop() if unused else pick() for _ in range(rng.choice((1, 1, 2, 3)))]
        lead = list(dict.fromkeys(lead))
        named = [unit for unit in (pick(), pick()) if unit not in lead][:rng.choice((0, 1, 1, 2))]
        named = list(dict.fromkeys(named))
        responsible = named + COLLECTIVE
        base = real_tasks[(number - 1) % len(real_tasks)]
        sections[section_of[number - 1]]["tasks"].append({
            "number": to_numeral(number),
            "title": f"{base['title']}第{to_numeral(number)}项",
            "text": "".join(rng.sample(sentences, rng.choice((2, 3, 4)))),
            "lead": lead,
            "responsible": responsible,
            "responsibility": f"牵头单位：{'、'.join(lead)}；责任单位：{'、'.join(named + [''])}"
                              f"{'，'.join(COLLECTIVE)}".replace("：、", "："),
        })
    referenced = {u for s in sections for t in s["tasks"] for u in t["lead"] + t["responsible"]}
    return {
        "document": real["document"],
        "plan": real["plan"],
        "units": [{"name": name} for name in units if name in referenced]
                 + [{"name": name, "collective": True} for name in COLLECTIVE],
        "sections": sections,
    }


def _section_sizes(tasks: int, shape: str) -> list[int]:
    if shape == "even":
        return [min(TASKS_PER_SECTION, tasks - start) for start in range(0, tasks, TASKS_PER_SECTION)]
    first = min(tasks, 200)
    rest = tasks - first
    return [first] + [min(25, rest - start) for start in range(0, rest, 25)]


def _picker(rng: random.Random, units: list[str], shape: str):
    """A unit for one more task: any unit alike, or (skewed) the k-th unit in proportion to 1/k,
    until it has MOST_TASKS_OF_A_UNIT."""
    if shape == "even":
        return lambda: rng.choice(units)
    weights = [1 / rank for rank in range(1, len(units) + 1)]
    taken = dict.fromkeys(units, 0)

    def pick() -> str:
        while True:
            unit = rng.choices(units, weights)[0]
            if taken[unit] < MOST_TASKS_OF_A_UNIT:
                taken[unit] += 1
                return unit
    return pick


def write(tasks: int, folder: Path, shape: str = "even") -> Path:
    """Write a plan of `tasks` tasks as folder/data/plan.yaml; returns its path."""
    data = folder / "data" / "plan.yaml"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(yaml.safe_dump(plan(tasks, shape=shape), allow_unicode=True, sort_keys=False,
                                   width=1000), encoding="utf-8")
    return data
