"""The curated data/plans/2017.yaml against the published notice in source/."""
import re

import pytest

from generator.build import load_plan
from tests.conftest import NOTICE, ROOT

HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})
TASK = re.compile(r"^（([一二三四五六七八九十]+)）(.*)〔(.*)〕$")
SECTION = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")


@pytest.fixture(scope="module")
def notice():
    """The notice's lines from 发文字号 on, with full-width punctuation restored."""
    lines = [line.strip() for line in NOTICE.read_text(encoding="utf-8").splitlines() if line.strip()]
    start = lines.index("巴府办发〔2017〕45号")
    return {"chrome": lines[:start], "body": [line.translate(HALF_TO_FULL) for line in lines[start:]]}


@pytest.fixture(scope="module")
def plan():
    return load_plan(ROOT / "data")


def test_document_metadata_is_the_notices(plan, notice):
    body = notice["body"]
    document = plan.document
    assert notice["chrome"][0] == document.column == "依法治市"
    assert notice["chrome"][1] == document.title
    assert f"发布时间:{document.published}" in notice["chrome"][2]
    assert body[:2] == [document.number, document.recipients]
    assert body[2:4] == list(document.notice)
    assert body[4:7] == [document.signature, document.written, plan.title]
    assert body[7] == plan.preamble
    assert document.issuer == "巴中市人民政府办公室"


def test_sections_and_tasks_are_the_notices_word_for_word(plan, notice):
    sections = [SECTION.match(line).groups() for line in notice["body"] if SECTION.match(line)]
    tasks = [TASK.match(line).groups() for line in notice["body"] if TASK.match(line)]
    assert len(plan.sections) == len(sections) == 5
    assert len(plan.tasks) == len(tasks) == 22
    assert [(s.numeral, s.title) for s in plan.sections] == sections
    assert [(t.numeral, t.full_text, t.responsibility) for t in plan.tasks] == tasks
    assert [t.number for t in plan.tasks] == list(range(1, 23))


def test_every_line_of_the_notice_is_in_the_data(plan, notice):
    document = plan.document
    shown = [document.number, document.recipients, *document.notice, document.signature,
             document.written, plan.title, plan.preamble]
    for section in plan.sections:
        shown.append(section.label + section.title)
        shown += [f"{t.label}{t.full_text}〔{t.responsibility}〕" for t in section.tasks]
    assert shown == notice["body"]


def test_units_are_named_in_the_responsibility_wording(plan):
    for task in plan.tasks:
        lead, _, responsible = task.responsibility.partition("；")
        assert lead == "牵头单位：" + "、".join(u.name for u in task.lead_units)
        for unit in task.responsible_units:
            assert unit.name in responsible, (task.label, unit.name)


def test_unit_registry(plan):
    names = [unit.name for unit in plan.units]
    assert len(names) == len(set(names)) == 17
    assert {u.name for u in plan.units if u.collective} == {
        "市政府相关部门", "各县（区）人民政府", "其他有职业资格许可和认定事项的市政府相关部门",
        "有行政执法职责的市级部门"}
    # named inside 市人力资源社会保障局和有行政执法职责的市级部门, so its page lists the task
    hr = next(u for u in plan.units if u.name == "市人力资源社会保障局")
    assert [t.label for t in plan.tasks_assigned_to(hr)] == ["（十五）"]
    assert [t.label for t in plan.tasks_led_by(hr)] == ["（三）"]
