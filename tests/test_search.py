"""The site's search: its index (generator/search.py, shards.py), its engine in Node (lms-search.js, the
same file the search box loads) on tiny sites, and the search box on the built sample site in Chromium."""

from __future__ import annotations

import pytest
import search_files
from stemmer import run

from generator import pipeline, search, shards
from generator.stemmer import Stemmer

from browser import browser_page, search_for, serve

WORDS = ["pelayanan", "keterbatasan", "menyanyikan", "pengesahan", "beragam", "memijit-mijit", "berpelanggan"]
PROSE = ("Petugas melayani warga dengan baik. Pelayanan publik yang baik membutuhkan kerja sama dan tanggung "
         "jawab. Perbaikan layanan dibahas bersama peserta. Persamaan hak warga dijamin. Petani menanam padi di "
         "sawah. Warga bertanya tentang pengesahan dokumen. Buku-buku disimpan di rak.")
PAGES = {"pelayanan": "Pelayanan publik yang ramah", "bukubuku": "Buku-buku perpustakaan",
         "bukan": "Itu bukan masalah", "bertanya": "Warga bertanya kepada petugas", "petani": "Petani menanam padi",
         "kerjasama": "Kerja sama antarinstansi", "tanggungjawab": "Tanggungjawab pegawai",
         "perbaikan": "Perbaikan jalan desa", "yang": "yang mana", "ktp": "Syarat membuat KTP baru",
         "kk": "Mengurus kartu keluarga di kelurahan", "legalisasi": "Legalisasi ijazah di sekolah",
         "pengesahan": "Pengesahan dokumen oleh camat", "mijit": "Ibu memijit-mijit kakinya",
         "hati": "Hati tenang"}
SITE = "site_name: Uji\nlanguage: id\nsearch:\n  synonyms:\n    - [legalisir, legalisasi]\n"


def test_the_browser_stems_as_node_and_the_reference_do():
    vocabulary = {"layanan", "melayani", "batas", "nyanyi", "sah", "ragam", "pijit", "langganan", *WORDS}
    with browser_page() as page:
        page.set_content("<html><body></body></html>")
        page.add_script_tag(path=str(search_files.RUNNER.parent.parent / "generator/assets/lms-stem.js"))
        found = page.evaluate("""([words, vocabulary]) => {
            const votes = LmsStem.votesOf(vocabulary), known = new Set(vocabulary);
            const roots = w => LmsStem.roots(w, r => votes.get(r) || 0, r => known.has(r));
            return Object.fromEntries(words.map(w => [w, roots(w)[0]]));
        }""", [WORDS, sorted(vocabulary)])
    reference = Stemmer(vocabulary)
    assert found == run(vocabulary, WORDS)["stems"] == {w: reference.stem(w) for w in WORDS} == {
        "pelayanan": "layan", "keterbatasan": "batas", "menyanyikan": "nyanyi", "pengesahan": "sah",
        "beragam": "ragam", "memijit-mijit": "pijit", "berpelanggan": "langgan"}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A site of one page per case and one of prose (the site's words decide the stems)."""
    root = tmp_path_factory.mktemp("search")
    (root / "content").mkdir()
    (root / "site_config.yml").write_text(SITE, encoding="utf-8")
    for slug, text in {**PAGES, "prosa": PROSE}.items():
        (root / "content" / f"{slug}.md").write_text(f"# {slug.upper()}\n\n{text}\n", encoding="utf-8")
    assert pipeline.build(root, root / "site").problems == []
    queries = ["bukan", "buku", "tani", "tanya", "yang", "baik", "kerjasama", "kerja sama", "tanggung jawab", "ktp",
               "kartu tanda penduduk", "kk", "legalisir", "pelayann", "pengesahan yang", "pijit", "melayani", "sah",
               "zzzzqx", "pengesah", "berhati-hati"]
    return root / "site", search_files.query(root / "site", queries)


@pytest.mark.parametrize(("query", "expected"), [
    ("bukan", ["bukan"]),                        # not buku-buku through "buk*"
    ("tani", ["petani"]),                        # not bertanya through "tan*"
    ("tanya", ["bertanya"]),
    ("yang", ["yang", "pelayanan"]),              # a query of stop words alone searches them
    ("baik", ["perbaikan"]),                     # a content root is no stop word
    ("kerjasama", ["kerjasama"]),                # closed and spaced compounds meet
    ("tanggung jawab", ["tanggungjawab"]),
    ("ktp", ["ktp"]),                            # abbreviation and long form
    ("kk", ["kk"]),
    ("legalisir", ["legalisasi"]),               # a site synonym
    ("pelayann", ["pelayanan"]),                 # one edit away
    ("pengesahan yang", ["pengesahan"]),          # a stop word beside a content word is dropped
    ("pijit", ["mijit"]),                        # reduplication with affixes
    ("sah", ["pengesahan"]),
    ("pengesah", ["pengesahan"]),                # search as you type: the start of a word
    ("berhati-hati", ["hati"]),                  # a reduplicated word typed finds its root
    ("zzzzqx", []),
])
def test_query_finds(tiny, query, expected):
    _, answers = tiny
    pages = [url[:-5] for url in answers[query]["pages"] if url not in ("prosa.html", "index.html")]
    assert sorted(pages) == sorted(expected)


def test_what_the_query_went_through(tiny):
    _, answers = tiny
    assert answers["pelayann"]["fixed"] == "pelayanan"
    assert answers["pengesahan yang"]["dropped"] == ["yang"]
    assert answers["yang"]["dropped"] == []
    assert {"melayani", "layan"} <= set(answers["melayani"]["forms"])  # highlighted: as typed and the root


def test_the_index_is_shards_and_chunks_a_query_loads_a_few_of(tiny):
    site, _ = tiny
    manifest = search_files.manifest(site)
    records = search_files.records(site)
    assert manifest["lang"] == "id" and manifest["records"] == len(records)
    assert {r[0].split("#")[0] for r in records} == {f"{p}.html" for p in [*PAGES, "prosa", "index"]}
    assert manifest["groups"][-1] == ["legalisir", "legalisasi"] and "yang" in manifest["stop"]
    assert "baik" not in manifest["stop"]  # the root of perbaikan on this site
    names = sorted(p.relative_to(site / "search").as_posix() for p in (site / "search").rglob("*.js"))
    assert names[0] == "d/0." + manifest["chunks"][0] + ".js" and "index.js" in names
    assert {"layan", "pelayanan", "_syn0"} <= search_files.terms(site)


def test_sections_are_records_without_code_or_excluded_parts():
    html = ('<p>Awal &amp; pengantar.</p><h2 id="satu">Satu <a class="headerlink" href="#satu">¶</a></h2>'
            '<p>Isi satu.</p><pre><code>kode: rahasia</code></pre><ul data-search-exclude><li><ul><li>kartu</li>'
            '</ul></li></ul><h3>Tanpa jangkar</h3><p>Lanjut.</p>')
    assert search.sections("a.html", "Judul  A", html) == [
        search.Record("a.html", "Judul A", "Awal & pengantar."),
        search.Record("a.html#satu", "Satu", "Isi satu. Tanpa jangkar Lanjut."),
    ]


def test_exact_word_ranks_above_a_shared_root(project):
    root = project({"content/tentang.md": "# Jadwal\n\nPeserta dilatih setiap Senin.\n",
                    "content/kegiatan.md": "# Agenda\n\nPelatihan diadakan setiap Selasa.\n"})
    assert pipeline.build(root, root / "site").problems == []
    answers = search_files.query(root / "site", ["pelatihan", "dilatih", "melatih"])
    order = {q: [u for u in a["pages"] if u in ("kegiatan.html", "tentang.html")] for q, a in answers.items()}
    assert order["pelatihan"] == ["kegiatan.html", "tentang.html"]
    assert order["dilatih"] == ["tentang.html", "kegiatan.html"]
    assert sorted(order["melatih"]) == ["kegiatan.html", "tentang.html"]


def test_english_sites_search_words_as_written(project):
    root = project({"content/guide.md": "# Guide\n\nManaging complaints well.\n"}, lang="en")
    assert pipeline.build(root, root / "site").problems == []
    assert search_files.manifest(root / "site")["stop"] == []
    answers = search_files.query(root / "site", ["complaints", "complain", "managing"])
    assert "guide.html" in answers["complaints"]["pages"] and "guide.html" in answers["complain"]["pages"]
    assert shards.tokens("Well-known 2026, e-KTP!") == ["well-known", "2026", "e-ktp"]


def search_results(page, url: str, query: str) -> list[str]:
    page.goto(url + "index.html")
    page.keyboard.press("/")
    search_for(page, query)
    return page.locator(".md-search-result__item > .md-search-result__link article h1").all_inner_texts()


def test_variant_query_finds_and_highlights_on_the_sample_site(sample_site):
    pages = {location.split("#")[0] for location, _, _ in search_files.records(sample_site)}
    for hidden in ("kursus/index.html", "modul/index.html", "pengetahuan/tag.html", "progres.html",
                   "kursus/pelayanan-prima/bukti.html", "kompetensi/manajerial.html", "layanan/index.html"):
        assert hidden not in pages, hidden  # lists and records: a word is found on the page that explains it
    assert "kursus/pelayanan-prima/index.html" in pages and "panduan-penulis.html" in pages
    assert "apiVersion" not in search_files.terms(sample_site)  # the author guide's YAML samples
    with serve(sample_site) as url, browser_page() as page:
        titles = search_results(page, url, "dihancurkan")  # the site only says "Hancurkan"
        assert titles[0] == "Melindungi Data Pribadi Warga"
        assert "Menghancurkan" in page.locator(".md-search-result__item").first.locator("mark").all_inner_texts()
        assert page.locator(".md-search-result__meta").inner_text() == "1 dokumen ditemukan"
        assert "Tidak ada" not in page.locator(".md-search-result").inner_text()  # found through its root
        page.keyboard.press("Enter")  # the first result, every form of the root marked
        page.wait_for_url("**/melindungi-data-warga.html?h=*")
        assert "Hancurkan" in page.locator("article mark").all_inner_texts()
        assert page.events["errors"] == [] and page.events["console"] == []


def test_a_common_term_keeps_its_heaviest_postings_first_pages_first_of_equal_weight():
    import heapq
    import random
    from operator import itemgetter

    rng = random.Random(7)
    found = [(page, rng.randint(0, 3), rng.randint(1, 17)) for page in range(shards.MAX_POSTINGS * 3)]
    assert shards.heaviest(found) == sorted(heapq.nlargest(shards.MAX_POSTINGS, found, key=itemgetter(2)))
