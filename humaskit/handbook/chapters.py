"""The handbook's text chapters: each one small function over the loaded guideline.

A builder returns the data its template (``templates/bab/<key>.html.j2``) shows, or None when
the guideline has nothing for that chapter (a section it does not define). Everything is read
from the validated guideline and the lint engine's own lexicons, so the book says what the
linter checks.
"""

from __future__ import annotations

from humaskit.calendar.result import agency_short
from humaskit.language.dates import MONTHS, ZONES

LEVELS = {
    "gaul": "Kata gaul (tidak formal di register mana pun)",
    "singkatan": "Singkatan gaya obrolan",
    "akrab": "Kata akrab (diizinkan hanya di register friendly)",
    "pedoman": "Tambahan pedoman ini (tone.informal_words)",
}
REGISTERS = {
    "formal": "formal (baku): kalimat lengkap, kata baku, tanpa kata sapaan akrab",
    "friendly": "friendly (akrab tetapi sopan): kata sapaan akrab seperti yuk dan lho diizinkan, "
                "kata gaul dan singkatan obrolan tetap tidak",
}


def _phrases(items) -> list[dict]:
    """Clickbait or provocative entries, whether written as a phrase or as {phrase, suggestion, message}."""
    out = []
    for item in items:
        entry = {"phrase": item, "suggestion": None, "message": None} if isinstance(item, str) else item
        out.append({"phrase": entry["phrase"], "suggestion": entry.get("suggestion"), "message": entry.get("message")})
    return out


def day_label(value: str) -> str:
    """``MM-DD`` (every year) or ``YYYY-MM-DD`` in words: 21 April, 1 Desember 2026."""
    parts = [int(p) for p in value.split("-")]
    year = f" {parts[0]}" if len(parts) == 3 else ""
    month, day = parts[-2:]
    return f"{day} {MONTHS[month - 1]}{year}"


def clock(g, value: str) -> str:
    """A guideline clock (HH:MM) as the pedoman writes times: 07.00 with the EYD separator."""
    return value.replace(":", g["mechanics"]["time_separator"])


def _maybe_day(value: str | None) -> str | None:
    """A campaign date (free text in the schema) in words when it is YYYY-MM-DD."""
    from datetime import date

    try:
        return day_label(date.fromisoformat(value).isoformat()) if value else value
    except ValueError:
        return value


def about(g) -> dict:
    from humaskit.lint.custom import custom_rules
    from humaskit.lint.registry import load_rules

    return {
        "files": [path.name for path in g.chain],
        "zone": ZONES.get(g["timezone"], g["timezone"]),
        "agencies": len(g.agencies), "platforms": len(g.platforms),
        "rules": sum(g.severity(r.id, r.severity) != "off" for r in [*load_rules().values(), *custom_rules(g)]),
    }


def tone(g) -> dict:
    from humaskit.lint.lexicon import SECOND_PERSON, SECOND_PERSON_PLURAL

    t = g["tone"]
    return {
        "register": REGISTERS[t["register"]], "pronoun": t["pronoun"],
        "second_person": sorted(SECOND_PERSON), "plural": sorted(SECOND_PERSON_PLURAL),
        "max_emoji": t["max_emoji"], "max_punctuation_run": t["max_punctuation_run"],
        "shouting_min_letters": t["shouting_min_letters"], "max_sentence_words": t["max_sentence_words"],
        "clickbait": _phrases(t["clickbait"]), "provocative": _phrases(t["provocative"]),
        "profanity": t["profanity_lexicon"], "acronyms": sorted(set(t["acronyms"]), key=str.casefold),
        "allow": sorted(t["allow"], key=str.casefold),
    }


def _informal_by_level(g) -> dict[str, list]:
    from humaskit.lint.lexicon import informal

    groups: dict[str, list] = {}
    for word, (formal, level) in sorted(informal(g).items()):
        groups.setdefault(level, []).append((word, formal))
    return groups


def _kata_baku_by_source(pairs) -> list[tuple[str, list]]:
    """Pairs grouped by why the form is standard (KBBI, EYD V compounds, loanwords...), the
    guideline's own pairs first."""
    groups: dict[str, list] = {}
    for wrong, pair in sorted(pairs.items()):
        groups.setdefault(pair.note, []).append((wrong, pair.standard))
    order = sorted(groups, key=lambda note: (note != "pedoman", note))
    return [("Pasangan pedoman ini (terminology.replace)" if n == "pedoman" else n[:1].upper() + n[1:], groups[n])
            for n in order]


def words(g) -> dict:
    from humaskit.lint.lexicon import foreign_terms, kata_baku

    terms = g["terminology"]
    groups = _informal_by_level(g)
    return {
        "kata_baku": _kata_baku_by_source(kata_baku(g)),
        "foreign": sorted(foreign_terms(g).items()),
        "informal": [(LEVELS[level], groups[level]) for level in LEVELS if groups.get(level)],
        "dictionary": len(groups.get("kamus", ())),
        "allow": sorted(terms["allow"], key=str.casefold),
        "friendly": g["tone"]["register"] == "friendly",
    }


def writing(g) -> dict:
    m, s = g["mechanics"], g["spelling"]
    zone = ZONES.get(g["timezone"], "WIB")
    return {
        "time": f"pukul 09{m['time_separator']}00" + (f" {zone}" if m["time_zone"] else ""),
        "time_zone": m["time_zone"], "zone": zone, "currency": m["currency_style"],
        "titles": m["titles"], "spelling": s["enabled"], "min_length": s["min_length"],
        "accept": sorted(s["accept"], key=str.casefold),
    }


def names(g) -> dict:
    palette = g["visual"]["palette"]
    agencies = [{"key": key, "name": a["name"], "short": a["short"],
                 "handles": sorted((g.platforms.get(p, {}).get("label", p), h) for p, h in a["handles"].items()),
                 "color": palette.get(a["color"] or ""),
                 "contacts": [v for field in ("phones", "emails", "addresses") for v in (a.get("contacts") or {}).get(field) or []]}
                for key, a in g.agencies.items()]
    return {"agencies": agencies, "terms": sorted(g["terminology"]["terms"], key=str.casefold),
            "replace": sorted(g["terminology"]["replace"].items())}


def hashtags(g) -> dict:
    h = g["hashtags"]
    banned = [{"tag": b, "message": None} if isinstance(b, str) else b for b in h["banned"]]
    campaigns = [{"key": key, **c, "start": _maybe_day(c["start"]), "end": _maybe_day(c["end"])}
                 for key, c in sorted(h["campaigns"].items())]
    return {
        "required": h["required"], "on_replies": h["required_on_replies"],
        "agencies": [(a["short"], a["hashtags"]) for a in g.agencies.values() if a["hashtags"]],
        "campaigns": campaigns, "banned": banned, "canonical": h["canonical"],
        "momentum": [(m["name"], m["hashtags"]) for m in g["calendar"]["momentum"] if m["hashtags"]],
        "limits": [(p["label"], p["max_hashtags"]) for p in g.platforms.values() if p["max_hashtags"] is not None],
    }


def platforms(g) -> dict:
    rows = [{**p, "sizes": [f"{s['name']} {s['width']}×{s['height']}" for s in p["image_sizes"] or []]}
            for p in g.platforms.values()]
    return {"platforms": rows, "domains": sorted(g["links"]["allowed_domains"])}


def calendar(g) -> dict:
    c = g["calendar"]
    accounts = {key: a["label"] for key, a in c["shared_accounts"].items()}
    momentum = sorted(c["momentum"], key=lambda m: (m["date"][-5:], m["name"]))
    return {
        "zone": ZONES.get(g["timezone"], g["timezone"]),
        "accounts": [{"label": a["label"], "slots": [clock(g, slot) for slot in a["slots"]],
                      "platforms": [g.platforms.get(p, {}).get("label", p) for p in a["platforms"]],
                      "agencies": [agency_short(g, k) for k in a["agencies"]]}
                     for a in c["shared_accounts"].values()],
        "quiet": {k: clock(g, v) for k, v in c["quiet_hours"].items()}, "spacing": c["min_spacing_minutes"],
        "blackout": [(day_label(b["date"]), b["reason"]) for b in c["blackout"]],
        "quotas": [(agency_short(g, k), n) for k, n in c["quotas"].items()],
        "momentum": [(day_label(m["date"]), m["name"], agency_short(g, m["agency"]), m["hashtags"]) for m in momentum],
        "momentum_accounts": [accounts.get(k, k) for k in c["momentum_accounts"]] or list(accounts.values()),
        "holiday_agency": agency_short(g, c["holiday_agency"]) if c["holiday_agency"] else None,
    }


def reply(g) -> dict:
    a = g["aduan"]
    levels = a["service_levels"]
    return {
        "reply": g["reply"],
        "defensive": sorted(g["reply"]["defensive"].items()),
        "aduan": {
            "ticket": a["ticket_format"], "first_answer": levels["first_answer_hours"],
            "resolution": levels["resolution_days"],
            "categories": [(c["label"], agency_short(g, c["agency"]), c["resolution_days"] or levels["resolution_days"])
                           for c in a["categories"].values()],
            "channels": [c["label"] for c in a["channels"].values()],
            "stages": a["stages"],
        },
    }


CRISIS_ELEMENTS = (
    ("update", "Waktu pembaruan"), ("place", "Tempat kejadian"), ("action", "Apa yang harus dilakukan warga"),
    ("contact", "Kontak resmi atau nomor darurat"), ("source", "Sumber informasi"),
)


def crisis(g) -> dict | None:
    """The crisis protocol for ``kind: crisis`` drafts, when the guideline has one."""
    c = g.data.get("crisis")
    if not c:
        return None
    elements = [(title, c[key]) for key, title in CRISIS_ELEMENTS if c.get(key)]
    contacts = g.data.get("contacts") or {}
    return {
        "zone": ZONES.get(g["timezone"], "WIB"), "elements": elements, "hotlines": c.get("hotlines") or [], "speculative": c.get("speculative") or [],
        "humour": c.get("humour") or [], "emoji": c.get("emoji", False), "hashtags": c.get("hashtags") or [],
        "promotional": c.get("promotional_hashtags") or [], "promotional_words": c.get("promotional_words") or [],
        "contacts": [(label, contacts.get(key) or []) for key, label in
                     (("phones", "Telepon/WhatsApp"), ("emails", "Surel"), ("addresses", "Alamat"))
                     if contacts.get(key)],
    }


def dictionary(g) -> dict | None:
    """The appendix: every word of the shipped informal dictionary the linter flags."""
    words = _informal_by_level(g).get("kamus")
    return {"words": words} if words else None
