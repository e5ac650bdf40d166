"""Where things live: small modules and functions, one importer of MkDocs, render apart from the rules,
and a content kind that is one module plus one line in the registry."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from pydantic import Field

from generator import data, kinds, model, pipeline, schema
from generator.kinds import MARKDOWN, Kind, Nav
from generator.problems import choice_hint

from conftest import REPO, make_project, report_lines

GENERATOR = REPO / "generator"
MODULES = sorted(GENERATOR.rglob("*.py"))


def imports(path: Path) -> set[str]:
    """The modules a file imports, absolute (generator.x) for its relative imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(REPO).with_suffix("").parts[:-1])
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            name = ".".join(p for p in (base, node.module or "") if p)
            out.add(name)
            out.update(f"{name}.{alias.name}" for alias in node.names)
    return out


def test_no_module_over_400_lines_and_no_function_over_50():
    long_files = {p.relative_to(REPO).as_posix(): n for p in MODULES
                  if (n := p.read_text(encoding="utf-8").count("\n")) > 400}
    long_functions = {}
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if (length := node.end_lineno - node.lineno + 1) > 50:
                    long_functions[f"{path.relative_to(REPO).as_posix()}:{node.name}"] = length
    assert long_files == {} and long_functions == {}


def test_only_the_engine_imports_mkdocs_and_only_the_pipeline_imports_the_rules():
    mkdocs = sorted(p.relative_to(REPO).as_posix() for p in MODULES
                    if any(m == "mkdocs" or m.startswith("mkdocs.") for m in imports(p)))
    assert mkdocs == ["generator/engine.py"]
    rules = sorted(p.relative_to(REPO).as_posix() for p in MODULES if "validate" not in p.parts
                   and any(m == "generator.validate" or m.startswith("generator.validate.") for m in imports(p)))
    assert rules == ["generator/pipeline.py"]


# --- a throwaway kind: recipes for the office's shared lunch, one module's worth of declaration


class RecipeFrontMatter(model.Strict):
    title: model.Text = Field(description="Nama masakan.")
    summary: model.Text | None = Field(None, description="Ringkasan.")
    portions: int = Field(ge=1, description="Jumlah porsi.")
    spice: str = Field("sedang", description="Tingkat pedas.")
    status: model.Status = Field("published", description=model.STATUS_DESCRIPTION)


def recipe_rules(item, raw, _context) -> list:
    spice = raw.get("spice")
    if isinstance(spice, str) and spice not in ("ringan", "sedang", "pedas"):
        hint, params = choice_hint(spice, ["ringan", "sedang", "pedas"])
        return [item.front.problem(("spice",), "not-allowed", {"value": spice, "allowed": "ringan, sedang, pedas"},
                                   hint, params)]
    return []


def recipe_pages(env, site) -> dict[str, str]:
    entries = site.of_kind("recipe")
    if not entries:
        return {}
    out = {"resep/index.md": "# Resep\n\n" + "".join(f"- [{e.title}]({e.page.split('/')[-1]})\n" for e in entries)}
    for entry in entries:
        out[entry.page] = f"# {entry.title}\n\nPorsi: {entry.front.portions}\n\n{entry.item.body}"
    return out


RECIPE = Kind("recipe", "resep", MARKDOWN, RecipeFrontMatter, "recipe", recipe_pages, recipe_rules,
              facts=lambda front: {"level": 1}, nav=Nav(45, "recipes"), reserved=frozenset({"resep/index.md"}),
              scaffold="---\ntitle: {title}\nportions: 4\nstatus: draft\n---\nBahan dan cara memasak.\n",
              counted="count-recipes")


@pytest.fixture
def with_recipes(monkeypatch):
    """The registry with one more kind, and the two texts a kind brings (its tab label and its count)."""
    monkeypatch.setattr(kinds, "REGISTRY", [*kinds.REGISTRY[:-1], RECIPE, kinds.REGISTRY[-1]])
    monkeypatch.setitem(data.table("ui"), "recipes", {"id": "Resep", "en": "Recipes"})
    monkeypatch.setitem(data.table("messages"), "count-recipes", {"id": ", {n} resep", "en": ", {n} recipes"})


def test_a_new_kind_is_checked_built_listed_and_scaffolded(with_recipes, project, lms):
    root = project({"content/resep/gulai.md": "---\ntitle: Gulai Ikan\nportions: 0\nspice: pedass\n---\nIsi.\n"})
    assert report_lines(root) == [
        "content/resep/gulai.md:3:11: portions: harus paling sedikit 1, bukan 0",
        "content/resep/gulai.md:4:8: spice: 'pedass' tidak diizinkan; pilihannya: ringan, sedang, pedas",
        "    saran: Maksud Anda 'pedas'? Pilihannya: ringan, sedang, pedas.",
    ]
    (root / "content/resep/gulai.md").write_text("---\ntitle: Gulai Ikan\nportions: 6\n---\nIkan tongkol.\n")
    done = lms("build", "--project", root)
    assert done.exit_code == 0, done.output
    assert ", 1 resep;" in done.output
    page = (root / "site/resep/gulai.html").read_text()
    assert "Gulai Ikan" in page and "Porsi: 6" in page
    mkdocs = (root / ".lms/build/mkdocs.yml").read_text()
    assert "- Resep:\n  - Resep: resep/index.md\n  - Gulai Ikan: resep/gulai.md" in mkdocs
    assert lms("new", "recipe", "rendang", "--project", root).output == "content/resep/rendang.md\n"
    assert "recipe.schema.json" in schema.schemas()
    assert any(title == "content/resep/*.md front matter" for title, _ in schema.sections())


def test_a_new_kind_reserves_its_pages(with_recipes, project):
    root = project({"content/resep/index.md": "---\ntitle: Bukan katalog\nportions: 1\n---\n",
                    "content/resep/sayur.md": "# Sayur Asam\n"})
    assert report_lines(root) == [
        "content/resep/index.md:1:1: 'resep/index.md' dipakai oleh halaman yang dibuat situs sendiri",
        "    saran: Ganti nama berkas atau pindahkan ke folder lain; folder kursus/, layanan/, kompetensi/, konten/, "
        "assets/ dan search/ serta index.md katalog dipakai situs.",
        "content/resep/sayur.md:1:1: recipe perlu front matter di awal berkas",
        "    saran: Mulai berkas dengan '---', lalu title, portions, dan tutup dengan '---'. "
        "Contoh: lms new recipe nama-kegiatan.",
    ]


def test_an_english_site_has_no_indonesian_ui_text_in_its_reference_pages(tmp_path):
    """The sample site switched to English: generated texts (the format reference included) are English."""
    root = make_project(tmp_path / "en", {
        "site_config.yml": "site_name: Learning\nlanguage: en\n",
        "content/guide-for-authors.md": "# Guide for authors\n\nThe format:\n\n<!-- lms:reference -->\n",
    })
    outcome = pipeline.build(root, root / "site")
    assert outcome.ok, outcome.problems
    page = (root / ".lms/build/docs/guide-for-authors.md").read_text()
    assert "| key | type | required / default | meaning |" in page
    indonesian = [texts["id"] for texts in data.table("ui").values()
                  if texts["id"] != texts["en"] and len(texts["id"]) >= 12 and "{" not in texts["id"]]
    sources = " ".join(p.read_text() for p in root.rglob("*.md") if ".lms" not in p.parts and "site" not in p.parts)
    for built in sorted((root / ".lms/build/docs").rglob("*.md")):
        text = built.read_text()
        found = [t for t in indonesian if t in text and t not in sources]
        assert found == [], built.name
    assert not re.search(r"\| kunci \| jenis", page)


def test_a_file_of_thousands_of_unknown_keys_gets_fifty_lines_and_one_for_the_rest(project):
    root = project({"site_config.yml": "site_name: Uji\n" + "".join(f"kunci{i}: {i}\n" for i in range(3000))})
    lines = report_lines(root)
    assert len([line for line in lines if line.startswith("site_config.yml:")]) == 51
    assert "site_config.yml:52:1: kunci50: dan 2950 kunci lain yang tidak dikenal" in lines


def test_every_browser_file_is_bundled_or_named_and_the_core_loads_first():
    from generator.render import assets

    assert assets.unknown() == []
    bundle = assets.bundle()
    starts = [bundle.index(f"/* {name} */") for name in assets.SCRIPTS]
    assert starts == sorted(starts) and assets.SCRIPTS[0] == "lms-core.js"
    assert len(bundle) < sum(len((assets.ASSETS / n).read_text()) for n in assets.SCRIPTS) * 0.8  # minified
