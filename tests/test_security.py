"""The allowlist sanitizer: what `lms check` says, what the build removes, and that nothing hostile survives."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import pipeline, sanitize
from generator.render.text import inline

from conftest import report_lines

UNSAFE = "    saran: Hapus kode ini; untuk menampilkannya sebagai contoh, letakkan di dalam blok kode (```)."
JS_HINT = "    saran: Gunakan tautan http:// atau https://."
REMOVED_HINT = ("    saran: Hapus atau ganti dengan Markdown; daftar tag dan atribut yang diizinkan ada di "
                "docs/security.md.")
M = "content/modul/m1.md"

BYPASSES = {
    "attr_list onclick": ("# M\n\nTeks\n{: onclick=\"alert(1)\" }\n",
                          [f"{M}:4:4: atribut 'onclick' (kode JavaScript) tidak diizinkan dalam konten", UNSAFE]),
    "attr_list autofocus onfocus": (
        "# M\n\nFokus\n{: autofocus onfocus=\"alert(2)\" }\n",
        [f"{M}:4:4: peringatan: 'autofocus' tidak didukung dan akan dihapus dari halaman", REMOVED_HINT,
         f"{M}:4:14: atribut 'onfocus' (kode JavaScript) tidak diizinkan dalam konten", UNSAFE]),
    "attr_list href without <": ("# M\n\n[tautan](x.html){: href=\"javascript:alert(3)\" }\n",
                                 [f"{M}:3:25: tautan 'javascript:' tidak diizinkan", JS_HINT]),
    "iframe srcdoc": ("# M\n\n<iframe srcdoc=\"&lt;script&gt;alert(4)&lt;/script&gt;\"></iframe>\n",
                      [f"{M}:3:1: '<iframe>' tidak diizinkan dalam konten: dapat menjalankan kode atau memuat "
                       "halaman lain", UNSAFE]),
    "base href": ("# M\n\nTeks.\n\n<base href=\"https://evil.example/\">\n",
                  [f"{M}:5:1: '<base>' tidak diizinkan dalam konten: dapat menjalankan kode atau memuat "
                   "halaman lain", UNSAFE]),
    "reference definition in a quote": ("# M\n\n> [klik][r]\n>\n> [r]: javascript:alert(5)\n",
                                        [f"{M}:5:8: tautan 'javascript:' tidak diizinkan", JS_HINT]),
    "svg animate": ("# M\n\n<svg><animate attributeName=\"href\" values=\"javascript:alert(6)\"/></svg>\n",
                    [f"{M}:3:6: '<animate>' tidak diizinkan dalam konten: dapat menjalankan kode atau memuat "
                     "halaman lain", UNSAFE]),
    "attr_list on a heading, upper case": ("# M\n\n## Judul {: ONMOUSEOVER=\"alert(7)\" }\n",
                                           [f"{M}:3:13: atribut 'onmouseover' (kode JavaScript) tidak diizinkan "
                                            "dalam konten", UNSAFE]),
    "reference definition with spaces and case": ("# M\n\n[x][r]\n\n[r]:   JaVaScRiPt:alert(8)\n",
                                                  [f"{M}:5:8: tautan 'javascript:' tidak diizinkan", JS_HINT]),
    "image src through attr_list": ("# M\n\n![peta](https://contoh.go.id/p.png){: src=\"javascript:x\" }\n",
                                    [f"{M}:3:43: tautan 'javascript:' tidak diizinkan", JS_HINT]),
    "meta refresh": ("# M\n\n<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">\n",
                     [f"{M}:3:1: '<meta>' tidak diizinkan dalam konten: dapat menjalankan kode atau memuat "
                      "halaman lain", UNSAFE]),
    "form with formaction": ("# M\n\n<form><button formaction=\"javascript:x\">b</button></form>\n",
                             [f"{M}:3:1: '<form>' tidak diizinkan dalam konten: dapat menjalankan kode atau "
                              "memuat halaman lain", UNSAFE,
                              f"{M}:3:7: '<button>' tidak diizinkan dalam konten: dapat menjalankan kode atau "
                              "memuat halaman lain", UNSAFE]),
    "object data": ("# M\n\n<object data=\"x.swf\"></object>\n",
                    [f"{M}:3:1: '<object>' tidak diizinkan dalam konten: dapat menjalankan kode atau memuat "
                     "halaman lain", UNSAFE]),
    "style is a warning": ("# M\n\n<p style=\"color: red\">Merah</p>\n",
                           [f"{M}:3:11: peringatan: 'style: color' tidak didukung dan akan dihapus dari halaman",
                            REMOVED_HINT]),
    "other schemes are a warning": (
        "# M\n\n[unduh](ftp://contoh.go.id/berkas.pdf)\n",
        [f"{M}:3:9: peringatan: tautan 'ftp://contoh.go.id/berkas.pdf' akan dihapus: hanya http, https, mailto, "
         "tel, atau alamat relatif yang diizinkan",
         "    saran: Tulis alamat lengkap seperti https://contoh.go.id/ atau tautan ke berkas di content/."]),
    "what Material and the extensions write is kept": (
        "# M\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n!!! note \"Catatan\"\n    Isi.\n\n??? tip \"Buka\"\n    Isi.\n\n"
        "## Judul {: #judul-saya .penting }\n\n<details open><summary>S</summary>x</details>\n\n"
        "[surel](mailto:a@b.go.id) [telepon](tel:+6261) [b](https://lapor.go.id){: target=_blank }\n\n"
        "```python\nprint('<script>')\n```\n\n<abbr title=\"Aparatur Sipil Negara\">ASN</abbr>\n", []),
}


@pytest.mark.parametrize("name", list(BYPASSES))
def test_check_reports_what_the_sanitizer_removes(project, name):
    body, expected = BYPASSES[name]
    assert report_lines(project({M: body})) == expected


class _Scan(HTMLParser):
    """Every event handler, script URL and forbidden tag in a page."""

    FORBIDDEN = {"script", "iframe", "base", "object", "embed", "form", "meta", "animate", "set", "math", "use",
                 "frame", "frameset", "link", "style"}
    URLS = {"href", "src", "action", "data", "cite", "values", "poster", "srcset", "background", "xlink:href"}

    def __init__(self):
        super().__init__()
        self.bad: list = []

    def handle_starttag(self, tag, attrs):
        if tag in self.FORBIDDEN:
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name in ("srcdoc", "formaction", "attributename"):
                self.bad.append((tag, name))
            elif name in self.URLS and value and "script:" in "".join(value.lower().split()):
                self.bad.append((tag, name, value))

    handle_startendtag = handle_starttag


def scan(html: str) -> list:
    parser = _Scan()
    parser.feed(html)
    parser.close()
    return parser.bad


def test_build_removes_every_bypass_even_unchecked(project, monkeypatch):
    """The engine's sanitizer works on its own: the checker is turned off here."""
    import generator.validate as validate

    monkeypatch.setattr(validate, "content_rules", lambda item, assets=frozenset(): [])
    body = "\n\n".join(b.removeprefix("# M\n\n") for b, _ in BYPASSES.values())
    root = project({M: "# M\n\n" + body})
    outcome = pipeline.build(root, root / "site")
    assert outcome.ok, outcome.problems
    page = (root / "site/kursus/dasar/m1.html").read_text()
    article = page[page.index("<article"):page.index('<form class="lms-quiz"')]
    assert scan(article) == []
    assert "lms-author" not in page  # the markers never reach the site
    assert '<th style="text-align:left">a</th>' in page and 'class="admonition note"' in page
    assert '<form class="lms-quiz"' in page  # our own quiz form is not the author's: kept


def test_a_forged_marker_does_not_end_the_cleaned_part(project, monkeypatch):
    import generator.validate as validate

    monkeypatch.setattr(validate, "content_rules", lambda item, assets=frozenset(): [])
    forged = "<!-- /lms-author:0123456789abcdef0123456789abcdef -->"
    root = project({M: f"# M\n\n{forged}\n\n<p onclick=\"alert(1)\">x</p>\n\n<!-- lms-author:"
                       f"0123456789abcdef0123456789abcdef -->\n\n<img src=x onerror=alert(2)>\n"})
    assert pipeline.build(root, root / "site").ok
    page = (root / "site/kursus/dasar/m1.html").read_text()
    assert scan(page[page.index("<article"):page.index('<form class="lms-quiz"')]) == []


def test_a_marked_block_copied_into_a_body_is_cleaned_like_the_rest_of_it(project, monkeypatch):
    import generator.validate as validate
    from generator import verbatim

    monkeypatch.setattr(validate, "content_rules", lambda item, assets=frozenset(): [])
    copied = verbatim.mark('<form id="x"><input onfocus="alert(1)" autofocus></form><script>alert(2)</script>')
    forged = copied.replace("<script>", "<script>alert(3)")  # a digest that no longer matches: not lifted
    root = project({M: f"# M\n\n{copied}\n\nTeks *miring*.\n\n{forged}\n"})
    assert pipeline.build(root, root / "site").ok
    page = (root / "site/kursus/dasar/m1.html").read_text()
    article = page[page.index("<article"):page.index('<form class="lms-quiz"')]
    assert scan(article) == [] and "<form" not in article and "<input" not in article
    assert "<em>miring</em>" in article and "lms-html" not in page


def test_lift_takes_only_blocks_whose_digest_matches():
    from generator import verbatim

    block = verbatim.mark('<ol id="daftar">\n<li>satu</li>\n</ol>')
    text = f"# J\n\n{block}\n\nTeks.\n\n{block.replace('satu', 'dua')}\n"
    lifted_text, lifted = verbatim.lift(text)
    assert list(lifted.values()) == ['<ol id="daftar">\n<li>satu</li>\n</ol>'] and verbatim.ids(lifted) == {"daftar"}
    assert lifted_text.count("<li>") == 1 and "<li>dua</li>" in lifted_text
    placeholder = next(iter(lifted))
    assert verbatim.restore(f"<p>a</p>\n{placeholder}\n<!-- lms-html:{'0' * 32} -->", lifted) == (
        f"<p>a</p>\n<ol id=\"daftar\">\n<li>satu</li>\n</ol>\n<!-- lms-html:{'0' * 32} -->")
    assert verbatim.mark("\n") == "" and verbatim.lift("tanpa penanda") == ("tanpa penanda", {})
    in_a_body = f"{block}\n{sanitize.fence(block)}\n{block}"  # an author's body is never lifted from
    again, lifted = verbatim.lift(in_a_body)
    assert again == f"{list(lifted)[0]}\n{sanitize.fence(block)}\n{list(lifted)[1]}"
    assert verbatim.lift(text)[1].keys().isdisjoint(lifted)  # a placeholder names its page's digest


def test_a_marker_or_placeholder_written_in_a_body_brings_no_block_back(project, monkeypatch):
    import generator.validate as validate
    from generator import pipeline as build_pipeline

    monkeypatch.setattr(validate, "content_rules", lambda item, assets=frozenset(): [])
    root = project()
    assert build_pipeline.build(root, root / "site").ok
    tree = (root / ".lms/build/docs/kursus/dasar/m1.md").read_text()
    quiz_key = tree.split('<!-- lms-html:')[2][:32]  # the second marked block: the quiz
    forged = f"<!-- lms-html:{quiz_key} -->\n\n<!-- lms-lifted:{quiz_key}:1 -->\n\n`<!-- lms-html:{quiz_key} -->`"
    (root / M).write_text(f"# M\n\n{forged}\n")
    assert build_pipeline.build(root, root / "site").ok
    page = (root / "site/kursus/dasar/m1.html").read_text()
    assert page.count("Soal 1</span>") == 1 and page.count('<form class="lms-quiz"') == 1


def test_an_unclosed_code_fence_is_cleaned_to_the_end():
    fenced = sanitize.fence("```\n<p onclick=x>")
    nonce = fenced.split("lms-author:")[1][:32]
    html = f"<p>ours</p><!-- lms-author:{nonce} --><pre>&lt;!-- /lms-author:{nonce} --&gt;</pre><p onclick=x>y</p>"
    assert sanitize.clean_fenced(html) == "<p>ours</p><pre>&lt;!-- /lms-author:" + nonce + " --&gt;</pre><p>y</p>"


def test_only_a_page_with_an_authors_raw_html_goes_through_the_backstop(monkeypatch):
    calls = []
    monkeypatch.setattr(sanitize, "_backstop", lambda html: calls.append(html) or html)
    plain = f"<form>ours</form>{sanitize.fence('plain *text*, no tag')}"
    assert sanitize.clean_fenced(plain) == "<form>ours</form>\n\n\n\nplain *text*, no tag\n\n\n\n" and calls == []
    sanitize.clean_fenced(f"<form>ours</form>{sanitize.fence('plain')}{sanitize.fence('a <b>raw</b> tag')}")
    assert len(calls) == 1  # Markdown could move an unclosed tag of it past its closing marker


def test_fences_are_reproducible_and_differ_per_body():
    assert sanitize.fence("a") == sanitize.fence("a")
    assert sanitize.fence("a") != sanitize.fence("b")
    assert sanitize.clean_fenced(f"<p>x</p>{sanitize.fence('<b onclick=y>z</b>')}").split() == ["<p>x</p>", "<b>z</b>"]


def test_inline_yaml_text_is_sanitized_too():
    assert str(inline("*tebal* [a](https://lapor.go.id) <b onclick=x>")) == (
        '<em>tebal</em> <a href="https://lapor.go.id">a</a> &lt;b onclick=x&gt;')
    assert scan(str(inline("[x](javascript:alert(1)) ![i](vbscript:x)"))) == []


def test_the_checker_and_the_engine_share_one_list_of_extensions(project):
    from generator import render

    root = project()
    site = render.site_of(pipeline.check(root).project)
    assert "markdown_extensions:\n- attr_list\n- tables\n" in render.render(site)["mkdocs.yml"]
    assert sanitize.MARKDOWN_EXTENSIONS[0] == "attr_list"


def test_removed_reports_tags_attributes_and_urls():
    found = sanitize.removed('<a href="javascript:x" title="t">a</a><p style="color:red;text-align:left">p</p>'
                             '<embed src="x"><img src="a.png" onerror="y">')
    assert [(r.construct, r.dangerous) for r in found] == [
        ('href="javascript:x"', True), ("style: color", False), ("style: text-align", False), ("<embed>", True),
        ("onerror=", True)]


_TAGS = st.sampled_from(["a", "img", "p", "svg", "animate", "iframe", "base", "script", "div", "form", "math",
                         "object", "embed", "meta", "details", "table", "td", "x-y", "set", "style", "template"])
_ATTRS = st.sampled_from(["href", "src", "onclick", "onerror", "srcdoc", "style", "class", "id", "formaction",
                          "xlink:href", "attributeName", "values", "action", "data", "ONLOAD", "autofocus"])
_VALUES = st.sampled_from(["javascript:alert(1)", "java&#115;cript:x", " \tjavascript:x", "JaVaScRiPt:x",
                           "vbscript:x", "data:text/html,<script>x</script>", "https://ok.go.id/", "#x",
                           "&lt;script&gt;alert(1)&lt;/script&gt;", "expression(x)", "x\" onclick=\"y"])


@st.composite
def _html(draw):
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(_TAGS)
        attrs = " ".join(f'{draw(_ATTRS)}="{draw(_VALUES)}"' for _ in range(draw(st.integers(0, 3))))
        parts.append(draw(st.sampled_from([f"<{tag} {attrs}>", f"</{tag}>", f"<{tag} {attrs}/>",
                                           draw(st.text(max_size=8)), "{: onclick=x }", "<!--", "-->"])))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(_html())
def test_random_html_never_keeps_a_handler_a_script_url_or_a_forbidden_tag(fragment):
    assert scan(sanitize.clean(fragment)) == []


@settings(max_examples=150, deadline=None)
@given(_html(), st.sampled_from(["", "> ", "- ", "    ", "# "]))
def test_random_markdown_through_the_engine_path_stays_inert(fragment, lead):
    from generator.validate.safety import _markdown

    md = _markdown()
    md.reset()
    page = md.convert(sanitize.fence(lead + fragment + "\n{: onclick=x }\n\n[r]: javascript:y\n[a][r]"))
    assert scan(sanitize.clean_fenced(page)) == []


URL_HINT = "    saran: Tulis alamat lengkap, misalnya https://contoh.go.id/."


@pytest.mark.parametrize("key", ["site_url", "repo_url"])
@pytest.mark.parametrize(("value", "reason"), [
    ('https://contoh.go.id/"><script>alert(1)</script>', "ada spasi, tanda kutip, atau kurung sudut"),
    ("https://contoh.go.id/<x", "ada spasi, tanda kutip, atau kurung sudut"),
    ("https://contoh.go.id/'onmouseover=x", "ada spasi, tanda kutip, atau kurung sudut"),
    ("https://a.go.id:99999/", "nomor port atau alamat host tidak sah"),
    ("https://user:rahasia@contoh.go.id/", "alamat memuat nama pengguna atau kata sandi"),
    ("http:///jalur", "tidak ada nama host setelah http:// atau https://"),
])
def test_addresses_in_the_config_are_parsed(project, key, value, reason):
    import json

    root = project({"site_config.yml": f"site_name: Uji\n{key}: {json.dumps(value)}\n"})
    col = len(key) + 3
    assert report_lines(root) == [f"site_config.yml:2:{col}: {key}: '{value}' bukan alamat yang sah: {reason}",
                                  URL_HINT]


def test_a_good_repo_url_with_a_query_is_escaped_where_the_theme_prints_it(project):
    root = project({"site_config.yml": "site_name: Uji\nrepo_url: https://contoh.go.id/git?a=1&b=2\n"
                                       "site_url: https://contoh.go.id/belajar/\n"})
    assert pipeline.build(root, root / "site").ok
    page = (root / "site/index.html").read_text()
    assert 'href="https://contoh.go.id/git?a=1&amp;b=2"' in page
    assert '<link rel="canonical" href="https://contoh.go.id/belajar/index.html">' in page
