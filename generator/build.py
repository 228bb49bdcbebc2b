"""The stages in order: load, validate, model, render, write."""
from pathlib import Path

from . import render as rendering
from .diagnostics import PlanError
from .load import load
from .model import Plan, build
from .validate import check
from .write import Report, write_pages


def load_plan(data: Path, display_name: str | None = None) -> Plan:
    """The validated model; PlanError with every problem (warnings included) otherwise."""
    source = load(data, display_name)
    problems = check(source)
    if problems:
        raise PlanError(problems)
    return build(source.data)


def generate(data: Path, docs: Path, display_name: str | None = None) -> tuple[Plan, Report]:
    """Validate and render everything in memory first: docs/ changes only when all succeeded."""
    name = display_name or data.as_posix()
    plan = load_plan(data, name)
    pages = rendering.render(plan, name)
    return plan, write_pages(docs, pages)
