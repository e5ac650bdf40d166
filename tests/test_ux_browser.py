"""Issue 16 as people use the site, in headless Chromium on the sample site: catalogue filters in the address
and on a phone, the learner's next steps, quiz wording and dates, the citizen's at-a-glance box and its QR code,
JavaScript off, and the offline build.

The sample site is built once for the module (and once offline, for the one test that opens it from file://);
every test takes a fresh context of the one shared Chromium.
"""

from __future__ import annotations

import re

import pytest
import yaml

from generator import pipeline

from browser import browser_page, shown
from conftest import REPO

COURSES = "kursus/index.html"
COURSE = "komunikasi-pelayanan"
TITLE = "Komunikasi di Meja Layanan"
LAST = f"kursus/{COURSE}/menjelaskan-prosedur.html"
FIRST = f"kursus/{COURSE}/mendengarkan-aktif.html"
RECORD = f"kursus/{COURSE}/bukti.html"
SERVICE = "layanan/legalisasi-dokumen.html"
STANDALONE = "modul/budaya-kerja-positif.html"
ORDERING = "kursus/pelayanan-prima/menangani-keluhan.html"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}")
WHEN = "2026-11-30T10:00:00.000Z"  # "30 November 2026" in any time zone from UTC-10 to UTC+13

# the learner's state, set through the state module as the quiz and "Tandai selesai" set it
PASS = """([course, modules, when]) => { const c = LmsData.courses[course];
  for (const m of c.modules.filter((m) => !modules || modules.includes(m.id))) {
    if (m.quiz) LmsState.recordAttempt(Lms.key.quiz(course, m.id, m.quiz), 100, true, new Date(when), m.jp);
    else LmsState.markDone(Lms.key.module(course, m.id), true, m.jp, new Date(when));
  } }"""
# the inline SVG drawn on a white canvas, as grey levels, for a real QR decoder
QR_PIXELS = """async (svg) => {
  const scale = 2, pad = 16, size = svg.width.baseVal.value * scale + 2 * pad;
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], {type: "image/svg+xml"}));
  const img = new Image();
  await new Promise((done, fail) => { img.onload = done; img.onerror = fail; img.src = url; });
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size;
  const g = canvas.getContext("2d");
  g.imageSmoothingEnabled = false;
  g.fillStyle = "#fff"; g.fillRect(0, 0, size, size);
  g.drawImage(img, pad, pad, size - 2 * pad, size - 2 * pad);
  const rgba = g.getImageData(0, 0, size, size).data, grey = [];
  for (let i = 0; i < rgba.length; i += 4) grey.push(Math.round((rgba[i] + rgba[i + 1] + rgba[i + 2]) / 3));
  return {size: size, grey: grey};
}"""


def agree(page) -> tuple[str, list[str], str]:
    """What the form says, what the list shows, and the count line: they must tell the same story."""
    form = page.locator("form.lms-filter")
    values = form.locator("select").evaluate_all("s => s.map((x) => x.name + '=' + x.value).join('&')")
    return values, shown(page), form.locator(".lms-filter__count").inner_text()


# ---- catalogue filters ----------------------------------------------------------------------------------------

def test_filters_are_in_the_address_shared_and_kept_on_reload(site, page):
    page.goto(site + COURSES + "?kategori=teknis&level=2")  # a shared link
    form = page.locator("form.lms-filter")
    assert form.get_by_label("Kategori").input_value() == "teknis"
    assert form.get_by_label("Level").input_value() == "2"
    assert shown(page) == ["Evaluasi Layanan dan Umpan Balik Masyarakat"]
    assert form.locator(".lms-filter__count").inner_text() == "1 dari 6 ditampilkan"
    assert form.locator("summary").inner_text() == "Saring daftar (2 aktif)"
    form.get_by_label("Level").select_option(label="Semua")
    assert page.url == site + COURSES + "?kategori=teknis"
    form.get_by_label("JP").select_option(label="3–4 JP")
    assert page.url == site + COURSES + "?kategori=teknis&jp=3-4"
    page.reload()
    assert agree(page) == ("category=teknis&competency=&level=&jp=3-4",
                           ["Evaluasi Layanan dan Umpan Balik Masyarakat", "Layanan Publik Digital"],
                           "2 dari 6 ditampilkan")
    form.get_by_role("button", name="Tampilkan semua").click()
    expect_url = site + COURSES
    page.wait_for_function("u => location.href === u", arg=expect_url)
    assert len(shown(page)) == 6 and form.locator("summary").inner_text() == "Saring daftar"


def test_an_address_the_filters_do_not_offer_lists_everything_and_keeps_other_parameters(site, page):
    page.goto(site + COURSES + "?kategori=tidak-ada&level=9&h=pelayanan")
    assert agree(page) == ("category=&competency=&level=&jp=", shown(page), "6 dari 6 ditampilkan")
    page.locator("form.lms-filter").get_by_label("Kategori").select_option("manajerial")
    # the unknown value leaves the address once a filter changes; Material's ?h= search highlight stays
    assert page.url == site + COURSES + "?kategori=manajerial&h=pelayanan"


def test_guide_and_module_catalogues_read_their_filters_from_the_address(site, page):
    page.goto(site + "team-building/index.html?tempat=outdoor&peserta=35")
    assert shown(page) == ["Estafet Layanan"]
    assert page.locator("form.lms-filter").get_by_label("Jumlah peserta").input_value() == "35"
    page.goto(site + "modul/index.html?kompetensi=komunikasi")
    assert sorted(shown(page)) == ["Mendengarkan Aktif", "Menjelaskan Prosedur dengan Jelas"]


def test_form_and_list_agree_after_back_with_instant_navigation_reload_and_bfcache(site, page):
    page.goto(site + COURSES)
    page.locator("form.lms-filter").get_by_label("Kategori").select_option("teknis")
    teknis = ("category=teknis&competency=&level=&jp=",
              ["Evaluasi Layanan dan Umpan Balik Masyarakat", "Layanan Publik Digital"], "2 dari 6 ditampilkan")
    assert agree(page) == teknis
    page.get_by_role("link", name="Layanan Publik Digital").click()  # instant navigation
    page.wait_for_url("**/layanan-digital/index.html")
    page.go_back()
    page.wait_for_url("**/kursus/index.html?kategori=teknis")
    page.locator("form.lms-filter:not([hidden])").wait_for()
    assert agree(page) == teknis
    page.goto(site + "progres.html")  # a full page load, then Back
    page.go_back()
    page.locator("form.lms-filter:not([hidden])").wait_for()
    assert agree(page) == teknis
    # Back from the bfcache shows the page as it was, and a browser may restore a control's value of its own
    # (Playwright's Chromium keeps no bfcache): the address still decides
    page.evaluate("""() => { document.querySelector("select[name=category]").value = "manajerial";
      window.dispatchEvent(new PageTransitionEvent("pageshow", {persisted: true})); }""")
    assert agree(page) == teknis


def test_on_a_phone_the_filters_are_one_line_that_opens_by_keyboard(site, page):
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(site + COURSES + "?kategori=teknis")
    form, summary = page.locator("form.lms-filter"), page.locator("form.lms-filter summary")
    assert summary.inner_text() == "Saring daftar (1 aktif)"
    assert not form.locator("details").evaluate("d => d.open")
    assert not form.get_by_label("Kategori").is_visible()
    box = form.bounding_box()
    assert box["height"] < 100, box  # the summary and the count line
    first = page.locator(".lms-cards > li:visible").first.bounding_box()
    assert first["y"] + 60 < 640, first  # the first course's title is on the first screen
    summary.focus()
    assert summary.evaluate("s => getComputedStyle(s).outlineStyle") != "none"  # where the focus is
    page.keyboard.press("Enter")
    assert form.locator("details").evaluate("d => d.open")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "category"
    page.keyboard.press("ArrowDown")  # a keyboard choice filters too
    assert page.url != site + COURSES + "?kategori=teknis"
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site + COURSES)
    assert form.locator("details").evaluate("d => d.open") and form.get_by_label("Kategori").is_visible()


# ---- the learner's next steps ---------------------------------------------------------------------------------

def test_the_last_module_leads_to_the_record_saying_course_finished_once_it_is(site, page):
    page.goto(site + LAST)
    finish = page.locator(".lms-pager a.lms-finish")
    assert finish.inner_text() == "Berikutnya: Bukti Belajar Mandiri →"
    page.evaluate(PASS, [COURSE, ["menjelaskan-prosedur"], WHEN])
    page.reload()
    assert finish.inner_text() == "Berikutnya: Bukti Belajar Mandiri →"  # one module is still open
    page.evaluate(PASS, [COURSE, None, WHEN])  # lms:state redraws the page at once
    assert finish.inner_text() == "Kursus selesai → Bukti Belajar Mandiri"
    finish.click()
    page.wait_for_url("**/" + RECORD)


def test_the_record_of_an_unfinished_course_links_back_to_the_course(site, page):
    page.goto(site + RECORD)
    back = page.get_by_role("link", name=f"← Kembali ke kursus: {TITLE}")
    assert back.is_visible()
    assert page.locator(".lms-record__pending").is_visible()
    back.click()
    page.wait_for_url("**/kursus/" + COURSE + "/index.html")
    assert page.locator("h1").inner_text().rstrip("¶") == TITLE


def test_home_page_resumes_where_a_returning_learner_left(site, page):
    page.goto(site + "index.html")
    resume = page.locator(".lms-resume")
    assert not resume.is_visible()  # a first visit: nothing to resume
    page.evaluate(PASS, [COURSE, ["mendengarkan-aktif"], WHEN])
    page.reload()
    link = resume.get_by_role("link")
    assert link.inner_text() == "Lanjutkan belajar: Menjelaskan Prosedur dengan Jelas"
    assert link.get_attribute("href") == site + LAST
    assert resume.locator(".lms-resume__course").inner_text() == f"{TITLE} · 1 dari 2 modul selesai"
    page.evaluate(PASS, [COURSE, None, WHEN])
    page.reload()
    assert link.inner_text() == f"Lihat Bukti Belajar Mandiri: {TITLE}"
    assert link.get_attribute("href") == site + RECORD


def test_catalogue_cards_show_the_learners_progress(site, page):
    page.goto(site + COURSES)
    assert page.locator(".lms-card__progress:visible").count() == 0
    page.evaluate(PASS, [COURSE, ["mendengarkan-aktif"], WHEN])
    page.evaluate(PASS, ["harmoni-keberagaman", None, WHEN])
    page.reload()
    progress = {page.locator(f'[data-lms-card="{c}"] .lms-card__progress').inner_text()
                for c in (COURSE, "harmoni-keberagaman")}
    assert progress == {"1 dari 2 modul selesai", "✓ Kursus selesai"}
    assert page.locator(".lms-card__progress:visible").count() == 2
    page.goto(site + "index.html")  # the home page's cards too
    assert page.locator(f'[data-lms-card="{COURSE}"] .lms-card__progress').inner_text() == "1 dari 2 modul selesai"


def test_marking_a_standalone_module_done_counts_its_jp_on_progres_saya(site, page):
    page.goto(site + STANDALONE)
    assert "1 JP" in page.locator(".lms-meta").first.inner_text()
    button = page.locator(".lms-done button")
    assert button.inner_text() == "Tandai selesai"
    button.click()
    assert page.locator(".lms-done__status").inner_text() == "Modul ini ditandai selesai."
    assert button.get_attribute("aria-pressed") == "true"
    page.goto(site + "progres.html")
    modules = page.locator(".lms-ledger__modules").inner_text()
    assert "Membangun Budaya Kerja Positif" in modules
    assert re.search(r"\b1 dari 20 JP\b", page.locator(".lms-ledger__years").inner_text())


def test_checking_an_unanswered_quiz_records_nothing_and_reveals_no_answer(site, page):
    page.goto(site + FIRST)
    form = page.locator("form.lms-quiz")
    form.get_by_role("button", name="Periksa jawaban").click()
    result = form.locator(".lms-quiz__result")
    assert result.inner_text() == "Belum ada soal yang dijawab. Jawab minimal satu soal, lalu periksa lagi."
    assert page.evaluate("document.activeElement.classList.contains('lms-quiz__result')")  # read out at once
    assert page.evaluate("LmsState.all().quizzes") == {}
    assert form.locator(".lms-answer:visible, .lms-verdict:visible").count() == 0
    assert form.get_by_role("button", name="Periksa jawaban").is_visible()  # still a first attempt


# ---- wording: dates, the ordering question, the text without JavaScript -------------------------------------

def test_dates_read_30_november_2026_on_quiz_progress_and_record_pages(site, page):
    page.goto(site + "index.html")
    page.evaluate(PASS, [COURSE, None, WHEN])
    for path, where in ((FIRST, ".lms-quiz__history"), ("progres.html", ".lms-ledger"), (RECORD, ".lms-record")):
        page.goto(site + path)
        page.locator(where).wait_for()
        assert "30 November 2026" in page.locator(where).inner_text(), path
        visible = page.locator("body").inner_text()
        assert ISO_DATE.findall(visible) == [], path
    page.goto(site + FIRST)
    assert page.locator(".lms-quiz__history").inner_text().endswith("Lulus pada 30 November 2026.")


def test_the_ordering_answer_key_uses_the_numbers_of_its_instructions(site, page):
    page.goto(site + ORDERING)
    question = page.locator('.lms-question[data-type="order"]').first
    n = question.locator("li[data-pos]").count()
    assert question.get_by_text(f"Beri nomor urut 1 sampai {n}.").is_visible()
    assert question.locator("li[data-pos] select").first.locator("option").all_inner_texts()[1:] == [
        str(i) for i in range(1, n + 1)]
    key = question.locator("ol.lms-order-key > li")
    assert key.count() == n
    assert set(key.evaluate_all("items => items.map((li) => getComputedStyle(li).listStyleType)")) == {"decimal"}


def test_the_no_javascript_text_shows_only_without_javascript(site, page):
    page.goto(site + FIRST)
    assert page.locator(".lms-quiz__intro").inner_text() == "Nilai lulus: 70%. Jawab soal, lalu tekan Periksa jawaban."
    assert "buka jawabannya" not in page.locator("body").inner_text()
    page.goto(site + "progres.html")
    assert "memerlukan JavaScript" not in page.locator("body").inner_text()
    with browser_page(javascript=False) as plain:
        plain.goto(site + FIRST)
        assert plain.locator(".lms-quiz__intro").inner_text() == (
            "Nilai lulus: 70%. Jawab dulu, lalu buka jawabannya untuk memeriksa.")
        assert plain.locator("details.lms-answer").first.is_visible()  # the answers are there to open
        plain.goto(site + "progres.html")
        assert "Halaman ini memerlukan JavaScript" in plain.locator("body").inner_text()
        plain.goto(site + COURSES)  # the plain list shows everything
        assert not plain.locator("form.lms-filter").is_visible()
        assert plain.locator(".lms-cards > li:visible").count() == 6


# ---- the citizen's service page -------------------------------------------------------------------------------

def test_the_service_at_a_glance_comes_first_on_screen_and_on_paper(site, page):
    page.goto(site + SERVICE)
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        order = page.evaluate("""() => {
          const content = document.querySelector(".md-content__inner");
          const glance = content.querySelector(".lms-service-glance");
          const top = (e) => e.getBoundingClientRect().top + scrollY;
          const before = [...content.children].filter((e) => e !== glance && !glance.contains(e)
            && e.getBoundingClientRect().height > 0 && top(e) < top(glance));
          return {before: before.map((e) => e.tagName.toLowerCase() + "." + (e.className || "").split(" ").pop()),
                  glance: top(glance) - top(content.querySelector("h1")),
                  sections: [...content.querySelectorAll("h2")].filter((h) => !glance.contains(h)).map(top)
                    .every((t) => t > top(glance))};
        }""")
        assert order["sections"], media  # every section of the standard follows the box
        assert set(order["before"]) <= {"h1.", "div.lms-example", "p.lms-lead", "p.lms-meta"}, (media, order)
        # printed: the box starts on the first A4 page (printable height 267 mm at 96 px per inch: ~1009 px)
        assert order["glance"] < (400 if media == "print" else 800), (media, order)
    glance = page.locator(".lms-service-glance")
    assert glance.evaluate("g => getComputedStyle(g).breakInside") == "avoid"
    text = glance.inner_text()
    for label in ("Yang perlu dibawa", "Berapa lama", "Berapa biayanya", "Di mana", "Jam buka", "Kontak"):
        assert label in text


def test_the_printed_qr_code_is_inline_svg_that_decodes_to_the_survey_address(site, page):
    zxingcpp = pytest.importorskip("zxingcpp")  # a real decoder (pip: zxing-cpp)
    survey = yaml.safe_load((REPO / "site_config.yml").read_text(encoding="utf-8"))["office"]["survey_url"]
    page.goto(site + SERVICE)
    qr = page.locator("figure.lms-qr")
    assert not qr.is_visible()  # on screen the button "Beri penilaian layanan ini" is enough
    assert page.get_by_role("link", name="Beri penilaian layanan ini").get_attribute("href") == survey
    page.emulate_media(media="print")
    assert qr.is_visible() and qr.locator("img").count() == 0
    svg = qr.locator("svg")
    assert svg.get_attribute("role") == "img" and "Legalisasi Fotokopi Dokumen" in svg.locator("title").text_content()
    assert qr.locator("figcaption strong").inner_text() == survey.split("://", 1)[1]
    pixels = svg.evaluate(QR_PIXELS)
    image = memoryview(bytes(pixels["grey"])).cast("B", (pixels["size"], pixels["size"]))
    found = zxingcpp.read_barcodes(image)
    assert [(b.format, b.text) for b in found] == [(zxingcpp.BarcodeFormat.QRCode, survey)]


# ---- the offline build ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    out = tmp_path_factory.mktemp("ux-offline") / "site"
    assert [p for p in pipeline.build(REPO, out, offline=True).problems if p.severity == "error"] == []
    return out


def test_the_offline_build_from_file_shows_the_office_box_and_the_outline(offline):
    with browser_page() as page:
        offline_pages(page, offline)
        assert page.events["console"] == page.events["errors"] == []


def offline_pages(page, offline) -> None:
    page.goto((offline / SERVICE).as_uri())
    glance = page.locator(".lms-service-glance")
    assert glance.is_visible()
    assert "Jl. Raya Pelabuhan No. 1" in glance.inner_text() and "Jam buka" in glance.inner_text()
    page.goto((offline / LAST).as_uri())
    outline = page.locator("[data-lms-outline]")
    assert outline.is_visible()
    assert outline.get_by_role("link", name="Mendengarkan Aktif").is_visible()
    assert "lms-outline--side" in outline.get_attribute("class")  # the scripts run from file:// too
    assert outline.locator("[aria-current=page]").inner_text() == "Menjelaskan Prosedur dengan Jelas"
    assert page.locator(".lms-pager a.lms-finish").inner_text() == "Berikutnya: Bukti Belajar Mandiri →"
