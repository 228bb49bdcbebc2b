"""What the search box needs to read a query as a reader means it, made from the built site.

Written beside Pagefind's index as pagefind/lexicon.json (generator/finish/search_index.py) and fetched
by overrides/assets/javascripts/search.js with Pagefind's own files, from the site itself:

- `t2s`: traditional characters and their simplified form, pairs run together, from OpenCC's
  character table, for the characters the site holds (監察 -> 监察);
- `pairs`: every two neighbouring Han characters the indexed text of any page holds, run
  together: a character of the query that forms a pair no page holds may be a slip;
- `sounds`: groups of characters of one reading (pypinyin, with tone), common characters
  (GB2312's first level) beside the site's own, only groups holding a character of the site:
  the slips of sound;
- `confusions`, `glossary`, `contractions`: generator/search_terms.yaml, as written;
- `prefixes`: the city's name without 市, from the site's title (巴中);
- `names`: every name of a unit and its short forms, from the hidden block of its page
  (generator/outputs/search.py): a name inside a question (工商局负责哪些任务) is searched on its own.
"""
import html
import json
import re
from pathlib import Path

import yaml

from generator.model import word_cache

TERMS = Path(__file__).with_name("search_terms.yaml")
FILE = "lexicon.json"
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
# The text Pagefind indexes (overrides/partials/content.html), up to the article's end.
_BODY = re.compile(r"<div data-pagefind-body>(.*?)</article>", re.S)
_TAG = re.compile(r"<[^>]+>")
_TITLE = re.compile(r"<title>([^<]*)</title>")
_KEYS = re.compile(r'<div class="search-keys"[^>]*>([^<]*)</div>')
# The city (or county, prefecture) a plan's issuer names first: 巴中市人民政府… -> 巴中市.
_CITY = re.compile(r"^([\u4e00-\u9fff]{2,4}?[市县州盟])")


def site_text(site: Path) -> list[str]:
    """The indexed text of every page, as runs of Han characters."""
    runs = []
    for page in sorted(site.rglob("*.html")):
        body = _BODY.search(page.read_text(encoding="utf-8"))
        if body:
            runs += _HAN_RUN.findall(_TAG.sub(" ", body.group(1)))
    return runs


def city_prefixes(site: Path) -> list[str]:
    title = _TITLE.search((site / "index.html").read_text(encoding="utf-8"))
    city = _CITY.match(title.group(1).strip()) if title else None
    if not city:
        return []
    name = city.group(1)
    # 巴中 before 市 or a unit's short name: 巴中市财政局 is 市财政局, 巴中财政局 财政局.
    return [name[:-1]] if len(name) > 2 else [name]


def unit_names(site: Path) -> list[str]:
    """The names in the search keys of unit pages, less punctuation as the search box reads
    them (各县区人民政府); not the pinyin nor the spaced forms."""
    names = set()
    for page in site.glob("units/*/index.html"):
        keys = _KEYS.search(page.read_text(encoding="utf-8"))
        if keys:
            for key in html.unescape(keys.group(1)).split("；"):
                if " " not in key:
                    folded = "".join(_HAN_RUN.findall(key))
                    if len(folded) >= 2 and len(folded) >= len(key) - 2:
                        names.add(folded)
    return sorted(names)


def traditional_pairs(characters: set[str]) -> str:
    """`監监察察…`: every traditional character whose simplified form the site holds, before it."""
    import opencc

    every = "".join(chr(code) for code in range(0x3400, 0xA000))
    simplified = opencc.OpenCC("t2s").convert(every)
    return "".join(t + s for t, s in zip(every, simplified) if t != s and s in characters)


def _common() -> list[str]:
    """GB2312's first level: the 3,755 common characters a reader's input method offers first."""
    found = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                found.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return found


def sound_groups(characters: set[str]) -> list[str]:
    """Characters of one reading, tone included, for every reading of a character of the site."""
    by_reading: dict[str, list[str]] = {}
    for ch in dict.fromkeys(_common() + sorted(characters)):
        for reading in readings(ch):
            by_reading.setdefault(reading, []).append(ch)
    return ["".join(chars) for chars in by_reading.values()
            if len(chars) > 1 and any(ch in characters for ch in chars)]


def readings(ch: str) -> list[str]:
    """Every reading pypinyin knows of a character (都: dou1, du1), kept in .cache/sounds.json."""
    kept = SOUNDS.get(ch)
    if kept is None:
        from pypinyin import Style, pinyin

        kept = " ".join(pinyin(ch, style=Style.TONE3, heteronym=True)[0])
        SOUNDS.put(ch, kept)
    return kept.split()


# pypinyin's readings of characters, kept between builds (generator/model/word_cache.py).
SOUNDS = word_cache.WordCache(word_cache.FOLDER / "sounds.json", "pypinyin", __file__)


def lexicon(site: Path) -> dict:
    terms = yaml.safe_load(TERMS.read_text(encoding="utf-8"))
    runs = site_text(site)
    pairs = sorted({run[i:i + 2] for run in runs for i in range(len(run) - 1)})
    characters = {ch for run in runs for ch in run}
    words = [term for group in terms["glossary"] for term in group]
    characters |= {ch for word in words for ch in word}
    return {
        "t2s": traditional_pairs(characters),
        "pairs": "".join(pairs),
        "sounds": sound_groups(characters),
        "confusions": terms["confusions"],
        "glossary": terms["glossary"],
        "contractions": terms["contractions"],
        "prefixes": city_prefixes(site),
        "names": unit_names(site),
    }


def write(site: Path, folder: Path) -> Path:
    path = folder / FILE
    path.write_text(json.dumps(lexicon(site), ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    SOUNDS.save()
    return path
