"""The notice's metadata as schema.org JSON-LD: the plan's page a Legislation, each task a part of it.

Addresses are absolute under site_url when it is known, else relative to the page, which a
JSON-LD reader resolves against the page's own address.
"""
import json
from typing import TYPE_CHECKING

from generator.model.plan import Plan, Task
from generator.model.progress import written_date
from generator.site.urls import address

if TYPE_CHECKING:
    from generator.site.pages import Site

LEGISLATION = "#legislation"  # the @id fragment of the notice on the plan's page


def legislation(site: "Site", from_url: str, site_url: str, plan: Plan | None = None) -> dict:
    """The notice of a plan (the newest unless given), whose page is the plan's page."""
    plan = plan or site.plan
    document = plan.document
    home = site.the("plan", plan).url
    data = {
        "@type": "Legislation",
        "@id": address(from_url, home, site_url) + LEGISLATION,
        "name": document.title,
        "legislationIdentifier": document.number,
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": document.issuer},
        "inLanguage": "zh-CN",
        "url": address(from_url, home, site_url),
    }
    written = written_date(document)
    if written:
        data["legislationDate"] = written.isoformat()
    return data


# A plan's page lists its tasks as parts while they are few; past that the list would outweigh
# the page (200 KB at 2,000 tasks), and each task's page still names the plan it is part of.
PARTS_LISTED = 100


def plan_page(site: "Site", site_url: str, plan: Plan | None = None, page=None) -> str:
    """The JSON-LD of a plan's page (or of the home page, which shows the newest plan)."""
    plan = plan or site.plan
    here = page.url if page is not None else site.the("plan", plan).url
    data = {"@context": "https://schema.org", **legislation(site, here, site_url, plan)}
    if len(plan.tasks) <= PARTS_LISTED:
        data["hasPart"] = [{"@id": address(here, site.url_of(task), site_url)}
                           for task in plan.tasks]
    return script_text(data)


def task_page(site: "Site", task: Task, site_url: str, plan: Plan | None = None) -> str:
    page = site.url_of(task)
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": address(page, page, site_url),
        "name": f"{task.label}{task.title}",
        "legislationType": "任务",
        "position": task.number,
        "inLanguage": "zh-CN",
        "isPartOf": legislation(site, page, site_url, plan),
    }
    return script_text(data)


def script_text(data: dict) -> str:
    """JSON for a <script> element: '<', '>' and '&' escaped, so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
