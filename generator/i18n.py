"""The language of what the generator prints: Chinese, or English with LANGUAGE=en.

Messages are written in the code in English, as gettext message ids with named fields
(`_("lead unit '{name}' is not in units").format(name=name)`); their Chinese is in the catalog
generator/locale/zh_CN/LC_MESSAGES/generator.po, which `make messages` brings up to date with
the code (Babel extracts, updates and compiles it). The people who maintain the site read
Chinese, so Chinese is the default; LANGUAGE=en (as gettext reads it) gives the English.
"""
import difflib
import functools
import gettext
import os
from pathlib import Path

LOCALE = Path(__file__).with_name("locale")
DOMAIN = "generator"


@functools.cache
def _catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE, languages=[language], fallback=True)


def language() -> str:
    """zh_CN, unless the first language LANGUAGE names is English: 'en', 'en_US', 'en:zh'."""
    wanted = os.environ.get("LANGUAGE", "").split(":")[0]
    return "en" if wanted.lower().startswith("en") else "zh_CN"


def _(message: str) -> str:
    """`message` in the language of this run (read each time, so a test can change it)."""
    return _catalog(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog(language()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a message for the catalog where it is written (a table of them), to be translated
    with _() where it is used."""
    return message


def listing(items) -> str:
    """Items named one after another: 'a, b, c' in English, 'a、b、c' in Chinese."""
    return _(", ").join(map(str, items))


def nearest(word, choices, cutoff: float = 0.5) -> str | None:
    """The choice most like `word`, where one is at least `cutoff` alike (difflib's ratio)."""
    near = difflib.get_close_matches(str(word), [str(choice) for choice in choices], n=1,
                                     cutoff=cutoff)
    return near[0] if near else None


def did_you_mean(message: str, word, choices, cutoff: float = 0.5) -> str:
    """The message, with the choice nearest to `word` where one is near: (did you mean '…'?)."""
    near = nearest(word, choices, cutoff)
    return _("{message} (did you mean '{near}'?)").format(message=message, near=near) \
        if near else message
