"""One voice across agencies: the facts drafts about the same event state must agree.

Drafts are about the same event when they name it (``event:`` in the front matter) or share a
campaign, in the same month. From each caption the facts citizens act on are read: dates, clock
times, places, phone numbers and amounts in rupiah. Two drafts about the same event that state
a kind of fact with no value in common (one says 1 Desember, the other 2 Desember) conflict.

A library module: ``humaskit lint`` (over several drafts) and ``humaskit calendar check`` both
report its conflicts. Only the standard library is imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from humaskit.draft import Draft, LineIndex

MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
          "november", "desember")
_MONTH_WORD = r"(?:%s)" % "|".join(sorted({m for m in MONTHS} | {m[:3] for m in MONTHS} | {"agu", "okt", "des"},
                                            key=len, reverse=True))
_DATE = re.compile(r"(?<![\w.])([0-3]?\d)\s+(%s)\.?(?:\s+(\d{4}))?(?!\w)" % _MONTH_WORD, re.I)
_TIME = re.compile(r"(?:\b(?:pukul|jam)\s+([01]?\d|2[0-3])[.:]([0-5]\d)(?!\d)"
                   r"|(?<![\d.:])([01]?\d|2[0-3])[.:]([0-5]\d)\s*(?:WIB|WITA|WIT)\b)", re.I)
_PHONE = re.compile(r"(?<![\w+])(?:\+62|62|0)[\d ().-]{7,17}\d(?!\w)")
_AMOUNT = re.compile(r"\bRp\.?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?(?:,-)?(?:\s*(ribu|rb|juta|jt|miliar))?\b",
                     re.I)
# A venue: a kind of place with its capitalised name ("Gedung Dakwah", "Jl. Sutisna Senjaya").
_VENUE = re.compile(r"\b(?:Gedung|Lapangan|Alun-[Aa]lun|Balai|Aula|Taman|Stadion|GOR|Masjid|Puskesmas|RSUD|Kantor|"
                    r"Pendopo|Plaza|Hotel|Sekolah|SMAN?|SMPN?|SDN?|Kampus|Pasar|Terminal|Mal|Jalan|Jl\.)"
                    r"(?:\s+(?:[A-Z0-9][\w'/-]*|di|dan|ke-?\d+))*", re.U)
_SCALE = {"ribu": 10**3, "rb": 10**3, "juta": 10**6, "jt": 10**6, "miliar": 10**9}
KINDS = {"date": "tanggal", "time": "jam", "place": "tempat", "phone": "nomor telepon", "amount": "jumlah uang"}


@dataclass(frozen=True)
class Fact:
    kind: str      # a key of KINDS
    value: object  # normalised, compared between drafts
    text: str      # as written
    start: int     # offsets into the draft's file
    end: int


@dataclass(frozen=True)
class Conflict:
    """Two drafts about one event stating different values of one kind of fact."""

    event: str
    kind: str
    severity: str          # error when both name the event, warning when they only share a campaign
    first: tuple[Draft, Fact]
    second: tuple[Draft, Fact]

    def message(self, guideline, where) -> str:
        """``where(draft, fact)`` gives "path:line" for each side."""
        sides = [f"{_who(guideline, d)} menulis {f.text} ({where(d, f)})" for d, f in (self.first, self.second)]
        return (f"Fakta tidak seragam tentang {self.event} ({KINDS[self.kind]}): {sides[0]}, {sides[1]}. "
                "Samakan dengan sumber resmi acara.")


def _who(guideline, draft: Draft) -> str:
    info = guideline.agencies.get(draft.agency) if guideline is not None and draft.agency else None
    return (info or {}).get("short") or draft.agency or draft.path


def phone_digits(phone: str) -> str:
    """A phone number as its digits, +62/62 written as the leading 0: how two spellings are compared."""
    only = re.sub(r"\D", "", phone)
    return "0" + only[2:] if only.startswith("62") else only


def facts(draft: Draft) -> list[Fact]:
    """Every date, time, place, phone number and amount in the caption, in text order."""
    text, base = draft.text, draft.body_start
    caption = text[base:]
    found: list[Fact] = []
    for m in _DATE.finditer(caption):
        month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(m[2].casefold()[:3]))
        if 1 <= int(m[1]) <= 31:
            found.append(Fact("date", (int(m[1]), month), m.group(), m.start() + base, m.end() + base))
    for m in _TIME.finditer(caption):
        hour, minute = (m[1], m[2]) if m[1] is not None else (m[3], m[4])
        found.append(Fact("time", (int(hour), int(minute)), m.group(), m.start() + base, m.end() + base))
    for m in _PHONE.finditer(caption):
        digits = phone_digits(m.group())
        if 9 <= len(digits) <= 13:
            found.append(Fact("phone", digits, m.group(), m.start() + base, m.end() + base))
    for m in _AMOUNT.finditer(caption):
        # in sen, so that "Rp1,5 juta" and "Rp1.500.000,00" are the same amount
        cents = int(m[1].replace(".", "")) * 100 + int((m[2] or "").ljust(2, "0"))
        value = cents * _SCALE.get((m[3] or "").casefold(), 1)
        found.append(Fact("amount", value, m.group(), m.start() + base, m.end() + base))
    for m in _VENUE.finditer(caption):
        name = m.group().rstrip(".,")
        if " " in name:
            found.append(Fact("place", " ".join(name.casefold().split()), name, m.start() + base,
                              m.start() + base + len(name)))
    found.sort(key=lambda f: (f.start, f.kind))
    return found


def event_key(draft: Draft) -> tuple[str, str, str] | None:
    """(how, name, month) grouping drafts about one event, or None for a draft about no named event."""
    month = f"{draft.publish:%Y-%m}" if draft.publish else ""
    if draft.event:
        return ("event", " ".join(draft.event.casefold().split()), month)
    if draft.campaign:
        return ("campaign", draft.campaign, month)
    return None


def conflicts(drafts: list[Draft], guideline=None) -> list[Conflict]:
    """For each draft and kind of fact, the first earlier draft (by path) about the same event that
    states it with no value in common: every disagreement is reported, each draft paired once per
    kind, so a folder of many drafts gives findings in proportion to its drafts, not to their pairs."""
    groups: dict[tuple, list[Draft]] = {}
    for draft in drafts:
        key = event_key(draft)
        if key is not None:
            groups.setdefault(key, []).append(draft)
    out = []
    for (how, name, _), members in sorted(groups.items()):
        if len(members) < 2:
            continue
        label = _event_label(guideline, how, name, members)
        severity = "error" if how == "event" else "warning"
        read = [(d, facts(d)) for d in sorted(members, key=lambda d: d.path)]
        for kind in KINDS:
            # distinct value sets seen so far, each with the first draft and fact that stated it
            seen: dict[frozenset, tuple[Draft, Fact]] = {}
            for draft, found in read:
                mine = [f for f in found if f.kind == kind]
                if not mine:
                    continue
                values = frozenset(f.value for f in mine)
                for other, (first, fact) in seen.items():
                    if first.path != draft.path and not any(_same(kind, a, b) for a in other for b in values):
                        out.append(Conflict(label, kind, severity, (first, fact), (draft, mine[0])))
                        break
                seen.setdefault(values, (draft, mine[0]))
    return out


def _same(kind: str, a, b) -> bool:
    """Two values of one kind say the same thing; a place may be named in full or short
    ("Gedung Dakwah" and "Gedung Dakwah Kota Tasikmalaya")."""
    if kind == "place":
        return a.startswith(b) or b.startswith(a)
    return a == b


def _event_label(guideline, how: str, name: str, members: list[Draft]) -> str:
    if how == "event":
        return f"acara '{members[0].event}'"
    campaigns = guideline["hashtags"]["campaigns"] if guideline is not None else {}
    return f"kampanye '{(campaigns.get(name) or {}).get('name') or name}'"


def located(draft: Draft, fact: Fact) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column) of a fact in its file, 1-based."""
    lines = LineIndex.of(draft.text)
    return (*lines.position(fact.start), *lines.position(fact.end))


def conflicts_in_files(guideline, paths: list[str]) -> list[Conflict]:
    """The conflicts between the draft files ``paths`` (``humaskit calendar``: the scheduled drafts)."""
    configured = guideline.severity("voice.conflict", None)
    if len(paths) < 2 or configured == "off":
        return []
    from humaskit.errors import HumaskitError
    from humaskit.draft import load_draft

    drafts = []
    for path in paths:
        try:
            drafts.append(load_draft(path, guideline=guideline))
        except HumaskitError:
            continue  # reported by the lint of the drafts
    found = conflicts(drafts, guideline)
    return [replace(c, severity=configured) for c in found] if configured else found
