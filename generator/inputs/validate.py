"""Check loaded data against its JSON Schema (generator/schema/), then a plan's records across
each other: every problem at once, each naming its record, field and position."""
import datetime
import functools
import json
import re
from typing import TYPE_CHECKING, Iterator

import fastjsonschema

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

from generator import SCHEMAS
from generator.diagnostics import Diagnostic
from generator.i18n import N_, _, did_you_mean, listing, nearest
from generator.inputs import characters
from generator.inputs.load import Source
from generator.inputs.weblinks import web_address
from generator.model.numerals import from_numeral, to_numeral


def _inline(schema, definitions: dict):
    """The schema with each reference to its own $defs replaced by the definition (with the
    referring schema's own keywords beside it): jsonschema then validates without resolving
    references, twice as fast on a plan of 2,000 tasks."""
    if isinstance(schema, list):
        return [_inline(item, definitions) for item in schema]
    if not isinstance(schema, dict):
        return schema
    inlined = {key: _inline(value, definitions) for key, value in schema.items()
               if key not in ("$ref", "$defs")}
    if "$ref" in schema:
        definition = _inline(definitions[schema["$ref"].removeprefix("#/$defs/")], definitions)
        inlined = {**definition, **inlined}
    return inlined


class Schema:
    """A data format declared in generator/schema/, which editors check the files against too.

    jsonschema yields every error with its path, which the messages need; fastjsonschema compiles
    the same schema into Python that only answers whether the data fits, ten times faster. Data
    that fits (every build that succeeds) is read by the fast one only, and jsonschema is not
    even imported. Its one difference, `$` in a pattern read as the end of the text (\\Z), can
    only refuse more: then jsonschema decides."""

    def __init__(self, file_name: str):
        self.file = SCHEMAS / file_name
        self.declared = json.loads(self.file.read_text(encoding="utf-8"))
        self.inlined = _inline(self.declared, self.declared.get("$defs", {}))
        self._fits = fastjsonschema.compile(self.inlined)

    def fits(self, data) -> bool:
        """Whether the data fits the schema; False leaves the verdict and the messages to
        jsonschema, as does anything the compiled check stumbles on."""
        try:
            self._fits(data)
        except Exception:  # noqa: BLE001 — never the authority, only the fast way to a yes
            return False
        return True

    @functools.cached_property
    def validator(self) -> "Draft202012Validator":
        from jsonschema import Draft202012Validator

        return Draft202012Validator(self.inlined)


# The format of the plans: editors check data/plans/<year>.yaml against the same file.
PLAN = Schema("plan-input.schema.json")
SCHEMA_FILE, SCHEMA = PLAN.file, PLAN.declared


def fits(data) -> bool:
    """Whether plan data fits its schema (see Schema.fits)."""
    return PLAN.fits(data)


def validator() -> "Draft202012Validator":
    return PLAN.validator


# The titles of the plans' and progress's schemas, which the messages quote: Babel reads no
# JSON, so they are listed here for the catalog (tests check that every title of the schemas is),
# and translated where used.
TITLES = (
    N_("a Chinese numeral such as 一 or 十三"),
    N_('a date written YYYY-MM-DD in quotes, such as "2019-01-10"'),
    N_("a date written YYYY-MM-DD, such as 2017-07-01"),
    N_("a list of http(s) URLs of published documents"),
    N_("a list of progress entries ('- task: …')"),
    N_("a list of names"),
    N_("a list of paragraphs"),
    N_("a list of records"),
    N_("a list of unit names"),
    N_("a mapping of fields"),
    N_("a site URL such as /units/shi-zheng-fu-fa-zhi-ban/ (words of lowercase ASCII joined by "
       "'-', between slashes, none of them 'index')"),
    N_("a slug of lowercase ASCII words joined by '-', other than 'index'"),
    N_("an http:// or https:// address of a published document"),
    N_("an http(s) address of the published document"),
    N_("one line of text: what was done"),
    N_("text on one line"),
    N_("the name of a unit named on the task"),
    N_("the task's Chinese numeral, such as 十三"),
    N_("true"),
    N_("true or false"),
)


def expected(schema: dict) -> str:
    """What a (sub)schema asks for, in the words of the messages: its title; for a choice among
    values, the values."""
    if "enum" in schema:
        return _("one of {choices}").format(choices=listing(schema["enum"]))
    title = schema["title"]  # a variable: Babel would take the key for a message
    return _(title)


def describe(value) -> str:
    if isinstance(value, bool):
        return _("'{value}'").format(value=str(value).lower())
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return _("the date {value}; put it in quotes").format(value=value)
    if value is None:
        return _("nothing")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return _("'{value}'").format(value=value)


_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc


def bad_character(value: str) -> str | None:
    """What in `value` would not show as written: a line break or a control character."""
    if _LINE_BREAK.search(value):
        return _("a line break; write the text on one line, or fold it with >-")
    control = _CONTROL.search(value)
    if control:
        return _("the control character U+{code:04X}; delete it").format(code=ord(control.group()))
    found = characters.first_forbidden(value)  # what the file can hold only as an escape
    return _("{character}; delete it").format(character=found.description) if found else None


def where(path: tuple) -> str:
    """The field a value stands in, as a message names it."""
    name = path[-1] if path else None
    if isinstance(name, str):
        return _("field '{name}'").format(name=name)
    if len(path) > 1:
        return _("item {number} of '{name}'").format(number=name + 1, name=path[-2])
    return _("the file")  # or a record of a file that is a list, which its label names


def _texts(data, path=()) -> Iterator[tuple[tuple, str]]:
    """Every text in the data, with its path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, path + (i,))


class Checker:
    def __init__(self, source: Source, schema: Schema = PLAN):
        self.source = source
        self.schema = schema
        self.problems: list[Diagnostic] = []
        self.bad: set[tuple] = set()  # paths whose value failed, so later checks skip them

    def error(self, path, message, *, key=False, severity="error"):
        label = self.label(path)
        self.problems.append(self.source.diagnostic(
            path, labelled(label, message), key=key, severity=severity))

    def fail(self, path, message, **kwargs) -> bool:
        self.bad.add(path)
        self.error(path, message, **kwargs)
        return False

    def fine(self, path) -> bool:
        """The value at `path` is there and passed its checks, as did everything around it."""
        return _get(self.source.data, path) is not None and not (self.bad and any(
            path[:i] in self.bad for i in range(len(path) + 1)))

    def label(self, path) -> str:
        """Name the record at the head of `path` as a reader of the plan would."""
        data = self.source.data
        for at in (1, 3):  # a record is an item of a list: where a mapping stands instead, none
            if len(path) > at and not isinstance(path[at], int):
                path = path[:at]
        head = path[:1]
        if head in (("document",), ("plan",)):
            return path[0]
        if head == ("redirects",) and len(path) > 1:
            return _("redirect #{number}").format(number=path[1] + 1)
        if head == ("units",) and len(path) > 1:
            name = _get(data, ("units", path[1], "name"))
            return _("unit {name}").format(name=name) if _is_text(name) else \
                _("unit #{number}").format(number=path[1] + 1)
        if head == ("sections",) and len(path) > 3 and path[2] == "tasks":
            number = _get(data, path[:4] + ("number",))
            return _("task （{number}）").format(number=number) if _is_text(number) else \
                _("task #{task} of section #{section}").format(task=path[3] + 1, section=path[1] + 1)
        if head == ("sections",) and len(path) > 1:
            number = _get(data, ("sections", path[1], "number"))
            return _("section {number}、").format(number=number) if _is_text(number) else \
                _("section #{number}").format(number=path[1] + 1)
        return ""

    # --- shape, by the schema -------------------------------------------------------------
    def shape(self) -> None:
        if self.schema.fits(self.source.data):
            return
        for error in self.schema.validator.iter_errors(self.source.data):
            path = tuple(error.absolute_path)
            if path not in self.bad:  # else the loader has reported it
                self.explain(error, path)

    def explain(self, error: "ValidationError", path: tuple) -> None:
        """A schema error as one line that says what was expected, in the project's words."""
        value, schema, keyword = error.instance, error.schema, error.validator
        field = where(path)
        if keyword == "additionalProperties":
            fields = list(schema["properties"])
            for key in (key for key in value if key not in schema["properties"]):
                self.fail(path + (key,), unknown_field(key, fields), key=True)
        elif keyword == "required":  # jsonschema yields this once for each missing field
            for field in schema["required"]:
                if field not in value and path + (field,) not in self.bad:
                    self.fail(path + (field,), _("missing required field '{field}' ({expected})")
                              .format(field=field, expected=expected(schema["properties"][field])))
        elif keyword == "type" and schema["type"] == "object":
            self.fail(path, _("expected {expected} ({fields}), got {found}").format(
                expected=expected(schema), fields=listing(schema["properties"]),
                found=describe(value)))
        elif keyword == "type":
            self.fail(path, _("{field} must be {expected}, got {found}").format(
                field=field, expected=expected(schema), found=describe(value)))
        elif keyword == "minItems":
            self.fail(path, _("{field} is empty; expected {expected}").format(
                field=field, expected=expected(schema)))
        elif keyword == "pattern":
            self.fail(path, _mismatch(field, value, schema))
        else:  # a keyword the schema may come to use that has no wording of its own yet
            self.fail(path, labelled(field, error.message))

    def hidden_characters(self) -> None:
        """A character no input may hold, in a text the schema let through: one an escape wrote
        ("\\u200b"), where the file itself holds none."""
        for path, value in _texts(self.source.data):
            if not (self.bad and any(path[:i] in self.bad for i in range(len(path) + 1))):
                bad = bad_character(value)
                if bad:
                    self.fail(path, _("{field} contains {character}").format(
                        field=where(path), character=bad))

    def addresses(self) -> None:
        """A successor's source is an address a reader can follow (generator/inputs/weblinks.py): its
        pattern lets through what only parsing can refuse, such as a user name before the host."""
        for path, unit in self.records("units"):
            here = path + ("successor", "source")
            if self.fine(here) and isinstance(_get(self.source.data, here), str) \
                    and web_address(_get(self.source.data, here)) is None:
                self.fail(here, _("field 'source' is '{value}'; expected {expected}").format(
                    value=_get(self.source.data, here),
                    expected=expected(SCHEMA["$defs"]["successor"]["properties"]["source"])))

    # --- across records -----------------------------------------------------------------
    def records(self, *path) -> list[tuple[tuple, dict]]:
        """The well-formed mappings of the list at `path`, each with its own path."""
        entries = _get(self.source.data, path)
        if not isinstance(entries, list) or path in self.bad:
            return []
        return [(path + (i,), entry) for i, entry in enumerate(entries)
                if isinstance(entry, dict) and path + (i,) not in self.bad]

    def numbering(self, entries, brackets: str, twice: str, out_of_order: str) -> None:
        """Numbers must run 1, 2, 3… without a gap or a repeat; `twice` and `out_of_order` are
        the messages, with the fields {number}, {line} and {expected}."""
        expected = 1
        seen: dict[int, tuple] = {}
        for path, entry in entries:
            here = path + ("number",)
            if not self.fine(here):
                expected += 1
                continue
            number = from_numeral(entry["number"])
            shown = brackets.format(entry["number"])
            if number in seen:
                first = self.source.at(seen[number])[0]
                self.error(here, _(twice).format(number=shown, line=first))
            elif number != expected:
                self.error(here, _(out_of_order).format(
                    number=shown, expected=brackets.format(to_numeral(expected))))
            seen.setdefault(number, here)
            expected = max(expected, number) + 1

    def references(self):
        names: dict[str, tuple] = {}
        folded: dict[str, str] = {}  # a name as compared -> the name as first written
        for path, unit in self.records("units"):
            if self.fine(path + ("name",)):
                name = unit["name"]
                first = folded.setdefault(characters.same_name(name), name)
                if first in names:
                    line = self.source.at(names[first])[0]
                    self.fail(path + ("name",), (
                        _("the unit is listed twice (first at line {line})") if first == name else
                        _("the unit is listed twice (first at line {line} as '{first}', which "
                          "differs only in full-width or compatibility forms)")
                    ).format(line=line, first=first))
                names.setdefault(name, path + ("name",))
        referenced = set()
        for section_path, _section in self.records("sections"):
            for path, task in self.records(*section_path, "tasks"):
                for role in ("lead", "responsible"):
                    given = task.get(role)
                    given = given if isinstance(given, list) else []  # else reported as not a list
                    for r, name in enumerate(given):
                        here = path + (role, r)
                        if not self.fine(here):
                            continue
                        referenced.add(name)
                        if name not in names:
                            self.error(here, did_you_mean(
                                _(_NOT_IN_UNITS[role]).format(name=name), name, names))
                        elif given.index(name) != r:
                            self.error(here, _(_NAMED_TWICE[role]).format(name=name))
                        elif (self.fine(path + ("responsibility",))
                              and name not in task["responsibility"]):
                            self.error(here, _(_NOT_IN_WORDING[role]).format(name=name))
        if not self.records("sections"):
            return  # without tasks, every unit would look unused
        for name, path in names.items():
            if name not in referenced:
                self.error(path, _("no task names this unit as lead or responsible"),
                           severity="warning")


def check(source: Source) -> tuple[list[Diagnostic], bool]:
    """All problems of the data, errors and warnings, in file order; and whether its shape is
    right, so that the model can be built from it and its pages listed."""
    checker = Checker(source)
    for path, message in source.problems:
        checker.bad.add(path)
        checker.error(path, message)
    checker.shape()
    checker.hidden_characters()
    checker.addresses()
    well_formed = not checker.problems
    if isinstance(source.data, dict):
        checker.numbering(checker.records("sections"), "{}、",
                          N_("section number {number} is given twice (first at line {line})"),
                          N_("section number is {number}; expected {expected} (sections are "
                             "numbered in order)"))
        # tasks are numbered on from one section to the next
        checker.numbering([task for path, _records in checker.records("sections")
                           for task in checker.records(*path, "tasks")], "（{}）",
                          N_("task number {number} is given twice (first at line {line})"),
                          N_("task number is {number}; expected {expected} (tasks are numbered "
                             "in order)"))
        checker.references()
    return sorted(checker.problems), well_formed


def _mismatch(field: str, value: str, schema: dict) -> str:
    """How a text misses its pattern: the rule of every text first, then the field's own."""
    if not value.strip():
        return _("{field} is empty; expected {expected}").format(field=field, expected=expected(schema))
    bad = bad_character(value)
    if bad:
        return _("{field} contains {character}").format(field=field, character=bad)
    if value != value.strip():
        return _("{field} starts or ends with white space; delete it").format(field=field)
    if "examples" in schema:
        return _("{field} is '{value}'; expected {expected}, such as '{example}'").format(
            field=field, value=value, expected=expected(schema), example=schema["examples"][0])
    return _("{field} is '{value}'; expected {expected}").format(
        field=field, value=value, expected=expected(schema))


def labelled(label: str, message: str) -> str:
    """A message about a record or field, after its name: 'task （三）: …'."""
    return _("{label}: {message}").format(label=label, message=message) if label else message


def unknown_field(key, fields) -> str:
    # Not did_you_mean(): a field name is quoted as code, not as a name, in Chinese
    near = nearest(key, fields, cutoff=0.6)
    if near:
        return _("unknown field '{key}' (did you mean '{near}'?); expected one of: {fields}").format(
            key=key, near=near, fields=listing(fields))
    return _("unknown field '{key}'; expected one of: {fields}").format(key=key, fields=listing(fields))


# What can be wrong with a unit a task names, in each role.
_NOT_IN_UNITS = {"lead": N_("lead unit '{name}' is not in units"),
                 "responsible": N_("responsible unit '{name}' is not in units")}
_NAMED_TWICE = {"lead": N_("lead unit '{name}' is named twice"),
                "responsible": N_("responsible unit '{name}' is named twice")}
_NOT_IN_WORDING = {
    "lead": N_("lead unit '{name}' does not appear in the responsibility wording"),
    "responsible": N_("responsible unit '{name}' does not appear in the responsibility wording")}


def _is_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _get(data, path):
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data
