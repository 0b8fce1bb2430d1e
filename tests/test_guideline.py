"""The guideline: shipped example, extends, validation errors mapped to file:line:col."""

from __future__ import annotations

import textwrap

import pytest

from humaskit.errors import HumaskitError
from humaskit.guideline import find_guideline, load_guideline
from humaskit.guideline.docs import guideline_markdown

from support import REPO, REGEN


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(path):
    with pytest.raises(HumaskitError) as info:
        load_guideline(path)
    return info.value.problems


def test_shipped_guideline_is_complete(guideline):
    expected = {"setda", "diskominfo", "dinkes", "disdik", "dishub", "disdukcapil", "dinsos", "dlh", "dpupr",
                "disparbud", "dpmptsp", "bapenda", "bpbd", "satpolpp"}
    assert expected <= set(guideline.agencies)
    for key in expected:
        agency = guideline.agencies[key]
        assert agency["name"] and agency["handles"] and agency["hashtags"]
    assert {"instagram", "facebook", "x", "tiktok", "threads", "youtube"} <= set(guideline.platforms)
    assert guideline.platforms["instagram"]["max_hashtags"] == 5
    assert guideline.platforms["x"]["url_length"] == 23
    assert guideline["tone"]["pronoun"] == "Anda"


def test_extends_overrides_and_appends(tmp_path):
    path = write(tmp_path, "kota.yaml", """\
        extends: tasikmalaya
        tone:
          register: friendly
          allow+: [Sahabat]
          acronyms+: [SIPADU]
        hashtags:
          required: ["#KotaBaru"]
        """)
    g = load_guideline(path)
    base = load_guideline()
    assert g["tone"]["register"] == "friendly"
    assert g["tone"]["allow"] == base["tone"]["allow"] + ["Sahabat"]
    assert g["tone"]["acronyms"][-1] == "SIPADU" and len(g["tone"]["acronyms"]) == len(base["tone"]["acronyms"]) + 1
    assert g["hashtags"]["required"] == ["#KotaBaru"]
    assert g.agencies == base.agencies  # untouched sections come from the base


def test_errors_in_an_extending_file_point_into_that_file(tmp_path):
    path = write(tmp_path, "kota.yaml", """\
        extends: tasikmalaya
        platforms:
          x:
            max_length: "dua ratus"
        """)
    [p] = problems(path)
    assert p.path == str(path.resolve()) and p.line == 4 and p.key == "platforms.x.max_length"


def test_every_problem_is_reported_at_once_with_suggestions(tmp_path):
    path = write(tmp_path, "salah.yaml", """\
        extends: tasikmalaya
        tone:
          registr: formal
          max_emoji: tiga
        platforms:
          x:
            max_lenght: 280
        defaults:
          agency: dinkess
        rules:
          tone.informal-wrod: off
        """)
    found = {(p.line, p.key): p for p in problems(path)}
    assert found[(3, "tone.registr")].hint == "Apakah maksud Anda 'register'?"
    assert (4, "tone.max_emoji") in found
    assert found[(7, "platforms.x.max_lenght")].hint == "Apakah maksud Anda 'max_length'?"
    assert "dinkes" in found[(9, "defaults.agency")].hint
    assert "tone.informal-word" in found[(11, "rules.tone.informal-wrod")].hint


def test_malformed_yaml(tmp_path):
    path = write(tmp_path, "rusak.yaml", "tone:\n  register: [formal\n")
    [p] = problems(path)
    assert "YAML tidak valid" in p.message and p.line == 3


def test_duplicate_key(tmp_path):
    path = write(tmp_path, "dobel.yaml", "name: A\nname: B\n")
    [p] = problems(path)
    assert p.line == 2 and "dua kali" in p.message


def test_not_a_mapping(tmp_path):
    [p] = problems(write(tmp_path, "daftar.yaml", "- a\n- b\n"))
    assert "pemetaan" in p.message


def test_missing_base_and_circular_extends(tmp_path):
    [p] = problems(write(tmp_path, "a.yaml", "extends: tidak-ada.yaml\n"))
    assert "tidak ditemukan" in p.message and p.line == 1
    write(tmp_path, "b.yaml", "extends: c.yaml\n")
    write(tmp_path, "c.yaml", "extends: b.yaml\n")
    [p] = problems(tmp_path / "b.yaml")
    assert "melingkar" in p.message


def test_bad_custom_rule(tmp_path):
    path = write(tmp_path, "kota.yaml", """\
        extends: tasikmalaya
        custom_rules+:
          - id: custom.regex-rusak
            type: existence
            message: x
            pattern: "(tidak ditutup"
          - id: custom.tanpa-data
            type: substitution
            message: y
        """)
    messages = " ".join(p.message for p in problems(path))
    assert "ekspresi reguler tidak valid" in messages and "swap" in messages


def test_custom_rules_run_without_python(tmp_path, lint):
    from humaskit.lint.engine import Linter

    path = write(tmp_path, "kota.yaml", """\
        extends: tasikmalaya
        custom_rules+:
          - id: custom.jangan-gratis
            type: existence
            severity: error
            message: "Hindari kata '{match}' di judul."
            tokens: [gratis]
          - id: custom.batas-segera
            type: limit
            message: "Kata 'segera' terlalu sering."
            tokens: [segera]
            max: 1
        """)
    linter = Linter(load_guideline(path))
    found = linter.lint_text("Vaksin gratis! Segera datang, segera daftar. #KotaTasikmalaya", "a.txt").findings
    rules = {f.rule: f for f in found}
    assert rules["custom.jangan-gratis"].severity == "error"
    assert rules["custom.jangan-gratis"].message == "Hindari kata 'gratis' di judul."
    assert "custom.batas-segera" in rules


def test_rule_severity_override_and_off(tmp_path):
    from humaskit.lint.engine import Linter

    path = write(tmp_path, "kota.yaml", """\
        extends: tasikmalaya
        rules:
          tone.pronoun: error
          tone.informal-word: off
        """)
    found = Linter(load_guideline(path)).lint_text("kamu gak boleh telat #KotaTasikmalaya", "a.txt").findings
    assert {f.rule: f.severity for f in found}.get("tone.pronoun") == "error"
    assert "tone.informal-word" not in {f.rule for f in found}


def test_config_discovery(tmp_path, monkeypatch):
    write(tmp_path, "pedoman.yaml", "extends: tasikmalaya\nname: Pedoman Uji\n")
    write(tmp_path, "humaskit.yaml", "guideline: pedoman.yaml\n")
    nested = tmp_path / "drafts" / "dinkes"
    nested.mkdir(parents=True)
    assert find_guideline(nested) == tmp_path / "pedoman.yaml"
    write(tmp_path, "humaskit.yaml", "guideline: 'pedoman.yaml'  # pedoman kota\n")  # read by PyYAML
    assert find_guideline(nested) == tmp_path / "pedoman.yaml"
    write(tmp_path, "humaskit.yaml", "# pedoman\nguidline: pedoman.yaml\n")
    with pytest.raises(HumaskitError) as info:
        find_guideline(nested)
    assert "'guideline'" in str(info.value)
    assert info.value.problems[0].line == 2 and info.value.problems[0].key == "guidline"
    write(tmp_path, "humaskit.yaml", "guideline: [pedoman.yaml\n")
    with pytest.raises(HumaskitError) as info:
        find_guideline(nested)
    assert info.value.problems[0].line is not None


def test_guideline_docs_are_current():
    path = REPO / "docs" / "guideline.md"
    expected = guideline_markdown()
    if REGEN:
        path.write_text(expected, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == expected, \
        "docs/guideline.md is stale: run `python -m humaskit.guideline.docs > docs/guideline.md`"


def test_cache_follows_changes_in_every_file_of_the_chain(tmp_path, monkeypatch):
    """A changed base file is seen at once, in this process and from the on-disk cache."""
    import subprocess
    import sys

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    base = write(tmp_path, "dasar.yaml", "extends: tasikmalaya\ntone:\n  max_emoji: 2\n")
    city = write(tmp_path, "kota.yaml", "extends: dasar.yaml\nname: Kota Uji\n")
    assert load_guideline(city)["tone"]["max_emoji"] == 2
    probe = [sys.executable, "-c", f"from humaskit.guideline import load_guideline as l; "
             f"print(l({str(city)!r})['tone']['max_emoji'])"]
    assert subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip() == "2"
    assert list((tmp_path / "cache" / "humaskit").glob("*.pickle"))
    base.write_text("extends: tasikmalaya\ntone:\n  max_emoji: 7\n", encoding="utf-8")
    assert load_guideline(city)["tone"]["max_emoji"] == 7
    assert subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip() == "7"


def test_impossible_unquoted_date_in_the_guideline(tmp_path):
    path = write(tmp_path, "kota.yaml", "extends: tasikmalaya\ncalendar:\n  blackout:\n    - date: 2026-11-31\n")
    [p] = problems(path)
    assert p.line == 4 and p.key == "calendar.blackout[0].date"


@pytest.mark.parametrize("text,explained", [
    ("tone:\n  register: [formal\n", "belum ditutup dengan ']'"),
    ("name: Kota: Tasik\n", "titik dua"),
    ("tone:\n\tregister: formal\n", "tab"),
    ('name: "Kota\n', "tanda kutip belum ditutup"),
])
def test_yaml_mistakes_are_explained_in_indonesian(tmp_path, text, explained):
    [p] = problems(write(tmp_path, "rusak.yaml", text))
    assert p.message.startswith("YAML tidak valid: ") and explained in p.message and p.line
