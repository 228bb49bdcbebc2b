"""Read a YAML file of the data (data/plans/<year>.yaml, ...) into plain Python data that
remembers where every value was written.

PyYAML's constructors forget positions and keep the last of two duplicate keys, so this module
builds the data itself from the parser's events, in one pass, recording the line and column of
each key and value by path. Each event is held to the bounds of limits.py before anything is
kept, and anchors, aliases and merge keys are refused: a plan has no use for them, and they can
make a 1 KB file expand to gigabytes ("billion laughs").
"""
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError, SafeConstructor

from generator.diagnostics import Diagnostic, PlanError
from generator.i18n import N_, _
from generator.inputs import characters, dates, limits

Path_ = tuple  # a path into the data: ("sections", 0, "tasks", 2, "title")

_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass
class Source:
    """The loaded data with the position of every value (and of every mapping key)."""

    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # Problems met while loading that validation reports with the record's name: (path, message).
    problems: list[tuple[Path_, str]] = field(default_factory=list)

    def at(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or key) at `path`, else of its nearest written parent."""
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def diagnostic(self, path: Path_, message: str, *, key=False, severity="error") -> Diagnostic:
        line, column = self.at(path, key=key)
        return Diagnostic(self.file, line, column, severity, message)


def load(path: Path, display_name: str | None = None) -> Source:
    """Load a plan file; raise PlanError naming file, line and column for anything unreadable."""
    name = display_name or str(path)
    raw = _read(path, name)
    if not raw.strip():
        raise PlanError([Diagnostic(name, 1, 1, "error",
                                    _("the file is empty; expected a mapping with the keys "
                                      "document, plan, units and sections"))])
    return parse(_decode(raw, name), name)


def parse(text: str, name: str) -> Source:
    """The data of a file's text, read by read_text(); PlanError as load() raises it."""
    source = Source(name, None)
    problems: list[Diagnostic] = []  # what reading the events found before any error
    try:
        found = _read_events(text, name, source, problems)
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        raise PlanError(problems + [Diagnostic(
            name, line, column, "error", _("the file contains the control character "
                                           "U+{code:04X}, which YAML does not allow; delete it")
            .format(code=error.character))]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = _("{context} {problem}").format(
            context=_yaml_words(error.context), problem=_yaml_words(error.problem)) \
            if error.context and error.problem else _yaml_words(error.context or error.problem or "")
        opened = error.context_mark
        # An unclosed '{' or '[' is found lines below it: say where it was opened.
        if opened is not None and mark is not opened and opened.line != mark.line:
            message = _("invalid YAML: {problem} (it began at line {line}, column {column})").format(
                problem=what, line=opened.line + 1, column=opened.column + 1)
        else:
            message = _("invalid YAML: {problem}").format(problem=what)
        raise PlanError(problems + [Diagnostic(name, mark.line + 1, mark.column + 1, "error",
                                               message)]) from None
    except yaml.YAMLError as error:
        raise PlanError(problems + [Diagnostic(name, 1, 1, "error", _("invalid YAML: {problem}")
                                               .format(problem=error))]) from None
    if problems:
        raise PlanError(problems)
    if found is _NOTHING:
        raise PlanError([Diagnostic(name, 1, 1, "error",
                                    _("the file holds no data; expected a mapping with the keys "
                                      "document, plan, units and sections"))])
    source.data = found
    return source


def _read_events(text: str, name: str, source: Source, problems: list[Diagnostic]) -> Any:
    """The data, by libyaml where PyYAML has it (ten times faster on a large plan); a file
    libyaml refuses is read again by PyYAML's own parser, whose messages are the ones reported."""
    fast = getattr(yaml, "CSafeLoader", None)
    for loader_class in ([fast] if fast else []) + [yaml.SafeLoader]:
        problems.clear()
        source.values.clear()
        source.keys.clear()
        source.problems.clear()
        loader = loader_class(text)
        try:
            return _Reader(loader, name, source, problems).read()
        except yaml.YAMLError:
            if loader_class is yaml.SafeLoader:
                raise
        finally:
            loader.dispose()


_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"
_UNSUPPORTED = N_("unsupported YAML tag '{tag}'; only plain text, lists and mappings are read")
# What PyYAML says of the commonest mistakes, in the catalog: with the token it names as a field
# where it names one. A message of PyYAML that is not here is shown as PyYAML wrote it.
_YAML_WORDS = (
    N_("while parsing a flow mapping"), N_("while parsing a flow sequence"),
    N_("while parsing a block mapping"), N_("while parsing a block collection"),
    N_("while parsing a flow node"), N_("while parsing a block node"),
    N_("while scanning a simple key"), N_("while scanning a quoted scalar"),
    N_("while scanning a double-quoted scalar"), N_("while scanning a plain scalar"),
    N_("while scanning for the next token"), N_("could not find expected ':'"),
    N_("mapping values are not allowed here"), N_("found unexpected end of stream"),
    N_("expected a single document in the stream"), N_("but found another document"),
)
_YAML_PATTERNS = tuple((re.compile(pattern), message) for pattern, message in (
    (r"expected ',' or '\}', but got '(?P<token>.*)'", N_("expected ',' or '}}', but got '{token}'")),
    (r"expected ',' or '\]', but got '(?P<token>.*)'", N_("expected ',' or ']', but got '{token}'")),
    (r"expected <block end>, but found '(?P<token>.*)'", N_("expected <block end>, but found '{token}'")),
    (r"expected the node content, but found '(?P<token>.*)'",
     N_("expected the node content, but found '{token}'")),
    (r"found character '(?P<token>.*)' that cannot start any token",
     N_("found character '{token}' that cannot start any token")),
    (r"found unknown escape character '(?P<token>.*)'",
     N_("found unknown escape character '{token}'")),
))


def _yaml_words(text: str) -> str:
    """A phrase of PyYAML's message in the language of the run, where the catalog has it."""
    for pattern, message in _YAML_PATTERNS:
        found = pattern.fullmatch(text)
        if found:
            return _(message).format(**found.groupdict())
    return _(text)


_NOTHING = object()  # a stream with no document
_DISCARDED = object()  # a value under a key given twice, or not plain text: not kept


class _Collection:
    """A list or mapping being read: its path (None when it is not kept), what it holds so far,
    and for a mapping the key whose value comes next."""
    __slots__ = ("is_mapping", "path", "value", "key")

    def __init__(self, is_mapping: bool, path: Path_ | None):
        self.is_mapping, self.path = is_mapping, path
        self.value = {} if is_mapping else []
        self.key = None  # None: a key comes next; else the key of the value that comes next


class _Reader:
    """Build the data from the parser's events in one pass, which take no memory beyond the one
    at hand: before a value is kept, each event is held to the bounds of limits.py. Anchors,
    aliases and merge keys (one a line) and texts over the length limit are noted and reading
    goes on, to report them all; where nesting or the number of values passes its limit,
    reading stops at once."""

    def __init__(self, loader, name: str, source: Source, problems: list[Diagnostic]):
        self.loader, self.name, self.source, self.problems = loader, name, source, problems
        self.open: list[_Collection] = []
        self.values = 0
        self.flagged_lines: set[int] = set()

    def problem(self, mark, message: str) -> None:
        self.problems.append(Diagnostic(self.name, mark.line + 1, mark.column + 1, "error", message))

    def reference(self, mark, what: str) -> None:
        if mark.line not in self.flagged_lines:
            self.flagged_lines.add(mark.line)
            self.problem(mark, _("YAML {what}: a plan has no use for anchors, aliases or merge "
                                 "keys; write the value out in full").format(what=what))

    def read(self) -> Any:
        loader, found, document = self.loader, _NOTHING, None
        while not loader.check_event(yaml.StreamEndEvent):
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                if document is not None:
                    raise ComposerError("expected a single document in the stream", document,
                                        "but found another document", event.start_mark)
                document = event.start_mark
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                done = self.open.pop()
                found = self.place(None if done.path is None else done.value)
            elif kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or \
                    kind is yaml.SequenceStartEvent or kind is yaml.AliasEvent:
                found = self.node(event, kind)
        return found

    def node(self, event, kind) -> Any:
        """Count a node, check it, and keep it (a scalar) or open it (a collection)."""
        parent = self.open[-1] if self.open else None
        is_key = parent is not None and parent.is_mapping and parent.key is None
        self.values += 1
        if self.values > limits.MAX_VALUES:
            self.problem(event.start_mark, _("the file holds more than {limit:,} values (texts, "
                                             "lists and mappings), the limit for a data file; "
                                             "stopped reading here").format(limit=limits.MAX_VALUES))
            raise PlanError(self.problems)
        path = self.child_path(parent, is_key)
        if path is not None:
            self.source.values[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if kind is yaml.AliasEvent:
            self.reference(event.start_mark, _("alias '*{name}'").format(name=event.anchor))
            return self.place(None)
        if event.anchor is not None:
            self.reference(event.start_mark, _("anchor '&{name}'").format(name=event.anchor))
        if kind is yaml.ScalarEvent:
            if is_key and event.value == "<<" and (
                    (event.tag is None and event.implicit[0]) or event.tag == _MERGE):
                self.reference(event.start_mark, _("merge key '<<'"))
            if len(event.value) > limits.MAX_TEXT_CHARS:
                self.problem(event.start_mark, _("a text of {count:,} characters; one text may hold "
                                                 "at most {limit:,}").format(
                    count=len(event.value), limit=limits.MAX_TEXT_CHARS))
            return self.place(None if path is None else self.scalar(event, path))
        is_mapping = kind is yaml.MappingStartEvent
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.MappingNode if is_mapping else yaml.SequenceNode,
                                      None, event.implicit)
        if path is not None and tag not in _PLAIN_TAGS:
            self.source.problems.append((path, _(_UNSUPPORTED).format(tag=tag)))
            path = None  # read through, to keep to the limits, but not kept
        self.open.append(_Collection(is_mapping, path))
        if len(self.open) > limits.MAX_DEPTH:
            self.problem(event.start_mark, _("lists and mappings nested more than {limit} deep, "
                                             "the limit for a data file (a plan nests 6 deep); "
                                             "stopped reading here").format(limit=limits.MAX_DEPTH))
            raise PlanError(self.problems)
        return None

    def child_path(self, parent: _Collection | None, is_key: bool) -> Path_ | None:
        """Where the next node stands; None inside what is not kept."""
        if parent is None:
            return ()
        if parent.path is None:
            return None
        if is_key:
            return parent.path + ("<key>",)
        if parent.is_mapping:
            return None if parent.key is _DISCARDED else parent.path + (parent.key,)
        return parent.path + (len(parent.value),)

    def scalar(self, event, path: Path_) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:  # nearly every value of a plan: the text as written
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        try:
            return SafeConstructor().construct_object(node)
        except ConstructorError:
            self.source.problems.append((path, _(_UNSUPPORTED).format(tag=tag)))
        except (ValueError, OverflowError):  # 2017-13-45, or an integer of over 4,300 digits
            is_date = tag.endswith(":timestamp")
            shown = event.value if len(event.value) <= 20 else event.value[:20] + "…"
            # Quoted or not, a day that is not one gets the same answer: what is wrong with it.
            reason = dates.not_a_day(event.value) if is_date else None
            self.source.problems.append((path, _("'{value}' is not a day of the calendar: {reason}")
                                         .format(value=shown, reason=reason) if reason else (
                _("'{value}' reads as a date but is not a valid one; put it in quotes if it is text")
                if is_date else
                _("'{value}' reads as a number but is not a valid one; put it in quotes if it is text")
            ).format(value=shown)))
        return None

    def place(self, value: Any) -> Any:
        """Put a finished node into the collection that holds it; returns it."""
        parent = self.open[-1] if self.open else None
        if parent is None:
            return value
        kept = parent.path is not None
        if not parent.is_mapping:
            if kept:
                parent.value.append(value)
        elif parent.key is None:  # the node was a key
            if kept:
                self.key(parent, value)
            else:
                parent.key = _DISCARDED
        else:
            if kept and parent.key is not _DISCARDED:
                parent.value[parent.key] = value
            parent.key = None
        return value

    def key(self, mapping: _Collection, key: Any) -> None:
        values = self.source.values
        position = values.pop(mapping.path + ("<key>",))
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            values[mapping.path + ("<key>",)] = position
            self.source.problems.append((mapping.path + ("<key>",), _("a field name must be plain text")))
            mapping.key = _DISCARDED
            return
        key_path = mapping.path + (key,)
        if key in mapping.value:
            values[key_path + ("<again>",)] = position
            self.source.problems.append((key_path + ("<again>",), _(
                "field '{name}' is given twice (first at line {line}); delete one").format(
                    name=key, line=self.source.keys[key_path][0])))
            mapping.key = _DISCARDED
            return
        self.source.keys[key_path] = position
        mapping.key = key


def read_text(path: Path, name: str) -> str:
    """The text of a file beside the plan (the URL ledger), held to the same size and encoding."""
    return _decode(_read(path, name), name)


def _read(path: Path, name: str) -> bytes:
    try:
        stated, raw = limits.read_at_most(path, limits.MAX_DATA_BYTES)
    except OSError as error:
        raise PlanError([Diagnostic(name, 1, 1, "error", _("cannot read the file: {reason}")
                                    .format(reason=error.strerror))]) from None
    if stated > limits.MAX_DATA_BYTES:
        raise PlanError([Diagnostic(name, 1, 1, "error", _(
            "a data file may be at most {limit} and this one is {size}; a plan of a few hundred "
            "tasks takes under 1 MB").format(limit=limits.size(limits.MAX_DATA_BYTES),
                                             size=limits.size(stated)))])
    if len(raw) > limits.MAX_DATA_BYTES:
        raise PlanError([Diagnostic(name, 1, 1, "error", _(
            "a data file may be at most {limit} and this one goes on past that; a plan of a few "
            "hundred tasks takes under 1 MB").format(limit=limits.size(limits.MAX_DATA_BYTES)))])
    return raw


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise PlanError([Diagnostic(name, 1, 1, "error",
                                    _("the file starts with a byte order mark (BOM); "
                                      "save it as UTF-8 without BOM"))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise PlanError([Diagnostic(name, line, column, "error",
                                    _("the file is not valid UTF-8 (byte 0x{byte:02x}); save it "
                                      "as UTF-8").format(byte=raw[error.start]))]) from None
    problems = list(forbidden_characters(text, name))
    if problems:
        raise PlanError(problems)
    return text


_MAX_REPORTED = 20  # a file pasted from elsewhere may hold thousands; the first ones say enough


def forbidden_characters(text: str, name: str) -> list[Diagnostic]:
    """Every character of a file that no input may hold, at its line and column (the first
    _MAX_REPORTED of them)."""
    problems = []
    for found in characters.forbidden(text):
        line = text.count("\n", 0, found.index) + 1
        column = found.index - text.rfind("\n", 0, found.index)
        problems.append(Diagnostic(name, line, column, "error",
                                   _("the file contains {character}; it would not show as "
                                     "written, or would change what the text around it shows; "
                                     "delete it").format(character=found.description)))
        if len(problems) == _MAX_REPORTED:
            break
    return problems
