"""Search finds what a Chinese reader types: names, short forms, pinyin, phrases, the number."""
import pytest

from generator.build import load_plan
from generator.search import document_keywords, query_forms, unit_keywords
from tests import search_eval
from tests.conftest import ROOT, search_from_home


@pytest.fixture(scope="module")
def results(browser, server):
    page = browser.new_page()
    try:
        yield search_eval.run(page, server, search_eval.load_queries())
    finally:
        page.close()


def test_the_query_set_is_large_and_covers_every_unit():
    queries = search_eval.load_queries()
    plan = load_plan(ROOT / "data")
    assert len(queries) >= 60
    assert {q.text for q in queries if q.kind == "unit"} == {unit.name for unit in plan.units}
    assert {q.kind for q in queries} >= {"unit", "alias", "pinyin", "task", "number"}


def test_unit_names_find_their_page_first(results):
    misses = [r for r in results if r.query.kind == "unit" and r.rank != 1]
    assert misses == []


def test_hit_at_3_is_at_least_95_percent(results, real_site):
    print("\n" + search_eval.report(results, real_site))
    assert search_eval.hit_rate(results, 3) >= 0.95, [r for r in results if not r.rank or r.rank > 3]


def test_the_document_number_finds_the_home_page_however_it_is_typed(results):
    numbers = [r for r in results if r.query.kind == "number"]
    assert {r.query.text for r in numbers} >= {"巴府办发〔2017〕45号", "巴府办发[2017]45号", "45号"}
    assert [r.rank for r in numbers] == [1] * len(numbers)


def test_the_words_typed_are_highlighted_on_the_opened_page(page, server):
    search_from_home(page, server, "行政复议").locator("a").first.click()
    page.wait_for_url(server + "/2017/tasks/jia-qiang-xing-zheng-fu-yi-ying-su-gong-zuo/?h=*")
    marks = page.locator("article mark")
    marks.first.wait_for()
    assert set(marks.all_inner_texts()) == {"行政复议"}
    assert marks.count() == page.locator("article").inner_text().count("行政复议") >= 3


def test_the_search_index_stays_smaller_than_the_text_it_indexes(real_site):
    index, text = search_eval.sizes(real_site)
    assert index < text


@pytest.mark.parametrize("keyword, forms", [
    ("市监察局", ["市监察", "市监察"]),
    ("各县（区）人民政府", ["人民政", "各（区）人民政"]),
    ("巴府办发〔2017〕45号", ["巴府办", "巴府办〔2017〕45号"]),
    ("编办", []),  # a one-character form would match every query holding that character
    ("fazhiban", ["fazhiban"]),
])
def test_query_forms_follow_materials_segmentation(keyword, forms):
    assert query_forms(keyword) == forms


def test_unit_keywords_hold_names_short_forms_and_pinyin():
    plan = load_plan(ROOT / "data")
    legal = next(unit for unit in plan.units if unit.name == "市政府法制办")
    assert unit_keywords(legal)[:8] == ["市政府法制办", "法制办", "市法制办", "shizhengfufazhiban",
                                       "szffzb", "fazhiban", "fzb", "shifazhiban"]
    assert document_keywords(plan.document)[:4] == [
        "巴府办发〔2017〕45号", "巴府办发[2017]45号", "巴府办发［2017］45号", "巴府办发(2017)45号"]
