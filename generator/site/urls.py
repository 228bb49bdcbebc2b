"""The URL MkDocs gives a page under docs/ (use_directory_urls), and links between pages.

Where each kind of page lives is declared in generator/site/pages.py.
"""
import fnmatch
import functools

# A plan's outputs live under its year: /2017/tasks/<slug>/. As a glob, for the files of any year.
YEAR_FOLDER = "[0-9]" * 4


def year_folder(plan) -> str:
    """The folder of a plan's outputs, from the site's root: its year."""
    return f"{plan.year}/" if plan is not None else ""


def is_year_folder(name: str) -> bool:
    return fnmatch.fnmatchcase(name, YEAR_FOLDER)


def address(from_url: str, target: str, site_url: str) -> str:
    """A site URL (`/2017/tasks/x/`) as a page or file in the folder `from_url` (`/units/y/`)
    links it in text the engine does not rewrite (feeds, JSON-LD): absolute under site_url
    when the site's address is known, else relative."""
    if site_url:
        return site_url.rstrip("/") + target
    depth = from_url.count("/") - 1
    return "../" * depth + target.lstrip("/") or "./"


def url_of(page: str) -> str:
    """`tasks/x.md` -> `/tasks/x/`, `sections/y/index.md` -> `/sections/y/`; a file that is not a
    page is served as it is: `units/y/feed.xml` -> `/units/y/feed.xml`."""
    if not page.endswith(".md"):
        return "/" + page
    stem = page.removesuffix(".md")
    stem = "" if stem == "index" else stem.removesuffix("/index")
    return "/" + (stem + "/" if stem else "")


def relative_link(from_page: str, to_page: str) -> str:
    """A Markdown link from one page to another, which MkDocs checks and rewrites to a URL."""
    return _relative(from_page.rpartition("/")[0], to_page)


@functools.lru_cache(maxsize=1 << 16)  # pages of one folder link to the same pages
def _relative(folder: str, to_page: str) -> str:
    # posixpath.relpath, without its calls to the file system
    here, there = folder.split("/") if folder else [], to_page.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def page_of_url(url: str) -> str:
    """A Markdown path whose page would be at `url`; mkdocs-redirects takes old URLs this way."""
    return url.strip("/") + ".md" if url != "/" else "index.md"
