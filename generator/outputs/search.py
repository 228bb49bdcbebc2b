"""What a unit's page carries for the search index besides its text, made by rule from the data.

Pagefind indexes the built pages' text, so any run of words on a page finds it. Readers also
type a unit's name without its 市 or 市政府 prefix (法制办 for 市政府法制办) and in pinyin, which
no page shows: those forms go into a hidden, heavily weighted block of the unit's page, so that
its name or a form of it puts the unit's page first. Nothing here is listed by hand.
"""
import logging
import re
import unicodedata

from generator.model import word_cache
from generator.model.plan import Unit
from generator.model.slugs import syllables

# Prefixes a reader leaves out of a city unit's name.
PREFIXES = ("市政府", "市")
# Pagefind's data-pagefind-weight for the block: above a heading's 7, the most it takes is 10.
WEIGHT = 10
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def short_forms(name: str) -> list[str]:
    """`市政府法制办` -> `政府法制办`, `法制办`: the name without each prefix it starts with."""
    forms = [name[len(prefix):] for prefix in PREFIXES if name.startswith(prefix)]
    return [form for form in forms if len(form) >= 2]


def pinyin_forms(name: str) -> list[str]:
    """`司法局` -> `sifaju`, `si fa ju`, `sfj`: joined, spaced and initials."""
    words = syllables(name)
    if not words:
        return []
    return ["".join(words), " ".join(words), "".join(word[0] for word in words)]


def sub_words(name: str) -> str:
    """`有行政执法职责的市级部门` -> `有 行政 执法 职责 的 市级 部门`: every word and sub-word jieba
    finds in it (search mode), spaced. The page's text is cut into words by Pagefind's own rules,
    which may join 的市 and leave no 市级; the query is cut by other rules again. Spaced sub-words
    let any of a name's words a query is cut into meet the same word on the unit's page."""
    found = SUB_WORDS.get(name)
    if found is None:
        import jieba

        # its notes on loading its dictionary, in English, are not for the maintainer's terminal
        jieba.setLogLevel(logging.WARNING)
        found = " ".join(dict.fromkeys(word for word in jieba.cut_for_search(name) if word.strip()))
        SUB_WORDS.put(name, found)
    return found


# Cut once a name, not once a build (generator/model/word_cache.py).
SUB_WORDS = word_cache.WordCache(word_cache.FOLDER / "sub-words.json", "jieba", __file__)


def characters(name: str) -> str:
    """`市级部门` -> `市 级 部 门`: a query the search box could not match word for word is also
    tried a character at a time (overrides/assets/javascripts/search.js), and finds the unit
    whose name holds every character of it."""
    return " ".join(ch for ch in name if _HAN.match(ch))


def unit_search_keys(unit: Unit) -> list[str]:
    """Every form of every name of the unit, its sub-words and its pinyin, NFKC-normalised as
    the search box normalises a query."""
    names = list(dict.fromkeys(form for name in unit.names for form in [name, *short_forms(name)]))
    keys = (names + [sub_words(name) for name in unit.names]
            + [characters(name) for name in unit.names]
            + [form for name in names for form in pinyin_forms(name)])
    return list(dict.fromkeys(unicodedata.normalize("NFKC", key) for key in keys))
