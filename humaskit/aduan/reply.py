"""`humaskit aduan balas`: the answer for a ticket's current stage, drafted from the guideline's
template (Jinja2 in its sandbox) and linted as a reply before anyone sees it.

A template is given only the values below: never the citizen's name, handle, contact, link or
words. A reason a staff member typed (``alasan``) could still carry them, so the finished draft
is searched for this ticket's personal details and for anything shaped like a phone number,
NIK or e-mail address, and refused if one is there.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from humaskit.errors import HumaskitError
from humaskit.language.dates import MONTHS, WEEKDAYS, ZONES

MAX_REPLY = 5_000  # characters; a reply is a few sentences, a longer output is a runaway template
VALUES = ("salam", "tiket", "instansi", "instansi_singkat", "kategori", "kanal", "tahap", "diterima",
          "batas_jawaban", "batas", "jam_jawaban", "hari_selesai", "alasan")
# Shapes of personal data, whoever typed them: Indonesian mobile numbers (0812-3456-7890,
# +62 812 3456 7890), a 16-digit NIK (possibly spaced), an e-mail address.
_PERSONAL_SHAPES = (
    ("nomor telepon", re.compile(r"(?<![\w+])(?:\+62|62|0)[\s.-]?8\d(?:[\s.-]?\d){6,10}(?!\w)")),
    ("NIK", re.compile(r"(?<!\d)\d(?:[\s.]?\d){15}(?!\d)")),
    ("alamat surel", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
)


def long_date(moment: datetime) -> str:
    """``Jumat, 11 Desember 2026``: weekday, day, month name, year, as EYD V writes a date."""
    return f"{WEEKDAYS[moment.weekday()]}, {moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def greeting(moment: datetime) -> str:
    hour = moment.hour
    part = "pagi" if 4 <= hour < 11 else "siang" if hour < 15 else "sore" if hour < 18 else "malam"
    return f"Selamat {part}"


def template_values(rules, c: dict) -> dict:
    """What a reply template may use (:data:`VALUES`), for complaint ``c`` at its current stage."""
    g = rules.guideline
    section = rules.section
    category = section["categories"][c["category"]]
    agency = g.agencies[c["agency"]]
    received = datetime.fromisoformat(c["received"])
    latest = c["history"][-1]
    hours = section["service_levels"]["first_answer_hours"]
    days = category["resolution_days"] or section["service_levels"]["resolution_days"]
    answer_by = received + timedelta(hours=hours)
    clock = f"{answer_by.hour:02d}{g['mechanics']['time_separator']}{answer_by.minute:02d}"
    zone = ZONES.get(g["timezone"])
    return {
        "salam": greeting(datetime.fromisoformat(latest["at"])), "tiket": c["ticket"],
        "instansi": agency["name"], "instansi_singkat": agency.get("short") or agency["name"],
        "kategori": category["label"], "kanal": section["channels"][c["channel"]]["label"],
        "tahap": rules.by_key[c["stage"]]["label"], "diterima": long_date(received),
        "batas_jawaban": f"{long_date(answer_by)} pukul {clock}" + (f" {zone}" if zone else ""),
        "batas": long_date(received + timedelta(days=days)), "jam_jawaban": _number(hours),
        "hari_selesai": _number(days),
        "alasan": (latest["note"] or "").strip() if rules.by_key[c["stage"]]["rejection"] else "",
    }


def _number(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def render_reply(rules, c: dict) -> str:
    """The reply's text for ``c``'s current stage; a template problem names its guideline key."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment, SecurityError

    rules.check_known(c)
    index = next(i for i, s in enumerate(rules.stages) if s["key"] == c["stage"])
    source = rules.stages[index]["reply"]
    where = rules.guideline.where("aduan", "stages", index, "reply")
    if not (source or "").strip():
        raise HumaskitError.single(f"Pedoman belum punya templat jawaban untuk tahap '{c['stage']}'; isi "
                                   "aduan.stages[].reply.", **where)
    env = SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
    try:
        chunks, size = [], 0
        for chunk in env.from_string(source).generate(**template_values(rules, c)):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_REPLY:
                raise HumaskitError.single(f"Templat jawaban menghasilkan lebih dari {MAX_REPLY} karakter; "
                                           "periksa perulangannya.", **where)
    except jinja2.TemplateSyntaxError as exc:
        raise HumaskitError.single(f"Templat jawaban tidak valid (baris {exc.lineno} templat): {exc.message}.",
                                   **where) from None
    except jinja2.UndefinedError as exc:
        raise HumaskitError.single(f"Templat jawaban memakai nilai yang tidak ada ({exc.message}); yang "
                                   f"tersedia: {', '.join(VALUES)}.", **where) from None
    except SecurityError:
        raise HumaskitError.single("Templat jawaban mencoba membuka bagian program yang tidak boleh dipakai "
                                   "templat; diblokir.", **where) from None
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, LookupError) as exc:
        raise HumaskitError.single(f"Templat jawaban gagal diisi: {exc}.", **where) from None
    text = re.sub(r"[ \t]+", " ", "".join(chunks)).strip()
    _refuse_personal_data(text, c, where)
    return text


def _refuse_personal_data(text: str, c: dict, where: dict) -> None:
    lowered = text.casefold()
    for field, label in (("name", "nama warga"), ("handle", "akun warga"), ("contact", "kontak warga"),
                         ("link", "tautan pengaduan")):
        value = (c.get(field) or "").strip().casefold()
        if len(value) >= 3 and value in lowered:
            raise HumaskitError.single(f"Draf jawaban memuat data pribadi ({label}); tidak ditampilkan. Hapus dari "
                                       "catatan tahap atau templatnya.", **where)
    rest = text.replace(c["ticket"], " ")  # a ticket number may look like a phone number
    for label, pattern in _PERSONAL_SHAPES:
        if pattern.search(rest):
            raise HumaskitError.single(f"Draf jawaban memuat sesuatu yang mirip data pribadi ({label}); tidak "
                                       "ditampilkan. Hapus dari catatan tahap atau templatnya.", **where)


def draft_text(rules, c: dict) -> str:
    """A whole draft (front matter, then the reply), as `humaskit lint` reads one."""
    platform = rules.section["channels"][c["channel"]]["platform"]
    head = [f"agency: {c['agency']}"] + ([f"platforms: [{platform}]"] if platform else []) + ["kind: reply"]
    return "---\n" + "\n".join(head) + "\n---\n" + render_reply(rules, c) + "\n"


def lint_reply(rules, c: dict, text: str):
    """The lint report of the draft, from the lint library."""
    from humaskit.lint.engine import Linter
    from humaskit.lint.finding import Report

    result = Linter(rules.guideline).lint_text(text, path=c["ticket"])
    return Report(files=[result], guideline=rules.guideline.label)
