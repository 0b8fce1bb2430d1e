"""privacy.personal-data: personal data is an error, official contacts and ordinary numbers are not."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings, strategies as st

from humaskit.guideline import load_guideline
from humaskit.lint.engine import Linter
from humaskit.lint.rules import privacy

RULE = "privacy.personal-data"
REPLY = "---\nagency: dishub\nkind: reply\n---\n"


def _flagged(lint, caption, head=REPLY):
    return [f for f in lint(head + caption) if f.rule == RULE]


@pytest.mark.parametrize("caption, written", [
    ("NIK pelapor 3278011203850001 sudah kami catat.", "3278011203850001"),
    ("NIK 3278.0112.0385.0001 sudah kami catat.", "3278.0112.0385.0001"),
    ("Data pelapor: 3273016504900002, Bandung.", "3273016504900002"),
    ("Nomor KTP: 9999999999999999.", "9999999999999999"),
    ("NIK 3278.0112.0385.0001 sudah kami catat.", "3278.0112.0385.0001"),
    ("Data pelapor: 3273016504900002, Bandung.", "3273016504900002"),
    ("Nomor KTP: 9999999999999999.", "9999999999999999"),
    ("Silakan hubungi Bapak Asep di 0812-3456-7890.", "0812-3456-7890"),
    ("Nomor pelapor 081234567890 kami simpan.", "081234567890"),
    ("Nomor pelapor +62 812 3456 7890 kami simpan.", "+62 812 3456 7890"),
    ("Nomor pelapor 6281234567890 kami simpan.", "6281234567890"),
    ("Balasan dikirim ke asep.warga@gmail.com hari ini.", "asep.warga@gmail.com"),
    ("Petugas datang ke rumah Bapak di Jl. Mawar No. 12 besok.", "Jl. Mawar No. 12"),
    ("Lampu di Jalan Cempaka Gg. Melati No. 5 RT 03/RW 05 akan diperbaiki.", "Jalan Cempaka Gg. Melati No. 5 RT 03/RW 05"),
    ("Bapak beralamat di Perum Griya Asri Blok C No. 7.", "Perum Griya Asri Blok C No. 7"),
    ("Petugas puskesmas mendatangi rumah Bapak di Jl. Mawar No. 12.", "Jl. Mawar No. 12"),
])
def test_personal_data_is_an_error(lint, caption, written):
    found = _flagged(lint, caption)
    assert len(found) == 1, [f.message for f in found]
    assert found[0].severity == "error"
    text = REPLY + caption
    line = text.splitlines()[found[0].line - 1]
    assert line[found[0].column - 1:found[0].end_column - 1] == written


@pytest.mark.parametrize("caption", [
    "Dalam keadaan darurat, hubungi 112.",
    "Layanan bebas pulsa 0800-1-234-567 buka 24 jam.",
    "Call center 08001234567 siap melayani.",
    "Telepon kantor Dishub (0265) 331234 pada jam kerja.",
    "Hubungi kami di dishub@tasikmalayakota.go.id atau pengaduan@lapor.go.id.",
    "Pendaftaran dibuka 1 Desember 2026 sampai 15 Desember 2026 pukul 08.00-12.00 WIB.",
    "Tanggal 01/12/2026 dan 2026-12-01 sama saja.",
    "Bantuan sebesar Rp1.500.000,00 untuk 1.234 keluarga; total Rp1.851.000.000,00.",
    "Anggaran Rp1.000.000.000.000 dialokasikan.",
    "Nomor tiket TSM-2026-0412 dan nomor laporan 2026120100001234 sudah tercatat.",
    "Acara di Gedung Dakwah, Jl. Otto Iskandardinata No. 3, Kota Tasikmalaya.",
    "Warga RT 03/RW 05 Kelurahan Nagarasari diimbau waspada.",
    "Alamat kantor: Jl. Letnan Harun No. 1, Kota Tasikmalaya.",
    "Posko pengungsian di Gedung Dakwah, Jl. Otista No. 3 RT 01/RW 02.",
    "Layanan dibuka di rumah dinas Wali Kota, Jl. Dr. Soekarno No. 2.",
    "Sebanyak 16 warga dan 1234567890123 rupiah.",
    "Kode pos 46115, tahun 2026, jam 08.00 WIB.",
    "Ikuti @diskominfotsm dan #KotaTasikmalaya2026.",
])
def test_no_false_alarm(lint, caption):
    assert not _flagged(lint, caption), caption


def test_official_contacts_from_the_guideline_are_allowed(tmp_path):
    city = tmp_path / "kota.yaml"
    city.write_text(textwrap.dedent("""\
        extends: tasikmalaya
        contacts:
          phones: ["0811-2000-112"]
          emails: [humas.kota@gmail.com]
        agencies:
          dishub:
            contacts:
              phones: ["+62 812 3456 7890"]
              addresses: ["Jl. Ir. H. Juanda No. 100 RT 01/RW 02"]
        """), encoding="utf-8")
    linter = Linter(load_guideline(city))
    text = REPLY + ("Hubungi WhatsApp resmi 0812-3456-7890 atau 0811 2000 112, surel humas.kota@gmail.com, "
                    "kantor di rumah dinas Jl. Ir. H. Juanda No. 100 RT 01/RW 02.")
    assert [f.message for f in linter.lint_text(text, "a.md").findings if f.rule == RULE] == []
    other = text.replace("0812-3456-7890", "0812-3456-7891")
    assert [f.rule for f in linter.lint_text(other, "a.md").findings].count(RULE) == 1


def test_posts_and_crisis_posts_are_checked_too(lint):
    for head in ("---\nagency: dinkes\n---\n", "---\nagency: bpbd\nkind: crisis\n---\n"):
        assert _flagged(lint, "Korban atas nama Asep, NIK 3278011203850001.", head)


def test_phone_numbers_yaml_would_change_are_refused_with_their_line(tmp_path):
    from humaskit.errors import HumaskitError

    city = tmp_path / "kota.yaml"
    city.write_text("extends: tasikmalaya\ncontacts:\n  phones: [0265331234, \"abc\"]\ncrisis:\n  hotlines: [112]\n",
                    encoding="utf-8")
    with pytest.raises(HumaskitError) as caught:
        load_guideline(city)
    problems = sorted((p.line, p.message) for p in caught.value.problems)
    assert [line for line, _ in problems] == [3, 3]
    assert "tanda kutip" in problems[0][1] + problems[1][1] and "bukan nomor telepon" in problems[0][1] + problems[1][1]


def test_an_unlisted_number_given_as_the_contact_is_a_warning(lint):
    found = _flagged(lint, "Informasi lebih lanjut: hubungi WhatsApp Dishub 0812-2000-3000.")
    assert [(f.severity, "tidak tercatat" in f.message) for f in found] == [("warning", True)]
    found = _flagged(lint, "Silakan hubungi warga pelapor, Bapak Asep, di 0812-2000-3000.")
    assert [f.severity for f in found] == ["error"]


# The cheap gates must let through every caption their pattern could match: a gate that says
# "nothing here" where the pattern finds something would hide personal data.

@pytest.mark.parametrize("pattern, gate, lower", [
    (privacy._MOBILE, privacy._MOBILE_START, False),
    (privacy._NIK, privacy._EIGHT_DIGITS, False),
    (privacy._STREET, privacy._HOUSE_NUMBER, True),
])
def test_gates_pass_every_match(pattern, gate, lower):
    @settings(max_examples=300, deadline=None)
    @given(st.from_regex(pattern.compiled()))  # the rules compile their patterns on first use
    def check(text):
        assert gate.search(text.lower() if lower else text), text

    check()


@pytest.mark.parametrize("alt", [
    "Foto KTP pelapor, NIK 3278011203850001.",
    "'Warga menunjukkan nomor 0812-3456-7890: kirim ke asep.warga@gmail.com'",
    ">-\n  Foto KTP pelapor,\n  NIK 3278011203850001",  # folded by YAML: reported on the key's line
])
def test_personal_data_in_the_alt_text_is_found_on_its_line(lint, alt):
    head = f"---\nagency: dishub\nimage: foto.jpg\nalt: {alt}\n---\n"
    found = [f for f in lint(head + "Petugas memperbaiki lampu jalan hari ini.") if f.rule == RULE]
    assert found and all(f.line == 4 and f.severity == "error" for f in found)


def test_an_alt_text_without_personal_data_passes(lint):
    head = "---\nagency: dishub\nimage: foto.jpg\nalt: Petugas Dishub memperbaiki 12 lampu jalan, hubungi 112.\n---\n"
    assert not [f for f in lint(head + "Petugas memperbaiki lampu jalan hari ini.") if f.rule == RULE]
