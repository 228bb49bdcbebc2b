"""The stages in order: find the plans, load, validate, model, list the pages, check URLs,
render, write."""
import re
from dataclasses import dataclass
from pathlib import Path

from . import ledger, lineage, pages, search, slugs
from . import render as rendering
from .diagnostics import Diagnostic, PlanError
from .load import Source, load
from .model import Plan, build
from .pages import Site
from .progress import Progress, load_progress
from .validate import check
from .write import Pages, Report

PLANS = "plans"  # data/plans/<year>.yaml: one plan a year
_YEAR = re.compile(r"[0-9]{4}")
_TITLE_YEAR = re.compile(r"([0-9]{4})年")


@dataclass(frozen=True)
class PlanFile:
    path: Path
    name: str  # as messages name it: data/plans/2017.yaml
    year: int | None  # from the file name; None for a plan file given on its own


def plan_files(data: Path, display_name: str | None = None) -> list[PlanFile]:
    """The plans to build: every data/plans/<year>.yaml of a data folder, or one plan file."""
    shown = display_name or data.as_posix()
    if not data.is_dir():
        return [PlanFile(data, shown, None)]
    folder = data / PLANS
    found = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")) \
        if folder.is_dir() else []
    if not found:
        raise PlanError([Diagnostic(f"{shown}/{PLANS}", 1, 1, "error",
                                    f"no plan found: expected one file a year, {shown}/{PLANS}/"
                                    "<year>.yaml, such as 2017.yaml")])
    files, problems, years = [], [], {}
    for path in found:
        name = f"{shown}/{PLANS}/{path.name}"
        if not _YEAR.fullmatch(path.stem):
            problems.append(Diagnostic(name, 1, 1, "error",
                                       f"the file name '{path.stem}' is not a year; name a plan's "
                                       "file after its year, such as 2018.yaml"))
            continue
        year = int(path.stem)
        if year in years:
            problems.append(Diagnostic(name, 1, 1, "error",
                                       f"a second plan for {year} (the first is {years[year]}); "
                                       "a year has one plan"))
            continue
        years[year] = name
        files.append(PlanFile(path, name, year))
    if problems:
        raise PlanError(problems)
    return files


def load_plan(data: Path, display_name: str | None = None) -> Plan:
    """The validated model of the newest plan; PlanError with every problem (warnings included)."""
    return load_site(data, display_name)[1].plan


def load_checked(data: Path, display_name: str | None = None, *,
                 new_urls_allowed: bool = False) -> tuple[Source, Plan]:
    source, site = load_site(data, display_name, new_urls_allowed=new_urls_allowed)
    return source, site.plan


def load_site(data: Path, display_name: str | None = None, *,
              new_urls_allowed: bool = False) -> tuple[Source, Site]:
    """Load and validate every plan, list the pages, then check their URLs against the ledger.
    Returns the newest plan's source with the site."""
    sources, site = _load(data, display_name, new_urls_allowed)
    return sources[0], site


def _load(data: Path, display_name: str | None, new_urls_allowed: bool) -> tuple[list[Source], Site]:
    problems: list[Diagnostic] = []
    loaded: list[tuple[Source, Plan, PlanFile]] = []
    files = plan_files(data, display_name)
    for file in files:
        try:
            source = load(file.path, file.name)  # each plan file within the loader's own limits
        except PlanError as error:
            problems += error.diagnostics
            continue
        found, well_formed = check(source)
        problems += found
        if well_formed:
            plan = build(source.data, source)
            problems += _year_problems(plan, source, file)
            loaded.append((source, plan, file))
    if len(loaded) < len(files) or any(plan.year is None for _, plan, _ in loaded):
        raise PlanError(sorted(problems))
    # the pages can be listed, and their URLs checked, with the other problems
    site = pages.registry([plan for _, plan, _ in loaded])
    by_plan = {plan: (source, file) for source, plan, file in loaded}
    sources = [by_plan[plan][0] for plan in site.plans]
    site.files = {plan: by_plan[plan][1] for plan in site.plans}
    problems = sorted(problems) + lineage.check(site.units) + pages.check(site)
    if problems:
        raise PlanError(problems)
    path = ledger.ledger_path(data)
    shown = (display_name or data.as_posix()) if data.is_dir() else None
    name = f"{shown}/{path.name}" if shown else Path(sources[0].file).with_name(path.name).as_posix()
    problems = ledger.check(site, sources, path, name, new_urls_allowed=new_urls_allowed)
    if problems:
        raise PlanError(problems)
    return sources, site


def _year_problems(plan: Plan, source: Source, file: PlanFile) -> list[Diagnostic]:
    """A plan's year is its document's; a plan kept by year is in the file of that year."""
    where = ("document", "number")
    if plan.year is None:
        return [source.diagnostic(where, "the plan's year is in neither its 发文字号 (〔2018〕) nor "
                                         "its title (2018年); the site keeps each plan under its year")]
    if file.year is not None and plan.year != file.year:
        return [source.diagnostic(where, f"the document is of {plan.year} (发文字号 "
                                         f"{plan.document.number}, title {plan.document.title}), but "
                                         f"the file is named for {file.year}; name it {plan.year}.yaml")]
    # the title must not name another year than the 发文字号
    titled = _TITLE_YEAR.search(plan.document.title)
    if titled and int(titled.group(1)) != plan.year:
        return [source.diagnostic(("document", "title"), f"the title names {titled.group(1)}, but the "
                                  f"发文字号 {plan.document.number} is of {plan.year}; a plan has one year")]
    return []


def load_progress_all(site: Site) -> dict[Plan, Progress | None]:
    """Each plan's progress, from data/progress/<year>.yaml beside the plans."""
    return {plan: load_progress(site.files[plan].path, site.files[plan].name, plan)
            for plan in site.plans}


def generate(data: Path, docs: Path, display_name: str | None = None, *,
             new_urls_allowed: bool = False, site_url: str = "") -> tuple[Site, Report]:
    """Validate everything first, then render the pages while they are written to a staging
    folder: docs/ changes only when all succeeded."""
    name = display_name or data.as_posix()
    _, site = _load(data, name, new_urls_allowed)
    progress = load_progress_all(site)
    with Pages(docs) as staged:
        for path, text in rendering.rendered(site, name, progress, site_url=site_url):
            staged.add(path, text)
    for kept in (search.SUB_WORDS, slugs.SYLLABLES):
        kept.save()
    return site, staged.report


def publish_urls(data: Path) -> list[str]:
    """`make urls`: enter the site's new URLs, and the moves of old ones, into the ledger;
    refuses while a URL would break."""
    _, site = load_site(data, new_urls_allowed=True)
    return ledger.update(site, ledger.ledger_path(data))
