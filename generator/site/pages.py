"""Every output of the site, listed once: its kind, its path and URL, the record it shows and
that record's label, and its place in the nav.

Rendering, the URL ledger, redirects, the nav, the downloads, the feeds, the write step and the
URL collision check all read this one list (as Pelican's writers read each object's `save_as`
and `url`, and Eleventy checks output conflicts over its one list). What each kind of output is
(its path rule, its template or writer) is declared in generator/site/kinds.py.
"""
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from generator.diagnostics import Diagnostic
from generator.i18n import N_, _
from generator.inputs import limits
from generator.inputs.load import Source
from generator.model.lineage import SiteUnit, units_across
from generator.model.plan import Origin, Plan, Unit
from generator.model.progress import Progress
from generator.site import urls
from generator.site.kinds import KINDS, Kind
from generator.site.listing import Listed, MatrixPart, UnitPart


@dataclass(frozen=True, eq=False)
class Output:
    kind: Kind
    path: str  # under docs/
    url: str
    # the record as the ledger names it, in English whatever the language of the run, so that
    # data/urls.txt does not change with it: "task （三）加强法制机构建设"
    label: str
    nav: tuple[str, ...] | None  # the nav groups it is listed in, outermost first; None: unlisted
    title: str | None  # its nav entry; None lets MkDocs take the page's own title
    # the Section, Task or Unit it shows (a download: its file's name); None for a page of the
    # whole plan or site
    record: Any = None
    plan: Plan | None = None  # the plan a page of one year belongs to
    named: str = ""  # the label in the language of the run, as messages name the record

    @property
    def origin(self) -> Origin | None:
        """Where the data decides this page's URL, for messages about it."""
        return getattr(self.record, "origin", None)


class Site:
    """The outputs of the plans, newest plan first, pages in reading order, with a lookup from
    each record to its page. Built once everything is known (build.load_site): nothing is
    assigned to it afterwards."""

    def __init__(self, plans: tuple[Plan, ...], outputs: list[Output],
                 units: tuple[SiteUnit, ...] = (), *,
                 sources: Mapping[Plan, Source] = MappingProxyType({}),
                 progress: Mapping[Plan, Progress | None] = MappingProxyType({}),
                 moves: Mapping[str, str] = MappingProxyType({}),
                 drafts_left_out: tuple[str, ...] = ()):
        self.plans = tuple(plans)
        self.units = tuple(units)
        self.outputs = tuple(outputs)
        self.pages = tuple(output for output in outputs if output.kind.page)
        self.sources = MappingProxyType(dict(sources))  # each plan as read, with its positions
        self.progress = MappingProxyType(dict(progress))  # each plan's, None before its first
        # old URL -> the URL of the page that now shows its record, as the ledger records it
        self.moves = MappingProxyType(dict(moves))
        self.drafts_left_out = tuple(drafts_left_out)  # the files of draft plans not built
        # records compare by identity, so this maps each record to its own page: the first listed
        # of the pages that show it (a unit's page, before any other kind of page of the unit)
        self._by_record: dict = {}
        for page in self.pages:
            if page.record is not None:
                self._by_record.setdefault(page.record, page)
        self._site_unit = {record: unit for unit in self.units for _, record in unit.years}
        for record, unit in self._site_unit.items():  # each year's unit record opens its one page
            if unit in self._by_record:
                self._by_record[record] = self._by_record[unit]
        self._by_kind = {(output.kind.name, output.plan): output
                         for output in self.outputs if output.record is None}
        self._downloads: dict[Plan | None, dict[str, Output]] = {}
        self._feeds: dict[SiteUnit, Output] = {}
        for output in self.outputs:
            if output.kind.name in ("plan-download", "download"):
                self._downloads.setdefault(output.plan, {})[output.record] = output
            elif output.kind.name == "unit-feed":
                self._feeds[output.record] = output
        self._parts: dict[Any, list[Output]] = {}
        for page in self.pages:
            if isinstance(page.record, UnitPart):
                self._parts.setdefault(page.record.unit, []).append(page)
            elif isinstance(page.record, MatrixPart):
                self._parts.setdefault(page.plan, []).append(page)

    @property
    def plan(self) -> Plan:
        """The newest plan."""
        return self.plans[0]

    def page_of(self, record) -> Output:
        return self._by_record[record]

    def url_of(self, record) -> str:
        return self._by_record[record].url

    def unit_of(self, unit: Unit | SiteUnit) -> SiteUnit:
        """The site's unit of one year's unit record."""
        return self._site_unit.get(unit, unit)

    def parts_of(self, unit: Unit | SiteUnit | None, plan: Plan | None = None) -> list[Output]:
        """The pages a unit's task list is split into, or (None) those of a plan's matrix (the
        newest plan's unless given): none while one page holds it all."""
        if unit is None:
            return self._parts.get(plan or self.plan, [])
        return self._parts.get(self.unit_of(unit), [])

    def the(self, kind: str, plan: Plan | None = None) -> Output:
        """The one output of a kind that shows a whole plan (plan, matrix; the newest plan's
        unless given) or the whole site (home, directory, feed)."""
        return self._by_kind[(kind, (plan or self.plan) if KINDS[kind].per_plan else None)]

    def downloads_of(self, plan: Plan | None) -> dict[str, Output]:
        """A plan's downloads (None: the tables of every plan together), by file name."""
        return self._downloads[plan]

    def feed_of(self, unit: SiteUnit) -> Output:
        return self._feeds[self.unit_of(unit)]

    @cached_property
    def redirects(self) -> tuple[Output, ...]:
        """The old URLs that keep working, each a redirect page the engine writes from the
        configuration's redirect map: the redirects declared in the plans and the moves the
        ledger records, each to the page that now shows its record."""
        declared = {redirect.source: redirect.target
                    for plan in self.plans for redirect in plan.redirects}
        at = {page.url: page for page in self.pages}
        kind = KINDS["redirect"]
        return tuple(Output(kind, kind.path(source), source, "", None, None, at[target])
                     for source, target in sorted({**self.moves, **declared}.items()))


def registry(plans: "Plan | tuple[Plan, ...] | list[Plan]") -> Site:
    """Every output of the site, kind by kind in the order of KINDS, each kind's in reading order:
    home; each plan's page, sections, tasks and matrix, newest plan first; the unit directory and
    the units in pinyin order, collective units last; the downloads and the feeds."""
    plans = (plans,) if isinstance(plans, Plan) else tuple(
        sorted(plans, key=lambda plan: plan.year or 0, reverse=True))
    units = units_across(plans)
    return Site(plans, [_output(kind, listed) for kind in KINDS.values()
                        for listed in kind.each(plans, units)], units)


def _output(kind: Kind, listed: Listed) -> Output:
    form, fields = listed.label[0], listed.label[1] if len(listed.label) > 1 else {}
    slug = listed.slug if listed.slug is not None else getattr(listed.record, "slug", "")
    path = kind.path_in(slug, listed.plan)
    return Output(kind, path, urls.url_of(path), form.format(**fields), listed.nav, listed.title,
                  listed.record, listed.plan if kind.per_plan else None,
                  _(form).format(**fields) if form else "")


def check(site: Site) -> list[Diagnostic]:
    """Every page has a URL of its own: two records sharing one would hide each other's page.

    A collision is reported at the record written later in the data, naming the earlier one."""
    problems = []
    owners: dict[str, Output] = {}
    in_file_order = sorted(site.pages, key=lambda page: (page.origin is not None, page.origin or ()))
    for page in in_file_order:
        origin = page.origin
        if page.record is not None and not page.record.slug:
            problems.append(Diagnostic.at(origin, _(_NO_PINYIN[page.kind.named_by]).format(
                page=page.named)))
            continue
        if page.record is not None and len(page.record.slug) > limits.MAX_SLUG_BYTES:
            problems.append(Diagnostic.at(origin, _(
                "{page}: its URL slug is {size} bytes, more than the {limit} a URL segment may "
                "have; pin a shorter one with the field 'slug'").format(
                    page=page.named, size=len(page.record.slug), limit=limits.MAX_SLUG_BYTES)))
            continue
        first = owners.setdefault(page.url, page)
        if first is not page:
            problems.append(Diagnostic.at(origin, (
                _("{page}: URL {url} is also the URL of {first} ({where}); pin another with the "
                  "field 'slug'") if first.origin else
                _("{page}: URL {url} is also the URL of {first}; pin another with the field 'slug'")
            ).format(page=page.named, url=page.url, first=first.named, where=first.origin)))
    return problems


# A record whose slug would be made from its title (or name) that gives no pinyin.
_NO_PINYIN = {
    "title": N_("{page}: the title gives no pinyin for a URL; pin one with the field 'slug'"),
    "name": N_("{page}: the name gives no pinyin for a URL; pin one with the field 'slug'"),
}
