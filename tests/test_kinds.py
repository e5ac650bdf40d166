"""Content kinds: soft-skill modules, team-building guides, knowledge base, service standards.

Exact messages for each rule of these kinds, then the pages each kind renders to.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import search_files

from generator import kinds, pipeline, sanitize, scaffold

from conftest import COURSE, REPO, report_lines

TODAY = dt.date(2026, 11, 29)
EPOCH = str(int(dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC).timestamp()))
GUIDE = scaffold.with_examples(kinds.by_name("guide").scaffold.format(title="Menara Kertas")
                               .replace("status: draft", "status: published"))
MANAGERIAL_AND_SOCIAL = ("integritas, kerja-sama, komunikasi, orientasi-hasil, pelayanan-publik, pengembangan-diri, "
                         "mengelola-perubahan, pengambilan-keputusan, perekat-bangsa")
STANDARD = scaffold.with_examples(kinds.by_name("standard").scaffold.format(
    id="legalisasi", title="Legalisasi Dokumen", today="2026-06-01").replace("status: draft", "status: published"))


@pytest.fixture(autouse=True)
def build_date(monkeypatch):
    """Every test here builds on 29 November 2026, so review dates are judged against a fixed day."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def guide(old: str, new: str) -> dict:
    assert old in GUIDE, old
    return {"content/team-building/menara.md": GUIDE.replace(old, new, 1)}


def standard(old: str, new: str, name: str = "legalisasi") -> dict:
    assert old in STANDARD, old
    return {f"content/standar-pelayanan/{name}.yml": STANDARD.replace(old, new, 1)}


CASES = {
    "scaffolds are clean": ({**guide("", ""), **standard("", "")}, []),
    "guide without front matter": (
        {"content/team-building/menara.md": "# Menara Kertas\n\nLangkah.\n"},
        ["content/team-building/menara.md:1:1: panduan team building perlu front matter di awal berkas",
         "    saran: Mulai berkas dengan '---', lalu title, summary, duration_minutes, group_size, setting, "
         "materials, competencies, objectives, dan tutup dengan '---'. Contoh: lms new guide nama-kegiatan."],
    ),
    "guide setting misspelt": (
        guide("setting: indoor", "setting: indor"),
        ["content/team-building/menara.md:6:10: setting: 'indor' tidak diizinkan; pilihannya: indoor, outdoor, online",
         "    saran: Maksud Anda 'indoor'? Pilihannya: indoor, outdoor, online."],
    ),
    "guide key missing": (
        guide("duration_minutes: 30              # lama kegiatan dalam menit\n", ""),
        ["content/team-building/menara.md:2:1: duration_minutes: kunci wajib 'duration_minutes' tidak ada",
         "    saran: Tambahkan 'duration_minutes:' di bagian ini."],
    ),
    "guide group size upside down": (
        guide("{min: 6, max: 20}", "{min: 20, max: 6}"),
        ["content/team-building/menara.md:5:28: group_size.max: group_size.max (6) lebih kecil dari "
         "group_size.min (20)",
         "    saran: Tulis jumlah peserta paling sedikit di 'min' dan paling banyak di 'max'."],
    ),
    "guide competency unknown": (
        guide("competencies: [kerja-sama]", "competencies: [kerjasama]"),
        ["content/team-building/menara.md:8:16: competencies[0]: kompetensi 'kerjasama' tidak dikenal",
         f"    saran: Maksud Anda 'kerja-sama'? Pilihannya: {MANAGERIAL_AND_SOCIAL}."],
    ),
    "guide duration too short": (
        guide("duration_minutes: 30", "duration_minutes: 2"),
        ["content/team-building/menara.md:4:19: duration_minutes: harus paling sedikit 5, bukan 2"],
    ),
    "module competency unknown without category": (
        {"content/modul/spbe.md": "---\ntitle: SPBE\ncompetency: layanan-digital\n---\nIsi.\n"},
        ["content/modul/spbe.md:3:13: competency: kompetensi 'layanan-digital' tidak dikenal",
         "    saran: Untuk kompetensi teknis tambahkan 'category: teknis'; selain itu pilih salah satu: "
         f"{MANAGERIAL_AND_SOCIAL}."],
    ),
    "module technical competency with its category": (
        {"content/modul/spbe.md": "---\ntitle: SPBE\ncategory: teknis\ncompetency: layanan-digital\n---\nIsi.\n"},
        [],
    ),
    "module competency in the wrong category": (
        {"content/modul/m2.md": "---\ntitle: M\ncategory: sosial-kultural\ncompetency: komunikasi\n---\nIsi.\n"},
        ["content/modul/m2.md:4:13: competency: kompetensi 'komunikasi' tidak ada dalam kategori sosial-kultural",
         "    saran: Pilihannya: perekat-bangsa."],
    ),
    "module competency misspelt": (
        {"content/modul/m2.md": "---\ntitle: M\ncompetency: komunikas\n---\nIsi.\n"},
        ["content/modul/m2.md:3:13: competency: kompetensi 'komunikas' tidak dikenal",
         f"    saran: Maksud Anda 'komunikasi'? Pilihannya: {MANAGERIAL_AND_SOCIAL}."],
    ),
    "article with only a heading is valid": ({"content/pengetahuan/a.md": "# Judul Saja\n\nTeks.\n"}, []),
    "article without any title": (
        {"content/pengetahuan/a.md": "Teks tanpa judul.\n"},
        ["content/pengetahuan/a.md:1:1: halaman ini tidak punya judul",
         "    saran: Tambahkan 'title:' di front matter atau baris judul '# Judul' di awal teks."],
    ),
    "article with a setext heading": ({"content/pengetahuan/a.md": "Judul\n=====\n\nTeks.\n"}, []),
    "page where the site writes its own": (
        {"content/layanan/info.md": "# Info\n", "content/modul/index.md": "# Daftar\n"},
        ["content/layanan/info.md:1:1: 'layanan/info.md' dipakai oleh halaman yang dibuat situs sendiri",
         "    saran: Ganti nama berkas atau pindahkan ke folder lain; folder kursus/, layanan/, kompetensi/, "
         "konten/, assets/ dan search/ serta index.md katalog dipakai situs.",
         "content/modul/index.md:1:1: 'modul/index.md' dipakai oleh halaman yang dibuat situs sendiri",
         "    saran: Ganti nama berkas atau pindahkan ke folder lain; folder kursus/, layanan/, kompetensi/, "
         "konten/, assets/ dan search/ serta index.md katalog dipakai situs."],
    ),
    "standard id taken by a public-services page": (
        standard("id: legalisasi", "id: pengaduan", name="pengaduan"),
        ["content/standar-pelayanan/pengaduan.yml:2:5: id: id 'pengaduan' sudah dipakai oleh halaman yang dibuat "
         "situs sendiri",
         "    saran: Pilih id lain yang menggambarkan isinya."],
    ),
    "draft article needs no title yet": ({"content/pengetahuan/a.md": "---\nstatus: draft\n---\nTeks.\n"}, []),
    "published course shows a draft module": (
        {"content/modul/m1.md": "---\nstatus: draft\n---\n# Modul Satu\n"},
        ["courses/dasar.yml:15:14: modules[0].content: kursus yang terbit memakai materi draft "
         "'content/modul/m1.md'",
         "    saran: Ubah 'status: draft' di content/modul/m1.md menjadi published, atau jadikan kursus ini draft."],
    ),
    "standard component missing": (
        standard("jumlah_pelaksana: 1\n", ""),
        ["content/standar-pelayanan/legalisasi.yml:2:1: jumlah_pelaksana: komponen standar pelayanan "
         "'jumlah_pelaksana' tidak ada",
         "    saran: PermenPAN-RB 15/2014 mewajibkan 14 komponen; tambahkan 'jumlah_pelaksana:'. Contoh lengkap: "
         "lms new standard nama-layanan."],
    ),
    "standard requirements empty": (
        standard("persyaratan:\n  - Fotokopi KTP pemohon", "persyaratan: []"),
        ["content/standar-pelayanan/legalisasi.yml:12:14: persyaratan: harus berisi paling sedikit 1 butir, ada 0"],
    ),
    "standard procedure empty": (
        standard("sistem_mekanisme_prosedur:\n  - Pemohon menyerahkan berkas di loket.\n"
                 "  - Petugas memeriksa kelengkapan berkas.\n  - Pemohon menerima hasil layanan.",
                 "sistem_mekanisme_prosedur: []"),
        ["content/standar-pelayanan/legalisasi.yml:14:28: sistem_mekanisme_prosedur: harus berisi paling sedikit "
         "1 butir, ada 0"],
    ),
    "standard time without a unit": (
        standard("{jumlah: 1, satuan: hari kerja}", "{jumlah: 1}"),
        ["content/standar-pelayanan/legalisasi.yml:18:15: jangka_waktu.satuan: kunci wajib 'satuan' tidak ada",
         "    saran: Tambahkan 'satuan:' di bagian ini."],
    ),
    "standard time in words": (
        standard("{jumlah: 1, satuan: hari kerja}", "satu hari"),
        ["content/standar-pelayanan/legalisasi.yml:18:15: jangka_waktu: harus berupa pasangan 'kunci: nilai', "
         "bukan teks",
         "    saran: Tulis angka dan satuan, misalnya 'jangka_waktu: {jumlah: 3, satuan: hari kerja}'."],
    ),
    "standard time unit misspelt": (
        standard("satuan: hari kerja", "satuan: hari kerj"),
        ["content/standar-pelayanan/legalisasi.yml:18:35: jangka_waktu.satuan: 'hari kerj' tidak diizinkan; "
         "pilihannya: menit, jam, hari, hari kerja, minggu, bulan",
         "    saran: Maksud Anda 'hari kerja'? Pilihannya: menit, jam, hari, hari kerja, minggu, bulan."],
    ),
    "standard fee not stated": (
        standard("biaya: {jumlah: 0, keterangan: Tidak dipungut biaya.}", "biaya: gratis"),
        ["content/standar-pelayanan/legalisasi.yml:19:8: biaya: harus berupa pasangan 'kunci: nilai', bukan teks",
         "    saran: Tulis jumlah dalam rupiah, misalnya 'biaya: {jumlah: 0, keterangan: Tidak dipungut biaya}'."],
    ),
    "standard fee without an amount": (
        standard("{jumlah: 0, keterangan: Tidak dipungut biaya.}", "{keterangan: Tidak dipungut biaya.}"),
        ["content/standar-pelayanan/legalisasi.yml:19:8: biaya.jumlah: kunci wajib 'jumlah' tidak ada",
         "    saran: Tambahkan 'jumlah:' di bagian ini."],
    ),
    "standard without a complaint channel": (
        standard("  saluran:\n    - Kotak saran di ruang tunggu", "  saluran: []"),
        ["content/standar-pelayanan/legalisasi.yml:23:12: penanganan_pengaduan.saluran: harus berisi paling "
         "sedikit 1 butir, ada 0"],
    ),
    "standard review overdue": (
        standard("last_reviewed: 2026-06-01", "last_reviewed: 2025-11-28"),
        ["content/standar-pelayanan/legalisasi.yml:7:16: last_reviewed: peringatan: standar terakhir ditinjau "
         "2025-11-28, lebih dari 12 bulan sebelum 2026-11-29",
         "    saran: Tinjau standar bersama masyarakat, lalu perbarui 'last_reviewed'."],
    ),
    "standard reviewed exactly a year ago": (standard("last_reviewed: 2026-06-01", "last_reviewed: 2025-11-29"), []),
    "standard review in the future": (
        standard("last_reviewed: 2026-06-01", "last_reviewed: 2027-06-01"),
        ["content/standar-pelayanan/legalisasi.yml:7:16: last_reviewed: peringatan: tanggal tinjauan 2027-06-01 "
         "berada setelah hari ini (2026-11-29)",
         "    saran: Periksa tahun dan bulan tanggal ini."],
    ),
    "standard review date not a date": (
        standard("last_reviewed: 2026-06-01", "last_reviewed: 2026-13-01"),
        ["content/standar-pelayanan/legalisasi.yml:7:16: last_reviewed: harus berupa tanggal (YYYY-MM-DD), "
         "bukan teks"],
    ),
    "standard id differs from the file name": (
        standard("id: legalisasi", "id: legalisasi-dokumen"),
        ["content/standar-pelayanan/legalisasi.yml:2:5: id: peringatan: id 'legalisasi-dokumen' berbeda dengan "
         "nama berkas 'legalisasi'",
         "    saran: Ganti nama berkas menjadi 'legalisasi-dokumen.yml' agar mudah ditemukan."],
    ),
    "standard unknown key": (
        standard("maklumat: >-", "maklumt: >-"),
        ["content/standar-pelayanan/legalisasi.yml:2:1: maklumat: kunci wajib 'maklumat' tidak ada",
         "    saran: Tambahkan 'maklumat:' di bagian ini.",
         "content/standar-pelayanan/legalisasi.yml:8:1: maklumt: kunci 'maklumt' tidak dikenal",
         "    saran: Maksud Anda 'maklumat'?"],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_kind_rule_message(project, name):
    files, expected = CASES[name]
    assert report_lines(project(files)) == expected


def test_duplicate_standard_ids(project):
    root = project({**standard("", ""), **standard("", "", name="legalisasi-2")})
    assert report_lines(root) == [
        "content/standar-pelayanan/legalisasi-2.yml:2:5: id: peringatan: id 'legalisasi' berbeda dengan nama "
        "berkas 'legalisasi-2'",
        "    saran: Ganti nama berkas menjadi 'legalisasi.yml' agar mudah ditemukan.",
        "content/standar-pelayanan/legalisasi.yml:2:5: id: id layanan 'legalisasi' sudah dipakai di "
        "content/standar-pelayanan/legalisasi-2.yml",
        "    saran: Setiap id harus unik; ganti salah satunya.",
    ]


# --- pages


def rendered(root) -> dict[str, str]:
    """The build tree's files for a project (pure render, no engine)."""
    from generator import render

    outcome = pipeline.check(root)
    assert outcome.project is not None, outcome.problems
    return render.render(render.site_of(outcome.project))


SECOND_COURSE = (COURSE.replace("id: dasar", "id: lanjutan").replace("Kursus Dasar", "Kursus Lanjutan")
                 .replace("id: m1\n", "id: ulang\n"))
ARTICLE = "# Mengenal SP4N-LAPOR!\n\nSaluran pengaduan nasional.\n"
MODULE = ("---\ntitle: Mengelola Stres\nsummary: Napas 4-4-4.\njp: 1\ncompetency: pengembangan-diri\nlevel: 1\n"
          "---\nIsi stres.\n")


def test_a_module_used_by_two_courses_has_one_canonical_page(project):
    root = project({"courses/lanjutan.yml": SECOND_COURSE, "content/modul/m1.md": "# Modul Satu\n\nKalimat unik.\n"})
    tree = rendered(root)
    first, second = tree["docs/kursus/dasar/m1.md"], tree["docs/kursus/lanjutan/ulang.md"]
    assert "Kalimat unik." in first and "Kalimat unik." not in second
    assert ('<p class="lms-reused">Materi modul ini sama dengan modul yang sudah ada. Bacalah di halaman berikut, '
            'lalu kerjakan kuis di bawah ini: <a href="../dasar/m1.html">Modul Satu</a></p>') in second
    assert 'data-lms-quiz="lanjutan/ulang"' in second  # the second course keeps its own quiz
    assert "docs/modul/m1.md" not in tree
    assert '<a class="lms-card__title" href="../kursus/dasar/m1.html">Modul Satu</a>' in tree["docs/modul/index.md"]
    assert pipeline.build(root, root / "site").problems == []
    assert sum("Kalimat unik" in text for _, _, text in search_files.records(root / "site")) == 1


def test_a_module_no_course_uses_is_a_page_of_its_own(project):
    tree = rendered(project({"content/modul/stres.md": MODULE}))
    assert tree["docs/modul/stres.md"] == (
        "# Mengelola Stres\n\n<p class=\"lms-lead\">Napas 4-4-4.</p>\n"
        "<p class=\"lms-meta\">1 JP (45 menit) · Kompetensi: Pengembangan Diri dan Orang Lain (Level 1)</p>\n\n"
        + sanitize.fence("Isi stres.") +
        '\n\n<p class="lms-done" data-lms-standalone="stres" data-lms-jp="1" hidden><button type="button" '
        'class="md-button md-button--primary" aria-pressed="false">Tandai selesai</button> '
        '<span class="lms-done__status" role="status" aria-live="polite"></span></p>\n\n')
    card = ('<li class="lms-card" data-competency="pengembangan-diri" data-level="1" data-jp="1">'
            '<a class="lms-card__title" href="stres.html">Mengelola Stres</a><p>Napas 4-4-4.</p>'
            '<p class="lms-meta">1 JP · Pengembangan Diri dan Orang Lain · Level 1</p></li>')
    assert card in tree["docs/modul/index.md"]


def test_guide_page_opens_with_the_at_a_glance_card(project):
    tree = rendered(project(guide("materials: [Kertas plano, Spidol]", "materials: []")))
    page = tree["docs/team-building/menara.md"]
    assert page.startswith(
        "# Menara Kertas\n\n<p class=\"lms-lead\">Contoh kegiatan kelompok untuk saling mengenal.</p>\n\n"
        '<section class="lms-glance" aria-labelledby="sekilas">\n<h2 id="sekilas">Sekilas kegiatan</h2>\n'
        '<dl class="lms-facts">\n<dt>Durasi</dt><dd>30 menit</dd>\n<dt>Peserta</dt><dd>6–20 orang</dd>\n'
        "<dt>Tempat</dt><dd>Dalam ruangan</dd>\n<dt>Bahan</dt><dd>Tidak perlu bahan khusus</dd>\n"
        "<dt>Kompetensi</dt><dd>Kerja Sama</dd>\n</dl>\n</section>\n\n## Tujuan kegiatan\n")
    assert '<div class="admonition warning"><p class="admonition-title">Keselamatan</p>' in page
    steps = ("## Tujuan kegiatan", "## Persiapan", "## Langkah fasilitator", "## Pertanyaan refleksi")
    assert sorted(steps, key=page.index) == list(steps)
    catalogue = tree["docs/team-building/index.md"]
    assert ('<li class="lms-card" data-duration="30" data-group="6-20" data-setting="indoor">'
            '<a class="lms-card__title" href="menara.html">Menara Kertas</a>') in catalogue
    assert '<form class="lms-filter" data-lms-filter="daftar-panduan"' in catalogue
    assert '<option value="indoor">Dalam ruangan</option>' in catalogue
    assert '<option value="outdoor">' not in catalogue  # only settings some guide has


def test_article_without_front_matter_takes_its_heading(project):
    tree = rendered(project({"content/pengetahuan/lapor.md": ARTICLE,
                             "content/pengetahuan/jp.md": "---\ntitle: 20 JP\ntags: [JP, kompetensi]\n---\nIsi.\n"}))
    assert tree["docs/pengetahuan/lapor.md"] == (
        "---\ntags: []\n---\n# Mengenal SP4N-LAPOR!\n\n" + sanitize.fence("Saluran pengaduan nasional.") + "\n")
    assert tree["docs/pengetahuan/jp.md"].startswith('---\ntags: ["JP", "kompetensi"]\n---\n# 20 JP\n')
    assert "<!-- material/tags -->" in tree["docs/pengetahuan/tag.md"]
    assert "pengetahuan/tag.md" in tree["mkdocs.yml"] and "- tags:\n    export: false" in tree["mkdocs.yml"]


def test_tag_index_and_chips_in_the_built_site(project):
    root = project({"content/pengetahuan/jp.md": "---\ntitle: 20 JP\ntags: [JP, kompetensi]\n---\nIsi.\n"})
    assert pipeline.build(root, root / "site").problems == []
    page = (root / "site/pengetahuan/jp.html").read_text()
    assert '<a href="tag.html#tag:jp" class="md-tag">JP</a>' in page
    tags = (root / "site/pengetahuan/tag.html").read_text()
    assert '<h2 id="tag:kompetensi">' in tags and 'href="jp.html"' in tags


def public_page(tree: dict) -> str:
    return tree["docs/layanan/legalisasi.md"]


def test_standard_page_puts_service_delivery_first(project):
    tree = rendered(project(standard("status: published", "status: published\nexample: true")))
    page = public_page(tree)
    ids = re.findall(r"^## .* \{#([a-z-]+)\}$", page, re.M)
    assert ids == ["persyaratan", "alur", "waktu", "biaya", "produk", "pengaduan-saran", "pengelolaan", "maklumat",
                   "ke-mana-mengadu"]
    assert "<p><strong>Rp0</strong> (tidak dipungut biaya). Tidak dipungut biaya.</p>" in page
    assert "<p><strong>1 hari kerja</strong></p>" in page
    assert "Halaman ini adalah contoh standar pelayanan" in page
    assert ('<li>Situs <a href="https://www.lapor.go.id">lapor.go.id</a></li><li>SMS ke 1708</li>'
            '<li>Media sosial @lapor1708</li><li>Aplikasi SP4N-LAPOR! di ponsel</li>') in page
    assert "<dt>Jumlah petugas</dt><dd>1 orang</dd>" in page
    listing = tree["docs/layanan/index.md"]
    assert ('<tr><td><a href="legalisasi.html">Legalisasi Dokumen</a> <span class="lms-tag">contoh</span></td>'
            "<td>1 hari kerja</td><td>Tidak dipungut biaya</td></tr>") in listing
    assert ("- Layanan Publik:\n  - Standar Pelayanan: layanan/index.md\n  - Legalisasi Dokumen: layanan/legalisasi.md"
            "\n  - Cara Mengadu: layanan/pengaduan.md") in (
        tree["mkdocs.yml"])


def test_complaint_channels_come_from_the_site_config(project):
    root = project({**standard("jumlah: 0, keterangan: Tidak dipungut biaya.", "jumlah: 15000"),
                    "site_config.yml": "site_name: Uji\ncomplaint_channels: ['LAPOR! di lapor.go.id']\n"})
    page = public_page(rendered(root))
    assert "<ul><li>LAPOR! di lapor.go.id</li></ul>" in page
    assert "<p><strong>Rp15.000</strong></p>" in page


def test_drafts_of_every_kind_stay_out(project):
    root = project({**guide("status: published", "status: draft"),
                    **standard("status: published", "status: draft"),
                    "content/pengetahuan/a.md": "---\ntitle: Rahasia\nstatus: draft\n---\nIsi.\n",
                    "content/modul/stres.md": MODULE.replace("level: 1", "level: 1\nstatus: draft")})
    tree = rendered(root)
    pages = [p for p in tree if p.startswith("docs/") and p.endswith(".md")]
    assert sorted(pages) == ["docs/index.md", "docs/kompetensi/index.md", "docs/kompetensi/manajerial.md",
                             "docs/kompetensi/sosial-kultural.md", "docs/kompetensi/teknis.md",
                             "docs/kursus/dasar/bukti.md", "docs/kursus/dasar/index.md", "docs/kursus/dasar/m1.md",
                             "docs/kursus/index.md", "docs/modul/index.md", "docs/progres.md"]
    assert "Rahasia" not in "".join(tree.values()) and "Menara" not in "".join(tree.values())


def test_competency_index_lists_courses_modules_and_guides(project):
    tree = rendered(project({**guide("", ""), "content/modul/stres.md": MODULE}))
    page = tree["docs/kompetensi/manajerial.md"]
    komunikasi = page[page.index('<h2 id="komunikasi">'):page.index('<h2 id="orientasi-hasil">')]
    assert ('<li><span class="lms-tag">Kursus</span> <a href="../kursus/dasar/index.html">Kursus Dasar</a></li>'
            in komunikasi)
    assert '<a href="../kursus/dasar/m1.html">Modul Satu</a>' in komunikasi  # the course's module inherits it
    kerja_sama = page[page.index('<h2 id="kerja-sama">'):page.index('<h2 id="komunikasi">')]
    assert '<span class="lms-tag">Team building</span> <a href="../team-building/menara.html">Menara Kertas</a>' in (
        kerja_sama)
    assert '<a href="../modul/stres.html">Mengelola Stres</a>' in page
    assert '<h2 id="integritas">Integritas</h2>\n<p class="lms-meta">Belum ada materi untuk kompetensi ini.</p>' in page


def test_home_page_has_an_entry_for_each_audience_and_can_be_replaced(project):
    root = project({**standard("", ""), **guide("", "")})
    home = rendered(root)["docs/index.md"]
    for heading in ("Untuk pegawai ASN", "Untuk pelatih dan fasilitator", "Untuk masyarakat"):
        assert heading in home
    assert '<li><a href="layanan/index.html">Standar Pelayanan</a> <span class="lms-meta">1 layanan</span></li>' in home
    assert "memenuhi 20 JP pengembangan kompetensi" in home
    (root / "content/index.md").write_text("# Selamat Datang di Kantor Kami\n\nTeks sendiri.\n")
    assert rendered(root)["docs/index.md"] == (
        "# Selamat Datang di Kantor Kami\n\n" + sanitize.fence("Teks sendiri.") + "\n")


def test_nav_has_a_tab_per_kind_in_order(project):
    root = project({**standard("", ""), **guide("", ""), "content/pengetahuan/lapor.md": ARTICLE,
                    "content/modul/stres.md": MODULE, "content/tentang.md": "# Tentang Kami\n\nIsi.\n"})
    mkdocs = rendered(root)["mkdocs.yml"]
    tabs = re.findall(r"^- ([^:\n]+)", mkdocs[mkdocs.index("\nnav:\n"):], re.M)
    assert tabs == ["Beranda", "Layanan Publik", "Kursus", "Modul", "Kegiatan Tim", "Pengetahuan", "Kompetensi"]
    assert '<li><a href="tentang.html">Tentang Kami</a></li>' in rendered(root)["docs/index.md"]  # not a tab


@pytest.mark.parametrize("kind", [k.name for k in kinds.REGISTRY if k.scaffold])
def test_new_content_of_each_kind_is_valid_and_builds(project, lms, kind):
    root = project()
    result = lms("new", kind, "contoh-baru", "--project", root)
    assert result.exit_code == 0, result.output
    path = root / result.output.strip()
    assert report_lines(root) == []
    published = path.read_text().replace("status: draft", "status: published")
    path.write_text(published)
    assert any("teks kerangka" in line for line in report_lines(root))  # skeleton text published: warned
    path.write_text(scaffold.with_examples(published))
    assert report_lines(root) == []
    assert pipeline.build(root, root / "site", strict=True).problems == []
    assert lms("new", kind, "contoh-baru", "--project", root).exit_code == 1
    assert lms("new", kind, "Bukan Id", "--project", root).exit_code == 2


def test_the_sample_site_is_rich_and_clean_with_strict():
    outcome = pipeline.check(REPO)
    assert outcome.problems == []
    checked = outcome.project
    courses = checked.published
    assert len(courses) >= 6 and {c.category for c in courses} == {"teknis", "manajerial", "sosial-kultural"}
    assert all(len(c.modules) >= 2 and all(m.quiz for m in c.modules) for c in courses)
    found = list(checked.kinds.values())
    assert found.count("module") >= 8 and found.count("guide") >= 6 and found.count("article") >= 6
    standards = checked.collections["standard"]
    assert len(standards) >= 3 and all(s.example for s in standards)
    assert any("perguruan tinggi" in (f.title or "").lower() for f in checked.front.values() if f is not None)


def test_a_page_can_include_the_generated_format_reference(project):
    from generator import schema

    tree = rendered(project({"content/panduan.md": "# Panduan\n\nLihat:\n\n<!-- lms:reference -->\n"}))
    page = tree["docs/panduan.md"]
    assert schema.reference_markdown("id").replace("#### ", "### ") in page  # under the page's own H2s
    assert "| kunci | jenis | wajib / bawaan | arti |" in page and "| `site_name` | teks | wajib |" in page
