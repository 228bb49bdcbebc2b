"""Read data/plan.yaml into plain Python data that remembers where every value was written.

PyYAML's constructors forget positions and keep the last of two duplicate keys, so this module
composes the node tree itself and records the line and column of each key and value by path.
"""
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

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
    text = _decode(raw, name)
    source = Source(name, None)
    try:
        node = _compose(text)
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        raise PlanError([Diagnostic(name, line, column, "error",
                                    f"the file contains the control character U+{error.character:04X}, "
                                    "which YAML does not allow; delete it")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = " ".join(filter(None, [error.context, error.problem]))
        raise PlanError([Diagnostic(name, mark.line + 1, mark.column + 1, "error",
                                    f"invalid YAML: {what}")]) from None
    except yaml.YAMLError as error:
        raise PlanError([Diagnostic(name, 1, 1, "error", f"invalid YAML: {error}")]) from None
    if node is None:
        raise PlanError([Diagnostic(name, 1, 1, "error",
                                    "the file holds no data; expected a mapping with the keys "
                                    "document, plan, units and sections")])
    source.data = _convert(node, (), source, set())
    return source


def _compose(text: str):
    """The node tree, by libyaml where PyYAML has it (ten times faster on a large plan); a file
    libyaml refuses is read again by PyYAML's own parser, whose messages are the ones reported."""
    fast = getattr(yaml, "CSafeLoader", None)
    for loader_class in ([fast] if fast else []) + [yaml.SafeLoader]:
        loader = loader_class(text)
        try:
            return loader.get_single_node()
        except yaml.YAMLError:
            if loader_class is yaml.SafeLoader:
                raise
        finally:
            loader.dispose()


def _read(path: Path, name: str) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PlanError([Diagnostic(name, 1, 1, "error",
                                    f"cannot read the file: {error.strerror}")]) from None
    if not raw.strip():
        raise PlanError([Diagnostic(name, 1, 1, "error",
                                    "the file is empty; expected a mapping with the keys "
                                    "document, plan, units and sections")])
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
        except ValueError:  # a timestamp that is no day of the calendar, such as 2017-02-30
            source.problems.append((path, f"'{node.value}' is not a valid date"))
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
