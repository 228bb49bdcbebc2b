"""`make bench`: generator and build times for synthetic plans of growing size.

For each size it prints the generator's time, the time of the full `make site`, the time of a
bare `mkdocs build` (Material, search, the same Markdown, a one-page nav) measured in the same
run as the baseline, their ratio, the largest task page, and the bytes a fresh Chromium fetches
for its first search (a unit's name typed into the search box). A table, then JSON.
The two builds take turns, REPEAT times each, and each keeps its fastest time: the least
disturbed by whatever else the machine is doing.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import write  # noqa: E402
from generator.build import generate, publish_urls  # noqa: E402

SIZES = (22, 500, 1000, 2000)
REPEAT = int(os.environ.get("REPEAT", "2"))
BARE_CONFIG = """\
site_name: bench
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
  language: zh
  font: false
nav:
  - index.md
plugins:
  - search
markdown_extensions: [attr_list, md_in_html, tables, toc, pymdownx.highlight, pymdownx.superfences]
"""


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def measure(tasks: int, folder: Path) -> dict:
    data = write(tasks, folder)
    publish_urls(data)
    docs, site = folder / "docs", folder / "site"
    start = time.perf_counter()
    generate(data, docs)
    generator = time.perf_counter() - start
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    bare_config = folder / "bare.yml"
    bare_config.write_text(BARE_CONFIG.format(docs=docs, site=folder / "bare-site"), encoding="utf-8")
    builds, bares = [], []
    for _ in range(REPEAT):
        builds.append(timed(["make", "--no-print-directory", "-C", str(ROOT), "site", f"DATA={data}",
                             f"DOCS={docs}", f"SITE={site}", f"BUILD={folder / 'build'}"], env=env))
        bares.append(timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare_config)],
                           env=env))
    build, bare = min(builds), min(bares)
    task_pages = list((site / "tasks").glob("*/index.html"))
    return {
        "tasks": tasks,
        "units": len(list((site / "units").glob("*/index.html"))),
        "pages": len(list(site.rglob("index.html"))),
        "generator_s": round(generator, 2),
        "build_s": round(build, 2),
        "bare_s": round(bare, 2),
        "generator_share": round(generator / build, 3),
        "build_over_bare": round(build / bare, 2),
        "largest_task_page_kb": round(max(p.stat().st_size for p in task_pages) / 1024, 1),
        "first_search_kb": round(first_search_bytes(site, data) / 1024, 1),
    }


def first_search_bytes(site: Path, data: Path) -> int:
    """What a reader's browser fetches to search the built site for its first unit's name."""
    from playwright.sync_api import sync_playwright

    from generator.build import load_plan
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serving
    from tests.search_eval import first_search_bytes as measure_search

    name = load_plan(data).units[0].name
    with serving(site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return measure_search(browser, origin, name)
        finally:
            browser.close()


def table(rows: list[dict]) -> str:
    columns = list(rows[0])
    lines = [" | ".join(columns), " | ".join("---" for _ in columns)]
    lines += [" | ".join(str(row[c]) for c in columns) for row in rows]
    return "\n".join(lines)


def main(sizes=SIZES) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for tasks in sizes:
            rows.append(measure(tasks, Path(scratch) / str(tasks)))
            print(f"measured {tasks} tasks", file=sys.stderr)
    by_size = {row["tasks"]: row for row in rows}
    print(table(rows))
    if 1000 in by_size and 2000 in by_size:
        print(f"2,000 / 1,000 tasks build time: {by_size[2000]['build_s'] / by_size[1000]['build_s']:.2f}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main(tuple(int(n) for n in sys.argv[1:]) or SIZES)
