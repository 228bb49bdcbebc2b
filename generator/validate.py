"""Check loaded plan data: every problem at once, each naming its record, field and position."""
import datetime
import difflib
import unicodedata
from dataclasses import dataclass

from . import urls
from .diagnostics import Diagnostic
from .load import Source
from .model import slug_of
from .numerals import from_numeral, to_numeral
from .slugs import is_slug


@dataclass(frozen=True)
class Field:
    kind: str  # line, text, texts, lines, flag, slug, url, numeral, units, record, records
    required: bool = True
    schema: str = ""  # for record and records: the schema of the nested mapping


LINE, TEXT = Field("line"), Field("text")
OPTIONAL_LINE = Field("line", required=False)

SCHEMAS: dict[str, dict[str, Field]] = {
    "file": {
        "document": Field("record", schema="document"),
        "plan": Field("record", schema="plan"),
        "units": Field("records", schema="unit"),
        "sections": Field("records", schema="section"),
        "redirects": Field("records", required=False, schema="redirect"),
    },
    "redirect": {"from": Field("url"), "to": Field("url")},
    "document": {
        "title": LINE, "number": LINE, "issuer": LINE, "written": LINE, "published": LINE,
        "column": LINE, "recipients": LINE, "notice": Field("texts"), "signature": LINE,
    },
    "plan": {"title": LINE, "preamble": TEXT},
    "unit": {
        "name": LINE,
        "collective": Field("flag", required=False),
        "full_name": OPTIONAL_LINE,
        "aliases": Field("lines", required=False),
        "slug": Field("slug", required=False),
    },
    "section": {
        "number": Field("numeral"),
        "title": LINE,
        "slug": Field("slug", required=False),
        "tasks": Field("records", schema="task"),
    },
    "task": {
        "number": Field("numeral"),
        "title": LINE,
        "text": TEXT,
        "lead": Field("units"),
        "responsible": Field("units", required=False),
        "responsibility": OPTIONAL_LINE,
        "slug": Field("slug", required=False),
    },
}

EXPECTED = {
    "line": "text on one line",
    "text": "text",
    "texts": "a list of paragraphs",
    "lines": "a list of names",
    "flag": "true or false",
    "slug": "a slug of lowercase ASCII words joined by '-'",
    "url": "a site URL such as /units/shi-zheng-fu-fa-zhi-ban/",
    "numeral": "a Chinese numeral such as 一 or 十三",
    "units": "a list of unit names",
    "record": "a mapping of fields",
    "records": "a list of records",
}


def describe(value) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value}; put it in quotes"
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


class Checker:
    def __init__(self, source: Source):
        self.source = source
        self.problems: list[Diagnostic] = []

    def error(self, path, message, *, key=False, severity="error"):
        label = self.label(path)
        self.problems.append(self.source.diagnostic(path, f"{label}: {message}" if label else message,
                                                    key=key, severity=severity))

    def label(self, path) -> str:
        """Name the record at the head of `path` as a reader of the plan would."""
        data = self.source.data
        if path[:1] in (("document",), ("plan",)):
            return path[0]
        if path[:1] == ("redirects",) and len(path) > 1:
            return f"redirect #{path[1] + 1}"
        if path[:1] == ("units",) and len(path) > 1:
            name = _get(data, ("units", path[1], "name"))
            return f"unit {name}" if _is_text(name) else f"unit #{path[1] + 1}"
        if path[:1] == ("sections",) and len(path) > 3 and path[2] == "tasks":
            number = _get(data, path[:4] + ("number",))
            return f"task （{number}）" if _is_text(number) else f"task #{path[3] + 1} of section {path[1] + 1}"
        if path[:1] == ("sections",) and len(path) > 1:
            number = _get(data, ("sections", path[1], "number"))
            return f"section {number}、" if _is_text(number) else f"section #{path[1] + 1}"
        return ""

    # --- shape --------------------------------------------------------------------------
    def record(self, value, path, schema: str) -> bool:
        fields = SCHEMAS[schema]
        if not isinstance(value, dict):
            self.error(path, f"expected {EXPECTED['record']} ({', '.join(fields)}), got {describe(value)}")
            return False
        ok = True
        for key in value:
            if key not in fields:
                near = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
                hint = f" (did you mean '{near[0]}'?)" if near else ""
                self.error(path + (key,), f"unknown field '{key}'{hint}; expected one of: "
                           + ", ".join(fields), key=True)
                ok = False
        for name, field in fields.items():
            if name in value:
                ok &= self.value(value[name], path + (name,), field)
            elif field.required:
                self.error(path, f"missing required field '{name}' ({EXPECTED[field.kind]})")
                ok = False
        return ok

    def value(self, value, path, field: Field) -> bool:
        name = path[-1]
        kind = field.kind
        if kind == "record":
            return self.record(value, path, field.schema)
        if kind in ("records", "texts", "lines", "units"):
            if not isinstance(value, list):
                self.error(path, f"field '{name}' must be {EXPECTED[kind]}, got {describe(value)}")
                return False
            if not value and kind != "lines" and field.required:
                self.error(path, f"field '{name}' is empty; expected {EXPECTED[kind]}")
                return False
            item = Field("record", schema=field.schema) if kind == "records" else Field(
                "text" if kind == "texts" else "line")
            return all([self.value(entry, path + (i,), item) for i, entry in enumerate(value)])
        if kind == "flag":
            if not isinstance(value, bool):
                self.error(path, f"field '{name}' must be true or false, got {describe(value)}")
                return False
            return True
        where = f"field '{name}'" if isinstance(name, str) else f"item {name + 1} of '{path[-2]}'"
        if not isinstance(value, str):
            self.error(path, f"{where} must be {EXPECTED[kind]}, got {describe(value)}")
            return False
        if not value.strip():
            self.error(path, f"{where} is empty; expected {EXPECTED[kind]}")
            return False
        for char in value:
            if unicodedata.category(char) == "Cc" and not (char == "\n" and kind == "text"):
                self.error(path, f"{where} contains the control character U+{ord(char):04X}; "
                           f"expected {EXPECTED[kind]}")
                return False
        if kind == "slug" and not is_slug(value):
            self.error(path, f"field 'slug' is '{value}'; expected {EXPECTED['slug']}, "
                       "such as 'shi-zheng-fu-fa-zhi-ban'")
            return False
        if kind == "url" and not urls.is_site_url(value):
            self.error(path, f"{where} is '{value}'; expected {EXPECTED['url']}")
            return False
        if kind == "numeral" and from_numeral(value) is None:
            self.error(path, f"field 'number' is '{value}'; expected {EXPECTED['numeral']}")
            return False
        return True

    # --- across records -----------------------------------------------------------------
    def numbering(self, entries, path, what: str, start: int, brackets: str) -> int:
        """Numbers must run on without a gap or a repeat; returns the next expected number."""
        expected = start
        seen: dict[int, int] = {}
        for i, entry in enumerate(entries):
            number = from_numeral(entry["number"])
            here = path + (i, "number")
            if number in seen:
                first = self.source.at(path + (seen[number], "number"))[0]
                self.error(here, f"{what} number {brackets.format(entry['number'])} repeats the "
                           f"{what} at line {first}")
            elif number != expected:
                self.error(here, f"{what} number is {brackets.format(entry['number'])}; expected "
                           f"{brackets.format(to_numeral(expected))} ({what}s are numbered in order)")
            seen.setdefault(number, i)
            expected = max(expected, number) + 1
        return expected

    def references(self, data):
        names = [unit["name"] for unit in data["units"]]
        first_at: dict[str, int] = {}
        for i, name in enumerate(names):
            if name in first_at:
                line = self.source.at(("units", first_at[name], "name"))[0]
                self.error(("units", i, "name"), f"the unit is listed twice (first at line {line})")
            first_at.setdefault(name, i)
        referenced = set()
        for s, section in enumerate(data["sections"]):
            for t, task in enumerate(section["tasks"]):
                for role in ("lead", "responsible"):
                    given = task.get(role, [])
                    for r, name in enumerate(given):
                        path = ("sections", s, "tasks", t, role, r)
                        referenced.add(name)
                        if name not in first_at:
                            near = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
                            hint = f" (did you mean '{near[0]}'?)" if near else ""
                            self.error(path, f"{role} unit '{name}' is not in units{hint}")
                        elif given.index(name) != r:
                            self.error(path, f"{role} unit '{name}' is named twice")
                        elif "responsibility" in task and name not in task["responsibility"]:
                            self.error(path, f"{role} unit '{name}' does not appear in the "
                                       "responsibility wording")
        for i, name in enumerate(names):
            if name not in referenced:
                self.error(("units", i, "name"), "no task names this unit as lead or responsible",
                           severity="warning")

    def slugs(self, data):
        """Two records must never share a URL: each would hide the other's page."""
        owners = {urls.HOME: "the home page", urls.UNIT_DIRECTORY: "the unit directory"}
        records = [(("units", i), unit, "name", urls.unit_page) for i, unit in enumerate(data["units"])]
        for s, section in enumerate(data["sections"]):
            records.append((("sections", s), section, "title", urls.section_page))
            records += [(("sections", s, "tasks", t), task, "title", urls.task_page)
                        for t, task in enumerate(section["tasks"])]
        for path, entry, named_by, page_of in records:
            slug = slug_of(entry, named_by)
            where = path + ("slug",) if "slug" in entry else path + (named_by,)
            if not slug:
                self.error(where, f"the {named_by} gives no pinyin for a URL; "
                           "pin one with the field 'slug'")
                continue
            page = page_of(slug)
            if page in owners:
                self.error(where, f"URL {urls.url_of(page)} is also the URL of {owners[page]}; "
                           "pin another with the field 'slug'")
            else:
                owners[page] = f"{self.label(path)} (line {self.source.at(where)[0]})"


def check(source: Source) -> list[Diagnostic]:
    """All problems of the data, errors and warnings, in file order."""
    checker = Checker(source)
    if not checker.record(source.data, (), "file"):
        return sorted(checker.problems)
    data = source.data
    checker.numbering(data["sections"], ("sections",), "section", 1, "{}、")
    expected = 1
    for s, section in enumerate(data["sections"]):
        expected = checker.numbering(section["tasks"], ("sections", s, "tasks"), "task", expected, "（{}）")
    checker.references(data)
    checker.slugs(data)
    return sorted(checker.problems)


def _is_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _get(data, path):
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data
