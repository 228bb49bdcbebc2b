"""The real plan built with `mkdocs build --strict`, as it is published."""
import json
import re

from generator.build import load_plan
from generator.finish.redirect_pages import TITLE as REDIRECTED
from tests.conftest import ROOT

EXTERNAL = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.I)


def test_every_record_has_a_page(real_site):
    plan = load_plan(ROOT / "data")
    pages = [f"/units/{unit.slug}/" for unit in plan.units]
    moved = [f"/tasks/{task.slug}/" for task in plan.tasks]
    moved += [f"/sections/{section.slug}/" for section in plan.sections] + ["/matrix/"]
    pages += [f"/2017{url}" for url in moved]
    for url in pages + ["/", "/2017/", "/units/"]:
        assert (real_site / url.lstrip("/") / "index.html").is_file(), url
    # and a page at each URL of the one-plan layout, which redirects to its record's new page
    for url in moved:
        assert f"<title>{REDIRECTED}</title>" in (real_site / url.lstrip("/") / "index.html").read_text()
    assert len(list(real_site.rglob("index.html"))) == len(pages) + 3 + len(moved)


def test_unit_page_is_at_its_pinyin_url(real_site):
    html = (real_site / "units/shi-zheng-fu-fa-zhi-ban/index.html").read_text(encoding="utf-8")
    assert re.search(r'<h1 id="[^"]*">市政府法制办<a class="headerlink"', html)
    assert "牵头 14 项任务，负责 0 项任务" in html


def test_no_page_loads_anything_from_another_host(real_site):
    for page in real_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not EXTERNAL.search(html), page
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page


def test_the_search_index_is_pagefinds_of_the_pages_own_text(real_site):
    entry = json.loads((real_site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["zh"]
    # Every page's own text is indexed; the matrix (a grid of links), the home page (a list of
    # what other pages show), the 404 page and the redirects of old URLs are not.
    pages = [page for page in real_site.rglob("index.html")
             if REDIRECTED not in page.read_text(encoding="utf-8")]
    assert entry["languages"]["zh"]["page_count"] == len(pages) - 2
    for page in ("2017/matrix/index.html", "index.html"):
        assert "data-pagefind-body" not in (real_site / page).read_text(encoding="utf-8")
    assert not (real_site / "search/search_index.json").exists()