"""MkDocs hook: regenerate pages from the data, and take the nav and redirects from it.

Running inside MkDocs keeps `mkdocs serve` in step with data/plan.yaml and the templates,
and means neither the nav nor the redirects are a second copy of the data kept by hand.
"""
import sys
from pathlib import Path

import pathspec
from mkdocs.exceptions import PluginError

# MkDocs loads hooks by file path; the package beside this file must be importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import generate  # noqa: E402
from generator.diagnostics import PlanError  # noqa: E402
from generator.ledger import redirect_maps  # noqa: E402
from generator.navigation import nav, outside_nav  # noqa: E402

_command = "build"


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    root = Path(config.config_file_path).parent
    data = root / config.extra.get("plan_data", "data/plan.yaml")
    try:
        # A live preview may show pages whose URLs `make urls` has not published yet.
        plan, _ = generate(data, Path(config.docs_dir), _display(data, root),
                           new_urls_allowed=_command == "serve")
    except PlanError as error:
        raise PluginError(f"the plan data has problems:\n{error}") from None
    config.nav = nav(plan)
    left_out = outside_nav(plan)
    if left_out:
        config.not_in_nav = pathspec.gitignore.GitIgnoreSpec.from_lines(left_out)
    config.plugins["redirects"].config["redirect_maps"] = redirect_maps(plan)
    return config


def _display(data: Path, root: Path) -> str:
    return data.relative_to(root).as_posix() if data.is_relative_to(root) else data.as_posix()
