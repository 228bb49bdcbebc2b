"""Command line: `python -m generator [generate|check|urls|clean|import NOTICE -o DRAFT] [--data FILE]
[--docs DIR] [--config FILE --site DIR]`."""
import argparse
import os
import sys
from pathlib import Path

from .build import generate, load_progress_all, load_site, publish_urls
from .ledger import ledger_path
from .importer import command as importer
from .diagnostics import PlanError
from .siteconfig import write_config
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
            # A draft never published has no ledger yet: there is no URL of it to keep.
            _, site = load_site(args.data, args.data.as_posix(),
                                new_urls_allowed=not ledger_path(args.data).exists())
            progress = load_progress_all(site)
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
        site, report = generate(args.data, args.docs, site_url=os.environ.get("SITE_URL", ""))
        if args.config:
            write_config(site, Path("mkdocs.yml"), args.docs, args.site, args.config)
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


def import_notice(parser: argparse.ArgumentParser, args) -> int:
    if not args.notice or not args.output:
        parser.error("import needs the notice and -o DRAFT.yaml")
    return importer.run(args.notice, args.output, args.force)


if __name__ == "__main__":
    sys.exit(main())
