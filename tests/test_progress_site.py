"""A site with progress (the fixture plan and tests/fixtures/small_progress/2020.yaml) in Chromium and a
feed reader; and the real site, which has no progress published, saying so."""
import csv
import io
import json
import re
import shutil
import urllib.parse
import urllib.request

import feedparser
import jsonschema
import pytest
import yaml

from generator.build import load_plan
from tests.conftest import FIXTURES, build_site, cards_taller_than_held, serving
from tests.test_pages import AXE

SITE_URL = "https://plan.example.org/2020/"
PLAN_DATA = yaml.safe_load((FIXTURES / "small_plan.yaml").read_text(encoding="utf-8"))
RAW = yaml.safe_load((FIXTURES / "small_progress" / "2020.yaml").read_text(encoding="utf-8"))
PLAN = load_plan(FIXTURES / "small_plan.yaml")
TASKS = {task.numeral: task for task in PLAN.tasks}
UNIT_SLUGS = {unit.name: unit.slug for unit in PLAN.units}


def newest_first(entries):
    """The oracle: by date, and on one date the entry written later first."""
    return [e for _, e in sorted(enumerate(entries), key=lambda p: (p[1]["date"], p[0]), reverse=True)]


EXPECTED = newest_first(RAW)


def history(numeral):
    return [e for e in EXPECTED if e["task"] == numeral]


def units_of(task_data):
    return task_data.get("lead", []) + task_data.get("responsible", [])


RAW_TASKS = [t for s in PLAN_DATA["sections"] for t in s["tasks"]]


def copy_tree(root):
    data = root / "data" / "plan.yaml"
    data.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "small_plan.yaml", data)
    shutil.copy(FIXTURES / "urls.txt", data.with_name("urls.txt"))
    (data.parent / "progress").mkdir()
    shutil.copy(FIXTURES / "small_progress" / "2020.yaml", data.parent / "progress" / "2020.yaml")
    return data


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The same data built twice: without a site address, and with one."""
    root = tmp_path_factory.mktemp("progress")
    data = copy_tree(root)
    result = build_site(data, root / "plain")
    assert result.returncode == 0, result.stderr
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", SITE_URL)
        result = build_site(data, root / "addressed")
    assert result.returncode == 0, result.stderr
    return root / "plain" / "site", root / "addressed" / "site"


@pytest.fixture(scope="module")
def origin(sites):
    with serving(sites[0]) as address:
        yield address


def task_url(numeral):
    return f"/2020/tasks/{TASKS[numeral].slug}/"


def test_task_pages_show_the_status_in_words_and_the_history_newest_first(page, origin):
    for raw_task in RAW_TASKS:
        numeral = raw_task["number"]
        page.goto(origin + task_url(numeral))
        section = page.locator("#progress ~ *").first
        entries = history(numeral)
        if not entries:
            assert section.inner_text() == "本任务尚无进展记录。"
            assert page.locator(".status-badge").count() == 0
            continue
        latest = entries[0]
        assert section.inner_text() == f"当前状态：{latest['status']}（{latest['date']}，{latest['unit']}）"
        assert section.locator(".status-badge").inner_text() == latest["status"]
        items = page.locator(".progress-timeline li")
        assert items.count() == len(entries)
        for i, entry in enumerate(entries):
            item = items.nth(i)
            assert item.is_visible()
            text = item.inner_text()
            assert text.startswith(f"{entry['date']} {entry['status']} {entry['unit']}：{entry['text']}")
            assert item.locator(".status-badge").inner_text() == entry["status"]
            unit_link = item.get_by_role("link", name=entry["unit"], exact=True)
            assert unit_link.get_attribute("href") == f"../../../units/{UNIT_SLUGS[entry['unit']]}/"
            hrefs = [a.get_attribute("href") for a in item.locator("a[rel=external]").all()]
            assert hrefs == entry.get("evidence", [])


def current_cell(numeral) -> str:
    entries = history(numeral)
    return f"{entries[0]['status']} {entries[0]['date']}" if entries else "尚无进展记录"


def test_unit_pages_show_the_status_of_each_of_their_tasks(page, origin):
    for unit in PLAN.units:
        page.goto(f"{origin}/units/{unit.slug}/")
        for role, anchor in (("lead", "#lead"), ("responsible", "#responsible")):
            numerals = [t["number"] for t in RAW_TASKS if unit.name in t.get(role, [])]
            rows = page.locator(f"{anchor} + table tbody tr, {anchor} + div table tbody tr")
            assert rows.count() == len(numerals)
            for i, numeral in enumerate(numerals):
                cells = rows.nth(i).locator("td")
                assert cells.first.inner_text() == f"（{numeral}）"
                assert cells.last.inner_text() == current_cell(numeral)


def chart_rows(page):
    return [[cell.inner_text() for cell in row.locator("th, td").all()[:3]]
            for row in page.locator(".status-chart tbody tr").all()]


def expected_chart(numerals):
    counts = {}
    for numeral in numerals:
        entries = history(numeral)
        status = entries[0]["status"] if entries else "尚无进展记录"
        counts[status] = counts.get(status, 0) + 1
    order = ["未启动", "推进中", "已完成", "滞后", "调整", "尚无进展记录"]
    return [[status, f"{counts[status]} 项", f"{100 * counts[status] / len(numerals):.0f}%"]
            for status in order if status in counts]


def test_home_and_section_pages_chart_the_counts_by_status_with_numbers(page, origin):
    page.goto(origin + "/")
    assert page.locator(".status-chart figcaption").inner_text() == f"全部 {len(RAW_TASKS)} 项任务的当前状态"
    assert chart_rows(page) == expected_chart([t["number"] for t in RAW_TASKS])
    bar = page.locator(".status-chart__bar").first.bounding_box()
    assert bar["width"] > 0 and bar["height"] > 0
    for section in PLAN.sections:
        page.goto(f"{origin}/sections/{section.slug}/")
        assert chart_rows(page) == expected_chart([t.numeral for t in section.tasks])
        statuses = page.locator("#progress").locator("xpath=preceding::table[1]//tbody/tr/td[4]")
        assert statuses.all_inner_texts() == [current_cell(t.numeral) for t in section.tasks]


def test_the_matrix_carries_each_tasks_status(page, origin):
    page.goto(origin + "/matrix/")
    first_cells = page.locator(".plan-matrix tbody tr td:first-child")
    assert [cell.locator(".status-badge").all_inner_texts() for cell in first_cells.all()] == [
        [history(t["number"])[0]["status"]] if history(t["number"]) else [] for t in RAW_TASKS]


def test_a_card_with_a_status_holds_at_least_its_own_height(browser, origin):
    """At 320 px with the largest text, a card's badge and date fit the lines counted for it."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(origin + "/")
    tab.get_by_role("button", name="大", exact=True).click()
    taller, badges = {}, 0
    for path in ["/units/", *(f"/units/{unit.slug}/" for unit in PLAN.units),
                 *(f"/{PLAN.year}/sections/{section.slug}/" for section in PLAN.sections)]:
        tab.goto(origin + path)
        badges += tab.locator(".record-table .status-badge").count()
        taller[path] = cards_taller_than_held(tab)
    context.close()
    assert badges > 0
    assert {path: found for path, found in taller.items() if found} == {}


def test_a_chart_fits_a_phone(browser, origin):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    tab = context.new_page()
    for path in ("/", "/2020/sections/wan-shan-jue-ce-ji-zhi/", task_url("一"), "/units/shi-zheng-fu-fa-zhi-ban/"):
        tab.goto(origin + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 360, path
        # a status's date on one line, never 2020-/03-31
        broken = tab.evaluate("""Array.from(document.querySelectorAll('article time'))
            .filter(t => t.getClientRects().length > 1
                         || t.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(t).fontSize))
            .map(t => t.textContent)""")
        assert broken == [], path
    context.close()


def test_the_chart_reads_without_javascript(browser, origin):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(origin + "/")
    assert chart_rows(tab) == expected_chart([t["number"] for t in RAW_TASKS])
    context.close()


def feed_links(page) -> dict[str, str]:
    links = page.locator('head link[rel~="alternate"][type="application/atom+xml"]')
    return {link.get_attribute("title"): urllib.parse.urljoin(page.url, link.get_attribute("href"))
            for link in links.all()}


def test_pages_link_their_feeds_and_the_feeds_are_there(page, origin):
    page.goto(origin + task_url("一"))
    assert feed_links(page) == {"全部进展": origin + "/feed.xml"}
    for unit in PLAN.units:
        page.goto(f"{origin}/units/{unit.slug}/")
        links = feed_links(page)
        assert links == {"全部进展": origin + "/feed.xml",
                         f"{unit.name}：任务进展": f"{origin}/units/{unit.slug}/feed.xml"}
        visible = page.get_by_role("link", name="订阅本单位任务的进展")
        assert urllib.parse.urljoin(page.url, visible.get_attribute("href")) == links[f"{unit.name}：任务进展"]
        for address in links.values():
            assert page.request.get(address).status == 200


def parse(url):
    feed = feedparser.parse(url)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def unit_entries(unit_name):
    numerals = {t["number"] for t in RAW_TASKS if unit_name in units_of(t)}
    return [e for e in EXPECTED if e["task"] in numerals]


def check_feed(feed, expected, origin_or_site):
    assert [(e.updated[:10], e.author, e.summary) for e in feed.entries] == \
        [(str(x["date"]), x["unit"], x["text"]) for x in expected]
    assert [e.updated_parsed for e in feed.entries] == sorted(
        (e.updated_parsed for e in feed.entries), reverse=True)
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    for entry, raw in zip(feed.entries, expected):
        assert entry.link == origin_or_site + task_url(raw["task"]).lstrip("/")
        assert [tag.term for tag in entry.tags] == [raw["status"]]
        assert [l.href for l in entry.links if l.rel == "related"] == raw.get("evidence", [])


def test_feeds_are_valid_atom_newest_first_with_resolving_links(origin):
    site = parse(origin + "/feed.xml")
    check_feed(site, EXPECTED, origin + "/")
    for entry in site.entries:
        with urllib.request.urlopen(entry.link) as response:
            assert response.status == 200
    for unit in PLAN.units:
        feed = parse(f"{origin}/units/{unit.slug}/feed.xml")
        check_feed(feed, unit_entries(unit.name), origin + "/")
        assert feed.feed.link == f"{origin}/units/{unit.slug}/"


def test_entry_ids_stay_the_same_from_build_to_build_and_host_to_host(sites, origin):
    addressed = feedparser.parse((sites[1] / "feed.xml").read_bytes())
    assert addressed.bozo == 0
    plain = parse(origin + "/feed.xml")
    assert [e.id for e in addressed.entries] == [e.id for e in plain.entries]
    assert all(e.id.startswith("urn:uuid:") for e in plain.entries)
    check_feed(addressed, EXPECTED, SITE_URL)
    for unit in PLAN.units:
        text = (sites[1] / "units" / unit.slug / "feed.xml").read_bytes()
        feed = feedparser.parse(text)
        assert feed.bozo == 0
        assert [l.href for l in feed.feed.links if l.rel == "self"] == \
            [f"{SITE_URL}units/{unit.slug}/feed.xml"]
        assert [e.id for e in feed.entries] == [e.id for e in parse(
            f"{origin}/units/{unit.slug}/feed.xml").entries]


def json_ld(html: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_the_plan_and_its_tasks_as_schema_org_legislation(sites):
    for site, base in ((sites[0], "https://reader.example/"), (sites[1], SITE_URL)):
        home = json_ld((site / "2020" / "index.html").read_text(encoding="utf-8"))
        document = PLAN_DATA["document"]
        assert {key: home[key] for key in ("@type", "name", "legislationIdentifier",
                                           "legislationDate", "inLanguage")} == {
            "@type": "Legislation", "name": document["title"],
            "legislationIdentifier": document["number"], "legislationDate": "2020-01-02",
            "inLanguage": "zh-CN"}
        assert home["legislationPassedBy"] == {"@type": "GovernmentOrganization",
                                               "name": document["issuer"]}
        plan_id = urllib.parse.urljoin(base + "2020/", home["@id"])
        assert plan_id == base + "2020/#legislation"
        # the home page shows the newest plan: the same notice, the same tasks
        assert json_ld((site / "index.html").read_text(encoding="utf-8"))["@id"] in (
            plan_id, "2020/#legislation")
        assert [urllib.parse.urljoin(base + "2020/", part["@id"]) for part in home["hasPart"]] == \
            [base + task_url(t["number"]).lstrip("/") for t in RAW_TASKS]
        for raw_task in RAW_TASKS:
            url = base + task_url(raw_task["number"]).lstrip("/")
            html = (site / task_url(raw_task["number"]).strip("/") / "index.html").read_text(encoding="utf-8")
            task = json_ld(html)
            assert urllib.parse.urljoin(url, task["@id"]) == url
            assert task["name"] == f"（{raw_task['number']}）{raw_task['title']}"
            assert urllib.parse.urljoin(url, task["isPartOf"]["@id"]) == plan_id
            assert task["isPartOf"]["legislationIdentifier"] == document["number"]


def test_progress_in_the_open_data(sites):
    raw = (sites[0] / "downloads" / "progress.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    chronological = list(reversed(EXPECTED))
    assert [(r["日期"], r["任务编号"], r["状态"], r["单位"], r["进展"], r["依据"]) for r in rows] == [
        (str(e["date"]), f"（{e['task']}）", e["status"], e["unit"], e["text"],
         " ".join(e.get("evidence", []))) for e in chronological]
    assert rows[0]["year"] == "2020"  # the CSV files of every year have a column year
    own = (sites[0] / "2020" / "downloads" / "progress.csv").read_text(encoding="utf-8-sig")
    assert own.splitlines()[1:] == [line.removeprefix("2020,") for line in raw.decode(
        "utf-8-sig").splitlines()[1:]]
    data = json.loads((sites[0] / "2020" / "downloads" / "plan.json").read_text(encoding="utf-8"))
    schema = json.loads((sites[0] / "2020" / "downloads" / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert [(p["date"], p["task"], p["unit"], p["evidence"]) for p in data["progress"]] == [
        (str(e["date"]), TASKS[e["task"]].number, e["unit"], e.get("evidence", []))
        for e in chronological]
    data["progress"][0]["status"] = "进行中"
    with pytest.raises(jsonschema.ValidationError, match="'进行中' is not one of"):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("path", ["/", task_url("一"), "/units/shi-cai-zheng-ju/",
                                  "/2020/sections/wan-shan-jue-ce-ji-zhi/"])
def test_axe_finds_no_serious_problem_on_pages_with_progress(page, origin, path):
    page.goto(origin + path)
    # evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts
    page.evaluate(AXE.read_text(encoding="utf-8") + "; undefined")
    violations = page.evaluate("""axe.run().then(result => result.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))""")
    assert violations == []


# --- the real site: no progress has been published ----------------------------------------

def test_the_real_site_says_no_progress_is_published_and_draws_nothing(real_site, page, server):
    for html_file in real_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "status-chart" not in html and "status-badge" not in html, html_file
    page.goto(server + "/")
    assert page.locator("#progress + p").inner_text().startswith("尚未发布进展情况。")
    page.goto(server + "/tasks/jia-qiang-xing-zheng-fu-yi-ying-su-gong-zuo/")
    assert page.locator("#progress + p").inner_text() == "尚未发布进展情况。"
    page.goto(server + "/units/shi-zheng-fu-fa-zhi-ban/")
    assert page.get_by_text("尚未发布进展情况。", exact=True).is_visible()
    assert "当前状态" not in page.locator("article").inner_text()


def test_the_real_feeds_are_valid_and_empty(real_site, server):
    feed = parse(server + "/feed.xml")
    assert feed.entries == [] and feed.feed.title == "巴中市人民政府2017年度法治政府建设工作安排：进展情况"
    feed = parse(server + "/units/shi-zheng-fu-fa-zhi-ban/feed.xml")
    assert feed.entries == []
    data = json.loads((real_site / "2017" / "downloads" / "plan.json").read_text(encoding="utf-8"))
    assert data["progress"] == []


def test_the_real_plan_page_carries_the_notices_metadata(real_site):
    home = json_ld((real_site / "index.html").read_text(encoding="utf-8"))
    assert (home["legislationIdentifier"], home["legislationDate"],
            home["legislationPassedBy"]["name"]) == ("巴府办发〔2017〕45号", "2017-06-01",
                                                     "巴中市人民政府办公室")
    assert len(home["hasPart"]) == 22
