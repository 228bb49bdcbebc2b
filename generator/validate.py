"""Check loaded plan data: every problem at once, each naming its record, field and position."""
import datetime
import difflib
import re
from dataclasses import dataclass

from . import urls
from .diagnostics import Diagnostic
from .load import Source
from .model import slug_of
from .numerals import from_numeral, to_numeral
from .slugs import is_slug


@dataclass(frozen=True)
class Field:
    kind: str  # text, texts, names, flag, slug, url, numeral, units, record, records
    required: bool = True
    schema: str = ""  # for record and records: the schema of the nested mapping


TEXT = Field("text")

SCHEMAS: dict[str, dict[str, Field]] = {
    "file": {
        "document": Field("record", schema="document"),
        "plan": Field("record", schema="plan"),
        "units": Field("records", schema="unit"),
        "sections": Field("records", schema="section"),
        "redirects": Field("records", required=False, schema="redirect"),
        "terms": Field("names", required=False),
    },
    "document": {
        "title": TEXT, "number": TEXT, "issuer": TEXT, "written": TEXT,
        # given by the web page that published the notice, not by the notice itself
        "published": Field("text", required=False), "column": Field("text", required=False),
        "recipients": TEXT, "notice": Field("texts"), "signature": TEXT,
    },
    "plan": {"title": TEXT, "preamble": TEXT},
    "unit": {
        "name": TEXT,
        "collective": Field("flag", required=False),
        "full_name": Field("text", required=False),
        "aliases": Field("names", required=False),
        "slug": Field("slug", required=False),
    },
    "section": {
        "number": Field("numeral"),
        "title": TEXT,
        "slug": Field("slug", required=False),
        "tasks": Field("records", schema="task"),
    },
    "task": {
        "number": Field("numeral"),
        "title": TEXT,
        "text": TEXT,
        "lead": Field("units", required=False),  # a task may be published without a bracket
        "responsible": Field("units", required=False),
        "responsibility": Field("text", required=False),
        "slug": Field("slug", required=False),
    },
    "redirect": {"from": Field("url"), "to": Field("url")},
}

EXPECTED = {
    "text": "text on one line",
    "texts": "a list of paragraphs",
    "names": "a list of names",
    "flag": "true or false",
    "slug": "a slug of lowercase ASCII words joined by '-'",
    "url": "a site URL such as /units/shi-zheng-fu-fa-zhi-ban/",
    "numeral": "a Chinese numeral such as 一 or 十三",
    "units": "a list of unit names",
    "record": "a mapping of fields",
    "records": "a list of records",
}
LISTS = {"records": "record", "texts": "text", "names": "text", "units": "text"}


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


_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc


def _bad_character(value: str) -> str | None:
    """What in `value` would not show as written: a line break or a control character."""
    if _LINE_BREAK.search(value):
        return "a line break; write the text on one line, or fold it with >-"
    control = _CONTROL.search(value)
    return f"the control character U+{ord(control.group()):04X}; delete it" if control else None


class Checker:
    def __init__(self, source: Source):
        self.source = source
        self.problems: list[Diagnostic] = []
        self.bad: set[tuple] = set()  # paths whose value failed, so later checks skip them

    def error(self, path, message, *, key=False, severity="error"):
        label = self.label(path)
        self.problems.append(self.source.diagnostic(
            path, f"{label}: {message}" if label else message, key=key, severity=severity))

    def fail(self, path, message, **kwargs) -> bool:
        self.bad.add(path)
        self.error(path, message, **kwargs)
        return False

    def fine(self, path) -> bool:
        """The value at `path` is there and passed its checks, as did everything around it."""
        return _get(self.source.data, path) is not None and not any(
            path[:i] in self.bad for i in range(len(path) + 1))

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
            return f"redirect #{path[1] + 1}"
        if head == ("units",) and len(path) > 1:
            name = _get(data, ("units", path[1], "name"))
            return f"unit {name}" if _is_text(name) else f"unit #{path[1] + 1}"
        if head == ("sections",) and len(path) > 3 and path[2] == "tasks":
            number = _get(data, path[:4] + ("number",))
            return f"task （{number}）" if _is_text(number) else \
                f"task #{path[3] + 1} of section #{path[1] + 1}"
        if head == ("sections",) and len(path) > 1:
            number = _get(data, ("sections", path[1], "number"))
            return f"section {number}、" if _is_text(number) else f"section #{path[1] + 1}"
        return ""

    # --- shape --------------------------------------------------------------------------
    def record(self, value, path, schema: str) -> bool:
        fields = SCHEMAS[schema]
        if not isinstance(value, dict):
            return self.fail(path, f"expected {EXPECTED['record']} ({', '.join(fields)}), "
                             f"got {describe(value)}")
        ok = True
        for key in value:
            if key not in fields:
                near = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
                hint = f" (did you mean '{near[0]}'?)" if near else ""
                ok = self.fail(path + (key,), f"unknown field '{key}'{hint}; expected one of: "
                               + ", ".join(fields), key=True)
        for name, field in fields.items():
            if name in value:
                ok &= self.value(value[name], path + (name,), field)
            elif field.required:
                ok = self.fail(path + (name,), f"missing required field '{name}' "
                               f"({EXPECTED[field.kind]})")
        return ok

    def value(self, value, path, field: Field) -> bool:
        if path in self.bad:  # already reported while loading
            return False
        name, kind = path[-1], field.kind
        where = f"field '{name}'" if isinstance(name, str) else f"item {name + 1} of '{path[-2]}'"
        if kind == "record":
            return self.record(value, path, field.schema)
        if kind in LISTS:
            if not isinstance(value, list):
                return self.fail(path, f"{where} must be {EXPECTED[kind]}, got {describe(value)}")
            if not value and kind != "names":
                return self.fail(path, f"{where} is empty; expected {EXPECTED[kind]}")
            item = Field(LISTS[kind], schema=field.schema)
            return all([self.value(entry, path + (i,), item) for i, entry in enumerate(value)])
        if kind == "flag":
            return isinstance(value, bool) or self.fail(
                path, f"{where} must be true or false, got {describe(value)}")
        if not isinstance(value, str):
            return self.fail(path, f"{where} must be {EXPECTED[kind]}, got {describe(value)}")
        if not value.strip():
            return self.fail(path, f"{where} is empty; expected {EXPECTED[kind]}")
        bad = _bad_character(value)
        if bad:
            return self.fail(path, f"{where} contains {bad}")
        if value != value.strip():
            return self.fail(path, f"{where} starts or ends with white space; delete it")
        if kind == "slug" and not is_slug(value):
            return self.fail(path, f"{where} is '{value}'; expected {EXPECTED['slug']}, "
                             "such as 'shi-zheng-fu-fa-zhi-ban'")
        if kind == "url" and not urls.is_site_url(value):
            return self.fail(path, f"{where} is '{value}'; expected {EXPECTED['url']}")
        if kind == "numeral" and from_numeral(value) is None:
            return self.fail(path, f"{where} is '{value}'; expected {EXPECTED['numeral']}")
        return True

    # --- across records -----------------------------------------------------------------
    def records(self, *path) -> list[tuple[tuple, dict]]:
        """The well-formed mappings of the list at `path`, each with its own path."""
        entries = _get(self.source.data, path)
        if not isinstance(entries, list) or path in self.bad:
            return []
        return [(path + (i,), entry) for i, entry in enumerate(entries)
                if isinstance(entry, dict) and path + (i,) not in self.bad]

    def numbering(self, entries, what: str, brackets: str) -> None:
        """Numbers must run 1, 2, 3… without a gap or a repeat."""
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
                self.error(here, f"{what} number {shown} is given twice (first at line {first})")
            elif number != expected:
                self.error(here, f"{what} number is {shown}; expected "
                           f"{brackets.format(to_numeral(expected))} ({what}s are numbered in order)")
            seen.setdefault(number, here)
            expected = max(expected, number) + 1

    def references(self):
        names: dict[str, tuple] = {}
        for path, unit in self.records("units"):
            if self.fine(path + ("name",)):
                if unit["name"] in names:
                    line = self.source.at(names[unit["name"]])[0]
                    self.fail(path + ("name",), f"the unit is listed twice (first at line {line})")
                names.setdefault(unit["name"], path + ("name",))
        referenced = set()
        for section_path, _ in self.records("sections"):
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
                            near = difflib.get_close_matches(name, list(names), n=1, cutoff=0.5)
                            hint = f" (did you mean '{near[0]}'?)" if near else ""
                            self.error(here, f"{role} unit '{name}' is not in units{hint}")
                        elif given.index(name) != r:
                            self.error(here, f"{role} unit '{name}' is named twice")
                        elif (self.fine(path + ("responsibility",))
                              and name not in task["responsibility"]):
                            self.error(here, f"{role} unit '{name}' does not appear in the "
                                       "responsibility wording")
        if not self.records("sections"):
            return  # without tasks, every unit would look unused
        for name, path in names.items():
            if name not in referenced:
                self.error(path, "no task names this unit as lead or responsible",
                           severity="warning")

    def terms(self):
        """A search term must be the plan's own words, so it stands somewhere in its text."""
        data = self.source.data
        texts = [_get(data, ("plan", "preamble")), *(_get(data, ("document", "notice")) or [])]
        for path, section in self.records("sections"):
            texts.append(section.get("title"))
            for _, task in self.records(*path, "tasks"):
                texts += [task.get("title"), task.get("text"), task.get("responsibility")]
        plan_text = "\n".join(text for text in texts if isinstance(text, str))
        for i, term in enumerate(data.get("terms") or []):
            if self.fine(("terms", i)) and term not in plan_text:
                self.error(("terms", i), f"term '{term}' does not appear in the plan's text")

    def slugs(self):
        """Two records must never share a URL: each would hide the other's page."""
        owners = {urls.HOME: "the home page", urls.UNIT_DIRECTORY: "the unit directory"}
        records = [(path, unit, "name", urls.unit_page) for path, unit in self.records("units")]
        for path, section in self.records("sections"):
            records.append((path, section, "title", urls.section_page))
            records += [(task_path, task, "title", urls.task_page)
                        for task_path, task in self.records(*path, "tasks")]
        for path, entry, named_by, page_of in records:
            where = path + ("slug",) if "slug" in entry else path + (named_by,)
            if not self.fine(where):
                continue
            slug = slug_of(entry, named_by)
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
    for path, message in source.problems:
        checker.bad.add(path)
        checker.error(path, message)
    checker.record(source.data, (), "file")
    if isinstance(source.data, dict):
        checker.numbering(checker.records("sections"), "section", "{}、")
        # tasks are numbered on from one section to the next
        checker.numbering([task for path, _ in checker.records("sections")
                           for task in checker.records(*path, "tasks")], "task", "（{}）")
        checker.references()
        checker.slugs()
        checker.terms()
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
