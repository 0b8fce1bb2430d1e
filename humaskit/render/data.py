"""Where a template's fields come from: a draft's front matter, a YAML file, or CSV rows.

Whole-file problems (unreadable file, a CSV without a required column) stop the command;
a problem in one item (an empty required cell, an unknown agency) belongs to that item so
the rest of a batch still renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from humaskit import outdir
from humaskit.errors import HumaskitError, Problem, did_you_mean
from humaskit.guideline.spec import Context, Field, MapOf, Section, Str
from humaskit.render.template import Template, placeholders

NAME_COLUMN = "nama"
AGENCY_COLUMN = "agency"

ITEM = Section(fields={
    "agency": Field(Str(), "Kunci perangkat daerah di pedoman."),
    "name": Field(Str(), "Nama dasar berkas keluaran (bawaan: dari isian)."),
    "fields": Field(MapOf(value=Str(nonempty=False)), "Isian templat.", required=True),
})


@dataclass(frozen=True)
class Item:
    """One graphic's data, with where it came from for messages."""

    fields: dict
    agency: str | None
    where: dict                       # Problem location of the item (file, line)
    name: str | None = None
    problems: tuple = field(default=())  # item-level problems found while reading
    locations: dict = field(default_factory=dict)  # field → Problem location of its value

    def where_field(self, name: str) -> dict:
        return {**self.locations.get(name, self.where), "key": name}


def slug(text: str) -> str:
    return outdir.slug(text, "grafis")


def _scalar(value):
    # Unquoted YAML dates and times are meant as the text the user wrote.
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    return value


def load_items(path: str, template: Template, guideline) -> list[Item]:
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix == ".csv":
        return _from_csv(source, template, guideline)
    if suffix in (".yaml", ".yml"):
        return _from_yaml(source, template, guideline)
    if suffix in (".md", ".markdown", ".txt"):
        return [_from_draft(source, template, guideline)]
    raise HumaskitError.single("Berkas data harus berupa draf (.md), YAML (.yaml) atau CSV (.csv).",
                               path=str(source))


# Fields a draft fills without a `draft:` source in the template (as before `draft:` existed).
_IMPLIED_SOURCES = {"judul": "title", "isi": "caption"}


def _from_draft(source: Path, template: Template, guideline) -> Item:
    from humaskit.draft import load_draft

    draft = load_draft(str(source), guideline=guideline)

    def at(offset: int) -> dict:
        return {"path": str(source), "line": draft.text.count("\n", 0, offset) + 1}

    fields = dict(draft.fields)
    locations = {name: at(draft.key_offset("fields")) for name in draft.fields}
    for name, spec in template.fields.items():
        origin = spec["draft"] or _IMPLIED_SOURCES.get(name)
        if origin and not str(fields.get(name, "")).strip():
            value = _draft_value(origin, draft, guideline)
            if value:
                fields[name] = value
                locations[name] = at(draft.body_start if origin == "caption"
                                     else draft.key_offset("title" if origin == "title" else "publish"))
    where = at(draft.key_offset("fields")) if "fields" in draft.meta_offsets else {"path": str(source), "line": 1}
    missing = _missing(fields, template)
    problems = tuple(p for p in check_fields(fields, template, where) if p.key not in missing)
    if missing:
        problems += (_fields_example(template, missing, where),)
    return Item(fields, draft.agency, {"path": str(source), "line": 1}, None, problems, locations)


def _draft_value(origin: str, draft, guideline) -> str | None:
    if origin == "title":
        return draft.title
    if origin == "caption":
        first = draft.caption.strip().split("\n\n")[0]
        return re.sub(r"\s+", " ", re.sub(r"(#\w+|https?://\S+|@\w[\w.]*)", "", first)).strip()
    if draft.publish is None:
        return None
    day = draft.publish.date()
    if origin == "date":
        from humaskit.language.dates import MONTHS

        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    from humaskit.calendar.holidays_src import month_days

    names = [d for d in month_days(guideline, day.year, day.month, None) if d.date == day]
    names.sort(key=lambda d: d.kind == "cuti")  # a holiday or commemoration before a cuti bersama
    return names[0].name if names else None


def _fields_example(template: Template, missing: list[str], where: dict) -> Problem:
    """What a draft must add for a template, as front matter to copy (examples from the labels)."""
    lines = []
    for name in missing:
        label = template.fields[name]["label"] or ""
        example = label.split("misalnya", 1)[1].strip(" :") if "misalnya" in label else f"... ({label or name})"
        lines.append(f"    {name}: {example}")
    return Problem(f"Draf ini belum mengisi isian templat '{template.key}': {', '.join(missing)}. Tambahkan "
                   "di front matter draf, misalnya:\n  fields:\n" + "\n".join(lines), **{**where, "key": "fields"})


def _missing(fields: dict, template: Template) -> list[str]:
    return [name for name, spec in template.fields.items()
            if spec["required"] and spec["default"] is None and not str(fields.get(name, "")).strip()]


def _from_yaml(source: Path, template: Template, guideline) -> list[Item]:
    from humaskit.fsutil import read_user_text
    from humaskit.yaml_located import load_located

    located = load_located(read_user_text(source, what="Berkas data"), str(source))
    raw = located.value
    many = isinstance(raw, list)
    entries = raw if many else [raw]
    if not entries:
        raise HumaskitError.single("Berkas data berisi daftar kosong; tulis satu butir (dengan `fields:`) atau "
                                   "daftar butir.", path=str(source))
    items = []
    for i, entry in enumerate(entries):
        base = (i,) if many else ()
        if isinstance(entry, dict) and isinstance(entry.get("fields"), dict):
            entry = {**entry, "fields": {k: _scalar(v) for k, v in entry["fields"].items()}}
        ctx = Context()
        value = ITEM.check(entry, base, ctx)
        where = located.where(base)
        if ctx.issues:
            raise HumaskitError([Problem(x.message, hint=x.hint, **located.where(x.path)) for x in ctx.issues])
        problems = tuple(_agency_problem(value["agency"], guideline, located.where(base + ("agency",))))
        problems += check_fields(value["fields"], template, located.where(base + ("fields",)))
        locations = {k: located.where(base + ("fields", k)) for k in value["fields"]}
        items.append(Item(value["fields"], value["agency"] or None, where, value["name"], problems, locations))
    return items


def _from_csv(source: Path, template: Template, guideline) -> list[Item]:
    import csv
    import io

    from humaskit.fsutil import read_user_text

    text = read_user_text(source, what="Berkas CSV").lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    known = set(template.fields) | {AGENCY_COLUMN, NAME_COLUMN}
    problems = [Problem(f"Kolom '{column}' ditulis lebih dari sekali di baris judul CSV.", path=str(source),
                        line=1, key=column) for column in sorted({c for c in header if header.count(c) > 1})]
    for name in template.fields:
        spec = template.fields[name]
        if spec["required"] and spec["default"] is None and name not in header:
            problems.append(Problem(f"Kolom '{name}' wajib ada untuk templat '{template.key}' tetapi tidak ada "
                                    f"di baris judul CSV (kolom yang ada: {', '.join(header) or '(kosong)'}).",
                                    path=str(source), line=1, key=name,
                                    hint=_typo_hint(name, [h for h in header if h not in known])))
    for column in header:
        if column not in known:
            problems.append(Problem(f"Kolom '{column}' tidak dikenal templat '{template.key}'; kolom yang "
                                    f"dikenal: {', '.join(sorted(known))}.", path=str(source), line=1,
                                    key=column, hint=did_you_mean(column, known)))
    if problems:
        raise HumaskitError(problems)
    items = []
    try:
        for row in reader:
            where = {"path": str(source), "line": reader.line_num}
            if None in row:
                items.append(Item({}, None, where, None, (Problem(
                    f"Baris berisi {len(header) + len(row[None])} kolom, padahal baris judul {len(header)} "
                    "kolom (periksa koma di dalam teks: apit teksnya dengan tanda kutip).", **where),)))
                continue
            fields = {k: (v or "") for k, v in row.items() if k in template.fields}
            agency = (row.get(AGENCY_COLUMN) or "").strip() or None
            problems = tuple(_agency_problem(agency, guideline, {**where, "key": AGENCY_COLUMN}))
            problems += check_fields(fields, template, where)
            items.append(Item(fields, agency, where, (row.get(NAME_COLUMN) or "").strip() or None, problems))
    except csv.Error as exc:
        raise HumaskitError.single(f"CSV tidak valid: {exc}.", path=str(source), line=reader.line_num) from None
    if not items:
        raise HumaskitError.single("Berkas CSV tidak berisi baris data.", path=str(source))
    return items


def _typo_hint(name: str, columns: list[str]) -> str | None:
    from humaskit.errors import nearest

    typo = nearest(name, columns)
    return f"Mungkin kolom '{typo}' salah ketik?" if typo else None


def _agency_problem(agency, guideline, where):
    if problem := guideline.unknown("agency", agency):
        message, hint = problem
        yield Problem(message[0].upper() + message[1:], hint=hint, **where)


def check_fields(fields: dict, template: Template, where: dict) -> tuple:
    """Problems with one item's ``fields`` for ``template``: required fields left out, and names the
    template does not know; each located by ``where`` (path, line) and the field's key. Used for
    data files here and for the desk's form."""
    problems = []
    for name in _missing(fields, template):
        label = template.fields[name]["label"]
        label = f" ({label})" if label else ""
        problems.append(Problem(f"Isian '{name}'{label} wajib diisi.", **{**where, "key": name}))
    for name in fields:
        if name not in template.fields:
            problems.append(Problem(f"Isian '{name}' tidak dikenal templat '{template.key}'.",
                                    hint=did_you_mean(name, template.fields), **{**where, "key": name}))
    return tuple(problems)


def values_for(item: Item, template: Template, guideline) -> dict:
    """Every value a template can use: declared fields (defaults filled) and the built-ins."""
    agency_key = item.agency or guideline["defaults"]["agency"]
    agency = guideline.agencies.get(agency_key) or {}
    handles = list(dict.fromkeys((agency.get("handles") or {}).values()))
    values = {
        "instansi": agency.get("name") or guideline["organization"],
        "singkatan": agency.get("short") or "",
        "akun": "  ·  ".join(handles),
        "pemda": guideline["organization"],
    }
    for name, spec in template.fields.items():
        value = str(item.fields.get(name, "") or "").strip()
        values[name] = value or (spec["default"] or "")
    return values


def base_name(item: Item, template: Template, values: dict) -> str:
    if item.name:
        return slug(item.name)
    pattern = template.data["filename"] or "{" + next(iter(template.fields)) + "}"
    return slug(pattern.format_map({k: values.get(k, "") for k in placeholders(pattern)}))
