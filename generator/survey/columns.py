"""Which column is which: our ids, `U1`..`U9` with or without a label, question texts by key words, names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import data
from ..problems import Problem, suggest
from .reading import Sheet, cell_text, column_letter

# The questionnaire asks sarana 8th and pengaduan 9th; a bare U8/U9 follows it (see the report's note).
QUESTION_ORDER = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana",
                  "pengaduan")
KEYWORDS = {
    "persyaratan": {"persyaratan", "syarat", "requirement", "requirements"},
    "prosedur": {"prosedur", "mekanisme", "alur", "procedure", "procedures"},
    "waktu": {"waktu", "kecepatan", "cepat", "time", "speed"},
    "biaya": {"biaya", "tarif", "kewajaran", "cost", "fee", "fees"},
    "produk": {"produk", "product"},
    "kompetensi": {"kompetensi", "kemampuan", "competence", "competency"},
    "perilaku": {"perilaku", "kesopanan", "keramahan", "sopan", "ramah", "conduct", "behaviour", "behavior"},
    "pengaduan": {"pengaduan", "keluhan", "complaint", "complaints"},
    "sarana": {"sarana", "prasarana", "fasilitas", "facilities", "facility"},
}
NAMES = (  # short headers, in this order: "Unit layanan" is a unit, "Jenis kelamin" is not a service
    ("tanggal", {"tanggal", "tgl", "timestamp", "stempel", "date", "waktu pengisian"}),
    ("unit", {"unit", "satuan", "instansi", "opd", "kantor", "upt", "office"}),
    ("sex", {"kelamin", "gender", "sex", "jk"}),
    ("age", {"umur", "usia", "age"}),
    ("education", {"pendidikan", "education"}),
    ("occupation", {"pekerjaan", "occupation", "profesi"}),
    ("layanan", {"layanan", "pelayanan", "service", "services"}),
)
COMPLAINT_NAMES = (("kategori", {"kategori", "unsur", "category", "element", "aspek"}),
                   ("uraian", {"uraian", "isi", "keterangan", "deskripsi", "description", "pengaduan", "keluhan"}))
CODE = re.compile(r"^\s*(?:u|unsur)\s*0?([1-9])(?![0-9])\W*(.*)$", re.IGNORECASE)
OWN_SURVEY = ("unit", "layanan", "tanggal")
OWN_COMPLAINTS = ("unit", "layanan", "tanggal", "kategori", "uraian")
PROFILE = ("sex", "age", "education", "occupation")


def words(text: str) -> list[str]:
    """Lower-case words of a header or answer: punctuation, numbering and spacing do not matter."""
    return re.sub(r"[\W_]+", " ", text.casefold()).split()


@dataclass
class Column:
    """One column of a table and what it holds."""

    index: int  # 0-based
    header: str
    role: str  # an element id, unit, layanan, tanggal, a profile field, kategori, uraian, or "ignored"
    how: str  # id, code, order, label, name, map, or "" when ignored

    @property
    def letter(self) -> str:
        return column_letter(self.index + 1)


@dataclass
class Layout:
    """Where the header row of a table is and which column holds what."""

    sheet: Sheet
    at: int  # index of the header row in sheet.rows
    columns: list[Column] = field(default_factory=list)
    own: bool = False  # the project's own layout (unit;layanan;tanggal;persyaratan;...): checked strictly

    @property
    def row(self) -> int:
        return self.sheet.rows[self.at][0]

    def find(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    def elements(self) -> list[Column]:
        return [c for c in self.columns if c.role in KEYWORDS]


def element_of(text: str) -> str | None:
    """The element whose key words the text holds most of; None when none or a tie."""
    found = set(words(text))
    hits = sorted(((len(found & keys), e) for e, keys in KEYWORDS.items()), reverse=True)
    return hits[0][1] if hits[0][0] and hits[0][0] > hits[1][0] else None


def name_of(text: str, names) -> str | None:
    tokens = words(text)
    if not tokens or len(tokens) > 5:
        return None
    joined = " ".join(tokens)
    return next((role for role, keys in names if set(tokens) & keys or joined in keys), None)


def recognise(header: str, kind: str, mapped: dict[str, str]) -> tuple[str, str]:
    """The role of one header and how it was decided."""
    key = header.strip().casefold()
    if key in mapped:
        return mapped[key], "map"
    tokens = words(header)
    if not tokens:
        return "ignored", ""
    joined = " ".join(tokens)
    if kind == "complaints":
        if joined in OWN_COMPLAINTS:
            return joined, "id"
        role = name_of(header, NAMES[:2] + COMPLAINT_NAMES + NAMES[-1:])
        return (role, "name") if role else ("ignored", "")
    if joined in KEYWORDS or joined in OWN_SURVEY:
        return joined, "id"
    code = CODE.match(header)
    if code:
        label = element_of(code.group(2)) if code.group(2) else None
        return (label, "code") if label else (QUESTION_ORDER[int(code.group(1)) - 1], "order")
    role = name_of(header, NAMES[:1])  # "Stempel waktu" is a timestamp, not the element waktu
    if role:
        return role, "name"
    element = element_of(header)
    if element:
        return element, "label"
    role = name_of(header, NAMES)
    return (role, "name") if role else ("ignored", "")


def layout_at(sheet: Sheet, at: int, kind: str, mapped: dict[str, str]) -> Layout:
    """Read row `at` as the header; an empty header cell takes the cell above it (a merged header)."""
    cells = [cell_text(c).strip() for c in sheet.rows[at][1]]
    above = [cell_text(c).strip() for c in sheet.rows[at - 1][1]] if at else []
    layout = Layout(sheet, at)
    for i, header in enumerate(cells):
        if not header and i < len(above) and above[i]:
            header = above[i]  # merged down over two header rows, as "No" and "Jenis Kelamin" often are
        role, how = recognise(header, kind, mapped) if header else ("ignored", "")
        layout.columns.append(Column(i, header, role, how))
    while layout.columns and not layout.columns[-1].header:
        layout.columns.pop()  # trailing empty cells: Excel and Forms leave them
    names = {c.header.casefold() for c in layout.columns}
    own = OWN_SURVEY if kind == "survey" else OWN_COMPLAINTS
    layout.own = all(n in names for n in own) and all(c.how in ("id", "") for c in layout.columns)
    return layout


def score(layout: Layout, kind: str) -> int:
    if kind == "survey":
        return len({c.role for c in layout.elements()})
    return sum(c.role in ("kategori", "unit", "uraian") for c in layout.columns)


def find_layout(sheets: list[Sheet], kind: str, mapped: dict[str, str], wanted: str | None,
                path: str) -> tuple[Layout | None, list[Problem]]:
    """The sheet and header row holding the answers: the row (of the first 30) with the most known columns."""
    if wanted is not None and sheets and sheets[0].name is not None:
        names = [s.name for s in sheets]
        if wanted not in names:
            best = suggest(wanted, names)
            hint, params = (("hint-did-you-mean", {"suggestion": best}) if best
                            else ("hint-survey-sheets", {"sheets": ", ".join(names)}))
            return None, [Problem(path, 1, 1, "--sheet", "survey-sheet-unknown", {"sheet": wanted}, hint, params)]
        sheets = [s for s in sheets if s.name == wanted]
    best: Layout | None = None
    for sheet in sheets:
        for at in range(min(30, len(sheet.rows))):
            layout = layout_at(sheet, at, kind, mapped)
            if best is None or score(layout, kind) > score(best, kind):
                best = layout
    if best is None or not any(c.header for c in best.columns):
        code = "csv-empty" if not sheets or sheets[0].name is None else "survey-no-header"
        return None, [Problem(path, 1, 1, "", code, {}, "hint-csv-empty")]
    if score(best, kind) == 0 and not best.own:
        headers = ", ".join(c.header for c in best.columns if c.header)[:300]
        code = "survey-no-elements" if kind == "survey" else "complaints-no-columns"
        return None, [Problem(best.sheet.where, best.row, 1, "", code, {"headers": headers}, "hint-" + code)]
    return best, []


def check_own(layout: Layout, required: tuple[str, ...]) -> list[Problem]:
    """The project's own layout: every column present, unknown ones named with the likely intended one."""
    where, row, out = layout.sheet.where, layout.row, []
    header = [c.header.casefold() for c in layout.columns]
    for name in required:
        if name not in header:
            out.append(Problem(where, row, 1, name, "csv-column-missing", {"column": name}, "hint-csv-columns",
                               {"columns": ", ".join(required)}))
    for c in layout.columns:
        name = c.header.casefold()
        if name and name not in required:
            best = suggest(name, [r for r in required if r not in header])
            hint, params = (("hint-did-you-mean", {"suggestion": best}) if best
                            else ("hint-csv-columns", {"columns": ", ".join(required)}))
            out.append(Problem(where, row, c.index + 1, name, "csv-column-unknown", {"column": name}, hint, params))
    return out


def check_columns(layout: Layout, kind: str) -> list[Problem]:
    """Two columns with one meaning are refused (the second would silently win); the own layout strictly."""
    if layout.own:
        required = OWN_SURVEY + data.skm_ids() if kind == "survey" else OWN_COMPLAINTS
        problems = check_own(layout, required)
    else:
        problems = []
    first: dict[str, Column] = {}
    for c in layout.columns:
        if c.role == "ignored":
            continue
        if c.role in first:
            other = first[c.role]
            problems.append(Problem(layout.sheet.where, layout.row, c.index + 1, c.header, "survey-column-twice",
                                    {"role": c.role, "other": other.header, "col": other.index + 1,
                                     "letter": other.letter}, "hint-survey-column-twice"))
        else:
            first[c.role] = c
    return problems
