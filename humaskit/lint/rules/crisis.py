"""Crisis posts (drafts with ``kind: crisis``): the pedoman's protocol for disasters, outbreaks and outages.

A crisis post must say when it was updated, where, what citizens should do, whom to call and
where the information comes from; it must not speculate, joke, use emoji or carry promotion.
Every element is a phrase list in the guideline's ``crisis:`` section, like the reply standard.
"""

from __future__ import annotations

import re

from humaskit.lint.finding import Hit
from humaskit.lint.matching import lazy_pattern, PhraseIndex, PhrasePresence
from humaskit.lint.registry import rule
from humaskit.lint.rules.reply import _head, _lower

_FM = "---\nagency: bpbd\nkind: crisis\nplatforms: [instagram]\n---\n"
_TAGS = " #KotaTasikmalaya #BPBDTasikmalaya"
_GOOD = (_FM + "Pembaruan pukul 14.00 WIB: banjir setinggi 50 cm menggenangi Kelurahan Nagarasari, Kecamatan "
         "Cipedes. Warga di bantaran sungai diimbau segera mengungsi ke Gedung Dakwah. Dalam keadaan darurat, "
         "hubungi 112. Sumber: pemantauan BPBD Kota Tasikmalaya." + _TAGS)
_CLOCK = lazy_pattern(r"(?<![\d.:])(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d])")
# Laughter and emoticons are humour however they are stretched: wkwkwk, hahaha, hehe, :D, xD.
_LAUGH = lazy_pattern(r"(?<![\w])(?:w?(?:kw)+k?|(?:ha){2,}h?|(?:he){2,}h?|(?:hi){2,}h?|(?:xi){2,})(?![\w])"
                    r"|(?<!\S)(?::-?[DP]|[xX]D)(?!\S)", re.I)


def _compiled(guideline):
    crisis = guideline["crisis"]
    markers = sorted({" ".join(m.casefold().split()) for m in crisis["update"] if m.strip()}, key=len, reverse=True)
    update = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, markers))) if markers else None
    campaigns = guideline["hashtags"]["campaigns"]
    return {
        "update": update,
        "place": PhrasePresence(crisis["place"]),
        "action": PhrasePresence(crisis["action"]),
        "contact": PhrasePresence(crisis["contact"] + crisis["hotlines"]),
        "source": PhrasePresence(crisis["source"]),
        "speculative": PhraseIndex(crisis["speculative"]),
        "humour": PhraseIndex(crisis["humour"]),
        "allowed_tags": {t.casefold() for t in crisis["hashtags"] + guideline["hashtags"]["required"]},
        "promo_tags": {t.casefold() for t in crisis["promotional_hashtags"]},
        "promo_words": tuple(w.casefold() for w in crisis["promotional_words"] if w.strip()),
        "campaign_tags": {key: {t.casefold() for t in c["hashtags"]} for key, c in campaigns.items()},
    }


def _patterns(ctx):
    return ctx.memo("crisis.patterns", _compiled)


def _has_update_time(update, lower: str) -> bool:
    return any(_CLOCK.search(lower, m.end(), m.end() + 60) for m in update.finditer(lower))


def _missing(ctx, element: str, message: str):
    phrases = _patterns(ctx)[element]
    if phrases and not phrases.search(_lower(ctx)):
        start, end = _head(ctx)
        yield Hit(start, end, message)


@rule("crisis.update-time", category="crisis", severity="error", kinds=("crisis",),
      summary="Unggahan krisis tanpa waktu pembaruan",
      wrong=_FM + "Banjir menggenangi Kelurahan Nagarasari. Warga diimbau mengungsi. Hubungi 112. "
      "Sumber: BPBD." + _TAGS, right=_GOOD)
def update_time(ctx):
    """Apa yang diperiksa:
    Unggahan krisis menyebut kapan informasinya diperbarui: penanda di `crisis.update`
    (pembaruan, per, update) diikuti jam, misalnya "Pembaruan pukul 14.00 WIB".
    Mengapa:
    Saat krisis, informasi berubah dari jam ke jam; tanpa waktu pembaruan warga tidak tahu
    apakah yang dibacanya masih berlaku, dan unggahan lama yang dibagikan ulang menyesatkan.
    """
    update = _patterns(ctx)["update"]
    if update is not None and not _has_update_time(update, _lower(ctx)):
        start, end = _head(ctx)
        yield Hit(start, end, "Unggahan krisis belum menyebut waktu pembaruan (misalnya 'Pembaruan pukul 14.00 WIB').")


@rule("crisis.place", category="crisis", severity="warning", kinds=("crisis",),
      summary="Unggahan krisis tanpa tempat kejadian",
      wrong=_FM + "Pembaruan pukul 14.00 WIB: banjir terjadi. Warga diimbau mengungsi. Hubungi 112. "
      "Sumber: BPBD." + _TAGS, right=_GOOD)
def place(ctx):
    """Apa yang diperiksa:
    Unggahan krisis menyebut tempatnya: kecamatan, kelurahan, jalan, lokasi, atau penanda lain
    di `crisis.place`.
    Mengapa:
    Warga perlu tahu apakah mereka terdampak; "banjir terjadi" tanpa tempat membuat seluruh
    kota cemas dan warga yang terdampak tidak bertindak.
    """
    yield from _missing(ctx, "place", "Unggahan krisis belum menyebut tempat kejadian (kecamatan, kelurahan, jalan).")


@rule("crisis.action", category="crisis", severity="error", kinds=("crisis",),
      summary="Unggahan krisis tanpa imbauan bagi warga",
      wrong=_FM + "Pembaruan pukul 14.00 WIB: banjir di Kelurahan Nagarasari. Hubungi 112. Sumber: BPBD." + _TAGS,
      right=_GOOD)
def action(ctx):
    """Apa yang diperiksa:
    Unggahan krisis mengatakan apa yang harus dilakukan warga (kata di `crisis.action`:
    diimbau, segera, hindari, mengungsi, jangan ...).
    Mengapa:
    Komunikasi krisis yang hanya mengabarkan kejadian membuat warga panik tanpa arah; imbauan
    yang jelas menyelamatkan orang.
    """
    yield from _missing(ctx, "action", "Unggahan krisis belum memuat imbauan: apa yang harus dilakukan warga.")


@rule("crisis.contact", category="crisis", severity="error", kinds=("crisis",),
      summary="Unggahan krisis tanpa kontak resmi atau nomor darurat",
      wrong=_FM + "Pembaruan pukul 14.00 WIB: banjir di Kelurahan Nagarasari. Warga diimbau mengungsi. "
      "Sumber: BPBD." + _TAGS, right=_GOOD)
def contact(ctx):
    """Apa yang diperiksa:
    Unggahan krisis memuat kontak resmi: penanda di `crisis.contact` (hubungi, call center,
    hotline) atau nomor darurat di `crisis.hotlines` (112).
    Mengapa:
    Warga yang terdampak harus tahu ke mana meminta pertolongan; tanpa nomor resmi mereka
    menelepon nomor yang beredar di grup percakapan, yang bisa palsu.
    """
    yield from _missing(ctx, "contact",
                        "Unggahan krisis belum menyebut kontak resmi atau nomor darurat (misalnya 112).")


@rule("crisis.source", category="crisis", severity="warning", kinds=("crisis",),
      summary="Unggahan krisis tanpa sumber informasi",
      wrong=_FM + "Pembaruan pukul 14.00 WIB: banjir di Kelurahan Nagarasari. Warga diimbau mengungsi. "
      "Hubungi 112." + _TAGS, right=_GOOD)
def source(ctx):
    """Apa yang diperiksa:
    Unggahan krisis menyebut sumber informasinya (penanda di `crisis.source`: sumber, menurut,
    berdasarkan data).
    Mengapa:
    Sumber yang jelas (BMKG, pemantauan BPBD, dinas kesehatan) membedakan informasi resmi dari
    hoaks dan membuat pemerintah dapat dimintai pertanggungjawaban atas isinya.
    """
    yield from _missing(ctx, "source", "Unggahan krisis belum menyebut sumber informasinya (misalnya 'Sumber: BMKG').")


@rule("crisis.speculation", category="crisis", severity="error", kinds=("crisis",),
      summary="Kata spekulatif atau belum terverifikasi di unggahan krisis",
      wrong=_GOOD.replace("banjir setinggi", "kabarnya banjir setinggi"), right=_GOOD)
def speculation(ctx):
    """Apa yang diperiksa:
    Kata spekulatif atau belum terverifikasi di `crisis.speculative` ("katanya", "kabarnya",
    "belum pasti", "simpang siur").
    Mengapa:
    Pemerintah hanya mengumumkan yang sudah terverifikasi; kabar yang belum pasti dari akun
    resmi menyebar sebagai fakta dan memperparah kepanikan. Tulis yang sudah pasti, dan
    sebutkan kapan informasi berikutnya disampaikan.
    """
    for start, end, written, _ in _patterns(ctx)["speculative"].finditer(ctx.tokens):
        yield Hit(start, end, f"'{written}' belum terverifikasi: unggahan krisis hanya memuat informasi yang "
                  "sudah pasti.")


@rule("crisis.humour", category="crisis", severity="warning", kinds=("crisis",),
      summary="Candaan di unggahan krisis",
      wrong=_GOOD.replace("mengungsi ke", "mengungsi wkwk ke"), right=_GOOD)
def humour(ctx):
    """Apa yang diperiksa:
    Tawa dan candaan (wkwk, haha, :D, dan kata di `crisis.humour`) di unggahan krisis.
    Mengapa:
    Warga yang kehilangan rumah atau keluarga membaca unggahan itu; candaan dari akun resmi
    dianggap tidak berempati dan menjadi berita tersendiri.
    """
    tokens = ctx.tokens
    found = [(s, e, w) for s, e, w, _ in _patterns(ctx)["humour"].finditer(tokens)]
    found += [(m.start(), m.end(), m.group()) for m in _LAUGH.finditer(tokens.masked)]
    for start, end, written in sorted(set(found)):
        yield Hit(start, end, f"Candaan '{written}' tidak pantas di unggahan krisis.")


@rule("crisis.emoji", category="crisis", severity="warning", kinds=("crisis",),
      summary="Emoji di unggahan krisis", wrong=_GOOD.replace("diimbau", "diimbau 🙏"), right=_GOOD)
def emoji(ctx):
    """Apa yang diperiksa:
    Emoji di unggahan krisis, kecuali pedoman mengizinkannya (`crisis.emoji: true`).
    Mengapa:
    Emoji membuat peringatan tampak santai, tidak terbaca oleh pembaca layar dengan jelas, dan
    tampil berbeda di tiap ponsel; informasi keselamatan ditulis dengan kata.
    """
    if ctx.guideline["crisis"]["emoji"]:
        return
    for start, end in ctx.tokens.emoji:
        yield Hit(start, end, "Emoji tidak dipakai di unggahan krisis; tulis dengan kata.")


@rule("crisis.promo-hashtag", category="crisis", severity="warning", kinds=("crisis",),
      summary="Tagar promosi di unggahan krisis", wrong=_GOOD + " #PromoAkhirTahun", right=_GOOD)
def promo_hashtag(ctx):
    """Apa yang diperiksa:
    Tagar promosi di unggahan krisis: tagar di `crisis.promotional_hashtags`, tagar yang memuat
    kata di `crisis.promotional_words` (promo, diskon, wisata ...), dan tagar kampanye lain.
    Tagar wajib, tagar perangkat daerah, tagar kampanye draf itu sendiri, dan `crisis.hashtags`
    tidak dihitung.
    Mengapa:
    Menumpang promosi pada kabar bencana dianggap memanfaatkan musibah; tagar kampanye juga
    menenggelamkan informasi keselamatan di lini masa kampanye.
    """
    p = _patterns(ctx)
    allowed = set(p["allowed_tags"]) | p["campaign_tags"].get(ctx.draft.campaign, set())
    allowed |= {t.casefold() for t in (ctx.agency or {}).get("hashtags") or ()}
    campaign_tags = set().union(*p["campaign_tags"].values()) if p["campaign_tags"] else set()
    for start, end, tag in ctx.tokens.hashtags:
        low = tag.casefold()
        if low in allowed:
            continue
        if low in p["promo_tags"] or low in campaign_tags or any(w in low for w in p["promo_words"]):
            yield Hit(start, end, f"Tagar promosi {tag} tidak dipakai di unggahan krisis.")
