"""Read data/plan.yaml into plain Python data that remembers where every value was written.

PyYAML's constructors forget positions and keep the last of two duplicate keys, so this module
composes the node tree itself and records the line and column of each key and value by path.
Before any node is built, the parser's events are read once to hold the file to the bounds of
limits.py and to refuse anchors, aliases and merge keys, which a plan has no use for and which
can make a 1 KB file expand to gigabytes ("billion laughs").
"""
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from . import limits
from .diagnostics import Diagnostic, PlanError

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
                                    "the file is empty; expected a mapping with the keys "
                                    "document, plan, units and sections")])
    text = _decode(raw, name)
    source = Source(name, None)
    problems: list[Diagnostic] = []  # what the scan of the events found before any error
    try:
        node = _compose(text, name, problems)
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        raise PlanError(problems + [Diagnostic(
            name, line, column, "error", f"the file contains the control character "
            f"U+{error.character:04X}, which YAML does not allow; delete it")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = " ".join(filter(None, [error.context, error.problem]))
        raise PlanError(problems + [Diagnostic(name, mark.line + 1, mark.column + 1, "error",
                                               f"invalid YAML: {what}")]) from None
    except yaml.YAMLError as error:
        raise PlanError(problems + [Diagnostic(name, 1, 1, "error",
                                               f"invalid YAML: {error}")]) from None
    if node is None:
        raise PlanError([Diagnostic(name, 1, 1, "error",
                                    "the file holds no data; expected a mapping with the keys "
                                    "document, plan, units and sections")])
    source.data = _convert(node, (), source, set())
    return source


def _compose(text: str, name: str, problems: list[Diagnostic]):
    """The node tree, by libyaml where PyYAML has it (ten times faster on a large plan); a file
    libyaml refuses is read again by PyYAML's own parser, whose messages are the ones reported.
    Each parser first scans the file's events (see _scan); PlanError if they pass a bound."""
    fast = getattr(yaml, "CSafeLoader", None)
    for loader_class in ([fast] if fast else []) + [yaml.SafeLoader]:
        problems.clear()
        try:
            _scan(loader_class(text), name, problems)
            if problems:
                raise PlanError(problems)
            loader = loader_class(text)
            try:
                return loader.get_single_node()
            finally:
                loader.dispose()
        except yaml.YAMLError:
            if loader_class is yaml.SafeLoader:
                raise


_MERGE = "tag:yaml.org,2002:merge"
_NO_REFERENCES = "a plan has no use for anchors, aliases or merge keys; write the value out in full"


def _scan(loader, name: str, problems: list[Diagnostic]) -> None:
    """Read the parser's events, which take no memory beyond the one at hand: note each anchor,
    alias and merge key (one a line) and each text over the length limit; stop at once where
    nesting or the number of values passes its limit, before a node is built or recursed into."""
    open_collections: list[list] = []  # [is a mapping, nodes in it so far]
    values = 0
    flagged_lines: set[int] = set()

    def problem(mark, message):
        problems.append(Diagnostic(name, mark.line + 1, mark.column + 1, "error", message))

    def reference(mark, what):
        if mark.line not in flagged_lines:
            flagged_lines.add(mark.line)
            problem(mark, f"YAML {what}: {_NO_REFERENCES}")

    try:
        while not loader.check_event(yaml.StreamEndEvent):
            event = loader.get_event()
            if isinstance(event, yaml.CollectionEndEvent):
                open_collections.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            is_key = bool(open_collections) and open_collections[-1][0] and \
                open_collections[-1][1] % 2 == 0
            if open_collections:
                open_collections[-1][1] += 1
            values += 1
            if values > limits.MAX_VALUES:
                problem(event.start_mark, f"the file holds more than {limits.MAX_VALUES:,} values "
                        "(texts, lists and mappings), the limit for a data file; stopped reading here")
                raise PlanError(problems)
            if isinstance(event, yaml.AliasEvent):
                reference(event.start_mark, f"alias '*{event.anchor}'")
                continue
            if event.anchor is not None:
                reference(event.start_mark, f"anchor '&{event.anchor}'")
            if isinstance(event, yaml.ScalarEvent):
                if is_key and event.value == "<<" and (
                        (event.tag is None and event.implicit[0]) or event.tag == _MERGE):
                    reference(event.start_mark, "merge key '<<'")
                if len(event.value) > limits.MAX_TEXT_CHARS:
                    problem(event.start_mark, f"a text of {len(event.value):,} characters; one text "
                            f"may hold at most {limits.MAX_TEXT_CHARS:,}")
                continue
            open_collections.append([isinstance(event, yaml.MappingStartEvent), 0])
            if len(open_collections) > limits.MAX_DEPTH:
                problem(event.start_mark, f"lists and mappings nested more than {limits.MAX_DEPTH} "
                        "deep, the limit for a data file (a plan nests 6 deep); stopped reading here")
                raise PlanError(problems)
    finally:
        loader.dispose()


def read_text(path: Path, name: str) -> str:
    """The text of a file beside the plan (the URL ledger), held to the same size and encoding."""
    return _decode(_read(path, name), name)


def _read(path: Path, name: str) -> bytes:
    try:
        with path.open("rb") as file:
            stated = os.fstat(file.fileno()).st_size
            # read one byte past the limit, so that a device or a pipe cannot feed it forever
            raw = b"" if stated > limits.MAX_DATA_BYTES else file.read(limits.MAX_DATA_BYTES + 1)
    except OSError as error:
        raise PlanError([Diagnostic(name, 1, 1, "error",
                                    f"cannot read the file: {error.strerror}")]) from None
    if stated > limits.MAX_DATA_BYTES or len(raw) > limits.MAX_DATA_BYTES:
        found = f"is {limits.size(stated)}" if stated > limits.MAX_DATA_BYTES else "goes on past that"
        raise PlanError([Diagnostic(name, 1, 1, "error",
                                    f"a data file may be at most {limits.size(limits.MAX_DATA_BYTES)}"
                                    f" and this one {found}; a plan of a few hundred tasks takes "
                                    "under 1 MB")])
    return raw


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise PlanError([Diagnostic(name, 1, 1, "error",
                                    "the file starts with a byte order mark (BOM); "
                                    "save it as UTF-8 without BOM")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise PlanError([Diagnostic(name, line, column, "error",
                                    f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x}); "
                                    "save it as UTF-8")]) from None


_UNSUPPORTED = "unsupported YAML tag '{}'; only plain text, lists and mappings are read"


def _convert(node, path: Path_, source: Source, active: set) -> Any:
    source.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if id(node) in active:  # an alias that contains itself
        source.problems.append((path, "a YAML alias refers to itself"))
        return None
    if isinstance(node, yaml.ScalarNode):
        try:
            return SafeConstructor().construct_object(node)
        except ConstructorError:
            source.problems.append((path, _UNSUPPORTED.format(node.tag)))
            return None
        except (ValueError, OverflowError):  # 2017-13-45, or an integer of over 4,300 digits
            kind = "date" if node.tag.endswith(":timestamp") else "number"
            shown = node.value if len(node.value) <= 20 else node.value[:20] + "…"
            source.problems.append((path, f"'{shown}' reads as a {kind} but is not a valid one; "
                                    "put it in quotes if it is text"))
            return None
    if node.tag not in _PLAIN_TAGS:
        source.problems.append((path, _UNSUPPORTED.format(node.tag)))
        return None
    active = active | {id(node)}
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), source, active) for i, item in enumerate(node.value)]
    mapping: dict = {}
    for key_node, value_node in node.value:
        position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        key = _convert(key_node, path + ("<key>",), source, active)
        source.values.pop(path + ("<key>",), None)
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            source.values[path + ("<key>",)] = position
            source.problems.append((path + ("<key>",), "a field name must be plain text"))
            continue
        key_path = path + (key,)
        if key in mapping:
            source.values[key_path + ("<again>",)] = position
            source.problems.append((key_path + ("<again>",), f"field '{key}' is given twice "
                                    f"(first at line {source.keys[key_path][0]}); delete one"))
            continue
        source.keys[key_path] = position
        mapping[key] = _convert(value_node, key_path, source, active)
    return mapping
