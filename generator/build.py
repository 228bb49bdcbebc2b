"""The stages in order: find the inputs, load, validate, model, list the pages, check URLs,
read the progress, render, write."""
from pathlib import Path

from generator.diagnostics import Diagnostic, PlanError
from generator.i18n import _
from generator.inputs.data_folder import Inputs, PlanFile
from generator.inputs.load import Source, load
from generator.inputs.validate import check
from generator.model import lineage, slugs
from generator.model.plan import Plan, build, year_of
from generator.model.progress import Progress, load_progress
from generator.outputs import render as rendering
from generator.outputs import search
from generator.outputs.write import Report, StagedWrite
from generator.site import ledger, pages
from generator.site.pages import Site


def _inputs(data: Inputs | Path) -> Inputs:
    """The entry points pass the inputs they found once; a test or a benchmark may name a folder
    or a plan file."""
    return data if isinstance(data, Inputs) else Inputs.at(data)


def load_plan(data: Inputs | Path) -> Plan:
    """The validated model of the newest plan; PlanError with every problem (warnings included)."""
    return load_site(data)[1].plan


def load_site(data: Inputs | Path, *, new_urls_allowed: bool = False,
              drafts: bool = False) -> tuple[Source, Site]:
    """Load and validate every plan, list the pages, check their URLs against the ledger, then
    read each plan's progress. Returns the newest plan's source with the site. Draft plans are
    left out (named in `site.drafts_left_out`) unless `drafts`; their URLs need not be in the
    ledger."""
    sources, site = _load(_inputs(data), new_urls_allowed, drafts)
    return sources[0], site


def is_draft(source: Source) -> bool:
    return isinstance(source.data, dict) and source.data.get("draft") is True


def _load(inputs: Inputs, new_urls_allowed: bool, drafts: bool = False) -> tuple[list[Source], Site]:
    problems: list[Diagnostic] = []
    loaded: list[tuple[Source, Plan, PlanFile]] = []
    files = inputs.plans
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
    listed = pages.registry([plan for _, plan, _ in loaded])
    source_of = {plan: source for source, plan, _ in loaded}
    sources = [source_of[plan] for plan in listed.plans]
    problems = sorted(problems) + lineage.check(listed.units) + pages.check(listed)
    if problems:
        raise PlanError(problems)
    reviewed = [plan for plan in listed.plans if not plan.draft]
    unpublished = set(ledger.published(listed)) - set(ledger.published(pages.registry(reviewed))) \
        if len(reviewed) < len(listed.plans) else set()
    moves, problems = ledger.check(listed, sources, inputs.ledger.path, inputs.ledger.name,
                                   new_urls_allowed=new_urls_allowed, drafts=unpublished)
    if problems:
        raise PlanError(problems)
    progress = _progress(inputs, listed.plans)
    return sources, Site(listed.plans, listed.outputs, listed.units, sources=source_of,
                         progress=progress, moves=moves, drafts_left_out=tuple(left_out))


def _progress(inputs: Inputs, plans: tuple[Plan, ...]) -> dict[Plan, Progress | None]:
    """Each plan's progress, from data/progress/<year>.yaml; PlanError with the problems of
    every file."""
    progress, problems = {}, []
    for plan in plans:
        file = inputs.progress(plan.year)
        try:
            progress[plan] = load_progress(file.path, file.name, plan)
        except PlanError as error:
            problems += error.diagnostics
    if problems:
        raise PlanError(problems)
    return progress


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


def generate(data: Inputs | Path, docs: Path, *, new_urls_allowed: bool = False,
             site_url: str = "", drafts: bool = False) -> tuple[Site, Report]:
    """Validate everything first, then render the pages while they are written to a staging
    folder: docs/ changes only when all succeeded. Draft plans only with `drafts` (a preview)."""
    inputs = _inputs(data)
    _sources, site = _load(inputs, new_urls_allowed, drafts)
    with StagedWrite(docs) as staged:
        for path, text in rendering.rendered(site, inputs.name, site_url=site_url):
            staged.add(path, text)
    for kept in (search.SUB_WORDS, slugs.SYLLABLES):
        kept.save()
    return site, staged.report


def publish_urls(data: Inputs | Path) -> tuple[list[str], tuple[str, ...]]:
    """`make urls`: enter the site's new URLs, and the moves of old ones, into the ledger;
    refuses while a URL would break. Returns the new URLs, and the drafts left out."""
    inputs = _inputs(data)
    _source, site = load_site(inputs, new_urls_allowed=True)
    return ledger.update(site, inputs.ledger.path), site.drafts_left_out
