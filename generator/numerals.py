"""Chinese numerals as the plan numbers its sections (一、) and tasks (（十三）), 1 to 99."""

DIGITS = "一二三四五六七八九"


def to_numeral(n: int) -> str:
    if not 1 <= n <= 99:
        raise ValueError(f"{n} is outside 1..99")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else DIGITS[tens - 1] + "十")
    return head + (DIGITS[ones - 1] if ones else "")


_VALUES = {to_numeral(n): n for n in range(1, 100)}


def from_numeral(text: str) -> int | None:
    """The number a numeral such as 二十二 stands for, or None when it is not one."""
    return _VALUES.get(text)
