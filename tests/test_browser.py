"""The real site in headless Chromium, used as a reader would."""
import re

from generator.site.ledger import read
from tests.conftest import ROOT, search_from_home

TITLE = "巴中市人民政府办公室关于印发巴中市人民政府2017年度法治政府建设工作安排的通知"
# The heading of a page that shows the whole plan or site, by the ledger's label of its record;
# a section, task or unit page is headed by its record's name, which follows the label's first word.
SITE_NAME = "巴中市人民政府法治政府建设工作安排"  # data/site.yaml
HEADINGS = {"the home page": SITE_NAME, "the plan of 2017": TITLE, "the unit directory": "单位目录",
            "the responsibility matrix": "责任矩阵", "the responsibility matrix of 2017": "责任矩阵"}


def heading(page) -> str:
    """The page's H1 as a reader sees it, without the ¶ permalink that shows on hover."""
    return page.locator("h1").inner_text().removesuffix("¶")


def test_home_leads_to_ones_own_unit(page, server):
    page.goto(server + "/")
    assert heading(page) == SITE_NAME
    page.get_by_role("link", name="按单位查看任务").click()
    page.wait_for_url(server + "/units/")
    page.locator("article").get_by_role("link", name="市政府法制办", exact=True).click()
    page.wait_for_url(server + "/units/shi-zheng-fu-fa-zhi-ban/")
    assert heading(page) == "市政府法制办"
    assert page.get_by_role("heading", name=re.compile("牵头任务（14 项）")).is_visible()
    page.get_by_role("link", name="加强行政复议应诉工作").click()
    page.wait_for_url(server + "/2017/tasks/jia-qiang-xing-zheng-fu-yi-ying-su-gong-zuo/")


def test_searching_a_phrase_from_a_task_lands_on_that_task(page, server):
    first = search_from_home(page, server, "电子营业执照")
    assert "深化商事制度改革" in first.inner_text().replace("\u200b", "")
    first.locator("a").first.click()
    page.wait_for_url(re.compile(re.escape(server) + r"/2017/tasks/shen-hua-shang-shi-zhi-du-gai-ge/"))
    assert heading(page) == "（四）深化商事制度改革"
    assert "推行电子营业执照和全程电子化登记" in page.locator("article").inner_text()


def test_every_url_of_the_ledger_opens_its_records_page(page, server):
    """Every URL ever published, the moved ones included, reaches in Chromium a page headed by
    the record the ledger lists it with; a moved one lands on the URL its line names."""
    entries = read(ROOT / "data" / "urls.txt")
    moved = [entry for entry in entries if entry.moved_to]
    # of the 48 URLs of the one-plan layout, the 28 of the plan's pages moved under /2017/; the
    # home page, the unit directory and the 18 units stayed
    assert len(moved) == 28 and all(entry.moved_to == "/2017" + entry.url for entry in moved)
    for entry in entries:
        page.goto(server + entry.url)
        page.wait_for_url(server + (entry.moved_to or entry.url))
        expected = HEADINGS.get(entry.label) or entry.label.partition(" ")[2]
        assert heading(page) == expected, entry
