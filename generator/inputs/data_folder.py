"""The files a build reads, found once from `--data`: the plans, each plan's progress, the ledger
of published URLs and the site settings, each with the name messages give it.

`--data` is a data folder laid out as

    data/plans/<year>.yaml      one plan a year
    data/progress/<year>.yaml   the progress reported on that year's tasks
    data/urls.txt               the ledger of published URLs
    data/site.yaml              the site's own settings

or a single plan file, built on its own (a preview, a test), whose other files sit beside it.
Whether it is a folder or a file is decided here and nowhere else.
"""
import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.diagnostics import Diagnostic, PlanError
from generator.i18n import N_, _

DEFAULT_DATA = Path("data")  # the data folder when none is given: the only place it is written
# What --data is, as every command's help says it.
DATA_HELP = N_("the data folder (its plans/<year>.yaml and urls.txt), or one plan file")
PLANS = "plans"
PROGRESS = "progress"
LEDGER = "urls.txt"
SETTINGS = "site.yaml"
_YEAR = re.compile(r"[0-9]{4}")


@dataclass(frozen=True)
class InputFile:
    path: Path
    name: str  # as messages name it: data/urls.txt


@dataclass(frozen=True)
class PlanFile(InputFile):
    year: int | None  # from the file name; None for a plan file given on its own


@dataclass(frozen=True)
class Inputs:
    """Where everything of one build is read from. `name` is how messages name `data`."""
    data: Path
    name: str

    @classmethod
    def at(cls, data: Path, root: Path | None = None) -> "Inputs":
        """The inputs of `data`, named as given, or relative to `root` where they are inside it."""
        named = data.relative_to(root) if root is not None and data.is_relative_to(root) else data
        return cls(data, named.as_posix())

    @cached_property
    def is_folder(self) -> bool:
        return self.data.is_dir()

    @cached_property
    def plans(self) -> tuple[PlanFile, ...]:
        """Every plans/<year>.yaml of a data folder, or the one plan file; PlanError with every
        problem of their names."""
        if not self.is_folder:
            return (PlanFile(self.data, self.name, None),)
        folder, shown = self.data / PLANS, f"{self.name}/{PLANS}"
        found = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")) \
            if folder.is_dir() else []
        if not found:
            raise PlanError([Diagnostic(shown, 1, 1, "error", _(
                "no plan found: expected one file a year, {folder}/<year>.yaml, such as 2017.yaml"
            ).format(folder=shown))])
        files, problems, years = [], [], {}
        for path in found:
            name = f"{shown}/{path.name}"
            if not _YEAR.fullmatch(path.stem):
                problems.append(Diagnostic(name, 1, 1, "error", _(
                    "the file name '{stem}' is not a year; name a plan's file after its year, such "
                    "as 2018.yaml").format(stem=path.stem)))
                continue
            year = int(path.stem)
            if year in years:
                problems.append(Diagnostic(name, 1, 1, "error", _(
                    "a second plan for {year} (the first is {first}); a year has one plan").format(
                    year=year, first=years[year])))
                continue
            years[year] = name
            files.append(PlanFile(path, name, year))
        if problems:
            raise PlanError(problems)
        return tuple(files)

    def plan(self, year: int) -> InputFile:
        """Where the plan of `year` is kept in a data folder: data/plans/<year>.yaml."""
        return InputFile(self.data / PLANS / f"{year}.yaml", f"{self.name}/{PLANS}/{year}.yaml")

    def progress(self, year: int) -> InputFile:
        """The progress of the plan of `year`: data/progress/<year>.yaml; beside a plan file given
        on its own, progress/<year>.yaml (../progress/ when that file is in a plans/ folder)."""
        up = not self.is_folder and self.data.parent.name == PLANS
        return self._beside(f"{'../' if up else ''}{PROGRESS}/{year}.yaml")

    @cached_property
    def ledger(self) -> InputFile:
        return self._beside(LEDGER)

    @cached_property
    def settings(self) -> InputFile:
        return self._beside(SETTINGS)

    def _beside(self, relative: str) -> InputFile:
        """A file in the data folder, or beside the plan file given on its own."""
        folder, shown = (self.data, self.name) if self.is_folder else \
            (self.data.parent, posixpath.dirname(self.name))
        return InputFile(folder / relative, posixpath.normpath(posixpath.join(shown, relative)))
