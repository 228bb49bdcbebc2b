"""Synthetic plans of any size, written from the real plan's own sentences and unit names."""
import random
import re
from pathlib import Path

import yaml

from generator.numerals import to_numeral

ROOT = Path(__file__).resolve().parent.parent
TASKS_PER_SECTION = 20
TASKS_PER_UNIT = 5  # 22 tasks and 17 units in the real plan; hundreds of units for thousands
COLLECTIVE = ["市政府相关部门", "各县（区）人民政府"]


def _real():
    return yaml.safe_load((ROOT / "data" / "plan.yaml").read_text(encoding="utf-8"))


def plan(tasks: int, seed: int = 2017) -> dict:
    """A valid plan with `tasks` tasks, proportional sections and units, and realistic text."""
    rng = random.Random(seed)
    real = _real()
    real_tasks = [task for section in real["sections"] for task in section["tasks"]]
    sentences = [s + "。" for task in real_tasks for s in re.split("。", task["text"]) if s]
    section_titles = [section["title"] for section in real["sections"]]
    agencies = [unit["name"] for unit in real["units"] if not unit.get("collective")]
    count = max(len(agencies), tasks // TASKS_PER_UNIT)
    # 市财政局, then 市财政局第二分局, 市财政局第三分局 … : unique names, and so unique slugs
    units = [name if n == 1 else f"{name}第{to_numeral(n)}分局"
             for n in range(1, count // len(agencies) + 2) for name in agencies][:count]
    unused = list(units)
    rng.shuffle(unused)
    sections = []
    for number in range(1, max(1, -(-tasks // TASKS_PER_SECTION)) + 1):
        title = section_titles[(number - 1) % len(section_titles)]
        sections.append({"number": to_numeral(number), "title": f"{title}（第{to_numeral(number)}部分）",
                         "tasks": []})
    for number in range(1, tasks + 1):
        lead = [unused.pop() if unused else rng.choice(units) for _ in range(rng.choice((1, 1, 2, 3)))]
        lead = list(dict.fromkeys(lead))
        named = [unit for unit in rng.sample(units, 2) if unit not in lead][:rng.choice((0, 1, 1, 2))]
        responsible = named + COLLECTIVE
        base = real_tasks[(number - 1) % len(real_tasks)]
        sections[(number - 1) // TASKS_PER_SECTION]["tasks"].append({
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


def write(tasks: int, folder: Path) -> Path:
    """Write a plan of `tasks` tasks as folder/data/plan.yaml; returns its path."""
    data = folder / "data" / "plan.yaml"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(yaml.safe_dump(plan(tasks), allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8")
    return data
