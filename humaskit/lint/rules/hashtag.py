"""Hashtag rules: required tags, count limits, banned tags, canonical casing."""

from __future__ import annotations

from humaskit.lint.custom import Existence
from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule


def required_tags(guideline, draft) -> list[str]:
    """The tags this draft must carry: global, its agency's, its campaign's (in that order)."""
    tags = list(guideline["hashtags"]["required"])
    agency = guideline.agencies.get(draft.agency) if draft.agency else None
    if agency:
        tags += agency["hashtags"]
    if draft.campaign:
        tags += guideline["hashtags"]["campaigns"][draft.campaign]["hashtags"]
    seen, out = set(), []
    for tag in tags:
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return out


def _caption_end(ctx) -> int:
    end = len(ctx.text)
    while end > ctx.base and ctx.text[end - 1] in " \t\r\n":
        end -= 1
    return end


@rule("hashtag.required", category="hashtag", severity="error", fixable=True,
      summary="Tagar wajib tidak ada",
      wrong="---\nagency: dinkes\n---\nCek kesehatan gratis di Puskesmas Cihideung, Sabtu pukul 08.00 WIB.",
      right="---\nagency: dinkes\n---\nCek kesehatan gratis di Puskesmas Cihideung, Sabtu pukul 08.00 WIB.\n"
            "#KotaTasikmalaya #DinkesTasikmalaya")
def required(ctx):
    """Apa yang diperiksa:
    Tagar wajib yang belum ada: tagar global pedoman (`hashtags.required`), tagar perangkat
    daerah pengunggah (`agencies.<kunci>.hashtags`, hanya bila draf menyebut `agency` atau
    perintah memberi `--agency`: tanpa itu tidak ada perangkat daerah yang diandaikan), dan
    tagar kampanye bila front matter menyebut `campaign`. Perbaikan otomatis menambahkan tagar yang kurang di akhir takarir.
    Jawaban pengaduan (`kind: reply`) tidak diwajibkan kecuali `hashtags.required_on_replies`.
    Mengapa:
    Tagar bersama mengumpulkan semua informasi kota di satu tempat dan membuat kampanye
    lintas perangkat daerah terukur.
    """
    if ctx.draft.kind == "reply" and not ctx.guideline["hashtags"]["required_on_replies"]:
        return
    if not ctx.draft.agency and ctx.guideline.agencies:
        ctx.notice("Draf tanpa 'agency' hanya diperiksa terhadap tagar wajib kota; tagar wajib perangkat daerah "
                   "dilewati. Tulis 'agency: <kunci>' di front matter atau pakai --agency.")
    present = {tag.casefold() for _, _, tag in ctx.tokens.hashtags}
    wanted = ctx.memo("hashtag.required", lambda g: {})  # (agency, campaign) → [(tag, folded)]
    tags = wanted.get((ctx.draft.agency, ctx.draft.campaign))
    if tags is None:
        tags = wanted[ctx.draft.agency, ctx.draft.campaign] = [
            (t, t.casefold()) for t in required_tags(ctx.guideline, ctx.draft)]
    missing = [t for t, folded in tags if folded not in present]
    if missing:
        end = _caption_end(ctx)
        newline = "\r\n" if "\r\n" in ctx.text else "\n"  # keep the file's own line endings
        sep = " " if ctx.tokens.hashtags and ctx.tokens.hashtags[-1][1] == end else newline
        if end == ctx.base:
            sep = ""
        yield Hit(end, end, f"Tagar wajib belum ada: {' '.join(missing)}.", sep + " ".join(missing))


@rule("hashtag.count", category="hashtag", severity="error",
      summary="Tagar melebihi batas platform",
      wrong="---\nagency: dinkes\nplatforms: [threads]\n---\nJadwal imunisasi Desember. #KotaTasikmalaya #Imunisasi",
      right="---\nagency: dinkes\nplatforms: [threads]\n---\nJadwal imunisasi Desember. #KotaTasikmalaya")
def count(ctx):
    """Apa yang diperiksa:
    Jumlah tagar melebihi batas platform tujuan (`platforms.<p>.max_hashtags`): Instagram 5
    sejak Desember 2025, Threads 1, YouTube 15. Temuan menandai tagar yang melewati batas.
    Mengapa:
    Platform mengabaikan atau memotong tagar berlebih (YouTube mengabaikan semua tagar bila
    lebih dari 15), sehingga tagar wajib bisa tidak terbaca.
    """
    tags = ctx.tokens.hashtags
    for platform in ctx.platforms:
        limit = platform["max_hashtags"]
        if limit is not None and len(tags) > limit:
            yield Hit(tags[limit][0], tags[-1][1],
                      f"{platform['label']} membatasi {limit} tagar; takarir ini memakai {len(tags)}.")


def _banned(guideline) -> Existence:
    """The generic existence rule over the guideline's banned tags, found among the caption's
    hashtags; an entry's message is added to the finding's."""
    tags = [item if isinstance(item, str) else {"phrase": item["tag"], "message": item.get("message")}
            for item in guideline["hashtags"]["banned"]]
    return Existence(tokens=tags, hashtags=True, message="Tagar {match} dilarang pedoman.{note}")


@rule("hashtag.banned", category="hashtag", severity="error",
      summary="Tagar terlarang",
      wrong="Perbaikan jalan di Jalan Sutisna Senjaya dimulai Senin. #KotaTasikmalaya #PemkotGagal",
      right="Perbaikan jalan di Jalan Sutisna Senjaya dimulai Senin. #KotaTasikmalaya")
def banned(ctx):
    """Apa yang diperiksa:
    Tagar yang dilarang pedoman (`hashtags.banned`), misalnya tagar politik atau tagar yang
    merendahkan kota.
    Mengapa:
    Akun pemerintah harus netral dan tidak ikut menyebarkan tagar yang merugikan kota.
    """
    return ctx.memo("hashtag.banned", _banned).check(ctx)


def _canonical(guideline) -> dict:
    tags = list(guideline["hashtags"]["canonical"]) + list(guideline["hashtags"]["required"])
    for agency in guideline.agencies.values():
        tags += agency["hashtags"]
    for campaign in guideline["hashtags"]["campaigns"].values():
        tags += campaign["hashtags"]
    for day in guideline["calendar"]["momentum"]:
        tags += day.get("hashtags") or []
    out = {}
    for tag in tags:
        out.setdefault(tag.casefold(), tag)
    return out


@rule("hashtag.casing", category="hashtag", severity="warning", fixable=True,
      summary="Penulisan tagar tidak baku",
      wrong="Jadwal car free day pekan ini. #kotatasikmalaya",
      right="Jadwal car free day pekan ini. #KotaTasikmalaya")
def casing(ctx):
    """Apa yang diperiksa:
    Tagar yang dikenal pedoman (tagar wajib, perangkat daerah, kampanye, `hashtags.canonical`)
    tetapi ditulis dengan huruf besar-kecil yang berbeda dari bentuk bakunya (CamelCase).
    Mengapa:
    CamelCase (#KotaTasikmalaya) dibaca kata per kata oleh pembaca layar, dan bentuk yang
    seragam membuat tagar kota mudah dikenali.
    """
    canonical = ctx.memo("hashtag.canonical", _canonical)
    for start, end, tag in ctx.tokens.hashtags:
        good = canonical.get(tag.casefold())
        if good and good != tag:
            yield Hit(start, end, f"Tulis tagar sebagai {good}.", good)
