"""Command line: `python -m generator [generate|check|urls|clean|import NOTICE [-o DRAFT]] [--data FILE]
[--docs DIR] [--config FILE --site DIR]`."""
import argparse
import os
import sys
from pathlib import Path

from generator.build import generate, load_site, publish_urls
from generator.diagnostics import PlanError
from generator.i18n import _
from generator.importer import command as importer
from generator.inputs.data_folder import DATA_HELP, DEFAULT_DATA, Inputs
from generator.inputs.site_settings import load_settings
from generator.outputs.write import WriteError, write_files
from generator.site.siteconfig import write_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description=_("Validate the plan data and generate its pages."))
    parser.add_argument("command", nargs="?", default="generate",
                        choices=["generate", "check", "urls", "clean", "import"],
                        help=_("generate pages into docs/ (default), only check the data, enter new "
                               "URLs into the ledger, delete the generated pages, or import a "
                               "notice"))
    parser.add_argument("notice", nargs="?", type=Path, help=_("import: the notice's plain text"))
    parser.add_argument("-o", "--output", type=Path,
                        help=_("import: where to write the draft (by default the plan of its "
                               "year, data/plans/<year>.yaml)"))
    parser.add_argument("--year", type=int,
                        help=_("import: the plan's year, when the notice's 发文字号 and title name "
                               "none"))
    parser.add_argument("--force", action="store_true",
                        help=_("import: write over an existing file"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=_(DATA_HELP))
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    parser.add_argument("--config", type=Path,
                        help=_("generate: also write the build engine's configuration here (the "
                               "nav and redirects from the data, the rest from mkdocs.yml)"))
    parser.add_argument("--site", type=Path, default=Path("site"),
                        help=_("generate: where the configuration tells the engine to build the "
                               "site"))
    args = parser.parse_args(argv)
    inputs = Inputs.at(args.data)
    if args.command == "import":
        return import_notice(parser, args, inputs)
    try:
        if args.command == "check":
            return check(inputs)
        if args.command == "urls":
            added, drafts = publish_urls(inputs)
            for draft in drafts:
                print(_("{plan}: a draft; none of its URLs is published until its line draft: true "
                        "is deleted").format(plan=draft))
            print(_("{ledger}: {count} new URL(s) published").format(
                ledger=inputs.ledger.name, count=len(added)))
            for url in added:
                print(f"  {url}")
            print(_("Next: make site, then commit {ledger} with the plans").format(
                ledger=inputs.ledger.name))
            return 0
        if args.command == "clean":
            report = write_files(args.docs, {})
            print(_("{docs}/: {count} generated page(s) deleted").format(
                docs=args.docs.as_posix(), count=len(report.deleted)))
            return 0
        settings = _settings_with_plans(inputs)  # before any page is written
        site, report = generate(inputs, args.docs, site_url=os.environ.get("SITE_URL", ""))
        if args.config:
            write_config(site, settings, Path("mkdocs.yml"), args.docs, args.site, args.config)
        _print_warnings(settings)
    except PlanError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic, file=sys.stderr)
        errors = sum(d.severity == "error" for d in error.diagnostics)
        warnings = len(error.diagnostics) - errors
        unchanged = _("nothing was changed") if args.command in ("check", "urls") else \
            _("{docs}/ was not changed").format(docs=args.docs.as_posix())
        print(_("{errors} error(s), {warnings} warning(s); {unchanged}").format(
            errors=errors, warnings=warnings, unchanged=unchanged), file=sys.stderr)
        return 1
    except WriteError as error:
        print(_("error: {error}; {docs}/ was not changed").format(
            error=error, docs=args.docs.as_posix()), file=sys.stderr)
        return 1
    for draft in site.drafts_left_out:
        print(_("{plan}: a draft, left out of the site; delete its line draft: true once it is "
                "reviewed, then make urls and make site").format(plan=draft))
    print(_("{docs}/: {written} page(s) written, {deleted} deleted, {unchanged} unchanged").format(
        docs=args.docs.as_posix(), written=len(report.written), deleted=len(report.deleted),
        unchanged=report.unchanged))
    return 0


def check(inputs: Inputs) -> int:
    """`make check`: every plan, drafts too, and which of them are drafts; the site settings,
    with a warning for each field a government site needs that they leave out."""
    _print_warnings(_settings_with_plans(inputs))
    _source, site = _load_all(inputs)
    for plan in reversed(site.plans):
        counts = {"file": site.sources[plan].file, "sections": len(plan.sections),
                  "tasks": len(plan.tasks), "units": len(plan.units)}
        print((_("{file}: ok, a draft: {sections} sections, {tasks} tasks, {units} units; "
                 "make site leaves it out") if plan.draft else
               _("{file}: ok: {sections} sections, {tasks} tasks, {units} units")).format(**counts))
        progress = site.progress[plan]
        if progress is not None:
            print(_("{file}: ok: {count} progress entries").format(
                file=progress.file, count=len(progress.entries)))
    drafts = [site.sources[plan].file for plan in site.plans if plan.draft]
    if drafts:
        print(_("Next: preview with make serve (drafts marked 草稿); once a draft is reviewed, "
                "delete its line draft: true, then make urls and make site"))
    return 0


def _load_all(inputs: Inputs):
    """Every plan, drafts too. A draft never published has no ledger yet: there is no URL of it
    to keep."""
    return load_site(inputs, new_urls_allowed=not inputs.ledger.path.exists(), drafts=True)


def _settings_with_plans(inputs: Inputs):
    """The site settings; their errors are reported with the plans' (PlanError with both)."""
    try:
        return load_settings(inputs)
    except PlanError as settings_error:
        try:
            _load_all(inputs)
        except PlanError as error:
            raise PlanError(settings_error.diagnostics + error.diagnostics) from None
        raise


def _print_warnings(settings) -> None:
    """Missing settings are warnings that do not stop the build (README, The site's identity)."""
    for warning in settings.warnings:
        print(warning, file=sys.stderr)


def import_notice(parser: argparse.ArgumentParser, args, inputs: Inputs) -> int:
    if not args.notice:
        parser.error(_("import needs the notice: make import NOTICE=notice.txt [YEAR=2018]"))
    return importer.run(args.notice, args.output, args.force, inputs, args.year)


if __name__ == "__main__":
    sys.exit(main())
