"""What readers type into the search box, made from the data.

Material indexes a page's front-matter `tags` with a very high boost and never shows them unless
its tags plugin is on, so the keywords of a page go there: a unit's name, its short forms and
their pinyin, and the ways people write the document number.

Material's search box cuts each run of Han characters in a query into the longest words of the
index that start it and stop short of its last character, which it leaves to a trailing wildcard
(so that a word still being typed is found). A name typed in full therefore reaches the index as
its "query form": every Han run less its last character. Both the forms and the shortened runs
go into the tags, so that a name typed in full finds its own page first.
"""
import re

from .model import Document, Plan, Unit
from .slugs import syllables

# 巴府办发〔2017〕45号: issuer's code, year, serial
_DOCUMENT_NUMBER = re.compile(r"^(?P<code>.+?)〔(?P<year>\d{4})〕(?P<serial>\d+号)$")
_BRACKETS = ("〔〕", "[]", "［］", "()", "（）", "【】")


# Material's zh separator (search.config.separator), and its \p{sc=Han}
_SEPARATOR = re.compile(r"[\s\u200b\u3000\-、。，．？！；]+")
_HAN_RUN = re.compile(r"[\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
                      r"\uf900-\ufaff\U00020000-\U0003134f]+")


def query_forms(keyword: str) -> list[str]:
    """The index words a keyword typed in full must meet: its query form and shortened runs."""
    runs = [run[:-1] for run in _HAN_RUN.findall(keyword) if len(run) > 1]
    form = _HAN_RUN.sub(lambda match: match.group()[:-1] or match.group(), keyword)
    # A one-character word would match every query that holds that character.
    return [word for word in runs + _SEPARATOR.split(form) if len(word) > 1]


def with_query_forms(keywords: list[str]) -> list[str]:
    return list(dict.fromkeys(keywords + [form for word in keywords for form in query_forms(word)]))


def pinyin_forms(name: str) -> list[str]:
    """`市司法局` -> `shisifaju`, `ssfj`: full pinyin and initials, as typed without spaces."""
    words = syllables(name)
    return ["".join(words), "".join(word[0] for word in words)] if words else []


def unit_keywords(unit: Unit) -> list[str]:
    keywords = [*unit.names] + [form for name in unit.names for form in pinyin_forms(name)]
    return with_query_forms(keywords)


def text_keywords(text: str, terms: tuple[str, ...]) -> list[str]:
    """The plan's own terms that `text` uses: a task or section is found by them."""
    return with_query_forms([term for term in terms if term in text])


def document_keywords(document: Document) -> list[str]:
    """The document number however it is typed: 〔2017〕, [2017], (2017), or just 45号."""
    match = _DOCUMENT_NUMBER.match(document.number)
    if not match:
        return [document.number]
    code, year, serial = match.group("code", "year", "serial")
    written = [f"{code}{left}{year}{right}{serial}" for left, right in _BRACKETS]
    return with_query_forms([document.number, *written, serial, code])


def dictionary_words(plan: Plan) -> list[str]:
    """Words jieba must keep whole when it segments the site for the search index."""
    words = [plan.document.number, *plan.terms]
    for unit in plan.units:
        words += unit.names
    match = _DOCUMENT_NUMBER.match(plan.document.number)
    if match:
        words += [match.group("code"), match.group("serial")]
    return list(dict.fromkeys(words))
