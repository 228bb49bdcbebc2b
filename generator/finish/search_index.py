"""The search index: Pagefind reads the built HTML, whatever built it, into site/pagefind/.

Run after the site is built, by generator/finish/ (`make site`, and tests/conftest.py's
build_site). Only the text of a page's data-pagefind-body
(overrides/partials/content.html) is indexed; the extended Pagefind binary segments Chinese.
Beside the index goes the lexicon the search box reads queries with (generator/finish/search_lexicon.py).
"""
import subprocess
import sys
from pathlib import Path

from generator.finish import search_lexicon

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

