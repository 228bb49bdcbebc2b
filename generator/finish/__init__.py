"""What follows the engine's build, whichever engine built the pages:
`python -m generator.finish SITE` rewrites the redirect pages (redirect_pages.py), builds
the search index (search_index.py), then writes the precompressed copies (precompress.py), last,
so that the index's own text files have theirs too.
"""
import sys
from pathlib import Path

from generator import ROOT
from generator.finish import precompress, redirect_pages, search_index
from generator.i18n import _
from generator.site.siteconfig import read_base

BASE_CONFIG = ROOT / "mkdocs.yml"


def content_security_policy(base: Path = BASE_CONFIG) -> str:
    """The policy every page carries: mkdocs.yml's extra.csp, the one place it is written."""
    return read_base(base)["extra"]["csp"]


def finish(site: Path):
    """The search index's result (a failed one ends the work there)."""
    redirect_pages.rewrite(site, content_security_policy())
    result = search_index.index_site(site)
    if result.returncode == 0:
        precompress.precompress(site)
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0], "index.html").is_file():
        print(_("usage: python -m generator.finish SITE (a built site, with index.html)"),
              file=sys.stderr)
        return 1
    result = finish(Path(argv[0]))
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode:
        print(_("{site}: error: the search index was not built (pagefind exit status {status})")
              .format(site=argv[0], status=result.returncode), file=sys.stderr)
        return 1
    return 0
