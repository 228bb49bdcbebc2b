"""Status, drawn at build time as HTML and CSS: a badge with its word, a bar chart with its numbers.

Colour never carries the meaning alone: every badge shows the status in words, and every bar
has its count and share written beside it, so the chart reads without colour or JavaScript.
"""
from generator.model.progress import STATUS_CLASSES, Entry

NO_ENTRY = "尚无进展记录"


def badge(status: str) -> str:
    return f'<span class="status-badge status-badge--{STATUS_CLASSES[status]}">{status}</span>'


def status_cell(entry: Entry | None) -> str:
    """A task's current status for a table cell: its badge and date, or that none is recorded."""
    if entry is None:
        return NO_ENTRY
    return f'{badge(entry.status)} <time datetime="{entry.date.isoformat()}">{entry.date.isoformat()}</time>'


def status_chart(counts: list[tuple[str, int]], caption: str) -> str:
    """A horizontal bar per status, in one raw HTML block (no blank line, so Markdown keeps it)."""
    total = sum(n for _, n in counts) or 1
    rows = []
    for status, n in counts:
        share = 100 * n / total
        label = badge(status) if status else NO_ENTRY
        kind = STATUS_CLASSES[status] if status else "none"
        rows.append(
            f'<tr><th scope="row">{label}</th><td class="status-chart__count">{n} 项</td>'
            f'<td class="status-chart__share">{share:.0f}%</td>'
            # an SVG bar: its length is an attribute, where a style attribute would need the
            # Content-Security-Policy to allow inline styles
            '<td class="status-chart__bar-cell" aria-hidden="true"><svg class="status-chart__bar" '
            'viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">'
            f'<rect class="status-chart__bar--{kind}" width="{max(share, 0.5):.1f}" height="10"/>'
            '</svg></td></tr>')
    return ('<figure class="status-chart">'
            f'<figcaption>{caption}</figcaption>'
            '<table class="status-chart__table"><thead><tr><th scope="col">状态</th><th scope="col">任务数</th>'
            '<th scope="col">占比</th><th scope="col"><span class="sr-only">图示</span></th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></figure>')
