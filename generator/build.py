"""The stages in order: load, validate, model, list the pages, check URLs, render, write."""
from pathlib import Path

from . import ledger, pages
from . import render as rendering
from .diagnostics import PlanError
from .load import Source, load
from .model import Plan, build
from .pages import Site
from .progress import load_progress
from .validate import check
from .write import Report, write_pages


def load_plan(data: Path, display_name: str | None = None) -> Plan:
    """The validated model; PlanError with every problem (warnings included) otherwise."""
    return load_site(data, display_name)[1].plan


def load_checked(data: Path, display_name: str | None = None, *,
                 new_urls_allowed: bool = False) -> tuple[Source, Plan]:
    source, site = load_site(data, display_name, new_urls_allowed=new_urls_allowed)
    return source, site.plan


def load_site(data: Path, display_name: str | None = None, *,
              new_urls_allowed: bool = False) -> tuple[Source, Site]:
    """Load and validate the data, list its pages, then check their URLs against the ledger."""
    source = load(data, display_name)
    problems, well_formed = check(source)
    if well_formed:  # the pages can be listed, and their URLs checked, with the other problems
        site = pages.registry(build(source.data, source))
        problems += pages.check(site)
    if problems:
        raise PlanError(problems)
    problems = ledger.check(site, source, ledger.ledger_path(data), new_urls_allowed=new_urls_allowed)
    if problems:
        raise PlanError(problems)
    return source, site


def generate(data: Path, docs: Path, display_name: str | None = None, *,
             new_urls_allowed: bool = False, site_url: str = "") -> tuple[Site, Report]:
    """Validate and render everything in memory first: docs/ changes only when all succeeded."""
    name = display_name or data.as_posix()
    _, site = load_site(data, name, new_urls_allowed=new_urls_allowed)
    progress = load_progress(data, name, site.plan)
    return site, write_pages(docs, rendering.render(site, name, progress, site_url=site_url))


def publish_urls(data: Path) -> list[str]:
    """`make urls`: enter the site's new URLs into the ledger; refuses while a URL would break."""
    _, site = load_site(data, new_urls_allowed=True)
    return ledger.update(site, ledger.ledger_path(data))
