"""The pages as people use them: matrix, citations, printing, accessibility, keyboard, phones."""
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.build import load_plan
from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "/",
    "plan": "/2017/",
    "section": "/2017/sections/jia-qiang-jian-du-guan-li-qie-shi-gui-fan-xing-zheng-zhi-fa-xing-wei/",
    "task": "/2017/tasks/jia-qiang-xing-zheng-fu-yi-ying-su-gong-zuo/",
    "unit": "/units/shi-zheng-fu-fa-zhi-ban/",
    "collective unit": "/units/ge-xian-qu-ren-min-zheng-fu/",
    "directory": "/units/",
    "matrix": "/2017/matrix/",
}


@pytest.fixture(scope="module")
def plan():
    return load_plan(ROOT / "data")


def pdf_text(path: Path) -> str:
    """The text of a printed PDF, with the radical code points its CJK font maps some glyphs to
    (⼈ for 人, ⺠ for 民) folded back to the characters, and without the layout's spacing."""
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    text = "".join(unicodedata.normalize("NFKC", char) if "\u2f00" <= char <= "\u2fdf" else char
                   for char in text)
    return re.sub(r"\s+", "", text.replace("⺠", "民"))


def test_matrix_marks_every_lead_and_named_responsible_unit(page, server, plan):
    page.goto(server + "/2017/matrix/")
    rows = page.locator(".plan-matrix tbody tr")
    assert rows.count() == 22
    named = [unit for unit in plan.units_by_pinyin(collective=False)]
    header = page.locator(".plan-matrix thead th").all_inner_texts()
    assert header == ["任务"] + [unit.name for unit in named]
    expected = {(task.label + task.title, unit.name, mark)
                for task in plan.tasks
                for mark, units in (("●", task.lead_units), ("○", task.responsible_units))
                for unit in units if not unit.collective}
    found = set()
    for row in rows.all():
        cells = row.locator("td")
        task = cells.nth(0).inner_text()
        for column, unit in enumerate(named, start=1):
            link = cells.nth(column).locator("a")
            if link.count():
                mark = link.inner_text()[0]
                found.add((task, unit.name, mark))
                anchor = "#lead" if mark == "●" else "#responsible"
                assert link.get_attribute("href") == f"../../units/{unit.slug}/{anchor}"
    assert found == expected
    assert ("（十五）加强对行政执法人员的管理", "市人力资源社会保障局", "○") in found


def test_matrix_scrolls_sideways_on_a_phone_with_the_task_column_in_view(browser, server):
    phone = browser.new_page(viewport={"width": 375, "height": 812})
    try:
        phone.goto(server + "/matrix/")
        wrapper = phone.locator(".plan-matrix")
        cells = phone.locator(".plan-matrix tbody tr").first.locator("td")
        task, mark = cells.first, cells.nth(5)
        mark_before = mark.bounding_box()["x"]
        overflow = wrapper.evaluate("w => w.scrollWidth - w.clientWidth")
        assert overflow > 200  # the table is wider than the phone, and scrolls instead of shrinking
        wrapper.evaluate("w => { w.scrollLeft = w.scrollWidth }")
        assert wrapper.evaluate("w => w.scrollLeft") == pytest.approx(overflow, abs=1)
        assert mark.bounding_box()["x"] == pytest.approx(mark_before - overflow, abs=1)
        box = task.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= 375  # still wholly in view
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        phone.close()


# Where each unit's name and each mark are drawn: the centre of every column label, and for
# every mark its column and the centre of its glyph, in pixels.
MATRIX_GEOMETRY = """() => {
    const table = document.querySelector(".plan-matrix table")
    const centre = element => { const r = element.getBoundingClientRect(); return r.left + r.width / 2 }
    const labels = [...table.querySelectorAll("thead th")].slice(1).map(th => th.querySelector("a"))
    const marks = []
    table.querySelectorAll("tbody tr").forEach(row => [...row.cells].slice(1).forEach((cell, i) => {
        const link = cell.querySelector("a")
        if (link) marks.push([i, centre(link)])
    }))
    const box = document.querySelector(".plan-matrix")
    return {labels: labels.map(centre), marks: marks,
            fontSizes: [...table.querySelectorAll("th a, td:first-child a")].map(
                a => parseFloat(getComputedStyle(a).fontSize)),
            scrolls: box.scrollWidth > box.clientWidth,
            pageWidth: document.documentElement.scrollWidth}
}"""


def test_matrix_fits_a_desktop_window_with_each_mark_under_its_unit(browser, server, plan):
    desktop = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        desktop.goto(server + "/matrix/")
        seen = desktop.evaluate(MATRIX_GEOMETRY)
    finally:
        desktop.close()
    assert seen["pageWidth"] <= 1280 and not seen["scrolls"]
    named = [unit for unit in plan.units if not unit.collective]
    assert len(seen["labels"]) == len(named)
    marks = sum(len(task.lead_units) + len([u for u in task.responsible_units if not u.collective])
                for task in plan.tasks)
    assert len(seen["marks"]) == marks
    for column, x in seen["marks"]:
        assert abs(x - seen["labels"][column]) <= 4
    assert min(seen["fontSizes"]) >= 12  # task and unit labels readable


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_page_scrolls_sideways_on_a_phone(browser, server, kind):
    phone = browser.new_page(viewport={"width": 375, "height": 812})
    try:
        phone.goto(server + PAGES[kind])
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        phone.close()


def test_a_task_citation_is_copied_in_one_click(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(server + PAGES["task"])
        citation = ("《巴中市人民政府办公室关于印发巴中市人民政府2017年度法治政府建设工作安排的通知》"
                    "（巴府办发〔2017〕45号，2017年6月1日）任务（十七）加强行政复议应诉工作")
        assert page.locator(".plan-citation code").inner_text().strip() == citation
        page.locator(".plan-citation").hover()
        page.locator(".plan-citation button[data-md-type=copy]").click()
        assert page.evaluate("navigator.clipboard.readText()").strip() == citation
    finally:
        context.close()


def test_a_unit_page_prints_as_a_clean_a4_list(page, server, tmp_path, plan):
    page.goto(server + PAGES["unit"])
    pdf = tmp_path / "unit.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert len(PdfReader(pdf).pages) == 2
    text = pdf_text(pdf)
    assert text.startswith("市政府法制办又称：法制办、市法制办")
    assert "巴府办发〔2017〕45号，2017年6月1日" in text
    assert "牵头任务（14项）" in text and "责任任务（0项）" in text
    legal = next(unit for unit in plan.units if unit.name == "市政府法制办")
    for task in plan.tasks_led_by(legal):
        assert task.label + task.title[:6] in text
    for chrome in ("搜索", "跳转至", "首页", "上一页", "下一页"):
        assert chrome not in text


# Rules that matter at any impact: every landmark told apart, all content inside one, and every
# box that scrolls reachable from the keyboard.
ALWAYS = ("landmark-unique", "region", "scrollable-region-focusable")


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)])
@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_no_serious_or_critical_violation(browser, server, kind, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(server + PAGES[kind])
        # evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts
        page.evaluate(AXE.read_text(encoding="utf-8") + "; undefined")
        violations = page.evaluate("""always => axe.run({runOnly: {type: 'tag', values:
                ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
            .then(result => result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical' || always.includes(v.id))
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))""", list(ALWAYS))
    finally:
        page.close()
    assert violations == []


def test_search_and_nav_are_reached_by_keyboard(page, server):
    page.goto(server + PAGES["task"])
    reached = []
    for _ in range(8):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.className + ' ' + "
                                     "document.activeElement.textContent.trim()"))
        if reached[-1].startswith("md-search__input"):
            break
    assert reached[-1].startswith("md-search__input"), reached
    page.keyboard.type("持证上岗")
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(server + "/2017/tasks/jia-qiang-dui-xing-zheng-zhi-fa-ren-yuan-de-guan-li/*")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-nav__link')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('md-nav__link')")
