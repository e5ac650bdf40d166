"""Search benchmark: bytes, index size, build time, latency and recall of our search, against plain Material.

An Indonesian corpus of N pages (22 topic pages, the rest numbered copies of their text), built by ours and by
plain Material with lunr (theme material, font: false, plugins [search]; past 1,000 pages its nav lists the
topic pages only: its default nav, every page on every page, is quadratic), queried through .md-search__input
in headless Chromium. The last line is one JSON object.

    python benchmarks/search.py [--pages 1000,10000] [--tmp DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from generator import pipeline, search  # noqa: E402

from browser import browser_page, close_shared_browser, serve  # noqa: E402

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
    for n in range(max(0, pages - len(PAGES))):
        title, text = list(PAGES.values())[n % len(PAGES)]
        words = text.split()
        shifted = " ".join(words[n % len(words):] + words[:n % len(words)])  # same words, other order
        (root / "content" / f"arsip-{n:04d}.md").write_text(f"# Catatan {n}\n\n{shifted}\n", encoding="utf-8")


FIRST = ["pengaduan warga", "menyimpan arsip", "pelatihan", "banjir rob", "kendaraan dinas"]  # first queries
OPEN = "antrean.html"  # the content page opened first (Material too: use_directory_urls: false)
TEXT = re.compile(r"\.(html|css|js|json|svg|xml|txt|map)$")  # compressed as served; images and fonts are not
SEARCH = re.compile(r"/search/|/assets/lms/search\.js|/workers/|/lunr/")  # search files, whenever loaded


def kb(n: float) -> float:
    return round(n / 1024, 1)


def cpu_now() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@contextmanager
def timer(out: dict, key: str):
    """Add the block's wall and CPU seconds (this process and its children) to out[key_s] and out[key_cpu_s]."""
    wall, cpu = time.perf_counter(), cpu_now()
    try:
        yield
    finally:
        out[f"{key}_s"] = out.get(f"{key}_s", 0) + time.perf_counter() - wall
        out[f"{key}_cpu_s"] = out.get(f"{key}_cpu_s", 0) + cpu_now() - cpu


def timed(owner, name: str, out: dict, key: str):
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        with timer(out, key):
            return original(*args, **kwargs)
    return mock.patch.object(owner, name, wrapper)


def build_ours(root: Path, out: Path) -> dict:
    spent: dict = {}
    with timed(search.Indexer, "write", spent, "index_build"), timer(spent, "build"):
        outcome = pipeline.build(root, out)
    assert outcome.problems == [], outcome.problems[:3]
    return {k: round(v, 2) for k, v in spent.items()}


def build_material(root: Path, out: Path, nav: bool) -> dict:
    """Plain Material and its search on the corpus' Markdown; nav=False lists only the topic pages in nav."""
    from material.plugins.search.plugin import SearchPlugin
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    config = {"site_name": "Uji Pencarian", "docs_dir": str(root / "content"), "site_dir": str(out),
              "use_directory_urls": False, "theme": {"name": "material", "font": False}, "plugins": ["search"]}
    if not nav:
        config.update(nav=[f"{slug}.md" for slug in PAGES], not_in_nav="/arsip-*.md")
    (root / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    spent: dict = {}
    with timed(SearchPlugin, "on_page_context", spent, "index_build"), \
            timed(SearchPlugin, "on_post_build", spent, "index_build"), timer(spent, "build"):
        mkdocs_build(load_config(config_file=str(root / "mkdocs.yml")))  # the plugin's hooks bind in load_config
    return {k: round(v, 2) for k, v in spent.items()}


def gz_size(data: bytes, url: str) -> int:
    return len(gzip.compress(data, 6)) if TEXT.search(urlsplit(url).path) else len(data)


def disk(folder: Path, shards: str) -> dict:
    """The index on disk: raw and gzip bytes (per file), files, and the largest of the files matching shards."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    packed = {p: gz_size(p.read_bytes(), p.name) for p in files}
    largest = max((p for p in files if p.match(shards)), key=packed.get)
    return {"index_kb_raw": kb(sum(p.stat().st_size for p in files)), "index_kb_gz": kb(sum(packed.values())),
            "index_files": len(files), "largest_shard_kb_gz": kb(packed[largest]),
            "largest_shard": largest.relative_to(folder).as_posix()}


WATCH = """(() => {  // in every page: when the first result (a page's title) shows, and when typing starts
  const link = '.md-search-result__item .md-search-result__link:not([href="#"]) article h1';
  window.__bench = {first: null, typed: null};
  new MutationObserver((_, seen) => {
    if (document.querySelector(link)) { window.__bench.first = performance.now(); seen.disconnect(); }
  }).observe(document, {childList: true, subtree: true});
  document.addEventListener("input", () => { window.__bench.typed ??= performance.now(); }, true);
})();"""

QUERY = """async (q) => {  // one query in a page that has answered before: ms until the result list changes
  const [input, meta, list] = [".md-search__input", ".md-search-result__meta", ".md-search-result__list"]
    .map(s => document.querySelector(s)), old = new Set(list.children);
  const link = '.md-search-result__link:not([href="#"])';
  const fresh = () => [...list.children].some(li => !old.has(li) && li.querySelector(link + " h1"));
  const done = new Promise(resolve => {
    const seen = new MutationObserver(records => {  // no page found: the count (no digit) written again
      const none = records.some(r => meta.contains(r.target)) && !/\\d/.test(meta.textContent);
      if (fresh() || (none && !list.querySelector(link))) { seen.disconnect(); resolve(performance.now()); }
    });
    seen.observe(list.parentNode, {childList: true, subtree: true, characterData: true});
  });
  const start = performance.now();
  input.value = q;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "End"}));  // Material searches on keyup
  const end = await Promise.race([done, new Promise(r => setTimeout(() => r(null), 5000))]);
  const pages = [...list.children].map(li => li.querySelector(".md-search-result__link"))
    .filter(a => a && a.matches(link)).map(a => a.href);
  return {ms: end === null ? null : end - start, pages: pages};
}"""


@contextmanager
def opened(url: str, idle: bool):
    """A fresh browser context (empty cache) on the content page; page.seen: (phase, response) as they came."""
    with browser_page() as page:
        page.seen, page.phase = [], ["page"]
        page.on("response", lambda r: page.seen.append((page.phase[0], r)))
        page.add_init_script(WATCH)
        page.goto(url + OPEN, wait_until="networkidle" if idle else "commit")
        yield page


def ask(page, query: str) -> dict:
    """Focus the search box (as soon as it exists), type the query, wait for the first result."""
    page.focus(".md-search__input")
    page.keyboard.insert_text(query)
    page.keyboard.press("End")  # a keyup: Material searches on keyup, ours on input
    page.wait_for_function("() => window.__bench.first !== null", timeout=300_000, polling=20)
    return page.evaluate("() => window.__bench")


def first_query(url: str, query: str) -> dict:
    """Bytes (gzip) of the search files and of the page itself, and ms from typing to the first result."""
    with opened(url, idle=True) as page:
        page.phase[0] = "search"
        bench = ask(page, query)
        page.phase[0] = "after"
        rows = [(phase, r.url, gz_size(r.body(), r.url)) for phase, r in page.seen if phase != "after"]
    found = [(u, n) for phase, u, n in rows if phase == "search" or SEARCH.search(urlsplit(u).path)]
    own = [n for phase, u, n in rows if phase == "page" and not SEARCH.search(urlsplit(u).path)]
    return {"kb": kb(sum(n for _, n in found)), "page_kb": kb(sum(own)), "ms": bench["first"] - bench["typed"],
            "files": [(urlsplit(u).path.lstrip("/"), kb(n)) for u, n in found]}


def latency(url: str, queries: list[str]) -> dict:
    """Per-query ms in one page once it has answered a first query: each query, then each again (warm)."""
    with opened(url, idle=True) as page:
        ask(page, FIRST[0])
        cold = [page.evaluate(QUERY, q) for q in queries]
        warm = [page.evaluate(QUERY, q) for q in queries]
    times = [[r["ms"] for r in runs if r["ms"] is not None] for runs in (cold, warm)]
    return {"query_ms": round(statistics.median(times[0]), 1), "query_ms_warm": round(statistics.median(times[1]), 1),
            "query_ms_max": round(max(times[0]), 1), "query_timeouts": 2 * len(queries) - len(times[0] + times[1]),
            "results": [r["pages"] for r in cold]}


def open_to_result(url: str, query: str) -> float:
    with opened(url, idle=False) as page:  # ms from navigation start, typed as soon as the box exists
        return ask(page, query)["first"]


def browse(url: str) -> dict:
    firsts = [first_query(url, q) for q in FIRST]
    opens = [open_to_result(url, q) for q in FIRST[:3]]
    med = {key: statistics.median(f[key] for f in firsts) for key in ("kb", "page_kb", "ms")}
    return latency(url, [q for q, _ in VARIANT + EXACT]) | {
        "first_query_kb_gz": med["kb"], "first_query_kb_gz_max": max(f["kb"] for f in firsts),
        "page_kb_gz": med["page_kb"], "first_query_ms": round(med["ms"]),
        "open_to_result_ms": round(statistics.median(opens)), "loaded": max(firsts, key=lambda f: f["kb"])["files"]}


def page_name(href: str) -> str:
    return urlsplit(href).path.rsplit("/", 1)[-1].removesuffix(".html")


def recall(results: list[list[str]], queries: list[tuple[str, str]], missed: list[str], prefix: str = "") -> float:
    """Share of queries whose target page (prefix + slug) is among the first five pages found; misses to missed."""
    hits = 0
    for found, (query, target) in zip(results, queries, strict=True):
        pages = list(dict.fromkeys(page_name(href) for href in found))[:5]
        hits += prefix + target in pages
        if prefix + target not in pages:
            missed.append(f"{query} -> {prefix}{target} (found {', '.join(pages) or 'nothing'})")
    return round(hits / len(queries), 3)


def pair_recall(work: Path) -> dict:
    """Word -> root pairs held out of the unit tests, in Node on a site of one page per word and per root and
    the topic pages: the root finds the word's page in the top five, the word the root's; false hits: a root
    finds a page of another root. VARIANT and EXACT on the same site (no copies) give recall_small."""
    root = work / "pairs"
    (root / "content").mkdir(parents=True)
    (root / "site_config.yml").write_text("site_name: Uji Pasangan\nlanguage: id\n", encoding="utf-8")
    pages = {f"prose-{slug}": f"# {title}\n\n{text}\n" for slug, (title, text) in PAGES.items()}
    pages |= {f"{kind}-{w}": f"# {w}\n\n{w}\n" for w, r in PAIRS for kind, w in (("word", w), ("root", r))}
    for name, text in pages.items():
        (root / "content" / f"{name}.md").write_text(text, encoding="utf-8")
    assert pipeline.build(root, work / "pairs-site").problems == []
    queries = sorted({w for pair in PAIRS for w in pair} | {q for q, _ in VARIANT + EXACT})
    done = subprocess.run(["node", str(REPO / "tests/search_node.js"), str(work / "pairs-site")], check=True,
                          input=json.dumps(queries), capture_output=True, text=True, timeout=600)
    hits = {q: [page_name(p) for p in answer["pages"]] for q, answer in json.loads(done.stdout).items()}
    family = {word: root for word, root in PAIRS} | {root: root for _, root in PAIRS}
    forward = [f"word-{word}" in hits[root][:5] for word, root in PAIRS]
    backward = [f"root-{root}" in hits[word][:5] for word, root in PAIRS]
    roots = sorted(set(family.values()))
    false = [any(family[ref.split("-", 1)[1]] != root for ref in hits[root][:5] if ref.startswith(("word-", "root-")))
             for root in roots]
    small: list[str] = []
    return {"pairs": len(PAIRS), "root_finds_word": round(sum(forward) / len(PAIRS), 3),
            "word_finds_root": round(sum(backward) / len(PAIRS), 3),
            "false_hit_share": round(sum(false) / len(roots), 3),
            "missed": [f"{w}~{r}" for (w, r), a, b in zip(PAIRS, forward, backward, strict=True) if not (a and b)],
            "recall_small": {"variant": recall([hits[q] for q, _ in VARIANT], VARIANT, small, "prose-"),
                             "exact": recall([hits[q] for q, _ in EXACT], EXACT, small, "prose-"), "missed": small}}


def topic_recall(work: Path) -> dict:
    """Recall@5 through the search box on the topic pages alone, as the corpus was written."""
    root, site, missed = work / "topics", work / "topics-site", []
    make_project(root, len(PAGES))
    build_ours(root, site)
    with serve(site) as url:
        results = latency(url, [q for q, _ in VARIANT + EXACT])["results"]
    return {"variant": recall(results[:len(VARIANT)], VARIANT, missed),
            "exact": recall(results[len(VARIANT):], EXACT, missed), "missed": missed}


def measure(work: Path, pages: int, limit_nav: bool) -> dict:
    """Ours and plain Material on a corpus of this many pages; the sites are removed once measured."""
    root, ours_site, plain_site = work / f"corpus-{pages}", work / f"ours-{pages}", work / f"material-{pages}"
    make_project(root, pages)
    print(f"{pages} pages: building and querying ours, then plain Material", file=sys.stderr, flush=True)
    ours = build_ours(root, ours_site) | disk(ours_site / "search", "t/*.js")
    with serve(ours_site) as url:
        ours |= browse(url)
    shutil.rmtree(ours_site)
    material = build_material(root, plain_site, nav=not limit_nav) | disk(plain_site / "search", "*.json")
    material["nav"] = "the topic pages only, copies not in nav" if limit_nav else "default (every page)"
    with serve(plain_site) as url:
        material |= browse(url)
    shutil.rmtree(plain_site)
    return ours | {"material": material}


ROWS = ["first_query_kb_gz", "first_query_kb_gz_max", "page_kb_gz", "index_kb_raw", "index_kb_gz", "index_files",
        "largest_shard_kb_gz", "index_build_s", "index_build_cpu_s", "build_s", "build_cpu_s", "first_query_ms",
        "open_to_result_ms", "query_ms", "query_ms_warm", "query_ms_max", "query_timeouts"]


def table(sizes: dict) -> None:
    columns = [(f"ours {n}", row) for n, row in sizes.items()]
    columns += [(f"Material {n}", row["material"]) for n, row in sizes.items()]
    print(f"{'':24}" + "".join(f"{name:>16}" for name, _ in columns))
    for key in ROWS:
        print(f"{key:24}" + "".join(f"{str(row.get(key, '-')):>16}" for _, row in columns))
    print("KB: gzip -6 as served; medians; query_ms: per query once loaded, from the input event to the list")
    for name, row in columns:
        print(f"{name}: largest shard {row['largest_shard']}; nav {row.get('nav', 'ours')}; first query loaded "
              + ", ".join(f"{path} {size} KB" for path, size in row["loaded"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="1000,10000", help="comma-separated site sizes")
    parser.add_argument("--tmp", type=Path, default=None, help="where the work folder goes (default /tmp)")
    args = parser.parse_args()
    if args.tmp:
        args.tmp.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="lms-search-", dir=args.tmp))
    try:
        report: dict = {"sizes": {}}
        for n in (int(p) for p in args.pages.split(",")):
            report["sizes"][str(n)] = measure(work, n, limit_nav=n > 1000)
        first, missed = next(iter(report["sizes"].values())), []
        report["recall_large"] = {"variant": recall(first["results"][:len(VARIANT)], VARIANT, missed),
                                  "exact": recall(first["results"][len(VARIANT):], EXACT, missed), "missed": missed}
        report["recall"] = topic_recall(work)
        report["pairs"] = pair_recall(work)
    finally:
        close_shared_browser()
        shutil.rmtree(work, ignore_errors=True)
    table(report["sizes"])
    print(f"recall@5 through the browser on the {len(PAGES)} topic pages: {report['recall']}")
    print(f"recall@5 through the browser on {next(iter(report['sizes']))} pages, where reordered copies of the "
          f"topic pages tie with them (the first pages in order win a tie): {report['recall_large']}")
    print(f"word -> root pairs, and recall on the topic pages without copies (Node): {report['pairs']}")
    for entry in [e for row in report["sizes"].values() for e in (row, row["material"])]:
        entry.pop("results"), entry.pop("loaded"), entry.pop("largest_shard")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
