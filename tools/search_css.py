"""Material's rules for its search box and results, out of its main stylesheet, for
overrides/assets/stylesheets/search.css (which Zensical's stylesheets lack):

    python tools/search_css.py .venv/lib/python3.11/site-packages/material/templates/assets/stylesheets/main.*.min.css

Run it again, and keep the comment at the head of search.css, when Material is upgraded.
"""
import re, sys
from pathlib import Path

def blocks(css, start=0, end=None):
    """(prelude, body) of each rule or at-rule at this level."""
    end = len(css) if end is None else end
    i = start
    while i < end:
        j = css.find("{", i)
        if j < 0 or j >= end:
            return
        depth, k = 1, j + 1
        while depth:
            if css[k] == "{": depth += 1
            elif css[k] == "}": depth -= 1
            k += 1
        yield css[i:j].strip(), j + 1, k - 1
        i = k

def wanted(prelude):
    return "md-search" in prelude or "data-md-toggle=search" in prelude

def extract(css, start=0, end=None):
    out = []
    for prelude, a, b in blocks(css, start, end):
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            inner = extract(css, a, b)
            if inner:
                out.append(prelude + "{" + "".join(inner) + "}")
        elif prelude.startswith("@"):
            continue
        elif wanted(prelude):
            out.append(prelude + "{" + css[a:b] + "}")
        elif prelude.startswith(":root") or prelude == "[data-md-color-scheme=default]":
            props = [p for p in re.split(r";(?=--)", css[a:b]) if p.startswith("--md-search")]
            if props:
                out.append(prelude + "{" + ";".join(props) + "}")
    return out

css = Path(sys.argv[1]).read_text()
css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
print("\n".join(extract(css)))
