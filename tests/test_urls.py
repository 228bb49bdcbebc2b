"""Published URLs never break: the ledger, pinned slugs and redirects."""
import shutil

import pytest

from generator.__main__ import main
from generator.build import load_site
from generator.site.ledger import published, read
from tests.conftest import FIXTURES, ROOT, build_site, serving

RENAMED = "巴中市司法局"


class Workspace:
    """A copy of the fixture plan and its ledger that a test edits as a maintainer would."""

    def __init__(self, root, capsys):
        self.root = root
        self.data = root / "data" / "plan.yaml"
        self.ledger = root / "data" / "urls.txt"
        self.docs = root / "docs"
        self.capsys = capsys
        self.data.parent.mkdir()
        shutil.copy(FIXTURES / "small_plan.yaml", self.data)
        shutil.copy(FIXTURES / "urls.txt", self.ledger)

    def edit(self, old: str, new: str, count: int = -1) -> None:
        text = self.data.read_text(encoding="utf-8")
        assert old in text
        self.data.write_text(text.replace(old, new, count), encoding="utf-8")

    def run(self, *args: str) -> tuple[int, list[str]]:
        code = main([*args, "--data", str(self.data), "--docs", str(self.docs)])
        captured = self.capsys.readouterr()
        return code, (captured.err or captured.out).splitlines()

    def site(self):
        result = build_site(self.data, self.root)
        assert result.returncode == 0, result.stderr
        return self.root / "site"


@pytest.fixture
def workspace(tmp_path, capsys):
    return Workspace(tmp_path, capsys)


def test_renaming_a_unit_fails_the_build_naming_its_url(workspace):
    workspace.edit("市司法局", RENAMED)
    code, lines = workspace.run()
    assert code == 1
    assert lines == [
        f"{workspace.ledger}:18:1: error: /units/ba-zhong-shi-si-fa-ju/ (unit 巴中市司法局) is not "
        "in the ledger of published URLs; run `make urls` to publish it",
        f"{workspace.ledger}:20:1: error: /units/shi-si-fa-ju/ (unit 市司法局) was published but no "
        "page produces it now; keep it by pinning the old slug on the record (slug: shi-si-fa-ju), "
        f"or declare a redirect in {workspace.data} "
        "(redirects: - from: /units/shi-si-fa-ju/ to: <a current URL>)",
        f"2 error(s), 0 warning(s); {workspace.docs}/ was not changed",
    ]
    assert not workspace.docs.exists()
    # `make urls` publishes new URLs, but never drops one that would break
    code, lines = workspace.run("urls")
    assert code == 1 and "/units/shi-si-fa-ju/ (unit 市司法局) was published" in lines[0]
    assert workspace.ledger.read_bytes() == (FIXTURES / "urls.txt").read_bytes()


@pytest.mark.slow
def test_pinning_the_old_slug_keeps_the_url(workspace):
    workspace.edit("  - name: 市司法局\n", f"  - name: {RENAMED}\n    slug: shi-si-fa-ju\n")
    workspace.edit("市司法局", RENAMED)
    workspace.edit(f"巴中{RENAMED}", RENAMED)
    assert workspace.run()[0] == 0
    html = (workspace.site() / "units/shi-si-fa-ju/index.html").read_text(encoding="utf-8")
    assert f">{RENAMED}<a class=\"headerlink\"" in html


def test_a_redirect_keeps_the_old_url_working(workspace, page):
    workspace.edit("市司法局", RENAMED)
    workspace.edit("sections:\n", "redirects:\n  - from: /units/shi-si-fa-ju/\n"
                   "    to: /units/ba-zhong-shi-si-fa-ju/\n\nsections:\n")
    code, lines = workspace.run("urls")
    assert (code, lines) == (0, [f"{workspace.ledger}: 1 new URL(s) published",
                                 "  /units/ba-zhong-shi-si-fa-ju/",
                                 f"Next: make site, then commit {workspace.ledger} with the plans"])
    ledger = workspace.ledger.read_text(encoding="utf-8")
    assert "/units/ba-zhong-shi-si-fa-ju/ unit 巴中市司法局\n" in ledger
    assert "/units/shi-si-fa-ju/ unit 市司法局\n" in ledger
    site = workspace.site()
    assert 'href="../ba-zhong-shi-si-fa-ju/"' in (site / "units/shi-si-fa-ju/index.html").read_text()
    with serving(site) as origin:
        page.goto(origin + "/units/shi-si-fa-ju/")
        page.wait_for_url(origin + "/units/ba-zhong-shi-si-fa-ju/")
        assert page.locator("h1").inner_text().removesuffix("¶") == RENAMED


@pytest.mark.slow
def test_removing_a_task_with_a_redirect_builds(workspace):
    text = workspace.data.read_text(encoding="utf-8")
    start = text.index("      - number: 二\n")
    end = text.index("  - number: 二\n    title: 加强组织保障")
    workspace.data.write_text(text[:start] + text[end:], encoding="utf-8")
    workspace.edit("      - number: 三\n", "      - number: 二\n")
    workspace.edit("  - name: 有执法职责的市级部门\n    collective: true\n", "")
    code, lines = workspace.run()
    assert code == 1 and len(lines) == 4
    assert "/2020/tasks/tui-xing-12345-re-xian/ (task （二）推行12345热线) was published" in lines[0]
    # the URL of the one-plan layout that moved there goes with it
    assert "/tasks/tui-xing-12345-re-xian/ moved to /2020/tasks/tui-xing-12345-re-xian/, but no " \
        "page produces that URL now" in lines[1]
    workspace.edit("sections:\n", "redirects:\n"
                   "  - from: /2020/tasks/tui-xing-12345-re-xian/\n    to: /2020/sections/wan-shan-jue-ce-ji-zhi/\n"
                   "  - from: /units/you-zhi-fa-zhi-ze-de-shi-ji-bu-men/\n    to: /units/\n\nsections:\n")
    assert workspace.run() == (0, [f"{workspace.docs}/: 27 page(s) written, 0 deleted, 0 unchanged"])
    site = workspace.site()
    for old in ("2020/tasks/tui-xing-12345-re-xian", "tasks/tui-xing-12345-re-xian"):
        assert not (site / old / "index.html").read_text().count("推行12345热线")
    assert 'href="../../sections/wan-shan-jue-ce-ji-zhi/"' in \
        (site / "2020/tasks/tui-xing-12345-re-xian/index.html").read_text()
    assert 'href="../../2020/sections/wan-shan-jue-ce-ji-zhi/"' in \
        (site / "tasks/tui-xing-12345-re-xian/index.html").read_text()


@pytest.mark.parametrize("edit, message", [
    (lambda text: text.replace("/units/ the unit directory\n",
                               "/units/ the unit directory\n/units/a-b/ unit 某单位\n"),
     "18:1: error: /units/a-b/ (unit 某单位) was published but no page produces it now; keep it "
     "by pinning the old slug on the record (slug: a-b), or declare a redirect in {data} "
     "(redirects: - from: /units/a-b/ to: <a current URL>)"),
    (lambda text: text.replace("/units/shi-cai-zheng-ju/ unit 市财政局\n", ""),
     "19:1: error: /units/shi-cai-zheng-ju/ (unit 市财政局) is not in the ledger of published URLs; "
     "run `make urls` to publish it"),
    (lambda text: text.replace("/units/shi-si-fa-ju/ unit 市司法局\n/units/shi-zheng-fu-fa-zhi-ban/ unit 市政府法制办\n",
                               "/units/shi-zheng-fu-fa-zhi-ban/ unit 市政府法制办\n/units/shi-si-fa-ju/ unit 市司法局\n"),
     "21:1: error: /units/shi-si-fa-ju/ is out of order or listed twice; run `make urls` to sort the ledger"),
])
def test_a_ledger_out_of_step_with_the_site_is_reported(workspace, edit, message):
    workspace.ledger.write_text(edit(workspace.ledger.read_text(encoding="utf-8")), encoding="utf-8")
    code, lines = workspace.run("check")
    assert code == 1
    assert lines[:-1] == [f"{workspace.ledger}:" + message.format(data=workspace.data)]


@pytest.mark.parametrize("redirect, message", [
    ("  - from: /units/old/\n    to: /units/shi-si-fa-jv/\n",
     "29:9: error: redirect from /units/old/: /units/shi-si-fa-jv/ is not a page of the site "
     "(did you mean '/units/shi-si-fa-ju/'?)"),
    ("  - from: /units/shi-si-fa-ju/\n    to: /units/\n",
     "28:11: error: redirect from /units/shi-si-fa-ju/: that is the URL of unit 市司法局; "
     "a redirect there would hide the page"),
    ("  - from: units/old\n    to: /units/\n",
     "28:11: error: redirect #1: field 'from' is 'units/old'; expected a site URL such as "
     "/units/shi-zheng-fu-fa-zhi-ban/ (words of lowercase ASCII joined by '-', between slashes, "
     "none of them 'index')"),
    # mkdocs-redirects would write its page for /index/ as index.html, over the home page
    ("  - from: /index/\n    to: /units/\n",
     "28:11: error: redirect #1: field 'from' is '/index/'; expected a site URL such as "
     "/units/shi-zheng-fu-fa-zhi-ban/ (words of lowercase ASCII joined by '-', between slashes, "
     "none of them 'index')"),
])
def test_bad_redirects_are_reported(workspace, redirect, message):
    workspace.edit("sections:\n", "redirects:\n" + redirect + "sections:\n")
    code, lines = workspace.run("check")
    assert (code, lines[:-1]) == (1, [f"{workspace.data}:{message}"])


def test_the_real_ledger_lists_exactly_the_published_urls():
    _, site = load_site(ROOT / "data")
    listed = [entry.url for entry in read(ROOT / "data" / "urls.txt")]
    assert listed == sorted(listed)
    assert set(listed) == set(published(site)) | {r.source for r in site.plan.redirects} \
        | set(site.moves)
    assert "/units/shi-zheng-fu-fa-zhi-ban/" in listed
