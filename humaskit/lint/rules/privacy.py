"""Personal data in public posts and replies (Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi).

A NIK, a citizen's mobile number or e-mail, or a home address never belongs in a public post.
The city's and the agencies' own contacts (``contacts:`` in the guideline), the emergency
numbers (``crisis.hotlines``), toll-free and landline numbers, e-mails on government or
allowed domains, and office addresses are not personal data.
"""

from __future__ import annotations

import re

from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.text import Tokens
from humaskit.voice import phone_digits as digits
from humaskit.lint.matching import lazy_pattern

_FM = "---\nagency: dishub\nkind: reply\n---\n"
_RIGHT = (_FM + "Selamat pagi, Bapak. Terima kasih atas laporannya (nomor tiket TSM-2026-0412). Petugas Dishub akan "
          "memperbaiki lampu itu besok pukul 09.00 WIB. Informasi: hubungi 112 atau dishub@tasikmalayakota.go.id.")
_WRONG = _RIGHT.replace("Selamat pagi, Bapak.", "Selamat pagi, Bapak Asep (NIK 3278011203850001, HP 0812-3456-7890).")

# A NIK is 16 digits, written whole or in groups of four.
_NIK = lazy_pattern(r"(?<![\d.,/-])(?:\d{16}|\d{4}([ .-])\d{4}\1\d{4}\1\d{4})(?![\d]|[.,/-]\d)")
# A mobile number: 08[1-9]… or +62 8…; 0800 (toll free), short codes and landlines are not mobiles.
# Province codes (Kemendagri) that open a NIK; with the date of birth (day + 40 for women) they tell a
# NIK from any other 16-digit number (a report number), unless the text itself says "NIK".
_PROVINCES = {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
              71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97}
_NIK_WORD = lazy_pattern(r"\b(?:NIK|KTP|KK|e-KTP|nomor induk kependudukan)\b\W{0,12}$", re.I)
_MOBILE = lazy_pattern(r"(?<![\w+])(?:\+62|62|0)[ .-]?\(?8[1-9]\d?\)?(?:[ .-]?\d){6,10}(?![\w]|[.,-]\d)")
_STREET = lazy_pattern(r"\b(?:jl|jln|jalan|gg|gang|komplek|kompleks|perum|perumahan)\b\.?\s+[^\n;:]{1,40}?"
                     r"\b(?:no|nomor)\b\.?\s*\d+[a-z]?\b", re.I)
_RT_RW = lazy_pattern(r"\bRT\.?\s*\d{1,3}\s*(?:/|,)?\s*(?:RW\.?\s*\d{1,3})?", re.I)
# A number introduced as a contact ("hubungi", "call center", "WhatsApp") is the agency's, not a
# citizen's, unless a person is named between the two ("hubungi Bapak Asep di ...").
_CONTACT = lazy_pattern(r"\b(?:hubungi|call center|hotline|whatsapp|wa|telepon|telp|sms|layanan|pengaduan|"
                      r"kontak|narahubung|posko)\b[^\n]{0,30}$", re.I)
_PERSON = lazy_pattern(r"\b(?:bapak|ibu|pak|bu|sdr|sdri|saudara|saudari|mas|mbak|kang|teh|warga|pelapor)\b", re.I)
_HOME = lazy_pattern(r"\b(?:rumah|kediaman|tinggal|beralamat|alamat|domisili|berdomisili)\b", re.I)
# ... unless the address is said to be an office or a public place ("alamat kantor", "posko di ...").
_PUBLIC = lazy_pattern(r"\b(?:kantor|sekretariat|posko|gedung|balai|dinas|puskesmas|rsud|sekolah|masjid|pasar|mal|"
                     r"layanan|pelayanan|lokasi|tempat|aula|lapangan|rumah sakit|rumah dinas|rumah makan)\b", re.I)


# Cheap gates, one scan each, before the patterns above look at the caption. Each starts with a
# literal or a plain character set (which the regex engine scans for quickly) and matches
# wherever its pattern could; the property tests hold them to that.
_DIGIT = lazy_pattern(r"\d")
_EIGHT_DIGITS = lazy_pattern(r"\d\d\d\d[ .-]?\d\d\d\d")
_MOBILE_START = lazy_pattern(r"[02][ .(-]{0,2}8[1-9]")
_HOUSE_NUMBER = lazy_pattern(r"no(?:mor)?\b\.?\s*\d")  # on the lower-cased caption


def _is_nik(number: str) -> bool:
    day, month = int(number[6:8]), int(number[8:10])
    return int(number[:2]) in _PROVINCES and (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12


def _flat(text: str) -> str:
    return " ".join(re.sub(r"[^\w/]+", " ", text.casefold()).split())


def _official(guideline):
    contacts = [guideline["contacts"]] + [a.get("contacts") or {} for a in guideline.agencies.values()]
    phones = {digits(p) for c in contacts for p in c.get("phones") or ()}
    phones |= {digits(p) for p in guideline["crisis"]["hotlines"]}
    return {
        "phones": phones,
        "emails": {e.casefold() for c in contacts for e in c.get("emails") or ()},
        "addresses": [_flat(a) for c in contacts for a in c.get("addresses") or ()],
        "domains": tuple(d.casefold().lstrip(".") for d in guideline["links"]["allowed_domains"]),
    }


def _official_domain(domain: str, allowed: tuple[str, ...]) -> bool:
    return domain.endswith(".go.id") or any(domain == d or domain.endswith("." + d) for d in allowed)


@rule("privacy.personal-data", category="privacy", severity="error", summary="Data pribadi warga di unggahan publik",
      wrong=_WRONG, right=_RIGHT)
def personal_data(ctx):
    """Apa yang diperiksa:
    Data pribadi di unggahan atau jawaban publik, di takarir maupun di teks alternatif gambar
    (`alt`): NIK (16 angka), nomor ponsel warga, alamat surel
    warga, dan alamat rumah (jalan dan nomor rumah, dengan RT/RW atau kata seperti "rumah",
    "beralamat"). Kontak resmi di `contacts` dan `agencies.*.contacts` pedoman, nomor darurat di
    `crisis.hotlines`, nomor bebas pulsa (0800), telepon kantor, surel berdomain go.id atau
    `links.allowed_domains`, serta alamat kantor resmi tidak dihitung.
    Mengapa:
    Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi melarang mengungkap data
    pribadi tanpa dasar; unggahan pemerintah yang memuat NIK atau nomor ponsel warga membuka
    jalan bagi penipuan dan perundungan. Sebut warga secukupnya ("Bapak A") dan lanjutkan lewat
    pesan pribadi.
    """
    official = ctx.memo("privacy.official", _official)
    yield from _personal(ctx.tokens, ctx.text, official)
    alt = ctx.draft.alt
    if alt and (_DIGIT.search(alt) or "@" in alt):
        yield from _in_alt(ctx, alt, official)


def _in_alt(ctx, alt: str, official: dict):
    """The image's alternative text is published with it: its personal data is found where it
    is written, or reported on the key's line when YAML quoting changed how it is written."""
    draft = ctx.draft
    key = draft.key_offset("alt")
    at = draft.text.find(alt, key)
    if at != -1 and at + len(alt) <= draft.body_start:
        yield from _personal(Tokens(draft.text[:at + len(alt)], at), draft.text, official)
        return
    for hit in _personal(Tokens(alt, 0), alt, official):
        yield Hit(key, key + len("alt"), f"Teks alternatif (`alt`): {hit.message}", severity=hit.severity)


def _personal(tokens, text: str, official: dict):
    """The personal data in ``tokens`` (of ``text``, from its ``base``)."""
    masked = tokens.masked
    if _DIGIT.search(masked):
        for m in _NIK.finditer(masked) if _EIGHT_DIGITS.search(masked) else ():
            if _is_nik(re.sub(r"\D", "", m.group())) or _NIK_WORD.search(masked, max(0, m.start() - 40), m.start()):
                yield Hit(m.start(), m.end(),
                          "NIK warga tidak boleh diunggah (UU Pelindungan Data Pribadi).")
        for m in _MOBILE.finditer(masked) if _MOBILE_START.search(masked) else ():
            number = digits(m.group())
            if not 10 <= len(number) <= 13 or number in official["phones"]:
                continue
            contact = _CONTACT.search(masked, max(0, m.start() - 60), m.start())
            if contact and not _PERSON.search(masked, contact.start(), m.start()):
                yield Hit(m.start(), m.end(), f"Nomor ponsel {m.group()} disebut sebagai kontak, tetapi "
                          "tidak tercatat di `contacts` pedoman: catat bila ini nomor resmi; nomor pribadi petugas "
                          "atau warga tidak boleh diunggah.", severity="warning")
            else:
                yield Hit(m.start(), m.end(),
                          f"Nomor ponsel {m.group()} bukan kontak resmi di pedoman: nomor warga tidak boleh diunggah "
                          "(UU Pelindungan Data Pribadi). Nomor resmi dicatat di `contacts` pedoman.")
        if _HOUSE_NUMBER.search(tokens.lower_masked):
            yield from _addresses(masked, official["addresses"])
    for start, end in tokens.emails:
        address = text[start:end]
        domain = address.rpartition("@")[2].casefold()
        if address.casefold() not in official["emails"] and not _official_domain(domain, official["domains"]):
            yield Hit(start, end, f"Alamat surel {address} bukan surel resmi: surel warga tidak boleh diunggah "
                      "(UU Pelindungan Data Pribadi).")


def _addresses(masked: str, official: list[str]):
    for m in _STREET.finditer(masked):
        end = m.end()
        rt = _RT_RW.search(masked, end, end + 40)
        rt = rt if rt and not masked[end:rt.start()].strip(" ,()") else None
        home = _HOME.search(masked, max(0, m.start() - 80), m.start())
        if not rt and not home:
            continue  # a street and number alone is usually a venue or an office
        if _PUBLIC.search(masked, home.start() if home else max(0, m.start() - 40), m.end()):
            continue
        if rt:
            end = rt.end()
        flat = _flat(m.group())
        if any(flat in address for address in official):
            continue
        yield Hit(m.start(), end, "Alamat rumah warga tidak boleh diunggah (UU Pelindungan Data "
                  "Pribadi); sebut wilayahnya saja (kelurahan, kecamatan).")
