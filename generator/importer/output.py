"""The draft as YAML in the order and layout of data/plans/2017.yaml, and the summary printed
with it."""
import json

from generator.i18n import _
from generator.model.numerals import from_numeral

SCHEMA_LINE = "# yaml-language-server: $schema=../../generator/schema/plan-input.schema.json"


def _scalar(value) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML scalars


def _value(value) -> str:
    if value is True:
        return "true"
    return "[" + ", ".join(map(_scalar, value)) + "]" if isinstance(value, list) else _scalar(value)


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
        or _("none")


def rule_lines(draft) -> list[str]:
    """Where each rule the notice states came from, and the tasks it was applied to."""
    out = []
    for rule in draft.rules:
        if rule.kind == "first leads":
            effect = _("the first unit of a list with no lead named leads") if rule.onward else \
                _("the first unit of a list with no lead named leads (this note only)")
        else:
            effect = _("adds {names} to the responsible units of every later task").format(
                names="、".join(rule.names))
        out.append(_("line {line}: rule “{wording}”: {effect}; applied to tasks {tasks}").format(
            line=rule.line, wording=rule.wording, effect=effect, tasks=_tasks(rule.applied)))
    return out


def dump(draft, source_name: str, carried: dict | None = None, renames: list = ()) -> str:
    """The draft as YAML, in the order and layout of data/plans/2017.yaml: the schema line first,
    then the draft marker. `carried`: unit name -> (fields an earlier plan decided, its file);
    `renames`: years.Rename, noted above the unit that likely took over."""
    carried = carried or {}
    out = [SCHEMA_LINE,
           "# " + _("Draft imported from {notice} by `make import`: review it against the notice, "
                    "then delete the line draft: true below; until then `make site` leaves it "
                    "out.").format(notice=source_name),
           "draft: true"]
    out += [f"# {line}" for line in rule_lines(draft)]
    for number, line in draft.unplaced:
        out.append("# " + _("line {line}, not placed: {text}").format(line=number, text=line))
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
    # what an earlier plan decided about a unit (collective included) overrides the guess
    units = [(name, {**({"collective": True} if guessed else {}), **carried.get(name, ({}, ""))[0]})
             for name, guessed in draft.units.items()]
    # agencies first, then the collective phrases, each in the order the notice names them
    for name, fields in sorted(units, key=lambda unit: bool(unit[1].get("collective"))):
        out += ["  # " + _("likely takes over the work of {old} of {plan}: declare it there as "
                           "its successor only if a published source says so").format(
                               old=rename.old, plan=plan)
                for rename, plan in renames if rename.new == name]
        if name in carried:
            out.append("  # " + _("as decided in {plan}").format(plan=carried[name][1]))
        out.append(f"  - name: {_scalar(name)}")
        out += [f"    {key}: {_value(fields[key])}" for key in ("collective", "full_name",
                                                              "aliases", "slug")
                if fields.get(key) not in (None, False, "", [])]
    out.append("sections:")
    for section in draft.sections:
        out += [f"  - number: {section['number']}", f"    title: {_scalar(section['title'])}"]
        # a section's own paragraphs: comments, as the data has no field for them
        out += ["    # " + _("line {line}, section text: {text}").format(line=number, text=text)
                for number, text in section["texts"]]
        out.append("    tasks:" + ("" if section["tasks"] else " []"))
        headings = section["headings"]
        for index, task in enumerate(section["tasks"] + [None]):
            # a group heading above the tasks: a comment, as the data has no group records
            out += ["      # " + _("line {line}, group heading: {text}").format(line=number, text=text)
                    for at, number, text in headings if at == index]
            if task is None:
                break
            out.append(f"      - number: {task['number']}")
            for key in ("title", "text", "lead", "responsible", "responsibility"):
                if task.get(key):
                    out.append(f"        {key}: {_value(task[key])}")
    # a comment quotes the notice or an earlier plan: a line break there would end the comment
    return "\n".join(" ".join(line.splitlines()) if line.lstrip().startswith("#") else line
                     for line in out) + "\n"


def summary(draft) -> list[str]:
    """What a maintainer checks at a glance: sections, tasks, tasks without a note, units, rules,
    and where the text that has no field in the data was kept."""
    out = []
    if draft.levels:
        levels = " > ".join(_("run-in headings") if level == "run-in headings" else level
                            for level in draft.levels)
        shape = _("a flat list, one section titled as the plan") if draft.flat else \
            _("group headings kept as comments") if len(draft.levels) > 2 else ""
        out.append("  " + (_("numbering: {levels} (tasks); {shape}") if shape else
                           _("numbering: {levels} (tasks)")).format(levels=levels, shape=shape))
    roles: dict = {}
    for section in draft.sections:
        tasks = section["tasks"]
        line = _("{number}、{title}: {tasks} task(s)").format(
            number=section["number"], title=section["title"], tasks=len(tasks))
        if section["headings"]:
            line += _(" in {groups} group(s)").format(groups=len(section["headings"]))
        if section["texts"]:
            line += _("; {count} paragraph(s) of its own kept as comments (line {lines})").format(
                count=len(section["texts"]),
                lines=", ".join(str(number) for number, _text in section["texts"]))
        out.append("  " + line)
        for task in tasks:
            for role in ("lead", "responsible"):
                for name in task.get(role, []):
                    roles.setdefault(name, {"lead": 0, "responsible": 0})[role] += 1
    out += [f"  {line}" for line in rule_lines(draft)]
    bare = [f"{t['number']} {t['title']}" for s in draft.sections for t in s["tasks"]
            if "responsibility" not in t]
    out.append("  " + (_("tasks without a unit note: {count} ({tasks})") if bare else
                       _("tasks without a unit note: {count}")).format(
        count=len(bare), tasks="; ".join(bare)))
    out.append("  " + _("units ({count}; tasks naming each as lead + as responsible):").format(
        count=len(roles)))
    for name, count in sorted(roles.items(), key=lambda item: -sum(item[1].values())):
        out.append(f"    {name} {count['lead']} + {count['responsible']}")
    return out
