"""The plan as frozen records with the lookup tables the pages need, built from validated data."""
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from generator.inputs.weblinks import web_address
from generator.model.numerals import from_numeral
from generator.model.slugs import slugify, sort_key

if TYPE_CHECKING:
    from generator.inputs.load import Source


@dataclass(frozen=True, order=True)
class Origin:
    """Where in the data a record's URL is decided: its pinned slug, or the name or title."""
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Document:
    title: str
    number: str
    issuer: str
    written: str
    recipients: str
    notice: tuple[str, ...]
    signature: str
    published: str = ""
    column: str = ""
    index_number: str = ""  # 索引号, 主题分类, 有效性: only where a published source gives them
    subject: str = ""
    validity: str = ""


@dataclass(frozen=True)
class Successor:
    """What became of a unit: the unit that took over its work, when, and the published source
    that says so (a unit reform is never assumed)."""
    name: str
    date: str
    source: str
    origin: Origin | None = None  # where the data declares it, for messages


@dataclass(frozen=True, eq=False)  # one object per record: identity is equality, and fast
class Unit:
    name: str
    slug: str
    collective: bool
    full_name: str
    aliases: tuple[str, ...]
    origin: Origin | None = None
    successor: Successor | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the unit goes by: as the plan writes it, short forms, full name."""
        return (self.name, *self.aliases) + ((self.full_name,) if self.full_name else ())


@dataclass(frozen=True, eq=False)  # one object per record: identity is equality, and fast
class Task:
    number: int
    numeral: str
    title: str
    text: str
    lead_units: tuple[Unit, ...]
    responsible_units: tuple[Unit, ...]
    responsibility: str
    slug: str
    section_number: int
    origin: Origin | None = None

    @property
    def label(self) -> str:
        return f"（{self.numeral}）"

    @property
    def full_text(self) -> str:
        """The task's paragraph as published, before its responsibility bracket."""
        return f"{self.title}。{self.text}"


@dataclass(frozen=True, eq=False)  # one object per record: identity is equality, and fast
class Section:
    number: int
    numeral: str
    title: str
    slug: str
    tasks: tuple[Task, ...]
    origin: Origin | None = None

    @property
    def label(self) -> str:
        return f"{self.numeral}、"


@dataclass(frozen=True)
class Redirect:
    """An old URL that keeps working by sending the reader to a current page."""
    source: str
    target: str


@dataclass(frozen=True, eq=False)  # one object per plan: identity is equality, and fast
class Plan:
    document: Document
    title: str
    preamble: str
    units: tuple[Unit, ...]
    sections: tuple[Section, ...]
    redirects: tuple[Redirect, ...] = ()
    draft: bool = False  # imported and not yet reviewed: previewed, never published

    @cached_property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(task for section in self.sections for task in section.tasks)

    def section_of(self, task: Task) -> Section:
        return self.sections[task.section_number - 1]

    @cached_property
    def _roles(self) -> dict[str, dict[Unit, tuple[Task, ...]]]:
        """unit -> tasks, for each role, built once for the whole plan."""
        roles: dict[str, dict[Unit, list[Task]]] = {"lead": {}, "responsible": {}}
        for task in self.tasks:
            for unit in task.lead_units:
                roles["lead"].setdefault(unit, []).append(task)
            for unit in task.responsible_units:
                roles["responsible"].setdefault(unit, []).append(task)
        return {role: {unit: tuple(tasks) for unit, tasks in by_unit.items()}
                for role, by_unit in roles.items()}

    def tasks_led_by(self, unit: Unit) -> tuple[Task, ...]:
        return self._roles["lead"].get(unit, ())

    def tasks_assigned_to(self, unit: Unit) -> tuple[Task, ...]:
        return self._roles["responsible"].get(unit, ())

    def co_leads_of(self, unit: Unit) -> tuple[tuple[Unit, tuple[Task, ...]], ...]:
        """Units that lead a task together with `unit`, each with those tasks, in pinyin order."""
        shared: dict[Unit, list[Task]] = {}
        for task in self.tasks_led_by(unit):
            for other in task.lead_units:
                if other != unit:
                    shared.setdefault(other, []).append(task)
        return tuple((other, tuple(tasks)) for other, tasks in
                     sorted(shared.items(), key=lambda item: sort_key(item[0].name)))

    @cached_property
    def year(self) -> int | None:
        """The plan's year, from its 发文字号 (〔2017〕) or else its title (2017年度)."""
        return year_of(self.document.number, self.document.title)

    def units_by_pinyin(self, *, collective: bool) -> tuple[Unit, ...]:
        chosen = [unit for unit in self.units if unit.collective == collective]
        return tuple(sorted(chosen, key=lambda unit: sort_key(unit.name)))


_YEAR_IN_NUMBER = re.compile(r"[〔\[［(（](\d{4})[〕\]］)）]")
_YEAR_IN_TITLE = re.compile(r"(\d{4})年")


def year_of(number: str, title: str) -> int | None:
    """The year of a document (a plan, or a notice being imported), from its 发文字号 (〔2017〕)
    or else its title (2017年度); year_of("", title) is the year its title names."""
    found = _YEAR_IN_NUMBER.search(number) or _YEAR_IN_TITLE.search(title)
    return int(found.group(1)) if found else None


def slug_of(entry: dict, named_by: str) -> str:
    """A record's URL slug: the one pinned in the data, else the pinyin of its name or title."""
    return entry.get("slug") or slugify(entry[named_by])


def build(data: dict, source: "Source | None" = None) -> Plan:
    """Build the model from data whose shape validate.check() accepted; with the data's
    `source`, each record keeps where its URL is decided. A name missing from units is left
    out of its task: validation reports it."""
    def origin(path: tuple, entry: dict, named_by: str) -> Origin | None:
        if source is None:
            return None
        return Origin(source.file, *source.at(path + ("slug" if "slug" in entry else named_by,)))

    units = {entry["name"]: Unit(
        name=entry["name"],
        slug=slug_of(entry, "name"),
        collective=bool(entry.get("collective", False)),
        full_name=entry.get("full_name", ""),
        aliases=tuple(entry.get("aliases", ())),
        origin=origin(("units", i), entry, "name"),
        successor=_successor(entry.get("successor"), ("units", i, "successor"), source),
    ) for i, entry in enumerate(data["units"])}
    sections = []
    for s, section_entry in enumerate(data["sections"]):
        section_number = from_numeral(section_entry["number"])
        tasks = tuple(Task(
            number=from_numeral(entry["number"]),
            numeral=entry["number"],
            title=entry["title"],
            text=entry["text"],
            lead_units=tuple(units[name] for name in entry.get("lead", ()) if name in units),
            responsible_units=tuple(units[name] for name in entry.get("responsible", ())
                                    if name in units),
            responsibility=entry.get("responsibility", ""),
            slug=slug_of(entry, "title"),
            section_number=section_number,
            origin=origin(("sections", s, "tasks", t), entry, "title"),
        ) for t, entry in enumerate(section_entry["tasks"]))
        sections.append(Section(
            number=section_number,
            numeral=section_entry["number"],
            title=section_entry["title"],
            slug=slug_of(section_entry, "title"),
            tasks=tasks,
            origin=origin(("sections", s), section_entry, "title"),
        ))
    document = data["document"]
    return Plan(
        document=Document(**{**document, "notice": tuple(document["notice"])}),
        title=data["plan"]["title"],
        preamble=data["plan"]["preamble"],
        units=tuple(units.values()),
        sections=tuple(sections),
        redirects=tuple(Redirect(entry["from"], entry["to"]) for entry in data.get("redirects", ())),
        draft=data.get("draft") is True,
    )


def _successor(entry: dict | None, path: tuple, source: "Source | None") -> Successor | None:
    if not entry:
        return None
    where = Origin(source.file, *source.at(path + ("name",))) if source is not None else None
    # validation has made sure the source is an address; the model keeps it as re-serialised
    return Successor(entry["name"], str(entry["date"]), web_address(entry["source"]) or "", where)
