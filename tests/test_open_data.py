"""The downloads: plan.json against its published schema, and the CSV tables, against the data."""
import csv
import io
import json

import jsonschema
import pytest

from generator.build import load_plan
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def plan():
    return load_plan(ROOT / "data")


def read_csv(site, name) -> list[dict]:
    raw = (site / "2017" / "downloads" / name).read_bytes()
    assert raw.startswith("\ufeff".encode()), f"{name} has no BOM, Excel would garble it"
    assert b"\r\n" in raw
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_plan_json_is_valid_against_its_published_schema(real_site, plan):
    data = json.loads((real_site / "2017/downloads/plan.json").read_text(encoding="utf-8"))
    schema = json.loads((real_site / "2017/downloads/plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["$schema"] == "plan.schema.json"
    assert data["document"]["number"] == "巴府办发〔2017〕45号"
    assert [t["label"] + t["title"] + "。" + t["text"] for t in data["tasks"]] == \
        [t.label + t.full_text for t in plan.tasks]
    assert [(t["lead"], t["responsible"]) for t in data["tasks"]] == [
        ([u.name for u in t.lead_units], [u.name for u in t.responsible_units]) for t in plan.tasks]
    assert [s["tasks"] for s in data["sections"]] == [[t.number for t in s.tasks] for s in plan.sections]
    for entry in data["units"] + data["tasks"] + data["sections"]:
        assert (real_site / entry["url"].lstrip("/") / "index.html").is_file(), entry["url"]


def test_the_schema_rejects_what_is_not_a_plan(real_site):
    data = json.loads((real_site / "2017/downloads/plan.json").read_text(encoding="utf-8"))
    schema = json.loads((real_site / "2017/downloads/plan.schema.json").read_text(encoding="utf-8"))
    del data["tasks"][0]["lead"]
    with pytest.raises(jsonschema.ValidationError, match="'lead' is a required property"):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_tasks_csv(real_site, plan):
    rows = read_csv(real_site, "tasks.csv")
    assert [(r["序号"], r["编号"], r["任务"], r["内容"], r["责任分工"]) for r in rows] == [
        (str(t.number), t.label, t.title, t.text, t.responsibility) for t in plan.tasks]
    fifteen = rows[14]
    assert fifteen["牵头单位"] == "市政府法制办"
    assert fifteen["责任单位"] == "市人力资源社会保障局、有行政执法职责的市级部门、各县（区）人民政府"
    assert fifteen["部分"] == "四、加强监督管理，切实规范行政执法行为"


def test_units_csv(real_site, plan):
    rows = read_csv(real_site, "units.csv")
    assert [r["单位"] for r in rows] == [u.name for u in plan.units]
    assert [(int(r["牵头任务数"]), int(r["责任任务数"])) for r in rows] == [
        (len(plan.tasks_led_by(u)), len(plan.tasks_assigned_to(u))) for u in plan.units]
    legal = next(r for r in rows if r["单位"] == "市政府法制办")
    assert (legal["统称"], legal["又称"], legal["网址"]) == ("否", "法制办、市法制办",
                                                       "/units/shi-zheng-fu-fa-zhi-ban/")


def test_responsibilities_csv_has_a_row_per_task_unit_and_role(real_site, plan):
    rows = read_csv(real_site, "responsibilities.csv")
    expected = [(str(t.number), u.name, "牵头") for t in plan.tasks for u in t.lead_units]
    expected += [(str(t.number), u.name, "责任") for t in plan.tasks for u in t.responsible_units]
    assert sorted((r["任务序号"], r["单位"], r["角色"]) for r in rows) == sorted(expected)
    assert len(rows) == len(expected) == 36 + 45  # 36 leads; two responsible per task, three in （十五）


def test_the_plans_page_links_the_downloads_and_the_home_page_leads_there(real_site):
    html = (real_site / "2017" / "index.html").read_text(encoding="utf-8")
    for name in ("plan.json", "plan.schema.json", "tasks.csv", "units.csv", "responsibilities.csv"):
        assert f'href="downloads/{name}"' in html
    assert 'href="2017/#open-data"' in (real_site / "index.html").read_text(encoding="utf-8")


def test_the_site_wide_tables_are_each_years_with_a_year_column(real_site):
    for name in ("tasks.csv", "units.csv", "responsibilities.csv", "progress.csv"):
        own = (real_site / "2017" / "downloads" / name).read_text(encoding="utf-8-sig").splitlines()
        merged = (real_site / "downloads" / name).read_text(encoding="utf-8-sig").splitlines()
        assert merged[0] == "year," + own[0]
        assert merged[1:] == ["2017," + line for line in own[1:]]
