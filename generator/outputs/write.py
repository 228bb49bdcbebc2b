"""The only module that touches docs/ (through generator/outputs/stage_files.py, which it runs): it
writes, rewrites and deletes generated files only: those the kinds of output
(generator/site/kinds.py) write, each known by its kind's mark (a page's stamp). Files that did not change are left
alone, so their mtime stays and `mkdocs serve` reloads only what changed.
"""
import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostic, PlanError
from generator.i18n import _
from generator.outputs import stage_files
from generator.site import kinds, urls

# What the generator owns under docs/: the files and folders its kinds of output are written to
# (generator/site/kinds.py), and each plan's year folder. Everything else there is the maintainers'.
OWNED_FILES = kinds.ROOT_FILES
OWNED_FOLDERS = kinds.FOLDERS
STAGING = ".generating"  # a dot folder, which MkDocs leaves out of the site


@dataclass
class Report:
    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0


def is_generated(path: Path, relative: str) -> bool:
    """A file is generated when a kind of output writes files at its path, and the file carries
    that kind's mark (a page its stamp, a feed its comment; a download its name)."""
    kind = kinds.kind_of_file(relative)
    return kind is not None and kind.generated(path)


def owned_files(docs: Path) -> list[Path]:
    found = [docs / name for name in OWNED_FILES if (docs / name).is_file()]
    years = sorted(p.name for p in docs.iterdir() if p.is_dir() and urls.is_year_folder(p.name)) \
        if docs.is_dir() else []
    for folder in OWNED_FOLDERS + tuple(years):
        found += sorted(p for p in (docs / folder).rglob("*") if p.is_file() or p.is_symlink())
    return found


def survey(docs: Path) -> tuple[list[Diagnostic], dict[str, Path]]:
    """The files under the generator's folders: those it did not write (each a problem), and
    those it did, by their path under docs/."""
    problems, generated = [], {}
    for path in owned_files(docs):
        relative = path.relative_to(docs).as_posix()
        if is_generated(path, relative):
            generated[relative] = path
        else:
            problems.append(Diagnostic(
                str(path), 1, 1, "error",
                _("this file was not generated from the data, but {folder} belongs to the "
                  "generator; move the file out of it (it was left untouched)").format(
                    folder=f"{docs.name}/{relative.split('/')[0]}")))
    return problems, generated


class WriteError(OSError):
    """The disk refused the pages: docs/ was left as it was."""


class StagedWrite:
    """Takes the pages as they are rendered, and has those that changed written into a staging
    folder inside docs/ by a process of its own (generator/outputs/stage_files.py), so that the disk
    works while the next pages render. Only leaving the `with` block without an error changes
    what MkDocs reads: the staged pages are moved into place and the stale ones deleted, so a
    build that fails on the way leaves docs/ as it was.

        with StagedWrite(docs) as staged:
            for name, text in rendered:
                staged.add(name, text)
        report = staged.report
    """

    def __init__(self, docs: Path):
        self.docs = docs
        self.staging = docs / STAGING
        self.report = Report()
        self._names: set[str] = set()
        self._generated: dict[str, Path] = {}
        self._writer: subprocess.Popen | None = None

    def __enter__(self) -> "StagedWrite":
        problems, self._generated = survey(self.docs)
        if problems:
            raise PlanError(problems)
        # a build killed on the way leaves its staging folder; nothing in it was committed
        shutil.rmtree(self.staging, ignore_errors=True)
        return self

    def add(self, name: str, text: str) -> None:
        # The data is checked long before (slugs, years, URLs); this is the last guard that no
        # value can make a path that leaves docs/.
        if name.startswith("/") or any(part in ("", ".", "..") for part in name.split("/")):
            raise ValueError(f"{name!r}: a generated file must stay inside docs/")
        self._names.add(name)
        content = text.encode("utf-8")
        if name in self._generated and _read(self._generated[name]) == content:
            self.report.unchanged += 1
            return
        if self._writer is None:
            self._writer = subprocess.Popen(
                [sys.executable, "-I", "-S", str(Path(__file__).with_name("stage_files.py")),
                 str(self.staging)], stdin=subprocess.PIPE, stderr=subprocess.PIPE)
            # a megabyte in the pipe, not 64 KB: the renderer does not wait while a large
            # page is written (Linux only, and only where the system allows it)
            with contextlib.suppress(AttributeError, OSError):
                fcntl.fcntl(self._writer.stdin.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
        path = name.encode("utf-8")
        try:
            self._writer.stdin.write(stage_files.HEADER.pack(len(path), len(content)) + path + content)
        except BrokenPipeError:
            pass  # the writer stopped at an error, which leaving the block reports
        self.report.written.append(name)

    def __exit__(self, kind, error, trace) -> None:
        try:
            failure = self._wait_for_writer()
            if kind is None:
                if failure:
                    raise WriteError(_("{folder}: the pages could not be written: {reason}")
                                     .format(folder=self.staging, reason=failure))
                self._commit()
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)

    def _wait_for_writer(self) -> str:
        """Once every page is sent: what stopped the writer, if anything did."""
        if self._writer is None:
            return ""
        with contextlib.suppress(BrokenPipeError):
            self._writer.stdin.close()
        failure = self._writer.stderr.read().decode("utf-8", "replace").strip()
        status = self._writer.wait()
        if failure:  # from stage_files.py: an OSError's number, reason and file, or a message
            parts = failure.split("\t", 2)
            if len(parts) == 3:
                return _("[Errno {number}] {reason}: '{file}'").format(
                    number=parts[0], reason=_(parts[1]), file=parts[2])
            if len(parts) == 2:
                return _("[Errno {number}] {reason}").format(number=parts[0], reason=_(parts[1]))
            return _(failure)
        return "" if status == 0 else _("exit status {status}").format(status=status)

    def _commit(self) -> None:
        self.report.written.sort()
        if self.report.written:
            _move_in(self.staging, self.docs)
        for relative, path in sorted(self._generated.items()):
            if relative not in self._names:
                path.unlink()
                self.report.deleted.append(relative)
                _remove_empty_parents(path.parent, self.docs)


def write_files(docs: Path, files: dict[str, str]) -> Report:
    with StagedWrite(docs) as staged:
        for name, text in sorted(files.items()):
            staged.add(name, text)
    return staged.report


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _move_in(staged: Path, target: Path) -> None:
    """Move a staged folder's files into place: a folder that is new moves whole, in one rename
    (every folder, on a first build); a page replaces the old one in one rename, so no reader
    ever sees half a page."""
    target.mkdir(parents=True, exist_ok=True)
    with os.scandir(staged) as listing:
        entries = list(listing)  # listed before any moves out of the folder
    for entry in entries:
        there = target / entry.name
        if entry.is_dir(follow_symlinks=False):
            if there.exists() or there.is_symlink():
                _move_in(Path(entry.path), there)
            else:
                os.rename(entry.path, there)
        else:
            os.replace(entry.path, there)


def _remove_empty_parents(folder: Path, docs: Path) -> None:
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
