"""Platform rules: caption length as each platform counts it, links, required media."""

from __future__ import annotations


from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.matching import lazy_pattern

def _posted_spans(ctx):
    """The caption as it will be posted: HTML comments (humaskit's own switches) are not."""
    start = ctx.base
    for c_start, c_end in ctx.tokens.comments:
        yield start, c_start
        start = c_end
    end = len(ctx.text)
    while end > start and ctx.text[end - 1] in " \t\r\n":
        end -= 1
    yield start, end


# twitter-text v3: code points U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037
# weigh 1, everything else 2.
_HEAVY = lazy_pattern(r"[^\u0000-\u10FF\u2000-\u200D\u2010-\u201F\u2032-\u2037]")


def _fixed_costs(ctx, platform: dict) -> list[tuple[int, int, int]]:
    """Spans that count as a fixed number: URLs (url_length) and, when weighted, emoji (2)."""
    url_length = platform["url_length"]
    weighted = platform["counting"] == "weighted"
    fixed = []
    if weighted or url_length:
        fixed = [(s, e, url_length or (e - s)) for s, e, _ in ctx.tokens.urls]
    if weighted:
        fixed += [(s, e, 2) for s, e in ctx.tokens.emoji]
    return sorted(fixed)


def _plain(text: str, start: int, end: int, weighted: bool) -> int:
    """Cost of a stretch without fixed spans: one per character, a CRLF once, heavy ones twice."""
    cost = end - start - text.count("\r\n", start, end)
    # str.isascii is answered from the string's header: an ASCII caption has no heavy character.
    return cost + len(_HEAVY.findall(text, start, end)) if weighted and not text.isascii() else cost


def _walk(text: str, start: int, end: int, budget: int, weighted: bool) -> int:
    """The offset inside a plain stretch where ``budget`` runs out (the stretch costs more).

    A binary search over the cost of growing prefixes, each counted in C, instead of a
    character walk: a long post for X would otherwise be walked character by character."""
    if "\r" not in text and (not weighted or text.isascii()):
        return start + budget  # one per character: the budget itself is the offset
    low, high = start, end - 1  # the answer i is the first with cost(start, i + 1) > budget
    while low < high:
        mid = (low + high) // 2
        if _plain(text, start, mid + 1, weighted) > budget:
            high = mid
        else:
            low = mid + 1
    if text[low] == "\r" and text.startswith("\n", low + 1):
        low += 1  # a CRLF counts once, at its \n
    return low


def measure(ctx, platform: dict) -> tuple[int, int | None]:
    """(length as the platform counts it, offset where it passes max_length or None)."""
    text, limit = ctx.text, platform["max_length"]
    weighted = platform["counting"] == "weighted"
    fixed = _fixed_costs(ctx, platform)
    total, over = 0, None
    for start, end in _posted_spans(ctx):
        pos = start
        for f_start, f_end, cost in fixed:
            if f_start < pos or f_start >= end:
                continue
            plain = _plain(text, pos, f_start, weighted)
            if over is None and total + plain > limit:
                over = _walk(text, pos, f_start, limit - total, weighted)
            total += plain
            if over is None and total + cost > limit:
                over = f_start
            total += cost
            pos = f_end
        plain = _plain(text, pos, end, weighted)
        if over is None and total + plain > limit:
            over = _walk(text, pos, end, limit - total, weighted)
        total += plain
    return total, over


@rule("platform.length", category="platform", severity="error",
      summary="Takarir melebihi batas platform",
      wrong="---\nplatforms: [x]\n---\n" + "Layanan administrasi kependudukan buka Sabtu. " * 7 + "#KotaTasikmalaya",
      right="---\nplatforms: [x]\n---\nLayanan administrasi kependudukan buka Sabtu. #KotaTasikmalaya")
def length(ctx):
    """Apa yang diperiksa:
    Panjang takarir untuk setiap platform tujuan, dihitung seperti platform menghitungnya
    (`platforms.<p>.max_length`): X menghitung setiap tautan 23 karakter dan emoji serta aksara
    lebar 2; platform lain menghitung karakter. Temuan menandai bagian yang melewati batas.
    Mengapa:
    Takarir yang terlalu panjang ditolak atau dipotong platform, sehingga bagian akhirnya
    (sering berisi tagar dan kontak) hilang.
    """
    for platform in ctx.platforms:
        total, over = measure(ctx, platform)
        if over is not None:
            end = len(ctx.text.rstrip())
            yield Hit(over, max(end, over), f"Takarir {total} karakter menurut hitungan {platform['label']}; "
                      f"batasnya {platform['max_length']} (kelebihan {total - platform['max_length']}).")


def _host_path(url: str) -> tuple[str, str]:
    rest = url.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    host = host.split("@")[-1].split(":")[0].lower()
    return host.removeprefix("www."), "/" + path


def allowed(url: str, domains) -> bool:
    host, path = _host_path(url)
    for domain in domains:
        d_host, _, d_path = domain.lower().partition("/")
        if host == d_host or host.endswith("." + d_host):
            if not d_path or path.lower().startswith("/" + d_path):
                return True
    return False


@rule("platform.link-domain", category="platform", severity="warning",
      summary="Tautan ke luar domain resmi",
      wrong="Daftar di bit.ly/daftar-vaksin sebelum 5 Desember. #KotaTasikmalaya",
      right="Daftar di https://dinkes.tasikmalayakota.go.id/vaksin sebelum 5 Desember. #KotaTasikmalaya")
def link_domain(ctx):
    """Apa yang diperiksa:
    Tautan yang mengarah ke luar domain yang diizinkan pedoman (`links.allowed_domains`;
    subdomain ikut diizinkan), termasuk pemendek tautan.
    Mengapa:
    Warga harus bisa memastikan tautan dari akun pemerintah aman dan resmi. Tautan ke domain
    lain atau pemendek tautan mirip pola penipuan (phishing).
    """
    domains = ctx.guideline["links"]["allowed_domains"]
    for start, end, url in ctx.tokens.urls:
        if not allowed(url, domains):
            host, _ = _host_path(url)
            yield Hit(start, end, f"Tautan ke '{host}' tidak termasuk domain resmi yang diizinkan pedoman.")


@rule("platform.link-not-clickable", category="platform", severity="suggestion",
      summary="Tautan tidak bisa diklik di platform ini",
      wrong="---\nplatforms: [instagram]\n---\nInfo lengkap di https://tasikmalayakota.go.id/ppdb #KotaTasikmalaya",
      right="---\nplatforms: [instagram]\n---\nInfo lengkap di tautan pada bio @diskominfo.tasikmalaya "
            "#KotaTasikmalaya")
def link_not_clickable(ctx):
    """Apa yang diperiksa:
    Tautan di takarir untuk platform yang tidak membuat tautan takarir bisa diklik
    (`platforms.<p>.links_clickable: false`, misalnya Instagram dan TikTok).
    Mengapa:
    Warga tidak bisa mengeklik tautan itu; arahkan ke tautan di bio atau tulis alamat yang
    pendek dan mudah diketik.
    """
    blocked = [p["label"] for p in ctx.platforms if not p["links_clickable"]]
    if blocked and ctx.tokens.urls:
        start, end, _ = ctx.tokens.urls[0]
        yield Hit(start, end, f"Tautan di takarir tidak bisa diklik di {', '.join(blocked)}; "
                  "arahkan warga ke tautan di bio.")


@rule("platform.image-required", category="platform", severity="error",
      summary="Platform mewajibkan gambar atau video",
      wrong="---\nagency: disparbud\nplatforms: [tiktok]\n---\nFestival budaya di Dadaha akhir pekan ini. "
            "#KotaTasikmalaya",
      right="---\nagency: disparbud\nplatforms: [facebook]\n---\nFestival budaya di Dadaha akhir pekan ini. "
            "#KotaTasikmalaya")
def image_required(ctx):
    """Apa yang diperiksa:
    Draf untuk platform yang tidak bisa menerima unggahan teks saja (`requires_image`,
    misalnya Instagram, TikTok, YouTube) tetapi tidak menyebut `image` di front matter.
    Mengapa:
    Unggahan akan ditolak platform; gambar atau video perlu disiapkan bersama draf.
    """
    if ctx.draft.image or ctx.draft.kind == "reply":
        return
    needing = [p["label"] for p in ctx.platforms if p["requires_image"]]
    if needing:
        at = ctx.draft.key_offset("platforms")
        end = ctx.text.find("\n", at)
        end = len(ctx.text) if end == -1 else end
        yield Hit(at, max(at, end if "platforms" in ctx.draft.meta_offsets else at),
                  f"{', '.join(needing)} memerlukan gambar atau video; tambahkan `image:` di front matter.")
