"""Read the cells of a returned .xlsx form, in bounded time and memory, whatever the file holds.

An .xlsx is a zip of XML parts. Before openpyxl opens anything, the file's size and the sizes
its zip directory declares for each part are held to the bounds below (a zip bomb declares its
true size, or zipfile stops reading at the declared one and fails the CRC); openpyxl then streams
the sheet (read-only mode), so a sheet of a million rows is never held in memory, and reads
formulas as their text: nothing is evaluated.
"""
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from generator.i18n import _
from generator.inputs.limits import size
from generator.yearloop import forms_messages as M

# A form of 22 tasks is 8 KB, its largest part 20 KB; a form with a thousand filled rows stays
# under a megabyte. Streaming a 4 MB sheet takes about two seconds.
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_PARTS = 200
MAX_PART_BYTES = 4 * 1024 * 1024
MAX_TOTAL_BYTES = 16 * 1024 * 1024
_XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the OLE2 compound file of Excel 97-2003


class FormError(Exception):
    """What makes a file unreadable as a form: one message for the whole file."""


@dataclass(frozen=True)
class Cell:
    value: object  # str, int, float, datetime, bool; None when empty
    formula: bool

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


def cell_name(row: int, column: int) -> str:
    return f"{get_column_letter(column)}{row}"


def check_container(path: Path) -> None:
    """Raise FormError unless `path` is a zip whose declared parts fit the bounds and hold a
    workbook."""
    try:
        stated = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(512)
    except OSError as error:
        raise FormError(_(M.UNREADABLE).format(reason=error.strerror)) from None
    if stated > MAX_FILE_BYTES:
        raise FormError(_(M.TOO_LARGE_FILE).format(size=size(stated), limit=size(MAX_FILE_BYTES)))
    if head.startswith(_XLS):
        raise FormError(_(M.NOT_XLSX_XLS))
    if not head.startswith(b"PK"):
        raise FormError(_(M.NOT_XLSX_TEXT) if head and _looks_like_text(head) else _(M.NOT_XLSX))
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise FormError(_(M.BROKEN_ZIP).format(reason=error)) from None
    if len(parts) > MAX_PARTS:
        raise FormError(_(M.TOO_MANY_PARTS).format(count=len(parts), limit=MAX_PARTS))
    for part in parts:
        if part.file_size > MAX_PART_BYTES:
            raise FormError(_(M.TOO_LARGE_PART).format(part=part.filename, size=size(part.file_size),
                                                    limit=size(MAX_PART_BYTES)))
    total = sum(part.file_size for part in parts)
    if total > MAX_TOTAL_BYTES:
        raise FormError(_(M.TOO_LARGE_TOTAL).format(size=size(total), limit=size(MAX_TOTAL_BYTES)))
    if "xl/workbook.xml" not in {part.filename for part in parts}:
        raise FormError(_(M.NOT_XLSX_ZIP))


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as error:
            if encoding == "utf-8" and error.start > len(head) - 4:
                return True  # a character cut at the end of the sample
    return False


def read_sheet(path: Path, sheet_name: str, columns: int,
               rows: int) -> tuple[dict[tuple[int, int], Cell], tuple[int, int] | None]:
    """The non-empty cells of the first `columns` columns and `rows` rows of sheet `sheet_name`,
    by (row, column), and the first non-empty cell below them (row, column) if any; FormError
    when the file is not a readable workbook with that sheet."""
    check_container(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False,
                                      keep_vba=False)
    except Exception as error:  # openpyxl raises anything from KeyError to lxml's errors
        raise FormError(_(M.UNREADABLE).format(reason=type(error).__name__)) from None
    try:
        if sheet_name not in book.sheetnames:
            raise FormError(_(M.NO_TASK_SHEET).format(sheet=sheet_name,
                                                   found="、".join(book.sheetnames[:10])))
        cells = {}
        try:
            for row in book[sheet_name].iter_rows(max_col=columns):
                for cell in row:
                    if getattr(cell, "row", None) is None or Cell(cell.value, False).empty:
                        continue
                    if cell.row > rows:
                        return cells, (cell.row, cell.column)
                    cells[(cell.row, cell.column)] = Cell(cell.value, cell.data_type == "f")
        except Exception as error:
            raise FormError(_(M.UNREADABLE).format(reason=type(error).__name__)) from None
        return cells, None
    finally:
        book.close()
