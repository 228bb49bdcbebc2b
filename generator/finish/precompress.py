"""Precompressed copies of the built site's text files: `page.html.gz` and `page.html.br` beside
`page.html`, so that a server sends them as they are (deploy/nginx.conf: gzip_static, and
brotli_static where the Brotli module is installed) without compressing on every request.

Gzip at level 9 and Brotli at quality 11, the slowest and smallest, since this runs once a
build. Copies carry no time stamp, so two builds of one commit stay byte-identical.
"""
import gzip
from pathlib import Path

import brotli

# Text the site serves; Pagefind's own files (.pf_*, its WebAssembly) are compressed already.
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".map",
                 ".webmanifest"}
COPIES = {".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
          ".br": lambda data: brotli.compress(data, quality=11)}


def precompress(site: Path) -> int:
    """Write (or refresh) the copies of every text file under `site`; the number of files."""
    count = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        for suffix, compress in COPIES.items():
            copy = path.with_name(path.name + suffix)
            packed = compress(data)
            # a copy no smaller than the file would only cost the server a look-up
            if len(packed) < len(data):
                copy.write_bytes(packed)
            elif copy.exists():
                copy.unlink()
        count += 1
    return count
