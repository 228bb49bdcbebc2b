"""Fuzzing: mutations of the real data/plan.yaml end in success or in compiler-form diagnostics.

`make test` runs a few dozen examples; `make fuzz` runs FUZZ_EXAMPLES of them (thousands, about
ten minutes) and holds each to one second.
"""
import contextlib
import datetime
import hashlib
import io
import os
import random
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.__main__ import main
from generator.diagnostics import PlanError
from generator.inputs.load import load
from generator.inputs.validate import fits, validator
from tests.conftest import ROOT

PLAN = (ROOT / "data" / "plans" / "2017.yaml").read_bytes()
LEDGER = ROOT / "data" / "urls.txt"
LONG_RUN = "FUZZ_EXAMPLES" in os.environ

# Full-width characters of the data and the half-width forms a careless edit puts in their place.
HALF_WIDTH = {char: unicodedata.normalize("NFKC", char) for char in map(chr, range(0xFF01, 0xFF5F))}
HALF_WIDTH |= {"。": "｡", "、": "､", "「": "｢", "」": "｣", "\u3000": " ", "〔": "[", "〕": "]",
               "“": '"', "”": '"'}


def splice(data: bytes, at: int, inserted: bytes) -> bytes:
    at %= len(data) + 1
    return data[:at] + inserted + data[at:]


def delete_line(data: bytes, at: int) -> bytes:
    lines = data.split(b"\n")
    del lines[at % len(lines)]
    return b"\n".join(lines)


def duplicate_line(data: bytes, at: int) -> bytes:
    lines = data.split(b"\n")
    at %= len(lines)
    return b"\n".join(lines[:at + 1] + lines[at:])


def shift_indentation(data: bytes, at: int, by: int) -> bytes:
    lines = data.split(b"\n")
    at %= len(lines)
    line = lines[at]
    lines[at] = b" " * by + line if by > 0 else line[min(-by, len(line) - len(line.lstrip(b" "))):]
    return b"\n".join(lines)


def half_width(data: bytes, at: int, count: int) -> bytes:
    """Replace `count` full-width characters, from the at-th one on, by their half-width forms."""
    text = data.decode("utf-8", "surrogateescape")
    places = [i for i, char in enumerate(text) if char in HALF_WIDTH]
    if not places:
        return data
    chars = list(text)
    start = at % len(places)
    for i in places[start:start + count]:
        chars[i] = HALF_WIDTH[chars[i]]
    return "".join(chars).encode("utf-8", "surrogateescape")


POSITION = st.integers(min_value=0, max_value=len(PLAN))
# Bytes that mean something to YAML, spliced in as often as random ones.
TOKENS = [b": ", b"- ", b"-", b"&a ", b"*a", b"<<: ", b"[", b"]", b"{", b"}", b",", b"!!", b"!!str ",
          b"!!binary ", b"? ", b"|", b">-", b"#", b"'", b'"', b"\\", b"\t", b"\r", b"\n", b"\n---\n",
          b"\n...\n", b"%YAML 1.1\n", b"~", b"null", b"yes", b"0x1F", b"1e400", b"2017-13-45",
          b"\xef\xbb\xbf", b"\xe2\x80\xa8", b"\x00", b"\xff"]
MUTATION = st.one_of(
    st.tuples(st.just(splice), POSITION,
              st.one_of(st.binary(min_size=1, max_size=8), st.sampled_from(TOKENS))),
    st.tuples(st.just(delete_line), POSITION),
    st.tuples(st.just(duplicate_line), POSITION),
    st.tuples(st.just(shift_indentation), POSITION,
              st.sampled_from([-4, -3, -2, -1, 1, 2, 3, 4])),
    st.tuples(st.just(half_width), POSITION, st.integers(min_value=1, max_value=20)),
)


def mutate(data: bytes, mutations) -> bytes:
    for function, *arguments in mutations:
        data = function(data, *arguments)
    return data


def run(*arguments: str) -> tuple[int, list[str]]:
    """`python -m generator ARGUMENTS`, in-process for speed: its status and its stderr lines."""
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        status = main(list(arguments))
    return status, errors.getvalue().splitlines()


def check(path: Path) -> tuple[int, list[str]]:
    return run("check", "--data", str(path))


def assert_diagnostics_only(path: Path, docs: Path, status: int, lines: list[str]) -> None:
    if status == 0:
        assert lines == []
        return
    assert status == 1
    # the data, or the URL ledger beside it when a mutation drops a published URL
    files = "|".join(map(re.escape, (str(path), str(path.with_name("urls.txt")))))
    diagnostic = re.compile(rf"({files}):[1-9][0-9]*:[1-9][0-9]*: (error|warning): \S")
    assert lines[:-1] and all(diagnostic.match(line) for line in lines[:-1]), lines
    assert re.fullmatch(rf"\d+ error\(s\), \d+ warning\(s\); {re.escape(str(docs))}/ was not "
                        "changed", lines[-1]), lines


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "plan.yaml"
    shutil.copy(LEDGER, path.with_name("urls.txt"))
    return path


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 40)),
          deadline=datetime.timedelta(seconds=1) if LONG_RUN else None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
          print_blob=True)
@given(mutations=st.lists(MUTATION, min_size=1, max_size=4))
def test_mutated_data_ends_in_success_or_diagnostics(data, mutations):
    """Generated as `make site` does: pages rendered on success, docs/ untouched on failure."""
    docs = data.with_name("docs")
    data.write_bytes(mutate(PLAN, mutations))
    before = tree_digest(docs)
    status, lines = run("--data", str(data), "--docs", str(docs))
    event("success" if status == 0 else "diagnostics")
    assert_diagnostics_only(data, docs, status, lines)
    if status:
        assert tree_digest(docs) == before


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 200)), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutations=st.lists(MUTATION, min_size=1, max_size=4))
def test_the_fast_shape_check_agrees_with_jsonschema(data, mutations):
    """Data the fast check passes is never read by jsonschema (generator/inputs/validate.py): the two
    must agree on every data file that loads."""
    data.write_bytes(mutate(PLAN, mutations))
    try:
        loaded = load(data).data
    except PlanError:
        return
    event("fits" if validator().is_valid(loaded) else "does not fit")
    assert fits(loaded) == validator().is_valid(loaded)


def test_the_real_data_passes_unmutated(data):
    data.write_bytes(PLAN)
    assert check(data) == (0, [])


def failing_mutants(count: int, folder: Path) -> list[bytes]:
    """The first `count` mutants, drawn by a fixed seed, that the check refuses."""
    rng, found = random.Random(17), []
    functions = [splice, delete_line, duplicate_line, shift_indentation, half_width]
    scratch = folder / "plan.yaml"
    folder.mkdir()
    shutil.copy(LEDGER, scratch.with_name("urls.txt"))
    while len(found) < count:
        function = functions[len(found) % len(functions)]
        extra = {splice: [bytes(rng.randrange(256) for _ in range(3))], shift_indentation: [2],
                 half_width: [5]}.get(function, [])
        mutant = function(PLAN, rng.randrange(len(PLAN)), *extra)
        scratch.write_bytes(mutant)
        if check(scratch)[0] == 1:
            found.append(mutant)
    return found


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow  # full builds: `make site`, four times
def test_make_site_with_mutated_data_leaves_docs_and_site_as_they_were(tmp_path):
    data = tmp_path / "data" / "plan.yaml"
    data.parent.mkdir()
    shutil.copy(ROOT / "data" / "plans" / "2017.yaml", data)
    shutil.copy(LEDGER, data.with_name("urls.txt"))
    folders = [f"DATA={data}", f"DOCS={tmp_path / 'docs'}", f"SITE={tmp_path / 'site'}",
               f"BUILD={tmp_path / 'build'}"]
    make = ["make", "--no-print-directory", "-C", str(ROOT), "site", *folders]
    assert subprocess.run(make, capture_output=True, text=True).returncode == 0
    before = {name: tree_digest(tmp_path / name) for name in ("docs", "site")}
    assert "tasks/gui-fan-xing-zheng-quan-li-yun-xing/index.html" in before["site"]
    diagnostic = re.compile(rf"{re.escape(str(data))}:[1-9][0-9]*:[1-9][0-9]*: (error|warning): \S")
    for mutant in failing_mutants(3, tmp_path / "scratch"):
        data.write_bytes(mutant)
        result = subprocess.run(make, capture_output=True, text=True)
        assert result.returncode != 0
        assert any(diagnostic.match(line) for line in result.stderr.splitlines()), result.stderr
        assert "Traceback" not in result.stderr
        assert {name: tree_digest(tmp_path / name) for name in ("docs", "site")} == before


# What fuzzing found: edits that ended in a traceback before they got these lines.
LEADS = re.findall(r"^( +)lead:\n((?:\1  - .+\n)+)", PLAN.decode(), flags=re.M)


@pytest.mark.parametrize("written, got", [("", "nothing"), (" 5", "the number 5")])
def test_a_lead_that_is_not_a_list_is_reported(data, written, got):
    indent, items = LEADS[0]
    text = PLAN.decode().replace(f"{indent}lead:\n{items}", f"{indent}lead:{written}\n", 1)
    data.write_text(text, encoding="utf-8")
    line = text[:text.index(f"{indent}lead:{written}\n")].count("\n") + 1
    column = len(indent) + len("lead:") + 1 + (1 if written else 0)
    assert check(data) == (1, [
        f"{data}:{line}:{column}: error: task （一）: field 'lead' must be a list of unit names, "
        f"got {got}", "1 error(s), 0 warning(s); nothing was changed"])


def test_a_top_level_field_given_twice_is_reported(data):
    text = PLAN.decode().replace("\nunits:\n", "\nunits:\nunits:\n", 1)
    data.write_text(text, encoding="utf-8")
    line = text[:text.index("\nunits:\n")].count("\n") + 2
    status, lines = check(data)
    assert status == 1 and lines[:2] == [
        f"{data}:{line}:7: error: field 'units' must be a list of records, got nothing",
        f"{data}:{line + 1}:1: error: field 'units' is given twice (first at line {line}); delete one"]
