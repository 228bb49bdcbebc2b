"""Fit to run as a government website: the site's settings (data/site.yaml) checked like the
plans, shown in every page's footer and page-design metadata on both engines; Chinese text
only; any reader: a phone's width, touch targets, text size and contrast that persist."""
import contextlib
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.finish.redirect_pages import target_of
from generator.inputs.site_settings import NEEDED
from tests.conftest import ENGINES, ROOT, build_site, cards_taller_than_held, serving

# A test settings file (never data/site.yaml): every field, with markup characters in the
# texts, which must reach each page as text.
SETTINGS = {
    "name": '测试网站<b>"名称"</b>&amp;',
    "sponsor": "测试市人民政府办公室<i>",
    "organizer": "测试市大数据中心'",
    "contact": {"address": "测试市测试路1号", "telephone": "0827-5261234", "email": "office@test.example"},
    "site_code": "5119000001",
    "icp": "蜀ICP备12345678号-1",
    "police": "川公网安备 51190202000001号",
}
SITE_URL = "https://plan.test.example/"
FOOTER = {"主办单位": SETTINGS["sponsor"], "承办单位": SETTINGS["organizer"],
          "联系地址": "测试市测试路1号", "联系电话": "0827-5261234", "电子邮箱": "office@test.example",
          "网站标识码": "5119000001", "ICP备案号": SETTINGS["icp"], "公安机关备案号": SETTINGS["police"]}
# Words a reader may see in Latin letters: file formats and the names of files and programs.
LATIN = {"Atom", "BOM", "CSV", "Excel", "JSON", "UTF-8", "ICP"}
# File names, and the host names a link from the data shows beside it (依据（example.org）):
# names, not English.
_FILE_NAME = re.compile(r"[a-z.]+\.(?:json|csv|xml)\b|\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b")


def generator(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT,
                          capture_output=True, text=True)


def copy_data(root: Path, settings: str | None) -> Path:
    data = root / "data"
    shutil.copytree(ROOT / "data", data)
    if settings is None:
        (data / "site.yaml").unlink()
    else:
        (data / "site.yaml").write_text(settings, encoding="utf-8")
    return data


# --- the settings file -----------------------------------------------------------------------

def test_a_mistake_in_the_settings_is_named_at_its_line_and_column(tmp_path):
    data = copy_data(tmp_path, "name: 测试网站\nicp: ICP12345\ncontact:\n  telephone: 12\n  emial: a@b.cn\n"
                               "site_code: '12'\nsponsr: 某单位\n")
    docs = tmp_path / "docs"
    result = generator("generate", "--data", str(data), "--docs", str(docs))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{data}/site.yaml:2:6: error: field 'icp' is 'ICP12345'; expected the ICP备案号, such as '蜀ICP备12345678号'",
        f"{data}/site.yaml:4:14: error: field 'telephone' must be a telephone number, got the number 12",
        f"{data}/site.yaml:5:3: error: unknown field 'emial' (did you mean 'email'?); expected one of: "
        "address, telephone, email",
        f"{data}/site.yaml:6:12: error: field 'site_code' is '12'; expected the 网站标识码, ten letters or "
        "digits, such as '5119000001'",
        f"{data}/site.yaml:7:1: error: unknown field 'sponsr' (did you mean 'sponsor'?); expected one of: "
        "name, sponsor, organizer, contact, site_code, icp, police",
        f"5 error(s), 0 warning(s); {docs}/ was not changed"]
    assert not docs.exists() or not any(docs.iterdir())


def test_missing_settings_are_warnings_naming_each_field_and_the_real_site_still_builds():
    result = generator("check")
    assert result.returncode == 0
    real = yaml.safe_load((ROOT / "data" / "site.yaml").read_text(encoding="utf-8"))
    missing = [what for path, what in NEEDED.items()
               if not (real.get(path[0]) if len(path) == 1 else (real.get(path[0]) or {}).get(path[1]))]
    assert missing  # the real data gives only what a published source states
    assert [line.split(": warning: ")[1].split(":")[0] for line in result.stderr.splitlines()] == \
        [f"no {what}" for what in missing]
    assert all(line.startswith("data/site.yaml:") for line in result.stderr.splitlines())


def test_the_real_settings_state_only_the_notices_issuer():
    real = yaml.safe_load((ROOT / "data" / "site.yaml").read_text(encoding="utf-8"))
    notice = (ROOT / "source" / "bazhong-2017-45.txt").read_text(encoding="utf-8")
    assert set(real) == {"name", "sponsor"}
    assert real["sponsor"] == "巴中市人民政府办公室" and real["sponsor"] in notice
    assert not re.search(r"[0-9]{4}", real["name"])  # named independently of any year


# --- every page of a site built with the test settings ----------------------------------------

class _Head(HTMLParser):
    """A page's <meta name> values, its footer's entries and the elements it contains."""

    def __init__(self):
        super().__init__()
        self.meta, self.footer, self.tags = {}, {}, set()
        self.depth = 0  # inside the footer's identity block: the open elements' count
        self.field, self.text, self.label = None, [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.add(tag)
        if tag == "meta" and "name" in attributes:
            self.meta[attributes["name"]] = attributes.get("content")
        if self.depth or "site-identity" in (attributes.get("class") or "").split():
            self.depth += 1
            if tag in ("dt", "dd", "p"):
                self.field, self.text = tag, []

    def handle_endtag(self, tag):
        if not self.depth:
            return
        self.depth -= 1
        if tag == self.field:
            value = "".join(self.text).strip()
            if tag == "dt":
                self.label = value
            else:
                self.footer[self.label if tag == "dd" else "name"] = value
            self.field = None

    def handle_data(self, data):
        if self.field:
            self.text.append(data)


@pytest.fixture(scope="module")
def identified(tmp_path_factory):
    """The real data with the test settings, built by each engine with a public address."""
    import os

    built = {}
    for engine in ENGINES:
        root = tmp_path_factory.mktemp(f"identified-{engine}")
        data = copy_data(root, yaml.safe_dump(SETTINGS, allow_unicode=True))
        os.environ["SITE_URL"] = SITE_URL
        try:
            result = build_site(data, root, engine)
        finally:
            del os.environ["SITE_URL"]
        assert result.returncode == 0, result.stderr
        built[engine] = root / "site"
    return built


def pages_of(site: Path) -> list[Path]:
    return [page for page in sorted(site.rglob("*.html"))
            if page.name != "404.html" and not target_of(page.read_text(encoding="utf-8"))]


@pytest.mark.slow
@pytest.mark.parametrize("engine", list(ENGINES))
def test_every_page_has_the_footer_and_the_page_design_metadata(identified, engine):
    site = identified[engine]
    plan = yaml.safe_load((ROOT / "data" / "plans" / "2017.yaml").read_text(encoding="utf-8"))
    kinds = set()
    for page in pages_of(site):
        head = _Head()
        head.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(site).as_posix()
        assert head.footer == {"name": SETTINGS["name"], **FOOTER}, where
        assert not {"b", "i"} & head.tags, where  # the markup characters stayed text
        assert head.meta["SiteName"] == SETTINGS["name"], where
        assert head.meta["SiteDomain"] == "plan.test.example", where
        assert head.meta["SiteIDCode"] == "5119000001", where
        assert head.meta["description"], where
        if where == "index.html":
            assert "ColumnName" not in head.meta and "ArticleTitle" not in head.meta
            kinds.add("site")
            continue
        assert head.meta["ColumnName"] and head.meta["ColumnType"] == "信息发布", where
        if "/tasks/" in where or "/sections/" in where or where == "2017/index.html":
            kinds.add("article")
            assert head.meta["PubDate"] == plan["document"]["published"], where
            assert head.meta["ContentSource"] == plan["document"]["issuer"], where
            assert head.meta["Url"] == SITE_URL + where.removesuffix("index.html"), where
            assert plan["document"]["number"] in head.meta["Keywords"], where
            title = re.search(r"<h1[^>]*>(.*?)<", page.read_text(encoding="utf-8"), re.S).group(1)
            assert head.meta["ArticleTitle"] in (title.strip(), plan["document"]["title"]), where
        else:
            kinds.add("column")
            assert "ArticleTitle" not in head.meta, where
    assert kinds == {"site", "column", "article"}
    registry = {"ICP备案号": "https://beian.miit.gov.cn/",
                "公安机关备案号": "https://beian.mps.gov.cn/#/query/webSearch?code=51190202000001"}
    html = (site / "index.html").read_text(encoding="utf-8")
    for label, address in registry.items():
        assert re.search(rf"<dt>{label}</dt><dd><a href=\"{re.escape(address).replace('/', '(?:/|&#x2f;)')}\"",
                         html), label


# --- Chinese throughout -----------------------------------------------------------------------

class _Visible(HTMLParser):
    """The text a reader sees or hears: text outside hidden, script and code elements, and the
    title, aria-label, alt and placeholder attributes."""
    SKIP = {"script", "style", "code", "pre", "svg"}
    VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "path"}

    def __init__(self):
        super().__init__()
        self.stack, self.found = [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        hidden = "hidden" in attributes or tag in self.SKIP
        if not (self.stack and self.stack[-1]):
            self.found += [value for name, value in attrs
                           if name in ("title", "aria-label", "alt", "placeholder") and value]
        if tag not in self.VOID:
            self.stack.append(hidden or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]) and data.strip():
            self.found.append(data)


def english(site: Path) -> dict[str, set[str]]:
    found = {}
    for page in sorted(site.rglob("*.html")):
        visible = _Visible()
        visible.feed(page.read_text(encoding="utf-8"))
        for text in visible.found:
            words = set(re.findall(r"[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]", _FILE_NAME.sub("", text))) - LATIN
            if words:
                found.setdefault(page.relative_to(site).as_posix(), set()).update(words)
    return found


@pytest.mark.slow
def test_no_page_of_either_engine_shows_english(engine_site, tmp_path):
    assert english(engine_site) == {}
    # the scan finds what it is for
    planted = tmp_path / "page.html"
    planted.write_text('<p title="Permanent link">¶</p><p>404 - Not found</p><p hidden>pinyin</p>')
    assert english(tmp_path) == {"page.html": {"Permanent", "link", "Not", "found"}}


# --- any reader, on a phone --------------------------------------------------------------------

@contextlib.contextmanager
def opened(site: Path, browser, width: int, height: int = 800):
    """A tab of a window of that size, and the site served while the block runs: (tab, origin)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        with serving(site) as origin:
            yield context.new_page(), origin
    finally:
        context.close()


@pytest.mark.slow
def test_at_390_px_no_page_is_wider_than_the_screen_and_every_control_is_a_touch_target(engine_site, browser):
    problems = {}
    with opened(engine_site, browser, 390, 844) as (tab, origin):
        for page in pages_of(engine_site):
            path = "/" + page.relative_to(engine_site).as_posix().removesuffix("index.html")
            tab.goto(origin + path)
            width = tab.evaluate("document.documentElement.scrollWidth")
            small = tab.evaluate("""Array.from(document.querySelectorAll(
                'button, label.md-header__button, .md-button, a.md-top'))
              .filter(e => e.checkVisibility({visibilityProperty: true, opacityProperty: true}))
              .map(e => [e.className, e.getBoundingClientRect()])
              .filter(([_, r]) => r.width > 0 && (r.width < 44 || r.height < 44))
              .map(([c, r]) => c + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))""")
            line = tab.evaluate("""(() => { const p = document.querySelector('article p');
              const s = getComputedStyle(p); return parseFloat(s.lineHeight) / parseFloat(s.fontSize) })()""")
            if width > 390 or small or line < 1.5:
                problems[path] = (width, small, round(line, 2))
    assert problems == {}


def table_box(tab, selector: str):
    """The page's first table box of that kind: a region the keyboard reaches."""
    box = tab.locator(selector).first
    assert box.get_attribute("role") == "region" and box.get_attribute("tabindex") == "0"
    return box


@pytest.mark.slow
def test_on_a_phone_a_table_of_tasks_is_a_card_a_task_each_cell_after_its_column_name(engine_site, browser):
    with opened(engine_site, browser, 390, 844) as (tab, origin):
        tab.goto(origin + "/units/shi-zheng-fu-fa-zhi-ban/")
        box = table_box(tab, ".record-table")
        assert box.get_attribute("aria-label") == "2017年牵头任务（表格）"
        assert box.evaluate("b => b.scrollWidth <= b.clientWidth")  # nothing hidden at the right
        assert not tab.locator(".table-scroll-cue").is_visible()
        row = box.locator("tbody tr").first
        number, title, section = (row.locator("td").nth(i).bounding_box() for i in range(3))
        assert title["x"] > number["x"] and abs(title["y"] - number["y"]) < 2  # the card's title line
        assert section["y"] >= title["y"] + title["height"] - 1  # then a line for each other cell
        # each after its column's name, drawn before the cell's link
        start = row.locator("td").nth(2).locator("a").evaluate("a => a.getClientRects()[0].x")
        size = row.locator("td").nth(2).evaluate("c => parseFloat(getComputedStyle(c).fontSize)")
        assert start - section["x"] > 4 * size  # 所属部分：
        # a screen reader still reads a table, each cell under its column's header
        tree = box.locator("table").aria_snapshot()
        assert '- columnheader "所属部分"' in tree and "- cell " in tree


@pytest.mark.slow
def test_a_card_not_yet_laid_out_holds_at_least_its_own_height(engine_site, browser):
    """On the narrowest phone at the largest text size, every card of every table, laid out,
    is no taller than the height it holds before (generator/outputs/tables.py)."""
    taller = {}
    with opened(engine_site, browser, 320, 640) as (tab, origin):
        tab.goto(origin + "/")
        tab.get_by_role("button", name="大", exact=True).click()
        for page in pages_of(engine_site):
            if b"record-table" not in page.read_bytes():
                continue
            path = "/" + page.relative_to(engine_site).as_posix().removesuffix("index.html")
            tab.goto(origin + path)
            found = cards_taller_than_held(tab)
            if found:
                taller[path] = found
    assert taller == {}


@pytest.mark.slow
def test_at_1280_px_a_table_of_tasks_is_a_table_with_headers_on_one_line(engine_site, browser):
    with opened(engine_site, browser, 1280) as (tab, origin):
        tab.goto(origin + "/units/shi-zheng-fu-fa-zhi-ban/")
        table = tab.locator(".record-table table").first
        assert table.evaluate("t => getComputedStyle(t).display") == "table"
        cells = table.locator("tbody tr").first.locator("td")
        assert len({round(cell.bounding_box()["y"]) for cell in cells.all()}) == 1  # a row
        for header in table.locator("th").all():
            height = header.evaluate("h => h.getBoundingClientRect().height")
            line = header.evaluate("h => parseFloat(getComputedStyle(h).lineHeight)")
            assert height < 2.5 * line + 20, header.inner_text()  # one line, with padding


@pytest.mark.slow
def test_the_matrix_scrolls_on_a_phone_in_a_named_box_with_a_cue(engine_site, browser):
    with opened(engine_site, browser, 390, 844) as (tab, origin):
        tab.goto(origin + "/2017/matrix/")
        box = table_box(tab, ".plan-matrix")
        assert box.get_attribute("aria-label") == "责任矩阵（表格）"
        assert box.evaluate("b => b.scrollWidth > b.clientWidth")
        assert tab.locator(".table-scroll-cue").first.is_visible()


@pytest.mark.slow
def test_text_size_and_high_contrast_persist_across_pages(engine_site, browser):
    with opened(engine_site, browser, 1280) as (tab, origin):
        tab.goto(origin + "/2017/")
        paragraph = "parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)"
        medium = tab.evaluate(paragraph)
        tab.get_by_role("button", name="大", exact=True).click()
        assert tab.get_by_role("button", name="大", exact=True).get_attribute("aria-pressed") == "true"
        tab.get_by_role("button", name="高对比度").click()
        tab.goto(origin + "/units/shi-zheng-fu-fa-zhi-ban/")
        assert tab.evaluate(paragraph) >= 1.15 * medium
        assert tab.evaluate("getComputedStyle(document.querySelector('article p')).color") == "rgb(0, 0, 0)"
        assert tab.get_by_role("button", name="高对比度").get_attribute("aria-pressed") == "true"
        tab.get_by_role("button", name="小", exact=True).click()
        tab.get_by_role("button", name="高对比度").click()
        tab.goto(origin + "/")
        assert tab.evaluate(paragraph) < medium
        assert tab.evaluate("document.documentElement.getAttribute('data-contrast')") is None


# --- the search, laid out alike by both engines -------------------------------------------------

def search_layout(site: Path, browser, width: int) -> dict[str, tuple[float, float]]:
    """Where the search box and its first result stand once the search is opened from the
    header as a reader opens it (the box at 1280 px, the magnifier icon at 390 px)."""
    with opened(site, browser, width) as (tab, origin):
        tab.goto(origin + "/2017/")
        box = tab.locator("input.md-search__input")
        if width < 960:  # the magnifier opens the box, with the cursor in it
            tab.locator("label.md-header__button[for=__search]").click()
            tab.wait_for_function("() => document.activeElement.matches('input.md-search__input')")
            assert tab.evaluate("""(() => { const r = document.querySelector('input.md-search__input')
              .getBoundingClientRect(); return document.elementFromPoint(r.x + r.width / 2,
              r.y + r.height / 2).matches('input.md-search__input') })()""")
            tab.keyboard.type("行政复议")
        else:
            box.click()
            box.fill("行政复议")
        box.press("End")
        first = tab.locator(".md-search-result__item").first
        first.wait_for()
        tab.wait_for_timeout(500)  # the box's opening transition
        return {name: (round(found["x"]), round(found["y"])) for name, found in
                (("box", box.bounding_box()), ("first result", first.bounding_box()))}


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390])
def test_the_search_opens_and_is_laid_out_alike_in_both_engines(sites, browser, width):
    mkdocs, zensical = (search_layout(sites[engine], browser, width) for engine in ENGINES)
    for name in mkdocs:
        assert abs(mkdocs[name][0] - zensical[name][0]) <= 8 and \
            abs(mkdocs[name][1] - zensical[name][1]) <= 8, (name, mkdocs, zensical)
