"""Pinyin URL slugs and pinyin sort keys for Chinese names."""
import functools
import re
import unicodedata

from generator.model import word_cache

# Readings pypinyin gets wrong for a word in this plan's text. Every slug and sort key goes
# through this one table; tests/test_slugs.py lists each entry and the data that needs it.
READINGS = {
    "长效": "chang xiao",
}

_WORDS = re.compile("|".join(sorted(map(re.escape, READINGS), key=len, reverse=True)))
# Read once a name, not once a build (generator/model/word_cache.py); URLs are checked against the
# ledger whichever way they were made.
SYLLABLES = word_cache.WordCache(word_cache.FOLDER / "syllables.json", "pypinyin", __file__)


def _latin(text: str) -> str:
    """Fold full-width forms and accents to ASCII where a plain form exists."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=None)  # pure, and asked for each name by validation and model
def syllables(text: str) -> tuple[str, ...]:
    """The lowercase ASCII words of `text`: one per Han character, one per Latin or digit run."""
    kept = SYLLABLES.get(text)
    if kept is not None:
        return tuple(kept.split())
    words: list[str] = []
    start = 0
    for match in _WORDS.finditer(text):
        words += _pinyin(text[start:match.start()]) + READINGS[match.group()].split()
        start = match.end()
    words += _pinyin(text[start:])
    SYLLABLES.put(text, " ".join(words))
    return tuple(words)


def _pinyin(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    words = []
    for piece in lazy_pinyin(text, style=Style.NORMAL, errors=lambda run: [run]):
        words += re.findall(r"[a-z0-9]+", _latin(piece).lower())
    return words


def slugify(text: str) -> str:
    """`市政府法制办` -> `shi-zheng-fu-fa-zhi-ban`; empty when nothing in `text` has a reading."""
    return "-".join(syllables(text))


def sort_key(text: str) -> tuple[str, ...]:
    """Order names by their pinyin, as a Chinese reader expects a directory to run."""
    return (*syllables(text), text)
