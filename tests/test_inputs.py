"""The inputs of a build are found once from --data, and the default data folder is written in
one place: the command line, the forms, the report, the import of returned forms, the Makefile
and a plain MkDocs build all take it from generator/inputs/data_folder.py."""
import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.inputs.data_folder import DEFAULT_DATA, Inputs
from tests.conftest import FIXTURES, ROOT


def _python_constants(value: str) -> list[str]:
    """file:line of every string constant `value` in the generator's code."""
    found = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value == value:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _yaml_scalars(node, value: str) -> int:
    """How many scalars of the MkDocs configuration are `value`, whatever their tag."""
    if isinstance(node, yaml.ScalarNode):
        return node.value == value
    children = node.value if isinstance(node, yaml.SequenceNode) else \
        [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else []
    return sum(_yaml_scalars(child, value) for child in children)


def test_the_default_data_folder_is_written_once():
    default = DEFAULT_DATA.as_posix()
    assert [place.split(":")[0] for place in _python_constants(default)] == ["generator/inputs/data_folder.py"]
    config = yaml.compose((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert _yaml_scalars(config, default) == 0
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    assert [line for line in makefile if not line.startswith("#") and line.split("=")[-1].split()
            == [default]] == []


def _make_dry_run(*arguments: str) -> list[str]:
    result = subprocess.run(["make", "-n", *arguments], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    return [line for line in result.stdout.splitlines() if " -m generator " in line]


def test_make_passes_the_data_folder_only_when_one_is_given():
    assert _make_dry_run("check") == [".venv/bin/python -m generator check "]
    assert _make_dry_run("check", "DATA=other/plan.yaml") == [
        ".venv/bin/python -m generator check --data other/plan.yaml"]


def test_every_file_of_a_data_folder_is_named_under_it():
    inputs = Inputs.at(Path("data"))
    assert (inputs.ledger.name, inputs.settings.name, inputs.progress(2017).name) == (
        "data/urls.txt", "data/site.yaml", "data/progress/2017.yaml")
    assert [(plan.name, plan.year) for plan in inputs.plans] == [("data/plans/2017.yaml", 2017)]
    assert inputs.plan(2018).name == "data/plans/2018.yaml"


def test_a_plan_file_given_alone_has_its_files_beside_it(tmp_path):
    alone = Inputs.at(FIXTURES / "small_plan.yaml", ROOT)
    assert [(plan.name, plan.year) for plan in alone.plans] == [("tests/fixtures/small_plan.yaml", None)]
    assert (alone.ledger.name, alone.progress(2020).name) == (
        "tests/fixtures/urls.txt", "tests/fixtures/progress/2020.yaml")
    # one plan of a data folder built on its own: its progress is still the folder's
    (tmp_path / "plans").mkdir()
    kept = Inputs.at(tmp_path / "plans" / "2017.yaml", tmp_path)
    assert (kept.progress(2017).path.resolve(), kept.progress(2017).name) == (
        tmp_path / "progress" / "2017.yaml", "progress/2017.yaml")


@pytest.mark.slow
def test_a_plain_mkdocs_configuration_watches_the_data_folder_it_builds(tmp_path):
    """A live preview follows edits to the data PLAN_DATA names, or else to the default folder."""
    docs = tmp_path / "docs"
    docs.mkdir()
    script = ("from mkdocs.config import load_config\n"
              "config = load_config('mkdocs.yml')\n"
              "print(config.plugins.on_config(config).watch[-1])\n")
    for plan_data, watched in [(str(FIXTURES / "small_plan.yaml"), FIXTURES / "small_plan.yaml"),
                               ("", ROOT / DEFAULT_DATA)]:
        env = {**os.environ, "PLAN_DATA": plan_data, "PLAN_DOCS": str(docs),
               "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[-1] == str(watched)
