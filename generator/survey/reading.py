"""Survey and complaint files as offices have them: CSV in any of Excel's encodings, or .xlsx sheets."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import WARNING, Problem

DELIMITERS = (",", ";", "\t")
WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
QUOTED = re.compile(r'"[^"]*"')


@dataclass
class Sheet:
    """One table of cells: a CSV file or one worksheet, each row with its 1-based row number."""

    path: str  # the file name as the user gave it
    name: str | None  # the worksheet, None for CSV
    rows: list[tuple[int, list]] = field(default_factory=list)

    @property
    def where(self) -> str:
        """The location prefix of a problem: `file` or `file[sheet]`."""
        return self.path if self.name is None else f"{self.path}[{self.name}]"


def column_letter(col: int) -> str:
    """Excel's name for a 1-based column number: 1 -> A, 28 -> AB."""
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Text of a CSV: UTF-8 (BOM or not), UTF-16 as Excel's "Unicode text", else Windows-1252 with a warning."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (len(raw) > 3 and b"\x00" in raw[:4]):
        try:
            text = raw.decode("utf-16" if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else
                              "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be")
            return text.removeprefix("\ufeff"), []
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as exc:
        start = exc.start
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        line = raw[:start].count(b"\n") + 1
        col = start - (raw.rfind(b"\n", 0, start) + 1) + 1
        return None, [Problem(path, line, col, "", "not-utf8", {"byte": f"{raw[start]:02X}"}, "hint-not-utf8")]
    line = raw[:start].count(b"\n") + 1
    return text, [Problem(path, line, 1, "", "survey-cp1252", {}, "hint-survey-cp1252", severity=WARNING)]


def delimiter(text: str) -> str:
    """The delimiter that splits the widest of the first lines, quoted cells left out (title rows have none)."""
    lines = [QUOTED.sub("", line) for line in text.splitlines()[:30]]
    return max(DELIMITERS, key=lambda d: (max((line.count(d) for line in lines), default=0), -DELIMITERS.index(d)))


def read_csv(raw: bytes, path: str) -> tuple[list[Sheet], list[Problem]]:
    """Split a CSV into rows, each with the line it starts on (a quoted cell may span lines)."""
    text, problems = decode(raw, path)
    if text is None:
        return [], problems
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    sheet, line = Sheet(path, None), 1
    try:
        for cells in reader:
            sheet.rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        return [], problems + [Problem(path, reader.line_num, 1, "", "csv-invalid", {"detail": str(exc)})]
    return [sheet], problems


def cell_text(value) -> str:
    """A spreadsheet cell as the text a person would read in it; whole numbers without `.0`."""
    kind = type(value)  # exact types first: this runs for every cell of 100,000 rows
    if kind is str:
        return value
    if kind is float:
        return str(int(value)) if value.is_integer() else str(value)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def read_xlsx(raw: bytes, path: str) -> tuple[list[Sheet], list[Problem]]:
    """Every worksheet of a workbook, cells kept as values (dates stay dates), rows numbered as Excel does."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception as exc:  # calamine raises its own error types for every broken file
        return [], [Problem(path, 1, 1, "", "xlsx-invalid", {"detail": str(exc).splitlines()[0][:200]},
                            "hint-xlsx-invalid")]
    sheets = []
    for name in book.sheet_names:
        try:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:  # a chart sheet or a damaged part: say which, keep the others
            return [], [Problem(f"{path}[{name}]", 1, 1, "", "xlsx-invalid", {"detail": str(exc)[:200]},
                                "hint-xlsx-invalid")]
        sheets.append(Sheet(path, name, [(n, row) for n, row in enumerate(rows, start=1)]))
    return sheets, []


def read(path: Path) -> tuple[list[Sheet], list[Problem]]:
    """The tables of a survey or complaint file: a workbook by its signature or suffix, else CSV."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [Problem(path.name, 1, 1, "", "survey-unreadable", {"detail": exc.strerror or str(exc)})]
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) or path.suffix.lower() in WORKBOOKS:
        return read_xlsx(raw, path.name)  # calamine also reads the older .xls and LibreOffice's .ods
    return read_csv(raw, path.name)
