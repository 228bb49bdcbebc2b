"""Every bound on what the generator reads, in one place.

Generous for real plans, small enough that no file, however hostile, can take more than a few
seconds or a few hundred megabytes to answer. For scale: data/plans/2017.yaml (22 tasks) is 21 KB with
557 values nested 6 deep, its longest text 200 characters; bench's synthetic plan of 2,000 tasks
is 2.2 MB with 37,499 values; the 2017 notice is 13 KB.
"""
import os
from pathlib import Path

from generator.i18n import _

# The size of a data file, checked before it is parsed.
MAX_DATA_BYTES = 4 * 1024 * 1024
# Values (texts, lists and mappings) in a data file: memory grows with them, about 1 KB each.
MAX_VALUES = 100_000
# Lists and mappings inside one another; a plan nests 6 deep (sections, tasks, lead units).
MAX_DEPTH = 32
# Characters in one text: a page shows the whole of it.
MAX_TEXT_CHARS = 5_000
# Bytes in a URL slug: a page's file is named by it, and a file system holds a name to 255
# bytes. The real plan's longest slug is 84 bytes; a title of 30-odd characters reaches this.
MAX_SLUG_BYTES = 150
# The size of a notice given to `python -m generator import` (its lines are held to
# MAX_TEXT_CHARS, as a paragraph becomes a text of the draft).
MAX_NOTICE_BYTES = 1024 * 1024


def size(count: int) -> str:
    """A byte count as people read it: 4 MB, 52.4 MB, 900 bytes."""
    if count < 1024 * 1024:
        return _("{count:,} bytes").format(count=count)
    return f"{count / (1024 * 1024):,.1f} MB".replace(".0 MB", " MB")


def read_at_most(path: Path, limit: int) -> tuple[int, bytes]:
    """A file's size as the file system states it, and its bytes up to one past `limit` (none
    when the stated size is over it already): enough to know it is too large, and a device or a
    pipe cannot feed it forever. OSError as opening or reading raises it."""
    with path.open("rb") as file:
        stated = os.fstat(file.fileno()).st_size
        return stated, b"" if stated > limit else file.read(limit + 1)

