"""Complaint replies (drafts with ``kind: reply``): the pedoman's standard for answering a citizen."""

from __future__ import annotations

import re

from humaskit.lint import lexicon
from humaskit.lint.custom import Existence
from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.matching import lazy_pattern, PhrasePresence, WORD

_FM = "---\nagency: dishub\nkind: reply\n---\n"
_GOOD = (_FM + "Selamat pagi, Bapak Asep. Terima kasih atas laporannya. Laporan Anda tercatat dengan nomor "
         "tiket TSM-2026-0412. Petugas Dishub akan memperbaiki lampu lalu lintas itu paling lambat besok "
         "pukul 12.00 WIB.")
# A date or a clock time in the reply also says *when*.
_WHEN = lazy_pattern(r"\b(?:pukul\s+\d|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des)\w*"
                   r"|(?:dalam|selama)\s+\d+\s+(?:hari|jam|pekan|minggu))", re.I)


def _compiled(guideline):
    reply = guideline["reply"]
    ticket = re.compile(reply["ticket_pattern"]) if reply.get("ticket_pattern") else None
    return {
        "greeting": PhrasePresence(reply["greeting"]),
        "thanks": PhrasePresence(reply["thanks"]),
        "referral": PhrasePresence(reply["referral"]),
        "ticket": ticket,
        "follow_up": PhrasePresence(reply["follow_up"]),
        "follow_up_time": PhrasePresence(reply["follow_up_time"]),
    }


def _lower(ctx) -> str:
    """The caption in lower case with single spaces, informal words read as their formal forms
    ("makasih" thanks; tone.informal-word reports the word): what the phrase lists are matched against."""
    return ctx.per_draft("reply.lower", _read_formal)


def _read_formal(ctx) -> str:
    lower = " ".join(ctx.tokens.masked.casefold().split())
    words = lexicon.informal(ctx.guideline)
    if words.keys().isdisjoint(ctx.tokens.lower_words):
        return lower
    return WORD.sub(lambda m: (words.get(m.group()) or ("",))[0].casefold() or m.group(), lower)


def _head(ctx) -> tuple[int, int]:
    """Span of the caption's first line, where a missing element is reported."""
    text, start = ctx.text, ctx.base
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    return start, max(end, start)


def _missing(phrases: PhrasePresence, lower: str) -> bool:
    """The guideline lists phrases for this element and none of them is in the reply."""
    return bool(phrases) and not phrases.search(lower)


@rule("reply.greeting", category="reply", severity="warning", kinds=("reply",),
      summary="Jawaban pengaduan tanpa salam", wrong=_FM + "Laporan sudah kami terima.", right=_GOOD)
def greeting(ctx):
    """Apa yang diperiksa:
    Jawaban atas pengaduan warga dibuka dengan salam yang ada di `reply.greeting` pedoman
    (selamat pagi, halo, Yth., dan seterusnya).
    Mengapa:
    Standar pelayanan pengaduan meminta jawaban yang santun; salam pembuka menunjukkan bahwa
    warga dilayani oleh orang, bukan mesin.
    """
    patterns = ctx.memo("reply.patterns", _compiled)
    if _missing(patterns["greeting"], _lower(ctx)):
        start, end = _head(ctx)
        yield Hit(start, end, "Jawaban pengaduan belum memuat salam pembuka (misalnya 'Selamat pagi').")


@rule("reply.thanks", category="reply", severity="warning", kinds=("reply",),
      summary="Jawaban pengaduan tanpa terima kasih", wrong=_FM + "Selamat pagi. Laporan sudah kami catat.",
      right=_GOOD)
def thanks(ctx):
    """Apa yang diperiksa:
    Jawaban pengaduan berterima kasih atas laporan warga (frasa di `reply.thanks`).
    Mengapa:
    Warga yang melapor membantu pemerintah; ucapan terima kasih mendorong warga terus melapor
    lewat kanal resmi.
    """
    patterns = ctx.memo("reply.patterns", _compiled)
    if _missing(patterns["thanks"], _lower(ctx)):
        start, end = _head(ctx)
        yield Hit(start, end, "Jawaban pengaduan belum berterima kasih atas laporan warga.")


@rule("reply.referral", category="reply", severity="warning", kinds=("reply",),
      summary="Jawaban pengaduan tanpa nomor tiket atau rujukan kanal resmi",
      wrong=_FM + "Selamat pagi, terima kasih. Petugas akan datang besok.", right=_GOOD)
def referral(ctx):
    """Apa yang diperiksa:
    Jawaban pengaduan menyebut nomor tiket/laporan (pola `reply.ticket_pattern`) atau merujuk ke
    kanal pengaduan resmi (`reply.referral`: SP4N-LAPOR!, kanal pengaduan kota).
    Mengapa:
    Nomor tiket membuat pengaduan dapat dilacak dan dipertanggungjawabkan; rujukan ke
    SP4N-LAPOR! memastikan laporan tercatat di sistem nasional.
    """
    patterns = ctx.memo("reply.patterns", _compiled)
    ticket, referral = patterns["ticket"], patterns["referral"]
    if ticket is None and not referral:
        return
    # The caption as written: a referral may be a link (lapor.go.id), which the masked text blanks.
    caption = ctx.caption
    if (ticket is not None and ticket.search(caption)) or referral.search(" ".join(caption.casefold().split())):
        return
    start, end = _head(ctx)
    yield Hit(start, end, "Sebutkan nomor tiket laporan atau rujuk ke kanal pengaduan resmi (SP4N-LAPOR!).")


@rule("reply.follow-up", category="reply", severity="warning", kinds=("reply",),
      summary="Jawaban pengaduan tanpa komitmen tindak lanjut yang jelas",
      wrong=_FM + "Selamat pagi, terima kasih. Nomor tiket TSM-2026-0412. Mohon bersabar.", right=_GOOD)
def follow_up(ctx):
    """Apa yang diperiksa:
    Jawaban pengaduan memuat komitmen tindak lanjut yang nyata: siapa berbuat apa (kata di
    `reply.follow_up`: akan, menindaklanjuti, menurunkan petugas) dan kapan (`reply.follow_up_time`:
    hari ini, besok, paling lambat; atau tanggal dan jam).
    Mengapa:
    "Mohon bersabar" tanpa janji yang jelas adalah keluhan warga yang paling sering tentang
    jawaban pemerintah; komitmen waktu membuat jawaban dapat ditagih.
    """
    patterns = ctx.memo("reply.patterns", _compiled)
    lower = _lower(ctx)
    missing = []
    if _missing(patterns["follow_up"], lower):
        missing.append("siapa akan berbuat apa")
    if _missing(patterns["follow_up_time"], lower) and not _WHEN.search(lower):
        missing.append("kapan")
    if missing:
        start, end = _head(ctx)
        yield Hit(start, end, f"Jawaban pengaduan belum menyebut tindak lanjut: {' dan '.join(missing)}.")


@rule("reply.defensive", category="reply", severity="error", kinds=("reply",),
      summary="Frasa defensif atau menolak dalam jawaban pengaduan",
      wrong=_FM + "Selamat pagi. Jalan itu bukan wewenang kami.",
      right=_GOOD)
def defensive(ctx):
    """Apa yang diperiksa:
    Frasa yang menolak atau menyalahkan warga ("bukan urusan kami", "bukan wewenang kami",
    "salah sendiri"), dengan usulan pengganti dari `reply.defensive` (misalnya meneruskan
    laporan ke perangkat daerah yang berwenang). Usulan itu saran untuk menulis ulang kalimat,
    bukan perbaikan otomatis: `--fix` tidak pernah menempelkannya, sehingga jawaban yang
    melanggar standar pengaduan tetap gagal sampai petugas menulis ulang kalimatnya.
    Mengapa:
    Pemerintah daerah wajib meneruskan pengaduan yang bukan kewenangannya (Perpres 76/2013
    tentang Pengelolaan Pengaduan Pelayanan Publik); jawaban defensif di ruang publik merusak
    kepercayaan pada seluruh pemerintah kota.
    """
    return ctx.memo("reply.defensive", _defensive).check(ctx)


def _defensive(guideline) -> Existence:
    """The generic existence rule over `reply.defensive`: each phrase with its better wording as
    whole-sentence advice, never a fix (pasted over the phrase it leaves a broken sentence, "Itu
    Laporan Anda kami teruskan ...", and lets a defensive reply pass)."""
    phrases = [{"phrase": phrase, "suggestion": better or None}
               for phrase, better in guideline["reply"]["defensive"].items()]
    return Existence(tokens=phrases, fix=False, message="Frasa defensif '{match}'; tulis ulang kalimatnya.",
                     with_suggestion="Frasa defensif '{match}'; tulis ulang kalimatnya, misalnya: '{suggestion}'.")
