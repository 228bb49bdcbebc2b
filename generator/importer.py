"""`python -m generator import NOTICE.txt -o draft.yaml`: a draft plan from a notice's plain text.

It finds the numbering levels a notice uses (一、 （一） 1. （1） ①) and takes the level that carries
the responsibility brackets as the tasks, the outermost as the sections and any level between as
group headings (comments in the draft). In a bracket, or a line of its own, every label (牵头单位,
配合单位, …) starts a new list of units, whatever separates it from the one before; units named
before a verb (（A、B负责）, （A牵头，B配合）) are read too. What it cannot place goes into the draft
as a comment with its line number; unit names that look like fragments are warnings.
"""
import json
import re
from dataclasses import dataclass, field

from .numerals import from_numeral, to_numeral

NUMERAL = "[一二三四五六七八九十百千零]+"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Numbering levels, outermost first, as official documents nest them (GB/T 9704: 一、 （一） 1. （1）),
# each matched after full_width(): (how the level is shown, pattern giving number and content).
LEVELS = [
    ("一、", re.compile(rf"^({NUMERAL})、\s*(.+)$")),
    ("（一）", re.compile(rf"^（({NUMERAL})）\s*(.+)$")),
    ("1.", re.compile(r"^(\d+)[.、．](?!\d)\s*(.+)$")),
    ("（1）", re.compile(r"^（?(\d+)）\s*(.+)$")),
    ("①", re.compile(rf"^([{CIRCLED}])\s*(.+)$")),
]
DOCUMENT_NUMBER = re.compile(r"^(\S+?)[〔\[［(（【](\d{4})[〕\]］)）】](\d+)号$")
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
PUBLISHED = re.compile(r"发布时间[:：]\s*(\d{4}-\d{2}-\d{2}(?: \d{1,2}:\d{2})?)")
# Each label starts a list of units in that role; None marks an official, kept in the wording only.
LABELS = {"牵头单位": "lead", "牵头部门": "lead", "主办单位": "lead", "主责单位": "lead",
          "责任单位": "responsible", "责任部门": "responsible",
          "配合单位": "responsible", "配合部门": "responsible",
          "协办单位": "responsible", "协办部门": "responsible",
          "参与单位": "responsible", "参与部门": "responsible",
          "牵头领导": None, "责任领导": None}
LABEL_WORD = re.compile("|".join(LABELS))
LABEL = re.compile(rf"({LABEL_WORD.pattern})\s*[:：]")
# Notices of the State Council kind name units before a verb instead: （A、B负责）, （A牵头，B配合）.
LEAD_VERB = re.compile(r"^(.+?)牵头(?:[，；]\s*(.*))?$")
OTHER_VERB = re.compile(r"^(.+?)(?:按职责分工)?(?:分别)?(?:负责|配合|参与|协助)$")
# "列第一位者为牵头单位，下同": the notice says the first unit of each such list leads.
FIRST_LEADS = re.compile(r"[。，；]\s*(?:列|排在)第一位(?:者|的部门|的单位)?为牵头(?:单位|部门)(?:[，；]\s*下同)?$")
SEPARATORS = "；，、 \u3000。"
BRACKETS = {"〔": "〕", "（": "）", "(": ")", "[": "]", "【": "】"}
# a unit name ends so; "A局和B部门" names two units, "政务服务和资源交易服务中心" one
UNIT_END = "局办委部厅室院会所站队中心府"
COLLECTIVE = re.compile(r"^(各|其他|有)|相关|有关|部门$|单位$")

# The web page's copy flattens the document's full-width punctuation; a time keeps its colon.
HALF_TO_FULL = str.maketrans({",": "，", ";": "；", "(": "（", ")": "）"})
COLON = re.compile(r"(?<!\d):|:(?!\d)")


def full_width(text: str) -> str:
    return COLON.sub("：", text.translate(HALF_TO_FULL))


@dataclass
class Draft:
    document: dict = field(default_factory=dict)
    plan: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)  # name -> collective
    sections: list = field(default_factory=list)
    unplaced: list = field(default_factory=list)  # (line number, text)
    warnings: list = field(default_factory=list)  # (line number, column, message)
    levels: tuple = ()  # how the notice numbers its sections, group headings and tasks
    first_leads: bool = False  # the notice said the first unit named leads


def parse(text: str) -> Draft:
    lines = [(number, line.strip().replace("\u00a0", " ").strip())
             for number, line in enumerate(text.splitlines(), 1)]
    lines = [(number, line) for number, line in lines if line]
    draft = Draft()
    body_start, body_end = _metadata(lines, draft)
    _body(lines[body_start:body_end], draft, dict(enumerate(text.splitlines(), 1)))
    draft.unplaced.sort()
    return draft


def _metadata(lines: list, draft: Draft) -> tuple[int, int]:
    """The notice's head: title, number, recipients, paragraphs, signature and date.

    Returns where the plan's body starts and ends."""
    document = draft.document
    texts = [line for _, line in lines]
    end = len(texts)
    number_at = next((i for i, line in enumerate(texts) if DOCUMENT_NUMBER.match(line)), None)
    title_at = next((i for i, line in enumerate(texts) if line.endswith("通知")), None)
    title_lines = {title_at}
    if title_at is None and number_at:
        # an opinion issued on its own: its title, broken over lines, stands above its number
        document["title"] = draft.plan["title"] = full_width("".join(texts[:number_at]))
        title_lines = set(range(number_at))
    elif title_at is None and number_at is None and not re.search(r"[：:，,。]", texts[0]):
        draft.plan["title"] = full_width(texts[0])  # the plan's text alone, under its title
        return 1, end
    elif title_at is not None:
        document["title"] = full_width(texts[title_at])
        if title_at > 0 and len(texts[0]) <= 10 and not re.search(r"[：:，,。]", texts[0]):
            document["column"] = texts[0]  # the web page's column, above the title
            title_lines.add(0)
    for i, line in enumerate(texts[: number_at or 0]):
        published = PUBLISHED.search(line)
        if published:
            document["published"] = published.group(1)
        if i not in title_lines:
            draft.unplaced.append(lines[i])  # the web page's own lines around the document
    if number_at is None:
        return (title_at or -1) + 1, end
    code, year, serial = DOCUMENT_NUMBER.match(texts[number_at]).groups()
    document["number"] = f"{code}〔{year}〕{serial}号"
    start = number_at + 1
    if start < len(texts) and texts[start].endswith((":", "：")):
        document["recipients"] = full_width(texts[start])
        start += 1
    date_at = next((i for i in range(start, len(texts)) if DATE.match(texts[i])), None)
    if date_at is None:
        return start, end
    if any(_numbered(full_width(line)) for line in texts[start: date_at - 1]):
        # signed and dated at its end: the text above is the plan itself
        document["issuer"] = document["signature"] = full_width(texts[date_at - 1])
        document["written"] = texts[date_at]
        draft.unplaced += lines[date_at + 1:]
        return start, date_at - 1
    document["notice"] = [full_width(line) for line in texts[start: date_at - 1]]
    document["issuer"] = document["signature"] = full_width(texts[date_at - 1])
    document["written"] = texts[date_at]
    after = _numbered(full_width(texts[date_at + 1])) if date_at + 1 < len(texts) else None
    if date_at + 1 < len(texts) and not (after and after[0] == 0):
        draft.plan["title"] = full_width(texts[date_at + 1])
        return date_at + 2, end
    return date_at + 1, end


def _numbered(line: str, following: int | None = None) -> tuple[int, str, str] | None:
    """The numbering level of a line, its number as a numeral, and the rest of the line.

    `following` is the number of the task before: "11.121人才梯队项目" is task 11 after task 10,
    where a number such as "1.5" alone opens no task."""
    if following and re.match(rf"^{following + 1}[.．]\d", line):
        return 2, to_numeral(following + 1), line[len(str(following + 1)) + 1:]
    for level, (_, pattern) in enumerate(LEVELS):
        match = pattern.match(line)
        if match:
            number, content = match.groups()
            if number in CIRCLED:  # str.isdigit() holds for ① too
                number = to_numeral(CIRCLED.index(number) + 1)
            elif number.isdigit():
                number = to_numeral(int(number)) if 0 < int(number) < 10000 else None
            if number:
                return level, number, content
    return None


def _task_level(lines: list) -> int | None:
    """The level that carries the responsibility brackets: the notice's tasks.

    When no line carries one, the level just inside the sections, as the notices read before."""
    counts, levels = {}, set()
    for i, (_, line) in enumerate(lines):
        numbered = _numbered(line)
        if not numbered:
            continue
        levels.add(numbered[0])
        following = lines[i + 1][1] if i + 1 < len(lines) else ""
        if _bracket(numbered[2]) or (_responsibility_line(following) and not _numbered(following)):
            counts[numbered[0]] = counts.get(numbered[0], 0) + 1
    if counts:
        # the deeper level wins a tie: a heading may close with a bracket for its whole group
        return max(counts, key=lambda level: (counts[level], level))
    inner = sorted(level for level in levels if level > min(levels, default=0))
    return inner[0] if inner else None


def _responsibility_line(line: str) -> str | None:
    """The wording of a line that gives only a task's units: a bracket, or a label opening it."""
    bracket = _bracket(line)
    if bracket and bracket[0] == 0:
        return line[1:-1]
    if LABEL.match(line):
        return line.rstrip("。")
    return None


def _body(lines: list, draft: Draft, raw_lines: dict) -> None:
    stripped = dict(lines)
    lines = [(number, full_width(raw)) for number, raw in lines]
    task_level = _task_level(lines)
    levels = sorted({n[0] for _, line in lines if (n := _numbered(line))})
    section_level = levels[0] if levels and task_level is not None and levels[0] < task_level \
        else None
    draft.levels = tuple(LEVELS[level][0] for level in levels
                         if section_level is not None and section_level <= level <= task_level)
    preamble, task = [], None
    for number, line in lines:
        # the task before, for "11.121人才梯队项目" where tasks are numbered 1. 2. …
        last = draft.sections[-1]["tasks"][-1]["number"] if draft.sections and \
            draft.sections[-1]["tasks"] and LEVELS[task_level][0] == "1." else None
        numbered = _numbered(line, from_numeral(last) if last else None)
        level = numbered[0] if numbered else None
        wording = _responsibility_line(line)
        if level is not None and level == section_level:
            draft.sections.append({"number": numbered[1], "title": numbered[2], "tasks": [],
                                   "headings": []})
            task = None
        elif level is not None and draft.sections and section_level < level < task_level:
            # a group heading between section and task: kept in the draft as a comment
            section = draft.sections[-1]
            section["headings"].append((len(section["tasks"]), number, line))
            task = None
        elif level is not None and level == task_level and draft.sections:
            task = _task(numbered[1], numbered[2], draft, (number, line, raw_lines.get(number, "")))
            draft.sections[-1]["tasks"].append(task)
        elif wording is not None and task is not None and "responsibility" not in task:
            _responsibility(task, wording, draft, (number, line, raw_lines.get(number, "")))
        elif not draft.sections:
            preamble.append(line)
        else:
            draft.unplaced.append((number, stripped[number]))
    if preamble:
        draft.plan["preamble"] = "".join(preamble)


def _bracket(line: str) -> tuple[int, int] | None:
    """Where the responsibility bracket closing the line starts and ends, if it has one."""
    if not line or line[-1] not in BRACKETS.values():
        return None
    close = line[-1]
    opens = [i for i, char in enumerate(line) if BRACKETS.get(char) == close]
    for start in opens:
        inner = line[start + 1: -1]
        if LABEL.match(inner.strip()) or _verb_roles(inner) is not None:
            return start, len(line)
    return None


def _task(numeral: str, content: str, draft: Draft, at: tuple) -> dict:
    task: dict = {"number": numeral}
    bracket = _bracket(content)
    body = content[: bracket[0]] if bracket else content
    title, stop, rest = body.partition("。")
    task["title"] = title if stop else body
    task["text"] = rest if stop else ""
    if bracket:
        _responsibility(task, content[bracket[0] + 1: -1], draft, at)
    return task


def _responsibility(task: dict, wording: str, draft: Draft, at: tuple) -> None:
    task["responsibility"] = wording
    labels = list(LABEL.finditer(wording))
    if labels:
        roles = []
        for label, following in zip(labels, labels[1:] + [None]):
            # every label starts a new list, whatever separates it from the one before
            phrase = wording[label.end(): following.start() if following else len(wording)]
            roles.append((LABELS[label.group(1)], _strip_phrase(phrase)))
    else:
        roles = _verb_roles(wording, draft) or []
    number, line, raw = at
    cursor = max(line.find(wording), 0)  # names are looked for in order, for their columns
    for role, phrase in roles:
        if role is None:
            continue  # 牵头领导 names an official, not a unit; the wording keeps it
        for name in _unit_names(phrase):
            found = line.find(name, cursor)
            cursor = found + len(name) if found >= 0 else cursor
            column = len(raw) - len(raw.lstrip()) + (found if found >= 0 else cursor) + 1
            if role == "first":
                role_here, role = "lead", "responsible"
            else:
                role_here = role
            task.setdefault(role_here, [])
            if name not in task[role_here]:
                task[role_here].append(name)
            draft.units.setdefault(name, bool(COLLECTIVE.search(name)))
            _check_name(name, task, draft, (number, column))


def _strip_phrase(phrase: str) -> str:
    phrase = phrase.strip(SEPARATORS)
    return re.sub(r"(?:按职责分工)?(?:分别)?负责$", "", phrase).strip(SEPARATORS)


def _verb_roles(wording: str, draft: Draft | None = None) -> list | None:
    """Roles of a wording that names units before a verb (（A牵头，B负责）), or None."""
    text = wording.strip()
    first_leads = FIRST_LEADS.search(text)
    if first_leads:
        text = text[: first_leads.start()]
        if draft is not None:
            draft.first_leads = True  # "下同": it holds for the lists that follow
    roles, lead = [], LEAD_VERB.match(text)
    if lead:
        roles.append(("lead", lead.group(1)))
        text = (lead.group(2) or "").strip()
    if text:
        others = OTHER_VERB.match(text)
        if not others or "。" in others.group(1) or len(others.group(1)) > 200:
            return None
        first = not lead and (first_leads or (draft is not None and draft.first_leads))
        roles.append(("first" if first else "responsible", others.group(1)))
    return roles or None


def _unit_names(phrase: str) -> list[str]:
    names = []
    # "A等有关部门" is A and the other departments concerned; a closing 等 only says "and others"
    phrase = re.sub(r"等(?=和|及|有关|相关|其他|各)", "、", phrase)
    pieces = re.split("([、，；])", phrase)
    for name, separator in zip(pieces[::2], [""] + pieces[1::2]):
        name = re.sub(r"^(?:和|及)", "", name.strip()).strip()
        if separator == "、" and names and names[-1].startswith("各") and \
                not re.search(r"^(各|市|省)|[" + UNIT_END + "门位]$", name):
            names[-1] += "、" + name  # "各区、县级市": every district and county-level city
            continue
        name = re.sub(r"等$", "", name)
        joined = re.match(rf"^(.+[{UNIT_END}])和(.+)$", name) or \
            re.match(rf"^(.+[{UNIT_END}门])及(.+)$", name)
        names += [joined.group(1), joined.group(2)] if joined else [name] if name else []
    return names


def _check_name(name: str, task: dict, draft: Draft, at: tuple) -> None:
    """A name that looks like a fragment of a list is a warning naming the notice's line."""
    label = LABEL_WORD.match(name)
    reason = f"it starts with the label '{label.group(0)}'" if label else \
        f"it ends in '{name[-1]}'" if name[-1] in SEPARATORS else \
        "it is shorter than two characters" if len(name) < 2 else None
    if reason:
        number, column = at
        draft.warnings.append((number, column, f"task （{task['number']}）: unit name '{name}' "
                                               f"looks like a fragment: {reason}"))


def dump(draft: Draft, source_name: str) -> str:
    """The draft as YAML, in the order and layout of data/plan.yaml."""
    def scalar(value) -> str:
        return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML scalars

    out = [f"# Draft imported from {source_name} by `python -m generator import`; review it."]
    for number, line in draft.unplaced:
        out.append(f"# line {number}, not placed: {line}")
    out.append("document:")
    for key in ("title", "number", "issuer", "written", "published", "column", "recipients"):
        if key in draft.document:
            out.append(f"  {key}: {scalar(draft.document[key])}")
    out.append("  notice:")
    out += [f"    - {scalar(p)}" for p in draft.document.get("notice", [])]
    if "signature" in draft.document:
        out.append(f"  signature: {scalar(draft.document['signature'])}")
    out.append("plan:")
    out += [f"  {key}: {scalar(draft.plan[key])}" for key in ("title", "preamble") if key in draft.plan]
    out.append("units:")
    # agencies first, then the collective phrases, each in the order the notice names them
    for name, collective in sorted(draft.units.items(), key=lambda item: item[1]):
        out.append(f"  - name: {scalar(name)}" + ("\n    collective: true" if collective else ""))
    out.append("sections:")
    for section in draft.sections:
        out += [f"  - number: {section['number']}", f"    title: {scalar(section['title'])}",
                "    tasks:" + ("" if section["tasks"] else " []")]
        headings = section.get("headings", [])
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
                    shown = "[" + ", ".join(map(scalar, value)) + "]" if isinstance(value, list) \
                        else scalar(value)
                    out.append(f"        {key}: {shown}")
    return "\n".join(out) + "\n"




def summary(draft: Draft) -> list[str]:
    """What a maintainer checks at a glance: sections, tasks, tasks without a bracket, units."""
    out = []
    if draft.levels:
        out.append("  numbering: " + " > ".join(draft.levels) + " (tasks)" +
                   ("; group headings kept as comments" if len(draft.levels) > 2 else ""))
    roles: dict = {}
    for section in draft.sections:
        tasks = section["tasks"]
        groups = f" in {len(section['headings'])} group(s)" if section.get("headings") else ""
        out.append(f"  {section['number']}、{section['title']}: {len(tasks)} task(s){groups}")
        for task in tasks:
            for role in ("lead", "responsible"):
                for name in task.get(role, []):
                    roles.setdefault(name, {"lead": 0, "responsible": 0})[role] += 1
    bare = [f"{t['number']} {t['title']}" for s in draft.sections for t in s["tasks"]
            if "responsibility" not in t]
    out.append(f"  tasks without a bracket: {len(bare)}"
               + (f" ({'; '.join(bare)})" if bare else ""))
    out.append(f"  units ({len(roles)}; tasks naming each as lead + as responsible):")
    for name, count in sorted(roles.items(), key=lambda item: -sum(item[1].values())):
        out.append(f"    {name} {count['lead']} + {count['responsible']}")
    return out
