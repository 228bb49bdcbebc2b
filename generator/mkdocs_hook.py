"""MkDocs hook: regenerate pages from the data and take the nav from it, on every (re)build.

Running inside MkDocs keeps `mkdocs serve` in step with data/plan.yaml and the templates,
and means the nav is never a second copy of the data kept by hand.
"""
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs loads hooks by file path; the package beside this file must be importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import generate  # noqa: E402
from generator.diagnostics import PlanError  # noqa: E402
from generator.render import nav  # noqa: E402


def on_config(config):
    root = Path(config.config_file_path).parent
    data = root / config.extra.get("plan_data", "data/plan.yaml")
    try:
        plan, _ = generate(data, Path(config.docs_dir), data.relative_to(root).as_posix())
    except PlanError as error:
        raise PluginError(f"the plan data has problems:\n{error}") from None
    config.nav = nav(plan)
    return config
