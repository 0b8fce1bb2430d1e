"""National holidays (the `holidays` package) and the guideline's commemoration days for a month,
with a local override file for dates the government revises."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from humaskit.errors import HumaskitError, Problem, did_you_mean
from humaskit.guideline.spec import Bool, Context, Day, Field, ListOf, Section, Str


@dataclass(frozen=True)
class SpecialDay:
    """An all-day event: a national holiday (``libur``), cuti bersama (``cuti``) or commemoration (``peringatan``)."""

    date: date
    name: str
    kind: str
    agency: str | None = None
    hashtags: tuple[str, ...] = ()


OVERRIDES = Section(fields={
    "holidays": Field(ListOf(Section(fields={
        "date": Field(Day(), "Tanggal libur.", required=True),
        "name": Field(Str(), "Nama libur (menambah, atau mengganti nama libur pada tanggal itu)."),
        "remove": Field(Bool(), "true: tanggal ini bukan libur lagi.", default=False),
    })), "Koreksi libur nasional dan cuti bersama."),
    "momentum": Field(ListOf(Section(fields={
        "name": Field(Str(), "Nama hari peringatan di pedoman.", required=True),
        "date": Field(Day(), "Tanggal tahun ini.", required=True),
    })), "Tanggal baru hari peringatan untuk tahun tertentu."),
})


def national_holidays(year: int) -> dict[date, str]:
    """Public holidays and cuti bersama, named in Indonesian whatever the machine's locale."""
    import holidays

    found = holidays.country_holidays("ID", years=year, categories=("public", "government"), language="id")
    return {day: name for day, name in sorted(found.items())}


def month_days(guideline, year: int, month: int, overrides: Path | None) -> list[SpecialDay]:
    """Holidays and commemoration days falling in the month, sorted by date, kind and name."""
    table = national_holidays(year)
    revised: dict[str, date] = {}
    if overrides is not None:
        _apply_overrides(overrides, guideline, table, revised)
    out = [SpecialDay(day, name, "cuti" if name.lower().startswith("cuti bersama") else "libur")
           for day, name in table.items() if (day.year, day.month) == (year, month)]
    for item in guideline["calendar"]["momentum"]:
        when = revised.get(item["name"]) or _on(item["date"], year)
        if when and (when.year, when.month) == (year, month):
            out.append(SpecialDay(when, item["name"], "peringatan", item["agency"], tuple(item["hashtags"])))
    return sorted(out, key=lambda d: (d.date, d.kind, d.name))


def _on(text: str, year: int) -> date | None:
    try:
        return date(year, int(text[-5:-3]), int(text[-2:])) if len(text) == 5 else date.fromisoformat(text)
    except ValueError:  # 02-29 in a common year
        return None


def _apply_overrides(path: Path, guideline, table: dict, revised: dict) -> None:
    from humaskit.fsutil import read_user_text
    from humaskit.yaml_located import load_located

    located = load_located(read_user_text(path, what="Berkas koreksi libur"), str(path))
    ctx = Context()
    data = OVERRIDES.check(located.value, (), ctx)
    names = [m["name"] for m in guideline["calendar"]["momentum"]]
    for i, item in enumerate(data["holidays"]):
        if not item or not item["date"]:
            continue
        day = date.fromisoformat(item["date"])
        if item["remove"]:
            table.pop(day, None)
        elif item["name"]:
            table[day] = item["name"]
        else:
            ctx.error(("holidays", i), "isi 'name' (menambah/mengganti) atau 'remove: true' (menghapus).")
    for i, item in enumerate(data["momentum"]):
        if not item or not item["name"]:
            continue
        if item["name"] not in names:
            ctx.error(("momentum", i, "name"), f"hari peringatan '{item['name']}' tidak ada di pedoman.",
                      did_you_mean(item["name"], names))
        elif item["date"]:
            revised[item["name"]] = date.fromisoformat(item["date"])
    if ctx.issues:
        raise HumaskitError([Problem(i.message, hint=i.hint, **located.where(i.path)) for i in ctx.issues])
