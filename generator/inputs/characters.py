"""Characters no input may hold: the ones that break an output or hide what a text says.

Every input (plans, progress, the URL ledger, notices) is scanned with `forbidden()` before
anything is built from it, so one definition decides for all of them.
"""
import re
import unicodedata
from typing import Iterator, NamedTuple

from generator.i18n import N_, _

# Bidirectional formatting characters reorder what a reader sees (U+202E turns "txt.exe" into
# "exe.txt"); zero-width and other invisible characters make two names that look the same differ.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200d\u2060-\u2064\u3164\ufeff\uffa0"
# C0 controls but tab and line feed and carriage return (where a newline is allowed), DEL, C1;
# lone surrogates (which no UTF-8 file holds but a YAML escape "\uD800" makes); noncharacters,
# which XML forbids (a feed with U+FFFE is dropped whole by a strict reader).
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_SURROGATE = "\ud800-\udfff"
_NONCHARACTER = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))

_FORBIDDEN = re.compile(f"[{_CONTROL}{_SURROGATE}{_NONCHARACTER}{_BIDI}{_INVISIBLE}]")
_KINDS = (
    (re.compile(f"[{_CONTROL}]"), N_("the control character {code}")),
    (re.compile(f"[{_SURROGATE}]"), N_("a lone surrogate, {code}")),
    (re.compile(f"[{_NONCHARACTER}]"), N_("the noncharacter {code}")),
    (re.compile(f"[{_BIDI}]"), N_("the bidirectional control {code}")),
    (re.compile(f"[{_INVISIBLE}]"), N_("the invisible character {code}")),
)


class Found(NamedTuple):
    index: int  # where in the text
    character: str

    @property
    def code_point(self) -> str:
        """U+200B (ZERO WIDTH SPACE): the code point, and its name where Unicode gives one."""
        name = unicodedata.name(self.character, "")
        code = f"U+{ord(self.character):04X}"
        return _("{code} ({name})").format(code=code, name=name) if name else code

    @property
    def description(self) -> str:
        kind = next(label for pattern, label in _KINDS if pattern.match(self.character))
        return _(kind).format(code=self.code_point)


def forbidden(text: str) -> Iterator[Found]:
    """Every character of `text` that no input may hold, in order."""
    for match in _FORBIDDEN.finditer(text):
        yield Found(match.start(), match.group())


def first_forbidden(text: str) -> Found | None:
    return next(forbidden(text), None)


# and what breaks a line: one message is one line
_NOT_IN_A_TERMINAL_LINE = re.compile(f"{_FORBIDDEN.pattern[:-1]}\t\n\r\x85\u2028\u2029]")


def escape_for_terminal(text: str) -> str:
    """`text` with every forbidden character and line break shown as an escape (\\x1b, \\n), so
    printing it cannot move the cursor, change colours, reorder a line of the terminal or
    break one message into two (a notice may hold ESC sequences; a name, a line break)."""
    return _NOT_IN_A_TERMINAL_LINE.sub(lambda match: match.group().encode("unicode_escape").decode(), text)


def same_name(name: str) -> str:
    """The form two names are compared in: NFKC folds full- and half-width forms and
    compatibility characters, so 市司法局 and a look-alike spelt otherwise meet as one."""
    return unicodedata.normalize("NFKC", name)
