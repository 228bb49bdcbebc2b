"""The stages in order: find the plans, load, validate, model, list the pages, check URLs,
render, write."""
import re
from dataclasses import dataclass
from pathlib import Path

from . import ledger, lineage, pages, search, slugs
from . import render as rendering
from .diagnostics import Diagnostic, PlanError
from .i18n import _
from .load import Source, load
from .model import Plan, build, year_of
from .pages import Site
from .progress import Progress, load_progress
from .validate import check
from .write import Pages, Report

PLANS = "plans"  # data/plans/<year>.yaml: one plan a year
_YEAR = re.compile(r"[0-9]{4}")


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
        raise PlanError([Diagnostic(f"{shown}/{PLANS}", 1, 1, "error", _(
            "no plan found: expected one file a year, {folder}/<year>.yaml, such as 2017.yaml"
        ).format(folder=f"{shown}/{PLANS}"))])
    files, problems, years = [], [], {}
    for path in found:
        name = f"{shown}/{PLANS}/{path.name}"
        if not _YEAR.fullmatch(path.stem):
            problems.append(Diagnostic(name, 1, 1, "error", _(
                "the file name '{stem}' is not a year; name a plan's file after its year, such as "
                "2018.yaml").format(stem=path.stem)))
            continue
        year = int(path.stem)
        if year in years:
            problems.append(Diagnostic(name, 1, 1, "error", _(
                "a second plan for {year} (the first is {first}); a year has one plan").format(
                year=year, first=years[year])))
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


def load_site(data: Path, display_name: str | None = None, *, new_urls_allowed: bool = False,
              drafts: bool = False) -> tuple[Source, Site]:
    """Load and validate every plan, list the pages, then check their URLs against the ledger.
    Returns the newest plan's source with the site. Draft plans are left out (named in
    `site.drafts_left_out`) unless `drafts`; their URLs need not be in the ledger."""
    sources, site = _load(data, display_name, new_urls_allowed, drafts)
    return sources[0], site


def is_draft(source: Source) -> bool:
    return isinstance(source.data, dict) and source.data.get("draft") is True


def _load(data: Path, display_name: str | None, new_urls_allowed: bool,
          drafts: bool = False) -> tuple[list[Source], Site]:
    problems: list[Diagnostic] = []
    loaded: list[tuple[Source, Plan, PlanFile]] = []
    files = plan_files(data, display_name)
    left_out = []
    for file in files:
        try:
            source = load(file.path, file.name)  # each plan file within the loader's own limits
        except PlanError as error:
            problems += error.diagnostics
            continue
        if is_draft(source) and not drafts:
            left_out.append(file.name)  # not published, so not held to the site's checks either
            continue
        found, well_formed = check(source)
        problems += found
        if well_formed:
            plan = build(source.data, source)
            problems += _year_problems(plan, source, file)
            loaded.append((source, plan, file))
    if len(loaded) + len(left_out) < len(files) or any(plan.year is None for _, plan, _ in loaded):
        raise PlanError(sorted(problems))
    if not loaded:
        raise PlanError([Diagnostic(left_out[0], 1, 1, "error", _(
            "every plan is a draft ({drafts}); delete the line draft: true of a reviewed one to "
            "build the site").format(drafts=", ".join(left_out)))])
    # the pages can be listed, and their URLs checked, with the other problems
    site = pages.registry([plan for _, plan, _ in loaded])
    by_plan = {plan: (source, file) for source, plan, file in loaded}
    sources = [by_plan[plan][0] for plan in site.plans]
    site.files = {plan: by_plan[plan][1] for plan in site.plans}
    site.drafts_left_out = left_out
    problems = sorted(problems) + lineage.check(site.units) + pages.check(site)
    if problems:
        raise PlanError(problems)
    path = ledger.ledger_path(data)
    shown = (display_name or data.as_posix()) if data.is_dir() else None
    name = f"{shown}/{path.name}" if shown else Path(sources[0].file).with_name(path.name).as_posix()
    reviewed = [plan for plan in site.plans if not plan.draft]
    unpublished = set(ledger.published(site)) - set(ledger.published(pages.registry(reviewed))) \
        if len(reviewed) < len(site.plans) else set()
    problems = ledger.check(site, sources, path, name, new_urls_allowed=new_urls_allowed,
                            drafts=unpublished)
    if problems:
        raise PlanError(problems)
    return sources, site


def _year_problems(plan: Plan, source: Source, file: PlanFile) -> list[Diagnostic]:
    """A plan's year is its document's; a plan kept by year is in the file of that year."""
    where = ("document", "number")
    if plan.year is None:
        return [source.diagnostic(where, _(
            "the plan's year is in neither its 发文字号 (〔2018〕) nor its title (2018年); the site "
            "keeps each plan under its year"))]
    if file.year is not None and plan.year != file.year:
        return [source.diagnostic(where, _(
            "the document is of {year} (发文字号 {number}, title {title}), but the file is named "
            "for {file_year}; name it {year}.yaml").format(
            year=plan.year, number=plan.document.number, title=plan.document.title,
            file_year=file.year))]
    # the title must not name another year than the 发文字号
    titled = year_of("", plan.document.title)
    if titled and titled != plan.year:
        return [source.diagnostic(("document", "title"), _(
            "the title names {titled}, but the 发文字号 {number} is of {year}; a plan has one year"
        ).format(titled=titled, number=plan.document.number, year=plan.year))]
    return []


def load_progress_all(site: Site) -> dict[Plan, Progress | None]:
    """Each plan's progress, from data/progress/<year>.yaml beside the plans."""
    return {plan: load_progress(site.files[plan].path, site.files[plan].name, plan)
            for plan in site.plans}


def generate(data: Path, docs: Path, display_name: str | None = None, *,
             new_urls_allowed: bool = False, site_url: str = "",
             drafts: bool = False) -> tuple[Site, Report]:
    """Validate everything first, then render the pages while they are written to a staging
    folder: docs/ changes only when all succeeded. Draft plans only with `drafts` (a preview)."""
    name = display_name or data.as_posix()
    _sources, site = _load(data, name, new_urls_allowed, drafts)
    progress = load_progress_all(site)
    with Pages(docs) as staged:
        for path, text in rendering.rendered(site, name, progress, site_url=site_url):
            staged.add(path, text)
    for kept in (search.SUB_WORDS, slugs.SYLLABLES):
        kept.save()
    return site, staged.report


def publish_urls(data: Path) -> tuple[list[str], list[str]]:
    """`make urls`: enter the site's new URLs, and the moves of old ones, into the ledger;
    refuses while a URL would break. Returns the new URLs, and the drafts left out."""
    _source, site = load_site(data, new_urls_allowed=True)
    return ledger.update(site, ledger.ledger_path(data)), site.drafts_left_out
