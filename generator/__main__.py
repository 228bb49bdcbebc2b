"""Command line: `python -m generator [generate|check|urls|clean|import NOTICE -o DRAFT] [--data FILE]
[--docs DIR] [--config FILE --site DIR]`."""
import argparse
import os
import sys
from pathlib import Path

from .build import generate, load_progress_all, load_site, publish_urls
from .ledger import ledger_path
from . import importer
from .diagnostics import PlanError
from .siteconfig import write_config
from .site_settings import load_settings
from .notice_file import read_notice
from .write import WriteError, write_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Validate the plan data and generate its pages.")
    parser.add_argument("command", nargs="?", default="generate",
                        choices=["generate", "check", "urls", "clean", "import"],
                        help="generate pages into docs/ (default), only check the data, enter new "
                             "URLs into the ledger, delete the generated pages, or import a notice")
    parser.add_argument("notice", nargs="?", type=Path, help="import: the notice's plain text")
    parser.add_argument("-o", "--output", type=Path, help="import: where to write the draft")
    parser.add_argument("--force", action="store_true", help="import: write over an existing file")
    parser.add_argument("--data", type=Path, default=Path("data"),
                        help="the data folder (its plans/<year>.yaml and urls.txt), or one plan file")
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    parser.add_argument("--config", type=Path,
                        help="generate: also write the build engine's configuration here (the nav "
                             "and redirects from the data, the rest from mkdocs.yml)")
    parser.add_argument("--site", type=Path, default=Path("site"),
                        help="generate: where the configuration tells the engine to build the site")
    args = parser.parse_args(argv)
    if args.command == "import":
        return import_notice(parser, args)
    try:
        if args.command == "check":
            settings = _settings_with_plans(args.data)
            # A draft never published has no ledger yet: there is no URL of it to keep.
            _, site = load_site(args.data, args.data.as_posix(),
                                new_urls_allowed=not ledger_path(args.data).exists())
            progress = load_progress_all(site)
            _print_warnings(settings)
            for plan in reversed(site.plans):
                print(f"{site.files[plan].name}: ok: {len(plan.sections)} sections, "
                      f"{len(plan.tasks)} tasks, {len(plan.units)} units")
                if progress[plan] is not None:
                    print(f"{progress[plan].file}: ok: {len(progress[plan].entries)} progress entries")
            return 0
        if args.command == "urls":
            added = publish_urls(args.data)
            print(f"{ledger_path(args.data).as_posix()}: {len(added)} new URL(s) published")
            for url in added:
                print(f"  {url}")
            return 0
        if args.command == "clean":
            report = write_pages(args.docs, {})
            print(f"{args.docs.as_posix()}/: {len(report.deleted)} generated page(s) deleted")
            return 0
        settings = _settings_with_plans(args.data)  # before any page is written
        site, report = generate(args.data, args.docs, site_url=os.environ.get("SITE_URL", ""))
        if args.config:
            write_config(site, settings, Path("mkdocs.yml"), args.docs, args.site, args.config)
        _print_warnings(settings)
    except PlanError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic, file=sys.stderr)
        errors = sum(d.severity == "error" for d in error.diagnostics)
        warnings = len(error.diagnostics) - errors
        unchanged = "nothing was changed" if args.command in ("check", "urls") else \
            f"{args.docs.as_posix()}/ was not changed"
        print(f"{errors} error(s), {warnings} warning(s); {unchanged}", file=sys.stderr)
        return 1
    except WriteError as error:
        print(f"error: {error}; {args.docs.as_posix()}/ was not changed", file=sys.stderr)
        return 1
    print(f"{args.docs.as_posix()}/: {len(report.written)} page(s) written, "
          f"{len(report.deleted)} deleted, {report.unchanged} unchanged")
    return 0


def _settings_with_plans(data: Path):
    """The site settings; their errors are reported with the plans' (PlanError with both)."""
    try:
        return load_settings(data)
    except PlanError as settings_error:
        try:
            load_site(data, data.as_posix(), new_urls_allowed=not ledger_path(data).exists())
        except PlanError as error:
            raise PlanError(settings_error.diagnostics + error.diagnostics) from None
        raise


def _print_warnings(settings) -> None:
    """Missing settings are warnings that do not stop the build (README, The site's identity)."""
    for warning in settings.warnings:
        print(warning, file=sys.stderr)


def import_notice(parser: argparse.ArgumentParser, args) -> int:
    if not args.notice or not args.output:
        parser.error("import needs the notice and -o DRAFT.yaml")
    if args.output.exists() and not args.force:
        print(f"{args.output}: exists; not written (pass --force to replace it)", file=sys.stderr)
        return 1
    try:
        text = read_notice(args.notice)
    except PlanError as error:
        print(error, file=sys.stderr)
        return 1
    draft = importer.parse(text)
    if not draft.sections:
        print(f"{args.notice}:1:1: error: no section found; expected the plan's sections as lines "
              "beginning 一、 二、 …, with their tasks （一） （二） … beneath them; "
              f"{args.output} was not written", file=sys.stderr)
        return 1
    args.output.write_text(importer.dump(draft, args.notice.name), encoding="utf-8")
    for number, line in draft.unplaced:
        print(f"{args.notice}:{number}:1: warning: not placed in the draft, kept there as a "
              f"comment: {line}", file=sys.stderr)
    for number, column, message in draft.warnings:
        print(f"{args.notice}:{number}:{column}: warning: {message}", file=sys.stderr)
    tasks = sum(len(section["tasks"]) for section in draft.sections)
    print(f"{args.output}: {len(draft.sections)} sections, {tasks} tasks, {len(draft.units)} units; "
          f"{len(draft.unplaced)} line(s) not placed")
    print("\n".join(importer.summary(draft)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
