"""Shared helpers: paths, building a plan into a temporary folder, serving a built site."""
import contextlib
import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

# The tests assert the English wording of messages (generator/i18n.py); the tests of the Chinese
# set LANGUAGE themselves. Set before the generator is imported, and inherited by subprocesses.
os.environ["LANGUAGE"] = "en"
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
NOTICE = ROOT / "source" / "bazhong-2017-45.txt"
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# Fixtures that build the real site or drive the browser: a test that uses one is slow.
SLOW_FIXTURES = {"real_site", "server", "browser", "page", "sites", "engine_site"}
_current: list = []  # the test running now


def pytest_collection_modifyitems(items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def chinese(monkeypatch):
    """Messages in Chinese, as a maintainer reads them by default (the tests run in English)."""
    monkeypatch.setenv("LANGUAGE", "zh_CN")


@pytest.fixture(autouse=True)
def _running(request):
    _current[:] = [request.node]
    yield
    _current.clear()


def require_slow() -> None:
    """A full build belongs to a test marked slow, so that `make test-fast` leaves it out."""
    node = _current[0] if _current else None
    if node is not None and node.get_closest_marker("slow") is None:
        pytest.fail(f"{node.nodeid} builds a site: mark it @pytest.mark.slow", pytrace=False)


ENGINES = {"mkdocs": [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file"],
           "zensical": [sys.executable, "-m", "zensical", "build", "--strict", "--config-file"]}


def build_site(data: Path, out: Path, engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """What `make site` does, into out/: the generator writes out/docs and out/mkdocs.yml, the
    engine builds out/site, and generator/finish/ does the rest (redirect pages, the
    search index, precompressed copies)."""
    from generator.finish import finish

    require_slow()
    (out / "docs").mkdir(parents=True, exist_ok=True)
    config = out / "mkdocs.yml"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    generated = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--data", str(data), "--docs",
         str(out / "docs"), "--site", str(out / "site"), "--config", str(config)],
        cwd=ROOT, env=env, capture_output=True, text=True)
    if generated.returncode:
        return generated
    built = subprocess.run(ENGINES[engine] + [str(config)], cwd=out, env=env,
                           capture_output=True, text=True)
    return built if built.returncode else finish(out / "site")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("real")
    result = build_site(ROOT / "data", out)
    assert result.returncode == 0, result.stderr
    return out / "site"


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The real site built by each engine."""
    built = {}
    for engine in ENGINES:
        out = tmp_path_factory.mktemp(engine)
        result = build_site(ROOT / "data", out, engine)
        assert result.returncode == 0, result.stderr
        built[engine] = out / "site"
    return built


@pytest.fixture(scope="session", params=list(ENGINES))
def engine_site(request, sites) -> Path:
    return sites[request.param]


@contextlib.contextmanager
def serving(site: Path):
    """A built site served on 127.0.0.1, as a reader's browser would get it; yields its origin."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(real_site):
    with serving(real_site) as origin:
        yield origin


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_config(site: Path, port: int, work: Path) -> str:
    """deploy/nginx.conf's site server, as it is but for its address, root and certificate."""
    example = NGINX_CONF.read_text(encoding="utf-8")
    server = re.search(r"^server \{.*?^\}", example, re.S | re.M).group()
    server = re.sub(r"^\s*listen .*\n", "", server, flags=re.M)
    server = re.sub(r"^\s*ssl_certificate.*\n", "", server, flags=re.M)
    server = re.sub(r"^(\s*)root .*;", rf"\1root {site.resolve()};", server, flags=re.M)
    server = server.replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    temp = "".join(f"{kind}_temp_path {work / kind};\n" for kind in
                   ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # the workers read pytest's private folders
    return (f"{user}daemon off;\nworker_processes 1;\npid {work / 'nginx.pid'};\n"
            f"error_log {work / 'error.log'};\nevents {{}}\nhttp {{\naccess_log off;\n{temp}"
            f"{server}\n}}\n")


@contextlib.contextmanager
def nginx_serving(site: Path, work: Path):
    """The built site served by nginx on 127.0.0.1 as deploy/nginx.conf serves it (with its
    headers and the precompressed copies); yields its origin."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    work.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    config = work / "nginx.conf"
    config.write_text(nginx_config(site, port, work), encoding="utf-8")
    checked = subprocess.run([nginx, "-t", "-c", str(config), "-p", str(work)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([nginx, "-c", str(config), "-p", str(work)])
    origin = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            assert process.poll() is None, (work / "error.log").read_text()
            time.sleep(0.05)
        yield origin
    finally:
        process.terminate()
        process.wait(timeout=10)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh tab that fails the test if a page asks anything of a host other than 127.0.0.1."""
    context = browser.new_context()
    tab = context.new_page()
    foreign = []
    tab.on("request", lambda request: request.url.startswith(("http://127.0.0.1:", "data:"))
           or foreign.append(request.url))
    yield tab
    context.close()
    assert foreign == [], f"the page requested other hosts: {foreign}"


def search_from_home(page, origin: str, text: str):
    """Type `text` into the search box of the home page as a person would; the first result."""
    page.goto(origin + "/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(text)
    box.press("End")  # Material's search box reacts to key events, not to the value alone
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    return first


def cards_taller_than_held(tab) -> list:
    """The cards of the page's tables of records (generator/outputs/tables.py) that, laid out,
    are taller than the height they hold before: [task or unit, height, held], in px."""
    return tab.evaluate("""Array.from(document.querySelectorAll('.record-table tr[data-lines]'))
      .map(row => {
        const em = parseFloat(getComputedStyle(row).fontSize)
        const held = (row.dataset.lines * 1.6 + 1.3) * em
        row.style.contentVisibility = 'visible'
        return [row.cells[1].textContent, row.getBoundingClientRect().height, held]
      }).filter(([_, height, held]) => height > held)""")


def nav_pages(entries) -> list[str]:
    """The page paths of a MkDocs nav, in nav order."""
    pages = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += nav_pages(value) if isinstance(value, list) else [value]
    return pages
