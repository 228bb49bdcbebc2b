"""The site's own settings, from `data/site.yaml` beside the plans: its name, who runs it, how to
reach them and how it is registered (网站标识码, ICP备案号, 公安机关备案号).

The file is read by the same loader and checked against its JSON Schema by the same machinery
as a plan (generator/schema/site-input.schema.json), so a mistake is reported at its line and
column. A field a government site needs but the data does not give is a warning, never an error:
the site cannot make up a registration number, and it is built without one until the number is
known (README, The site's identity).
"""
import re
import urllib.parse
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostic, PlanError
from generator.i18n import N_, _
from generator.inputs.data_folder import Inputs
from generator.inputs.load import Source, load, read_text
from generator.inputs.validate import Checker, Schema

SCHEMA = Schema("site-input.schema.json")
# Fields a government site shows in its footer (政府网站发展指引), each with its path in the file.
NEEDED = {
    ("sponsor",): "主办单位 (sponsor)",
    ("contact", "address"): "联系地址 (contact.address)",
    ("contact", "telephone"): "联系电话 (contact.telephone)",
    ("contact", "email"): "电子邮箱 (contact.email)",
    ("site_code",): "网站标识码 (site_code)",
    ("icp",): "ICP备案号 (icp)",
    ("police",): "公安机关备案号 (police)",
}
# The schema's titles, which the messages quote (see validate.TITLES; a test checks every one).
TITLES = (
    N_("the site's settings: data/site.yaml"),
    N_("the site's name, one line of text, independent of any year"),
    N_("the sponsoring body's name, one line of text (主办单位)"),
    N_("the body that runs the site, one line of text (承办单位)"),
    N_("a mapping of contact details"),
    N_("a postal address, one line of text"),
    N_("a telephone number"),
    N_("an e-mail address"),
    N_("the 网站标识码, ten letters or digits"),
    N_("the ICP备案号"),
    N_("the 公安机关备案号"),
)
# The registries where a reader checks the numbers: links only, nothing is loaded from them.
ICP_REGISTRY = "https://beian.miit.gov.cn/"
POLICE_REGISTRY = "https://beian.mps.gov.cn/#/query/webSearch?code={}"
_YEAR = re.compile(r"[0-9]{4}年度?")


@dataclass(frozen=True)
class Settings:
    name: str = ""  # empty: named after the newest plan, without its year
    sponsor: str = ""
    organizer: str = ""
    address: str = ""
    telephone: str = ""
    email: str = ""
    site_code: str = ""
    icp: str = ""
    police: str = ""
    warnings: tuple[Diagnostic, ...] = field(default=(), compare=False)

    def site_name(self, newest_plan_title: str) -> str:
        return self.name or _YEAR.sub("", newest_plan_title)

    def for_templates(self) -> dict[str, str]:
        """The settings as the theme's templates read them (config.extra.site), with the links
        to the registries; the templates escape every value for its place."""
        values = {key: getattr(self, key) for key in (
            "sponsor", "organizer", "address", "telephone", "email", "site_code", "icp", "police")}
        if self.icp:
            values["icp_link"] = ICP_REGISTRY
        if self.police:
            code = re.sub(r"[^0-9]", "", self.police)
            values["police_link"] = POLICE_REGISTRY.format(urllib.parse.quote(code))
        if self.email:
            values["email_link"] = "mailto:" + urllib.parse.quote(self.email, safe="@.+-_")
        return {key: value for key, value in values.items() if value}




class _Checker(Checker):
    """The plan's checker, its messages and positions, over the settings' schema."""

    def label(self, path) -> str:
        return ""


def load_settings(inputs: Inputs) -> Settings:
    """The settings of the site of `inputs` (data/site.yaml, or site.yaml beside a plan file given
    alone); PlanError with every error in the file. Missing fields a government site needs are
    in the result's warnings."""
    path, name = inputs.settings.path, inputs.settings.name
    if not path.is_file() and not inputs.is_folder:
        return Settings()  # a plan file built on its own, as a preview: no site around it
    if not path.is_file():
        return Settings(warnings=(Diagnostic(name, 1, 1, "warning", _(
            "no site settings: the site is named after the newest plan and its footer names no "
            "主办单位 or 备案号; write them in {file} (generator/schema/site-input.schema.json)")
            .format(file=name)),))
    if not read_text(path, name).strip():
        raise PlanError([Diagnostic(name, 1, 1, "error", _("the file is empty; expected a mapping "
                                                           "with at least the site's name: name: …"))])
    source = load(path, name)
    checker = _Checker(source, SCHEMA)
    for where, message in source.problems:
        checker.fail(where, message)
    checker.shape()
    checker.hidden_characters()  # what no input may hold, as in the plans
    if checker.problems:
        raise PlanError(checker.problems)
    data_ = source.data
    contact = data_.get("contact") or {}
    return Settings(
        name=data_["name"], sponsor=data_.get("sponsor", ""), organizer=data_.get("organizer", ""),
        address=contact.get("address", ""), telephone=contact.get("telephone", ""),
        email=contact.get("email", ""), site_code=data_.get("site_code", ""),
        icp=data_.get("icp", ""), police=data_.get("police", ""),
        warnings=tuple(_missing(source)))


def _missing(source: Source) -> list[Diagnostic]:
    found = []
    for path, what in NEEDED.items():
        value = source.data
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        if not value:
            found.append(source.diagnostic(path, _("no {what}: a government site shows it on every "
                                                   "page; add it when a published source gives it")
                                           .format(what=what), severity="warning"))
    return found
