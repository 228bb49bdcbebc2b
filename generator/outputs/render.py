"""Render the site's outputs, each through its kind (generator/site/kinds.py): {path under
docs/: text}."""
import functools
import posixpath
import re
from collections.abc import Iterator

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context

from generator.inputs import weblinks
from generator.model.plan import Section, Task
from generator.outputs import charts, page_design, tables
from generator.outputs.contexts import Rendering
from generator.outputs.front_matter import front_matter
from generator.outputs.markup import text
from generator.site import urls
from generator.site.pages import Output, Site


# Links to records, as filters: a large plan renders tens of thousands of them, and a Jinja
# macro call costs many times a Python call.
@pass_context
def unit_links(context, units) -> str:
    link = context["link"]
    return "、".join(f"[{text(unit.name)}]({link(unit)})" for unit in units) or "—"


@pass_context
def task_link(context, task: Task) -> str:
    return f"[{text(task.title)}]({context['link'](task)})"


@pass_context
def section_link(context, section: Section) -> str:
    return f"[{text(section.label + section.title)}]({context['link'](section)})"


@functools.cache  # compiled once a run; a template's code depends on nothing of the plan
def _environment() -> Environment:
    # auto_reload off: a template is read once per run, not checked on disk for every page
    env = Environment(loader=PackageLoader("generator"), undefined=StrictUndefined, auto_reload=False,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["text"] = text
    # An attribute's value inside Markdown: the same character references, which the browser
    # reads back in the attribute and Markdown never takes for syntax (a link inside an href).
    env.filters["attribute"] = text
    env.filters["host"] = weblinks.host_of
    env.filters["fence"] = fence
    env.filters.update(unit_links=unit_links, task_link=task_link, section_link=section_link)
    env.filters.update(tables.FILTERS)
    env.filters.update(badge=charts.badge, status_cell=charts.status_cell)
    return env


def render(site: Site, source_name: str, *, site_url: str = "") -> dict[str, str]:
    """Every file the generator writes, keyed by its path under docs/."""
    return dict(rendered(site, source_name, site_url=site_url))


def rendered(site: Site, source_name: str, *, site_url: str = "") -> Iterator[tuple[str, str]]:
    """The same, each file as soon as it is rendered (pages first): its path under docs/ and
    its text, drawn by its kind's template and context or by its kind's writer. Each plan's
    progress is the site's."""
    rendering = Rendering(site, source_name, site_url)
    page = _page_renderer(rendering)
    for output in site.outputs:
        if output.kind.page:
            yield output.path, page(output)
        elif output.kind.writer:
            yield output.path, output.kind.writer(output, rendering)


def _page_renderer(rendering: Rendering):
    """Draws a page: its front matter, then its kind's template filled by its kind's context."""
    env, site = _environment(), rendering.site
    # Pages of one folder link the same records alike: a large plan makes tens of thousands of
    # links, most of them (a unit, a section) from many pages of the same folder.
    links: dict[tuple[str, object], str] = {}

    def page(output: Output) -> str:
        def link(target, here=output.path, folder=output.path.rpartition("/")[0]) -> str:
            found = links.get((folder, target))
            if found is None:
                to = target if isinstance(target, Output) else site.page_of(target)
                found = links[folder, target] = urls.relative_link(here, to.path)
            return found
        # a page of one plan, or of a unit in one plan; else the newest plan's
        plan = output.plan or getattr(output.record, "plan", None) or site.plan
        matter, context = output.kind.context(output, rendering)
        # the year of a page of one plan, which the window's title (overrides/main.html) and the
        # search results name
        if output.plan is not None:
            matter = {**matter, "meta": {"year": str(plan.year), **matter.get("meta", {})}}
        matter = {**matter, "meta": {**page_design.metadata(site, output, plan),
                                     **past_plan(site, output), **matter.get("meta", {})}}
        if plan.draft:  # a preview of a plan not yet reviewed: overrides/partials/content.html
            matter = {**matter, "meta": {**matter.get("meta", {}), "draft": "true"}}
        return front_matter(rendering.source_name, **matter) + env.get_template(
            output.kind.template).render(plan=plan, document=plan.document, link=link,
                                         progress=rendering.progress_of(plan), **context)
    return page


def past_plan(site: Site, page: Output) -> dict[str, str]:
    """On a page of a plan that is not the newest: the newest plan's page, which the theme's
    notice at the top links to (overrides/partials/content.html)."""
    plan = page.plan or getattr(page.record, "plan", None)
    if plan is None or plan is site.plan:
        return {}
    newest = site.the("plan", site.plan).url  # from the site's root, as every page's URL
    return {"past_year": str(plan.year), "newest_year": str(site.plan.year),
            "newest_url": posixpath.relpath(newest or ".", page.url or ".") + "/"}


def fence(content: str) -> str:
    """A citation block, with Material's copy button, showing `content` as it is."""
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks} {{ .text .plan-citation }}\n{content}\n{ticks}"
