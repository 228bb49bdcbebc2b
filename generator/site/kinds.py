"""Every kind of output the generator writes, one entry each: which records it has outputs for
(its listing), where their files go (the path rule, from a record's slug), and what draws them:
a template with the context function that fills it, or a writer that makes the whole file.

The registry (generator/site/pages.py) makes the site's outputs from these entries, rendering
(generator/outputs/render.py) draws each one through its entry, and the write step
(generator/outputs/write.py) owns exactly the files the entries' paths can name. A new kind of output is one entry here, its
template (or writer) and its context function; see DEVELOPMENT.md, "Adding a kind of output".
"""
import fnmatch
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.outputs import contexts, downloads, feeds
from generator.outputs.front_matter import STAMP_PREFIX
from generator.site import listing, urls
from generator.site.navigation import LIMIT, SECTION_LIMIT
from generator.site.urls import YEAR_FOLDER, year_folder

FEED = "feed.xml"


def stamped(path: Path) -> bool:
    """A page the generator wrote carries the stamp in its front matter."""
    try:
        with path.open(encoding="utf-8") as handle:
            return (handle.readline() + handle.readline()).startswith(STAMP_PREFIX)
    except (OSError, UnicodeDecodeError):
        return False


@dataclass(frozen=True)
class Kind:
    name: str
    # (plans, units) -> each output's record, label and place in the nav (generator/site/listing.py)
    each: Callable
    path: Callable[[str], str]  # the file's path under docs/ (under its plan's year), from a slug
    # the folder under docs/ its files live in, which the generator owns; "" for the root
    folder: str = ""
    per_plan: bool = False  # a file of one plan, under its year
    template: str = ""  # a page: its template, filled by `context`
    # (output, rendering) -> (front matter, the template's variables)
    context: Callable | None = None
    writer: Callable | None = None  # a file that is not a page: (output, rendering) -> its text
    generated: Callable[[Path], bool] = stamped  # how a file of the kind is known as generated
    named_by: str = ""  # the field of the record its slug is made from, unless pinned
    # Pages of a part of a record are not in the nav; the MkDocs not_in_nav pattern of them all,
    # with {prefix} for the plan's year folder.
    unlisted: str = ""
    # The nav lists a plan's pages of the kind (or the site's) while they are no more than this
    # (generator/site/navigation.py); 0: all of them.
    nav_limit: int = 0
    # What the page is to the page-design norms (政府网站网页设计规范; outputs/page_design.py): the
    # site's home, a column (a list of articles) or an article (the plan's own text).
    design: str = "column"

    @property
    def page(self) -> bool:
        return bool(self.template)

    def path_in(self, slug: str, plan) -> str:
        return year_folder(plan) + self.path(slug) if self.per_plan else self.path(slug)

    @property
    def written(self) -> bool:
        """Whether the generator writes its files into docs/ (the engine writes the others)."""
        return bool(self.template or self.writer)

    def holds(self, relative: str) -> bool:
        """Whether a path under docs/ is one this kind writes (for any year, any slug)."""
        if not self.written:
            return False
        pattern = self.path("*")
        if self.per_plan:
            # before plans moved under their year, a plan's pages were at the top of docs/
            return fnmatch.fnmatchcase(relative, f"{YEAR_FOLDER}/{pattern}") or \
                fnmatch.fnmatchcase(relative, pattern)
        return fnmatch.fnmatchcase(relative, pattern)


KINDS = {kind.name: kind for kind in (
    # the site's front door: the plans by year, the units, the latest progress
    Kind("home", listing.home, lambda _: "index.md",
         template="home.md.j2", context=contexts.home, design="site"),
    # index.md, so that Material's navigation.indexes makes it the page of its nav group
    Kind("plan", listing.plans, lambda _: "index.md", per_plan=True,
         template="plan.md.j2", context=contexts.plan, design="article"),
    Kind("section", listing.sections, lambda slug: f"sections/{slug}/index.md", "sections",
         per_plan=True, template="section.md.j2", context=contexts.section, named_by="title",
         nav_limit=SECTION_LIMIT, design="article"),
    Kind("task", listing.tasks, lambda slug: f"tasks/{slug}.md", "tasks", per_plan=True,
         template="task.md.j2", context=contexts.task, named_by="title", nav_limit=LIMIT,
         design="article"),
    # The matrix needs the width of the whole window; the search finds its tasks and units on
    # their own pages.
    Kind("matrix", listing.matrices, lambda _: "matrix/index.md", "matrix", per_plan=True,
         template="matrix.md.j2", context=contexts.matrix),
    Kind("matrix-part", listing.matrix_parts, lambda slug: f"matrix/{slug}.md", "matrix",
         per_plan=True, template="matrix-part.md.j2", context=contexts.matrix_part,
         named_by="title", unlisted="/{prefix}matrix/*.md\n!/{prefix}matrix/index.md"),
    # units are year-independent: one page per unit for all years
    Kind("directory", listing.directory, lambda _: "units/index.md", "units",
         template="units.md.j2", context=contexts.directory),
    Kind("unit", listing.units, lambda slug: f"units/{slug}.md", "units",
         template="unit.md.j2", context=contexts.unit, named_by="name", nav_limit=LIMIT),
    Kind("unit-part", listing.unit_parts, lambda slug: f"units/{slug}.md", "units",
         template="unit-part.md.j2", context=contexts.unit_part, named_by="name",
         unlisted="/units/*/"),
    # Open data: each plan's JSON, schema and CSV tables under its year, and the CSV tables of
    # every year together (the slug is the file's name).
    Kind("plan-download", listing.plan_files, lambda name: f"{downloads.FOLDER}/{name}",
         downloads.FOLDER, per_plan=True, writer=downloads.plan_file,
         generated=downloads.is_generated),
    Kind("download", listing.tables, lambda name: f"{downloads.FOLDER}/{name}", downloads.FOLDER,
         writer=downloads.site_table, generated=downloads.is_generated),
    # Atom feeds of progress: the whole site's, and each unit's beside its page.
    Kind("feed", listing.the_site, lambda _: FEED,
         writer=feeds.site_feed, generated=feeds.is_generated),
    Kind("unit-feed", listing.each_unit, lambda slug: f"units/{slug}/{FEED}", "units",
         writer=feeds.unit_feed, generated=feeds.is_generated),
    # An old URL that keeps working (the slug is the URL): a redirect page, which the engine
    # writes into the built site from the configuration's redirect map (site/siteconfig.py).
    Kind("redirect", listing.none, urls.page_of_url),
)}

# The folders under docs/ that hold nothing but generated files: those of the kinds common to
# all years, each plan's year folder, and the folders of a plan's pages before plans moved under
# their year, so that their stale pages are deleted.
FOLDERS = tuple(dict.fromkeys(kind.folder for kind in sorted(
    KINDS.values(), key=lambda kind: kind.per_plan) if kind.folder and kind.written))
# Files the generator writes at the top of docs/.
ROOT_FILES = tuple(dict.fromkeys(kind.path("") for kind in KINDS.values()
                                 if not kind.folder and not kind.per_plan and kind.written))


def kind_of_file(relative: str) -> Kind | None:
    """The kind whose path rule names this file under docs/, if any."""
    return next((kind for kind in KINDS.values() if kind.holds(relative)), None)
