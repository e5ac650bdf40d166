"""Building sites: the contract course, drafts, escaping, atomic and reproducible output."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
import search_files
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import engine, pipeline, write

from conftest import COURSE, REPO, hostile_files, make_project

CONTRACT = (Path(__file__).parent / "fixtures" / "contract-course.yml").read_text(encoding="utf-8")


def tree_hash(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(root: Path, out: Path | None = None, strict: bool = False) -> pipeline.Outcome:
    return pipeline.build(root, out or root / "site", strict=strict)


def test_contract_course_checks_clean_and_builds(project):
    root = project({
        "courses/pelayanan-prima.yml": CONTRACT,
        "content/modul/standar-pelayanan.md": "# Standar\n\nIsi.\n",
        "content/modul/menangani-keluhan.md": "# Keluhan\n\nIsi.\n",
    }, defaults=False)
    outcome = build(root, strict=True)
    assert outcome.problems == []
    site = root / "site"
    for page in ("index.html", "kursus/pelayanan-prima/index.html",
                 "kursus/pelayanan-prima/standar-pelayanan.html", "kursus/pelayanan-prima/menangani-keluhan.html"):
        assert (site / page).is_file(), page
    module = (site / "kursus/pelayanan-prima/menangani-keluhan.html").read_text()
    for text in ("Apa nama sistem pengaduan pelayanan publik nasional?", "SP4N-LAPOR!", "Tindak lanjuti",
                 "lapor.go.id", "Nilai lulus: 60%"):
        assert text in module, text


def test_sample_project_builds_strictly(tmp_path):
    outcome = pipeline.build(REPO, tmp_path / "site", strict=True)
    assert outcome.problems == []
    assert outcome.warnings == ()


def test_module_markdown_is_passed_through_unescaped(project):
    body = ('# Judul Berkas\n\nTeks "kutip" & <kbd>Ctrl</kbd>.\n\n!!! tip "Di meja layanan"\n    Isi tip.\n\n'
            '```python\nif a < b and c == "d":\n    pass\n```\n')
    root = project({"content/modul/m1.md": body})
    assert build(root).problems == []
    page = (root / "site/kursus/dasar/m1.html").read_text()
    assert '<p class="admonition-title">Di meja layanan</p>' in page
    assert "<kbd>Ctrl</kbd>" in page and "Teks &quot;kutip&quot; &amp;" in page or 'Teks "kutip" &amp;' in page
    assert "&amp;#34;" not in page and "&#34;kutip" not in page
    assert "Judul Berkas" not in page  # the module title from YAML heads the page instead


def test_files_linked_from_modules_are_copied_and_relinked(project):
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 20
    draft = COURSE.replace("id: dasar", "id: draf").replace("level: 1", "level: 1\nstatus: draft") \
        .replace("modul/m1.md", "modul/draf.md")
    root = project({
        "content/modul/m1.md": "# M\n\n![Peta](gambar/peta.png)\n\n```\n![kode](gambar/peta.png)\n```\n",
        "content/modul/gambar/peta.png": png,
        "content/modul/draf.md": "# D\n\n![Rahasia](gambar/rahasia.png)\n",
        "content/modul/gambar/rahasia.png": png,
        "content/modul/gambar/tidak-dipakai.png": png,
        "courses/draf.yml": draft,
    })
    assert build(root, strict=True).problems == []
    site = root / "site"
    assert (site / "konten/modul/gambar/peta.png").read_bytes() == png
    assert not (site / "konten/modul/gambar/rahasia.png").exists()  # only published modules' files
    assert not (site / "konten/modul/gambar/tidak-dipakai.png").exists()
    page = (site / "kursus/dasar/m1.html").read_text()
    assert 'src="../../konten/modul/gambar/peta.png"' in page
    assert "![kode](gambar/peta.png)" in page  # code is shown as written


def test_engine_config(project):
    root = project({"site_config.yml": "site_name: Uji\nlanguage: en\n"})
    build(root)
    config = yaml.safe_load((root / ".lms/build/mkdocs.yml").read_text())
    assert config["theme"]["language"] == "en"
    assert config["theme"]["font"] is False
    assert "navigation.prune" in config["theme"]["features"]
    html = (root / "site/index.html").read_text()
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_logo_and_palette_reach_the_theme(project):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
    root = project({"site_config.yml": "site_name: Uji\ntheme:\n  logo: gambar/logo.svg\n  primary: teal\n"
                                       "  scheme: slate\n", "gambar/logo.svg": svg})
    assert build(root).problems == []
    assert (root / "site/assets/site/logo.svg").read_text() == svg
    page = (root / "site/index.html").read_text()
    assert 'src="assets/site/logo.svg"' in page
    assert 'data-md-color-scheme="slate" data-md-color-primary="teal"' in page


def test_only_the_engine_imports_mkdocs():
    importers = [p.relative_to(REPO).as_posix() for p in (REPO / "generator").rglob("*.py")
                 if re.search(r"^\s*(from|import) mkdocs", p.read_text(), re.M)]
    assert importers == ["generator/engine.py"]


def test_drafts_appear_nowhere(project):
    draft = COURSE.replace("id: dasar", "id: rahasia-draf").replace("Kursus Dasar", "Judul Draf Tersembunyi") \
        .replace("level: 1", "level: 1\nstatus: draft").replace("modul/m1.md", "modul/draf.md") \
        .replace("Modul Satu", "Modul Draf Tersembunyi")
    root = project({"courses/rahasia-draf.yml": draft, "content/modul/draf.md": "# Draf\n\nKalimat draf unik.\n"})
    build(root)
    site = root / "site"
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js"):
            text = path.read_text(errors="replace")
            for needle in ("rahasia-draf", "Judul Draf Tersembunyi", "Modul Draf Tersembunyi", "Kalimat draf unik"):
                assert needle not in text, (path, needle)
    assert not (site / "kursus/rahasia-draf").exists()
    assert any("Kursus Dasar" in title for _, title, _ in search_files.records(site))


HOSTILE = [
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "Judul {: onclick=\"alert(1)\" }",
    "<svg onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "x\" onmouseover=\"alert(1)",
    "x" * 3000,
    "\u202eكلمة عربية 🚢 emoji",
]


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.handlers, self.scripts, self.urls, self._in_script = [], [], [], False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name, value))
            if name in ("href", "src") and value and value.strip().lower().startswith("javascript"):
                self.urls.append(value)
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(1)" in data:
            self.scripts.append(data)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_renders_inert(project, hostile):
    root = project(hostile_files(hostile))
    outcome = build(root)
    assert [p.code for p in outcome.problems] == [], outcome.problems
    for page in (root / "site").rglob("*.html"):
        scan = _Scan()
        scan.feed(page.read_text())
        assert scan.handlers == [] and scan.scripts == [] and scan.urls == [], page
    module = (root / "site/kursus/dasar/m1.html").read_text()
    visible = hostile.replace("\\[", "[").replace("\\]", "]")
    if "<" in hostile:
        assert visible.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")[:30] in module
    search = "".join(p.read_text() for p in (root / "site/search").rglob("*.js"))
    assert "<script>alert" not in search and "<" not in search  # the index's text is data, escaped for any use


def test_script_links_in_yaml_are_refused_and_never_rendered(project):
    from generator.render.text import inline

    summary = "summary: '\\[klik\\](javascript:alert(1)) [b](JAVASCRIPT:x)'"
    root = project({"courses/dasar.yml": COURSE.replace("summary: Ringkasan.", summary)})
    assert [p.code for p in build(root).problems] == ["javascript-link"]
    assert not (root / "site").exists()
    assert str(inline("[a](javascript:alert(1)) [b](java\tscript:x) [c](https://lapor.go.id)")) == (
        '<a>a</a> <a>b</a> <a href="https://lapor.go.id">c</a>')
    assert str(inline("\\[x\\](javascript:alert(1))")) == "&#91;x&#93;(javascript:alert(1))"


def test_failed_check_leaves_the_site_untouched(project):
    root = project()
    build(root)
    before = tree_hash(root / "site")
    (root / "courses/dasar.yml").write_text(COURSE.replace("level: 1", "level: 9"))
    outcome = build(root)
    assert [p.code for p in outcome.problems] == ["too-large"]
    assert tree_hash(root / "site") == before


def test_engine_failure_leaves_the_site_untouched(project, monkeypatch):
    root = project()
    build(root)
    before = tree_hash(root / "site")

    def broken(tree, site_dir, epoch, strict=False, progress=None, dirty=False, policy=True, collect=None):
        (site_dir / "index.html").write_text("half-written")
        raise engine.EngineError("boom")

    monkeypatch.setattr(engine, "build", broken)
    with pytest.raises(engine.EngineError):
        build(root)
    assert tree_hash(root / "site") == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []


def test_builds_are_reproducible(project, tmp_path, monkeypatch):
    root = project({"site_config.yml": "site_name: Uji\nsite_url: https://contoh.go.id/\n"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(root, tmp_path / "one")
    (root / ".lms").rename(tmp_path / "old-tree")  # the second build starts from nothing too
    build(root, tmp_path / "two")
    assert tree_hash(tmp_path / "one") == tree_hash(tmp_path / "two")
    assert "<lastmod>2023-11-14</lastmod>" in (tmp_path / "one/sitemap.xml").read_text()


def test_without_source_date_epoch_the_date_is_fixed_not_the_clock(project, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = project({"site_config.yml": "site_name: Uji\nsite_url: https://contoh.go.id/\n"})
    build(root)
    assert "<lastmod>1980-01-01</lastmod>" in (root / "site/sitemap.xml").read_text()


def test_build_tree_rewrites_only_changed_files(project):
    root = project()
    build(root)
    page = root / ".lms/build/docs/kursus/dasar/m1.md"
    stamp = page.stat().st_mtime_ns
    (root / "content/modul/m1.md").write_text("# Modul Satu\n\nIsi baru.\n")
    build(root)
    assert "Isi baru." in page.read_text()
    index = root / ".lms/build/docs/index.md"
    assert index.stat().st_mtime_ns <= stamp


def test_removed_course_disappears(project):
    root = project({"courses/kedua.yml": COURSE.replace("id: dasar", "id: kedua")})
    build(root)
    assert (root / "site/kursus/kedua/index.html").exists()
    (root / "courses/kedua.yml").unlink()
    build(root)
    assert not (root / "site/kursus/kedua").exists()
    assert not (root / ".lms/build/docs/kursus/kedua").exists()


def test_a_second_build_of_the_same_project_waits_for_the_first(project, monkeypatch):
    """Two builds at once (two terminals, parallel tests) take turns on the project's generated tree."""
    root = project()
    checked, entered, done, heard = threading.Event(), [], [], []
    check, render_and_build = pipeline.check, pipeline.render_and_build
    monkeypatch.setattr(pipeline, "check", lambda *args: (check(*args), checked.set())[0])
    monkeypatch.setattr(pipeline, "render_and_build", lambda *args: (entered.append(1), render_and_build(*args))[1])
    with write.exclusive(root / ".lms/build.lock"):  # as a first build holds it
        second = threading.Thread(target=lambda: done.append(pipeline.build(root, root / "site", waiting=heard.append)))
        second.start()
        assert checked.wait(60)
        second.join(0.5)  # without the lock it would be rendering within microseconds of its check
        assert entered == [] and second.is_alive() and not (root / "site").exists()
    second.join()
    assert entered == [1] and done[0].problems == [] and (root / "site/kursus/dasar/m1.html").is_file()
    assert heard == [f"Menunggu build lain dari proyek ini selesai ({root / '.lms/build.lock'})..."]
    pipeline.build(root, root / "site", waiting=heard.append)
    assert len(heard) == 1  # a build that does not wait says nothing


def test_generated_blocks_go_around_markdown_and_every_page_stays_the_same(project, tmp_path, monkeypatch):
    from markupsafe import Markup

    from generator import render, verbatim

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = project(hostile_files("Pelayanan *prima* & <b>ramah</b>"))
    lifted: list[dict] = []
    lift = verbatim.lift
    monkeypatch.setattr(verbatim, "lift", lambda text: lifted.append(lift(text)[1]) or lift(text))
    build(root, tmp_path / "lifted")
    tree = (root / ".lms/build/docs/kursus/dasar/m1.md").read_text()
    assert tree.count("<!-- lms-html:") == 2 and tree.count("<!-- /lms-html:") == 2  # the outline and the quiz
    assert sum(map(len, lifted)) >= 8  # quizzes, outlines, catalogues, the course's modules
    monkeypatch.setattr(verbatim, "mark", lambda html: Markup(str(html).strip("\n")))  # no markers: Markdown
    render.environment.cache_clear()  # converts every block
    try:
        build(root, tmp_path / "converted")
    finally:
        render.environment.cache_clear()
    assert tree_hash(tmp_path / "lifted") == tree_hash(tmp_path / "converted")
    assert not [p for p in (tmp_path / "lifted").rglob("*.html") if "lms-html" in p.read_text()]


def test_the_engine_still_knows_the_anchors_inside_lifted_blocks(project, tmp_path):
    root = project({"content/modul/m1.md": "# Modul Satu\n\n[Kuis](#kuis), [soal](#q-m1-1), [x](#tidak-ada)\n"})
    assert build(root).ok
    config = root / ".lms/build/mkdocs.yml"
    config.write_text(config.read_text().replace("anchors: info", "anchors: warn"))
    warnings, _ = engine.build(root / ".lms/build", tmp_path / "site", 0)
    assert [w for w in warnings if "anchor" in w] == [
        "Doc file 'kursus/dasar/m1.md' contains a link '#tidak-ada', but there is no such anchor on this page."]


@pytest.mark.parametrize("tail", ["<![CDATA[", "<?php echo 1;"])
def test_an_unfinished_construct_at_the_end_of_a_body_leaves_the_quiz_whole(project, tail):
    root = project({"content/modul/m1.md": f"# Modul Satu\n\nIsi modul.\n\n{tail}\n"})
    assert build(root).ok
    page = (root / "site/kursus/dasar/m1.html").read_text()  # Markdown used to read the quiz into it
    assert '<legend><span class="lms-question__number">Soal 1</span> Benar?</legend>' in page


def test_the_site_carries_only_the_theme_files_it_uses(project):
    root = project()
    build(root)
    assets = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site/assets").rglob("*") if p.is_file())
    assert [a for a in assets if not a.startswith("assets/lms/")] == [
        "assets/images/favicon.png", f"assets/javascripts/{bundle(root)}",
        *[f"assets/stylesheets/{name}" for name in stylesheets(root)]]
    mirror = next((root / ".lms/theme").iterdir())  # Material's templates, its icons as one link
    assert (mirror / ".icons").is_symlink()
    icon = (mirror / ".icons/material/brightness-7.svg").read_text().strip()  # the palette toggle's, by name
    assert (root / "site/index.html").read_text().count(icon) == 1
    build(root)
    assert list((root / ".lms/theme").iterdir()) == [mirror]


def test_a_theme_mirror_whose_source_went_is_made_again(tmp_path):
    def theme(root: Path) -> Path:
        (root / ".icons/set").mkdir(parents=True)
        (root / ".icons/set/a.svg").write_text("<svg/>")
        (root / "main.html").write_text(f"main of {root.name}")
        (root / "bundle.js.map").write_text("map")
        return root

    def made(source: Path, dest: Path) -> Path:
        return write.mirror(source, dest, lambda rel: not rel.endswith(".map"), (".icons",), "main.html")

    first, other = tmp_path / "theme/material-1-aaaa", tmp_path / "theme/material-1-bbbb"
    assert made(theme(tmp_path / "venv-one"), first) == first and made(tmp_path / "venv-one", other) == other
    assert sorted(p.name for p in first.iterdir()) == [".icons", "main.html"] and (first / ".icons").is_symlink()
    shutil.rmtree(tmp_path / "venv-one")  # the virtual environment is made again elsewhere
    assert made(theme(tmp_path / "venv-two"), first) == first
    assert (first / "main.html").read_text() == "main of venv-two" and (first / ".icons/set/a.svg").is_file()
    assert not other.exists()  # a broken mirror beside it goes


def bundle(root: Path) -> str:
    return re.search(r'src="assets/javascripts/(bundle\.[0-9a-f]+\.min\.js)"',
                     (root / "site/index.html").read_text())[1]


def stylesheets(root: Path) -> list[str]:
    return sorted(re.findall(r'href="assets/stylesheets/([a-z]+\.[0-9a-f]+\.min\.css)"',
                             (root / "site/index.html").read_text()))


def test_make_project_helper_is_used_for_golden(tmp_path):
    root = make_project(tmp_path)
    assert (root / "courses/dasar.yml").read_text() == COURSE


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_inline_fast_path_agrees_with_markdown(text):
    """Plain text skips Python-Markdown; the result must be what Markdown would have given."""
    from generator.render import text as text_module

    fast = str(text_module.inline.__wrapped__(text))
    line = " ".join(text_module._CONTROL_CHARS.sub("", text).split())
    md = text_module._md()
    md.reset()
    out = md.convert(text_module._block_markers(html.escape(line, quote=False))) if line else ""
    m = text_module._PARA.match(out)
    slow = text_module._protect(m.group(1) if m else out)
    assert fast == slow
