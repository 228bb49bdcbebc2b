"""The ledger of published URLs (data/urls.txt): once published, a URL keeps working.

Every URL the site has published stays in the ledger. A build fails when one of them would no
longer be produced and no redirect is declared for it, and when a new URL is not yet in the
ledger: new URLs enter it only through `make urls`.
"""
import bisect
import difflib
from dataclasses import dataclass
from pathlib import Path

from . import urls
from .diagnostics import Diagnostic
from .load import Source, read_text
from .pages import Site

HEADER = ("# Every URL this site has published, one a line, sorted, with the record it belonged to.\n"
          "# Written by `make urls`. A URL here must keep working: see README.md, \"Stable URLs\".\n")


@dataclass(frozen=True)
class Entry:
    url: str
    label: str
    line: int


def published(site: Site) -> dict[str, str]:
    """URL -> the record it shows, for every page of the site."""
    return {page.url: page.label for page in site.pages}


def redirect_maps(site: Site) -> dict[str, str]:
    """mkdocs-redirects' map: the old URL as a Markdown path -> the current page's path."""
    page_at = {page.url: page.path for page in site.pages}
    return {urls.page_of_url(redirect.source): page_at[redirect.target]
            for redirect in site.plan.redirects}


def ledger_path(data: Path) -> Path:
    return data.with_name("urls.txt")


def read(path: Path, name: str | None = None) -> list[Entry]:
    if not path.exists():
        return []
    entries = []
    for number, line in enumerate(read_text(path, name or path.as_posix()).splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            url, _, label = line.strip().partition(" ")
            entries.append(Entry(url, label.strip(), number))
    return entries


def check(site: Site, source: Source, path: Path, *, new_urls_allowed=False) -> list[Diagnostic]:
    """Redirects that point at real pages, and a ledger that the site still honours in full."""
    plan = site.plan
    name = Path(source.file).with_name(path.name).as_posix()
    current = published(site)
    problems = _check_redirects(plan, source, current)
    entries = read(path, name)
    if not path.exists() and not new_urls_allowed:
        return problems + [Diagnostic(name, 1, 1, "error",
                                      "there is no ledger of published URLs; run `make urls` to "
                                      "write it")]
    listed = [entry.url for entry in entries]
    for before, entry in zip(entries, entries[1:]):
        if entry.url <= before.url:
            problems.append(Diagnostic(name, entry.line, 1, "error",
                                       f"{entry.url} is out of order or listed twice; "
                                       "run `make urls` to sort the ledger"))
            break
    redirected = {redirect.source for redirect in plan.redirects}
    for entry in entries:
        if entry.url not in current and entry.url not in redirected:
            problems.append(Diagnostic(name, entry.line, 1, "error", _gone(entry, source.file)))
    if not new_urls_allowed:
        for url in sorted(set(current) - set(listed)):
            line = _line_before(entries, bisect.bisect(listed, url))
            problems.append(Diagnostic(name, line, 1, "error",
                                       f"{url} ({current[url]}) is not in the ledger of published "
                                       "URLs; run `make urls` to publish it"))
    return problems


def update(site: Site, path: Path) -> list[str]:
    """Add the site's new URLs to the ledger (after check() passed); returns them."""
    current = published(site)
    entries = {entry.url: entry.label for entry in read(path)}
    added = sorted(set(current) - set(entries))
    # A URL still produced is labelled with its record now; a redirected one keeps its old label.
    entries.update(current)
    lines = [f"{url} {label}" for url, label in sorted(entries.items())]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return added


def _gone(entry: Entry, data_name: str) -> str:
    slug = entry.url.rstrip("/").rsplit("/", 1)[-1]
    record = f" ({entry.label})" if entry.label else ""
    return (f"{entry.url}{record} was published but no page produces it now; keep it by pinning "
            f"the old slug on the record (slug: {slug}), or declare a redirect in {data_name} "
            f"(redirects: - from: {entry.url} to: <a current URL>)")


def _line_before(entries: list[Entry], index: int) -> int:
    return entries[index - 1].line + 1 if index else (entries[0].line if entries else 1)


def _check_redirects(plan, source: Source, current: dict[str, str]) -> list[Diagnostic]:
    problems = []
    seen: dict[str, int] = {}
    for i, redirect in enumerate(plan.redirects):
        path = ("redirects", i)
        if redirect.source in seen:
            problems.append(source.diagnostic(
                path + ("from",), f"redirect from {redirect.source}: declared twice "
                f"(first at line {seen[redirect.source]})"))
        seen.setdefault(redirect.source, source.at(path + ("from",))[0])
        if redirect.source in current:
            problems.append(source.diagnostic(
                path + ("from",), f"redirect from {redirect.source}: that is the URL of "
                f"{current[redirect.source]}; a redirect there would hide the page"))
        if redirect.target not in current:
            near = difflib.get_close_matches(redirect.target, list(current), n=1, cutoff=0.6)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            problems.append(source.diagnostic(
                path + ("to",), f"redirect from {redirect.source}: {redirect.target} is not a "
                f"page of the site{hint}"))
    return problems
