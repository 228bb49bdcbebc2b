"""The units' forms for the real 2017 plan: what they list (by rule from data/plans/2017.yaml),
every kind of mistake in a returned form reported at its cell and nothing written, the entries
appended to the progress file's text, and files that are not forms refused with a message.

Every import here writes into a copy of data/ in a temporary folder: no test entry ever reaches
the real data/progress/."""
import contextlib
import datetime
import importlib
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml

from generator.build import load_plan
from generator.inputs.limits import size
from generator.model.progress import STATUSES
from generator.yearloop import forms_messages as M
from tests.conftest import ROOT


# the forms' commands as a maintainer runs them, in Chinese (the default)
pytestmark = pytest.mark.usefixtures("chinese")

RAW = yaml.safe_load((ROOT / "data" / "plans" / "2017.yaml").read_text(encoding="utf-8"))
RAW_TASKS = [task for section in RAW["sections"] for task in section["tasks"]]
COLLECTIVE = {unit["name"] for unit in RAW["units"] if unit.get("collective")}
SLUGS = {unit.name: unit.slug for unit in load_plan(ROOT / "data").units}  # as the pages' URLs
WRITTEN = datetime.date(2017, 6, 1)  # 成文日期 2017年6月1日


def expected_rows(unit: str) -> list[tuple[str, str, str, str]]:
    """The oracle: the unit's tasks as its form lists them, from the raw data."""
    rows = []
    for task in RAW_TASKS:
        named = task.get("lead", []) + task.get("responsible", [])
        if unit in named:
            role = "牵头" if unit in task.get("lead", []) else "责任"
            others = "、".join(name for name in named if name != unit) or "—"
            rows.append((f"（{task['number']}）", task["title"], role, others))
    return rows


UNITS = [unit["name"] for unit in RAW["units"]
         if unit["name"] not in COLLECTIVE and expected_rows(unit["name"])]
BUSIEST = max(UNITS, key=lambda name: len(expected_rows(name)))


def copy_data(root: Path) -> Path:
    data = root / "data"
    (data / "plans").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "plans" / "2017.yaml", data / "plans" / "2017.yaml")
    shutil.copy(ROOT / "data" / "urls.txt", data / "urls.txt")
    return data


def run(module: str, *args) -> subprocess.CompletedProcess:
    """`python -m generator.yearloop.<module> args`, run in this process (a second each saved)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = importlib.import_module(f"generator.yearloop.{module}").main(list(map(str, args)))
    return subprocess.CompletedProcess(module, code, out.getvalue(), err.getvalue())


def write_forms(data: Path, folder: Path) -> dict[str, Path]:
    """The forms of 2017 by unit name, as `make forms` writes them."""
    result = run("forms", "--data", data, "--year", 2017, "--forms", folder)
    assert result.returncode == 0, result.stderr
    found = {}
    for path in folder.glob("*.xlsx"):
        found[openpyxl.load_workbook(path, read_only=True)[M.TASK_SHEET]["B2"].value] = path
    return found


def form_path(forms: dict[str, Path], unit: str) -> Path:
    return forms[unit]


def fill(path: Path, rows: dict[int, dict[str, object]], out: Path, cells: dict | None = None) -> Path:
    """A unit filling its form: row i of its tasks gets {column letter: value}."""
    book = openpyxl.load_workbook(path)
    sheet = book[M.TASK_SHEET]
    for i, values in rows.items():
        for column, value in values.items():
            sheet[f"{column}{5 + i}"] = value
            if type(value) is int:  # typed into a cell of no date format
                sheet[f"{column}{5 + i}"].number_format = "General"
    for cell, value in (cells or {}).items():
        sheet[cell] = value
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def import_forms(data: Path, folder: Path, *year) -> subprocess.CompletedProcess:
    return run("progress_import", "--data", data, "--forms", folder, *year)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("forms")
    data = copy_data(root)
    return data, write_forms(data, root / "out")


# --- forms out -----------------------------------------------------------------------------

def test_one_form_a_unit_listing_its_tasks_role_and_other_units(made):
    _, forms = made
    assert sorted(forms) == sorted(UNITS)
    for unit, path in forms.items():
        assert path.name == f"2017-{SLUGS[unit]}.xlsx"
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == ["进展填报", "填写说明"]
        sheet = book["进展填报"]
        assert (sheet["B2"].value, sheet["D2"].value, sheet["F2"].value) == (unit, 2017, "巴府办发〔2017〕45号")
        assert [c.value for c in sheet[4]] == ["编号", "任务", "本单位职责", "其他单位", "日期", "状态",
                                              "进展情况", "依据（网址）"]
        rows = expected_rows(unit)
        listed = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=5, max_col=4)]
        assert listed == rows
        check_protection(sheet, len(rows))
        guide = "\n".join(c.value or "" for c in book["填写说明"]["A"])
        assert f"由{unit}牵头或负责的全部任务" in guide and "未启动、推进中、已完成、滞后、调整" in guide


def check_protection(sheet, count: int) -> None:
    """Header and task columns locked, the four columns to fill open, the status a drop-down."""
    assert sheet.protection.sheet
    for row in sheet.iter_rows(min_row=1, max_row=4 + count, max_col=8):
        for cell in row:
            fillable = cell.row >= 5 and cell.column_letter in "EFGH"
            assert cell.protection.locked is not fillable, cell.coordinate
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    status = validations[f"F5:F{4 + count}" if count > 1 else "F5"]
    assert status.type == "list" and status.formula1 == '"' + ",".join(STATUSES) + '"'
    dates = validations[f"E5:E{4 + count}" if count > 1 else "E5"]
    assert dates.type == "date"
    epoch = datetime.date(1899, 12, 30)
    assert (int(float(dates.formula1)), int(float(dates.formula2))) == (
        (WRITTEN - epoch).days, (datetime.date(2017, 12, 31) - epoch).days)


def test_forms_are_not_written_over(made, tmp_path):
    data, _ = made
    write_forms(data, tmp_path)
    result = run("forms", "--data", data, "--year", 2017, "--forms", tmp_path)
    assert result.returncode == 1
    first = f"2017-{SLUGS[UNITS[0]]}.xlsx"
    assert result.stderr == f"{tmp_path.as_posix()}：已有填报表 {first}；请换一个空文件夹，以免覆盖已发出的表格\n"
    result = run("forms", "--data", data, "--year", 2019, "--forms", tmp_path / "x")
    assert (result.returncode, result.stderr) == (1, f"{data.as_posix()}：没有 2019 年度的计划；已有的年度：2017\n")


# --- forms in: every mistake at its cell -----------------------------------------------------

ROWS = expected_rows(BUSIEST)


def good(i: int) -> dict[str, object]:
    """A well-filled row i, by rule."""
    return {"E": WRITTEN + datetime.timedelta(days=10 * i + 1), "F": STATUSES[i % len(STATUSES)],
            "G": f"测试填写：第{i + 1}行的进展。", "H": f"https://example.org/{i}.html"}


def label(i: int) -> str:
    return f"任务{ROWS[i][0]}"


# (what the unit did to row i or the header, the cell, the message); i varies with the case
MISTAKES = [
    ("status", lambda i: {i: {**good(i), "F": "进行中"}}, None, "F",
     lambda i: f"{label(i)}：状态“进行中”不在下拉列表中；应为 未启动、推进中、已完成、滞后、调整 之一"),
    ("date after the year", lambda i: {i: {**good(i), "E": datetime.date(2018, 1, 2)}}, None, "E",
     lambda i: f"{label(i)}：日期 2018-01-02 晚于 2017-12-31（本年度的最后一天）；请填写 2017-06-01 至 2017-12-31 之间的日期"),
    ("date before the plan", lambda i: {i: {**good(i), "E": datetime.date(2017, 5, 31)}}, None, "E",
     lambda i: f"{label(i)}：日期 2017-05-31 早于计划的成文日期（2017年6月1日）"),
    ("date as text, not a day", lambda i: {i: {**good(i), "E": "2017-02-30"}}, None, "E",
     lambda i: f"{label(i)}：“2017-02-30”不是日历上的日期：2017年2月只有 28 天"),
    ("date as a plain number", lambda i: {i: {**good(i), "E": 42917}}, None, "E",
     lambda i: f"{label(i)}：日期“42917”不是日期；请写作 2017-06-01"),
    ("date with a time", lambda i: {i: {**good(i), "E": datetime.datetime(2017, 7, 1, 10, 0)}}, None,
     "E", lambda i: f"{label(i)}：字段 'date' 为 2017-07-01 10:00:00；应为格式为 "
                    "YYYY-MM-DD 的日期，如 2017-07-01，不含时间"),
    ("formula", lambda i: {i: {**good(i), "G": "=B5&\"完成\""}}, None, "G",
     lambda i: f"{label(i)}：单元格是公式 =B5&\"完成\"，不计算、按文字读取；请直接填写内容"),
    ("line break", lambda i: {i: {**good(i), "G": "第一行\n第二行"}}, None, "G",
     lambda i: f"{label(i)}：字段 'text' 含有换行符；请将文字写在一行内，或用 >- 折行"),
    ("date missing", lambda i: {i: {k: v for k, v in good(i).items() if k != "E"}}, None, "E",
     lambda i: f"{label(i)}：缺少必填字段 'date'（格式为 YYYY-MM-DD 的日期，如 2017-07-01）"),
    ("evidence", lambda i: {i: {**good(i), "H": "https://example.org/a.html www.example.org/b"}},
     None, "H", lambda i: f"{label(i)}：evidence 第 2 项为“www.example.org/b”；"
                          "应为已公开文件的 http:// 或 https:// 地址"),
    ("task column edited", lambda i: {i: {**good(i), "B": ROWS[i][1] + "等"}}, None, "B",
     lambda i: f"任务栏被修改：应为“{ROWS[i][1]}”，现为“{ROWS[i][1]}等”；请勿修改灰色栏目"),
    ("role edited", lambda i: {i: {"C": "责任" if ROWS[i][2] == "牵头" else "牵头"}}, None, "C",
     lambda i: f"任务栏被修改：应为“{ROWS[i][2]}”，现为“{'责任' if ROWS[i][2] == '牵头' else '牵头'}”；请勿修改灰色栏目"),
    ("another year", lambda i: {i: good(i)}, {"D2": 2018}, "D2",
     lambda i: "这是 2018 年度的填报表，但没有该年度的计划"),
    ("another plan", lambda i: {i: good(i)}, {"F2": "巴府办发〔2017〕46号"}, "F2",
     lambda i: "发文字号应为 巴府办发〔2017〕45号，现为“巴府办发〔2017〕46号”；这是别的计划的表格"),
    ("another unit's name retyped", lambda i: {i: good(i)}, {"B2": UNITS[0] if UNITS[0] != BUSIEST else UNITS[1]},
     "B2", lambda i: f"这是{BUSIEST}的填报表，填报单位却写作“{UNITS[0] if UNITS[0] != BUSIEST else UNITS[1]}”；请使用本单位的表格"),
    ("a unit not in the plan", lambda i: {i: good(i)}, {"B2": "市测试局"}, "B2",
     lambda i: "填报单位“市测试局”不是 2017 年度计划中有任务的单位；这是别的单位或别的计划的表格"),
    ("header edited", lambda i: {i: good(i)}, {"G4": "进展"}, "G4",
     lambda i: "表头被修改：应为“进展情况”，现为“进展”"),
]


@pytest.mark.parametrize("case", range(len(MISTAKES)), ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_reported_at_its_cell_and_nothing_is_written(made, tmp_path, case):
    data, forms = made
    _, rows, header, column, message = MISTAKES[case]
    i = (3 * case) % len(ROWS)  # a different row for each kind of mistake
    folder = tmp_path / "returned"
    fill(forms[BUSIEST], rows(i), folder / forms[BUSIEST].name, header)
    result = import_forms(data, folder)
    cell = column if column[-1].isdigit() else f"{column}{5 + i}"
    progress = data / "progress" / "2017.yaml"
    assert result.stderr.splitlines() == [
        f"{folder.as_posix()}/{forms[BUSIEST].name}:进展填报!{cell}: 错误：{message(i)}",
        f"共 1 处错误；{data.as_posix()}/progress/ 未改动"]
    assert (result.returncode, result.stdout) == (1, "")
    assert not progress.exists()


def test_every_mistake_of_every_form_at_once_and_a_form_given_twice(made, tmp_path):
    data, forms = made
    folder = tmp_path / "returned"
    other = next(unit for unit in UNITS if unit != BUSIEST)
    fill(forms[BUSIEST], {0: {**good(0), "F": "完成"}, 1: {**good(1), "E": "2017/7/1"}},
         folder / "a.xlsx")
    fill(forms[other], {0: {**good(0), "F": "进行中"}}, folder / "b.xlsx")
    fill(forms[other], {0: good(0)}, folder / "c.xlsx")
    result = import_forms(data, folder, "--year", 2018)
    assert result.stderr.splitlines()[:3] == [
        f"{folder.as_posix()}/{name}:进展填报!D2: 错误：这是 2017 年度的填报表，本次导入的是 2018 年度"
        for name in ("a.xlsx", "b.xlsx", "c.xlsx")]
    result = import_forms(data, folder, "--year", 2017)
    shown = folder.as_posix()
    assert result.stderr.splitlines() == [
        f"{shown}/a.xlsx:进展填报!F5: 错误：任务{ROWS[0][0]}：状态“完成”不在下拉列表中；应为 未启动、推进中、已完成、滞后、调整 之一",
        f"{shown}/a.xlsx:进展填报!E6: 错误：任务{ROWS[1][0]}：字段 'date' 为“2017/7/1”；应为格式为 "
        "YYYY-MM-DD 的日期，如 2017-07-01",
        f"{shown}/b.xlsx:进展填报!F5: 错误：任务{expected_rows(other)[0][0]}：状态“进行中”不在下拉列表中；"
        "应为 未启动、推进中、已完成、滞后、调整 之一",
        f"{shown}/c.xlsx:进展填报!B2: 错误：{other}的填报表出现两次（另见 {shown}/b.xlsx）；每个单位只导入一份",
        f"共 4 处错误；{data.as_posix()}/progress/ 未改动"]


# --- forms in: appended to the file's text --------------------------------------------------

EXISTING = """\
# yaml-language-server: $schema=../../generator/schema/progress-input.schema.json
# Test copy: an entry written by hand, then the imported ones.
- task: {numeral}
  date: {date}   # as the hand wrote it
  status: {status}
  unit: {unit}
  text: "{text}"
  evidence: [{evidence}]
"""


def test_new_entries_appended_in_date_order_the_file_kept_known_ones_skipped(made, tmp_path):
    data, forms = made
    progress = data / "progress" / "2017.yaml"
    progress.parent.mkdir(exist_ok=True)
    first = good(0)
    before = EXISTING.format(numeral=ROWS[0][0].strip("（）"), date=first["E"], status=first["F"], unit=BUSIEST,
                             text=first["G"], evidence=first["H"])
    progress.write_text(before, encoding="utf-8")
    try:
        folder = tmp_path / "returned"
        rows = {0: first, 4: {**good(4), "E": datetime.date(2017, 8, 1)},
                2: {**good(2), "E": datetime.date(2017, 7, 1), "H": "https://example.org/x.html；https://example.org/y.html"}}
        fill(forms[BUSIEST], rows, folder / forms[BUSIEST].name)
        result = import_forms(data, folder)
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.splitlines() == [
            f"  {BUSIEST}（{forms[BUSIEST].name}）：新增 2 条，已有 1 条跳过，未填 {len(ROWS) - 3} 行",
            f"{progress.as_posix()}：新增 2 条进展，1 条已有而跳过"]
        after = progress.read_text(encoding="utf-8")
        assert after.startswith(before)
        assert yaml.safe_load(after[len(before):]) == [
            {"task": ROWS[2][0].strip("（）"), "date": datetime.date(2017, 7, 1), "status": good(2)["F"],
             "unit": BUSIEST, "text": good(2)["G"],
             "evidence": ["https://example.org/x.html", "https://example.org/y.html"]},
            {"task": ROWS[4][0].strip("（）"), "date": datetime.date(2017, 8, 1), "status": good(4)["F"],
             "unit": BUSIEST, "text": good(4)["G"], "evidence": [good(4)["H"]]}]
        checked = subprocess.run([sys.executable, "-m", "generator", "check", "--data", str(data)],
                                 cwd=ROOT, capture_output=True, text=True)
        assert checked.returncode == 0 and f"{progress.as_posix()}：通过：3 条进展" in checked.stdout
        again = import_forms(data, folder)
        assert again.stdout.splitlines()[-1] == f"{progress.as_posix()}：新增 0 条进展，3 条已有而跳过"
        assert progress.read_text(encoding="utf-8") == after
        # the same task, date and unit with other words: the recorded entry is never changed
        fill(forms[BUSIEST], {2: {**rows[2], "G": "改写过的进展。"}}, folder / forms[BUSIEST].name)
        changed = import_forms(data, folder)
        line = before.count("\n") + 1
        assert changed.stderr.splitlines()[0] == (
            f"{folder.as_posix()}/{forms[BUSIEST].name}:进展填报!E7: 错误：该任务、日期、单位已记入 "
            f"{progress.as_posix()} 第 {line} 行，但内容不同；已记入的进展不修改，新的进展请写新的日期")
        assert progress.read_text(encoding="utf-8") == after
    finally:
        shutil.rmtree(progress.parent)


# --- files that are not forms ---------------------------------------------------------------

def _zip(parts: dict[str, object]) -> bytes:
    """A zip of the parts; a part may be an iterable of byte chunks, written as it comes, so
    that a test of a huge part never holds it (the memory tests of test_limits.py measure
    processes started from this one)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            with archive.open(name, "w", force_zip64=True) as part:
                for chunk in ([content] if isinstance(content, bytes) else content):
                    part.write(chunk)
    return buffer.getvalue()


def _zeros(megabytes: int):
    chunk = bytes(1024 * 1024)
    return (chunk for _ in range(megabytes))


def _million_rows():
    yield ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
           'spreadsheetml/2006/main"><sheetData>').encode()
    for start in range(1, 1_000_001, 10_000):
        yield "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>'
                      for r in range(start, start + 10_000)).encode()
    yield b"</sheetData></worksheet>"


NOT_FORMS = {
    "renamed.xlsx": (lambda form: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096),
                     "这是旧版 Excel 97-2003（.xls）文件，不是 .xlsx；请用 Excel 或 WPS 另存为 .xlsx 后再报送"),
    "table.csv": (lambda form: "编号,任务,日期\n（一）,规范行政权力运行,2017-07-01\n".encode("gb18030"),
                  "这是文本文件（如 CSV），不是 .xlsx 工作簿；请使用下发的填报表"),
    "empty.xlsx": (lambda form: b"", "不是 .xlsx 工作簿（应为 zip 格式）；请使用下发的填报表"),
    "bomb.xlsx": (lambda form: _zip({"xl/workbook.xml": b"<workbook/>",
                                     "xl/worksheets/sheet1.xml": _zeros(200)}),
                  "工作簿内的 xl/worksheets/sheet1.xml 解压后有 200 MB，超过上限 4 MB（可能是压缩炸弹）；未打开"),
    "million.xlsx": (lambda form: _zip({"xl/workbook.xml": b"<workbook/>",
                                        "xl/worksheets/sheet1.xml": _million_rows()}),
                     "文件有 {size}，填报表不超过 4 MB；请使用下发的填报表"),
    "other.xlsx": (lambda form: _zip({"word/document.xml": b"<w/>"}),
                   "是 zip 文件但不是 .xlsx 工作簿（缺少 xl/workbook.xml）；请使用下发的填报表"),
    "cut.xlsx": (lambda form: form.read_bytes()[:3000],
                 "文件已损坏，无法读取（File is not a zip file）；请重新保存后报送"),
}


@pytest.mark.parametrize("name", sorted(NOT_FORMS))
def test_a_file_that_is_not_a_form_gets_a_message(made, tmp_path, name):
    data, forms = made
    make, message = NOT_FORMS[name]
    (tmp_path / name).write_bytes(make(forms[BUSIEST]))
    message = message.format(size=size((tmp_path / name).stat().st_size))
    result = import_forms(data, tmp_path)
    assert result.stderr.splitlines() == [f"{tmp_path.as_posix()}/{name}: 错误：{message}",
                                          f"共 1 处错误；{data.as_posix()}/progress/ 未改动"]


def test_rows_far_below_the_form_are_found_without_reading_them_all(made, tmp_path):
    data, forms = made
    book = openpyxl.load_workbook(forms[BUSIEST])
    book[M.TASK_SHEET]["G90000"] = "多出的一行"
    book[M.TASK_SHEET]["A200000"] = "又一行"
    book.save(tmp_path / "long.xlsx")
    result = import_forms(data, tmp_path)
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path.as_posix()}/long.xlsx:进展填报!G90000: 错误：填报表只有 {len(ROWS)} 行任务，"
        f"从第 {5 + len(ROWS)} 行起不应再有内容；请勿增加行")


def test_a_renamed_sheet(made, tmp_path):
    data, forms = made
    book = openpyxl.load_workbook(forms[BUSIEST])
    book[M.TASK_SHEET].title = "Sheet1"
    book.save(tmp_path / "renamed-sheet.xlsx")
    result = import_forms(data, tmp_path)
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path.as_posix()}/renamed-sheet.xlsx: 错误：没有名为“进展填报”的工作表（有：Sheet1、填写说明）；"
        "请使用下发的填报表，不要更改工作表名称")


def test_a_title_that_looks_like_a_formula_is_written_and_read_as_text(tmp_path):
    plan = (ROOT / "tests" / "fixtures" / "small_plan.yaml").read_text(encoding="utf-8")
    first = yaml.safe_load(plan)["sections"][0]["tasks"][0]
    risky = '=HYPERLINK("http://example.org","点击")'
    data = tmp_path / "data"
    (data / "plans").mkdir(parents=True)
    (data / "plans" / "2020.yaml").write_text(
        plan.replace(f"title: {first['title']}", f"title: '{risky}'", 1), encoding="utf-8")
    unit = (first.get("lead") or first["responsible"])[0]
    result = run("forms", "--data", data, "--year", 2020, "--forms", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    path = next(p for p in (tmp_path / "out").glob("*.xlsx")
                if openpyxl.load_workbook(p)[M.TASK_SHEET]["B2"].value == unit)
    cell = openpyxl.load_workbook(path)[M.TASK_SHEET]["B5"]
    assert (cell.value, cell.data_type) == (risky, "s")
    fill(path, {0: {"E": datetime.date(2020, 3, 1), "F": "推进中", "G": "测试填写。"}},
         tmp_path / "back" / path.name)
    result = import_forms(data, tmp_path / "back")
    assert (result.returncode, result.stderr) == (0, "")
    assert "新增 1 条进展" in result.stdout


def test_a_broken_progress_file_is_reported_in_its_own_form_and_left_alone(made, tmp_path):
    data, forms = made
    progress = data / "progress" / "2017.yaml"
    progress.parent.mkdir(exist_ok=True)
    broken = f"- task: {ROWS[0][0].strip('（）')}\n  date: 2017-07-01\n  status: 推进中\n  unit: 市法治办\n  text: 手写。\n"
    progress.write_text(broken, encoding="utf-8")
    try:
        fill(forms[BUSIEST], {0: good(0)}, tmp_path / forms[BUSIEST].name)
        result = import_forms(data, tmp_path)
        assert result.stderr.splitlines()[0].startswith(
            f"{progress.as_posix()}:4:9: 错误：第 1 条进展：未知单位“市法治办”")
        assert result.returncode == 1 and progress.read_text(encoding="utf-8") == broken
    finally:
        shutil.rmtree(progress.parent)
