"""Units across the plans of several years: the same name in two plans is the same unit, and a
unit may declare, from a published source, the unit that took over its work (its successor)."""
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from generator.diagnostics import Diagnostic
from generator.i18n import _, did_you_mean
from generator.model.plan import Origin, Plan, Successor, Unit
from generator.model.slugs import sort_key


@dataclass(frozen=True, eq=False)  # one object per unit: identity is equality
class SiteUnit:
    """One unit of the site, with the record of each plan that names it, newest first."""
    name: str
    years: tuple[tuple[Plan, Unit], ...]
    # every unit of the site by name, which its successor and predecessors are found among
    site: Mapping[str, "SiteUnit"] = field(repr=False)

    @cached_property
    def change(self) -> Successor | None:
        """The declaration of the successor (date and source), where that is a unit of the site
        (check() reports the others)."""
        declared = next((unit.successor for _, unit in self.years if unit.successor), None)
        return declared if declared and declared.name in self.site and \
            declared.name != self.name else None

    @property
    def successor(self) -> "SiteUnit | None":
        return self.site[self.change.name] if self.change else None

    @cached_property
    def predecessors(self) -> tuple["SiteUnit", ...]:
        return tuple(unit for unit in self.site.values() if unit.successor is self)

    @property
    def newest(self) -> Unit:
        return self.years[0][1]

    @property
    def slug(self) -> str:
        return self.newest.slug

    @property
    def collective(self) -> bool:
        return self.newest.collective

    @property
    def full_name(self) -> str:
        return self.newest.full_name

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(alias for _, unit in self.years for alias in unit.aliases))

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases) + ((self.full_name,) if self.full_name else ())

    @property
    def origin(self) -> Origin | None:
        return self.newest.origin

    @property
    def current(self) -> bool:
        """Still in existence: no published source says another unit took over its work."""
        return self.successor is None


def units_across(plans: tuple[Plan, ...]) -> tuple[SiteUnit, ...]:
    """Every unit of the plans (newest plan first), one per name, in pinyin order, collective
    phrases last; successors linked where they are known (check() reports the others)."""
    by_name: dict[str, list[tuple[Plan, Unit]]] = {}
    for plan in plans:
        for unit in plan.units:
            by_name.setdefault(unit.name, []).append((plan, unit))
    units: dict[str, SiteUnit] = {}
    for name, years in by_name.items():  # each unit sees the others once all are made
        units[name] = SiteUnit(name, tuple(years), MappingProxyType(units))
    return tuple(sorted(units.values(), key=lambda unit: (unit.collective, sort_key(unit.name))))


def check(units: tuple[SiteUnit, ...]) -> list[Diagnostic]:
    """A successor must be a unit of some plan, not the unit itself, and no chain of successors
    may come back to where it started."""
    problems = []
    names = [unit.name for unit in units]
    for unit in units:
        for _plan, record in unit.years:
            declared = record.successor
            if declared is None:
                continue
            if declared.name == unit.name:
                problems.append(Diagnostic.at(declared.origin, _(
                    "unit '{name}': its successor is the unit itself; name the unit that took over "
                    "its work").format(name=unit.name)))
            elif declared.name not in names:
                problems.append(Diagnostic.at(declared.origin, did_you_mean(_(
                    "unit '{name}': successor '{successor}' is not a unit of any plan").format(
                        name=unit.name, successor=declared.name), declared.name, names)))
    reported: set[int] = set()
    for unit in units:
        chain, step = [unit], unit.successor
        while step is not None and step not in chain:
            chain.append(step)
            step = step.successor
        if step is unit and id(unit) not in reported:
            reported.update(id(member) for member in chain)
            names_in_cycle = " → ".join(member.name for member in chain + [unit])
            problems.append(Diagnostic.at(unit.change.origin, _(
                "unit '{name}': its successors form a cycle: {cycle}; a unit cannot succeed itself")
                .format(name=unit.name, cycle=names_in_cycle)))
    return problems
