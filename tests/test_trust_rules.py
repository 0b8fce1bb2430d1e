"""Findings a humas editor can trust (#11): names, acronyms, regional greetings and lost
characters are not "corrected" word by word; stretched letters, kalian and di- after a request
word are caught."""

from __future__ import annotations

import pytest


def _found(linter, caption, agency="dinkes"):
    result = linter.lint_text(f"---\nagency: {agency}\nplatforms: [facebook]\n---\n{caption}\n")
    return [(f.rule, result.text[f.start:f.end], f.fix) for f in result.findings]


def _rules(found):
    return [rule for rule, _, _ in found]


def test_acronyms_are_not_shouting_but_common_words_in_capitals_are(linter):
    found = _found(linter, "Rapat DPRD bersama BPKAD, Bappeda dan RSUD membahas BPJS. PENTING: pendaftaran GRATIS.")
    shouted = [text for rule, text, _ in found if rule == "tone.shouting"]
    assert shouted == ["PENTING", "GRATIS"]


@pytest.mark.parametrize("caption", [
    "Warga Sumbar dan Kalbar hadir di Kel. Cikalang, Kec. Cihideung.",
    "Tim BPK memeriksa laporan keuangan bersama Bapenda.",
    "Rombongan dari Kebumen dan Kepanjen tiba di Kediri pagi ini.",
])
def test_names_and_abbreviations_are_left_as_written(linter, caption):
    found = _found(linter, caption + " #KotaTasikmalaya #DinkesTasikmalaya")
    word_rules = [f for f in found if f[0].split(".")[0] in ("tone", "terminology", "spelling", "grammar")]
    assert word_rules == [], word_rules


def test_a_regional_greeting_is_one_note_and_its_words_are_not_corrected(linter):
    found = _found(linter, "Sampurasun, wargi Tasik! Wilujeng enjing.\n\nPelayanan KTP-el dibuka pukul 08.00 WIB. "
                           "#KotaTasikmalaya #DinkesTasikmalaya")
    assert _rules(found) == ["tone.regional-language"], found
    found = _found(linter, "Sugeng enjing, sedulur sedaya. Matur nuwun sampun rawuh. #KotaTasikmalaya #DinkesTasikmalaya")
    assert _rules(found).count("tone.regional-language") == 1 and "tone.informal-word" not in _rules(found), found


def test_lost_characters_are_reported_once_and_never_fixed(linter):
    found = _found(linter, "Terima kasih ?? ?? semoga bermanfaat \ufffd\ufffd Sampai jumpa di Caf? Kopi. "
                           "Sudah siap?? #KotaTasikmalaya #DinkesTasikmalaya")
    damaged = [f for f in found if f[0] == "spelling.damaged-text"]
    assert len(damaged) == 1 and damaged[0][2] is None and damaged[0][1] == "?? ??"
    runs = [text for rule, text, _ in found if rule == "tone.punctuation-run"]
    assert runs == ["??"]  # the question typed twice is still punctuation, the lost emoji is not
    assert "grammar.space-before-punctuation" not in _rules(found)


def test_a_question_mark_after_a_mention_is_punctuation_not_damage(linter):
    assert "spelling.damaged-text" not in _rules(_found(linter, "Sudah dicek @admin? Terima kasih."))


def test_stretched_letters_are_undone_before_the_word_lists(linter):
    found = _found(linter, "Daftar sekarang yukkk, ini pentinggg. Jangan lupa dongg. #KotaTasikmalaya #DinkesTasikmalaya")
    words = {text: fix for rule, text, fix in found if rule == "tone.informal-word"}
    assert words.get("pentinggg") == "penting" and "yukkk" in words and "dongg" in words, found


def test_kalian_is_answered_with_the_guidelines_pronoun(linter):
    found = _found(linter, "Jangan lupa, kalian wajib membawa KTP-el. #KotaTasikmalaya #DinkesTasikmalaya")
    assert ("tone.pronoun", "kalian", "Anda sekalian") in found


@pytest.mark.parametrize("phrase, fixed", [("mohon di isi", "diisi"), ("akan di bahas", "dibahas"),
                                           ("sudah di kirim", "dikirim")])
def test_di_after_a_request_word_is_the_prefix(linter, phrase, fixed):
    found = _found(linter, f"Formulir {phrase} hari ini. #KotaTasikmalaya #DinkesTasikmalaya")
    assert ("grammar.di-ke", phrase.split(" ", 1)[1], fixed) in found, found


def test_di_before_a_place_after_a_request_word_stays_apart(linter):
    found = _found(linter, "Petugas sudah di kantor dan akan di lokasi pukul 09.00 WIB. #KotaTasikmalaya #DinkesTasikmalaya")
    assert "grammar.di-ke" not in _rules(found), found


def test_english_stems_with_indonesian_prefixes_are_found(linter):
    found = _found(linter, "Informasi ini boleh di-download warga. #KotaTasikmalaya #DinkesTasikmalaya")
    assert any(rule == "terminology.foreign-term" and text == "di-download" for rule, text, _ in found), found


def test_eyd_mechanics_ordinals_se_and_opening_conjunctions(linter):
    found = _found(linter, "Kami memperingati HUT ke 80 kota. Bantuan disalurkan ke 5 desa se Jawa Barat. "
                           "Tetapi pendaftaran masih dibuka. Dan warga dapat datang. #KotaTasikmalaya #DinkesTasikmalaya")
    assert ("grammar.ordinal", "ke 80", "ke-80") in found
    assert not any(rule == "grammar.ordinal" and text == "ke 5" for rule, text, _ in found)  # to 5 villages
    assert ("grammar.se-prefix", "se Jawa", "se-Jawa") in found
    openers = [(text, fix) for rule, text, fix in found if rule == "grammar.sentence-opening-conjunction"]
    assert openers == [("Tetapi", None), ("Dan", None)]


def test_double_spaces_between_words_but_not_in_aligned_columns(linter):
    found = _found(linter, "Pelayanan KTP-el  dibuka hari ini.\n\nJam     | Layanan\n08.00   | KTP-el")
    doubled = [(text, fix) for rule, text, fix in found if rule == "grammar.double-space"]
    assert doubled == [("  ", " ")]


def test_nya_for_god_only_where_the_sentence_names_god(linter):
    found = _found(linter, "Puji syukur kepada Allah SWT atas rahmatnya dan karunia-nya. Guru membagikan "
                           "rahmatnya kepada murid. #KotaTasikmalaya #DinkesTasikmalaya")
    god = [(text, fix) for rule, text, fix in found if rule == "grammar.god-pronoun"]
    assert god == [("rahmatnya", "rahmat-Nya"), ("karunia-nya", "karunia-Nya")]
    assert "grammar.particle" not in _rules(found)  # karunia-nya is not "karunianya"


@pytest.mark.parametrize("caption, spaces", [
    ('Tema " Sehat Bersama " dipilih warga.', 2),
    ("Tema “ Sehat Bersama ” dipilih warga.", 2),
    ('Tema "Sehat Bersama" dan "Kota Resik" dipilih.', 0),
    ('Ia menulis " tanpa penutup.', 0),  # an odd quote: no pair to judge
])
def test_spaces_inside_quotes(linter, caption, spaces):
    found = _found(linter, caption + " #KotaTasikmalaya #DinkesTasikmalaya")
    quoted = [f for f in found if f[0] == "grammar.quote-space"]
    assert len(quoted) == spaces and all(text.strip() == "" and fix == "" for _, text, fix in quoted)


@pytest.mark.parametrize("caption, found_text", [
    ("Ikuti ( rambu sementara ) di lapangan.", "( rambu sementara )"),
    ("Ikuti (rambu sementara ) di lapangan.", "(rambu sementara )"),
    ("Ikuti (rambu sementara) di lapangan. Senyum :( saja.", None),
])
def test_spaces_inside_brackets(linter, caption, found_text):
    found = _found(linter, caption + " #KotaTasikmalaya #DinkesTasikmalaya")
    bracket = [(text, fix) for rule, text, fix in found if rule == "grammar.bracket-space"]
    assert bracket == ([(found_text, "(rambu sementara)")] if found_text else [])


@pytest.mark.parametrize("caption, decimals", [
    ("Bantuan Rp1.5 juta per keluarga.", [("1.5", "1,5")]),
    ("Inflasi 2.75% dan curah hujan 10.5 mm; suhu 27.5°C.", [("2.75", "2,75"), ("10.5", "10,5"), ("27.5", "27,5")]),
    ("Jalan sepanjang 2.5 Km dan 3.25m trotoar.", [("2.5", "2,5"), ("3.25", "3,25")]),
    # thousands, times, sections, versions and a number before a word that merely starts with m
    ("Sebanyak 1.500 ton beras tiba pukul 10.30 WIB.", []),
    ("Pasal 1.2.3 berlaku; unduh versi 2.5 aplikasi; antre 09.30 mulai dibuka.", []),
    ("Bantuan Rp1,5 juta untuk 12,5 persen warga.", []),
])
def test_a_decimal_point_before_a_unit_is_a_comma(linter, caption, decimals):
    found = _found(linter, caption + " #KotaTasikmalaya #DinkesTasikmalaya")
    assert [(text, fix) for rule, text, fix in found if rule == "grammar.decimal"] == decimals
