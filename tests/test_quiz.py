"""Quizzes in a real browser: every question type, scoring, keyboard, state, shuffle, a11y."""

from __future__ import annotations

import gzip
import json
import re

import pytest
import search_files

from generator import pipeline

from browser import FRAMES, STILL, browser_page, serve
from conftest import make_project

QUESTIONS = {
    "single": """\
        - type: single
          prompt: Ibu kota Sumatera Utara?
          hint: Kota terbesar di pulau ini.
          choices:
            - {text: Medan, correct: true}
            - {text: Binjai, feedback: Binjai kota tetangga.}
          explanation: Medan adalah ibu kota provinsi.""",
    "multiple": """\
        - type: multiple
          prompt: Manakah nilai BerAKHLAK?
          choices:
            - {text: Akuntabel, correct: true}
            - {text: Adaptif, correct: true}
            - {text: Boros}
            - {text: Lamban}""",
    "true-false": """\
        - type: true-false
          prompt: 1 JP sama dengan 45 menit.
          answer: true""",
    "short": """\
        - type: short
          prompt: Sistem pengaduan nasional?
          answers: ["SP4N-LAPOR!"]""",
    "numeric": """\
        - type: numeric
          prompt: Dua setengah?
          answer: 2.5
          tolerance: 0.01""",
    "order": """\
        - type: order
          prompt: Urutkan.
          items: [Dengarkan, Catat, Tindak lanjuti, Beri kabar]""",
    "match": """\
        - type: match
          prompt: Pasangkan.
          pairs: [[Situs web, lapor.go.id], [SMS, "1708"], [Twitter, "@lapor1708"]]""",
}

SHUFFLED = """\
        - type: single
          prompt: Pilih A.
          choices: [{text: A, correct: true}, {text: B}, {text: C}, {text: D}, {text: E}, {text: F}]
        - type: true-false
          prompt: Benar?
          answer: true
        - type: short
          prompt: Tulis x.
          answers: [x]
        - type: numeric
          prompt: Tulis 1.
          answer: 1"""


def course_yaml() -> str:
    modules = []
    for kind, question in QUESTIONS.items():
        modules.append(f"  - id: {kind}\n    title: Soal {kind}\n    jp: 1\n    content: modul/m.md\n"
                       f"    quiz:\n      pass_mark: 100\n      questions:\n{question}\n")
    modules.append("  - id: acak\n    title: Acak\n    jp: 1\n    content: modul/m.md\n"
                   f"    quiz:\n      shuffle: true\n      questions:\n{SHUFFLED}\n")
    return ("id: kuis\ntitle: Kuis\ncategory: teknis\ncompetency: uji\nlevel: 1\n"
            f"jp: {len(modules)}\nobjectives: [{{id: t, text: T}}]\nmodules:\n" + "".join(modules))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("quiz"), {
        "courses/kuis.yml": course_yaml(), "content/modul/m.md": "# M\n\nMateri singkat.\n"}, defaults=False)
    outcome = pipeline.build(root, root / "site")
    assert [p for p in outcome.problems if p.severity == "error"] == []
    with serve(root / "site") as url:
        yield root / "site", url


@pytest.fixture
def page(site):
    with browser_page() as page:
        yield page
        assert page.events == {"dialogs": [], "console": [], "errors": [], "outside": []}


def open_quiz(page, url, module):
    page.goto(f"{url}kursus/kuis/{module}.html")
    page.evaluate("localStorage.clear()")
    page.reload()
    return page.locator("form.lms-quiz")


def answer(question, kind, right):
    """Answer one question right or wrong with ordinary form controls."""
    if kind == "single":
        question.get_by_label("Medan" if right else "Binjai").check()
    elif kind == "multiple":
        question.get_by_label("Akuntabel").check()
        question.get_by_label("Adaptif" if right else "Boros").check()
    elif kind == "true-false":
        question.get_by_label("Benar" if right else "Salah").check()
    elif kind == "short":
        question.locator("input").fill("  sp4n   lapor " if right else "lapor polisi")
    elif kind == "numeric":
        question.locator("input").fill("2,5" if right else "3")
    elif kind == "order":
        rows = question.locator("li[data-pos]").all()
        for row in rows:
            pos = row.get_attribute("data-pos")
            row.locator("select").select_option(pos if right else str(len(rows) - int(pos) + 1))
    elif kind == "match":
        rows = question.locator("li[data-right]").all()
        for i, row in enumerate(rows):
            target = row.get_attribute("data-right") if right else str((i + 1) % len(rows))
            row.locator("select").select_option(target)


@pytest.mark.parametrize("kind", list(QUESTIONS))
def test_each_type_scores_right_and_wrong(site, page, kind):
    _, url = site
    form = open_quiz(page, url, kind)
    question = form.locator(".lms-question")
    assert not form.locator(".lms-answer").is_visible()  # answers stay hidden until checked
    answer(question, kind, right=True)
    form.get_by_role("button", name="Periksa jawaban").click()
    assert form.locator(".lms-quiz__result").inner_text().startswith("Nilai Anda 100%: LULUS")
    assert question.locator(".lms-verdict").inner_text() == "Benar."
    assert form.locator(".lms-answer").is_visible()
    form.get_by_role("button", name="Coba lagi").click()
    answer(question, kind, right=False)
    form.get_by_role("button", name="Periksa jawaban").click()
    assert form.locator(".lms-quiz__result").inner_text().startswith("Nilai Anda 0%: belum lulus")
    assert question.locator(".lms-verdict").inner_text() == "Belum tepat."
    assert "Nilai terbaik 100% dari 2 percobaan." in form.locator(".lms-quiz__history").inner_text()


def test_choice_feedback_and_explanation_after_checking(site, page):
    _, url = site
    form = open_quiz(page, url, "single")
    answer(form.locator(".lms-question"), "single", right=False)
    form.get_by_role("button", name="Periksa jawaban").click()
    review = form.locator(".lms-answer")
    assert review.locator(".is-chosen").inner_text() == "Binjai: Binjai kota tetangga."
    assert "Medan adalah ibu kota provinsi." in review.inner_text()
    form.locator(".lms-hint summary").click()
    assert form.locator(".lms-hint").inner_text().endswith("Kota terbesar di pulau ini.")


@pytest.mark.parametrize("ticks, score", [
    (["Akuntabel", "Adaptif"], 100),          # every right choice
    (["Akuntabel"], 50),                       # half of the right choices
    (["Akuntabel", "Boros"], 0),               # one right minus one wrong
    (["Akuntabel", "Adaptif", "Boros"], 50),   # two right minus one wrong, of two
    (["Akuntabel", "Adaptif", "Boros", "Lamban"], 0),  # ticking everything earns nothing
])
def test_multiple_scores_right_minus_wrong_floored_at_zero(site, page, ticks, score):
    _, url = site
    form = open_quiz(page, url, "multiple")
    for label in ticks:
        form.get_by_label(label).check()
    form.get_by_role("button", name="Periksa jawaban").click()
    assert form.locator(".lms-quiz__result").inner_text().startswith(f"Nilai Anda {score}%")


def test_checking_with_nothing_answered_records_nothing_and_reveals_nothing(site, page):
    _, url = site
    form = open_quiz(page, url, "short")
    form.get_by_role("button", name="Periksa jawaban").click()
    assert form.locator(".lms-quiz__result").inner_text() == (
        "Belum ada soal yang dijawab. Jawab minimal satu soal, lalu periksa lagi.")
    assert form.locator(".lms-verdict").inner_text() == "" and form.locator(".lms-explanation:visible").count() == 0
    assert page.evaluate("Object.keys(window.LmsState.all().quizzes).length") == 0


def test_keyboard_only_completion_and_focus(site, page):
    _, url = site
    form = open_quiz(page, url, "true-false")
    form.get_by_label("Benar").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # to the check button
    assert page.evaluate("document.activeElement.textContent") == "Periksa jawaban"
    page.keyboard.press("Enter")
    assert form.locator(".lms-quiz__result").inner_text().startswith("Nilai Anda 100%")
    assert page.evaluate("document.activeElement.classList.contains('lms-quiz__result')")
    page.keyboard.press("Tab")  # the result is followed by "Coba lagi", which brings focus back to the first answer
    assert page.evaluate("document.activeElement.textContent") == "Coba lagi"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name").startswith("q-true-false-")

    form = open_quiz(page, url, "order")
    form.locator("select").first.focus()
    for row in form.locator("li[data-pos]").all():
        pos = int(row.get_attribute("data-pos"))
        for _ in range(pos):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert form.locator(".lms-quiz__result").inner_text().startswith("Nilai Anda 100%")


def test_state_survives_reload_and_navigation(site, page):
    _, url = site
    form = open_quiz(page, url, "numeric")
    answer(form.locator(".lms-question"), "numeric", right=True)
    form.get_by_role("button", name="Periksa jawaban").click()
    page.reload()
    history = page.locator(".lms-quiz__history")
    assert re.fullmatch(r"Nilai terbaik 100% dari 1 percobaan\. Lulus pada \d{1,2} [A-Z][a-z]+ \d{4}\.",
                        history.inner_text())
    page.locator("a[rel=next]").click()
    page.wait_for_url("**/order.html")
    page.go_back()
    page.wait_for_url("**/numeric.html")
    assert page.locator(".lms-quiz__history").inner_text().startswith("Nilai terbaik 100%")
    form = page.locator("form.lms-quiz")
    answer(form.locator(".lms-question"), "numeric", right=True)
    form.get_by_role("button", name="Periksa jawaban").click()  # the script is bound exactly once
    assert page.locator(".lms-quiz__history").inner_text().startswith("Nilai terbaik 100% dari 2 percobaan")
    stored = page.evaluate("JSON.stringify(window.LmsState.all())")
    record = json.loads(stored)["quizzes"]
    (key,) = record
    assert key.startswith("kuis/numeric#") and record[key]["attempts"] == 2 and record[key]["best"] == 100


def test_reset_asks_twice_then_clears(site, page):
    _, url = site
    form = open_quiz(page, url, "true-false")
    form.get_by_label("Benar").check()
    form.get_by_role("button", name="Periksa jawaban").click()
    reset = form.locator("[data-lms-action=reset]")
    reset.click()
    assert reset.inner_text() == "Klik sekali lagi untuk menghapus riwayat kuis ini"
    reset.click()
    assert form.locator(".lms-quiz__result").inner_text() == "Riwayat kuis ini dihapus."
    assert page.evaluate("JSON.stringify(window.LmsState.all().quizzes)") == "{}"


def test_shuffle_changes_order_never_scoring(site, page):
    _, url = site
    form = open_quiz(page, url, "acak")
    orders = set()
    for _ in range(6):
        questions = form.locator(".lms-question")
        orders.add(tuple(q.get_attribute("data-type") + ":" + q.locator("legend").inner_text()
                         for q in questions.all()))
        orders.add(tuple(form.locator(".lms-question[data-type=single] label").all_inner_texts()))
        form.get_by_label("A", exact=True).check()
        form.get_by_label("Benar", exact=True).check()
        form.locator(".lms-question[data-type=short] input").fill("x")
        form.locator(".lms-question[data-type=numeric] input").fill("1")
        form.get_by_role("button", name="Periksa jawaban").click()
        assert form.locator(".lms-quiz__result").inner_text().startswith("Nilai Anda 100%")
        numbers = form.locator(".lms-question__number").all_inner_texts()
        assert numbers == [f"Soal {i}" for i in range(1, 5)]
        tf = form.locator(".lms-question[data-type=true-false] label").all_inner_texts()
        assert [t.strip() for t in tf] == ["Benar", "Salah"]  # true-false is never shuffled
        form.get_by_role("button", name="Coba lagi").click()
    assert len(orders) > 2


def test_order_question_never_starts_solved(site, page):
    _, url = site
    for _ in range(5):
        form = open_quiz(page, url, "order")
        positions = [row.get_attribute("data-pos") for row in form.locator("li[data-pos]").all()]
        assert positions != ["1", "2", "3", "4"]


def test_no_serious_accessibility_violations(site, page):
    from axe_playwright_python.sync_playwright import Axe

    _, url = site
    axe = Axe()
    for scheme in ("default", "slate"):
        form = open_quiz(page, url, "single")
        page.add_style_tag(content=STILL)  # axe measures colours: nothing mid-fade
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        for when in ("before", "after"):
            page.evaluate("window.scrollTo(0, 0)")  # Material hides its tabs while scrolled: check them shown
            page.wait_for_function("() => !document.querySelector('.md-tabs[hidden]')")
            page.evaluate(FRAMES)
            violations = [(v["impact"], v["id"], [n["target"] for n in v["nodes"]])
                          for v in axe.run(page).response["violations"] if v["impact"] in ("serious", "critical")]
            assert violations == [], (scheme, when)
            if when == "before":
                answer(form.locator(".lms-question"), "single", right=False)
                form.get_by_role("button", name="Periksa jawaban").click()


def test_narrow_screen_and_print(site, page):
    _, url = site
    page.set_viewport_size({"width": 360, "height": 740})
    form = open_quiz(page, url, "match")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.emulate_media(media="print")
    answer(form.locator(".lms-question"), "match", right=True)
    form.evaluate("f => f.requestSubmit()")
    assert form.locator("legend").is_visible()
    assert not form.locator(".lms-answer").is_visible()
    assert not form.locator(".lms-quiz__actions").is_visible()


def test_without_javascript_answers_sit_in_a_closed_disclosure(site):
    _, url = site
    with browser_page(javascript=False) as page:
        page.goto(f"{url}kursus/kuis/single.html")
        details = page.locator("details.lms-answer")
        assert details.is_visible() and not details.evaluate("d => d.open")
        assert not page.locator(".lms-quiz__actions").is_visible()
        details.locator("summary").click()
        assert "Medan adalah ibu kota provinsi." in details.inner_text()


def test_search_index_has_prompts_but_no_answers(site):
    root, _ = site
    terms = search_files.terms(root)
    assert {"ibu", "kota", "sumatera", "utara"} <= terms
    for secret in ("tetangga", "provinsi", "diterima", "sp4n-lapor", "lihat"):
        assert secret not in terms, secret


def test_quiz_script_and_style_budget(site):
    root, _ = site
    assets = [root / "assets/lms" / name for name in ("lms.js", "lms.css")]  # every script of ours, one bundle
    gzipped = sum(len(gzip.compress(path.read_bytes(), 9)) for path in assets)
    assert gzipped <= 24 * 1024, gzipped
    page = (root / "kursus/kuis/single.html").read_text()
    assert page.count("assets/lms/lms.js") == 1 and "lms-quiz.js" not in page


def test_editing_a_quiz_changes_its_state_key(tmp_path):
    from generator import render

    root = make_project(tmp_path, {"courses/kuis.yml": course_yaml(), "content/modul/m.md": "# M\n"}, defaults=False)
    checked = pipeline.check(root).project
    quiz = checked.courses[0].modules[0].quiz
    assert render.quiz_hash(quiz) == render.quiz_hash(quiz.model_copy())
    assert render.quiz_hash(quiz) != render.quiz_hash(quiz.model_copy(update={"pass_mark": 99}))


WEIGHTED = """\
        - type: true-false
          prompt: Berat?
          points: 3
          answer: true
        - type: true-false
          prompt: Ringan?
          answer: true"""


def test_points_in_the_browser(tmp_path):
    course = course_yaml().replace(QUESTIONS["true-false"], WEIGHTED)
    root = make_project(tmp_path, {"courses/kuis.yml": course, "content/modul/m.md": "# M\n"}, defaults=False)
    pipeline.build(root, root / "site")
    with serve(root / "site") as url, browser_page() as page:
        form = open_quiz(page, url, "true-false")
        assert "(3 poin)" in form.locator("legend").first.inner_text()
        form.locator(".lms-question").first.get_by_label("Benar").check()
        form.locator(".lms-question").nth(1).get_by_label("Salah").check()
        form.get_by_role("button", name="Periksa jawaban").click()
        assert form.locator(".lms-quiz__result").inner_text().startswith("Nilai Anda 75%: belum lulus")
        assert page.events == {"dialogs": [], "console": [], "errors": [], "outside": []}
