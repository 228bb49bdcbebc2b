"""MkDocs hook for `mkdocs serve` and a plain `mkdocs build`: regenerate the pages from the data
and take the site's name, the nav and the redirects from it, so a live preview follows edits to
data/plans/ and the templates.

`make site` runs the generator as a step of its own, which writes the pages and a configuration
holding the same values (generator/site/siteconfig.py); that configuration marks itself
`extra.generated`, and the hook then leaves the pages alone.

A preview shows draft plans too, each page marked 草稿 (`make site` leaves them out), and
searches as the published site does: the Pagefind index is built into the site after each build.
"""
import sys
from pathlib import Path

import pathspec
from mkdocs.exceptions import PluginError

# MkDocs loads hooks by file path; the package beside this file must be importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import generate  # noqa: E402
from generator.diagnostics import PlanError  # noqa: E402
from generator.finish.search_index import index_site  # noqa: E402
from generator.i18n import _  # noqa: E402
from generator.inputs.data_folder import DEFAULT_DATA, Inputs  # noqa: E402
from generator.inputs.site_settings import load_settings  # noqa: E402
from generator.outputs.write import WriteError  # noqa: E402
from generator.site.siteconfig import decided  # noqa: E402

_command = "build"


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    if config.extra.get("generated"):
        return config
    root = Path(config.config_file_path).parent
    # extra.plan_data is $PLAN_DATA, where the Makefile or a test names another data folder
    inputs = Inputs.at(root / (config.extra.get("plan_data") or DEFAULT_DATA), root)
    if str(inputs.data) not in config.watch:  # a live preview follows edits to the data
        config.watch.append(str(inputs.data))
    try:
        settings = load_settings(inputs)
        # A live preview may show pages whose URLs `make urls` has not published yet.
        site, _report = generate(inputs, Path(config.docs_dir), new_urls_allowed=_command == "serve",
                                 site_url=config.site_url or "", drafts=True)
    except PlanError as error:
        raise PluginError(_("the plan data has problems:\n{problems}").format(problems=error)) from None
    except WriteError as error:
        raise PluginError(str(error)) from None
    values = decided(site, settings)
    config.extra.update(values.extra(config.site_url))
    config.site_name, config.site_description = values.site_name, values.site_description
    config.nav = values.nav
    if values.not_in_nav:
        config.not_in_nav = pathspec.gitignore.GitIgnoreSpec.from_lines(values.not_in_nav)
    config.plugins["redirects"].config["redirect_maps"] = values.redirect_maps
    return config


def on_post_build(config):
    """The search index of the pages just built: without it the search box of `make serve`
    would wait for pagefind/pagefind.js forever. `make site` indexes as a step of its own."""
    if config.extra.get("generated"):
        return
    result = index_site(Path(config.site_dir))
    if result.returncode:
        raise PluginError(_("the search index was not built (pagefind exit status {status}): "
                            "{output}").format(status=result.returncode,
                                               output=result.stderr.strip()))
