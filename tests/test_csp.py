"""The Content-Security-Policy: every page of both engines carries it and satisfies it, in
Chromium, served by nginx as deploy/nginx.conf says, with nothing asked of another host; the
server sends the same policy, its other headers and the precompressed copies."""
import contextlib
import gzip
import re
import shutil
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import brotli
import pytest

from generator.finish import content_security_policy
from generator.finish.precompress import TEXT_SUFFIXES
from generator.finish.redirect_pages import target_of
from tests.conftest import nginx_serving

pytestmark = pytest.mark.slow
CSP = content_security_policy()
# Executable script types: JSON and JSON-LD in a <script> are data, which the policy lets be.
_DATA_SCRIPTS = {"application/json", "application/ld+json"}
# Collects the page's policy violations from before its first script runs.
_WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.policies, self.inline_scripts, self.styled = [], [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attributes.get("content"))
        if tag == "script" and "src" not in attributes and attributes.get("type") not in _DATA_SCRIPTS:
            self.inline_scripts.append(self.getpos())
        if "style" in attributes or tag == "style":
            self.styled.append((tag, self.getpos()))


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_carries_the_policy_and_needs_nothing_inline(engine_site):
    pages = html_pages(engine_site)
    assert len(pages) > 40
    for page in pages:
        markup = _Markup()
        markup.feed(page.read_text(encoding="utf-8"))
        assert markup.policies == [CSP], page
        assert markup.inline_scripts == [], page
        assert markup.styled == [], page
    assert "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP


def test_every_text_file_has_its_gzip_and_brotli_copies(engine_site):
    texts = [path for path in engine_site.rglob("*") if path.suffix in TEXT_SUFFIXES]
    assert len(texts) > 50
    for path in texts:
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if len(data) > 200:  # a tiny file may not shrink, and then has no copy
            assert gz.is_file() and br.is_file(), path
        if gz.is_file():
            assert gzip.decompress(gz.read_bytes()) == data, gz
        if br.is_file():
            assert brotli.decompress(br.read_bytes()) == data, br


# --- served by nginx, with the example configuration --------------------------------------

@pytest.fixture(scope="module")
def nginx_sites(sites, tmp_path_factory):
    with contextlib.ExitStack() as stack:
        yield {engine: stack.enter_context(nginx_serving(site, tmp_path_factory.mktemp(f"nginx-{engine}")))
               for engine, site in sites.items()}


def fetch(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_the_example_server_sends_the_policy_headers_and_the_gzip_copies(sites, nginx_sites):
    site, origin = sites["mkdocs"], nginx_sites["mkdocs"]
    status, headers, body = fetch(origin + "/units/", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["content-security-policy"] == CSP + "; frame-ancestors 'none'"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == (site / "units" / "index.html").read_bytes()
    _, plain, body = fetch(origin + "/units/")
    assert "content-encoding" not in plain and body == (site / "units" / "index.html").read_bytes()
    _, feed, _ = fetch(origin + "/feed.xml")
    assert feed["content-type"] == "application/atom+xml; charset=utf-8"
    status, missing, body = fetch(origin + "/no-such-page/")
    assert status == 404 and "未找到此页面" in body.decode("utf-8")
    assert missing["content-security-policy"] == headers["content-security-policy"]


# --- in Chromium ----------------------------------------------------------------------------

class Watched:
    """A tab that records what the policy refused, console errors, uncaught errors, failed
    requests and requests to other hosts, for the pages it opens."""

    def __init__(self, browser, origin: str):
        self.origin = origin
        self.context = browser.new_context()
        self.context.add_init_script(_WATCH)
        self.tab = self.context.new_page()
        self.problems: list[str] = []
        self.tab.on("console", lambda message: message.type == "error"
                    and self.problems.append(f"console: {message.text}"))
        self.tab.on("pageerror", lambda error: self.problems.append(f"error: {error}"))
        self.tab.on("request", lambda request: request.url.startswith((origin, "data:"))
                    or self.problems.append(f"another host: {request.url}"))
        self.tab.on("response", lambda response: response.status >= 400
                    and self.problems.append(f"{response.status}: {response.url}"))

    def open(self, path: str) -> list[str]:
        self.problems.clear()
        self.tab.goto(self.origin + path, wait_until="load")
        self.tab.wait_for_timeout(50)
        return self.problems + self.violations()

    def violations(self) -> list[str]:
        return [f"refused: {v}" for v in self.tab.evaluate("window.__violations || []")]

    def close(self):
        self.context.close()


@pytest.fixture(params=["mkdocs", "zensical"])
def engine(request):
    return request.param


def test_every_page_opens_with_nothing_refused_no_error_and_no_other_host(engine, sites, nginx_sites, browser):
    site, origin = sites[engine], nginx_sites[engine]
    watched = Watched(browser, origin)
    try:
        found = {}
        for page in html_pages(site):
            path = "/" + page.relative_to(site).as_posix().removesuffix("index.html")
            if page.name == "404.html" or target_of(page.read_text(encoding="utf-8")):
                continue
            problems = watched.open(path)
            if problems:
                found[path] = problems
        # the search: Pagefind's script, its worker and its WebAssembly, under the policy
        watched.open("/")
        box = watched.tab.locator("input.md-search__input")
        box.click()
        box.fill("行政复议")
        box.press("End")
        watched.tab.locator(".md-search-result__item").first.wait_for()
        searched = watched.problems + watched.violations()
        assert found == {} and searched == []
    finally:
        watched.close()


def test_an_inline_script_or_style_put_into_a_page_is_refused(sites, browser, tmp_path):
    """The checks above can fail: a page with an inline script and a style attribute added is
    reported, and the script does not run."""
    site = tmp_path / "site"
    shutil.copytree(sites["mkdocs"], site)
    page = site / "index.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("<body", "<body data-x", 1).replace(
        "</article>", '<script>window.injected = true</script><p style="color: red">x</p></article>', 1),
        encoding="utf-8")
    (site / "index.html.gz").unlink()
    with nginx_serving(site, tmp_path / "nginx") as origin:
        watched = Watched(browser, origin)
        try:
            problems = watched.open("/")
            assert watched.tab.evaluate("window.injected") is None
        finally:
            watched.close()
    assert "refused: script-src-elem inline" in problems
    assert "refused: style-src-attr inline" in problems


def test_a_redirect_page_is_chinese_and_keeps_the_fragment(engine, sites, nginx_sites, browser):
    site, origin = sites[engine], nginx_sites[engine]
    redirects = [page for page in html_pages(site) if target_of(page.read_text(encoding="utf-8"))]
    assert len(redirects) > 20
    watched = Watched(browser, origin)
    try:
        for page in redirects[:5]:
            text = page.read_text(encoding="utf-8")
            assert '<html lang="zh-CN">' in text and "本页已移至新地址" in text
            old = "/" + page.relative_to(site).parent.as_posix() + "/"
            problems = watched.open(old + "#x")
            watched.tab.wait_for_url(re.compile(r".*#x$"))
            assert watched.tab.url != origin + old + "#x"
            assert problems == [] and watched.violations() == [], old
    finally:
        watched.close()
