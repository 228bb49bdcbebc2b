"""The progress files' format, declared once in generator/schema/progress-input.schema.json and
checked by the plans' machinery (generator/inputs/validate.py): the messages quote its titles, the
statuses are its list, and the fast check agrees with jsonschema on it."""
import copy
import datetime
import json
import re

import pytest
import yaml
from babel.messages.pofile import read_po

from generator import i18n
from generator.build import load_plan
from generator.inputs import validate
from generator.inputs.load import parse
from generator.model import progress
from tests.conftest import FIXTURES

PROGRESS = json.loads(progress.SCHEMA.file.read_text(encoding="utf-8"))
ENTRIES = yaml.safe_load((FIXTURES / "small_progress" / "2020.yaml").read_text(encoding="utf-8"))


def test_every_title_of_the_progress_schema_is_listed_for_the_catalog_and_translated():
    text = progress.SCHEMA.file.read_text(encoding="utf-8")
    titles = {json.loads(f'"{title}"') for title in re.findall(r'"title": "((?:[^"\\]|\\.)*)"', text)}
    with (i18n.LOCALE / "zh_CN" / "LC_MESSAGES" / "generator.po").open("rb") as file:
        translated = {m.id for m in read_po(file) if m.id and m.string}
    assert len(titles) == text.count('"title"') and titles <= set(validate.TITLES) <= translated


def test_a_text_is_the_same_rule_in_a_progress_file_as_in_a_plan():
    """The schema stands alone for editors, so it holds a copy of the plans' definition."""
    assert PROGRESS["$defs"]["text"] == validate.SCHEMA["$defs"]["text"]


def test_the_statuses_are_the_schemas_list():
    assert progress.STATUSES == tuple(PROGRESS["items"]["properties"]["status"]["enum"])
    assert list(progress.STATUS_CLASSES) == list(progress.STATUSES)


# A value of every JSON type, and texts that differ only at their ends
ODD_VALUES = [True, 1, 1.5, None, [], {}, ["某值"], {"task": "一"}, "", "某值", "某值\n", " 某值",
              "2020-03-15", "2020-3-15", "https://example.org/a", "ftp://example.org/a", "十二",
              *progress.STATUSES]


def test_the_fast_shape_check_agrees_with_jsonschema_on_every_field():
    """For each field of each entry and each item of its evidence, replaced by a value of each
    type, the compiled check and jsonschema give the same verdict."""
    data = [{**entry, "date": entry["date"].isoformat()} for entry in ENTRIES]
    paths = [(i, key) for i, entry in enumerate(data) for key in entry] + \
        [(i, "evidence", j) for i, entry in enumerate(data) for j in range(len(entry.get("evidence", [])))] + \
        [(i,) for i in range(len(data))]
    assert progress.SCHEMA.fits(data) and progress.SCHEMA.validator.is_valid(data)
    for path in paths:
        for value in ODD_VALUES:
            changed = copy.deepcopy(data)
            target = changed
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
            assert progress.SCHEMA.fits(changed) == progress.SCHEMA.validator.is_valid(changed), \
                (path, value)


PLAN = load_plan(FIXTURES / "small_plan.yaml")


def checked(entries: list) -> tuple[list[str], list]:
    """The messages and entries of check_entries on `entries`, loaded as a progress file is."""
    source = parse(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "p.yaml")
    problems, good = progress.check_entries(source, PLAN)
    return [f"{p.line}:{p.column}: {p.message}" for p in problems], good


def test_a_date_quoted_or_not_is_the_same_day():
    quoted = [{**entry, "date": entry["date"].isoformat()} for entry in ENTRIES]
    assert checked(ENTRIES)[0] == checked(quoted)[0] == []
    assert [e.date for e in checked(ENTRIES)[1]] == [e.date for e in checked(quoted)[1]] == \
        [entry["date"] for entry in ENTRIES]


def test_an_entry_with_two_mistakes_reports_both():
    """A field the schema refuses does not hide what only the plan can tell of another."""
    entry = {**ENTRIES[0], "task": "九十九", "status": "进行中"}
    messages, good = checked([entry])
    assert good == [] and [m.split(": ", 2)[-1] for m in messages] == [
        "unknown task '九十九'; the plan's tasks are （一） to （三）",
        "status '进行中' is not one of 未启动, 推进中, 已完成, 滞后, 调整 (did you mean '推进中'?)"]


def test_a_time_is_refused_only_in_the_date():
    entry = {**ENTRIES[0], "date": datetime.datetime(2020, 3, 15, 10, 0)}
    assert [m.split(": ", 2)[-1] for m in checked([entry])[0]] == [
        "field 'date' is 2020-03-15 10:00:00; expected a date written YYYY-MM-DD, such as "
        "2017-07-01, without a time"]


@pytest.mark.parametrize("written", ["'0000-03-15'", "0000-03-15"])
def test_year_0_is_no_day_quoted_or_not(tmp_path, capsys, written):
    """Year 0 fits the pattern and reads as a date in YAML, but the calendar has none: one line,
    no traceback (a defect found while moving the checks to the schema)."""
    from generator.__main__ import main
    folder = tmp_path / "data"
    (folder / "progress").mkdir(parents=True)
    (folder / "plan.yaml").write_bytes((FIXTURES / "small_plan.yaml").read_bytes())
    (folder / "urls.txt").write_bytes((FIXTURES / "urls.txt").read_bytes())
    (folder / "progress" / "2020.yaml").write_text(
        f"- task: 一\n  date: {written}\n  status: 推进中\n  unit: 市政府法制办\n  text: 完成。\n",
        encoding="utf-8")
    assert main(["check", "--data", str(folder / "plan.yaml")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{folder.as_posix()}/progress/2020.yaml:2:9: error: progress entry #1: '0000-03-15' is not "
        "a day of the calendar: there is no year 0",
        "1 error(s), 0 warning(s); nothing was changed"]
