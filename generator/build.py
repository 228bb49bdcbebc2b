"""The stages in order: load, validate, model, check URLs, render, write."""
from pathlib import Path

from . import ledger
from . import render as rendering
from .diagnostics import PlanError
from .load import Source, load
from .model import Plan, build
from .progress import load_progress
from .validate import check
from .write import Report, write_pages


def load_plan(data: Path, display_name: str | None = None) -> Plan:
    """The validated model; PlanError with every problem (warnings included) otherwise."""
    return load_checked(data, display_name)[1]


def load_checked(data: Path, display_name: str | None = None, *,
                 new_urls_allowed: bool = False) -> tuple[Source, Plan]:
    """Load and validate the data, then check its URLs against the ledger beside it."""
    source = load(data, display_name)
    problems = check(source)
    if problems:
        raise PlanError(problems)
    plan = build(source.data)
    problems = ledger.check(plan, source, ledger.ledger_path(data), new_urls_allowed=new_urls_allowed)
    if problems:
        raise PlanError(problems)
    return source, plan


def generate(data: Path, docs: Path, display_name: str | None = None, *,
             new_urls_allowed: bool = False, site_url: str = "") -> tuple[Plan, Report]:
    """Validate and render everything in memory first: docs/ changes only when all succeeded."""
    name = display_name or data.as_posix()
    _, plan = load_checked(data, name, new_urls_allowed=new_urls_allowed)
    progress = load_progress(data, name, plan)
    pages = rendering.render(plan, name, progress, site_url=site_url)
    return plan, write_pages(docs, pages)


def publish_urls(data: Path) -> list[str]:
    """`make urls`: enter the plan's new URLs into the ledger; refuses while a URL would break."""
    _, plan = load_checked(data, new_urls_allowed=True)
    return ledger.update(plan, ledger.ledger_path(data))
