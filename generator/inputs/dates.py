"""Days as the data writes them (YYYY-MM-DD), and what is wrong with one that is no day."""
import calendar
import re

from generator.i18n import N_, _

_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
           N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
           N_("December"))


def not_a_day(text: str) -> str | None:
    """Why a YYYY-MM-DD is no day of the calendar ('there is no month 13'); None if it is one,
    or is not written so."""
    found = _DAY.match(text)
    if not found:
        return None
    year, month, day = map(int, found.groups())
    if year == 0:  # the calendar counts from year 1
        return _("there is no year 0")
    if not 1 <= month <= 12:
        return _("there is no month {month}").format(month=month)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return _("{month} {year} has {days} days").format(
            month=_(_MONTHS[month - 1]), year=year, days=days)
    return None
