"""Progress files: every mistake one exact line at data/progress/<year>.yaml:LINE:COL, nothing written."""
import datetime
import hashlib
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.__main__ import main
from generator.build import load_plan
from tests.conftest import FIXTURES

SMALL = FIXTURES / "small_plan.yaml"
PLAN = load_plan(SMALL)
UNITS = "、".join  # how a message lists units

def entry(**changes) -> str:
    """One good entry, with `changes`; values start at column 9 (status at 11)."""
    fields = {"task": "一", "date": "2020-03-15", "status": "推进中", "unit": "市政府法制办",
              "text": "完成草案。", **changes}
    lines = [f"  {key}: {value}" for key, value in fields.items() if value is not None]
    return "\n".join(["-" + lines[0][1:]] + lines[1:]) + "\n"


def tree(root: Path, progress: str | bytes | None) -> Path:
    """The fixture plan with its ledger, and `progress` as progress/2020.yaml beside it."""
    data = root / "data" / "plan.yaml"
    data.parent.mkdir(parents=True)
    shutil.copy(SMALL, data)
    shutil.copy(FIXTURES / "urls.txt", data.with_name("urls.txt"))
    if progress is not None:
        (data.parent / "progress").mkdir()
        raw = progress.encode("utf-8") if isinstance(progress, str) else progress
        (data.parent / "progress" / "2020.yaml").write_bytes(raw)
    return data


CASES = {
    "unknown task, with the nearest": (
        entry(task="二二"),
        ["1:9: error: progress entry #1: unknown task '二二' (did you mean '二'?); "
         "the plan's tasks are （一） to （三）"]),
    "task as a digit": (
        entry(task="13"),
        ["1:9: error: progress entry #1: field 'task' must be the task's Chinese numeral, "
         "such as 十三, got the number 13"]),
    "unknown unit, with the nearest": (
        entry(unit="市政府法治办"),
        ["4:9: error: progress entry #1: unknown unit '市政府法治办' (did you mean '市政府法制办'?)"]),
    "status outside the list": (
        entry(status="进行中"),
        ["3:11: error: progress entry #1: status '进行中' is not one of 未启动, 推进中, 已完成, "
         "滞后, 调整 (did you mean '推进中'?)"]),
    "malformed date": (
        entry(date="2020-3-15"),
        ["2:9: error: progress entry #1: field 'date' is '2020-3-15'; expected a date written "
         "YYYY-MM-DD, such as 2017-07-01"]),
    "date that is no day": (
        entry(date="2020-02-30"),
        ["2:9: error: progress entry #1: '2020-02-30' is not a day of the calendar: February "
         "2020 has 29 days"]),
    # quoted or not, one message that says what is wrong
    "quoted date that is no day": (
        entry(date="'2020-02-30'"),
        ["2:9: error: progress entry #1: '2020-02-30' is not a day of the calendar: February "
         "2020 has 29 days"]),
    "month that is none": (
        entry(date="2020-13-45"),
        ["2:9: error: progress entry #1: '2020-13-45' is not a day of the calendar: there is no "
         "month 13"]),
    "date in the future": (
        entry(date="2071-10-15"),
        [f"2:9: error: progress entry #1: date 2071-10-15 is after today ({datetime.date.today()}); "
         "an entry records what has been done: check the year, month and day"]),
    "date with a time": (
        entry(date="2020-03-15 10:00:00"),
        ["2:9: error: progress entry #1: field 'date' is 2020-03-15 10:00:00; expected a date "
         "written YYYY-MM-DD, such as 2017-07-01, without a time"]),
    "date before the plan was written": (
        entry(date="2020-01-01"),
        ["2:9: error: progress entry #1: date 2020-01-01 is before the plan was written "
         "(2020年1月2日, 成文日期)"]),
    "same task, date and unit twice": (
        entry() + entry(status="已完成", text="印发。"),
        ["6:9: error: progress entry #2: task （一）, 2020-03-15, 市政府法制办 is recorded twice "
         "(first at line 1); record a later step with its own date"]),
    "evidence that is not a web address": (
        entry() + "  evidence: [ftp://example.org/a.pdf, www.example.org/b.html, https://example.org/c]\n",
        ["6:14: error: progress entry #1: evidence item 1 is 'ftp://example.org/a.pdf'; expected "
         "an http:// or https:// address of a published document",
         "6:39: error: progress entry #1: evidence item 2 is 'www.example.org/b.html'; expected "
         "an http:// or https:// address of a published document"]),
    "evidence as text": (
        entry() + "  evidence: https://example.org/c\n",
        ["6:13: error: progress entry #1: field 'evidence' must be a list of http(s) URLs of "
         "published documents, got 'https://example.org/c'"]),
    "text on two lines": (
        entry(text='"完成\\n草案。"'),
        ["5:9: error: progress entry #1: field 'text' contains a line break; write the text on one line, "
         "or fold it with >-"]),
    "empty text": (
        entry(text="''"),
        ["5:9: error: progress entry #1: field 'text' is empty; expected one line of text: "
         "what was done"]),
    "missing unit": (
        entry(unit=None),
        ["1:3: error: progress entry #1: missing required field 'unit' (the name of a unit named "
         "on the task)"]),
    "typo in a field name": (
        entry() + "  evidense: [https://example.org/c]\n",
        ["6:3: error: progress entry #1: unknown field 'evidense' (did you mean 'evidence'?); "
         "expected one of: task, date, status, unit, text, evidence"]),
    "field given twice": (
        entry() + "  text: 又一行。\n",
        ["6:3: error: progress entry #1: field 'text' is given twice (first at line 5); delete one"]),
    "a mapping, not a list": (
        "task: 一\ndate: 2020-03-15\n",
        ["1:1: error: expected a list of progress entries ('- task: …'), got a mapping"]),
    "an entry that is text": (
        "- 完成草案。\n",
        ["1:3: error: progress entry #1: expected a mapping with the fields task, date, status, "
         "unit, text, evidence, got '完成草案。'"]),
    "yaml syntax": (
        entry(text="[完成草案。"),
        ["6:1: error: invalid YAML: while parsing a flow sequence expected ',' or ']', but got "
         "'<stream end>' (it began at line 5, column 9)"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_mistake_is_one_exact_line(tmp_path, capsys, case):
    progress, expected = CASES[case]
    data = tree(tmp_path, progress)
    assert main(["check", "--data", str(data)]) == 1
    name = f"{data.parent.as_posix()}/progress/2020.yaml"
    lines = capsys.readouterr().err.splitlines()
    assert lines[:-1] == [f"{name}:{line}" for line in expected]
    assert lines[-1] == f"{len(expected)} error(s), 0 warning(s); nothing was changed"


def _not_on(task):
    named = task.lead_units + task.responsible_units
    return [(task, unit) for unit in PLAN.units if unit not in named]


# By rule, from the plan: every unit that a task does not name, on that task.
NOT_NAMED = [pair for task in PLAN.tasks for pair in _not_on(task)]
NAMED = [(task, unit) for task in PLAN.tasks for unit in task.lead_units + task.responsible_units]


@pytest.mark.parametrize("task, unit", NOT_NAMED,
                         ids=[f"{t.numeral}-{u.name}" for t, u in NOT_NAMED])
def test_a_unit_not_named_on_the_task_is_refused(tmp_path, capsys, task, unit):
    data = tree(tmp_path, entry(task=task.numeral, unit=unit.name))
    assert main(["check", "--data", str(data)]) == 1
    named = UNITS(u.name for u in task.lead_units + task.responsible_units)
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{data.parent.as_posix()}/progress/2020.yaml:4:9: error: progress entry #1: unit "
        f"'{unit.name}' is not named on task （{task.numeral}）; its units are {named}")


def test_every_unit_named_on_a_task_may_report_on_it(tmp_path, capsys):
    progress = "".join(entry(task=task.numeral, unit=unit.name) for task, unit in NAMED)
    data = tree(tmp_path, progress)
    assert main(["check", "--data", str(data)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == \
        f"{data.parent.as_posix()}/progress/2020.yaml: ok: {len(NAMED)} progress entries"


def test_nothing_is_written_after_a_mistake(tmp_path, capsys):
    data = tree(tmp_path, (FIXTURES / "small_progress" / "2020.yaml").read_text(encoding="utf-8"))
    docs = tmp_path / "docs"
    assert main(["--data", str(data), "--docs", str(docs)]) == 0
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in docs.rglob("*") if p.is_file()}
    progress = data.parent / "progress" / "2020.yaml"
    progress.write_text(progress.read_text(encoding="utf-8") + entry(status="完成"), encoding="utf-8")
    assert main(["--data", str(data), "--docs", str(docs)]) == 1
    assert f"{docs.as_posix()}/ was not changed" in capsys.readouterr().err
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in docs.rglob("*") if p.is_file()} == before


def test_every_problem_of_the_file_is_reported_at_once(tmp_path, capsys):
    data = tree(tmp_path, entry(task="二二") + entry(status="完成") + entry(date="2020-3-15"))
    assert main(["check", "--data", str(data)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": error: ")[0].rsplit(":", 2)[1:] for line in err[:-1]] == \
        [["1", "9"], ["8", "11"], ["12", "9"]]
    assert err[-1] == "3 error(s), 0 warning(s); nothing was changed"


@pytest.mark.parametrize("content", [None, "", "# nothing published yet\n", "[]\n"])
def test_without_entries_check_passes(tmp_path, capsys, content):
    data = tree(tmp_path, content)
    assert main(["check", "--data", str(data)]) == 0


def test_a_hand_written_feed_is_kept_and_a_removed_units_feed_deleted(tmp_path, capsys):
    data = tree(tmp_path, None)
    docs = tmp_path / "docs"
    assert main(["--data", str(data), "--docs", str(docs)]) == 0
    generated = docs / "units" / PLAN.units[-1].slug / "feed.xml"
    assert generated.is_file()
    mine = docs / "units" / "notes" / "feed.xml"
    mine.parent.mkdir()
    mine.write_text('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>\n',
                    encoding="utf-8")
    capsys.readouterr()
    assert main(["--data", str(data), "--docs", str(docs)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{mine}:1:1: error: this file was not generated from the data, but docs/units belongs to "
        "the generator; move the file out of it (it was left untouched)")
    mine.unlink()
    # a feed the generator wrote for a unit that is gone from the data
    stale = docs / "units" / "notes" / "feed.xml"
    shutil.copy(generated, stale)
    assert main(["--data", str(data), "--docs", str(docs)]) == 0
    assert not stale.parent.exists() and generated.is_file()


PROGRESS_SCHEMA = Path(__file__).resolve().parent.parent / "generator" / "schema" / \
    "progress-input.schema.json"


def test_the_fixture_points_editors_to_the_progress_schema_and_validates_against_it():
    fixture = FIXTURES / "small_progress" / "2020.yaml"
    text = fixture.read_text(encoding="utf-8")
    modeline = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
    assert (fixture.parent / modeline.group(1)).resolve() == PROGRESS_SCHEMA
    schema = json.loads(PROGRESS_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    # YAML reads an unquoted date as a date; an editor's language server sees the text
    data = yaml.load(text, Loader=yaml.BaseLoader)
    validator = jsonschema.Draft202012Validator(schema)
    assert [e.message for e in validator.iter_errors(data)] == []
    data[0]["status"] = "进行中"
    data[1]["evidence"] = ["ftp://example.org/a.pdf"]
    assert sorted(e.message for e in validator.iter_errors(data)) == [
        "'ftp://example.org/a.pdf' does not match '^https?://[^\\\\s/]+'",
        "'进行中' is not one of ['未启动', '推进中', '已完成', '滞后', '调整']"]
