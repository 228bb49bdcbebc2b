"""Chinese numerals as plans number their sections (一、) and tasks (（十三）, （一百零二）)."""

DIGITS = "零一二三四五六七八九"
UNITS = ((1000, "千"), (100, "百"), (10, "十"))
LIMIT = 9999


def to_numeral(n: int) -> str:
    """1 -> 一, 13 -> 十三, 20 -> 二十, 102 -> 一百零二, 1010 -> 一千零一十."""
    if not 1 <= n <= LIMIT:
        raise ValueError(f"{n} is outside 1..{LIMIT}")
    words, rest, gap = [], n, False
    for value, name in UNITS:
        digit, rest = divmod(rest, value)
        if digit:
            words.append(("零" if gap else "") + DIGITS[digit] + name)
            gap = False
        elif words:
            gap = True
    if rest:
        words.append(("零" if gap else "") + DIGITS[rest])
    text = "".join(words)
    # 十三, not 一十三, when the tens lead
    return text[1:] if text.startswith("一十") else text


_VALUES = {to_numeral(n): n for n in range(1, LIMIT + 1)}


def from_numeral(text: str) -> int | None:
    """The number a numeral such as 二十二 stands for, or None when it is not one."""
    return _VALUES.get(text)
