"""The real site in headless Chromium, used as a reader would."""
import re

from tests.conftest import search_from_home


def heading(page) -> str:
    """The page's H1 as a reader sees it, without the ¶ permalink that shows on hover."""
    return page.locator("h1").inner_text().removesuffix("¶")


def test_home_leads_to_ones_own_unit(page, server):
    page.goto(server + "/")
    assert heading(page) == "巴中市人民政府办公室关于印发巴中市人民政府2017年度法治政府建设工作安排的通知"
    page.get_by_role("link", name="按单位查看任务").click()
    page.wait_for_url(server + "/units/")
    page.locator("article").get_by_role("link", name="市政府法制办", exact=True).click()
    page.wait_for_url(server + "/units/shi-zheng-fu-fa-zhi-ban/")
    assert heading(page) == "市政府法制办"
    assert page.get_by_role("heading", name=re.compile("牵头任务（14 项）")).is_visible()
    page.get_by_role("link", name="加强行政复议应诉工作").click()
    page.wait_for_url(server + "/tasks/jia-qiang-xing-zheng-fu-yi-ying-su-gong-zuo/")


def test_searching_a_phrase_from_a_task_lands_on_that_task(page, server):
    first = search_from_home(page, server, "电子营业执照")
    assert "深化商事制度改革" in first.inner_text().replace("\u200b", "")
    first.locator("a").first.click()
    page.wait_for_url(re.compile(re.escape(server) + r"/tasks/shen-hua-shang-shi-zhi-du-gai-ge/"))
    assert heading(page) == "（四）深化商事制度改革"
    assert "推行电子营业执照和全程电子化登记" in page.locator("article").inner_text()
