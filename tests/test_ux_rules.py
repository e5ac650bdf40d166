"""Issue 16's checks on what trainers write: the office in site_config.yml, course ids the browser needs."""

from __future__ import annotations

from conftest import COURSE, report_lines

OFFICE = """\
site_name: Situs Uji
language: id
office:
  address: Jl. Raya Pelabuhan No. 1
  hours:
    senin: 8-16
  phone: abc
  email: pelayanan.contoh.go.id
  map_url: "javascript:alert(1)"
"""
LOCATED = ["site_config.yml:6:12: office.hours.senin: ", "site_config.yml:7:10: office.phone: ",
           "site_config.yml:8:10: office.email: ", "site_config.yml:9:12: office.map_url: "]


def test_bad_office_values_are_each_located_at_their_value(project):
    lines = [line for line in report_lines(project({"site_config.yml": OFFICE})) if not line.startswith("    ")]
    assert [line[:len(start)] for line, start in zip(lines, LOCATED, strict=True)] == LOCATED
    assert report_lines(project({"site_config.yml": OFFICE}))[-2:] == [
        "site_config.yml:9:12: office.map_url: 'javascript:alert(1)' bukan alamat http:// atau https://",
        "    saran: Tulis alamat lengkap, misalnya https://contoh.go.id/.",
    ]


def test_bad_office_values_each_get_a_message_and_a_hint(project):
    assert report_lines(project({"site_config.yml": OFFICE})) == [
        "site_config.yml:6:12: office.hours.senin: '8-16' bukan jam buka yang dapat dibaca",
        "    saran: Tulis jam dan menit, misalnya 08.00-16.00; beberapa rentang dipisah koma (08.00-11.30, "
        "13.30-16.00), atau tutup.",
        "site_config.yml:7:10: office.phone: 'abc' bukan nomor telepon",
        "    saran: Tulis angkanya dengan kode wilayah, boleh dengan spasi, tanda hubung atau kurung, misalnya "
        "(061) 6941234 atau +62 812 3456 7890.",
        "site_config.yml:8:10: office.email: 'pelayanan.contoh.go.id' bukan alamat surel",
        "    saran: Tulis alamat lengkap dengan @, misalnya pelayanan@kecamatan.go.id.",
        "site_config.yml:9:12: office.map_url: 'javascript:alert(1)' bukan alamat http:// atau https://",
        "    saran: Tulis alamat lengkap, misalnya https://contoh.go.id/.",
    ]


def test_a_course_may_not_be_called_modul(project):
    """Standalone modules keep their done marks as modul/<module>: a course 'modul' would share them."""
    course = COURSE.replace("id: dasar", "id: modul")
    root = project({"courses/modul.yml": course}, defaults=False)
    (root / "content/modul").mkdir(parents=True)
    (root / "content/modul/m1.md").write_text("# Modul Satu\n\nIsi modul.\n", encoding="utf-8")
    assert report_lines(root) == [
        "courses/modul.yml:1:5: id: id kursus 'modul' dipakai situs untuk modul mandiri (folder modul/)",
        "    saran: Pilih id lain yang menggambarkan kursusnya, misalnya 'modul-dasar'; nama berkasnya ikut diganti.",
    ]
    english = project({"courses/modul.yml": course, "content/modul/m1.md": "# M\n\nIsi.\n"}, lang="en",
                      defaults=False)
    assert report_lines(english)[0] == (
        "courses/modul.yml:1:5: id: the course id 'modul' is used by the site for standalone modules "
        "(the modul/ folder)")
