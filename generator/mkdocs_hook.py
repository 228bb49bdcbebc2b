"""MkDocs hook for `mkdocs serve` and a plain `mkdocs build`: regenerate the pages from the data
and take the site's name, the nav and the redirects from it, so a live preview follows edits to
data/plans/ and the templates.

`make site` runs the generator as a step of its own, which writes the pages and a configuration
holding the same values (generator/siteconfig.py); that configuration marks itself
`extra.generated`, and the hook then leaves the pages alone.
"""
import sys
from pathlib import Path

import pathspec
from mkdocs.exceptions import PluginError

# MkDocs loads hooks by file path; the package beside this file must be importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import generate  # noqa: E402
from generator.diagnostics import PlanError  # noqa: E402
from generator.siteconfig import decided, with_domain  # noqa: E402
from generator.site_settings import load_settings  # noqa: E402
from generator.write import WriteError  # noqa: E402

_command = "build"


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    if config.extra.get("generated"):
        return config
    root = Path(config.config_file_path).parent
    data = root / config.extra.get("plan_data", "data")
    try:
        settings = load_settings(data, _display(data, root))
        # A live preview may show pages whose URLs `make urls` has not published yet.
        site, _ = generate(data, Path(config.docs_dir), _display(data, root),
                           new_urls_allowed=_command == "serve", site_url=config.site_url or "")
    except PlanError as error:
        raise PluginError(f"the plan data has problems:\n{error}") from None
    except WriteError as error:
        raise PluginError(str(error)) from None
    values = decided(site, settings)
    config.extra["site"] = with_domain(values.identity, config.site_url)
    config.site_name, config.site_description = values.site_name, values.site_description
    config.nav = values.nav
    if values.not_in_nav:
        config.not_in_nav = pathspec.gitignore.GitIgnoreSpec.from_lines(values.not_in_nav)
    config.plugins["redirects"].config["redirect_maps"] = values.redirect_maps
    return config


def _display(data: Path, root: Path) -> str:
    return data.relative_to(root).as_posix() if data.is_relative_to(root) else data.as_posix()
