"""No value of the data becomes markup, a script, a link elsewhere, a path or a formula.

Each hostile value of tests/hostile.py is put into every field the schemas let a data file hold:
it is refused at that field's line with a FILE:LINE:COL message, or the site is built with it
by both engines and it appears only as literal text, in pages whose elements and attributes are
exactly those the same site has with plain values."""
import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from generator.inputs.characters import first_forbidden
from tests import hostile
from tests.conftest import ENGINES, build_site, serving

DIAGNOSTIC = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (error|warning): .+$")


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory) -> dict[tuple, dict[str, list[str]]]:
    """For each field, each value's diagnostics ([] where it was accepted)."""
    folder = tmp_path_factory.mktemp("data")
    hostile.write(folder, hostile.base())
    assert hostile.run("urls", "--data", str(folder))[0] == 0
    assert hostile.run("check", "--data", str(folder)) == (0, [
        f"{folder}/plans/2020.yaml: ok: 2 sections, 3 tasks, 5 units",
        f"{folder}/progress/2020.yaml: ok: 5 progress entries"])
    found = {}
    for file, path in hostile.every_field():
        for name, value in hostile.VALUES.items():
            hostile.write(folder, hostile.put(hostile.base(),
                                               file, path, value))
            code, lines = hostile.run("check", "--data", str(folder))
            problems = lines[:-1] if code else []
            if problems:
                line, _ = hostile.position(folder, file, path) if _loads(folder) else (None, None)
                found.setdefault((file, path), {})[name] = (problems, line)
            else:
                found.setdefault((file, path), {})[name] = ([], None)
    return found


def _loads(folder: Path) -> bool:
    """Whether both files parse, so that a field's line can be looked up."""
    try:
        for file in hostile.FILES:
            hostile.position(folder, file, ())
    except Exception:  # noqa: BLE001 - a file the value made unreadable reports at its own line
        return False
    return True


@pytest.mark.slow
def test_every_refusal_names_the_file_line_and_column_of_the_field(verdicts):
    for (file, path), by_value in verdicts.items():
        for name, (problems, line) in by_value.items():
            for problem in problems:
                assert DIAGNOSTIC.match(problem), f"{file} {path} {name}: {problem}"
            if problems and line is not None:
                lines = {int(DIAGNOSTIC.match(p)["line"]) for p in problems if " error: " in p}
                assert line in lines, f"{file} {path} {name}: no error at line {line}: {problems}"


@pytest.mark.slow
def test_what_no_input_may_hold_is_refused_in_every_field(verdicts):
    """Invisible, bidirectional, control and noncharacters, and addresses that are not http(s)
    or hide their host, are refused wherever they are put."""
    always_refused = ["zero-width space", "right-to-left override", "noncharacter",
                      "lone surrogate", "escape sequence", "bell", "tab formula", "table and heading"]
    for (file, path), by_value in verdicts.items():
        for name in always_refused:
            assert by_value[name][0], f"{file} {path}: {name} was accepted"
    for field in [("plan", ("units", 0, "successor", "source")), ("progress", (1, "evidence", 0))]:
        for name in ("address with user", "javascript address", "protocol-relative address",
                     "data address"):
            assert verdicts[field][name][0], f"{field}: {name} was accepted"
    for field in [("plan", ("redirects", 0, "from")), ("plan", ("redirects", 0, "to"))]:
        assert all(verdicts[field][name][0] for name in hostile.VALUES), field


def accepted_data(verdicts) -> tuple[dict, list, dict[tuple, str]]:
    """The data with every field holding, in front of its own value, all the hostile values it
    accepted one by one; and the text each field then holds."""
    data = hostile.base()
    shown = {}
    for (file, path), by_value in verdicts.items():
        taken = "".join(hostile.VALUES[name] for name, (problems, _) in by_value.items()
                        if not problems)
        if taken:
            data = hostile.put(data, file, path, taken)
            shown[file, path] = hostile.get(data[file], path)
    return data, shown


class Page(HTMLParser):
    """What a browser makes of a page: its elements with their attributes, and its text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.elements_with_attributes: list[tuple[str, dict[str, str]]] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self._in_script = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.elements_with_attributes.append((tag, {name: value or "" for name, value in attrs}))
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._in_script += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._in_script -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._in_script:
            self.text.append(data)


def pages_of(site: Path) -> dict[str, Page]:
    return {path.relative_to(site).as_posix(): Page(path.read_text(encoding="utf-8"))
            for path in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module", params=sorted(ENGINES))
def built(request, verdicts, tmp_path_factory) -> tuple[Path, Path, dict]:
    """The site built by each engine from the base data, and from the data holding every value
    each field accepted."""
    engine = request.param
    data, shown = accepted_data(verdicts)
    sites = []
    for name, values in {"plain": hostile.base(), "hostile": data}.items():
        out = tmp_path_factory.mktemp(f"{engine}-{name}")
        folder = hostile.write(out / "data", values)
        assert hostile.run("urls", "--data", str(folder))[0] == 0
        result = build_site(folder, out, engine)
        assert result.returncode == 0, result.stderr
        sites.append(out / "site")
    return sites[0], sites[1], shown


@pytest.mark.slow
def test_accepted_values_are_shown_as_literal_text_by_both_engines(built):
    _, site, shown = built
    text = "\n".join("".join(page.text) for page in pages_of(site).values())
    for (file, path), value in shown.items():
        if path[-1] in ("source",) or path[-2:-1] == ("evidence",):
            continue  # addresses are re-serialised: see the test of links below
        assert value in text, f"{file} {path} is not shown as written: {value!r}"


@pytest.mark.slow
def test_hostile_values_add_no_element_or_attribute(built):
    plain, site, _ = built
    before, after = pages_of(plain), pages_of(site)
    assert sorted(after) == sorted(before)
    for name, page in after.items():
        assert page.elements == before[name].elements, f"{name}: the elements differ"
        for tag, attribute, value in page.attributes:
            assert not attribute.startswith("on"), f"{name}: <{tag} {attribute}>"
            if attribute in ("href", "src", "action", "formaction"):
                assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), (name, value)


@pytest.mark.slow
def test_links_from_the_data_go_where_they_say(built):
    """An address from the data is one link, percent-encoded, to the host it names, and the
    reader is shown that host beside it."""
    _, site, _ = built
    hosts = set()
    for name, page in pages_of(site).items():
        for tag, attributes in page.elements_with_attributes:
            if tag == "a" and attributes.get("rel") == "external":
                address = attributes["href"]
                assert re.fullmatch(r"https?://[a-z0-9.-]+(:\d+)?/[A-Za-z0-9/%:@!$&+,;=._~?#-]*",
                                    address), (name, address)
                hosts.add(address.split("/")[2])
    assert hosts == {"example.com", "example.org"}


@pytest.mark.slow
def test_feeds_and_sitemap_are_well_formed_xml(built):
    _, site, _ = built
    for path in [*site.rglob("feed.xml"), site / "sitemap.xml"]:
        ElementTree.parse(path)  # a strict parser: raises on anything a feed reader would drop
    for path in site.rglob("feed.xml"):
        assert not feedparser.parse(path.read_bytes()).bozo, path


@pytest.mark.slow
def test_no_csv_cell_starts_a_formula(built):
    _, site, _ = built
    for path in site.rglob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path, cell)


@pytest.mark.slow
def test_chromium_opens_every_page_with_no_dialog_and_no_request_elsewhere(built, browser):
    _, site, _ = built
    with serving(site) as origin:
        context = browser.new_context()
        tab = context.new_page()
        dialogs, foreign, violations = [], [], []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.on("request", lambda request: request.url.startswith((origin, "data:"))
               or foreign.append(request.url))
        tab.add_init_script("document.addEventListener('securitypolicyviolation', event =>"
                            " (window.__violations = window.__violations || []).push("
                            "event.violatedDirective + ' ' + event.blockedURI))")
        for name in sorted(pages_of(site)):
            tab.goto(f"{origin}/{name}")
            tab.wait_for_load_state("load")
            violations += [(name, v) for v in tab.evaluate("window.__violations || []")]
        context.close()
    assert dialogs == [] and foreign == [] and violations == []


def test_formulas_are_neutralised_in_every_csv_cell(tmp_path):
    """Each formula of the corpus, in front of a task's text, its wording, a unit's full name and
    a progress entry's text, reaches the CSV files with a ' before it, and the JSON as it is."""
    from generator.build import load_site
    from generator.outputs.render import render

    fields = [("plan", ("sections", 0, "tasks", 0, "text")),
              ("plan", ("sections", 0, "tasks", 0, "responsibility")),
              ("plan", ("units", 0, "full_name")), ("progress", (0, "text"))]
    for name in hostile.FORMULAS:
        value, data = hostile.VALUES[name], hostile.base()
        for file, path in fields:
            data = hostile.put(data, file, path, value)
        folder = hostile.write(tmp_path / name.replace(" ", "-"), data)
        code, lines = hostile.run("urls", "--data", str(folder))
        if name == "tab formula":  # a tab is a control character, refused in any text
            assert code == 1 and "U+0009" in lines[0]
            continue
        assert code == 0, lines
        _, site = load_site(folder)
        written = render(site, "data")
        cells = {cell for path, text in written.items() if path.endswith(".csv")
                 for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row}
        for file, path in fields:
            assert "'" + hostile.get(data[file], path) in cells, (name, path)
        assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
        task = json.loads(written["2020/downloads/plan.json"])["tasks"][0]
        assert task["text"] == data["plan"]["sections"][0]["tasks"][0]["text"]


# --- each finding of the audit, with its exact outcome ------------------------------------------

@pytest.fixture
def data(tmp_path) -> Path:
    """The base data, with its ledger published."""
    folder = hostile.write(tmp_path / "data", hostile.base())
    assert hostile.run("urls", "--data", str(folder))[0] == 0
    return folder


def check_with(data: Path, file: str, path: tuple, value: str) -> list[str]:
    """What `make check` prints of the data with `value` as the field's whole value, every
    character outside ASCII written as a YAML escape."""
    values = hostile.put(hostile.base(), file, path, "")
    hostile.get(values[file], path[:-1])[path[-1]] = value
    hostile.write(data, values, escaped=True)
    return [line.replace(f"{data}/", "") for line in hostile.run("check", "--data", str(data))[1]]


REFUSED = [("progress", (2, "text"), "热线经费\ufffe尚未落实。", "the noncharacter U+FFFE"),
           ("plan", ("units", 2, "name"), "市财\u200b政局",
            "the invisible character U+200B (ZERO WIDTH SPACE)"),
           ("plan", ("plan", "title"), "某市\u202e工作安排",
            "the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)"),
           ("plan", ("sections", 0, "title"), "完善\x1b[31m决策", "the control character U+001B")]


@pytest.mark.parametrize("file, path, value, what", REFUSED, ids=[r[3] for r in REFUSED])
def test_a_character_no_input_may_hold_is_refused_where_the_file_holds_it(data, file, path, value, what):
    name = hostile.FILES[file]
    hostile.write(data, hostile.base())
    text = (data / name).read_text(encoding="utf-8")
    base = hostile.get(hostile.base()[file], path)
    (data / name).write_text(text.replace(f": {base}\n", f": {value}\n", 1), encoding="utf-8")
    lines = [line.replace(f"{data}/", "") for line in hostile.run("check", "--data", str(data))[1]]
    line = next(i for i, t in enumerate((data / name).read_text(encoding="utf-8").split("\n"), 1)
                if value in t)
    column = (data / name).read_text(encoding="utf-8").split("\n")[line - 1].index(value) \
        + first_forbidden(value).index + 1
    assert lines == [f"{name}:{line}:{column}: error: the file contains {what}; it would not show as "
                     "written, or would change what the text around it shows; delete it",
                     "1 error(s), 0 warning(s); nothing was changed"]


@pytest.mark.parametrize("file, path, value, what", REFUSED + [
    ("progress", (2, "text"), "热线经费\ud800尚未落实。", "a lone surrogate, U+D800")],
    ids=[r[3] for r in REFUSED] + ["lone surrogate"])
def test_a_character_no_input_may_hold_is_refused_where_an_escape_makes_it(data, file, path, value, what):
    lines = check_with(data, file, path, value)
    name = hostile.FILES[file]
    line, column = hostile.position(data, file, path)
    assert lines[0].startswith(f"{name}:{line}:{column}: error: ")
    assert lines[0].endswith(f" contains {what}; delete it")
    assert lines[-1].endswith("; nothing was changed")


def test_two_units_that_differ_only_in_width_are_one_name_listed_twice(data):
    values = hostile.base()
    plan = values["plan"]
    plan["units"][2]["name"] = "市ＡＢ局"
    plan["units"][3]["name"] = "市AB局"
    for task in (t for s in plan["sections"] for t in s["tasks"]):
        for role in ("lead", "responsible"):
            if role in task:
                task[role] = ["市ＡＢ局" if n == "市财政局" else "市AB局" if n == "有执法职责的市级部门" else n
                              for n in task[role]]
        task["responsibility"] = task["responsibility"].replace("市财政局", "市ＡＢ局").replace(
            "有执法职责的市级部门", "市AB局")
    values["progress"] = [e for e in values["progress"] if e["unit"] not in ("市财政局",)]
    hostile.write(data, values)
    lines = [line.replace(f"{data}/", "") for line in hostile.run("check", "--data", str(data))[1]]
    first = hostile.position(data, "plan", ("units", 2, "name"))[0]
    line, column = hostile.position(data, "plan", ("units", 3, "name"))
    assert f"plans/2020.yaml:{line}:{column}: error: unit 市AB局: the unit is listed twice (first at " \
           f"line {first} as '市ＡＢ局', which differs only in full-width or compatibility forms)" in lines


@pytest.mark.parametrize("line", ["/../../../../../../tmp/x/ -> /2020/ x", "/units/index/ -> /2020/ x",
                                  "/2020/tasks/../../../x/ the plan"])
def test_a_ledger_line_cannot_name_a_file_outside_the_site_or_another_page(data, line):
    ledger = data / "urls.txt"
    lines = ledger.read_text(encoding="utf-8").split("\n")
    lines.insert(2, line)
    ledger.write_text("\n".join(lines), encoding="utf-8")
    code, printed = hostile.run("check", "--data", str(data))
    url = line.split(" ")[0]
    assert code == 1
    assert printed[0] == (f"{ledger}:3:1: error: '{url}' is not a site URL such as "
                          "/units/shi-zheng-fu-fa-zhi-ban/ (words of lowercase ASCII joined by '-', "
                          "between slashes, none of them 'index')")
    assert not Path("/tmp/x").exists()


def test_a_title_too_long_for_a_url_is_refused_at_the_title(data):
    title = "加强和改进行政执法监督工作推进严格规范公正文明执法全面落实行政执法责任制建立健全行政执法评议考核制度"
    values = hostile.base()
    del values["plan"]["sections"][0]["tasks"][0]["slug"]
    values["plan"]["sections"][0]["tasks"][0]["title"] = title
    hostile.write(data, values)
    code, printed = hostile.run("check", "--data", str(data))
    line, column = hostile.position(data, "plan", ("sections", 0, "tasks", 0, "title"))
    assert code == 1
    assert printed[0] == (f"{data}/plans/2020.yaml:{line}:{column}: error: task （一）{title}: its URL "
                          "slug is 210 bytes, more than the 150 a URL segment may have; pin a shorter "
                          "one with the field 'slug'")


@pytest.mark.parametrize("written, kept", [
    ("https://example.com/[x](autofocus/onfocus=alert(document.domain)//)",
     "https://example.com/%5Bx%5D%28autofocus/onfocus=alert%28document.domain%29//%29"),
    ("https://example.com/\"><img/src=x/onerror=alert(1)>",
     "https://example.com/%22%3E%3Cimg/src=x/onerror=alert%281%29%3E"),
])
def test_an_address_is_kept_as_parsed_and_written_anew(data, written, kept):
    from generator.build import load_site

    values = hostile.base()
    values["progress"][1]["evidence"][0] = written
    values["plan"]["units"][0]["successor"]["source"] = written
    hostile.write(data, values)
    _, site = load_site(data)
    assert site.plan.units[0].successor.source == kept
    entries = site.progress[site.plan].entries
    assert [e.evidence[0] for e in entries if e.evidence][-1] == kept


def test_an_address_that_hides_its_host_is_refused(data):
    lines = check_with(data, "plan", ("units", 0, "successor", "source"), "https://www.gov.cn@evil.example/")
    line, column = hostile.position(data, "plan", ("units", 0, "successor", "source"))
    assert lines[0] == (f"plans/2020.yaml:{line}:{column}: error: unit 市政府法制办: field 'source' is "
                        "'https://www.gov.cn@evil.example/'; expected an http(s) address of the "
                        "published document")

