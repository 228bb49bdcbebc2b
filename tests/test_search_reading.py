"""How the search box reads a query: the lexicon made from a site, and the reading module
(overrides/assets/javascripts/search-reading.js) run in Node on it, without a browser."""
import html
import json
import subprocess

import pytest
import yaml

from generator.build import load_plan
from generator.finish import search_lexicon
from tests.conftest import ROOT
from tests.search_queries import short_forms

READING = ROOT / "overrides" / "assets" / "javascripts" / "search-reading.js"


def site_of(folder, title: str, texts: list[str]):
    """A built site of one page holding `texts` as Pagefind indexes them."""
    body = "".join(f"<p>{html.escape(text)}</p>" for text in texts)
    (folder / "index.html").write_text(
        f"<html><head><title>{html.escape(title)}</title></head><body><article>"
        f"<div data-pagefind-body>{body}</div></article></body></html>", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def real_lexicon(tmp_path_factory):
    """The lexicon of a site holding every text of the real plan."""
    plan = load_plan(ROOT / "data")
    texts = [unit.name for unit in plan.units] + [t.title + t.full_text for t in plan.tasks]
    site = site_of(tmp_path_factory.mktemp("site"), plan.title, texts + [plan.document.title])
    return plan, search_lexicon.lexicon(site)


def node(script: str, given=None):
    """Run `script`, an ES module that imports the reading module as `r` and may read `given`
    (JSON) as `given`, in Node; what it prints, as JSON."""
    preamble = (f"import * as r from {json.dumps(READING.as_uri())};\n"
                "import { readFileSync } from 'node:fs';\n"
                "const given = JSON.parse(readFileSync(0, 'utf-8'));\n")
    result = subprocess.run(["node", "--no-warnings", "--input-type=module", "-e", preamble + script],
                            input=json.dumps(given, ensure_ascii=False), capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout)


def read(lexicon: dict, queries: list[str], function: str = "readings") -> list:
    """`function` of the reading module applied to each normalised query, in Node."""
    return node("const lexicon = r.prepare(given.lexicon);\n"
                "console.log(JSON.stringify(given.queries.map(q => r[given.fn](r.normalise(q), lexicon))))",
                {"lexicon": lexicon, "queries": queries, "fn": function})


def test_the_lexicon_holds_what_the_site_holds(tmp_path):
    site = site_of(tmp_path, "巴中市人民政府2017年度法治政府建设工作安排",
                   ["市监察局", "开展执法检查"])
    lexicon = search_lexicon.lexicon(site)
    pairs = {lexicon["pairs"][i:i + 2] for i in range(0, len(lexicon["pairs"]), 2)}
    assert pairs == {"市监", "监察", "察局", "开展", "展执", "执法", "法检", "检查"}
    t2s = dict(zip(lexicon["t2s"][::2], lexicon["t2s"][1::2]))
    assert t2s["監"] == "监" and t2s["檢"] == "检" and "編" not in t2s  # 编 is on no page
    assert lexicon["prefixes"] == ["巴中"]
    assert any("察" in group and "查" in group for group in lexicon["sounds"])
    terms = yaml.safe_load(search_lexicon.TERMS.read_text(encoding="utf-8"))
    assert lexicon["glossary"] == terms["glossary"] and ["行政诉讼", "民告官", "行政应诉"] in terms["glossary"]


@pytest.mark.parametrize("query, expected", [
    ("監察局", "监察局"),          # traditional
    ("市委編辦", "市委编办"),
    ("监查局", "监察局"),          # same sound
    ("目都办", "目督办"),          # same sound, another reading of 都
    ("权利清单", "权力清单"),      # a known confusion, of the same sound too
    ("市监察局", "市监察局"),      # a real name is never changed
])
def test_a_query_is_read_as_the_reader_means_it(real_lexicon, query, expected):
    _, lexicon = real_lexicon
    assert read(lexicon, [query])[0][0] == expected


def test_the_city_full_forms_and_glossary_give_further_readings(real_lexicon):
    _, lexicon = real_lexicon
    found = read(lexicon, ["巴中市财政局", "巴中市人民政府法制办公室", "民告官", "办公室",
                           "五彩巴中"])
    assert found == [["市财政局"], ["市人民政府法制办公室", "市政府法制办"],
                     ["民告官", "行政诉讼", "行政应诉"], ["办公室"], ["五彩巴中"]]


def test_question_words_fall_out_of_the_pieces_searched(real_lexicon):
    _, lexicon = real_lexicon
    assert read(lexicon, ["谁负责清理职业资格许可", "法制办怎么联系"], "pieces") == [
        ["负责清理职业资格许可"], ["法制办"]]


def test_no_slip_rule_turns_a_real_name_or_title_into_another(real_lexicon):
    """Every name of a unit, every short form and every task title reads as itself."""
    plan, lexicon = real_lexicon
    names = [form for unit in plan.units for name in unit.names
             for form in [name, *short_forms(name)]] + [task.title for task in plan.tasks]
    names = [name for name in names if "（" not in name]  # punctuation is read as a space
    assert read(lexicon, names, "mend") == names


def test_held_counts_the_longest_runs_of_the_query():
    assert node("console.log(JSON.stringify([r.held('清理职业资格', '完成清理职业资格许可'),"
                " r.held('谁负责清理', '负责清理'), r.held('谁', '负责')]))") == [1, 16 / 25, 0]
