"""Read the notice given to `python -m generator import`: plain UTF-8 text of a bounded size,
or one clear line saying what was expected and what was found instead."""
from pathlib import Path

from generator.diagnostics import Diagnostic, PlanError
from generator.i18n import N_, _, ngettext
from generator.inputs import limits
from generator.inputs.characters import forbidden

# What people save instead of a notice's text: the document itself, or a picture of it.
_BINARY_KINDS = {
    b"%PDF-": N_("a PDF document"),
    b"PK\x03\x04": N_("a ZIP archive (a .docx or .wps document is one)"),
    b"\xd0\xcf\x11\xe0": N_("a Word (.doc) or other Office document"),
    b"\x89PNG": N_("a PNG image"),
    b"\xff\xd8\xff": N_("a JPEG image"),
}
# Forbidden characters named one a line, up to this many: enough to see a pattern.
_MOST_SHOWN = 20


def read_notice(path: Path) -> str:
    """The notice's text; PlanError with one FILE:LINE:COL diagnostic if it is not plain UTF-8
    text within the limits of limits.py."""
    name = str(path)
    try:
        stated, raw = limits.read_at_most(path, limits.MAX_NOTICE_BYTES)
    except OSError as error:
        raise _error(name, 1, 1, _("cannot read the notice: {reason}").format(
            reason=error.strerror)) from None
    if stated > limits.MAX_NOTICE_BYTES or len(raw) > limits.MAX_NOTICE_BYTES:
        raise _error(name, 1, 1, (
            _("a notice may be at most {limit} of text and this one is {size}; expected the plain "
              "text of one notice") if stated > limits.MAX_NOTICE_BYTES else
            _("a notice may be at most {limit} of text and this one goes on past that; expected "
              "the plain text of one notice")
        ).format(limit=limits.size(limits.MAX_NOTICE_BYTES), size=limits.size(stated)))
    for magic, kind in _BINARY_KINDS.items():
        if raw.startswith(magic):
            raise _error(name, 1, 1, _("expected plain text, found {kind}; copy the notice's text "
                                       "into a plain .txt file saved as UTF-8").format(kind=_(kind)))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _error(name, 1, 1, _("expected UTF-8, found UTF-16 (the file starts with its byte "
                                   "order mark); save the notice as UTF-8"))
    if b"\x00" in raw:
        line, column = _position(raw, raw.index(b"\x00"))
        raise _error(name, line, column, _("expected plain text, found binary data (a NUL byte); "
                                             "copy the notice's text into a plain .txt file saved "
                                             "as UTF-8"))
    bom = len(b"\xef\xbb\xbf") if raw.startswith(b"\xef\xbb\xbf") else 0  # Notepad writes one
    try:
        text = raw[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw, bom + error.start)
        byte = raw[bom + error.start]
        if _reads_as_gbk(raw):
            message = _("expected UTF-8, found what looks like GBK (GB 18030), the older Chinese "
                        "encoding (byte 0x{byte:02x} is not UTF-8); save the notice as UTF-8, e.g. "
                        "{command}").format(byte=byte, command=f"iconv -f GB18030 -t UTF-8 "
                                            f"{path.name} > {path.stem}-utf8{path.suffix}")
        else:
            message = _("expected UTF-8, found text in another encoding (byte 0x{byte:02x} is not "
                        "UTF-8); save it as UTF-8").format(byte=byte)
        raise _error(name, line, column, message) from None
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > limits.MAX_TEXT_CHARS:
            raise _error(name, number, 1, _("a line of {count:,} characters; a line of a notice "
                                            "(one paragraph) may hold at most {limit:,}").format(
                count=len(line), limit=limits.MAX_TEXT_CHARS))
        # a carriage return ends a line only before a line feed (Windows) or at the end of one
        problems += [Diagnostic(name, number, found.index + 1, "error",
                                _("{character} is not allowed in a notice; delete it (it is "
                                  "invisible or breaks what the draft shows)").format(
                                      character=found.description))
                     for found in forbidden(line.removesuffix("\r"))]
    if problems:
        shown = problems[:_MOST_SHOWN]
        if len(problems) > _MOST_SHOWN:
            first = problems[_MOST_SHOWN]
            shown.append(Diagnostic(name, first.line, first.column, "error",
                                    ngettext("{count:,} more such character from here on",
                                             "{count:,} more such characters from here on",
                                             len(problems) - _MOST_SHOWN).format(
                                                 count=len(problems) - _MOST_SHOWN)))
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
