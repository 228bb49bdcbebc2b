"""The data format, declared once in generator/schema/plan-input.schema.json: editors and stock
JSON Schema validators check the data files against it, and `python -m generator check` does too."""
import copy
import json
import re
import shutil
import subprocess

import jsonschema
import pytest
import yaml

from generator.__main__ import main
from generator.inputs.characters import forbidden
from generator.inputs.validate import SCHEMA_FILE, bad_character, fits, validator
from generator.model.numerals import LIMIT, from_numeral, to_numeral
from tests.conftest import FIXTURES, ROOT

DATA_FILES = [ROOT / "data" / "plans" / "2017.yaml", *sorted(FIXTURES.glob("*.yaml"))]
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


def stock_errors(data) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    return [error.message for error in validator.iter_errors(data)]


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_data_file_points_editors_to_the_schema_and_validates_against_it(path):
    text = path.read_text(encoding="utf-8")
    first_line = MODELINE.match(text)
    assert first_line, f"{path} does not start with the yaml-language-server modeline"
    assert (path.parent / first_line.group(1)).resolve() == SCHEMA_FILE
    assert stock_errors(yaml.safe_load(text)) == []


SMALL = yaml.safe_load((FIXTURES / "small_plan.yaml").read_text(encoding="utf-8"))
SMALL["redirects"] = [{"from": "/units/old/", "to": "/units/"}]
# Every kind of record in the data, and its fields as the schema declares them
RECORDS = {"the file": lambda data: data, "document": lambda data: data["document"],
           "plan": lambda data: data["plan"], "unit": lambda data: data["units"][-1],
           "section": lambda data: data["sections"][-1],
           "task": lambda data: data["sections"][-1]["tasks"][-1],
           "redirect": lambda data: data["redirects"][0]}
FIELDS = {"the file": SCHEMA["properties"], "document": SCHEMA["properties"]["document"]["properties"],
          "plan": SCHEMA["properties"]["plan"]["properties"],
          **{kind: SCHEMA["$defs"][kind]["properties"] for kind in ("unit", "section", "task", "redirect")}}


@pytest.mark.parametrize("record", list(RECORDS))
def test_an_unknown_field_fails_stock_jsonschema_and_the_check(tmp_path, capsys, record):
    data = copy.deepcopy(SMALL)
    last = list(RECORDS[record](data))[-1]
    typo = last + "s"  # a plural, as a hurried editor types it
    RECORDS[record](data)[typo] = "某值"
    assert stock_errors(data) == [f"Additional properties are not allowed ('{typo}' was unexpected)"]

    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copy(FIXTURES / "urls.txt", tmp_path / "urls.txt")
    assert main(["check", "--data", str(path)]) == 1  # python -m generator check
    problem, summary = capsys.readouterr().err.splitlines()
    assert re.fullmatch(rf"{re.escape(str(path))}:\d+:\d+: error: .*unknown field '{typo}' "
                        rf"\(did you mean '{last}'\?\); expected one of: "
                        + re.escape(", ".join(FIELDS[record])), problem), problem
    assert summary == "1 error(s), 0 warning(s); nothing was changed"


def node_matches(pattern: str, values: list[str]) -> list[bool]:
    """What an editor's JavaScript makes of a pattern (yaml-language-server runs in Node)."""
    script = ("const [pattern, values] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const re = new RegExp(pattern, 'u');"
              "process.stdout.write(JSON.stringify(values.map(v => re.test(v))));")
    result = subprocess.run(["node", "-e", script], input=json.dumps([pattern, values]),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def python_matches(pattern: str, values: list[str]) -> list[bool]:
    """What jsonschema makes of it: re.search."""
    return [re.search(pattern, value) is not None for value in values]


def test_the_text_pattern_is_the_rule_the_messages_explain():
    """Text on one line: not empty, no line break, control, invisible or bidirectional character
    (generator/inputs/characters.py), no space at either end; tried with every character up to U+3100,
    every one characters.py refuses and its neighbours, at the start, middle and end."""
    pattern = SCHEMA["$defs"]["text"]["pattern"]
    refused = [found.character for found in forbidden("".join(map(chr, range(0x110000))))]
    neighbours = {chr(c + step) for c in map(ord, refused) for step in (-1, 1) if 0 <= c + step < 0x110000}
    characters = sorted({chr(c) for c in range(0x3100)} | set(refused) | neighbours
                        | {"\ufeff", "\U00020000", "\ufffd"})
    values = ["", "a"] + [form.format(c) for c in characters for form in ("{}甲", "甲{}乙", "乙{}")]
    expected = [value != "" and value == value.strip() and bad_character(value) is None
                for value in values]
    assert python_matches(pattern, values) == expected
    if shutil.which("node"):
        assert node_matches(pattern, values) == expected


def near_misses(numeral: str) -> set[str]:
    """Every string one edit away from a numeral, in the numerals' own characters."""
    alphabet = "零一二三四五六七八九十百千"
    cut = {numeral[:i] + numeral[i + 1:] for i in range(len(numeral))}
    put = {numeral[:i] + c + numeral[i:] for i in range(len(numeral) + 1) for c in alphabet}
    swap = {numeral[:i] + c + numeral[i + 1:] for i in range(len(numeral)) for c in alphabet}
    return (cut | put | swap) - {""}


def test_the_numeral_pattern_accepts_exactly_the_numerals_the_plan_numbers_with():
    pattern = SCHEMA["$defs"]["numeral"]["pattern"]
    numerals = [to_numeral(n) for n in range(1, LIMIT + 1)]
    values = sorted(set(numerals) | {near for n in (1, 7, 10, 13, 20, 99, 100, 101, 110, 999,
                                                    1000, 1001, 1010, 1100, 2017, 9999)
                                     for near in near_misses(to_numeral(n))})
    expected = [from_numeral(value) is not None for value in values]
    assert sum(expected) == LIMIT
    assert python_matches(pattern, values) == expected
    if shutil.which("node"):
        assert node_matches(pattern, values) == expected


@pytest.mark.parametrize("name", ["slug", "url"])
def test_slug_and_url_patterns_agree_in_python_and_javascript(name):
    pattern = SCHEMA["$defs"][name]["pattern"]
    values = ["shi-si-fa-ju", "shi--si", "-shi", "Shi", "shi_si", "a1-2b", "shi-si\n", "",
              "/", "/units/", "/units/shi-si-fa-ju/", "/units/shi-si-fa-ju", "units/",
              "/units//", "/units/\n", "/Units/"]
    python = python_matches(pattern, values)
    assert any(python) and not all(python)
    assert python[values.index("shi-si\n")] is False and python[values.index("/units/\n")] is False
    if shutil.which("node"):
        assert node_matches(pattern, values) == python


# Values of every JSON type, and texts that differ only at their ends, where Python's `$` and
# fastjsonschema's `\Z` part.
ODD_VALUES = [True, 1, 1.5, None, [], {}, ["某单位"], {"name": "某单位"}, "", "某值", "某值\n",
              " 某值", "2017-06-01", "https://example.org/a", "shi-si-fa-ju", "/units/", "十二"]


def every_field(data, path=()):
    """The path of every value in the data, containers included."""
    yield path
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield from every_field(value, path + (key,))


@pytest.mark.parametrize("record", list(RECORDS))
def test_the_fast_shape_check_agrees_with_jsonschema_on_every_field(record):
    """The build reads valid data with the fast check only (generator/inputs/validate.py): for each
    field of each kind of record, replaced by a value of each type, both give the same verdict."""
    agreed = 0
    for path in every_field(RECORDS[record](SMALL)):
        if not path:
            continue
        for value in ODD_VALUES:
            data = copy.deepcopy(SMALL)
            *parents, last = path
            target = RECORDS[record](data)
            for key in parents:
                target = target[key]
            target[last] = value
            assert fits(data) == validator().is_valid(data), (record, path, value)
            agreed += 1
    assert agreed >= len(ODD_VALUES)
