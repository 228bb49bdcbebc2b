"""`make bench`: generator and build times for synthetic plans of growing size.

For each size it prints the generator's time (its work, in this process, into an empty docs/),
the same without writing (the pages rendered in memory), the same as the new process `make
site` starts (imports and dictionaries loaded first), the cost of creating a file on this disk
at the time, the time of the full `make site` from an empty docs/, the time of a bare `mkdocs
build` (Material, search, the same Markdown, a one-page nav) measured in the same run as the
baseline, their ratio, the same `make site` with ENGINE=zensical (its first, cold build and its
fastest, which reuses Zensical's cache) as a ratio to the MkDocs one, the largest page of each
kind, the bytes a fresh Chromium fetches for its first search (a unit's name typed into the
search box), and the milliseconds from the last keystroke to the search's results. A table,
then JSON. The generator and the builds take turns, REPEAT times each, and each keeps its
fastest time: the least disturbed by whatever else the machine is doing.
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

from bench.synthetic import SHAPES, write  # noqa: E402
from generator.build import generate, load_site, publish_urls  # noqa: E402
from generator.outputs.render import render  # noqa: E402

SIZES = (22, 500, 1000, 2000)
# The bounds a build must keep at every size and shape; `make bench` fails when one is missed.
PAGE_KB = 250  # any page
TASK_PAGE_KB = 80
GENERATOR_SHARE = 0.05
# Which pages are of which kind, by their path in the built site.
# A plan's pages are under its year.
YEAR = "[0-9][0-9][0-9][0-9]"
KINDS = {"home": "index.html", "plan": f"{YEAR}/index.html", "directory": "units/index.html",
         "section": f"{YEAR}/sections/*/index.html", "task": f"{YEAR}/tasks/*/index.html",
         "unit": "units/**/index.html", "matrix": f"{YEAR}/matrix/**/index.html"}
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


def measure(tasks: int, folder: Path, shape: str = "even") -> dict:
    data = write(tasks, folder, shape)
    publish_urls(data)
    # Every timed run writes its pages and its site into new, empty folders, as on a fresh clone,
    # and nothing is deleted until the whole benchmark ends: on this project's virtual disk
    # (ext4 with `discard`), creating files is up to ten times slower for minutes after thousands
    # were deleted, which would weigh on whichever run came next.
    folders = iter(range(10_000))

    def empty(kind: str = "docs") -> Path:
        return folder / f"{kind}-{next(folders)}"
    # The generator's own work is timed in turns with the builds below, after one run that loads
    # its dictionaries (jieba's, pypinyin's) and compiles its templates. `generator_process_s`
    # below is the whole step, start-up included.
    generate(data, empty())
    # Its work without the disk: the pages rendered in memory, none written.
    computes = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        _, site_model = load_site(data)
        render(site_model, data.as_posix())
        computes.append(time.perf_counter() - start)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # The generator as `make site` runs it: a new process, its imports and dictionaries loaded.
    processes = []
    for _ in range(REPEAT):
        processes.append(timed([sys.executable, "-m", "generator", "generate", "--data", str(data),
                                "--docs", str(empty()), "--site", str(empty("site")),
                                "--config", str(folder / "mkdocs.yml")],
                               env=env, cwd=ROOT))
    generators, builds, bares, zensicals = [], [], [], []
    zensical_docs = empty()  # one folder, so that Zensical's second build finds its cache
    # In turns, so that each meets the machine as the others do.
    for _ in range(REPEAT):
        start = time.perf_counter()
        generate(data, empty())
        generators.append(time.perf_counter() - start)
        docs, site = empty(), empty("site")  # each `make site` from an empty docs/
        builds.append(timed(make_site(data, docs, site, folder, "mkdocs"), env=env))
        bare_config = folder / "bare.yml"
        bare_config.write_text(BARE_CONFIG.format(docs=docs, site=empty("bare-site")),
                               encoding="utf-8")
        bares.append(timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare_config)],
                           env=env))
        zensicals.append(timed(make_site(data, zensical_docs, empty("zensical-site"), folder,
                                         "zensical"), env=env))
    generator, build, bare, zensical = min(generators), min(builds), min(bares), min(zensicals)
    return {
        "shape": shape,
        "tasks": tasks,
        "units": len(list((site / "units").glob("*/index.html"))),
        "pages": len(list(site.rglob("index.html"))),
        "generator_s": round(generator, 2),
        "generator_in_memory_s": round(min(computes), 2),
        "generator_process_s": round(min(processes), 2),
        "build_s": round(build, 2),
        "bare_s": round(bare, 2),
        "generator_share": round(generator / build, 3),
        "in_memory_share": round(min(computes) / build, 3),
        "file_create_ms": round(file_create_ms(folder), 2),
        "build_over_bare": round(build / bare, 2),
        "zensical_cold_s": round(zensicals[0], 2),
        "zensical_s": round(zensical, 2),
        "zensical_over_mkdocs": round(zensical / build, 2),
        **{f"largest_{kind}_kb": largest_kb(site, kind) for kind in KINDS},
        **search_figures(site, data),
    }


def file_create_ms(folder: Path, count: int = 1000) -> float:
    """What creating one small file costs on this disk now: every build writes thousands (the
    generator a page each, the engine a page and a copy of each download and feed), and on this
    project's virtual machine it has ranged from 0.04 to 0.9 ms within an hour. The files stay
    until the benchmark ends, as every run's do."""
    scratch = folder / f"file-create-{time.perf_counter_ns()}"
    scratch.mkdir()
    start = time.perf_counter()
    for i in range(count):
        (scratch / f"{i}.md").write_bytes(b"x" * 4096)
    return (time.perf_counter() - start) / count * 1000


def largest_kb(site: Path, kind: str) -> float:
    pages = [page for page in site.glob(KINDS[kind])
             if kind != "unit" or page.parent != site / "units"]
    return round(max(page.stat().st_size for page in pages) / 1024, 1)


def missed(row: dict) -> list[str]:
    """The bounds this build missed, each said in a line."""
    where = f"{row['shape']} plan of {row['tasks']} tasks"
    problems = [f"{where}: largest {kind} page {row[f'largest_{kind}_kb']} KB > {PAGE_KB} KB"
                for kind in KINDS if row[f"largest_{kind}_kb"] > PAGE_KB]
    if row["largest_task_kb"] > TASK_PAGE_KB:
        problems.append(f"{where}: largest task page {row['largest_task_kb']} KB > {TASK_PAGE_KB} KB")
    if row["generator_share"] > GENERATOR_SHARE:
        problems.append(f"{where}: generator {row['generator_share']:.1%} of the build > "
                        f"{GENERATOR_SHARE:.0%}")
    return problems


def make_site(data: Path, docs: Path, site: Path, folder: Path, engine: str) -> list[str]:
    # The engine's configuration beside docs/: Zensical wants docs/ and the site inside its folder.
    return ["make", "--no-print-directory", "-C", str(ROOT), "site", f"ENGINE={engine}",
            f"DATA={data}", f"DOCS={docs}", f"SITE={site}", f"BUILD={folder / 'build'}",
            f"CONFIG={folder / 'mkdocs.yml'}"]


def search_figures(site: Path, data: Path) -> dict:
    """What a reader's browser fetches to search the built site for its first unit's name, and
    the milliseconds from the last keystroke to the results shown (median, 95th percentile)
    over a sample of the queries generated from the plan (tests/search_queries.py)."""
    from playwright.sync_api import sync_playwright

    from generator.build import load_plan
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serving
    from tests.search_eval import first_search_bytes as measure_search
    from tests.search_eval import latency, run
    from tests.search_queries import latency_sample

    plan = load_plan(data)
    with serving(site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            size = measure_search(browser, origin, plan.units[0].name)
            median, p95 = latency(run(browser.new_page(), origin, latency_sample(plan)))
        finally:
            browser.close()
    return {"first_search_kb": round(size / 1024, 1), "search_ms_median": round(median),
            "search_ms_p95": round(p95)}


def table(rows: list[dict]) -> str:
    columns = list(rows[0])
    lines = [" | ".join(columns), " | ".join("---" for _ in columns)]
    lines += [" | ".join(str(row[c]) for c in columns) for row in rows]
    return "\n".join(lines)


def main(sizes=SIZES, shapes=SHAPES) -> int:
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for shape in shapes:
            for tasks in sizes:
                rows.append(measure(tasks, Path(scratch) / f"{shape}-{tasks}", shape))
                print(f"measured the {shape} plan of {tasks} tasks", file=sys.stderr)
    for shape in shapes:
        print(f"\n{shape} plans\n")
        print(table([row for row in rows if row["shape"] == shape]))
        by_size = {row["tasks"]: row for row in rows if row["shape"] == shape}
        if 1000 in by_size and 2000 in by_size:
            print(f"\n2,000 / 1,000 tasks build time: "
                  f"{by_size[2000]['build_s'] / by_size[1000]['build_s']:.2f}")
    print("\n" + json.dumps(rows))
    problems = [problem for row in rows for problem in missed(row)]
    for problem in problems:
        print(f"bound missed: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    # python bench/run.py [SIZE ...] [--shape even|skewed]
    args = sys.argv[1:]
    shapes = (args.pop(args.index("--shape") + 1),) if "--shape" in args else SHAPES
    args = [arg for arg in args if arg != "--shape"]
    sys.exit(main(tuple(int(n) for n in args) or SIZES, shapes))
