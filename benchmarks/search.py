"""Search benchmark: Indonesian recall, index size and query latency, ours against plain Material.

Builds a corpus of Indonesian pages written for this benchmark with plain Material search (the
engine's output as it is), with our stemmer's rules alone (no site vocabulary) and with ours
(generator/search.py, rules plus the site's vocabulary), runs every query
through the real search box in headless Chromium, and prints recall@5 for variant queries (the
word appears in the target page only in another form) and exact queries, the size of what the
browser downloads for search, and the median query latency on a 1,000-page site.
The last line is one JSON object.

    python benchmarks/search.py [--pages 1000] [--tmp DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from stemmer import run  # noqa: E402

from generator import pipeline, search  # noqa: E402

from browser import browser_page, serve  # noqa: E402

PAIRS = [line.split("\t")[:2] for line in (REPO / "tests/data/stems-external.tsv").read_text().splitlines()
         if line and not line.startswith("#")]

PAGES = {  # slug: (title, text) - written for this benchmark, one topic each
    "antrean": ("Mengatur Antrean Loket", "Petugas mengatur antrean agar warga tidak berdesakan. Nomor antrean "
                "dibagikan di pintu masuk dan dipanggil berurutan. Ruang tunggu yang nyaman membuat warga sabar."),
    "arsip": ("Menyimpan Arsip Kantor", "Arsip disimpan dalam lemari yang terkunci. Setiap map diberi label dan "
              "dicatat dalam daftar. Penyimpanan yang rapi memudahkan pencarian berkas lama."),
    "rapat": ("Rapat Staf Mingguan", "Rapat dipimpin kepala seksi setiap Senin pagi. Notulen rapat dibagikan "
              "kepada semua peserta. Keputusan rapat dicatat bersama penanggung jawabnya."),
    "pengaduan": ("Menanggapi Pengaduan Warga", "Setiap pengaduan dicatat dan ditanggapi dalam lima hari kerja. "
                  "Petugas menghubungi pelapor untuk menjelaskan tindak lanjutnya."),
    "komputer": ("Merawat Komputer Kantor", "Komputer dibersihkan setiap bulan dan perangkat lunaknya diperbarui. "
                 "Kerusakan dilaporkan kepada petugas teknologi informasi."),
    "anggaran": ("Menyusun Anggaran Kegiatan", "Anggaran disusun berdasarkan rencana kerja tahunan. Setiap "
                 "pengeluaran dibuktikan dengan kuitansi dan diperiksa bendahara."),
    "pelatihan": ("Jadwal Pelatihan Pegawai", "Pelatihan diadakan dua kali setahun. Pegawai yang mengikuti "
                  "pelatihan menerima sertifikat dan mencatat jam pelajarannya."),
    "kebersihan": ("Menjaga Kebersihan Kantor", "Petugas kebersihan menyapu halaman setiap pagi. Sampah dipilah "
                   "menjadi organik dan anorganik sebelum dibuang."),
    "keamanan": ("Keamanan Gedung", "Satpam memeriksa tamu di pintu depan. Kamera pengawas merekam lorong dan "
                 "tempat parkir sepanjang hari."),
    "surat": ("Mengirim Surat Dinas", "Surat dinas ditandatangani camat lalu diberi nomor. Pengiriman surat "
              "dicatat dalam buku ekspedisi."),
    "kendaraan": ("Peminjaman Kendaraan Dinas", "Kendaraan dinas dipinjam dengan formulir. Pengemudi mengisi "
                  "bahan bakar dan melaporkan jarak tempuh."),
    "kesehatan": ("Kesehatan Pegawai", "Pemeriksaan kesehatan diadakan setahun sekali. Pegawai dianjurkan "
                  "berolahraga dan beristirahat cukup."),
    "perpustakaan": ("Perpustakaan Kecamatan", "Warga dapat meminjam buku di perpustakaan kecamatan. Buku "
                     "dikembalikan paling lambat dua minggu setelah dipinjam."),
    "banjir": ("Siaga Banjir Rob", "Saat air pasang, petugas memantau ketinggian air. Warga di pesisir diungsikan "
               "bila air terus naik."),
    "nelayan": ("Pendataan Nelayan", "Nelayan didata untuk menerima bantuan alat tangkap. Petugas mendatangi "
                "kampung nelayan dan mewawancarai ketua kelompok."),
    "pajak": ("Penagihan Pajak Bumi", "Surat tagihan pajak dibagikan melalui kelurahan. Wajib pajak membayar di "
              "bank yang ditunjuk sebelum jatuh tempo."),
    "posyandu": ("Kegiatan Posyandu", "Kader posyandu menimbang balita setiap bulan. Ibu hamil mendapat "
                 "penyuluhan gizi dan vitamin."),
    "sampah": ("Bank Sampah Warga", "Warga menabung sampah plastik di bank sampah. Tabungan ditukar dengan uang "
               "atau kebutuhan pokok."),
    "pemilu": ("Persiapan Pemilihan Umum", "Kecamatan membantu menyiapkan tempat pemungutan suara. Panitia "
               "dilantik dan dibekali tata cara penghitungan suara."),
    "internet": ("Jaringan Internet Kantor", "Jaringan internet dipasang di setiap ruangan. Kata sandi diganti "
                 "setiap bulan dan tidak dibagikan kepada tamu."),
    "ruangan": ("Peminjaman Ruang Rapat", "Ruang rapat dapat dipinjam warga untuk musyawarah. Permohonan "
                "diajukan tiga hari sebelumnya."),
    "izin": ("Pengajuan Izin Usaha Mikro", "Pelaku usaha mikro mengajukan izin melalui loket. Berkas diperiksa "
             "dan izin diterbitkan bila lengkap."),
}

VARIANT = [  # (query, target page): the query's form is not on the target page
    ("diatur", "antrean"), ("pengaturan", "antrean"), ("menyimpan", "arsip"), ("tersimpan", "arsip"),
    ("memimpin", "rapat"), ("pemimpin", "rapat"), ("mengadu", "pengaduan"), ("tanggapan", "pengaduan"),
    ("perawatan", "komputer"), ("pembaruan", "komputer"), ("penyusunan", "anggaran"), ("memeriksa", "anggaran"),
    ("melatih", "pelatihan"), ("dilatih", "pelatihan"), ("bersih", "kebersihan"), ("membersihkan", "kebersihan"),
    ("pemeriksaan", "keamanan"), ("rekaman", "keamanan"), ("dikirim", "surat"), ("penandatanganan", "surat"),
    ("meminjam", "kendaraan"), ("laporan", "kendaraan"), ("olahraga", "kesehatan"), ("sehat", "kesehatan"),
    ("peminjaman", "perpustakaan"), ("pengembalian", "perpustakaan"), ("pemantauan", "banjir"),
    ("pengungsian", "banjir"), ("data", "nelayan"), ("wawancara", "nelayan"), ("menagih", "pajak"),
    ("penimbangan", "posyandu"), ("menabung", "sampah"), ("penukaran", "sampah"), ("pelantikan", "pemilu"),
    ("menghitung", "pemilu"), ("pemasangan", "internet"), ("penggantian", "internet"),
    ("pengajuan", "ruangan"), ("penerbitan", "izin"),
]
EXACT = [  # (query, target page): the word as the page writes it
    ("antrean", "antrean"), ("lemari", "arsip"), ("notulen", "rapat"), ("pelapor", "pengaduan"),
    ("perangkat", "komputer"), ("kuitansi", "anggaran"), ("sertifikat", "pelatihan"), ("organik", "kebersihan"),
    ("satpam", "keamanan"), ("ekspedisi", "surat"), ("pengemudi", "kendaraan"), ("pemeriksaan", "kesehatan"),
    ("perpustakaan", "perpustakaan"), ("pasang", "banjir"), ("nelayan", "nelayan"), ("jatuh tempo", "pajak"),
    ("balita", "posyandu"), ("plastik", "sampah"), ("pemungutan", "pemilu"), ("sandi", "internet"),
]


def make_project(root: Path, pages: int) -> None:
    """The corpus as a project's plain pages; beyond the 22 topic pages, numbered copies as filler."""
    (root / "content").mkdir(parents=True)
    (root / "site_config.yml").write_text("site_name: Uji Pencarian\nlanguage: id\n", encoding="utf-8")
    for slug, (title, text) in PAGES.items():
        (root / "content" / f"{slug}.md").write_text(f"# {title}\n\n{text}\n", encoding="utf-8")
    slugs = list(PAGES)
    for n in range(max(0, pages - len(PAGES))):
        title, text = PAGES[slugs[n % len(slugs)]]
        words = text.split()
        shifted = " ".join(words[n % len(words):] + words[:n % len(words)])  # same words, other order
        (root / "content" / f"arsip-{n:04d}.md").write_text(f"# Catatan {n}\n\n{shifted}\n", encoding="utf-8")


def build(root: Path, out: Path, kind: str) -> Path:
    """baseline: Material as it is; rules: our stemmer without the site's vocabulary; ours: all of it."""
    if kind == "baseline":
        with mock.patch.object(search, "localize", lambda site, language: None):
            assert pipeline.build(root, out).problems == []
    elif kind == "rules":
        with mock.patch.object(search, "vocabulary", lambda docs: set()):
            assert pipeline.build(root, out).problems == []
    else:
        assert pipeline.build(root, out).problems == []
    return out


QUERY = """async (q) => {
  const input = document.querySelector(".md-search__input"), meta = document.querySelector(".md-search-result__meta");
  const before = meta.textContent;
  const done = new Promise(resolve => {
    const seen = new MutationObserver(() => { seen.disconnect(); resolve(performance.now()); });
    seen.observe(document.querySelector(".md-search-result"), {childList: true, subtree: true, characterData: true});
  });
  const start = performance.now();
  input.value = q;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: q.slice(-1)}));
  const end = await Promise.race([done, new Promise(r => setTimeout(() => r(null), 5000))]);
  await new Promise(r => setTimeout(r, 50));
  const hrefs = [...document.querySelectorAll(".md-search-result__item > .md-search-result__link")].map(a => a.href);
  return {ms: end === null ? null : end - start, hrefs: hrefs, before: before};
}"""


FIRST_RESULT_MS: list[float] = []  # per site run: from opening the page to the first result shown


def run_queries(url: str, queries: list[str]) -> list[dict]:
    with browser_page() as page:
        page.goto(url + "index.html")
        start = page.evaluate("() => performance.now()")
        page.keyboard.press("/")
        page.keyboard.type("warga")  # wait until the worker has built its index
        page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
        FIRST_RESULT_MS.append(page.evaluate("() => performance.now()") - start)
        out = []
        for q in queries:
            page.evaluate("() => { const i = document.querySelector('.md-search__input'); i.value = 'zzzz';"
                          " i.dispatchEvent(new Event('input', {bubbles: true})); }")
            page.wait_for_timeout(80)
            out.append(page.evaluate(QUERY, q))
        return out


def recall(results: list[dict], queries: list[tuple[str, str]], missed: list[str]) -> float:
    """Share of queries whose target page is among the first five pages found; misses go to missed."""
    hits = 0
    for found, (query, target) in zip(results, queries, strict=True):
        pages = []
        for href in found["hrefs"]:
            page = href.split("/")[-1].split(".html")[0]
            if page not in pages:
                pages.append(page)
        hits += target in pages[:5]
        if target not in pages[:5]:
            missed.append(f"{query} -> {target} (found {', '.join(pages[:5]) or 'nothing'})")
    return round(hits / len(queries), 3)


def pair_recall() -> dict:
    """Word -> root pairs held out of the unit tests: one page per word and per root, among the corpus pages.

    Runs our script in Node with the real lunr (the queries as Material sends them, each word with "*"):
    the root must find the word's page in the top five and the word the root's page; a root's query
    must find no page of another root (false hits).
    """
    pages = [(f"prose-{slug}", f"{title} {text}") for slug, (title, text) in PAGES.items()]
    pages += [(f"word-{word}", word) for word, _ in PAIRS]
    pages += [(f"root-{root}", root) for root in sorted({root for _, root in PAIRS})]
    vocabulary = search.vocabulary([{"title": "", "text": text} for _, text in pages])
    queries = sorted({w for pair in PAIRS for w in pair})
    hits = run(vocabulary, pages=pages, queries=queries)["hits"]
    family = {word: root for word, root in PAIRS} | {root: root for _, root in PAIRS}
    forward = [f"word-{word}" in hits[root][:5] for word, root in PAIRS]
    backward = [f"root-{root}" in hits[word][:5] for word, root in PAIRS]
    roots = sorted(set(family.values()))
    false = [any(family.get(ref.split("-", 1)[1], root) != root for ref in hits[root][:5] if ref[:5] != "prose")
             for root in roots]
    missed = [f"{w}~{r}" for (w, r), a, b in zip(PAIRS, forward, backward, strict=True) if not (a and b)]
    return {"pairs": len(PAIRS), "root_finds_word": round(sum(forward) / len(PAIRS), 3),
            "word_finds_root": round(sum(backward) / len(PAIRS), 3),
            "false_hit_share": round(sum(false) / len(roots), 3), "missed": missed}


def index_bytes(site: Path) -> int:
    extra = site / "assets/javascripts/lunr/min/lunr.id.min.js"
    return (site / "search/search_index.json").stat().st_size + (extra.stat().st_size if extra.exists() else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages of the latency site")
    parser.add_argument("--tmp", type=Path, default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="lms-search-", dir=args.tmp))
    small, large = work / "small", work / "large"
    make_project(small, len(PAGES))
    make_project(large, args.pages)
    queries = VARIANT + EXACT
    report = {"external_pairs": pair_recall()}
    print(f"external pairs: {report['external_pairs']}", flush=True)
    for name in ("baseline", "rules", "ours"):
        site = build(small, work / f"site-small-{name}", name)
        with serve(site) as url:
            results = run_queries(url, [q for q, _ in queries])
        missed: list[str] = []
        report[name] = {
            "variant_recall5": recall(results[:len(VARIANT)], VARIANT, missed),
            "exact_recall5": recall(results[len(VARIANT):], EXACT, missed),
        }
        if name != "rules":  # the rules alone are measured for recall only: they are not shipped
            big = build(large, work / f"site-large-{name}", name)
            with serve(big) as url:
                timed = run_queries(url, [q for q, _ in queries])
            latencies = [r["ms"] for r in timed if r["ms"] is not None]
            report[name]["index_bytes"] = index_bytes(big)
            report[name]["latency_ms"] = round(statistics.median(latencies), 1) if latencies else None
            report[name]["first_result_ms"] = round(FIRST_RESULT_MS[-1])
        print(f"{name}: {report[name]}; missed {len(missed)}: {'; '.join(missed)}", flush=True)
    for name in ("baseline", "ours"):  # the download relative to plain Material's
        report[name]["index_ratio"] = round(report[name]["index_bytes"] / report["baseline"]["index_bytes"], 3)
    print(f"corpus: {len(PAGES)} pages, {len(VARIANT)} variant and {len(EXACT)} exact queries; "
          f"latency and size on {args.pages} pages")
    print(json.dumps({"pages": args.pages, "variant_queries": len(VARIANT), "exact_queries": len(EXACT), **report}))


if __name__ == "__main__":
    main()
