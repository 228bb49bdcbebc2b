"""Time and peak memory of `python -m generator.yearloop.progress_import` on one returned form of each
kind, hostile ones included, against a copy of data/: prints one line a case.

    .venv/bin/python bench/forms.py
"""
import datetime
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import load_plan  # noqa: E402
from generator.yearloop import forms_messages as M  # noqa: E402
from generator.yearloop.forms import build_form, units_with_forms  # noqa: E402

# run in a child: the import, then its own time and peak resident memory
CHILD = """
import re, sys, time
start = time.perf_counter()
from generator.inputs.data_folder import Inputs
from generator.yearloop.progress_import import import_forms
from pathlib import Path
errors, report = import_forms(Inputs.at(Path(sys.argv[1])), Path(sys.argv[2]))
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forking parent
peak = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
print(f"{time.perf_counter() - start:.2f}\\t{peak / 1024:.0f}"
      f"\\t{(errors or report or [''])[0][:90]}")
"""


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def cases(plan, folder: Path) -> dict[str, callable]:
    unit = max(units_with_forms(plan), key=lambda u: len(plan.tasks_led_by(u)))

    def form(path: Path, rows=(), far=None):
        book = build_form(plan, unit)
        sheet = book[M.TASK_SHEET]
        for i in rows:
            sheet[f"E{5 + i}"], sheet[f"F{5 + i}"] = datetime.date(2017, 7, 1 + i), "推进中"
            sheet[f"G{5 + i}"] = f"第{i + 1}行。"
        for row in far or ():
            sheet[f"A{row}"] = row
        book.save(path)

    def just_under_the_part_limit(path: Path):
        form(path, far=range(100, 70_000))

    return {
        "no form (Python and the imports)": lambda path: None,
        "a form of 14 filled rows": lambda path: form(path, range(14)),
        "renamed .xls": lambda path: path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1 << 20)),
        "CSV of 100,000 lines": lambda path: path.write_bytes(b"a,b,c\n" * 100_000),
        "zip bomb (1 GB of zeros, 1 MB packed)": lambda path: path.write_bytes(_zip({
            "xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": bytes(1 << 30)})),
        "1,000,000 rows": lambda path: path.write_bytes(_zip({
            "xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": "".join(
                f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 1_000_001)).encode()})),
        "a cell at row 1,000,000": lambda path: form(path, far=[1_000_000]),
        "69,900 rows below the form (sheet part just under 4 MB)": just_under_the_part_limit,
    }


def main() -> int:
    plan = load_plan(ROOT / "data")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        (data / "plans").mkdir(parents=True)
        shutil.copy(ROOT / "data" / "plans" / "2017.yaml", data / "plans")
        shutil.copy(ROOT / "data" / "urls.txt", data)
        print("case\tseconds\tpeak MB\tfirst line of the answer")
        for name, make in cases(plan, Path(tmp)).items():
            folder = Path(tmp) / "forms"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder / "form.xlsx")
            if not (folder / "form.xlsx").exists():
                (folder / "empty.csv").write_text("", encoding="utf-8")
            result = subprocess.run([sys.executable, "-c", CHILD, str(data), str(folder)], cwd=ROOT,
                                    capture_output=True, text=True)
            line = result.stdout.strip() or result.stderr.strip().splitlines()[-1]
            print(f"{name}\t{line.replace(tmp, '…')}")
            shutil.rmtree(data / "progress", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
