"""The typed model of a project; the same classes give the validator and the JSON Schemas."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from .data import categories, skm_ids

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
TEXT_PATTERN = r"\S"  # at least one visible character
URL_PATTERN = r"^https?://\S+$"
DOMAIN_PATTERN = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN), Field(examples=["pelayanan-prima"])]
Text = Annotated[str, StringConstraints(pattern=TEXT_PATTERN)]
_URL_UNSAFE = frozenset(" \t\r\n\"'<>\\`{}|^")  # could end an HTML attribute or a Markdown link


def _parsed_url(value: str) -> str:
    """An http(s) address, parsed: a host, no credentials, a valid port, nothing that could end an attribute."""
    reason = None
    try:
        parts = urllib.parse.urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number 0-65535
    except ValueError:
        reason = "url-reason-port"
    else:
        if any(c in _URL_UNSAFE or ord(c) < 32 or ord(c) == 127 for c in value):
            reason = "url-reason-chars"
        elif parts.scheme not in ("http", "https") or not parts.hostname:
            reason = "url-reason-host"
        elif parts.username is not None or parts.password is not None:
            reason = "url-reason-credentials"
    if reason:
        raise PydanticCustomError("url_invalid", "not a valid address ({reason})", {"reason": reason})
    return value


Url = Annotated[str, StringConstraints(pattern=URL_PATTERN), AfterValidator(_parsed_url)]
Domain = Annotated[str, StringConstraints(pattern=DOMAIN_PATTERN)]
FOLDER_PATTERN = r"^(\.|[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*)$"  # no "..", no absolute path
RelativeFolder = Annotated[str, StringConstraints(pattern=FOLDER_PATTERN)]
SkmId = Literal[skm_ids()]  # type: ignore[valid-type]
Category = Literal[categories()]  # type: ignore[valid-type]
# YAML has no tuples: a pair is written as a two-item list, so allow list input here.
Pair = Annotated[tuple[Text, Text], Field(strict=False)]
Percent = Annotated[int, Field(ge=0, le=100)]
Jp = Annotated[int, Field(ge=1, le=1000)]
LAPOR_CHANNELS = (
    "Situs [lapor.go.id](https://www.lapor.go.id)",
    "SMS ke 1708",
    "Media sosial @lapor1708",
    "Aplikasi SP4N-LAPOR! di ponsel",
)


class Strict(BaseModel):
    """Unknown keys are errors; values are taken as YAML typed them (no "4" -> 4)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- site_config.yml

Color = Literal[
    "red", "pink", "purple", "deep purple", "indigo", "blue", "light blue", "cyan", "teal",
    "green", "light green", "lime", "yellow", "amber", "orange", "deep orange", "brown",
    "grey", "blue grey", "black", "white",
]


class Theme(Strict):
    """Look of the site, passed on to Material for MkDocs."""

    primary: Color = Field("indigo", description="Warna utama (palet Material).")
    accent: Color = Field("indigo", description="Warna aksen (palet Material).")
    scheme: Literal["default", "slate"] = Field(
        "default", description="Skema awal: default (terang) atau slate (gelap)."
    )
    logo: str | None = Field(None, description="Berkas logo, relatif terhadap folder proyek.")
    favicon: str | None = Field(None, description="Berkas favicon, relatif terhadap folder proyek.")


class SearchSettings(Strict):
    """Search tuning: words the site's search treats as one."""

    synonyms: list[Annotated[list[Text], Field(min_length=2)]] = Field(
        default_factory=list,
        description="Grup kata atau frasa yang dicari bersama, misalnya [[legalisir, legalisasi], [SKTM, surat "
                    "keterangan tidak mampu]]; singkatan umum (KTP, NIK, ASN...) sudah dikenal.")


class LearningRecords(Strict):
    """What Progres Saya's exports for SIASN and the agency's 20 JP system say about each course."""

    kind: Literal["belajar-mandiri", "e-learning", "komunitas-belajar"] = Field(
        "belajar-mandiri", description="Jenis pengembangan kompetensi pada ekspor: belajar-mandiri (jenis diklat "
                                       "SIASN 22), e-learning (16) atau komunitas-belajar (23).")
    organizer: Text | None = Field(
        None, description="Penyelenggara pada ekspor; tanpa ini dipakai organization, lalu site_name.")
    daily_jp_cap: Annotated[int, Field(ge=1, le=24)] | None = Field(
        None, description="JP paling banyak yang diakui per hari, misalnya 2; tanpa ini tidak ada batas.")
    place: Text | None = Field(
        None, description="Tempat pada tanda tangan bukti belajar, misalnya Medan; tanpa ini ditulis tangan.")


Day = Literal["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"]
_TIME = r"([01][0-9]|2[0-3])[.:][0-5][0-9]"
HOURS_PATTERN = rf"^(tutup|{_TIME} ?- ?{_TIME}(, ?{_TIME} ?- ?{_TIME})*)$"  # 08.00-12.00, 13.00-16.00
PHONE_PATTERN = r"^\+?\(?[0-9][0-9 ()-]{5,19}$"
EMAIL_PATTERN = r"^[^@\s<>\"']+@[a-z0-9.-]+\.[a-z]{2,}$"


class Office(Strict):
    """The service office: where and when citizens are served, and how to reach it."""

    address: Text = Field(description="Alamat kantor pelayanan, satu baris.")
    hours: dict[Day, Annotated[str, StringConstraints(pattern=HOURS_PATTERN)]] = Field(
        default_factory=dict, description="Jam buka per hari (senin ... minggu): 08.00-16.00, beberapa rentang "
                                          "dipisah koma, atau tutup; hari yang tidak ditulis tidak ditampilkan.")
    phone: Annotated[str, StringConstraints(pattern=PHONE_PATTERN)] | None = Field(
        None, description="Nomor telepon kantor, misalnya (061) 6941234.")
    whatsapp: Annotated[str, StringConstraints(pattern=PHONE_PATTERN)] | None = Field(
        None, description="Nomor WhatsApp layanan, misalnya 0812 3456 7890 atau +62 812 3456 7890.")
    email: Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)] | None = Field(
        None, description="Alamat surel kantor.")
    map_url: Url | None = Field(None, description="Tautan peta lokasi kantor (misalnya OpenStreetMap).")
    survey_url: Url | None = Field(
        None, description="Alamat formulir Survei Kepuasan Masyarakat untuk semua layanan; ditampilkan sebagai "
                          "'Beri penilaian layanan ini' dan kode QR pada halaman cetak.")


class SiteConfig(Strict):
    """site_config.yml: settings for the whole site."""

    site_name: Text = Field(description="Nama situs, tampil di kepala setiap halaman.")
    site_description: Text | None = Field(None, description="Deskripsi singkat situs (meta description).")
    site_url: Url | None = Field(None, description="Alamat publik situs, misalnya https://contoh.github.io/belajar-asn/.")
    repo_url: Url | None = Field(None, description="Alamat repositori sumber situs.")
    custom_domain: Domain | None = Field(
        None, description="Domain sendiri untuk GitHub Pages (berkas CNAME), misalnya belajar.contoh.go.id.")
    language: Literal["id", "en"] = Field("id", description="Bahasa situs dan pesan pemeriksa: id atau en.")
    content_dir: RelativeFolder = Field(
        "content", description="Folder materi Markdown dan YAML, relatif terhadap folder proyek ('.': folder proyek).")
    organization: Text | None = Field(None, description="Nama instansi pengelola situs.")
    jp_target: Jp = Field(20, description="Target JP pengembangan kompetensi per tahun.")
    complaint_channels: list[Text] = Field(
        default_factory=lambda: list(LAPOR_CHANNELS), min_length=1,
        description="Saluran SP4N-LAPOR! yang ditampilkan di halaman layanan publik.",
    )
    theme: Theme = Field(default_factory=Theme, description="Tampilan (palet dan logo Material).")
    search: SearchSettings = Field(default_factory=SearchSettings, description="Pencarian: sinonim situs.")
    office: Office | None = Field(
        None, description="Kantor pelayanan: alamat, jam buka, telepon, WhatsApp, surel, peta dan survei; tampil "
                          "di setiap halaman layanan dan di Cara Mengadu.")
    records: LearningRecords = Field(
        default_factory=LearningRecords,
        description="Catatan belajar untuk SIASN dan sistem 20 JP instansi: jenis pengembangan, penyelenggara, "
                    "batas JP per hari.")


# --- courses/*.yml


class Objective(Strict):
    id: Id = Field(description="Id tujuan, dirujuk oleh soal lewat 'objective'.")
    text: Text = Field(description="Rumusan tujuan pembelajaran.")


class Choice(Strict):
    text: Text = Field(description="Teks pilihan jawaban.")
    correct: bool = Field(False, description="true bila pilihan ini benar.")
    feedback: Text | None = Field(None, description="Umpan balik bila pilihan ini dipilih.")


class QuestionBase(Strict):
    prompt: Text = Field(description="Pertanyaan.")
    objective: Id | None = Field(None, description="Id tujuan kursus yang diuji soal ini.")
    hint: Text | None = Field(None, description="Petunjuk yang dapat dibuka peserta.")
    explanation: Text | None = Field(None, description="Penjelasan yang tampil setelah menjawab.")
    points: Annotated[int, Field(ge=1, le=100)] = Field(1, description="Bobot nilai soal.")


class SingleQuestion(QuestionBase):
    type: Literal["single"] = Field(description="Satu jawaban benar.")
    choices: list[Choice] = Field(min_length=2, description="Pilihan jawaban; tepat satu benar.")


class MultipleQuestion(QuestionBase):
    type: Literal["multiple"] = Field(description="Beberapa jawaban benar.")
    choices: list[Choice] = Field(min_length=2, description="Pilihan; paling sedikit satu benar dan satu salah.")


class TrueFalseQuestion(QuestionBase):
    type: Literal["true-false"] = Field(description="Benar atau salah.")
    answer: bool = Field(description="true atau false.")


class ShortQuestion(QuestionBase):
    type: Literal["short"] = Field(description="Jawaban singkat yang diketik.")
    answers: list[Text] = Field(min_length=1, description="Jawaban yang diterima.")


class NumericQuestion(QuestionBase):
    type: Literal["numeric"] = Field(description="Jawaban berupa angka.")
    answer: float = Field(description="Angka yang benar.")
    tolerance: Annotated[float, Field(ge=0)] = Field(0, description="Selisih yang masih diterima.")


class OrderQuestion(QuestionBase):
    type: Literal["order"] = Field(description="Urutkan butir.")
    items: list[Text] = Field(min_length=2, description="Butir dalam urutan yang benar.")


class MatchQuestion(QuestionBase):
    type: Literal["match"] = Field(description="Pasangkan kiri dengan kanan.")
    pairs: list[Pair] = Field(min_length=2, description="Pasangan [kiri, kanan].")


Question = Annotated[
    SingleQuestion | MultipleQuestion | TrueFalseQuestion | ShortQuestion
    | NumericQuestion | OrderQuestion | MatchQuestion,
    Field(discriminator="type"),
]
QUESTION_TYPES = ("single", "multiple", "true-false", "short", "numeric", "order", "match")


class Quiz(Strict):
    pass_mark: Percent = Field(70, description="Nilai lulus dalam persen (0-100).")
    shuffle: bool = Field(False, description="Acak urutan soal dan pilihan pada tiap percobaan.")
    questions: list[Question] = Field(min_length=1, description="Soal-soal kuis.")


class Module(Strict):
    id: Id = Field(description="Id modul, unik dalam kursus; menjadi bagian alamat halaman.")
    title: Text = Field(description="Judul modul.")
    jp: Jp = Field(description="Jam pelajaran modul (1 JP = 45 menit).")
    content: Text = Field(description="Berkas Markdown materi, relatif terhadap content/.")
    summary: Text | None = Field(None, description="Ringkasan modul.")
    quiz: Quiz | None = Field(None, description="Kuis penilaian mandiri modul.")


class Course(Strict):
    """courses/<id>.yml: one course with its modules and quizzes."""

    id: Id = Field(description="Id kursus; sama dengan nama berkas dan menjadi alamat halaman.")
    title: Text = Field(description="Judul kursus.")
    summary: Text | None = Field(None, description="Ringkasan satu-dua kalimat.")
    category: Category = Field(description="Kategori kompetensi: teknis, manajerial, atau sosial-kultural.")
    competency: Id = Field(description="Id kompetensi dalam kategorinya (lihat Panduan Penulis).")
    level: Annotated[int, Field(ge=1, le=5)] = Field(description="Level kompetensi 1-5.")
    jp: Jp = Field(description="Total JP kursus; sama dengan jumlah JP modul.")
    status: Literal["draft", "published"] = Field(
        "published", description="draft tidak pernah masuk ke situs; published diterbitkan."
    )
    audience: list[Text] = Field(default_factory=list, description="Sasaran peserta, misalnya pelaksana.")
    tags: list[Text] = Field(default_factory=list, description="Label bebas.")
    prerequisites: list[Id] = Field(default_factory=list, description="Id kursus yang perlu diselesaikan lebih dulu.")
    improves: list[SkmId] = Field(default_factory=list, description="Id unsur SKM yang diperbaiki kursus ini.")
    objectives: list[Objective] = Field(min_length=1, description="Tujuan pembelajaran.")
    modules: list[Module] = Field(min_length=1, description="Modul dalam urutan belajar.")


# --- front matter of content/**/*.md

Status = Literal["draft", "published"]
STATUS_DESCRIPTION = "draft tidak pernah masuk ke situs; published diterbitkan."


class PageFrontMatter(Strict):
    """Front matter of any other Markdown page under content/ (every key optional)."""

    title: Text | None = Field(None, description="Judul halaman; tanpa ini dipakai judul '# ...' pertama.")
    summary: Text | None = Field(None, description="Ringkasan satu-dua kalimat.")
    status: Status = Field("published", description=STATUS_DESCRIPTION)
    tags: list[Text] = Field(default_factory=list, description="Label bebas.")


class ArticleFrontMatter(PageFrontMatter):
    """content/pengetahuan/*.md: a knowledge-base article (front matter optional)."""

    date: dt.date | None = Field(None, description="Tanggal tulisan (YYYY-MM-DD).")


class ModuleFrontMatter(PageFrontMatter):
    """content/modul/*.md: a soft-skill module, used by courses or read on its own."""

    jp: Jp | None = Field(None, description="Jam pelajaran (1 JP = 45 menit).")
    category: Category | None = Field(
        None, description="Kategori kompetensi; wajib 'teknis' untuk kompetensi teknis, selain itu boleh kosong."
    )
    competency: Id | None = Field(None, description="Id kompetensi yang dikembangkan.")
    level: Annotated[int, Field(ge=1, le=5)] | None = Field(None, description="Level kompetensi 1-5.")


Setting = Literal["indoor", "outdoor", "online"]
SETTINGS = ("indoor", "outdoor", "online")


class GroupSize(Strict):
    min: Annotated[int, Field(ge=1, le=1000)] = Field(description="Jumlah peserta paling sedikit.")
    max: Annotated[int, Field(ge=1, le=1000)] = Field(description="Jumlah peserta paling banyak.")


class GuideFrontMatter(Strict):
    """content/team-building/*.md: a facilitator's guide for one team-building activity."""

    title: Text = Field(description="Nama kegiatan.")
    summary: Text = Field(description="Ringkasan satu-dua kalimat.")
    duration_minutes: Annotated[int, Field(ge=5, le=480)] = Field(description="Lama kegiatan dalam menit.")
    group_size: GroupSize = Field(description="Besar kelompok: {min, max}.")
    setting: Setting = Field(description="Tempat: indoor, outdoor, atau online.")
    materials: list[Text] = Field(description="Bahan yang perlu disiapkan; [] bila tidak ada.")
    competencies: list[Id] = Field(min_length=1, description="Id kompetensi yang dikembangkan.")
    objectives: list[Text] = Field(min_length=1, description="Tujuan kegiatan.")
    safety: Text | None = Field(None, description="Catatan keselamatan untuk fasilitator.")
    status: Status = Field("published", description=STATUS_DESCRIPTION)
    tags: list[Text] = Field(default_factory=list, description="Label bebas.")


# --- content/standar-pelayanan/*.yml

TIME_UNITS = ("menit", "jam", "hari", "hari kerja", "minggu", "bulan")


class ServiceTime(Strict):
    jumlah: Annotated[float, Field(gt=0, le=1000)] = Field(description="Lama layanan, berupa angka.")
    satuan: Literal[TIME_UNITS] = Field(description="Satuan: menit, jam, hari, hari kerja, minggu, atau bulan.")
    keterangan: Text | None = Field(None, description="Penjelasan, misalnya sejak berkas lengkap diterima.")


class ServiceFee(Strict):
    jumlah: Annotated[int, Field(ge=0)] = Field(description="Biaya dalam rupiah; tulis 0 bila tidak dipungut biaya.")
    keterangan: Text | None = Field(None, description="Penjelasan, misalnya dasar tarif atau cara membayar.")


class ComplaintHandling(Strict):
    saluran: list[Text] = Field(min_length=1, description="Saluran pengaduan kantor, paling sedikit satu.")
    keterangan: Text | None = Field(None, description="Cara pengaduan ditindaklanjuti.")


class ServiceStandard(Strict):
    """content/standar-pelayanan/<id>.yml: one service's standard, 14 components (PermenPAN-RB 15/2014)."""

    id: Id = Field(description="Id layanan; sama dengan nama berkas dan menjadi alamat halaman.")
    service: Text = Field(description="Nama layanan, dalam kata-kata masyarakat.")
    unit: Text = Field(description="Unit yang memberi layanan.")
    summary: Text | None = Field(None, description="Satu kalimat: untuk siapa dan untuk apa layanan ini.")
    status: Status = Field("published", description=STATUS_DESCRIPTION)
    example: bool = Field(False, description="true untuk contoh: halaman diberi tanda 'Contoh'.")
    last_reviewed: dt.date = Field(description="Tanggal terakhir standar ditinjau (YYYY-MM-DD).")
    maklumat: Text = Field(description="Maklumat pelayanan: janji kantor kepada masyarakat.")
    # the six service-delivery components
    persyaratan: list[Text] = Field(min_length=1, description="Persyaratan yang dibawa pemohon.")
    sistem_mekanisme_prosedur: list[Text] = Field(min_length=1, description="Langkah layanan, berurutan.")
    jangka_waktu: ServiceTime = Field(description="Jangka waktu pelayanan: {jumlah, satuan}.")
    biaya: ServiceFee = Field(description="Biaya/tarif: {jumlah} dalam rupiah, 0 bila gratis.")
    produk_pelayanan: list[Text] = Field(min_length=1, description="Yang diterima pemohon.")
    penanganan_pengaduan: ComplaintHandling = Field(description="Penanganan pengaduan, saran dan masukan.")
    # the eight internal-management components
    dasar_hukum: list[Text] = Field(min_length=1, description="Peraturan yang mendasari layanan.")
    sarana_prasarana: list[Text] = Field(min_length=1, description="Sarana, prasarana dan/atau fasilitas.")
    kompetensi_pelaksana: list[Text] = Field(min_length=1, description="Kompetensi yang dibutuhkan pelaksana.")
    pengawasan_internal: list[Text] = Field(min_length=1, description="Cara layanan diawasi di dalam kantor.")
    jumlah_pelaksana: Annotated[int, Field(ge=1, le=1000)] = Field(description="Jumlah pelaksana (orang).")
    jaminan_pelayanan: Text = Field(description="Jaminan bahwa layanan diberikan sesuai standar.")
    jaminan_keamanan_keselamatan: Text = Field(description="Jaminan keamanan dan keselamatan pelayanan.")
    evaluasi_kinerja_pelaksana: Text = Field(description="Cara dan jadwal kinerja pelaksana dievaluasi.")
    survey_url: Url | None = Field(
        None, description="Formulir survei khusus layanan ini; tanpa ini dipakai office.survey_url di site_config.yml.")


# --- content/jalur-belajar/*.yml


class LearningPath(Strict):
    """content/jalur-belajar/<id>.yml: an ordered list of courses for one audience."""

    id: Id = Field(description="Id jalur; sama dengan nama berkas dan menjadi alamat halaman.")
    title: Text = Field(description="Judul jalur belajar.")
    audience: Text = Field(description="Untuk siapa jalur ini, misalnya petugas loket baru.")
    summary: Text | None = Field(None, description="Ringkasan satu-dua kalimat.")
    status: Status = Field("published", description=STATUS_DESCRIPTION)
    courses: list[Id] = Field(min_length=1, description="Id kursus dalam urutan belajar.")


DELIVERY_COMPONENTS = ("persyaratan", "sistem_mekanisme_prosedur", "jangka_waktu", "biaya",
                       "produk_pelayanan", "penanganan_pengaduan")
INTERNAL_COMPONENTS = ("dasar_hukum", "sarana_prasarana", "kompetensi_pelaksana", "pengawasan_internal",
                       "jumlah_pelaksana", "jaminan_pelayanan", "jaminan_keamanan_keselamatan",
                       "evaluasi_kinerja_pelaksana")
