"""Compare the site's search with the candidates it was chosen over, on the same queries.

    python bench/search_candidates.py SITE [BIG_SITE BIG_DATA]

SITE is a site built by `make site` (the real plan); BIG_SITE and BIG_DATA, optional, a site
built of a 2,000-task synthetic plan and that plan. For each candidate it prints hit@1, hit@3, unit names at rank 1 over the
generated queries of tests/search_queries.py, and the bytes of the first search at both sizes.

- pagefind: the site's own search box (tests/search_eval.py), as shipped;
- bigram: an index of character bigrams sharded by first character, built here from the same
  pages' indexed text into SITE/bigram/, searched by bench/bigram.js in Chromium;
- material: Material's own search improved: the same pages (with the same hidden names and
  pinyin of units), its index cut by jieba in search mode (bench/material_hook.py), and the
  query read with NFKC, punctuation turned into spaces, before Material reads it. Built here
  from data/ (and DATA of the big site, when given) with bench/material.yml.

The Material search the site used before is measured by tests/search_eval.py on a site built
from the commit before the change (its figures are in the README).
"""
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import search_eval  # noqa: E402
from tests.search_queries import UNIT_KINDS  # noqa: E402

BLOCK = 64
_SKIP = re.compile(r"\bheaderlink\b|\btask-pager\b")


class _Page(HTMLParser):
    """The text a page gives the search index: its data-pagefind-body, less what is excluded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.body, self.skip, self.title, self.text = [], 0, 0, [], []
        self.in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        body = "data-pagefind-body" in attrs
        skip = "data-search-exclude" in attrs or bool(_SKIP.search(attrs.get("class") or ""))
        if tag in ("br", "img", "hr", "input", "meta", "link"):
            return
        self.stack.append((body, skip, tag == "h1"))
        self.body += body
        self.skip += skip
        self.in_h1 = self.in_h1 or (tag == "h1" and self.body > 0)

    def handle_endtag(self, tag):
        if tag in ("br", "img", "hr", "input", "meta", "link") or not self.stack:
            return
        body, skip, h1 = self.stack.pop()
        self.body -= body
        self.skip -= skip
        if h1:
            self.in_h1 = False

    def handle_data(self, data):
        if self.body and not self.skip:
            self.text.append(data)
            if self.in_h1:
                self.title.append(data)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join("".join(ch if unicodedata.category(ch)[0] not in "PSZ" else " "
                            for ch in text).split())


def tokens(text: str) -> list[str]:
    out = []
    for part in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+", fold(text)):
        n = 2 if re.match(r"[\u3400-\u9fff\uf900-\ufaff]", part) else 3
        out += [part] if len(part) <= n else [part[i:i + n] for i in range(len(part) - n + 1)]
    return out


def build_bigram(site: Path) -> None:
    pages = []
    postings: dict[str, dict[int, list[int]]] = defaultdict(dict)
    for path in sorted(site.rglob("index.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        if not parser.text:
            continue
        url = "/" + path.parent.relative_to(site).as_posix() + "/"
        url = "/" if url == "/./" else url
        page_id = len(pages)
        title = "".join(parser.title).strip()
        pages.append([url, title])
        for field, text in ((1, title), (2, " ".join(parser.text))):
            for token in tokens(text):
                counts = postings[token].setdefault(page_id, [page_id, 0, 0])
                counts[field] += 1
    out = site / "bigram"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    shards: dict[str, dict] = defaultdict(dict)
    for token, by_page in postings.items():
        shards[format(ord(token[0]), "x")][token] = list(by_page.values())
    for key, shard in shards.items():
        (out / f"{key}.json").write_text(json.dumps(shard, ensure_ascii=False, separators=(",", ":")),
                                         encoding="utf-8")
    for start in range(0, len(pages), BLOCK):
        (out / f"pages-{start // BLOCK}.json").write_text(
            json.dumps(pages[start:start + BLOCK], ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8")
    (out / "info.json").write_text(json.dumps({"block": BLOCK}), encoding="utf-8")
    shutil.copy(ROOT / "bench" / "bigram.js", out / "bigram.js")


def bigram_results(browser, origin: str, queries) -> list[search_eval.Result]:
    page = browser.new_page()
    page.goto(origin + "/")
    page.add_script_tag(url=origin + "/bigram/bigram.js")
    results = [search_eval.Result(q, tuple(page.evaluate("q => bigramSearch(q)", q.text)[:10]))
               for q in queries]
    page.close()
    return results


def bigram_first_bytes(browser, origin: str, text: str) -> int:
    context = browser.new_context()
    page = context.new_page()
    fetched = []
    page.on("response", lambda r: "/bigram/" in r.url and fetched.append(r))
    page.goto(origin + "/")
    page.add_script_tag(url=origin + "/bigram/bigram.js")
    page.evaluate("q => bigramSearch(q)", text)
    size = sum(len(r.body()) for r in fetched)
    context.close()
    return size


MATERIAL_CONFIG = """\
INHERIT: {root}/mkdocs.yml
docs_dir: {docs}
watch:
  - {root}/data
hooks:
  - {root}/generator/mkdocs_hook.py
  - {root}/bench/material_hook.py
theme:
  name: material
  custom_dir: {overrides}
plugins:
  - search:
      lang: zh
  - redirects
"""
# Material reads the query on keyup: normalise it first, as the site's search does.
NORMALISE = """
document.addEventListener("keyup", function (event) {
  var box = event.target
  if (!box.matches || !box.matches(".md-search__input")) return
  var folded = box.value.normalize("NFKC").replace(/[\\p{P}\\p{S}]+/gu, " ")
  if (folded !== box.value) box.value = folded
}, true)
"""


def build_material(data: Path, out: Path) -> Path:
    """A site of `data` searched by Material's improved search; returns its folder."""
    import os
    import subprocess

    overrides = out / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    for partial in ("header.html", "search.html", "content.html"):
        (overrides / "partials" / partial).unlink()
    (overrides / "assets/javascripts/search.js").write_text(NORMALISE, encoding="utf-8")
    config = out / "material.yml"
    config.write_text(MATERIAL_CONFIG.format(root=ROOT, docs=out / "docs", overrides=overrides),
                      encoding="utf-8")
    (out / "docs").mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PLAN_DATA": str(data), "PLAN_DOCS": str(out / "docs"),
           "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                             "--site-dir", str(out / "site")], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        sys.exit(result.stderr[-3000:])
    return out / "site"


def row(name: str, results, small: int, big: int | None) -> str:
    units = search_eval.unit_results(results)
    return (f"| {name} | {search_eval.hit_rate(results, 1):.1%} | {search_eval.hit_rate(results, 3):.1%} "
            f"| {sum(r.rank == 1 for r in units)} / {len(units)} | {small:,} B | "
            + (f"{big:,} B" if big is not None else "not measured") + " |")


def main(site: Path, big: Path | None, big_data: Path | None) -> int:
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serving

    generated, _ = search_eval.load_queries()
    # The first unit's name of the real plan, which the synthetic plans use too.
    probe = generated[0].text
    results, figures = {}, {"small": {}, "big": {}}
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        sites = {"small": Path(scratch) / "small"}
        shutil.copytree(site, sites["small"])
        if big:
            sites["big"] = Path(scratch) / "big"
            shutil.copytree(big, sites["big"])
        for size, copy in sites.items():
            build_bigram(copy)
            with serving(copy) as origin:
                figures[size]["pagefind"] = search_eval.first_search_bytes(browser, origin, probe)
                figures[size]["bigram"] = bigram_first_bytes(browser, origin, probe)
                if size == "small":
                    page = browser.new_page()
                    results["pagefind"] = search_eval.run(page, origin, generated)
                    page.close()
                    results["bigram"] = bigram_results(browser, origin, generated)
        materials = {"small": build_material(ROOT / "data", Path(scratch) / "m")}
        if big_data:
            materials["big"] = build_material(big_data, Path(scratch) / "mbig")
        for size, copy in materials.items():
            with serving(copy) as origin:
                figures[size]["material"] = search_eval.first_search_bytes(browser, origin, probe)
                if size == "small":
                    page = browser.new_page()
                    results["material"] = search_eval.run(page, origin, generated)
                    page.close()
        browser.close()
    print("| candidate | hit@1 | hit@3 | unit names at rank 1 | first search, 22 tasks | "
          "first search, 2,000 tasks |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in ("material", "pagefind", "bigram"):
        print(row(name, results[name], figures["small"][name], figures["big"].get(name)))
    for name, found in results.items():
        misses = [f"{r.query.text}→{r.rank or '-'}" for r in found
                  if (r.rank != 1 if r.query.kind in UNIT_KINDS else not r.rank or r.rank > 3)]
        print(f"{name} misses ({len(misses)}): {', '.join(misses[:40]) or 'none'}")
    return 0


if __name__ == "__main__":
    args = [Path(arg) for arg in sys.argv[1:]]
    sys.exit(main(args[0], *(args[1:3] + [None] * (3 - len(args)))[:2]))
