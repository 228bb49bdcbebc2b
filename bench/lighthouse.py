"""Lighthouse on every kind of page of a built site, served by nginx as deploy/nginx.conf
serves it (with its precompressed copies): `make lighthouse` prints the scores of each engine's
build, then of both engines' builds of a synthetic plan of another shape (bench/synthetic.py),
whose largest pages only a large plan has. tests/test_lighthouse.py holds accessibility, best
practices and SEO at 100. Performance depends on the machine and is a figure here, not a test.

    python bench/lighthouse.py mkdocs=site zensical=.build/site-zensical
    python bench/lighthouse.py --synthetic skewed:150
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import KINDS, make_site  # noqa: E402
from bench.synthetic import SHAPES, write  # noqa: E402
from generator.build import publish_urls  # noqa: E402
from tests.conftest import CHROMIUM, nginx_serving  # noqa: E402

# Each kind as the table names it, and as bench/run.py finds its pages.
NAMES = {"home": "home", "plan": "plan", "section": "section", "task": "task", "matrix": "matrix",
         "unit directory": "directory", "unit": "unit"}


def kinds(site: Path) -> dict[str, str]:
    """The largest page of each kind, by its HTML: the one that costs a phone the most."""
    def largest(kind: str) -> str:
        pages = [page for page in site.glob(KINDS[kind]) if kind != "unit" or page.parent != site / "units"]
        folder = max(pages, key=lambda page: page.stat().st_size).parent.relative_to(site).as_posix()
        return "/" if folder == "." else f"/{folder}/"
    return {name: largest(kind) for name, kind in NAMES.items()}


def run(site: Path) -> dict[str, dict]:
    """{kind: {"url": …, "scores": {category: 0-100}, "lost": [audit, …]}}"""
    pages = kinds(site)
    with tempfile.TemporaryDirectory() as work, nginx_serving(site, Path(work)) as origin:
        result = subprocess.run(["node", str(ROOT / "bench" / "lighthouse.mjs"),
                                 *(origin + path for path in pages.values())],
                                cwd=ROOT, capture_output=True, text=True, timeout=1800,
                                env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/local/bin:/usr/bin:/bin"})
    if result.returncode:
        raise RuntimeError(f"lighthouse failed:\n{result.stderr}")
    found = json.loads(result.stdout.strip().splitlines()[-1])
    return {kind: {"url": path, **found[origin + path]} for kind, path in pages.items()}


def synthetic(spec: str, folder: Path) -> list[str]:
    """`skewed:150`: that plan (bench/synthetic.py) built by each engine as `make site` builds
    it, in `folder`; the arguments that measure both builds."""
    shape, _, tasks = spec.partition(":")
    if shape not in SHAPES or not tasks.isdigit():
        raise SystemExit(f"--synthetic 应为 形状:任务数，形状为 {'、'.join(SHAPES)} 之一，如 skewed:150")
    data = write(int(tasks), folder, shape)
    publish_urls(data)
    built = []
    for engine in ("mkdocs", "zensical"):
        site = folder / f"site-{engine}"
        subprocess.run(make_site(data, folder / f"docs-{engine}", site, folder, engine), check=True,
                       capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        built.append(f"{engine}={site}")
    return built


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        if argv[:1] == ["--synthetic"]:
            print(f"synthetic plan {argv[1]} (bench/synthetic.py)")
            argv = synthetic(argv[1], Path(folder))
        print(f"{'engine':10} {'page':16} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  url, lost")
        for arg in argv:
            engine, _, site = arg.partition("=")
            for kind, found in run(Path(site)).items():
                scores = found["scores"]
                print(f"{engine:10} {kind:16} {scores['performance']:5} {scores['accessibility']:5} "
                      f"{scores['best-practices']:5} {scores['seo']:5}  {found['url']} "
                      f"{' '.join(found['lost'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
