"""Learning-record settings at build time: site_config.yml `records`, checked, and handed to the browser."""

from __future__ import annotations

import json
import re

import pytest

from generator import pipeline, render

from conftest import make_project, report_lines

SITE = "site_name: Situs Uji\nlanguage: id\n"


def rendered(root) -> dict[str, str]:
    """The build tree's files for a project (pure render, no engine)."""
    outcome = pipeline.check(root)
    assert outcome.project is not None, outcome.problems
    return render.render(render.site_of(outcome.project))


def catalogue(tree: dict) -> dict:
    """window.LmsData of the generated data script, as Python values."""
    text = tree["docs/assets/lms/lms-data.js"]
    return json.loads(text[text.index("= ") + 2:].rstrip().rstrip(";"))


def records(tmp_path, config: str) -> dict:
    return catalogue(rendered(make_project(tmp_path, {"site_config.yml": SITE + config})))["records"]


def test_defaults_belajar_mandiri_the_site_as_organiser_and_no_cap(tmp_path):
    assert records(tmp_path, "") == {"kind": "Belajar Mandiri", "kindId": 22, "organizer": "Situs Uji",
                                     "dailyCap": None, "place": ""}


def test_the_organisation_is_the_organiser_unless_one_is_named(tmp_path):
    assert records(tmp_path, "organization: Kecamatan Medan Belawan\n")["organizer"] == "Kecamatan Medan Belawan"
    named = records(tmp_path, "organization: Kecamatan Medan Belawan\nrecords:\n  organizer: BKPSDM  Kota\n    Medan\n")
    assert named["organizer"] == "BKPSDM Kota Medan"


@pytest.mark.parametrize(("kind", "name", "siasn_id"), [
    ("belajar-mandiri", "Belajar Mandiri", 22), ("e-learning", "E-Learning", 16),
    ("komunitas-belajar", "Komunitas Belajar", 23)])
def test_each_kind_carries_its_siasn_jenis_diklat_id(tmp_path, kind, name, siasn_id):
    got = records(tmp_path, f"records:\n  kind: {kind}\n  daily_jp_cap: 3\n  place: Medan\n")
    assert got == {"kind": name, "kindId": siasn_id, "organizer": "Situs Uji", "dailyCap": 3, "place": "Medan"}


@pytest.mark.parametrize(("setting", "says"), [
    ("kind: kursus", "records.kind"),
    ("daily_jp_cap: 0", "records.daily_jp_cap"),
    ("daily_jp_cap: 25", "records.daily_jp_cap"),
    ("daily_jp_cap: '2'", "records.daily_jp_cap"),
    ("batas: 2", "records"),
])
def test_a_wrong_setting_is_reported_where_it_is(tmp_path, setting, says):
    lines = report_lines(make_project(tmp_path, {"site_config.yml": SITE + f"records:\n  {setting}\n"}))
    assert lines and lines[0].startswith("site_config.yml:4:") and says in lines[0], lines


def test_progres_saya_and_the_record_carry_the_fields_and_the_signature_block(tmp_path):
    tree = rendered(make_project(tmp_path))
    progress, record = tree["docs/progres.md"], tree["docs/kursus/dasar/bukti.md"]
    for needle in ('data-lms-export="siasn"', 'data-lms-export="xlsx"', 'data-lms-export="csv"',
                   'data-lms-learner', 'name="nip" inputmode="numeric"', 'aria-describedby="lms-nip-note"'):
        assert needle in progress, needle
    assert "<script" not in progress + record and not re.search(r"\son[a-z]+=", progress + record)
    for needle in ("Mengetahui,<br>Atasan langsung", 'class="lms-record__place"', 'class="lms-record__learner-nip"'):
        assert needle in record, needle
    from generator.render import assets

    assert assets.RECORDS_SCRIPTS == ("lms-xlsx.js", "lms-ledger.js")  # the writer, then the ledger that uses it
    assert "lms-ledger.js" not in assets.SCRIPTS  # loaded by lms-core.js on the pages that have a ledger or record
    assert "assets/lms/lms.js" in tree["mkdocs.yml"]
