"""Indonesian search: the stemmer on a table of word -> root pairs, and search on the built sample site."""

from __future__ import annotations

import json

from stemmer import run

from generator import pipeline, search

from browser import browser_page, serve

LUNR_STUB = """self.lunr = {Pipeline: {registerFunction: function () {}}, Query: function () {},
  Index: function () {}};
self.lunr.Query.prototype.clause = function (c) { return c; };
self.lunr.Index.prototype.query = function () { return []; };"""
WORDS = ["pelayanan", "keterbatasan", "menyanyikan", "pengesahan", "beragam", "memijit-mijit", "berpelanggan"]


def stems(words: list[str], vocabulary: set[str]) -> dict[str, str]:
    """Run the site's stemmer (generator/assets/lunr.id.js) in Chromium over words."""
    with browser_page() as page:
        page.set_content("<html><body></body></html>")
        page.add_script_tag(content=LUNR_STUB)
        page.add_script_tag(content=search.script(vocabulary))
        return page.evaluate("words => Object.fromEntries(words.map(w => [w, self.lunr.id.stem(w)]))", words)


def test_the_browser_stems_as_node_does():
    vocabulary = {"layanan", "melayani", "batas", "nyanyi", "sah", "ragam", "pijit", "langganan", *WORDS}
    assert stems(WORDS, vocabulary) == run(vocabulary, WORDS)["stems"] == {
        "pelayanan": "layan", "keterbatasan": "batas", "menyanyikan": "nyanyi", "pengesahan": "sah",
        "beragam": "ragam", "memijit-mijit": "pijit", "berpelanggan": "langgan"}


def test_the_query_hook_keeps_materials_star_on_the_typed_word_only():
    with browser_page() as page:
        page.set_content("<html><body></body></html>")
        page.add_script_tag(content=LUNR_STUB)
        page.add_script_tag(content=search.script({"pelayanan", "melayani", "layanan"}))
        found = page.evaluate("""() => {
            const token = s => ({toString: () => s, clone: f => token(f()), update: f => token(f(s))});
            const run = s => [].concat(lunr.id.queryStemmer(lunr.id.trimmer(token(s)))).map(String);
            const clause = lunr.Query.prototype.clause({term: "melayani*", usePipeline: false});
            return {query: run("melayani*"), exact: run("2026"), trimmed: run("(pelayanan)."),
                    hook: clause.usePipeline, stop: ["yang", "baik", "pelayanan"].map(lunr.id.isStopWord)};
        }""")
    assert found == {"query": ["layan", "melayani*"], "exact": ["2026"], "trimmed": ["layan", "pelayanan"],
                     "hook": True, "stop": [True, True, False]}


def test_vocabulary_comes_from_the_search_index():
    docs = [{"title": "Pelayanan &amp; Keluhan", "text": "<p>Warga <b>dilayani</b> 24 jam, pada 2026.</p>"}]
    assert search.vocabulary(docs) == {"pelayanan", "keluhan", "warga", "dilayani", "jam", "pada"}


def search_results(page, url: str, query: str) -> list[str]:
    page.goto(url + "index.html")
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)  # the worker answers each keystroke; let the last answer land
    return page.locator(".md-search-result__item > .md-search-result__link article h1").all_inner_texts()


def test_variant_query_finds_and_highlights_on_the_sample_site(sample_site):
    site = sample_site
    index = json.loads((site / "search/search_index.json").read_text())
    assert index["config"]["lang"] == ["id"]
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    for hidden in ("kursus/index.html", "modul/index.html", "pengetahuan/tag.html", "progres.html",
                   "kursus/pelayanan-prima/bukti.html", "kompetensi/manajerial.html", "layanan/index.html"):
        assert hidden not in pages, hidden  # lists and records: a word is found on the page that explains it
    assert "kursus/pelayanan-prima/index.html" in pages and "panduan-penulis.html" in pages
    assert not any("<pre" in doc["text"] for doc in index["docs"])  # the author guide's YAML samples
    with serve(site) as url, browser_page() as page:
        titles = search_results(page, url, "dihancurkan")  # the site only says "Hancurkan"
        assert titles[0] == "Melindungi Data Pribadi Warga"
        marks = page.locator(".md-search-result__item").first.locator("mark").all_inner_texts()
        assert "Hancurkan" in marks
        assert page.events["errors"] == [] and page.events["console"] == []


def test_exact_word_ranks_above_a_shared_root(project):
    root = project({"content/tentang.md": "# Jadwal\n\nPeserta dilatih setiap Senin.\n",
                    "content/kegiatan.md": "# Agenda\n\nPelatihan diadakan setiap Selasa.\n"})
    assert pipeline.build(root, root / "site").problems == []
    def order(query):  # the two pages in the order found (other pages, e.g. a heading "pelatih", may be found too)
        return [t for t in search_results(page, url, query) if t in ("Agenda", "Jadwal")]

    with serve(root / "site") as url, browser_page() as page:
        assert order("pelatihan") == ["Agenda", "Jadwal"]
        assert order("dilatih") == ["Jadwal", "Agenda"]
        assert sorted(order("melatih")) == ["Agenda", "Jadwal"]


def test_english_sites_keep_materials_search(project):
    root = project(lang="en")
    assert pipeline.build(root, root / "site").problems == []
    index = json.loads((root / "site/search/search_index.json").read_text())
    assert index["config"]["lang"] == ["en"]
    assert not (root / "site/assets/javascripts/lunr/min/lunr.id.min.js").exists()
