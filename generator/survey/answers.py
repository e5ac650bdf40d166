"""Answers to scores (1-4, a-d, or the questionnaire's words for that element) and timestamps to dates."""

from __future__ import annotations

import datetime as dt
import re

from .columns import words

# PermenPAN-RB 14/2017's questionnaire: the four answers of each element, scored 1 -> 4.
WORDS = {
    "persyaratan": ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    "prosedur": ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    "waktu": ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    "biaya": ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    "produk": ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    "kompetensi": ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    "perilaku": ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    "sarana": ("Buruk", "Cukup", "Baik", "Sangat baik"),
    "pengaduan": ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
}
# five-point agreement and satisfaction answers: another scale, refused rather than guessed
LIKERT = {"sangat puas", "puas", "cukup puas", "kurang puas", "tidak puas", "sangat tidak puas", "netral",
          "sangat setuju", "setuju", "tidak setuju", "sangat tidak setuju", "ragu ragu"}
LETTERS = {"a": 1, "b": 2, "c": 3, "d": 4}
PREFIX = re.compile(r"^\s*(?:\(?([a-d1-4])[.)]|([1-4])\s*[-=:])\s*(\S.*)$", re.IGNORECASE)
ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$")
DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T,].*)?$")
EXCEL_EPOCH = dt.date(1899, 12, 30)


def answer_table(element: str, extra: dict[str, int] | None = None) -> dict[str, int]:
    """Every accepted answer of one element, as normalised words, with its score."""
    table = {str(n): n for n in range(1, 5)} | LETTERS
    table |= {" ".join(words(text)): n for n, text in enumerate(WORDS[element], start=1)}
    table |= {" ".join(words(k)): v for k, v in (extra or {}).items()}
    return table


def score(value: str, table: dict[str, int]) -> int | None:
    """The score of an answer, or None when it is not one of the element's answers."""
    key = " ".join(words(value))
    if key in table:
        return table[key]
    if re.fullmatch(r"[1-4](?:\.0+)?", value.strip()):
        return int(float(value))
    prefixed = PREFIX.match(value)
    if prefixed:  # "d. Sangat sesuai" or "4 - Sangat sesuai": the words must agree with the mark
        mark = (prefixed.group(1) or prefixed.group(2)).casefold()
        by_mark, by_words = table.get(mark), table.get(" ".join(words(prefixed.group(3))))
        if by_words is None or by_words == by_mark:
            return by_mark
    return None


def other_scale(value: str) -> int | None:
    """A whole number above 4 (a 1-5 or 1-6 form): the largest such answer tells the scale."""
    text = value.strip()
    if re.fullmatch(r"\d{1,2}(?:\.0+)?", text) and 4 < float(text) <= 10:
        return int(float(text))
    stars = text.count("★") or text.count("⭐")
    if stars > 4:
        return stars
    return 5 if " ".join(words(text)) in LIKERT else None


def day_first(values: list[str]) -> bool:
    """Whether slash dates in a column are day/month/year (Indonesian) rather than month/day (US Forms)."""
    for value in values:
        found = DMY.match(value.strip())
        if found and int(found.group(1)) > 12:
            return True
        if found and int(found.group(2)) > 12:
            return False
    return True


def to_date(value, dmy: bool = True) -> dt.date | None:
    """A timestamp cell as a date: a spreadsheet date, ISO, d/m/y (or m/d/y), or an Excel serial number."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and 20000 < value < 80000:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = str(value).strip()
    if text.isdigit() and 20000 < int(text) < 80000:  # a date cell saved as its serial number
        return EXCEL_EPOCH + dt.timedelta(days=int(text))
    try:
        iso = ISO.match(text)
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        found = DMY.match(text)
        if found:
            a, b, year = int(found.group(1)), int(found.group(2)), int(found.group(3))
            return dt.date(year, b, a) if dmy else dt.date(year, a, b)
    except ValueError:
        return None
    return None


def period_of(day: dt.date, period: str) -> str:
    """The label of the period a date falls in: 2026-10, 2026-Q4, 2026-S2 or 2026."""
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if period == "semester":
        return f"{day.year}-S{(day.month - 1) // 6 + 1}"
    return str(day.year)
