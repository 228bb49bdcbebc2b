"""Lighthouse on every kind of page of a built site, served by nginx as deploy/nginx.conf
serves it (with its precompressed copies): `make lighthouse` prints the scores of each engine's
build; tests/test_lighthouse.py holds accessibility, best practices and SEO at 100. Performance
depends on the machine and is a figure here, not a test.

    python bench/lighthouse.py mkdocs=site zensical=.build/site-zensical
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, nginx_serving  # noqa: E402


def kinds(site: Path) -> dict[str, str]:
    """A page of each kind, by the site's own folders: the first of each, sorted."""
    def first(pattern: str) -> str:
        found = sorted(site.glob(pattern))
        return "/" + found[0].parent.relative_to(site).as_posix() + "/"
    return {"home": "/", "plan": first("[0-9][0-9][0-9][0-9]/index.html").replace("//", "/"),
            "section": first("[0-9]*/sections/*/index.html"), "task": first("[0-9]*/tasks/*/index.html"),
            "matrix": first("[0-9]*/matrix/index.html"), "unit directory": "/units/",
            "unit": first("units/*/index.html")}


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


def main(argv: list[str]) -> int:
    print(f"{'engine':10} {'page':16} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  lost")
    for arg in argv:
        engine, _, folder = arg.partition("=")
        for kind, found in run(Path(folder)).items():
            scores = found["scores"]
            print(f"{engine:10} {kind:16} {scores['performance']:5} {scores['accessibility']:5} "
                  f"{scores['best-practices']:5} {scores['seo']:5}  {' '.join(found['lost'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
