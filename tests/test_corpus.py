"""The importer on real notices read by hand, and on notices generated from the curated plan in
the shapes real notices take: numbering levels, labels and what separates them."""
import re
import unicodedata
from collections import Counter

import pytest

from generator.__main__ import main
from generator.build import load_plan
from generator.importer import dump, parse
from generator.importer.lines import full_width, numbered
from tests.conftest import ROOT
from tests.corpus_eval import CORPUS, HELD_OUT, NOTICES, expected, measure

TUNED = [name for name in NOTICES if name not in HELD_OUT]


def test_the_corpus_holds_real_notices_with_their_sources():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert len(TUNED) >= 3 and len(HELD_OUT) == 1 and set(HELD_OUT) <= set(NOTICES)
    for name in NOTICES:
        row = next(line for line in readme.splitlines() if f"`{name}.txt`" in line)
        assert re.search(r"https?://\S+", row), f"{name}: no address where it was published"
        assert (CORPUS / f"{name}.expected.yaml").exists()


@pytest.mark.parametrize("name", TUNED)
def test_a_notice_drafts_as_read_by_hand(name):
    figures = measure(name)
    assert figures.sections_right
    assert [mistake for mistake in figures.mistakes] == []
    assert (figures.drafted, figures.tasks_right, figures.units_right) == (figures.tasks,) * 3


def test_the_notice_kept_aside_keeps_its_figures():
    """Measured once, at the end, on a notice never looked at while tuning; it may only improve."""
    (name,) = HELD_OUT
    figures = measure(name)
    assert (figures.tasks, figures.tasks_right, figures.units_right) >= HELD_OUT_FIGURES
    assert figures.drafted == figures.tasks


# tasks read by hand, tasks right, unit lists right (README, "Next year's notice")
HELD_OUT_FIGURES = (10, 10, 10)

SEPARATORS = ["；", ";", "，", ",", "、", " ", "\u3000", ""]


@pytest.mark.parametrize("separator", SEPARATORS)
def test_a_label_starts_a_new_list_whatever_separates_it(separator):
    """The real notice, its 配合单位 put after each separator in turn: every list stays right."""
    name = "guangzhou-talent-2012"
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    text = text.replace("，配合单位：", separator + "配合单位：")
    assert text.count(separator + "配合单位：") == 43
    _, tasks = expected(name)
    draft = parse(text)
    assert [(t["title"], t.get("lead", []), t.get("responsible", []))
            for s in draft.sections for t in s["tasks"]] == \
        [(t.title, list(t.lead), list(t.responsible)) for t in tasks]
    assert draft.warnings == []


# How notices number their parts, outermost first; the last level carries the brackets.
# A group heading (a level between section and task) is generated from the section's title.
SHAPES = {
    "一、 （一）": ["{}、", "（{}）"],
    "一、 1.": ["{}、", "{d}."],
    "一、 1． 1、 mixed": ["{}、", "{d}{mixed}"],
    "一、 （一） 1.": ["{}、", "（{}）", "{d}."],
    "一、 1. （1）": ["{}、", "{d}.", "（{d}）"],
    "一、 （一） 1）": ["{}、", "（{}）", "{d}）"],
    "一、 （一） ①": ["{}、", "（{}）", "{c}"],
}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def notice_in_shape(shape: list, bracket_line: bool, separator: str) -> str:
    """The curated plan written back as a notice, numbered and bracketed as asked."""
    plan = load_plan(ROOT / "data")
    lines = ["某市人民政府办公室关于印发某项工作安排的通知", "某府办发〔2018〕7号", "各县（区）人民政府：",
             "现将《某项工作安排》印发给你们。", "某市人民政府办公室", "2018年3月1日", "某项工作安排"]
    task_number = 0
    for section in plan.sections:
        lines.append(shape[0].format(section.numeral) + section.title)
        groups = [section.tasks] if len(shape) == 2 else [section.tasks[:2], section.tasks[2:]]
        for g, group in enumerate(groups, 1):
            if len(shape) == 3:
                lines.append(shape[1].format(f"{'一二'[g - 1]}", d=g) + f"{section.title}（第{g}组）")
            for i, task in enumerate(group, 1):
                task_number += 1
                number = shape[-1].format(task.numeral, d=task_number if len(shape) == 2 else i,
                                          c=CIRCLED[i - 1], mixed="．" if task_number % 2 else "、")
                lead = "、".join(u.name for u in task.lead_units)
                responsible = "、".join(u.name for u in task.responsible_units)
                bracket = f"（牵头单位：{lead}{separator}责任单位：{responsible}）"
                lines += [number + task.full_text] + [bracket] if bracket_line else \
                    [number + task.full_text + bracket]
    return "\n\n".join(lines) + "\n"


@pytest.mark.parametrize("bracket_line", [False, True], ids=["bracket at the end", "bracket below"])
@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_the_level_carrying_the_brackets_gives_the_tasks(shape, bracket_line):
    plan = load_plan(ROOT / "data")
    draft = parse(notice_in_shape(SHAPES[shape], bracket_line, "，"))
    assert [(s["number"], s["title"]) for s in draft.sections] == \
        [(s.numeral, s.title) for s in plan.sections]
    assert [(t["title"], t["text"], t.get("lead"), t.get("responsible"))
            for s in draft.sections for t in s["tasks"]] == \
        [(t.title, t.text, [u.name for u in t.lead_units], [u.name for u in t.responsible_units])
         for t in plan.tasks]
    headings = [text for s in draft.sections for _, _, text in s["headings"]]
    assert len(headings) == (2 * len(plan.sections) if len(SHAPES[shape]) == 3 else 0)
    assert draft.unplaced == []


def test_group_headings_are_comments_in_the_draft_and_counted(tmp_path, capsys):
    notice = tmp_path / "notice.txt"
    notice.write_text(notice_in_shape(SHAPES["一、 （一） 1."], False, "；"), encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert main(["import", str(notice), "-o", str(draft)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:4] == ["  numbering: 一、 > （一） > 1. (tasks); group headings kept as comments",
                        "  一、深化“放管服”，进一步优化发展环境: 5 task(s) in 2 group(s)",
                        "  二、完善决策机制，提高行政决策水平: 4 task(s) in 2 group(s)"]
    written = draft.read_text(encoding="utf-8")
    assert "      # line 17, group heading: （一）深化“放管服”，进一步优化发展环境（第1组）\n" \
           "      - number: 一\n" in written
    assert written.count("group heading: ") == 10


def test_a_unit_name_that_looks_like_a_fragment_is_a_warning_at_its_place(tmp_path, capsys):
    notice = tmp_path / "notice.txt"
    notice.write_text("某项工作安排\n\n一、第一部分\n\n"
                      "  （一）任务甲。内容。（牵头单位：市财政局、各区、；配合单位市审计局、局）\n"
                      "  （二）任务乙。内容。\n", encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert main(["import", str(notice), "-o", str(draft)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{notice}:5:24: warning: task （一）: unit name '各区、' looks like a fragment: it ends in '、'",
        f"{notice}:5:28: warning: task （一）: unit name '配合单位市审计局' looks like a fragment: "
        "it starts with the label '配合单位'",
        f"{notice}:5:37: warning: task （一）: unit name '局' looks like a fragment: "
        "it is shorter than two characters"]
    assert captured.out.splitlines()[2:5] == ["  一、第一部分: 2 task(s)",
                                              "  tasks without a unit note: 1 (二 任务乙)",
                                              "  units (4; tasks naming each as lead + as responsible):"]


@pytest.mark.parametrize("name", NOTICES)
def test_no_text_of_a_real_notice_is_lost(name):
    """Every letter and digit of the notice is in its draft, as data or as a comment, as often as
    the notice has it (numbering aside: 1. to 45. become the task numbers 一 to 四十五)."""
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")

    def characters(text: str) -> Counter:
        return Counter(char for char in text if unicodedata.category(char)[0] in "LN")

    unnumbered = "\n".join(found[2] if (found := numbered(full_width(line.strip()))) else line
                           for line in text.splitlines())
    assert characters(unnumbered) - characters(dump(parse(text), f"{name}.txt")) == Counter()
