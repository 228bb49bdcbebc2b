"""Text from the data is shown as text: never markup, a link, or template code."""
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.__main__ import main
from generator.inputs.characters import first_forbidden
from tests.conftest import ROOT, require_slow

HOSTILE = {
    "task title": "<script>alert(1)</script>|**粗体**",
    "task text": "[x](javascript:alert(1)) {{ 1 }} {% raw %} <b>b</b> &amp; | a | *em* `code` \\",
    "unit name": "市司法局<i>x</i>|{{ 2 }}",
    "plan title": "某市{% raw %}工作<安排>",
    "section title": "</title><script>alert(2)</script>",
}


class VisibleText(HTMLParser):
    """The text a browser shows, and every link on the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.hrefs = [], []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value for name, value in attrs if name in ("href", "src") and value]
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def read_site(site: Path) -> list[VisibleText]:
    pages = []
    for path in sorted(site.rglob("*.html")):
        parser = VisibleText()
        parser.feed(path.read_text(encoding="utf-8"))
        pages.append(parser)
    return pages


def plan_with(values: dict) -> dict:
    """A one-task plan whose every text field is taken from `values`; slugs are pinned. Its
    document number starts with its year, which the site files it under."""
    unit = values["unit name"]
    return {
        "document": {field: values[f"document {field}"] for field in (
            "title", "number", "issuer", "written", "published", "column", "recipients",
            "signature")} | {"notice": [values["document notice"]],
                             "number": "〔2018〕" + values["document number"]},
        "plan": {"title": values["plan title"], "preamble": values["plan preamble"]},
        "units": [{"name": unit, "slug": "dan-wei", "full_name": values["unit full_name"],
                   "aliases": [values["unit alias"]]}],
        "sections": [{"number": "一", "title": values["section title"], "slug": "bu-fen", "tasks": [
            {"number": "一", "title": values["task title"], "slug": "ren-wu",
             "text": values["task text"], "lead": [unit],
             "responsibility": values["task responsibility"] + unit}]}],
    }


FIELDS = ["document title", "document number", "document issuer", "document written",
          "document published", "document column", "document recipients", "document signature",
          "document notice", "plan title", "plan preamble", "unit name", "unit full_name",
          "unit alias", "section title", "task title", "task text", "task responsibility"]
LEDGER = ["/", "/2018/", "/2018/matrix/", "/2018/sections/bu-fen/", "/2018/tasks/ren-wu/", "/units/",
          "/units/dan-wei/"]


def build_plan(values: dict, root: Path) -> list[VisibleText]:
    """Generate and build the plan in-process (as `mkdocs build --strict` does) and read it."""
    require_slow()
    data = root / "data" / "plan.yaml"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(yaml.safe_dump(plan_with(values), allow_unicode=True), encoding="utf-8")
    data.with_name("urls.txt").write_text("\n".join(LEDGER) + "\n", encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    os.environ.update(PLAN_DATA=str(data), PLAN_DOCS=str(root / "docs"))
    try:
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(root / "site")))
    finally:
        del os.environ["PLAN_DATA"], os.environ["PLAN_DOCS"]
    return read_site(root / "site")


def assert_shown_literally(values: dict, pages: list[VisibleText]) -> None:
    shown = "\n".join("\n".join(page.text) for page in pages)
    for field, value in values.items():
        assert value in shown, f"{field} {value!r} is not shown as written"


@pytest.mark.slow
def test_markup_and_template_syntax_in_the_data_are_shown_as_text(tmp_path):
    values = {field: f"{field}文字" for field in FIELDS} | HOSTILE
    pages = build_plan(values, tmp_path)
    assert_shown_literally(values, pages)
    for page in pages:
        assert not any(href.lower().startswith("javascript:") for href in page.hrefs)
    html = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
    assert not re.search(r"<(i|b|strong|em|code)>(x|b|粗体|em|code)</\1>", html)
    assert "<script>alert" not in html and "</title><script>" not in html
    assert re.search(r"<title>（一）&lt;script&gt;alert\(1\)&lt;/script&gt;\|\*\*粗体\*\*（2018年） - ", html)


# Any text a field may hold: what generator/inputs/characters.py refuses (invisible, bidirectional,
# noncharacters) is tried in tests/test_hostile.py.
TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")).filter(
    lambda character: first_forbidden(character) is None), min_size=1, max_size=20).filter(
    lambda text: text == text.strip())


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.fixed_dictionaries({field: TEXT for field in FIELDS}))
def test_any_unicode_text_builds_and_is_shown_as_written(tmp_path_factory, values):
    pages = build_plan(values, tmp_path_factory.mktemp("plan"))
    assert_shown_literally(values, pages)


def test_python_tags_are_refused_not_run(tmp_path, capsys):
    data = tmp_path / "plan.yaml"
    data.write_text("document: !!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8")
    assert main(["check", "--data", str(data)]) == 1
    assert "unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'" in \
        capsys.readouterr().err
    assert not Path("pwned").exists() and not (tmp_path / "pwned").exists()
