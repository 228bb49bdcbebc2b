"""The pages that keep old URLs working, rewritten in Chinese and without an inline script.

Both engines write a redirect page for each old URL (mkdocs-redirects' fixed English template,
Zensical's redirect.html), each with an inline script the site's Content-Security-Policy
refuses. This writes each again: lang="zh-CN", a Chinese sentence with a link, the refresh and
canonical link the engines wrote, and the script that keeps the address's #fragment as a file.
"""
import html
import re
import urllib.parse
from pathlib import Path

TITLE = "页面已移至新地址"
_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0;\s*url=([^"]+)"', re.I)
_PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="canonical" href="{target}">
<script src="{root}assets/javascripts/redirect.js"></script>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>本页已移至新地址。如未自动跳转，请打开<a href="{target}">新页面</a>。</p>
</body>
</html>
"""


def target_of(text: str) -> str | None:
    """Where an engine's redirect page sends the reader, or None for any other page."""
    found = _REFRESH.search(text[:2000])
    return html.unescape(found.group(1)) if found else None


def rewrite(site: Path, csp: str) -> int:
    """Rewrite every redirect page under `site`; the number rewritten."""
    count = 0
    for path in sorted(site.rglob("*.html")):
        target = target_of(path.read_text(encoding="utf-8"))
        if target is None:
            continue
        parts = urllib.parse.urlsplit(target)
        if parts.scheme or parts.netloc:  # the data's redirects are checked to stay on the site
            raise ValueError(f"{path}: a redirect to another host: {target}")
        depth = len(path.relative_to(site).parts) - 1
        path.write_text(_PAGE.format(
            csp=html.escape(csp), title=TITLE, root="../" * depth,
            target=html.escape(urllib.parse.quote(target, safe="/#?&=%.-_~"))), encoding="utf-8")
        count += 1
    return count
