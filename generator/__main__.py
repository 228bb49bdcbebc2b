"""Command line: `python -m generator [generate|check|urls|clean] [--data FILE] [--docs DIR]`."""
import argparse
import sys
from pathlib import Path

from .build import generate, load_plan, publish_urls
from .ledger import ledger_path
from .diagnostics import PlanError
from .write import write_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Validate the plan data and generate its pages.")
    parser.add_argument("command", nargs="?", default="generate", choices=["generate", "check", "urls", "clean"],
                        help="generate pages into docs/ (default), only check the data, "
                             "enter new URLs into the ledger, or delete the generated pages")
    parser.add_argument("--data", type=Path, default=Path("data/plan.yaml"))
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            plan = load_plan(args.data, args.data.as_posix())
            print(f"{args.data.as_posix()}: ok: {len(plan.sections)} sections, "
                  f"{len(plan.tasks)} tasks, {len(plan.units)} units")
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
        plan, report = generate(args.data, args.docs)
    except PlanError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic, file=sys.stderr)
        errors = sum(d.severity == "error" for d in error.diagnostics)
        warnings = len(error.diagnostics) - errors
        unchanged = "nothing was changed" if args.command in ("check", "urls") else \
            f"{args.docs.as_posix()}/ was not changed"
        print(f"{errors} error(s), {warnings} warning(s); {unchanged}", file=sys.stderr)
        return 1
    print(f"{args.docs.as_posix()}/: {len(report.written)} page(s) written, "
          f"{len(report.deleted)} deleted, {report.unchanged} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
