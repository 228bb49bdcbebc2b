"""The draft as YAML in the order and layout of data/plan.yaml, and the summary printed with it."""
import json

from ..numerals import from_numeral


def _scalar(value) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML scalars


def _tasks(numerals: list) -> str:
    """一、三–七: the tasks' numerals, runs of three or more shown by their ends."""
    runs: list = []
    for numeral in numerals:
        # a numeral the notice wrote wrongly (十十) has no number and starts a run of its own
        before = from_numeral(runs[-1][-1]) if runs else None
        if before is not None and from_numeral(numeral) == before + 1:
            runs[-1].append(numeral)
        else:
            runs.append([numeral])
    return "、".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else "、".join(run) for run in runs) \
        or "none"


def rule_lines(draft) -> list[str]:
    """Where each rule the notice states came from, and the tasks it was applied to."""
    out = []
    for rule in draft.rules:
        if rule.kind == "first leads":
            effect = "the first unit of a list with no lead named leads" + \
                ("" if rule.onward else " (this note only)")
        else:
            effect = "adds " + "、".join(rule.names) + " to the responsible units of every later task"
        out.append(f"line {rule.line}: rule “{rule.wording}”: {effect}; "
                   f"applied to tasks {_tasks(rule.applied)}")
    return out


def dump(draft, source_name: str) -> str:
    """The draft as YAML, in the order and layout of data/plan.yaml."""
    out = [f"# Draft imported from {source_name} by `python -m generator import`; review it."]
    out += [f"# {line}" for line in rule_lines(draft)]
    for number, line in draft.unplaced:
        out.append(f"# line {number}, not placed: {line}")
    out.append("document:")
    for key in ("title", "number", "issuer", "written", "published", "column", "recipients"):
        if key in draft.document:
            out.append(f"  {key}: {_scalar(draft.document[key])}")
    out.append("  notice:")
    out += [f"    - {_scalar(p)}" for p in draft.document.get("notice", [])]
    if "signature" in draft.document:
        out.append(f"  signature: {_scalar(draft.document['signature'])}")
    out.append("plan:")
    out += [f"  {key}: {_scalar(draft.plan[key])}" for key in ("title", "preamble")
            if key in draft.plan]
    out.append("units:")
    # agencies first, then the collective phrases, each in the order the notice names them
    for name, collective in sorted(draft.units.items(), key=lambda item: item[1]):
        out.append(f"  - name: {_scalar(name)}" + ("\n    collective: true" if collective else ""))
    out.append("sections:")
    for section in draft.sections:
        out += [f"  - number: {section['number']}", f"    title: {_scalar(section['title'])}"]
        # a section's own paragraphs: comments, as the data has no field for them
        out += [f"    # line {number}, section text: {text}" for number, text in section["texts"]]
        out.append("    tasks:" + ("" if section["tasks"] else " []"))
        headings = section["headings"]
        for index, task in enumerate(section["tasks"] + [None]):
            # a group heading above the tasks: a comment, as the data has no group records
            out += [f"      # line {number}, group heading: {text}"
                    for at, number, text in headings if at == index]
            if task is None:
                break
            out.append(f"      - number: {task['number']}")
            for key in ("title", "text", "lead", "responsible", "responsibility"):
                if task.get(key):
                    value = task[key]
                    shown = "[" + ", ".join(map(_scalar, value)) + "]" if isinstance(value, list) \
                        else _scalar(value)
                    out.append(f"        {key}: {shown}")
    return "\n".join(out) + "\n"


def summary(draft) -> list[str]:
    """What a maintainer checks at a glance: sections, tasks, tasks without a note, units, rules,
    and where the text that has no field in the data was kept."""
    out = []
    if draft.levels:
        out.append("  numbering: " + " > ".join(draft.levels) + " (tasks)" +
                   ("; a flat list, one section titled as the plan" if draft.flat else "") +
                   ("; group headings kept as comments" if len(draft.levels) > 2 else ""))
    roles: dict = {}
    for section in draft.sections:
        tasks = section["tasks"]
        groups = f" in {len(section['headings'])} group(s)" if section["headings"] else ""
        texts = f"; {len(section['texts'])} paragraph(s) of its own kept as comments (line " + \
            ", ".join(str(number) for number, _ in section["texts"]) + ")" \
            if section["texts"] else ""
        out.append(f"  {section['number']}、{section['title']}: {len(tasks)} task(s){groups}{texts}")
        for task in tasks:
            for role in ("lead", "responsible"):
                for name in task.get(role, []):
                    roles.setdefault(name, {"lead": 0, "responsible": 0})[role] += 1
    out += [f"  {line}" for line in rule_lines(draft)]
    bare = [f"{t['number']} {t['title']}" for s in draft.sections for t in s["tasks"]
            if "responsibility" not in t]
    out.append(f"  tasks without a unit note: {len(bare)}"
               + (f" ({'; '.join(bare)})" if bare else ""))
    out.append(f"  units ({len(roles)}; tasks naming each as lead + as responsible):")
    for name, count in sorted(roles.items(), key=lambda item: -sum(item[1].values())):
        out.append(f"    {name} {count['lead']} + {count['responsible']}")
    return out
