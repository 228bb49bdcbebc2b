"""A corpus of hostile values, the data files they are put into, and the fields that may hold them.

Every field a data file may hold is found by walking its JSON Schema, not listed by hand, so a
field added to a schema is tried with every value here the day it is added.
"""
import contextlib
import copy
import functools
import io
import json
from pathlib import Path

import yaml

from generator.__main__ import main
from generator.inputs.load import load
from tests.conftest import FIXTURES, ROOT

SCHEMAS = ROOT / "generator" / "schema"

# What an attacker, a careless paste or another office's spreadsheet may put into a field. Each
# is put in front of the field's own value, so that a text keeps what the rest of the data needs
# of it (a year in the 发文字号) and a cell starts with what a spreadsheet would run.
VALUES = {
    "script": "</title><script>alert(1)</script>",
    "image with handler": "<img src=x onerror=alert(2)>",
    "attribute break": "\"><svg onload=alert(3)>",
    "single-quoted attribute break": "'><b onmouseover=alert(4)>b</b>",
    "markdown link": "[点击查看](https://evil.example/phish)",
    "markdown image": "![图](https://evil.example/x.png)",
    "javascript link": "[x](javascript:alert(5))",
    "autolink": "<https://evil.example/>",
    "attribute list": "{: onclick=\"alert(6)\" } { #id .class onclick=alert(6) }",
    "entities": "&lt;script&gt;alert(7)&lt;/script&gt; &amp; &#60;i&#62;",
    "template": "{{ 7*7 }}{% raw %}{# #}",
    "markdown in html": "<div markdown=\"1\">**粗体**</div>",
    "emphasis and code": "**粗体** _斜体_ `代码` ~~删除~~",
    "table and heading": "| a | b |\n# 标题",
    "comment": "<!-- 注释 --> -->",
    "formula": "=HYPERLINK(\"http://evil.example/\",\"点击查看详情\")",
    "dde formula": "-2+3+cmd|' /C calc'!A0",
    "at formula": "@SUM(1+1)*cmd|' /C calc'!A0",
    "plus formula": "+1+1",
    "tab formula": "\t=1+1",
    "zero-width space": "市司\u200b法局",
    "right-to-left override": "文件\u202eexe.txt",
    "noncharacter": "进展\ufffe",
    "lone surrogate": "\ud800",
    "escape sequence": "\x1b[31m红色\x1b[0m",
    "bell": "\x07",
    "address with markdown": "https://example.com/[x](autofocus/onfocus=alert(document.domain)//)",
    "address with quotes": "https://example.com/\"><img src=x onerror=alert(8)>",
    "address with markup": "https://example.com/\"><img/src=x/onerror=alert(8)>",
    "address with user": "https://www.gov.cn@evil.example/",
    "javascript address": "javascript:alert(9)",
    "protocol-relative address": "//evil.example/x",
    "data address": "data:text/html,<script>alert(10)</script>",
    "path traversal": "/../../../../tmp/x/",
    "index page": "/index/",
}
# Formulas, which only the CSV encoder has to neutralise.
FORMULAS = [name for name in VALUES if name.endswith("formula")]


FILES = {"plan": "plans/2020.yaml", "progress": "progress/2020.yaml", "site": "site.yaml"}


def base() -> dict:
    """A copy of the base data: {"plan": …, "progress": …, "site": …}, the three files."""
    return copy.deepcopy({"plan": _base_plan(), "progress": _base_progress(), "site": _base_site()})


@functools.cache
def _base_plan() -> dict:
    """The fixture plan with every field a plan may hold given a value, every URL pinned by a
    slug (so that a hostile title or name does not move its page), a redirect and a successor."""
    plan = yaml.safe_load((FIXTURES / "small_plan.yaml").read_text(encoding="utf-8"))
    for section in plan["sections"]:
        section["slug"] = {"一": "jue-ce", "二": "bao-zhang"}[section["number"]]
        for task in section["tasks"]:
            task["slug"] = {"一": "ren-wu-yi", "二": "ren-wu-er", "三": "ren-wu-san"}[task["number"]]
    for unit, slug in zip(plan["units"], ["fa-zhi-ban", "si-fa-ju", "cai-zheng-ju", "bu-men", "xian-qu"]):
        unit["slug"] = slug
    plan["document"].update(index_number="000000000/2020-00001", subject="综合政务", validity="有效")
    first = plan["units"][0]
    first.update(full_name="某市人民政府法制办公室", aliases=["法制办"], collective=False,
                 successor={"name": "市司法局", "date": "2020-05-01",
                            "source": "https://example.org/reform/2020.html"})
    plan["redirects"] = [{"from": "/old/", "to": "/units/"}]
    return plan


@functools.cache
def _base_progress() -> list:
    return yaml.safe_load((FIXTURES / "small_progress" / "2020.yaml").read_text(encoding="utf-8"))


@functools.cache
def _base_site() -> dict:
    """Site settings with every field given (test values, of the fixture's made-up city)."""
    return {"name": "某市工作安排网", "sponsor": "某市人民政府办公室", "organizer": "某市司法局",
            "contact": {"address": "某市某路1号", "telephone": "0827-5261234",
                        "email": "office@example.gov.cn"},
            "site_code": "5119000001", "icp": "蜀ICP备12345678号", "police": "川公网安备 51190202000001号"}


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def write(folder: Path, data: dict, ledger: str | None = None, *, escaped: bool = False) -> Path:
    """A data folder as `make site` reads one: plans/2020.yaml, progress/2020.yaml, site.yaml,
    urls.txt; `escaped`: every character outside ASCII written as an escape ("\\u5e02")."""
    for file, name in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            text = yaml.dump(data[file], Dumper=_DUMPER, allow_unicode=not escaped, sort_keys=False,
                             width=1 << 20)
        except UnicodeEncodeError:  # libyaml cannot write a lone surrogate; PyYAML escapes it
            text = yaml.safe_dump(data[file], allow_unicode=not escaped, sort_keys=False, width=1 << 20)
        path.write_text(text, encoding="utf-8")
    if ledger is not None:
        (folder / "urls.txt").write_text(ledger, encoding="utf-8")
    return folder


def run(*argv: str) -> tuple[int, list[str]]:
    """The generator's command line, in this process; its exit status and what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stderr(out), contextlib.redirect_stdout(out):
        code = main(list(argv))
    return code, out.getvalue().splitlines()


def _resolve(schema: dict, root: dict) -> dict:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def fields(schema: dict, data, root: dict | None = None, path: tuple = ()) -> list[tuple]:
    """The path of every value the schema lets a file hold, in `data`: for a list of records,
    each field in the first record that has it. Fails when `data` lacks one, so the base data
    keeps up with the schema."""
    root = root or schema
    schema = _resolve(schema, root)
    if "properties" in schema:
        found = []
        for key, sub in schema["properties"].items():
            if "const" in _resolve(sub, root):
                continue  # draft: true holds no value of its own (a draft is never published)
            assert isinstance(data, dict) and key in data, f"the base data has no {path + (key,)}"
            found += fields(sub, data[key], root, path + (key,))
        return found
    if "items" in schema:
        item = _resolve(schema["items"], root)
        if "properties" not in item:
            return fields(item, data[0], root, path + (0,))
        found: dict = {}
        for key in item["properties"]:
            i = next((i for i, record in enumerate(data) if key in record), None)
            assert i is not None, f"the base data has no {path + ('*', key)}"
            for field in fields(item["properties"][key], data[i][key], root, path + (i, key)):
                found.setdefault(field[:len(path)] + field[len(path) + 1:], field)
        return list(found.values())
    return [path]


def every_field() -> list[tuple[str, tuple]]:
    """(file, path) of every field of the three data files, file being a key of FILES."""
    data = base()
    return [(file, path) for file, schema in (("plan", "plan-input"), ("progress", "progress-input"),
                                              ("site", "site-input"))
            for path in fields(json.loads((SCHEMAS / f"{schema}.schema.json").read_text(encoding="utf-8")),
                               data[file])]


def get(data, path: tuple):
    for step in path:
        data = data[step]
    return data


def put(data: dict, file: str, path: tuple, value) -> dict:
    """`data` (a copy from base(), changed in place and returned) with `value` in front of the
    field's own; a unit's name changes everywhere it is named (its tasks, their wording,
    progress, a successor)."""
    plan, progress = data["plan"], data["progress"]
    old = get(data[file], path)
    new = value + old if isinstance(old, str) else value
    get(data[file], path[:-1])[path[-1]] = new
    if file == "plan" and path[0] == "units" and path[-1] == "name":
        for task in (task for section in plan["sections"] for task in section["tasks"]):
            for role in ("lead", "responsible"):
                if role in task:
                    task[role] = [new if name == old else name for name in task[role]]
            task["responsibility"] = task["responsibility"].replace(old, new)
        for unit in plan["units"]:
            if unit.get("successor", {}).get("name") == old:
                unit["successor"]["name"] = new
        for entry in progress:
            entry["unit"] = new if entry["unit"] == old else entry["unit"]
    return data


def position(folder: Path, file: str, path: tuple) -> tuple[int, int]:
    """Line and column of a field in the written data."""
    return load(folder / FILES[file]).values[path]
