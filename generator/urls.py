"""Where each page lives under docs/, and the URL MkDocs gives it (use_directory_urls)."""
import functools
import re

HOME = "index.md"
UNIT_DIRECTORY = "units/index.md"
MATRIX = "matrix/index.md"


def section_page(slug: str) -> str:
    # index.md, so that Material's navigation.indexes makes it the page of its nav group
    return f"sections/{slug}/index.md"


def task_page(slug: str) -> str:
    return f"tasks/{slug}.md"


def unit_page(slug: str) -> str:
    return f"units/{slug}.md"


def url_of(page: str) -> str:
    """`tasks/x.md` -> `/tasks/x/`, `sections/y/index.md` -> `/sections/y/`."""
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


def is_site_url(text: str) -> bool:
    """A page URL of this site as the ledger writes it: `/`, `/units/`, `/tasks/x-y/`."""
    return bool(re.fullmatch(r"/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*", text))


def page_of_url(url: str) -> str:
    """A Markdown path whose page would be at `url`; mkdocs-redirects takes old URLs this way."""
    return url.strip("/") + ".md" if url != "/" else HOME
