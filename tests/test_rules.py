"""Every validation rule, with the exact message a trainer sees (file:line:col: key: message)."""

from __future__ import annotations

import pytest

from conftest import COURSE, report_lines


def course(old: str, new: str) -> dict:
    assert old in COURSE, old
    return {"courses/dasar.yml": COURSE.replace(old, new, 1)}


CASES = {
    "clean": ({}, []),
    "yaml syntax": (
        {"courses/dasar.yml": "id: dasar\ntitle: [Kursus\nlevel: 1\n"},
        ["courses/dasar.yml:3:6: kurung siku atau kurawal yang dibuka di baris 2 tidak ditutup dengan benar",
         "    saran: Tutup kurungnya di baris 2 dan pisahkan butirnya dengan koma; beri tanda kutip pada butir yang "
         "memuat koma atau titik dua."],
    ),
    "tab indentation": (
        {"courses/dasar.yml": "id: dasar\n\ttitle: x\n"},
        ["courses/dasar.yml:2:1: karakter tab dipakai untuk indentasi",
         "    saran: Ganti tab dengan spasi; YAML hanya menerima spasi untuk indentasi."],
    ),
    "duplicate key": (
        course("level: 1\n", "level: 1\nlevel: 2\n"),
        ["courses/dasar.yml:7:1: level: kunci 'level' muncul dua kali (pertama di baris 6)",
         "    saran: Hapus atau gabungkan salah satunya."],
    ),
    "not a mapping": (
        {"courses/dasar.yml": "- id: dasar\n"},
        ["courses/dasar.yml:1:1: isi berkas harus berupa pasangan 'kunci: nilai', bukan list",
         "    saran: Mulai berkas dengan baris seperti 'id: nama-kursus'."],
    ),
    "empty file": ({"courses/dasar.yml": "# nothing yet\n"}, ["courses/dasar.yml:1:1: berkas kosong"]),
    "wrong type: text given a number": (
        course("title: Kursus Dasar", "title: 2024"),
        ["courses/dasar.yml:2:8: title: harus berupa teks, bukan angka",
         '    saran: Tulis dalam tanda kutip: "2024".'],
    ),
    "wrong type: number given text": (
        course("level: 1", 'level: "1"'),
        ["courses/dasar.yml:6:8: level: harus berupa bilangan bulat, bukan teks",
         "    saran: Tulis angka tanpa tanda kutip, misalnya 2."],
    ),
    "wrong type: list given text": (
        course("summary: Ringkasan.", "summary: Ringkasan.\ntags: pelayanan"),
        ["courses/dasar.yml:4:7: tags: harus berupa daftar, bukan teks",
         "    saran: Tulis sebagai daftar, misalnya [a, b] atau baris-baris '- a'."],
    ),
    "wrong type: true-false answer": (
        course("answer: true", 'answer: "ya"'),
        ["courses/dasar.yml:21:19: modules[0].quiz.questions[0].answer: harus berupa true/false, bukan teks",
         "    saran: Tulis true atau false (tanpa tanda kutip)."],
    ),
    "missing required key": (
        course("level: 1\n", ""),
        ["courses/dasar.yml:1:1: level: kunci wajib 'level' tidak ada",
         "    saran: Tambahkan 'level:' di bagian ini."],
    ),
    "unknown key with suggestion": (
        course("level: 1", "levle: 1"),
        ["courses/dasar.yml:1:1: level: kunci wajib 'level' tidak ada",
         "    saran: Tambahkan 'level:' di bagian ini.",
         "courses/dasar.yml:6:1: levle: kunci 'levle' tidak dikenal",
         "    saran: Maksud Anda 'level'?"],
    ),
    "unknown key without suggestion": (
        course("level: 1", "level: 1\nwarna: biru"),
        ["courses/dasar.yml:7:1: warna: kunci 'warna' tidak dikenal",
         "    saran: Kunci yang dikenal: id, title, summary, category, competency, level, jp, status, audience, "
         "tags, prerequisites, improves, objectives, modules."],
    ),
    "bad id": (
        course("id: dasar", "id: Dasar_1"),
        ["courses/dasar.yml:1:5: id: 'Dasar_1' bukan id yang sah",
         "    saran: Gunakan huruf kecil, angka, dan tanda hubung, misalnya 'pelayanan-prima'."],
    ),
    "empty text": (
        course("title: Kursus Dasar", 'title: "  "'),
        ["courses/dasar.yml:2:8: title: tidak boleh kosong"],
    ),
    "level outside 1..5": (
        course("level: 1", "level: 6"),
        ["courses/dasar.yml:6:8: level: harus paling banyak 5, bukan 6"],
    ),
    "status not allowed": (
        course("level: 1", "level: 1\nstatus: publish"),
        ["courses/dasar.yml:7:9: status: 'publish' tidak diizinkan; pilihannya: draft, published",
         "    saran: Maksud Anda 'published'? Pilihannya: draft, published."],
    ),
    "unknown SKM element": (
        course("level: 1", "level: 1\nimproves: [waktu, perilku]"),
        ["courses/dasar.yml:7:19: improves[1]: 'perilku' tidak diizinkan; pilihannya: persyaratan, prosedur, "
         "waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana",
         "    saran: Maksud Anda 'perilaku'? Pilihannya: persyaratan, prosedur, waktu, biaya, produk, kompetensi, "
         "perilaku, pengaduan, sarana."],
    ),
    "competency not in its category": (
        course("competency: komunikasi", "competency: perekat-bangsa"),
        ["courses/dasar.yml:5:13: competency: kompetensi 'perekat-bangsa' tidak ada dalam kategori manajerial",
         "    saran: Pilihannya: integritas, kerja-sama, komunikasi, orientasi-hasil, pelayanan-publik, "
         "pengembangan-diri, mengelola-perubahan, pengambilan-keputusan."],
    ),
    "teknis takes any competency id": (course("category: manajerial", "category: teknis"), []),
    "jp differs from the modules' sum": (
        course("jp: 2\nobjectives", "jp: 3\nobjectives"),
        ["courses/dasar.yml:7:5: jp: jp kursus 3 tidak sama dengan jumlah jp modul, 2 (2)",
         "    saran: Ubah jp menjadi 2 atau periksa jp tiap modul (1 JP = 45 menit)."],
    ),
    "duplicate module id": (
        {"courses/dasar.yml": COURSE.replace("jp: 2\nobjectives", "jp: 3\nobjectives")
         + "  - id: m1\n    title: Lagi\n    jp: 1\n    content: modul/m1.md\n"},
        ["courses/dasar.yml:22:9: modules[1].id: id modul 'm1' sudah dipakai di baris 12",
         "    saran: Setiap id harus unik; ganti salah satunya."],
    ),
    "duplicate objective id": (
        course("    text: Tujuan satu.\n", "    text: Tujuan satu.\n  - id: t1\n    text: Lagi.\n"),
        ["courses/dasar.yml:11:9: objectives[1].id: id tujuan 't1' sudah dipakai di baris 9",
         "    saran: Setiap id harus unik; ganti salah satunya."],
    ),
    "duplicate course id": (
        {"courses/kedua.yml": COURSE},
        ["courses/kedua.yml:1:5: id: id kursus 'dasar' sudah dipakai di courses/dasar.yml",
         "    saran: Setiap id harus unik; ganti salah satunya.",
         "courses/kedua.yml:1:5: id: peringatan: id 'dasar' berbeda dengan nama berkas 'kedua'",
         "    saran: Ganti nama berkas menjadi 'dasar.yml' agar mudah ditemukan."],
    ),
    "content file missing, with suggestion": (
        course("content: modul/m1.md", "content: modul/m2.md"),
        ["courses/dasar.yml:15:14: modules[0].content: berkas konten 'content/modul/m2.md' tidak ada",
         "    saran: Maksud Anda 'modul/m1.md'?"],
    ),
    "content file missing, no suggestion": (
        course("content: modul/m1.md", "content: bahan/pengantar-umum.md"),
        ["courses/dasar.yml:15:14: modules[0].content: berkas konten 'content/bahan/pengantar-umum.md' tidak ada",
         "    saran: Buat berkas content/bahan/pengantar-umum.md atau perbaiki jalurnya."],
    ),
    "content outside content/ with ..": (
        course("content: modul/m1.md", "content: ../site_config.yml"),
        ["courses/dasar.yml:15:14: modules[0].content: '../site_config.yml' berada di luar folder content/",
         "    saran: Tulis jalur relatif terhadap content/, misalnya 'modul/nama-modul.md'."],
    ),
    "content outside content/ as absolute path": (
        course("content: modul/m1.md", "content: /etc/passwd"),
        ["courses/dasar.yml:15:14: modules[0].content: '/etc/passwd' berada di luar folder content/",
         "    saran: Tulis jalur relatif terhadap content/, misalnya 'modul/nama-modul.md'."],
    ),
    "content not Markdown": (
        {**course("content: modul/m1.md", "content: modul/m1.txt"), "content/modul/m1.txt": "x"},
        ["courses/dasar.yml:15:14: modules[0].content: berkas konten harus berakhiran .md, bukan 'modul/m1.txt'",
         "    saran: Simpan materi sebagai berkas Markdown (.md)."],
    ),
    "content not UTF-8": (
        {"content/modul/m1.md": b"# Modul\n\nCaf\xe9 latin-1\n"},
        ["content/modul/m1.md:3:4: berkas bukan teks UTF-8 (byte 0xE9 tidak sah)",
         "    saran: Simpan ulang berkas dengan pengodean UTF-8."],
    ),
    "prerequisite unknown": (
        course("level: 1", "level: 1\nprerequisites: [dasr]"),
        ["courses/dasar.yml:7:17: prerequisites[0]: prasyarat 'dasr' bukan kursus yang dikenal",
         "    saran: Maksud Anda 'dasar'? Pilihannya: dasar."],
    ),
    "prerequisite cycle": (
        {**course("level: 1", "level: 1\nprerequisites: [lanjut]"),
         "courses/lanjut.yml": COURSE.replace("id: dasar", "id: lanjut").replace(
             "level: 1", "level: 2\nprerequisites: [dasar]")},
        ["courses/dasar.yml:7:17: prerequisites[0]: prasyarat membentuk lingkaran: dasar → lanjut → dasar",
         "    saran: Hapus salah satu prasyarat dalam lingkaran ini."],
    ),
    "prerequisite on itself": (
        course("level: 1", "level: 1\nprerequisites: [dasar]"),
        ["courses/dasar.yml:7:17: prerequisites[0]: prasyarat membentuk lingkaran: dasar → dasar",
         "    saran: Hapus salah satu prasyarat dalam lingkaran ini."],
    ),
    "published course needs a draft": (
        {**course("level: 1", "level: 1\nprerequisites: [lanjut]"),
         "courses/lanjut.yml": COURSE.replace("id: dasar", "id: lanjut")
                                     .replace("level: 1", "level: 2\nstatus: draft")},
        ["courses/dasar.yml:7:17: prerequisites[0]: prasyarat 'lanjut' masih berstatus draft dan tidak diterbitkan",
         "    saran: Terbitkan kursus 'lanjut' (status: published) atau hapus prasyarat ini."],
    ),
    "javascript link in YAML text": (
        course("summary: Ringkasan.", "summary: 'Lihat [ini](JavaScript:alert(1))'"),
        ["courses/dasar.yml:3:10: summary: tautan 'javascript:' tidak diizinkan",
         "    saran: Gunakan tautan http:// atau https://."],
    ),
    "unknown question type": (
        course("type: true-false", "type: benar-salah"),
        ["courses/dasar.yml:18:17: modules[0].quiz.questions[0].type: jenis soal 'benar-salah' tidak dikenal; "
         "pilihannya: single, multiple, true-false, short, numeric, order, match",
         "    saran: Pilihannya: single, multiple, true-false, short, numeric, order, match."],
    ),
    "question without type": (
        course("- type: true-false\n          prompt", "- prompt"),
        ["courses/dasar.yml:18:11: modules[0].quiz.questions[0]: jenis soal ('type') tidak ada",
         "    saran: Tambahkan 'type:' dengan salah satu dari: single, multiple, true-false, short, numeric, "
         "order, match."],
    ),
    "pass_mark above 100": (
        course("quiz:\n", "quiz:\n      pass_mark: 101\n"),
        ["courses/dasar.yml:17:18: modules[0].quiz.pass_mark: harus paling banyak 100, bukan 101"],
    ),
    "objective that does not exist": (
        course("objective: t1", "objective: t2"),
        ["courses/dasar.yml:9:9: objectives[0].id: peringatan: tujuan 't1' tidak diuji oleh soal mana pun",
         "    saran: Tambahkan soal dengan 'objective: t1' atau hapus tujuan ini.",
         "courses/dasar.yml:20:22: modules[0].quiz.questions[0].objective: tujuan 't2' tidak ada dalam "
         "objectives kursus",
         "    saran: Pilihannya: t1."],
    ),
    "front matter of a content file": (
        {"content/modul/m1.md": "---\ntitle: Modul\nlevl: 2\n---\n# Modul\n"},
        ["content/modul/m1.md:3:1: levl: kunci 'levl' tidak dikenal", "    saran: Maksud Anda 'level'?"],
    ),
    "front matter not closed": (
        {"content/modul/m1.md": "---\ntitle: Modul\n# Modul\n"},
        ["content/modul/m1.md:1:1: front matter dibuka dengan '---' tetapi tidak ditutup",
         "    saran: Tambahkan baris '---' setelah kunci terakhir front matter."],
    ),
    "script tag in Markdown": (
        {"content/modul/m1.md": "---\ntitle: M\n---\n# M\n\nTeks <script>alert(1)</script>\n"},
        ["content/modul/m1.md:6:6: tag <script> tidak diizinkan dalam konten",
         "    saran: Hapus kode ini; untuk menampilkannya sebagai contoh, letakkan di dalam blok kode (```)."],
    ),
    "event handler in Markdown": (
        {"content/modul/m1.md": "# M\n\n<img src=\"https://contoh.go.id/x.png\"\n  onerror=\"alert(1)\">\n"},
        ["content/modul/m1.md:4:3: atribut 'onerror' (kode JavaScript) tidak diizinkan dalam konten",
         "    saran: Hapus kode ini; untuk menampilkannya sebagai contoh, letakkan di dalam blok kode (```)."],
    ),
    "javascript URL in Markdown, entity-encoded": (
        {"content/modul/m1.md": "# M\n\n<a href=\"jav&#x61;script:alert(1)\">x</a> and [y](javascript:void(0))\n"},
        ["content/modul/m1.md:3:9: tautan 'javascript:' tidak diizinkan",
         "    saran: Gunakan tautan http:// atau https://.",
         "content/modul/m1.md:3:50: tautan 'javascript:' tidak diizinkan",
         "    saran: Gunakan tautan http:// atau https://."],
    ),
    "linked file missing": (
        {"content/modul/m1.md": "# M\n\n![Peta](gambar/peta.png \"Peta\") dan [formulir](../lampiran/f.pdf#hal-2)\n"},
        ["content/modul/m1.md:3:9: berkas 'modul/gambar/peta.png' yang dirujuk tidak ada di content/",
         "    saran: Simpan berkasnya di content/modul/gambar/peta.png atau perbaiki jalurnya (relatif terhadap "
         "berkas Markdown ini).",
         "content/modul/m1.md:3:48: berkas 'lampiran/f.pdf' yang dirujuk tidak ada di content/",
         "    saran: Simpan berkasnya di content/lampiran/f.pdf atau perbaiki jalurnya (relatif terhadap "
         "berkas Markdown ini)."],
    ),
    "linked file outside content/": (
        {"content/modul/m1.md": "# M\n\n<img src=\"../../site_config.yml\" alt=\"x\">\n"},
        ["content/modul/m1.md:3:11: '../../site_config.yml' berada di luar folder content/",
         "    saran: Simpan gambar dan lampiran di dalam content/, misalnya content/modul/gambar/."],
    ),
    "links that are not files": (
        {"content/modul/m1.md": "# M\n\n[a](https://lapor.go.id) [b](#bagian) [c](lain.md) [d](/mutlak.png) "
                                "`![e](tidak/ada.png)`\n"},
        [],
    ),
    "code is not checked": (
        {"content/modul/m1.md": "# M\n\n`<script>`\n\n```html\n<script>alert(1)</script>\n<a onclick=\"x()\">\n```\n"},
        [],
    ),
    "site config: unknown key and wrong language": (
        {"site_config.yml": "site_name: Uji\nsite_nama: x\nlanguage: jv\n"},
        ["site_config.yml:2:1: site_nama: kunci 'site_nama' tidak dikenal",
         "    saran: Maksud Anda 'site_name'?",
         "site_config.yml:3:11: language: 'jv' tidak diizinkan; pilihannya: id, en",
         "    saran: Pilihannya: id, en."],
    ),
    "site config: logo missing": (
        {"site_config.yml": "site_name: Uji\ntheme:\n  logo: gambar/logo.png\n"},
        ["site_config.yml:3:9: theme.logo: berkas logo 'gambar/logo.png' tidak ada",
         "    saran: Tulis jalur relatif terhadap folder proyek, misalnya gambar/logo.png."],
    ),
    "site config: bad url": (
        {"site_config.yml": "site_name: Uji\nsite_url: contoh.go.id\n"},
        ["site_config.yml:2:11: site_url: 'contoh.go.id' bukan alamat http:// atau https://",
         "    saran: Tulis alamat lengkap, misalnya https://contoh.go.id/."],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule_message(project, name):
    files, expected = CASES[name]
    assert report_lines(project(files)) == expected


QUIZ_CASES = {
    "single needs exactly one correct": (
        "- type: single\n  prompt: P\n  choices:\n    - {text: a, correct: true}\n    - {text: b, correct: true}\n",
        "modules[0].quiz.questions[1].choices: soal 'single' harus punya tepat satu pilihan benar, ada 2",
    ),
    "multiple needs a right and a wrong choice": (
        "- type: multiple\n  prompt: P\n  choices:\n    - {text: a, correct: true}\n    - {text: b, correct: true}\n",
        "modules[0].quiz.questions[1].choices: soal 'multiple' perlu paling sedikit satu pilihan benar dan satu "
        "salah (2 benar, 0 salah)",
    ),
    "short needs an answer": (
        "- type: short\n  prompt: P\n  answers: []\n",
        "modules[0].quiz.questions[1].answers: harus berisi paling sedikit 1 butir, ada 0",
    ),
    "numeric needs a number": (
        "- type: numeric\n  prompt: P\n  answer: sembilan\n",
        "modules[0].quiz.questions[1].answer: harus berupa angka, bukan teks",
    ),
    "numeric tolerance not negative": (
        "- type: numeric\n  prompt: P\n  answer: 9\n  tolerance: -1\n",
        "modules[0].quiz.questions[1].tolerance: harus paling sedikit 0, bukan -1",
    ),
    "order needs two items": (
        "- type: order\n  prompt: P\n  items: [satu]\n",
        "modules[0].quiz.questions[1].items: harus berisi paling sedikit 2 butir, ada 1",
    ),
    "order items distinct": (
        "- type: order\n  prompt: P\n  items: [Catat, catat ]\n",
        "modules[0].quiz.questions[1].items[1]: 'catat' muncul dua kali",
    ),
    "match needs two pairs": (
        "- type: match\n  prompt: P\n  pairs: [[a, b]]\n",
        "modules[0].quiz.questions[1].pairs: harus berisi paling sedikit 2 butir, ada 1",
    ),
    "match sides distinct": (
        "- type: match\n  prompt: P\n  pairs: [[a, b], [c, b]]\n",
        "modules[0].quiz.questions[1].pairs[1][1]: 'b' muncul dua kali",
    ),
    "match pair has two sides": (
        "- type: match\n  prompt: P\n  pairs: [[a, b], [c]]\n",
        "modules[0].quiz.questions[1].pairs[1]: harus berisi paling sedikit 2 butir, ada 1",
    ),
}


@pytest.mark.parametrize("name", list(QUIZ_CASES))
def test_quiz_rule_message(project, name):
    question, expected = QUIZ_CASES[name]
    indented = "".join("        " + line + "\n" for line in question.splitlines())
    root = project({"courses/dasar.yml": COURSE + indented})
    messages = [line.split(": ", 1)[1] for line in report_lines(root) if not line.startswith("    ")]
    assert messages == [expected]


def test_messages_in_english_when_the_site_is_english(project):
    root = project(course("level: 1", "levle: 1"), lang="en")
    assert report_lines(root) == [
        "courses/dasar.yml:1:1: level: required key 'level' is missing",
        "    hint: Add 'level:' to this section.",
        "courses/dasar.yml:6:1: levle: unknown key 'levle'",
        "    hint: Did you mean 'level'?",
    ]


def test_every_message_has_both_languages():
    from generator.data import table

    for name in ("messages", "ui"):  # a comma in an unquoted flow value would split it into keys
        for code, texts in table(name).items():
            assert set(texts) == {"id", "en"}, (name, code)
            assert texts["id"] and texts["en"], (name, code)


def test_symlink_leading_out_of_content(project, tmp_path):
    outside = tmp_path / "rahasia.md"
    outside.write_text("# rahasia\n")
    root = project()
    (root / "content/modul/m1.md").unlink()
    (root / "content/modul/m1.md").symlink_to(outside)
    assert report_lines(root) == [
        "courses/dasar.yml:15:14: modules[0].content: 'modul/m1.md' berada di luar folder content/",
        "    saran: Tulis jalur relatif terhadap content/, misalnya 'modul/nama-modul.md'.",
    ]


def test_problems_from_many_files_in_one_run_sorted(project):
    root = project({
        "site_config.yml": "site_name: Uji\ncolor: red\n",
        "courses/dasar.yml": COURSE.replace("level: 1", "level: 9").replace("jp: 2\nobjectives", "jp: 5\nobjectives"),
        "content/modul/m1.md": "# M\n<script>x</script>\n",
    })
    locations = [line.split(": ")[0] for line in report_lines(root) if not line.startswith("    ")]
    assert locations == ["content/modul/m1.md:2:1", "courses/dasar.yml:6:8", "courses/dasar.yml:7:5",
                         "site_config.yml:2:1"]
