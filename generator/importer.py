"""`python -m generator import NOTICE.txt -o draft.yaml`: a draft plan from a notice's plain text.

It reads the shapes such notices take (sections 一、, tasks （一） (一) 1. 1、, a responsibility
bracket at the end of a task or on its own line) and writes a draft that `check` accepts. What it
cannot place goes into the draft as a comment with its line number, and is listed on stderr.
"""
import json
import re
from dataclasses import dataclass, field

from .numerals import to_numeral

NUMERAL = "[一二三四五六七八九十百千零]+"
SECTION = re.compile(rf"^({NUMERAL})、(.+)$")
TASK = re.compile(rf"^(?:（({NUMERAL})）|\(({NUMERAL})\)|(\d+)[.、．](?!\d))\s*(.+)$")
DOCUMENT_NUMBER = re.compile(r"^(\S+?)[〔\[［(（【](\d{4})[〕\]］)）】](\d+)号$")
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
PUBLISHED = re.compile(r"发布时间[:：]\s*(\d{4}-\d{2}-\d{2}(?: \d{1,2}:\d{2})?)")
LABELS = {"牵头单位": "lead", "责任单位": "responsible", "配合单位": "responsible",
          "协办单位": "responsible", "牵头领导": None}
LABEL = re.compile("(" + "|".join(LABELS) + ")[:：]")
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


def parse(text: str) -> Draft:
    lines = [(number, line.strip().replace("\u00a0", " ").strip())
             for number, line in enumerate(text.splitlines(), 1)]
    lines = [(number, line) for number, line in lines if line]
    draft = Draft()
    body_start = _metadata(lines, draft)
    _body(lines[body_start:], draft)
    return draft


def _metadata(lines: list, draft: Draft) -> int:
    """The notice's head: title, number, recipients, paragraphs, signature and date."""
    document = draft.document
    texts = [line for _, line in lines]
    number_at = next((i for i, line in enumerate(texts) if DOCUMENT_NUMBER.match(line)), None)
    title_at = next((i for i, line in enumerate(texts) if line.endswith("通知")), None)
    if title_at is not None:
        document["title"] = full_width(texts[title_at])
        if title_at > 0 and len(texts[0]) <= 10 and not re.search(r"[：:，,。]", texts[0]):
            document["column"] = texts[0]  # the web page's column, above the title
    for i, line in enumerate(texts[: number_at or 0]):
        published = PUBLISHED.search(line)
        if published:
            document["published"] = published.group(1)
        if i != title_at and not (i == 0 and "column" in document):
            draft.unplaced.append(lines[i])  # the web page's own lines around the document
    if number_at is None:
        return (title_at or -1) + 1
    code, year, serial = DOCUMENT_NUMBER.match(texts[number_at]).groups()
    document["number"] = f"{code}〔{year}〕{serial}号"
    start = number_at + 1
    if start < len(texts) and texts[start].endswith((":", "：")):
        document["recipients"] = full_width(texts[start])
        start += 1
    date_at = next((i for i in range(start, len(texts)) if DATE.match(texts[i])), None)
    if date_at is None:
        return start
    document["notice"] = [full_width(line) for line in texts[start: date_at - 1]]
    document["issuer"] = document["signature"] = full_width(texts[date_at - 1])
    document["written"] = texts[date_at]
    if date_at + 1 < len(texts) and not SECTION.match(texts[date_at + 1]):
        draft.plan["title"] = full_width(texts[date_at + 1])
        return date_at + 2
    return date_at + 1


def _body(lines: list, draft: Draft) -> None:
    preamble, task = [], None
    for number, raw in lines:
        line = full_width(raw)
        section = SECTION.match(line)
        task_match = TASK.match(line)
        bracket = _bracket(line)
        if section and not task_match:
            draft.sections.append({"number": section.group(1), "title": section.group(2), "tasks": []})
            task = None
        elif task_match and draft.sections:
            numeral = task_match.group(1) or task_match.group(2) or to_numeral(int(task_match.group(3)))
            task = _task(numeral, task_match.group(4), draft)
            draft.sections[-1]["tasks"].append(task)
        elif bracket and bracket[0] == 0 and task is not None and "responsibility" not in task:
            _responsibility(task, line[1:-1], draft)  # the bracket on its own line
        elif not draft.sections:
            preamble.append(line)
        else:
            draft.unplaced.append((number, raw))
    if preamble:
        draft.plan["preamble"] = "".join(preamble)


def _bracket(line: str) -> tuple[int, int] | None:
    """Where the responsibility bracket closing the line starts and ends, if it has one."""
    if not line or line[-1] not in BRACKETS.values():
        return None
    close = line[-1]
    opens = [i for i, char in enumerate(line) if BRACKETS.get(char) == close]
    for start in opens:
        if LABEL.match(line[start + 1:]):
            return start, len(line)
    return None


def _task(numeral: str, content: str, draft: Draft) -> dict:
    task: dict = {"number": numeral}
    bracket = _bracket(content)
    body = content[: bracket[0]] if bracket else content
    title, stop, rest = body.partition("。")
    task["title"] = title if stop else body
    task["text"] = rest if stop else ""
    if bracket:
        _responsibility(task, content[bracket[0] + 1: -1], draft)
    return task


def _responsibility(task: dict, wording: str, draft: Draft) -> None:
    task["responsibility"] = wording
    for part in re.split("[；;]", wording):
        label = LABEL.match(part.strip())
        if not label or LABELS[label.group(1)] is None:
            continue  # 牵头领导 names an official, not a unit; the wording keeps it
        role = LABELS[label.group(1)]
        for name in _unit_names(part.strip()[label.end():]):
            task.setdefault(role, [])
            if name not in task[role]:
                task[role].append(name)
            draft.units.setdefault(name, bool(COLLECTIVE.search(name)))


def _unit_names(phrase: str) -> list[str]:
    names = []
    for name in re.split("[、，,]", phrase):
        name = name.strip()
        joined = re.match(rf"^(.+[{UNIT_END}])和(.+)$", name)
        names += [joined.group(1), joined.group(2)] if joined else [name] if name else []
    return names


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
                "    tasks:"]
        for task in section["tasks"]:
            out.append(f"      - number: {task['number']}")
            for key in ("title", "text", "lead", "responsible", "responsibility"):
                if task.get(key):
                    value = task[key]
                    shown = "[" + ", ".join(map(scalar, value)) + "]" if isinstance(value, list) \
                        else scalar(value)
                    out.append(f"        {key}: {shown}")
    return "\n".join(out) + "\n"


