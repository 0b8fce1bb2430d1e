"""Tone rules on phrases and passages (category ``tone``): clickbait, provocation, profanity and
regional-language passages."""

from __future__ import annotations

from humaskit.lint import lexicon, running
from humaskit.lint.custom import Existence
from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.matching import mentions_any


def _phrase_rule(kind: str, label: str):
    """The generic existence rule over the guideline's ``tone.<kind>`` phrases: an entry's
    suggestion is the fix, its message is added to the finding's."""
    def build(guideline):
        return Existence(tokens=guideline["tone"][kind], message=f"'{{match}}' {label}.{{note}}",
                         with_suggestion=f"'{{match}}' {label}.{{note}} Usulan: '{{suggestion}}'.")
    return build


_CLICKBAIT = _phrase_rule("clickbait", "adalah frasa umpan klik")
_PROVOCATIVE = _phrase_rule("provocative", "bernada provokatif atau merendahkan")


@rule("tone.clickbait", category="tone", severity="warning", fixable=True,
      summary="Frasa umpan klik",
      wrong="Heboh! Warga wajib tahu jadwal baru Samsat keliling. #KotaTasikmalaya",
      right="Jadwal baru Samsat keliling perlu diketahui warga. #KotaTasikmalaya")
def clickbait(ctx):
    """Apa yang diperiksa:
    Frasa umpan klik yang tercantum di `tone.clickbait` pedoman (heboh, wajib tahu, viral...).
    Mengapa:
    Informasi pemerintah harus dapat dipercaya. Judul sensasional merusak kepercayaan dan
    menyerupai gaya hoaks.
    """
    yield from ctx.memo("tone.clickbait", _CLICKBAIT).check(ctx)


@rule("tone.provocative", category="tone", severity="error", fixable=True,
      summary="Frasa provokatif atau merendahkan",
      wrong="Kabar banjir di Cibeureum itu hoaks murahan, jangan disebarkan. #KotaTasikmalaya",
      right="Kabar banjir di Cibeureum itu informasi yang tidak benar, jangan disebarkan. #KotaTasikmalaya")
def provocative(ctx):
    """Apa yang diperiksa:
    Frasa provokatif, merendahkan, atau menyinggung SARA yang tercantum di `tone.provocative`;
    bila entri pedoman memberi `suggestion`, perbaikan otomatis memakainya ("warga bodoh" tidak
    punya pengganti: kalimatnya harus ditulis ulang).
    Mengapa:
    Akun pemerintah melayani semua warga. Kata yang merendahkan atau memecah belah memicu
    konflik dan merusak kepercayaan publik.
    """
    yield from ctx.memo("tone.provocative", _PROVOCATIVE).check(ctx)


@rule("tone.profanity", category="tone", severity="error",
      summary="Kata kasar",
      wrong="Parkir liar di trotoar itu goblok, jangan ditiru. #KotaTasikmalaya",
      right="Parkir di trotoar membahayakan pejalan kaki; jangan ditiru. #KotaTasikmalaya")
def profanity(ctx):
    """Apa yang diperiksa:
    Kata kasar dari daftar kata kasar bawaan (bisa dimatikan dengan
    `tone.profanity_lexicon: false`; kata tertentu diizinkan lewat `tone.allow`).
    Mengapa:
    Kata kasar tidak pernah pantas di akun resmi pemerintah, termasuk saat mengutip warga.
    """
    words = lexicon.owned_words(ctx, "tone.profanity")
    if not mentions_any(ctx, words):
        return
    for start, end, word in ctx.tokens.find_words(words):
        yield Hit(start, end, f"'{word}' adalah kata kasar; jangan dipakai di akun resmi.")


@rule("tone.regional-language", category="tone", severity="suggestion", local=False,
      summary="Bagian berbahasa daerah",
      wrong="Wilujeng enjing, wargi sadaya! Pelayanan KTP-el dibuka pukul 08.00 WIB. #KotaTasikmalaya",
      right="Selamat pagi, warga Tasikmalaya! Pelayanan KTP-el dibuka pukul 08.00 WIB. #KotaTasikmalaya")
def regional_language(ctx):
    """Apa yang diperiksa:
    Kalimat atau salam dalam bahasa Sunda atau Jawa (Sampurasun, Wilujeng enjing, Sugeng
    rawuh, Matur nuwun), dikenali dari kata-kata tugas bahasa daerah, dilaporkan sekali per
    bagian sebagai catatan. Kata di dalamnya tidak "dikoreksi" kata per kata oleh aturan kata
    tidak baku, ejaan, dan kata asing. Pedoman yang mengizinkan salam daerah mematikan aturan
    ini (`rules: {tone.regional-language: off}`); yang melarangnya menjadikannya peringatan.
    Mengapa:
    Salam daerah lazim dan akrab di akun pemerintah Jawa Barat dan Jawa Tengah, tetapi
    informasi resmi harus dapat dipahami semua warga dalam bahasa Indonesia. Keputusannya ada
    pada pedoman, bukan pada koreksi kata demi kata.
    """
    for start, end, language in running.passages(ctx):
        text = ctx.text[start:end].strip()
        end = start + len(ctx.text[start:end].rstrip())
        yield Hit(start, end, f"Bagian ini berbahasa {running.LANGUAGES.get(language, language)} "
                              f"(\"{text[:40]}{'…' if len(text) > 40 else ''}\"); pastikan sesuai pedoman, "
                              "dan sertakan bahasa Indonesia bila isinya informasi penting.")
