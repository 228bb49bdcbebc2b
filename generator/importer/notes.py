"""Unit notes: the words of a notice that say which units carry a task, and in what role.

A note is a bracket (（A牵头，B、C参与）, 〔牵头单位：A；责任单位：B〕) anywhere in a paragraph, or a
line opening with a label (责任单位：A、B). Either labels start the lists (牵头单位, 配合单位, …), or
role words close them (A牵头, B负责, A会同B负责, C指导, D参与, E落实, F按职责分工负责). The notice
may also state rules once for the notes after it: "列第一位者为牵头单位，下同" (the first unit named
leads) and "以下均需X落实，不再列出" (X shares every task after it); they are read here and applied
by the structure.
"""
import re
from dataclasses import dataclass, field

from generator.i18n import _

# Each label starts a list of units in that role; None marks an official, kept in the wording only.
LABELS = {"牵头单位": "lead", "牵头部门": "lead", "主办单位": "lead", "主责单位": "lead",
          "责任单位": "responsible", "责任部门": "responsible",
          "配合单位": "responsible", "配合部门": "responsible",
          "协办单位": "responsible", "协办部门": "responsible",
          "参与单位": "responsible", "参与部门": "responsible",
          "牵头领导": None, "责任领导": None}
LABEL_WORD = re.compile("|".join(LABELS))
LABEL = re.compile(rf"({LABEL_WORD.pattern})\s*[:：]")
# Role words close a list of names, longest first; 牵头 and 会同 name the lead, the rest share it.
ROLE_WORD = re.compile("按职责分工分别负责|按职责分工负责|按职责分工|分别负责|牵头负责|共同负责|"
                       "牵头|会同|负责|配合|参与|指导|落实|协助")
LEADING_WORDS = {"牵头", "牵头负责", "会同"}
# A name never ends in one of these: what is left of a role word after a list was cut.
ROLE_ENDING = re.compile(rf"(?:{ROLE_WORD.pattern}|分别|共同|等)+$")
# What may follow the last role word of a note and still leave it a note: a time limit.
TIME_LIMIT = re.compile(r"^[，；]?\s*[^，；。]*(?:\d{4}年|年内|年底|月底|底前|持续推进|长期坚持)[^。]*$")
# Rules the notice states once, for the notes after it.
FIRST_LEADS = re.compile(r"[。，；]?\s*(?:列|排在|排)第一位(?:者|的部门|的单位)?为牵头(?:单位|部门)"
                         r"(?P<on>[，；]\s*下同)?")
LISTED_ONCE = re.compile(r"[。，；]?\s*以下(?:各项)?(?:任务)?均需(?P<names>[^。，；]+?)"
                         r"(?:落实|负责|参与|配合|组织实施)[，；]?\s*不再(?:一一)?列出")
SEPARATORS = "；，、 \u3000。"
# a unit name ends so; "A局和B部门" names two units, "政务服务和资源交易服务中心" one
UNIT_END = "局办委部厅室院会所站队中心府"
COLLECTIVE = re.compile(r"^(各|其他|有)|相关|有关|部门$|单位$")
LONGEST_NAME = 40
# 由 inside a list ("X内由Y负责") makes it a clause with a subject; 自由贸易 is a name's own word.
CLAUSE = re.compile(r"(?<!自)由")


@dataclass
class Rule:
    kind: str  # "first leads" or "listed once"
    wording: str  # as the notice states it
    line: int = 0
    names: list = field(default_factory=list)  # "listed once": the units added
    onward: bool = True  # "first leads": for the later notes too (下同)
    after: int = 0  # "listed once": how many tasks come before those it governs
    applied: list = field(default_factory=list)  # numerals of the tasks it was applied to


@dataclass
class Note:
    wording: str  # the note without its brackets
    start: int  # where the wording starts in its line
    roles: list  # (role, names): "lead", "responsible", "unmarked" (the first may lead), None
    rules: list  # Rule


def rules_in(text: str) -> tuple[str, list]:
    """The text without the rules it states, and the rules."""
    rules = []
    for pattern, kind in ((FIRST_LEADS, "first leads"), (LISTED_ONCE, "listed once")):
        match = pattern.search(text)
        if match:
            wording = match.group().lstrip("。，；").strip()
            rule = Rule(kind, wording)
            if kind == "first leads":
                rule.onward = bool(match.group("on"))
            else:
                rule.names = unit_names(match.group("names"))
            rules.append(rule)
            text = text[: match.start()] + text[match.end():]
    return text, rules


def read(wording: str, start: int = 0) -> Note | None:
    """The roles a bracket's or a line's wording gives, or None when it is not a unit note."""
    text = wording.strip()
    if LABEL.match(text):
        return Note(wording, start, _labelled(text), [])
    text, rules = rules_in(text)
    if rules and not text.strip(SEPARATORS):
        return Note(wording, start, [], rules)  # a rule stated on its own: （以下……不再列出）
    roles = _by_role_words(text.strip().rstrip("。"))
    if roles is None:
        return None
    return Note(wording, start, roles, rules)


def _labelled(wording: str) -> list:
    labels = list(LABEL.finditer(wording))
    roles = []
    for label, following in zip(labels, labels[1:] + [None]):
        # every label starts a new list, whatever separates it from the one before
        phrase = wording[label.end(): following.start() if following else len(wording)]
        phrase = phrase.strip(SEPARATORS)
        phrase = re.sub(r"(?:按职责分工)?(?:分别)?负责$", "", phrase).strip(SEPARATORS)
        roles.append((LABELS[label.group(1)], phrase))
    return roles


def _by_role_words(text: str) -> list | None:
    """（A牵头，B、C参与）, （A会同B负责）, （A、B指导）: names, each list closed by a role word."""
    if not text or len(text) > 400 or "。" in text:
        return None
    roles, cursor, marked = [], 0, False
    for word in ROLE_WORD.finditer(text):
        phrase = text[cursor: word.start()].strip(SEPARATORS)
        phrase = re.sub(r"^由", "", phrase)
        if CLAUSE.search(phrase):
            return None  # （技工院校内由X负责）: a clause of the text, not a list of units
        cursor = word.end()
        if not phrase:
            if not roles:
                return None  # a role word with no one before it: prose, not a note
            continue  # 按职责分工 + 负责: one role, said in two words
        names = unit_names(phrase)
        if not names or any(len(name) > LONGEST_NAME or "：" in name for name in names):
            return None
        leads = word.group() in LEADING_WORDS
        marked = marked or leads
        roles.append(("lead" if leads else "responsible", phrase))
    rest = text[cursor:].strip(SEPARATORS)
    if not roles or (rest and rest != "下同" and not TIME_LIMIT.match(rest)):
        return None
    if not marked:  # no one is said to lead: the notice's rule may name the first
        roles = [("unmarked", phrase) for _, phrase in roles]
    return roles


def unit_names(phrase: str) -> list[str]:
    names = []
    # "A等有关部门" is A and the other departments concerned; a closing 等 only says "and others"
    phrase = re.sub(r"等(?=和|及|有关|相关|其他|各)", "、", phrase)
    pieces = re.split("([、，；])", phrase)
    for name, separator in zip(pieces[::2], [""] + pieces[1::2]):
        name = re.sub(r"^(?:和|及|由)", "", name.strip()).strip()
        if separator == "、" and names and names[-1].startswith("各") and \
                not re.search(r"^(各|市|省)|[" + UNIT_END + "门位]$", name):
            names[-1] += "、" + name  # "各区、县级市": every district and county-level city
            continue
        name = ROLE_ENDING.sub("", name)
        joined = re.match(rf"^(.+[{UNIT_END}])和(.+)$", name) or \
            re.match(rf"^(.+[{UNIT_END}门])及(.+)$", name)
        names += [joined.group(1), joined.group(2)] if joined else [name] if name else []
    return names


def collective(name: str) -> bool:
    return bool(COLLECTIVE.search(name))


def fragment(name: str) -> str | None:
    """Why a name looks like a fragment of a list, or None."""
    label = LABEL_WORD.match(name)
    return _("it starts with the label '{label}'").format(label=label.group(0)) if label else \
        _("it ends in '{character}'").format(character=name[-1]) if name[-1] in SEPARATORS else \
        _("it is shorter than two characters") if len(name) < 2 else None
