"""Every year's plan on one site: a second year imported from a made-up notice (a test fixture,
never real data) beside the real 2017 plan, unit pages across years, successors, and the errors of
plans kept by year."""
import csv
import html
import io
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from generator.__main__ import main
from tests.conftest import FIXTURES, ROOT, build_site, search_from_home, serving

NOTICE = FIXTURES / "notice_2018" / "notice.txt"
# A successor declared for the tests only, in a temporary copy of the data: never in data/.
TEST_SOURCE = "https://example.org/test-fixture/successor"


def copy_data(root):
    data = root / "data"
    (data / "plans").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "plans" / "2017.yaml", data / "plans" / "2017.yaml")
    shutil.copy(ROOT / "data" / "urls.txt", data / "urls.txt")
    return data


def generator(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT,
                          capture_output=True, text=True)


def declare_successor(plan_file, unit: str, successor: str) -> None:
    text = plan_file.read_text(encoding="utf-8")
    entry = re.search(rf'^  - name: "?{re.escape(unit)}"?\n', text, re.M)
    plan_file.write_text(text[:entry.end()] + f'    successor: {{name: "{successor}", '
                         f'date: "2018-12-30", source: "{TEST_SOURCE}"}}\n' + text[entry.end():],
                         encoding="utf-8")


def reviewed(plan_file) -> None:
    """What the maintainer does once the draft is reviewed: delete its draft marker."""
    text = plan_file.read_text(encoding="utf-8")
    assert "\ndraft: true\n" in text
    plan_file.write_text(text.replace("\ndraft: true\n", "\n", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    """The real data and a 2018 plan imported from the fixture notice, published with `make
    urls`, built as `make site` builds: the commands README gives for adding a year."""
    root = tmp_path_factory.mktemp("years")
    data = copy_data(root)
    imported = generator("import", str(NOTICE), "-o", str(data / "plans" / "2018.yaml"))
    assert imported.returncode == 0, imported.stderr
    reviewed(data / "plans" / "2018.yaml")
    declare_successor(data / "plans" / "2018.yaml", "市政府法制办", "市司法局")
    published = generator("urls", "--data", str(data))
    assert published.returncode == 0, published.stderr
    return root, data


@pytest.fixture(scope="module")
def two_year_site(two_years):
    root, data = two_years
    result = build_site(data, root)
    assert result.returncode == 0, result.stderr
    return root


def html_of(site, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def h1(page: str) -> str:
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    return re.sub(r"<[^>]+>", "", re.sub(r'<a class="headerlink".*?</a>', "", heading)).strip()


def text_of(page: str) -> str:
    """The text of the page's article, without the nav."""
    article = re.search(r"<article[^>]*>(.*?)</article>", page, re.S).group(1)
    return re.sub(r"<[^>]+>", "", article)


@pytest.mark.slow
def test_make_urls_publishes_the_second_year_and_keeps_every_old_url(two_years):
    _, data = two_years
    ledger = (data / "urls.txt").read_text(encoding="utf-8")
    today = (ROOT / "data" / "urls.txt").read_text(encoding="utf-8")
    for line in today.splitlines():  # every line of the real ledger stays as it was
        assert line in ledger.splitlines()
    tasks = yaml.safe_load((data / "plans" / "2018.yaml").read_text(encoding="utf-8"))["sections"]
    assert "/2018/ the plan of 2018" in ledger
    assert ledger.count("\n/2018/tasks/") == sum(len(section["tasks"]) for section in tasks) == 3
    assert "\n/units/shi-ce-shi-jian-du-guan-li-ju/ unit 市测试监督管理局\n" in ledger


@pytest.mark.slow
def test_each_year_under_its_own_folder_and_the_home_page_newest_first(two_year_site):
    site = two_year_site / "site"
    home = text_of(html_of(site, "/"))
    assert h1(html_of(site, "/2018/")).startswith("某市人民政府办公室关于印发某市2018年度")
    assert h1(html_of(site, "/2017/")) == "巴中市人民政府办公室关于印发巴中市人民政府2017年度法治政府建设工作安排的通知"
    assert h1(html_of(site, "/")) == "某市法治政府建设工作安排（测试用虚构文本）"  # the site's name
    assert home.index("2018年：") < home.index("2017年：")
    assert 'href="2018/"' in html_of(site, "/") and 'href="2017/"' in html_of(site, "/")
    assert h1(html_of(site, "/2018/tasks/ce-shi-ren-wu-jia-yi/")) == "（一）测试任务甲一"
    assert h1(html_of(site, "/2017/tasks/gui-fan-xing-zheng-quan-li-yun-xing/")) == "（一）规范行政权力运行"
    # each plan has its own matrix, listing its own tasks only
    matrix_2018 = text_of(html_of(site, "/2018/matrix/"))
    assert "测试任务甲一" in matrix_2018 and "规范行政权力运行" not in matrix_2018


@pytest.mark.slow
def test_the_site_keeps_one_name_whichever_plan_is_newest(two_years, two_year_site):
    """Without settings naming it (data/site.yaml), the site is named after the newest plan
    without its year, in every page's header, window title and description: nothing in
    mkdocs.yml is left to edit, and no page of the 2017 plan is headed by 2018's."""
    newest = yaml.safe_load((two_years[1] / "plans" / "2018.yaml").read_text(encoding="utf-8"))
    title, number = newest["plan"]["title"], newest["document"]["number"]
    assert title.startswith("某市2018年度")
    name = title.replace("2018年度", "")
    for url in ("/", "/2017/", "/units/shi-zheng-fu-fa-zhi-ban/"):
        page = html_of(two_year_site / "site", url)
        window = re.search(r"<title>(.*?)</title>", page).group(1)
        assert window == name if url == "/" else window.endswith(f" - {name}"), url
        assert f'<span class="md-ellipsis">\n            {name}\n' in page, url
        assert "2018年度" not in re.search(r'<header.*?</header>', page, re.S).group(), url
    assert f'<meta name="description" content="{number}《{title}》、' in html_of(two_year_site / "site", "/units/")


@pytest.mark.slow
def test_a_unit_page_lists_every_year_newest_first_with_anchors(two_year_site):
    site = two_year_site / "site"
    page = html_of(site, "/units/shi-zheng-fu-fa-zhi-ban/")
    assert page.index('id="2018"') < page.index('id="2017"')
    year_2018 = page[page.index('id="2018"'):page.index('id="2017"')]
    year_2017 = page[page.index('id="2017"'):]
    assert "../../2018/tasks/ce-shi-ren-wu-jia-yi/" in year_2018
    assert "../../2018/tasks/ce-shi-ren-wu-yi-yi/" in year_2018  # responsible in 2018
    assert "../../2017/tasks/gui-fan-xing-zheng-quan-li-yun-xing/" not in year_2018
    assert "../../2017/tasks/jin-yi-bu-wan-shan-jue-ce-cheng-xu/" in year_2017
    # a unit of one year only has one section
    only = html_of(site, "/units/shi-ce-shi-jian-du-guan-li-ju/")
    assert 'id="2018"' in only and 'id="2017"' not in only


@pytest.mark.slow
def test_a_successor_and_its_predecessor_link_each_other(two_year_site):
    site = two_year_site / "site"
    old, new = (html.unescape(html_of(site, url)) for url in ("/units/shi-zheng-fu-fa-zhi-ban/",
                                                              "/units/shi-si-fa-ju/"))
    assert re.search(r'本单位的职责已由<a href="../shi-si-fa-ju/">市司法局</a>承接（2018-12-30，'
                     rf'<a href="{re.escape(TEST_SOURCE)}" rel="external">依据（example.org）</a>）', old)
    assert re.search(r'<a href="../shi-zheng-fu-fa-zhi-ban/">市政府法制办</a>的职责已由本单位承接', new)
    rows = {h1_cell: row for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html_of(site, "/units/"), re.S)
            for h1_cell in re.findall(r">([^<>]+)</a></td>", row)[:1]}
    def cells(row: str) -> list[str]:
        return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
    assert cells(rows["市政府法制办"]) == ["市政府法制办", "2018、2017", "15", "1", "已由市司法局承接"]
    assert cells(rows["市司法局"])[-1] == "现有"


@pytest.mark.slow
def test_site_wide_csv_has_a_year_column_and_each_year_its_own_downloads(two_year_site):
    site = two_year_site / "site"
    rows = list(csv.reader(io.StringIO((site / "downloads" / "tasks.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "year"
    years = [row[0] for row in rows[1:]]
    assert years == ["2018"] * 3 + ["2017"] * 22
    for year, tasks in (("2017", 22), ("2018", 3)):
        own = list(csv.reader(io.StringIO(
            (site / year / "downloads" / "tasks.csv").read_text(encoding="utf-8-sig"))))
        assert len(own) == tasks + 1 and own[0][0] == "序号"
        assert (site / year / "downloads" / "plan.json").is_file()


@pytest.mark.slow
def test_the_nav_shows_the_years_newest_first(two_year_site):
    config = yaml.safe_load((two_year_site / "mkdocs.yml").read_text(encoding="utf-8"))
    groups = [next(iter(entry)) for entry in config["nav"] if isinstance(entry, dict)]
    assert groups == ["首页", "2018年", "2017年", "单位"]
    year = next(entry["2018年"] for entry in config["nav"] if "2018年" in entry)
    assert year[0] == "2018/index.md"


def plans_folder(tmp_path, files: dict[str, str]):
    data = tmp_path / "data"
    (data / "plans").mkdir(parents=True)
    for name, text in files.items():
        (data / "plans" / name).write_text(text, encoding="utf-8")
    return data


SMALL = (FIXTURES / "small_plan.yaml").read_text(encoding="utf-8")  # 某府办发〔2020〕1号


def number_line(text: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith("  number:"))


def run(capsys, data, tmp_path) -> tuple[int, list[str]]:
    docs = tmp_path / "docs"
    code = main(["--data", str(data), "--docs", str(docs)])
    assert not docs.exists() or not any(docs.iterdir())  # nothing written
    return code, capsys.readouterr().err.splitlines()


def refused(tmp_path, error: str) -> tuple[int, list[str]]:
    """What the generator answers data with one error: status 1, the error, and the summary."""
    return 1, [error, f"1 error(s), 0 warning(s); {tmp_path / 'docs'}/ was not changed"]


def test_a_file_name_that_is_not_a_year(tmp_path, capsys):
    data = plans_folder(tmp_path, {"draft.yaml": SMALL})
    assert run(capsys, data, tmp_path) == refused(tmp_path,
        f"{data}/plans/draft.yaml:1:1: error: the file name 'draft' is not a year; name a plan's "
        "file after its year, such as 2018.yaml")


def test_a_file_named_for_another_year_than_its_document(tmp_path, capsys):
    data = plans_folder(tmp_path, {"2021.yaml": SMALL})
    assert run(capsys, data, tmp_path) == refused(tmp_path,
        f"{data}/plans/2021.yaml:{number_line(SMALL)}:11: error: the document is of 2020 (发文字号 "
        "某府办发〔2020〕1号, title 某市人民政府办公室关于印发某市工作安排的通知), but the file is "
        "named for 2021; name it 2020.yaml")


def test_a_title_of_another_year_than_the_document_number(tmp_path, capsys):
    text = SMALL.replace("title: 某市人民政府办公室关于印发某市工作安排的通知",
                         "title: 某市人民政府办公室关于印发某市2019年工作安排的通知")
    data = plans_folder(tmp_path, {"2020.yaml": text})
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "2019年" in row)
    assert run(capsys, data, tmp_path) == refused(tmp_path,
        f"{data}/plans/2020.yaml:{line}:10: error: the title names 2019, but the 发文字号 "
        "某府办发〔2020〕1号 is of 2020; a plan has one year")


def test_two_plans_claiming_one_year(tmp_path, capsys):
    data = plans_folder(tmp_path, {"2020.yaml": SMALL, "2020.yml": SMALL})
    assert run(capsys, data, tmp_path) == refused(tmp_path,
        f"{data}/plans/2020.yml:1:1: error: a second plan for 2020 (the first is "
        f"{data}/plans/2020.yaml); a year has one plan")


def successor_line(text: str, unit: str) -> int:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- name: {unit}")
    return next(i for i in range(start, len(lines)) if "successor:" in lines[i]) + 1


def test_an_unknown_successor(tmp_path, capsys):
    data = plans_folder(tmp_path, {"2020.yaml": SMALL})
    declare_successor(data / "plans" / "2020.yaml", "市政府法制办", "市司法厅")
    text = (data / "plans" / "2020.yaml").read_text(encoding="utf-8")
    line = successor_line(text, "市政府法制办")
    assert run(capsys, data, tmp_path) == refused(tmp_path,
        f"{data}/plans/2020.yaml:{line}:23: error: unit '市政府法制办': successor '市司法厅' is "
        "not a unit of any plan (did you mean '市司法局'?)")


def test_successors_forming_a_cycle(tmp_path, capsys):
    data = plans_folder(tmp_path, {"2020.yaml": SMALL})
    declare_successor(data / "plans" / "2020.yaml", "市政府法制办", "市司法局")
    declare_successor(data / "plans" / "2020.yaml", "市司法局", "市政府法制办")
    text = (data / "plans" / "2020.yaml").read_text(encoding="utf-8")
    assert run(capsys, data, tmp_path) == refused(tmp_path,
        f"{data}/plans/2020.yaml:{successor_line(text, '市司法局')}:23: error: unit '市司法局': its "
        "successors form a cycle: 市司法局 → 市政府法制办 → 市司法局; a unit cannot succeed itself")


@pytest.mark.slow
def test_search_results_name_the_year(two_year_site, page):
    """The same words may stand in several years' plans: each result says which year."""
    with serving(two_year_site / "site") as origin:
        first = search_from_home(page, origin, "测试任务甲一")
        assert first.locator("h1").inner_text() == "（一）测试任务甲一（2018年）"
        first = search_from_home(page, origin, "规范行政权力运行")
        assert first.locator("h1").inner_text() == "（一）规范行政权力运行（2017年）"
        # a unit's page is of every year, and names none
        first = search_from_home(page, origin, "市测试监督管理局")
        assert first.locator("h1").inner_text() == "市测试监督管理局"


@pytest.mark.slow
def test_every_page_of_the_past_plan_says_so_and_links_the_newest(two_year_site):
    """As GOV.UK marks the pages of a past government: every page of the 2017 plan says at its
    top that a newer plan exists, and links to it; no other page does."""
    site = two_year_site / "site"
    marked, unmarked = [], []
    for page in sorted(site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if "<title>页面已移至新地址</title>" in html:
            continue
        url = "/" + page.relative_to(site).parent.as_posix() + "/"
        notice = re.search(r'<div class="past-plan" role="note"[^>]*>(.*?)</div>', html, re.S)
        (marked if notice else unmarked).append(url)
        if notice:
            text = re.sub(r"<[^>]+>", "", notice.group(1))
            assert text.strip() == "本页属于2017年度工作安排，不是最新的年度工作安排。最新的是2018年工作安排。", url
            link = re.search(r'href="([^"]+)"', notice.group(1)).group(1)
            assert (page.parent / link / "index.html").resolve() == (site / "2018" / "index.html").resolve(), url
            # first in the article, before the heading
            assert html.index('class="past-plan"') < html.index("<h1"), url
    assert marked and all(url.startswith("/2017/") for url in marked)
    assert all(not url.startswith("/2017/") for url in unmarked)


@pytest.mark.slow
def test_the_two_year_site_shows_no_english(two_year_site):
    from tests.test_gov_site import english

    assert english(two_year_site / "site") == {}
