"""Fuzzing the importer: mutations of the real notices end in a draft that loads as YAML, or in
one clear message, never a traceback. (It found a task numeral written wrongly, 十十, under a
rule the notice stated: a TypeError when the draft named the tasks the rule governed.)"""
import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.importer import dump, parse, summary
from tests.conftest import ROOT

NOTICES = [path.read_text(encoding="utf-8")
           for path in sorted((ROOT / "tests" / "corpus").glob("*.txt"))] + \
    [(ROOT / "source" / "bazhong-2017-45.txt").read_text(encoding="utf-8")]
# What notices are made of: brackets, role words, numbering, the rules they state, line ends.
TOKENS = ["（", "）", "〔", "〕", "(", ")", "。", "，", "、", "：", "\n", "\n\n", "牵头", "负责", "会同",
          "指导", "参与", "落实", "由", "等", "一、", "（一）", "（十十）", "1.", "（1）", "①", "到2020年，",
          "牵头单位：", "责任单位：", "列第一位者为牵头单位，下同", "以下均需各省级人民政府落实，不再列出"]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 25))


@st.composite
def mutated(draw) -> str:
    text = draw(st.sampled_from(NOTICES))
    for _ in range(draw(st.integers(1, 20))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 200)):]
    return text


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated())
def test_a_mutated_notice_gives_a_draft_that_loads(text):
    draft = parse(text)
    summary(draft)
    loaded = yaml.safe_load(dump(draft, "notice.txt"))
    assert len(loaded["sections"] or []) == len(draft.sections)
