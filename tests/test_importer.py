"""`python -m generator import`: a draft plan from a notice's plain text."""
import unicodedata
from collections import Counter

import pytest

from generator.__main__ import main
from generator.build import load_plan
from generator.importer import parse
from generator.inputs.load import load
from generator.model.plan import build
from tests.conftest import NOTICE, ROOT

HEAD = """巴中市人民政府办公室关于印发某项工作安排的通知

巴府办发〔2018〕7号

各县（区）人民政府：

  现将《某项工作安排》印发给你们。

巴中市人民政府办公室

2018年3月1日

某项工作安排

  全市工作要求如下。

  一、第一部分
"""


def draft_of(body: str) -> dict:
    """Tasks of a notice made of HEAD and `body`: (numeral, title, text, lead, responsible, wording)."""
    draft = parse(HEAD + body)
    return {"tasks": [(t["number"], t["title"], t["text"], t.get("lead", []),
                       t.get("responsible", []), t.get("responsibility"))
                      for s in draft.sections for t in s["tasks"]],
            "units": draft.units, "unplaced": draft.unplaced}


def test_the_published_notice_gives_the_curated_plan(tmp_path, capsys):
    draft = tmp_path / "draft.yaml"
    assert main(["import", str(NOTICE), "-o", str(draft)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:8] == [f"{draft}: 5 sections, 22 tasks, 17 units; 1 line(s) not placed",
                       "  numbering: 一、 > （一） (tasks)",
                       "  一、深化“放管服”，进一步优化发展环境: 5 task(s)",
                       "  二、完善决策机制，提高行政决策水平: 4 task(s)",
                       "  三、加强制度建设，完善依法行政制度体系: 5 task(s)",
                       "  四、加强监督管理，切实规范行政执法行为: 4 task(s)",
                       "  五、加强组织保障，提升法治政府建设实效: 4 task(s)",
                       "  tasks without a unit note: 0"]
    assert out[8:11] == ["  units (17; tasks naming each as lead + as responsible):",
                         "    各县（区）人民政府 0 + 22", "    市政府相关部门 0 + 20"]
    assert main(["check", "--data", str(draft)]) == 0
    imported, curated = build(load(draft).data), load_plan(ROOT / "data")
    assert imported.document == curated.document
    assert (imported.title, imported.preamble) == (curated.title, curated.preamble)
    assert [(s.numeral, s.title) for s in imported.sections] == \
        [(s.numeral, s.title) for s in curated.sections]

    def tasks(plan):
        return [(t.numeral, t.title, t.text, t.responsibility, [u.name for u in t.lead_units],
                 [u.name for u in t.responsible_units]) for t in plan.tasks]

    assert tasks(imported) == tasks(curated)
    assert [(u.name, u.collective) for u in imported.units] == \
        [(u.name, u.collective) for u in curated.units]


def test_every_character_of_the_notice_is_in_the_draft(tmp_path):
    """Every letter, digit and Han character, as often as the notice has it (numbering and
    punctuation aside, which the draft writes as fields and full-width forms)."""
    draft = tmp_path / "draft.yaml"
    assert main(["import", str(NOTICE), "-o", str(draft)]) == 0

    def characters(text: str) -> Counter:
        return Counter(char for char in text if unicodedata.category(char)[0] in "LN")

    missing = characters(NOTICE.read_text(encoding="utf-8")) - characters(
        draft.read_text(encoding="utf-8"))
    assert missing == Counter()


def test_a_line_it_cannot_place_is_kept_as_a_comment_and_listed(tmp_path, capsys):
    notice = tmp_path / "notice.txt"
    notice.write_text(HEAD + "  （一）任务甲。内容。〔牵头单位：市财政局〕\n  附件：名单\n", encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert main(["import", str(notice), "-o", str(draft)]) == 0
    assert capsys.readouterr().err == (f"{notice}:19:1: warning: not placed in the draft, kept "
                                       "there as a comment: 附件：名单\n")
    assert "# line 19, not placed: 附件：名单\n" in draft.read_text(encoding="utf-8")
    assert main(["check", "--data", str(draft)]) == 0


def test_an_existing_draft_is_not_written_over_unless_asked(tmp_path, capsys):
    draft = tmp_path / "draft.yaml"
    draft.write_text("# 我的修改\n", encoding="utf-8")
    assert main(["import", str(NOTICE), "-o", str(draft)]) == 1
    assert capsys.readouterr().err == f"{draft}: error: exists; not written (pass --force to replace it)\n"
    assert draft.read_text(encoding="utf-8") == "# 我的修改\n"
    assert main(["import", str(NOTICE), "-o", str(draft), "--force"]) == 0
    assert draft.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../generator/schema/plan-input.schema.json\n"
        f"# Draft imported from {NOTICE.name} by `make import`")


@pytest.mark.parametrize("line, task", [
    ("（一）任务甲。内容。〔牵头单位：市财政局；责任单位：市司法局〕",
     ("一", "任务甲", "内容。", ["市财政局"], ["市司法局"], "牵头单位：市财政局；责任单位：市司法局")),
    ("(一)任务甲。内容。(牵头单位:市财政局;责任单位:市司法局,各县(区)人民政府)",
     ("一", "任务甲", "内容。", ["市财政局"], ["市司法局", "各县（区）人民政府"],
      "牵头单位：市财政局；责任单位：市司法局，各县（区）人民政府")),
    ("1.任务甲。内容。[牵头单位：市财政局]",
     ("一", "任务甲", "内容。", ["市财政局"], [], "牵头单位：市财政局")),
    ("1、任务甲。内容。【牵头单位：市财政局、县发改局（粮食局）；配合单位：市审计局】",
     ("一", "任务甲", "内容。", ["市财政局", "县发改局（粮食局）"], ["市审计局"],
      "牵头单位：市财政局、县发改局（粮食局）；配合单位：市审计局")),
    ("（一）任务甲。内容（含附件）。（牵头领导：张副市长；牵头单位：市财政局；协办单位：市司法局）",
     ("一", "任务甲", "内容（含附件）。", ["市财政局"], ["市司法局"],
      "牵头领导：张副市长；牵头单位：市财政局；协办单位：市司法局")),
    ("（一）任务甲。内容，没有责任单位。",
     ("一", "任务甲", "内容，没有责任单位。", [], [], None)),
    ("（一）任务甲。内容。\n  〔牵头单位：市财政局和有执法职责的市级部门〕",
     ("一", "任务甲", "内容。", ["市财政局", "有执法职责的市级部门"], [],
      "牵头单位：市财政局和有执法职责的市级部门")),
    ("1．任务甲。内容。\n  责任单位:县政府办公室、各有关部门,乡镇人民政府按职责分工分别负责。",
     ("一", "任务甲", "内容。", [], ["县政府办公室", "各有关部门", "乡镇人民政府"],
      "责任单位：县政府办公室、各有关部门，乡镇人民政府按职责分工分别负责")),
    ("（一）任务甲。内容。（市财政局牵头，市审计局、市司法局配合）",
     ("一", "任务甲", "内容。", ["市财政局"], ["市审计局", "市司法局"], "市财政局牵头，市审计局、市司法局配合")),
    ("（一）任务甲。内容。（市财政局、市审计局等有关部门负责）",
     ("一", "任务甲", "内容。", [], ["市财政局", "市审计局", "有关部门"], "市财政局、市审计局等有关部门负责")),
    ("（一）任务甲。内容。（市财政局、市审计局负责，列第一位者为牵头单位，下同）",
     ("一", "任务甲", "内容。", ["市财政局"], ["市审计局"], "市财政局、市审计局负责，列第一位者为牵头单位，下同")),
    ("（一）任务甲。内容。（牵头部门：市财政局 配合部门：各区、县级市）",
     ("一", "任务甲", "内容。", ["市财政局"], ["各区、县级市"], "牵头部门：市财政局 配合部门：各区、县级市")),
    ("（一）任务甲。内容。（农业农村部、工业和信息化部牵头负责）",
     ("一", "任务甲", "内容。", ["农业农村部", "工业和信息化部"], [], "农业农村部、工业和信息化部牵头负责")),
    ("（一）任务甲。内容。（市财政局会同有关部门负责）",
     ("一", "任务甲", "内容。", ["市财政局"], ["有关部门"], "市财政局会同有关部门负责")),
    ("（一）任务甲。内容。（教育部、人力资源社会保障部指导）",
     ("一", "任务甲", "内容。", [], ["教育部", "人力资源社会保障部"], "教育部、人力资源社会保障部指导")),
    ("（一）任务甲。内容（市审计局参与）。更多内容。（市财政局牵头）",
     ("一", "任务甲", "内容（市审计局参与）。更多内容。", ["市财政局"], ["市审计局"],
      "市审计局参与；市财政局牵头")),
    ("（一）任务甲。内容。（市财政局负责，2019年底前完成）",
     ("一", "任务甲", "内容。", [], ["市财政局"], "市财政局负责，2019年底前完成")),
    ("（一）任务甲。内容（技工院校内由市人社局负责）。",
     ("一", "任务甲", "内容（技工院校内由市人社局负责）。", [], [], None)),
    ("（一）任务甲。内容。\n  到2020年，目标达到。（市财政局牵头，市审计局落实）",
     ("一", "任务甲", "内容。到2020年，目标达到。", ["市财政局"], ["市审计局"], "市财政局牵头，市审计局落实")),
])
def test_the_shapes_notices_take(line, task):
    result = draft_of("  " + line + "\n")
    assert result["tasks"] == [task]
    assert result["unplaced"] == []


def test_units_are_gathered_once_and_collective_ones_marked():
    result = draft_of("  （一）甲。乙。〔牵头单位：市财政局；责任单位：市政府相关部门，各县（区）人民政府〕\n"
                      "  （二）丙。丁。〔牵头单位：市财政局、市政务服务和资源交易服务中心〕\n")
    assert result["units"] == {"市财政局": False, "市政府相关部门": True, "各县（区）人民政府": True,
                               "市政务服务和资源交易服务中心": False}


def test_a_rule_stated_in_the_text_governs_the_tasks_after_it():
    result = draft_of("  （一）甲。乙。（市财政局、市审计局负责）\n"
                      "  列第一位者为牵头单位，下同。以下均需各县（区）人民政府落实，不再列出。\n"
                      "  （二）丙。丁。（市司法局、市审计局负责）\n")
    assert [task[3:5] for task in result["tasks"]] == [
        ([], ["市财政局", "市审计局"]), (["市司法局"], ["市审计局", "各县（区）人民政府"])]


def test_a_numeral_written_wrongly_is_kept_and_named_in_the_rule_it_came_under(tmp_path, capsys):
    notice, draft = tmp_path / "notice.txt", tmp_path / "draft.yaml"
    notice.write_text(HEAD + "  （一）甲。乙。（市财政局、市审计局负责。列第一位者为牵头单位，下同）\n"
                      "  （十十）丙。丁。（市司法局、市审计局负责）\n", encoding="utf-8")
    assert main(["import", str(notice), "-o", str(draft)]) == 0
    assert "  line 18: rule “列第一位者为牵头单位，下同”: the first unit of a list with no lead named " \
           "leads; applied to tasks 一、十十" in capsys.readouterr().out.splitlines()
