"""Search as readers use it: queries typed into the real search box of the built site.

`make search-eval` prints hit@1 and hit@3 for the queries in tests/search_queries.yaml, and the
size of the search index beside the size of the site's text; tests/test_search.py holds the bar.
"""
import json
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

QUERIES = Path(__file__).with_name("search_queries.yaml")
SEARCH_BOX = "input.md-search__input"


@dataclass(frozen=True)
class Query:
    text: str
    expected: str  # the URL of the page that must come first, or in the first three
    kind: str  # unit, alias, pinyin, task, number, …


@dataclass(frozen=True)
class Result:
    query: Query
    found: tuple[str, ...]  # page URLs in the order the search box lists them

    @property
    def rank(self) -> int | None:
        return self.found.index(self.query.expected) + 1 if self.query.expected in self.found else None


def load_queries() -> list[Query]:
    return [Query(**entry) for entry in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))]


def search(page, text: str) -> tuple[str, ...]:
    """Type `text` as a person would and read the pages listed, best first."""
    box = page.locator(SEARCH_BOX)
    meta = page.locator(".md-search-result__meta")
    # Start from an empty box, so that the list read below can only answer this query.
    box.fill("")
    box.press("End")
    page.wait_for_function("m => m.textContent === '键入以开始搜索'",
                           arg=meta.element_handle())
    box.fill(text)
    box.press("End")
    page.wait_for_function("m => m.textContent !== '键入以开始搜索'", arg=meta.element_handle())
    hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                      "links => links.map(a => a.pathname)")
    return tuple(dict.fromkeys(hrefs))


def run(page, origin: str, queries: list[Query]) -> list[Result]:
    page.goto(origin + "/")
    page.locator(SEARCH_BOX).click()
    return [Result(query, search(page, query.text)) for query in queries]


def hit_rate(results: list[Result], k: int) -> float:
    return sum(r.rank is not None and r.rank <= k for r in results) / len(results)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.size, self._skip = 0, 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.size += len(data.strip().encode("utf-8"))


def sizes(site: Path) -> tuple[int, int]:
    """Bytes of the search index, and of the text of the site's pages."""
    text = _Text()
    for path in site.rglob("*.html"):
        text.feed(path.read_text(encoding="utf-8"))
    return (site / "search" / "search_index.json").stat().st_size, text.size


def report(results: list[Result], site: Path) -> str:
    lines = [f"{'rank':>4}  {'kind':8} query -> expected (found first)"]
    for result in results:
        rank = str(result.rank) if result.rank else "-"
        first = result.found[0] if result.found else "nothing"
        lines.append(f"{rank:>4}  {result.query.kind:8} {result.query.text} -> "
                     f"{result.query.expected}" + ("" if result.rank == 1 else f" ({first})"))
    index, text = sizes(site)
    units = [r for r in results if r.query.kind == "unit"]
    lines += [
        f"queries: {len(results)}",
        f"hit@1: {hit_rate(results, 1):.1%}",
        f"hit@3: {hit_rate(results, 3):.1%}",
        f"hit@1 for unit names: {hit_rate(units, 1):.1%} of {len(units)}",
        f"search index: {index:,} bytes; text of the site's pages: {text:,} bytes "
        f"(index / text = {index / text:.2f})",
    ]
    return "\n".join(lines)


def main(site: Path) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serving

    with serving(site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = run(browser.new_page(), origin, load_queries())
        browser.close()
    print(report(results, site))
    print(json.dumps({"hit@1": hit_rate(results, 1), "hit@3": hit_rate(results, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
