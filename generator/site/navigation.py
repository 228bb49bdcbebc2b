"""The MkDocs nav, from the site's pages: every page of a plan the size of the real one, and a
bounded nav for large plans, whose every page would otherwise carry thousands of entries."""
import html
from typing import TYPE_CHECKING

from generator.model.plan import Plan
from generator.site.urls import year_folder

if TYPE_CHECKING:
    from generator.site.kinds import Kind
    from generator.site.pages import Site

# Of each kind (sections, tasks, units: its entry's nav_limit in generator/site/kinds.py), the nav
# lists the pages while there are no more than this; past it, readers reach them from the lists
# on the home page, section pages and directory.
LIMIT = 60
SECTION_LIMIT = 20  # a section entry weighs more in the nav than a task or unit entry


def _left_out(site: "Site") -> set[tuple["Kind", Plan | None]]:
    """The kinds of page too many to list: of each plan (sections, tasks), counted plan by plan,
    and of the whole site (units)."""
    counts: dict[tuple["Kind", Plan | None], int] = {}
    for page in site.pages:
        key = (page.kind, page.plan)
        counts[key] = counts.get(key, 0) + 1
    return {key for key, count in counts.items() if count > (key[0].nav_limit or count)}


def nav(site: "Site") -> list:
    """The pages in reading order, each in its nav group: home, each year's plan (newest first)
    section by section and its matrix, then the unit directory and the units in pinyin order.
    The limits apply to each plan on its own."""
    left_out = _left_out(site)
    title = html.escape  # MkDocs inserts nav titles into the HTML as they are
    root: list = []
    groups: dict[tuple[str, ...], list] = {(): root}
    for page in site.pages:
        if (page.kind, page.plan) in left_out or page.nav is None:
            continue
        for depth in range(1, len(page.nav) + 1):
            group = page.nav[:depth]
            if group not in groups:
                groups[group] = []
                groups[group[:-1]].append({title(group[-1]): groups[group]})
        groups[page.nav].append({title(page.title): page.path} if page.title else page.path)
    return root


def outside_nav(site: "Site") -> list[str]:
    """MkDocs `not_in_nav` patterns for the pages a bounded nav leaves out on purpose."""
    left_out = _left_out(site)
    # every page of the kind: its path with a wildcard for the slug
    patterns = ["/" + kind.path_in("*", plan) for kind, plan in sorted(
        left_out, key=lambda key: (key[0].name, key[1].year if key[1] else 0))]
    # a listed page in the folder of a kind left out stays listed
    folders = {year_folder(plan) + kind.folder for kind, plan in left_out}
    patterns += [f"!/{page.path}" for page in site.pages
                 if (page.kind, page.plan) not in left_out and page.nav is not None
                 and year_folder(page.plan) + page.kind.folder in folders]
    # the parts of a record, reached from its page
    unlisted = {page.kind.unlisted.format(prefix=year_folder(page.plan))
                for page in site.pages if page.nav is None}
    return patterns + [line for pattern in sorted(unlisted) for line in pattern.split("\n")]
