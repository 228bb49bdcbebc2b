"""Days as the data writes them (YYYY-MM-DD), and what is wrong with one that is no day."""
import calendar
import re

_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def not_a_day(text: str) -> str | None:
    """Why a YYYY-MM-DD is no day of the calendar ('there is no month 13'); None if it is one,
    or is not written so."""
    found = _DAY.match(text)
    if not found:
        return None
    year, month, day = map(int, found.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{_MONTHS[month - 1]} {year} has {days} days"
    return None
