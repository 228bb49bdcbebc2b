"""The page-design metadata of each page (政府网站网页设计规范): what kind of page it is and, for
a column or an article page, its column and article fields.

The site's own fields (SiteName, SiteDomain, SiteIDCode) come from the site settings through the
engine's configuration; the page's fields are written into its front matter here, as plain text,
and overrides/main.html writes each into a `<meta>` through the attribute encoder.
"""
from generator.model.plan import Plan, Section, Task
from generator.site.pages import Output, Site

# The 政府网站 function a page serves: every page of the site publishes information.
COLUMN_TYPE = "信息发布"


def metadata(site: Site, page: Output, plan: Plan) -> dict[str, str]:
    """Front matter keys read by overrides/main.html: `design_kind` (site, column or article:
    the page's kind says which) and the fields of that kind."""
    document = plan.document
    if page.kind.design == "site":
        return {"design_kind": "site",
                "description": _clip("、".join(f"{p.year}年：{p.title}" for p in site.plans)
                                     + "：各部分、各项任务及牵头单位、责任单位")}
    column = page.nav[0] if page.nav else page.title or ""
    fields = {"design_kind": "column", "design_column": column, "design_column_type": COLUMN_TYPE}
    record = page.record
    if page.kind.design == "article":
        title = document.title if record is None else _title_of(record)
        units = record.lead_units + record.responsible_units if isinstance(record, Task) else ()
        fields.update({
            "design_kind": "article", "design_article": title,
            "design_pubdate": document.published, "design_source": document.issuer,
            "design_keywords": ",".join(dict.fromkeys(
                ["法治政府建设", f"{plan.year}年", document.number] + [u.name for u in units])),
            "description": _clip(_description(plan, record))})
    elif record is not None and hasattr(record, "name"):
        fields["description"] = _clip(f"{record.name}在{site.plan.title if len(site.plans) == 1 else '各年度工作安排'}"
                                      "中牵头和负责的任务")
    return fields


def _title_of(record) -> str:
    if isinstance(record, Task):
        return f"（{record.numeral}）{record.title}"
    if isinstance(record, Section):
        return f"{record.numeral}、{record.title}"
    return str(record)


def _description(plan: Plan, record) -> str:
    if isinstance(record, Task):
        return f"{plan.title}任务（{record.numeral}）{record.title}：{record.text}"
    if isinstance(record, Section):
        return f"{plan.title}第{record.numeral}部分：{record.title}，{len(record.tasks)}项任务"
    return f"{plan.document.number}《{plan.title}》：{plan.preamble}"


def _clip(text: str, limit: int = 120) -> str:
    """A description a search engine shows whole."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
