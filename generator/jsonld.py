"""The notice's metadata as schema.org JSON-LD: the plan's page a Legislation, each task a part of it.

Addresses are absolute under site_url when it is known, else relative to the page, which a
JSON-LD reader resolves against the page's own address.
"""
import json

from . import urls
from .model import Plan, Task
from .progress import written_date

LEGISLATION = "#legislation"  # the @id fragment of the notice on the plan's page


def _address(from_page: str, to_page: str, site_url: str) -> str:
    target = urls.url_of(to_page)
    if site_url:
        return site_url.rstrip("/") + target
    depth = urls.url_of(from_page).count("/") - 1
    return "../" * depth + target.lstrip("/") or "./"


def legislation(plan: Plan, from_page: str, site_url: str) -> dict:
    document = plan.document
    data = {
        "@type": "Legislation",
        "@id": _address(from_page, urls.HOME, site_url) + LEGISLATION,
        "name": document.title,
        "legislationIdentifier": document.number,
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": document.issuer},
        "inLanguage": "zh-CN",
        "url": _address(from_page, urls.HOME, site_url),
    }
    written = written_date(document)
    if written:
        data["legislationDate"] = written.isoformat()
    return data


def plan_page(plan: Plan, site_url: str) -> str:
    data = {"@context": "https://schema.org", **legislation(plan, urls.HOME, site_url),
            "hasPart": [{"@id": _address(urls.HOME, urls.task_page(task.slug), site_url)}
                        for task in plan.tasks]}
    return script_text(data)


def task_page(plan: Plan, task: Task, site_url: str) -> str:
    page = urls.task_page(task.slug)
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": _address(page, page, site_url),
        "name": f"{task.label}{task.title}",
        "legislationType": "任务",
        "position": task.number,
        "inLanguage": "zh-CN",
        "isPartOf": legislation(plan, page, site_url),
    }
    return script_text(data)


def script_text(data: dict) -> str:
    """JSON for a <script> element: '<', '>' and '&' escaped, so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
