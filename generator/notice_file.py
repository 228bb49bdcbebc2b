"""Read the notice given to `python -m generator import`: plain UTF-8 text of a bounded size,
or one clear line saying what was expected and what was found instead."""
import os
from pathlib import Path

from . import limits
from .characters import forbidden
from .diagnostics import Diagnostic, PlanError

# What people save instead of a notice's text: the document itself, or a picture of it.
_BINARY_KINDS = {
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (a .docx or .wps document is one)",
    b"\xd0\xcf\x11\xe0": "a Word (.doc) or other Office document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}
_COPY_TEXT = "copy the notice's text into a plain .txt file saved as UTF-8"
# Forbidden characters named one a line, up to this many: enough to see a pattern.
_MOST_SHOWN = 20


def read_notice(path: Path) -> str:
    """The notice's text; PlanError with one FILE:LINE:COL diagnostic if it is not plain UTF-8
    text within the limits of limits.py."""
    name = str(path)
    try:
        with path.open("rb") as file:
            stated = os.fstat(file.fileno()).st_size
            # one byte past the limit is enough to know, whatever the file is
            raw = b"" if stated > limits.MAX_NOTICE_BYTES else file.read(limits.MAX_NOTICE_BYTES + 1)
    except OSError as error:
        raise _error(name, 1, 1, f"cannot read the notice: {error.strerror}") from None
    if stated > limits.MAX_NOTICE_BYTES or len(raw) > limits.MAX_NOTICE_BYTES:
        found = f"this one is {limits.size(stated)}" if stated > limits.MAX_NOTICE_BYTES else \
            "this one goes on past that"
        raise _error(name, 1, 1, f"a notice may be at most {limits.size(limits.MAX_NOTICE_BYTES)} "
                     f"of text and {found}; expected the plain text of one notice")
    for magic, kind in _BINARY_KINDS.items():
        if raw.startswith(magic):
            raise _error(name, 1, 1, f"expected plain text, found {kind}; {_COPY_TEXT}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _error(name, 1, 1, "expected UTF-8, found UTF-16 (the file starts with its byte "
                     "order mark); save the notice as UTF-8")
    if b"\x00" in raw:
        line, column = _position(raw, raw.index(b"\x00"))
        raise _error(name, line, column, "expected plain text, found binary data (a NUL byte); "
                     + _COPY_TEXT)
    bom = len(b"\xef\xbb\xbf") if raw.startswith(b"\xef\xbb\xbf") else 0  # Notepad writes one
    try:
        text = raw[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw, bom + error.start)
        byte = f"byte 0x{raw[bom + error.start]:02x} is not UTF-8"
        if _reads_as_gbk(raw):
            message = (f"expected UTF-8, found what looks like GBK (GB 18030), the older Chinese "
                       f"encoding ({byte}); save the notice as UTF-8, e.g. "
                       f"iconv -f GB18030 -t UTF-8 {path.name} > {path.stem}-utf8{path.suffix}")
        else:
            message = f"expected UTF-8, found text in another encoding ({byte}); save it as UTF-8"
        raise _error(name, line, column, message) from None
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > limits.MAX_TEXT_CHARS:
            raise _error(name, number, 1, f"a line of {len(line):,} characters; a line of a notice "
                         f"(one paragraph) may hold at most {limits.MAX_TEXT_CHARS:,}")
        # a carriage return ends a line only before a line feed (Windows) or at the end of one
        problems += [Diagnostic(name, number, found.index + 1, "error",
                                f"{found.description} is not allowed in a notice; delete it "
                                "(it is invisible or breaks what the draft shows)")
                     for found in forbidden(line.removesuffix("\r"))]
    if problems:
        shown = problems[:_MOST_SHOWN]
        if len(problems) > _MOST_SHOWN:
            first = problems[_MOST_SHOWN]
            shown.append(Diagnostic(name, first.line, first.column, "error",
                                    f"{len(problems) - _MOST_SHOWN:,} more such characters from "
                                    "here on"))
        raise PlanError(shown)
    return text


def _reads_as_gbk(raw: bytes) -> bool:
    """GB 18030 (a superset of GBK) decodes the bytes, and mostly to Chinese characters."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    wide = [char for char in text if ord(char) > 0x7f]
    return bool(wide) and sum("\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
                              for char in wide) >= 0.8 * len(wide)


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[start:].decode("utf-8", "replace")) + 1


def _error(name: str, line: int, column: int, message: str) -> PlanError:
    return PlanError([Diagnostic(name, line, column, "error", message)])
