"""One line (paragraph) of a notice: its numbering level and its bracketed groups.

Every function here reads a line once, left to right, so a line of any nesting costs time in
proportion to its length (a notice of 1 MB of nested brackets is read in a quarter of a second).
"""
import re

from generator.model.numerals import to_numeral

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
# Unnumbered paragraphs that open with a run-in heading ("推进多元投入。……") are the deepest level.
RUN_IN = len(LEVELS)
BRACKETS = {"〔": "〕", "（": "）", "(": ")", "[": "]", "【": "】"}
_OPENING = {close: open_ for open_, close in BRACKETS.items()}

# The web page's copy flattens the document's full-width punctuation; a time keeps its colon.
# Each replacement is one character for one, so a column in the result is one in the line.
HALF_TO_FULL = str.maketrans({",": "，", ";": "；", "(": "（", ")": "）"})
COLON = re.compile(r"(?<!\d):|:(?!\d)")


def full_width(text: str) -> str:
    return COLON.sub("：", text.translate(HALF_TO_FULL))


def numbered(line: str, following: int | None = None) -> tuple[int, str, str] | None:
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


def run_in_heading(line: str) -> str | None:
    """The run-in heading a paragraph opens with ("推进多元投入。"), if it has one: a short phrase
    closed by 。 with text after it, not a sentence such as "到2020年，……。"."""
    heading, stop, rest = line.partition("。")
    if not stop or not rest or len(heading) > 25 or re.match(r"^到\d{4}年", heading) \
            or re.search(r"[：:；]", heading) or heading.count("，") > 1 \
            or any(char in heading for char in BRACKETS):
        return None
    return heading


def groups(line: str) -> list[tuple[int, int]]:
    """(start, end) of every outermost bracketed group of the line, in order.

    One pass with a stack: a closing bracket without its opening one is text, and an opening one
    never closed is dropped when an outer group closes (counts per kind make each check O(1))."""
    found, stack, open_counts = [], [], dict.fromkeys(BRACKETS, 0)
    for index, char in enumerate(line):
        if char in BRACKETS:
            stack.append((char, index))
            open_counts[char] += 1
        elif char in _OPENING and open_counts[_OPENING[char]]:
            while True:
                opened, start = stack.pop()
                open_counts[opened] -= 1
                if opened == _OPENING[char]:
                    break
            if not stack:
                found.append((start, index + 1))
    return found
