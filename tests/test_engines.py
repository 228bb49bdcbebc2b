"""The same site from both build engines: MkDocs 1.6 with Material, and Zensical."""
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import serving

pytestmark = pytest.mark.slow  # every test here builds the site twice

EXTERNAL = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.I)


class _Page(HTMLParser):
    """The text a reader sees in the page's article, and every link and asset it refers to."""

    VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source"}

    def __init__(self):
        super().__init__()
        self.depth, self.text, self.targets = 0, [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.targets += [attributes[name] for name in ("href", "src") if attributes.get(name)]
        if self.depth:
            self.depth += tag not in self.VOID
        elif tag == "article":
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def read(page: Path) -> _Page:
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    return parsed


def pages(site: Path) -> set[str]:
    return {page.relative_to(site).as_posix() for page in site.rglob("*.html")}


def test_both_engines_build_the_same_pages_with_the_same_text(sites):
    mkdocs, zensical = sites["mkdocs"], sites["zensical"]
    assert pages(mkdocs) == pages(zensical)
    assert len(pages(mkdocs)) > 40
    for page in sorted(pages(mkdocs)):
        seen = [re.sub(r"\s+", " ", " ".join(read(site / page).text)).strip()
                for site in (mkdocs, zensical)]
        assert seen[0] == seen[1], page


def test_every_link_and_asset_resolves(engine_site):
    for page in engine_site.rglob("*.html"):
        for target in read(page).targets:
            parts = urlsplit(target)
            if parts.scheme or target.startswith(("#", "mailto:")):
                continue
            # 404.html is served at any depth, so its links start at the site's root
            base = engine_site if parts.path.startswith("/") else page.parent
            path = (base / unquote(parts.path).lstrip("/")).resolve()
            if parts.path.endswith("/") or path.is_dir():
                path = path / "index.html"
            assert path.is_file(), f"{page.relative_to(engine_site)}: {target}"


def test_no_page_loads_anything_from_another_host(engine_site):
    for page in engine_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not EXTERNAL.search(html), page
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page


def test_a_reader_opens_a_unit_page_and_searches(engine_site, page):
    # `page` fails the test if anything is asked of another host.
    with serving(engine_site) as origin:
        page.goto(origin + "/units/shi-zheng-fu-fa-zhi-ban/")
        assert page.locator("h1").inner_text().removesuffix("¶").strip() == "市政府法制办"
        assert page.get_by_role("link", name="加强行政复议应诉工作").first.is_visible()
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("行政复议")
        box.press("End")
        first = page.locator(".md-search-result__item").first
        first.wait_for()
        first.locator("a").first.click()
        page.wait_for_url(re.compile(re.escape(origin) + r"/2017/tasks/jia-qiang-xing-zheng-fu-yi-ying-su-gong-zuo/"))
