"""Public service standards (content/standar-pelayanan/*.yml): the 14 components of PermenPAN-RB 15/2014."""

from __future__ import annotations

import datetime as dt

import jinja2

from .. import data, model
from ..problems import WARNING
from ..render import service
from ..render.catalogue import Catalogue
from ..structure import Document, text_at
from .base import YAML, Context, Kind, Nav, id_file_rule

RESERVED_IDS = ("index", "pengaduan")  # the list of services and how to complain
SKELETON = """\
# yaml-language-server: $schema=../../schemas/standard.schema.json
id: {id}
service: {title}
unit: Nama unit pelayanan
summary: Untuk siapa dan untuk apa layanan ini, dalam satu kalimat.
status: draft                 # ubah menjadi published bila siap terbit
last_reviewed: {today}        # tanggal terakhir standar ditinjau bersama masyarakat
maklumat: >-
  Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan ini,
  dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan yang berlaku.
# --- komponen penyampaian layanan (PermenPAN-RB 15/2014)
persyaratan:
  - Fotokopi KTP pemohon
sistem_mekanisme_prosedur:
  - Pemohon menyerahkan berkas di loket.
  - Petugas memeriksa kelengkapan berkas.
  - Pemohon menerima hasil layanan.
jangka_waktu: {{jumlah: 1, satuan: hari kerja}}
biaya: {{jumlah: 0, keterangan: Tidak dipungut biaya.}}
produk_pelayanan:
  - Nama dokumen yang diterima pemohon
penanganan_pengaduan:
  saluran:
    - Kotak saran di ruang tunggu
# --- komponen pengelolaan pelayanan (internal)
dasar_hukum:
  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
sarana_prasarana:
  - Ruang tunggu dan loket
kompetensi_pelaksana:
  - Memahami persyaratan dan prosedur layanan ini
pengawasan_internal:
  - Supervisi oleh atasan langsung
jumlah_pelaksana: 1
jaminan_pelayanan: Layanan diberikan sesuai standar ini.
jaminan_keamanan_keselamatan: Berkas dan data pemohon dijaga kerahasiaannya.
evaluasi_kinerja_pelaksana: Evaluasi setiap triwulan berdasarkan pengaduan dan Survei Kepuasan Masyarakat.
"""


def rules(docs: list[Document], context: Context) -> list:
    """Unique ids that match the file names, and a review date at most 12 months old."""
    out: list = []
    seen: dict[str, str] = {}
    for doc in docs:
        out += _id_rules(doc, seen) + _review_rules(doc, context.today)
    return out


def _id_rules(doc: Document, seen: dict[str, str]) -> list:
    out = id_file_rule(doc)
    sid = text_at(doc.data, "id")
    if sid in RESERVED_IDS:
        out.append(doc.problem(("id",), "reserved-id", {"id": sid}, "hint-reserved-id"))
    if sid in seen:
        out.append(doc.problem(("id",), "duplicate-standard", {"id": sid, "other": seen[sid]}, "hint-unique-id"))
    elif sid is not None:
        seen[sid] = doc.path
    return out


def _review_rules(doc: Document, today: dt.date) -> list:
    reviewed = doc.data.get("last_reviewed")
    if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
        return []
    params = {"date": reviewed.isoformat(), "today": today.isoformat()}
    if reviewed < _year_before(today):
        return [doc.problem(("last_reviewed",), "review-overdue", params, "hint-review-overdue", {}, WARNING)]
    if reviewed > today:
        return [doc.problem(("last_reviewed",), "review-in-future", params, "hint-review-in-future", {}, WARNING)]
    return []


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    """The public-services section: a list by unit, a page per service, and how to complain."""
    standards = site.project.published_of("standard")
    if not standards:
        return {}
    config = site.project.config
    units: dict[str, list[model.ServiceStandard]] = {}
    for standard in sorted(standards, key=lambda s: (s.unit.casefold(), s.service.casefold())):
        units.setdefault(standard.unit, []).append(standard)
    out = {"layanan/index.md": env.get_template("standards.md.j2").render(units=units, config=config)}
    for standard in standards:
        out[f"layanan/{standard.id}.md"] = env.get_template("standard.md.j2").render(
            s=standard, config=config, **_survey(standard, config), **OFFICE)
    out["layanan/pengaduan.md"] = env.get_template("complaints.md.j2").render(
        config=config, standards=sorted(standards, key=lambda s: s.service.casefold()), **OFFICE)
    return out  # in the order of the navigation


OFFICE = {"office_hours": service.hours, "tel_url": service.tel_url, "whatsapp_url": service.whatsapp_url}


def _survey(standard: model.ServiceStandard, config: model.SiteConfig) -> dict:
    """The survey link of a service page, its QR code for the printout and the address people can type."""
    url = service.survey_url(standard, config.office)
    if not url:
        return {"survey": None, "survey_qr": None, "survey_short": None}
    label = data.table("ui")["survey-qr"][config.language].format(service=" ".join(standard.service.split()))
    return {"survey": url, "survey_qr": service.qr_svg(url, label), "survey_short": service.short_address(url)}


KIND = Kind("standard", "standar-pelayanan", YAML, model.ServiceStandard, "public service standard", pages, rules,
            nav=Nav(5, "public-services"), reserved=frozenset({"layanan/"}), scaffold=SKELETON,
            counted="count-standards")
