"""The search index: Pagefind reads the built HTML, whatever built it, into site/pagefind/.

Run after the site is built (`make site`, and tests/conftest.py's build_site):
`python -m generator.search_index SITE`. Only the text of a page's data-pagefind-body
(overrides/partials/content.html) is indexed; the extended Pagefind binary segments Chinese.
Beside the index goes the lexicon the search box reads queries with (generator/search_lexicon.py).
"""
import subprocess
import sys
from pathlib import Path

from . import search_lexicon
from .i18n import _

# Text a page shows that names nothing of its own: heading anchors (¶), the citation block,
# the links to the previous and next task.
EXCLUDED = (".headerlink", "[data-search-exclude]", ".task-pager")


def command(site: Path) -> list[str]:
    excluded = [arg for selector in EXCLUDED for arg in ("--exclude-selectors", selector)]
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "zh",
            *excluded, "--quiet"]


def index_site(site: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(command(site), capture_output=True, text=True)
    if not result.returncode:
        search_lexicon.write(site, site / "pagefind")
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0], "index.html").is_file():
        print(_("usage: python -m generator.search_index SITE (a built site, with index.html)"),
              file=sys.stderr)
        return 1
    result = index_site(Path(argv[0]))
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode:
        print(_("{site}: error: the search index was not built (pagefind exit status {status})")
              .format(site=argv[0], status=result.returncode), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
