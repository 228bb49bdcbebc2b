"""The ledger of published URLs (data/urls.txt): once published, a URL keeps working.

Every URL the site has published stays in the ledger. A build fails when one of them would no
longer be produced and no redirect is declared for it, and when a new URL is not yet in the
ledger: new URLs enter it only through `make urls`.

When plans moved under their year, a page of the one-plan layout (/tasks/<slug>/) moved to the
same place under the plan's year (/2017/tasks/<slug>/). `make urls` finds the new page by that
rule and records the move in the ledger, on the old URL's line (`/tasks/x/ -> /2017/tasks/x/ task
（一）…`); the old URL then redirects there. A move is found by rule once and kept as recorded, so a
plan added later never takes over an old URL.
"""
import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.i18n import _, did_you_mean
from generator.inputs.load import Source, read_text
from generator.inputs.validate import SCHEMA, expected
from generator.site import urls
from generator.site.pages import Site

HEADER = ("# Every URL this site has published, one a line, sorted, with the record it belonged to.\n"
          "# Written by `make urls`. A URL here must keep working: see README.md, \"Stable URLs\".\n")


MOVED = "->"
# A URL of the ledger is held to the same rule as a redirect's in the plan files: lowercase words
# between slashes, none of them 'index', so that no line can name a file outside the site or
# the file of another page (/units/index/ would be written as units/index.html).
_URL = SCHEMA["$defs"]["url"]
SITE_URL = re.compile(_URL["pattern"])


@dataclass(frozen=True)
class Entry:
    url: str
    label: str
    line: int
    moved_to: str = ""  # the URL of the page that now shows the record, once it moved
    column: int = 1  # of the URL on its line
    moved_column: int = 0  # of moved_to


def published(site: Site) -> dict[str, str]:
    """URL -> the record it shows, for every page of the site, as the ledger names it."""
    return {page.url: page.label for page in site.pages}


def _named(site: Site) -> dict[str, str]:
    """URL -> the record it shows, as messages name it."""
    return {page.url: page.named for page in site.pages}


def moved_by_rule(url: str, site: Site, current) -> str:
    """Where a page of the one-plan layout is now: the same path under the year of the oldest
    plan that has it, among the `current` URLs ('' if none)."""
    for plan in reversed(site.plans):
        candidate = "/" + urls.year_folder(plan) + url.lstrip("/")
        if candidate in current:
            return candidate
    return ""


def read(path: Path, name: str | None = None) -> list[Entry]:
    if not path.exists():
        return []
    entries = []
    for number, line in enumerate(read_text(path, name or path.as_posix()).splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            column = len(line) - len(line.lstrip()) + 1
            url, _space, label = line.strip().partition(" ")
            moved_to, moved_column = "", 0
            if label.startswith(MOVED + " "):
                rest = label[len(MOVED) + 1:]
                moved_column = line.index(MOVED, column) + len(MOVED) + 2 + len(rest) - len(rest.lstrip())
                moved_to, _space, label = rest.strip().partition(" ")
            entries.append(Entry(url, label.strip(), number, moved_to, column, moved_column))
    return entries


def check(site: Site, sources: list[Source], path: Path, name: str, *,
          new_urls_allowed=False, drafts: set[str] = frozenset()
          ) -> tuple[dict[str, str], list[Diagnostic]]:
    """Redirects that point at real pages, and a ledger that the site still honours in full:
    the moves the ledger holds (old URL -> the URL that now shows its record), and every problem.
    `drafts`: URLs only a draft plan produces, which are published with it and need not be in the
    ledger before."""
    moves: dict[str, str] = {}
    current = _named(site)
    problems = [problem for plan, source in zip(site.plans, sources)
                for problem in _check_redirects(plan, source, current)]
    entries = read(path, name)
    # each line's URL, and the URL it moved to where it gives one
    malformed = [(entry, url, column) for entry in entries
                 for url, column in [(entry.url, entry.column)]
                 + ([(entry.moved_to, entry.moved_column)] if entry.moved_to else [])
                 if not SITE_URL.match(url)]
    if malformed:
        return moves, problems + [
            Diagnostic(name, entry.line, column, "error", _("'{url}' is not {expected}").format(
                url=url, expected=expected(_URL))) for entry, url, column in malformed]
    if not path.exists() and not new_urls_allowed:
        return moves, problems + [Diagnostic(name, 1, 1, "error", _(
            "there is no ledger of published URLs; run `make urls` to write it"))]
    listed = [entry.url for entry in entries]
    for before, entry in zip(entries, entries[1:]):
        if entry.url <= before.url:
            problems.append(Diagnostic(name, entry.line, 1, "error",
                                       _("{url} is out of order or listed twice; run `make urls` "
                                         "to sort the ledger").format(url=entry.url)))
            break
    declared = {r.source: r.target for plan in site.plans for r in plan.redirects}
    for entry in entries:
        if entry.url in current or entry.url in declared:
            continue
        if entry.moved_to:
            if entry.moved_to in current:
                moves[entry.url] = entry.moved_to
            elif entry.moved_to in declared:  # its new page went too, and redirects: follow it
                moves[entry.url] = declared[entry.moved_to]
            else:
                problems.append(Diagnostic(name, entry.line, 1, "error", _keep(
                    _("{url} moved to {moved_to}, but no page produces that URL now").format(
                        url=entry.url, moved_to=entry.moved_to), entry, sources)))
            continue
        target = moved_by_rule(entry.url, site, current)
        if target and new_urls_allowed:
            moves[entry.url] = target
        elif target:
            problems.append(Diagnostic(name, entry.line, 1, "error",
                                       _("{url} ({label}) is now at {target}, under its plan's "
                                         "year; run `make urls` to record the move").format(
                                           url=entry.url, label=entry.label, target=target)))
        else:
            problems.append(Diagnostic(name, entry.line, 1, "error", _gone(entry, sources)))
    if not new_urls_allowed:
        for url in sorted(set(current) - set(listed) - drafts):
            line = _line_before(entries, bisect.bisect(listed, url))
            problems.append(Diagnostic(name, line, 1, "error",
                                       _("{url} ({label}) is not in the ledger of published URLs; "
                                         "run `make urls` to publish it").format(
                                           url=url, label=current[url])))
    return moves, problems


def update(site: Site, path: Path) -> list[str]:
    """Add the site's new URLs, and the moves of old ones, to the ledger (after check() passed
    with new URLs allowed); returns the new URLs."""
    current = published(site)
    old = {entry.url: entry for entry in read(path)}
    added = sorted(set(current) - set(old))
    # A URL still produced is labelled with its record now; a moved or redirected one keeps its
    # old label, and a move is written on its line.
    lines = {url: f"{url} {label}" for url, label in current.items()}
    for url, entry in old.items():
        if url not in current:
            moved_to = entry.moved_to or site.moves.get(url, "")
            lines[url] = f"{url} {MOVED} {moved_to} {entry.label}" if moved_to else f"{url} {entry.label}"
    path.write_text(HEADER + "\n".join(lines[url] for url in sorted(lines)) + "\n", encoding="utf-8")
    return added


def _keep(problem: str, entry: Entry, sources: list[Source]) -> str:
    """A published URL that no page produces, and the two ways to keep it."""
    slug = entry.url.rstrip("/").rsplit("/", 1)[-1]
    return _("{problem}; keep it by pinning the old slug on the record (slug: {slug}), or declare "
             "a redirect in {file} (redirects: - from: {url} to: <a current URL>)").format(
        problem=problem, slug=slug, url=entry.url,
        file=sources[0].file if sources else _("the plan"))


def _gone(entry: Entry, sources: list[Source]) -> str:
    return _keep((_("{url} ({label}) was published but no page produces it now") if entry.label else
                  _("{url} was published but no page produces it now")).format(
        url=entry.url, label=entry.label), entry, sources)


def _line_before(entries: list[Entry], index: int) -> int:
    return entries[index - 1].line + 1 if index else (entries[0].line if entries else 1)


def _check_redirects(plan, source: Source, current: dict[str, str]) -> list[Diagnostic]:
    """A plan's declared redirects."""
    problems = []
    seen: dict[str, int] = {}
    for i, redirect in enumerate(plan.redirects):
        path = ("redirects", i)
        if redirect.source in seen:
            problems.append(source.diagnostic(
                path + ("from",), _("redirect from {url}: declared twice (first at line {line})")
                .format(url=redirect.source, line=seen[redirect.source])))
        seen.setdefault(redirect.source, source.at(path + ("from",))[0])
        if redirect.source in current:
            problems.append(source.diagnostic(
                path + ("from",), _("redirect from {url}: that is the URL of {page}; a redirect "
                                    "there would hide the page").format(
                    url=redirect.source, page=current[redirect.source])))
        if redirect.target not in current:
            problems.append(source.diagnostic(
                path + ("to",), did_you_mean(_("redirect from {url}: {target} is not a page of the "
                                               "site").format(url=redirect.source,
                                                              target=redirect.target),
                                             redirect.target, current, cutoff=0.6)))
    return problems
