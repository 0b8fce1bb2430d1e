"""Unit tests of the EYD mechanics, spelling, reply and readability rules on small drafts."""

from __future__ import annotations

import pytest

from humaskit.guideline import load_guideline
from humaskit.lint.engine import Linter

FM = "---\nagency: dinkes\npublish: 2026-12-10T09:00\n---\n"


@pytest.fixture(scope="module")
def language():
    return Linter(load_guideline(), select=("grammar", "spelling", "reply", "tone.long-sentence"))


def findings(linter, caption, rule, front=FM):
    return [(f.rule, f.severity, f.fix, f.message) for f in linter.lint_text(front + caption).findings
            if f.rule == rule]


FLAGGED = [
    # (caption, rule, expected fix)
    ("Vaksinasi dilaksanakan dikantor kecamatan.", "grammar.di-ke", "di kantor"),
    ("Warga diminta datang kerumah sakit terdekat.", "grammar.di-ke", "ke rumah"),
    ("Formulir dapat di unduh di laman resmi.", "grammar.di-ke", "diunduh"),
    ("Hasilnya akan di umumkan besok.", "grammar.di-ke", "diumumkan"),
    ("Posyandu buka jam 7 pagi.", "grammar.time", "pukul 07.00 WIB"),
    ("Layanan tutup jam 3 sore.", "grammar.time", "pukul 15.00 WIB"),
    ("Layanan dibuka pukul 08:00 WIB.", "grammar.time", "pukul 08.00 WIB"),
    ("Rapat pukul 09.00-12.00 di aula.", "grammar.time", "pukul 09.00–12.00 WIB"),
    ("Gerhana mulai pukul 01:35:20 WIB.", "grammar.time", "pukul 01.35.20 WIB"),
    ("Retribusi Rp. 25.000,- per bulan.", "grammar.currency", "Rp25.000,00"),
    ("Retribusi Rp 25.000 per bulan.", "grammar.currency", "Rp25.000,00"),
    ("Retribusi Rp25000 per bulan.", "grammar.currency", "Rp25.000,00"),
    ("Acara digelar 03 Desember 2026.", "grammar.date", "3 Desember 2026"),
    ("Acara digelar 3 des 2026.", "grammar.date", "3 Desember 2026"),
    ("Acara digelar 3/12/2026.", "grammar.date", "3 Desember 2026"),
    ("Pelayanan dibuka Jumat, 19 Desember 2026.", "grammar.weekday", "Sabtu"),
    ("Pelayanan dibuka Senin (19/12/2026).", "grammar.weekday", "Sabtu"),
    ("Senam bersama Kamis, 12 Desember di Dadaha.", "grammar.weekday", "Sabtu"),  # year from publish
    ("Rapat dipimpin kepala dinas Kesehatan.", "grammar.title-case", "Kepala Dinas"),
    ("Sambutan gubernur Jawa Barat dibacakan.", "grammar.title-case", "Gubernur"),
    ("Sebanyak dua pos dibuka. 12 petugas berjaga.", "grammar.digit-start", "Dua belas"),
    ("Posyandu melayani anak anak balita.", "grammar.reduplication", "anak-anak"),
    ("Bantuan untuk ibu2 hamil.", "grammar.reduplication", "ibu-ibu"),
    ("Warga yang yang terdampak didata.", "grammar.repeated-word", ""),
    ("Warga mengambil hasil nya besok.", "grammar.particle", "nya"),
    ("Kamipun siap membantu.", "grammar.particle", "Kami pun"),
    ("Bawa KTP-el, KK, dll untuk pendaftaran.", "grammar.abbreviation", "dll."),
    ("Pendaftaran dibuka hari ini , gratis.", "grammar.space-before-punctuation", ","),
    ("Pelayanan untuk masyarkat tetap buka.", "spelling.typo", "masyarakat"),
    ("Data kesehtan warga diperbarui.", "spelling.typo", "kesehatan"),
]


@pytest.mark.parametrize("caption,rule,fix", FLAGGED, ids=[c for c, _, _ in FLAGGED])
def test_flagged_with_fix(language, caption, rule, fix):
    found = findings(language, caption, rule)
    assert found, f"{rule} missed: {caption}"
    assert fix in [f[2] for f in found], found


CLEAN = [
    "Berkas dikirim ke luar kota bersama keluarga.",
    "Kain itu disimpan di dalam lemari, di atas meja, dan di tengah ruangan.",
    "Formulir diunduh di laman resmi dan diimbau diisi dengan lengkap.",
    "Layanan dibuka pukul 08.00–12.00 WIB di Mal Pelayanan Publik.",
    "Pelayanan dibuka Sabtu, 19 Desember 2026 di Taman Kota.",
    "Bantuan Rp1,5 juta dan retribusi Rp25.000,00 per bulan.",
    "Layanan buka 24 jam 7 hari seminggu.",
    "Setiap camat hadir. Camat Cihideung dan Wali Kota Viman Alfarizi membuka acara.",
    "1. Siapkan KTP-el.\n2. Datang ke kantor kelurahan.",
    "Anak-anak dan ibu-ibu hamil dilayani. Walaupun hujan, kami pun tetap buka; KTP-nya juga dilayani.",
    "Bawa KTP-el, KK, dll. Yth. Bapak dan Ibu warga Cihideung, terima kasih.",
    "Surat ditujukan kepada yth. Kepala Dinas. Saksi hadir di hadapan notaris.",
    "Simak ... selengkapnya di https://tasikmalayakota.go.id . Ketua : Ahmad Wijaya",
    "Ketidaknyamanan ini antarinstansi tangani bersama; laporannya ditindaklanjuti pascabencana.",
]


@pytest.mark.parametrize("caption", CLEAN)
def test_clean_formal_text(language, caption):
    found = [(f.rule, f.message) for f in language.lint_text(FM + caption).findings
             if f.severity in ("error", "warning") and f.category in ("grammar", "spelling")]
    assert not found


def test_time_separator_follows_the_guideline(tmp_path):
    custom = tmp_path / "kota.yaml"
    custom.write_text("extends: tasikmalaya\nmechanics:\n  time_separator: ':'\n  currency_style: Rp25.000\n",
                      encoding="utf-8")
    linter = Linter(load_guideline(custom), select=("grammar",))
    fixes = [f.fix for f in linter.lint_text(FM + "Buka pukul 08.00 WIB, tarif Rp25.000,00.").findings]
    assert fixes == ["pukul 08:00 WIB", "Rp25.000"]


def test_spelling_respects_accept_list_and_names(language):
    text = "Kegiatan di Cihideung dan Dadaha bersama Pak Asep Suhendar, @dinkes.tasikmalaya, #TasikmalayaResik."
    assert not findings(language, text, "spelling.typo")


def test_spelling_suggestion_for_substitution_is_not_a_warning(language):
    [(rule, severity, fix, message)] = findings(language, "Kami melayani pengaduan wirga setiap hari.", "spelling.typo")
    assert severity == "suggestion" and "warga" in message


REPLY = "---\nagency: dishub\nkind: reply\n---\n"


def test_complete_reply_is_clean(language):
    text = ("Selamat pagi, Bapak. Terima kasih atas laporannya. Laporan tercatat dengan nomor tiket "
            "TSM-2026-0412. Petugas kami akan memperbaiki lampu itu paling lambat besok.")
    assert not [f for f in language.lint_text(REPLY + text).findings if f.category == "reply"]


def test_reply_missing_elements_and_defensive_phrase(language):
    found = {f.rule: f for f in language.lint_text(REPLY + "Itu bukan urusan kami.").findings
             if f.category == "reply"}
    assert set(found) == {"reply.greeting", "reply.thanks", "reply.referral", "reply.follow-up", "reply.defensive"}
    assert found["reply.defensive"].severity == "error"
    # The better wording is advice in the message, never a fix pasted over the phrase.
    assert "teruskan" in found["reply.defensive"].message and found["reply.defensive"].fix is None
    assert "kapan" in found["reply.follow-up"].message


def test_fix_never_makes_a_defensive_reply_pass(language):
    from humaskit.draft import parse_draft
    from humaskit.lint.fixing import fix_text

    text = REPLY + "Selamat pagi. Itu bukan urusan kami, silakan tanya ke dinas lain."
    fixed = fix_text(language, parse_draft(text, "balas.md", guideline=language.guideline))
    assert "bukan urusan kami" in fixed and "Laporan Anda kami teruskan" not in fixed
    assert any(f.rule == "reply.defensive" and f.severity == "error" for f in language.lint_text(fixed).findings)


def test_reply_rules_ignore_posts(language):
    assert not [f for f in language.lint_text(FM + "Itu bukan urusan kami.").findings if f.category == "reply"]


def test_long_sentence_and_readability_note(language):
    long = " ".join(["kata"] * 35) + ". Kalimat pendek."
    result = language.lint_text(FM + long)
    [hit] = [f for f in result.findings if f.rule == "tone.long-sentence"]
    assert "35 kata" in hit.message
    [note] = result.notes
    assert "2 kalimat" in note and "terpanjang 35 kata" in note


def test_sentence_split_keeps_times_and_money_whole():
    from humaskit.language.sentences import sentences

    text = "Buka pukul 07.00 WIB, tarif Rp25.000,00. Hubungi dr. Asep! Terima kasih"
    assert [text[s:e].strip() for s, e in sentences(text)] == [
        "Buka pukul 07.00 WIB, tarif Rp25.000,00.", "Hubungi dr. Asep!", "Terima kasih"]


def test_a_word_is_reported_by_one_rule_only():
    """Words the tone and terminology rules own (informal words, kata baku) are not reported
    again by the mechanics or spelling rules, and a typo is not also called a joined preposition."""
    linter = Linter(load_guideline(), select=("tone", "terminology", "spelling", "grammar"))
    text = FM + "yth warga, itupun disampaikan kepadah Bapak dimana saja dan apapun caranya, dll."
    findings = linter.lint_text(text).findings
    spans = [(f.start, f.end) for f in findings]
    overlapping = [(a.rule, b.rule) for i, a in enumerate(findings) for b in findings[i + 1:]
                   if a.start < b.end and b.start < a.end]
    assert not overlapping
    assert len(spans) == 5  # yth, itupun, kepadah, dimana, apapun: each still reported, once


def test_lines_are_sentences_for_readability(language):
    """A caption's list items sit on their own lines without full stops: each is a sentence."""
    items = "\n".join(f"Pos {i} buka untuk warga kelurahan setempat" for i in range(8))
    result = language.lint_text(FM + items)
    assert not [f for f in result.findings if f.rule == "tone.long-sentence"]
    assert "8 kalimat" in result.notes[0]


def test_bad_ticket_pattern_is_a_located_guideline_error(tmp_path):
    from humaskit.errors import HumaskitError

    custom = tmp_path / "kota.yaml"
    custom.write_text("extends: tasikmalaya\nreply:\n  ticket_pattern: 'nomor (tiket'\n", encoding="utf-8")
    try:
        load_guideline(custom)
    except HumaskitError as exc:
        [problem] = exc.problems
        assert problem.line == 3 and "ekspresi reguler tidak valid" in problem.message
    else:
        raise AssertionError("a broken regular expression was accepted")
