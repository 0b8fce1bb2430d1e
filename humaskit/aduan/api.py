"""Library entry points behind `humaskit aduan`: every input is validated before the database is
opened for writing, so bad input leaves the file untouched."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime

from humaskit.aduan.store import Store
from humaskit.errors import HumaskitError, Problem, did_you_mean
from humaskit.guideline.schema.aduan import TICKET_FIELD

MAX_TEXT = 10_000


class RowError(ValueError):
    """One bad value in a complaint; the message is Indonesian."""


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?")
_DMY = re.compile(r"(\d{2})/(\d{2})/(\d{4}) (\d{2}:\d{2}(?::\d{2})?)")


def parse_time(value: str, what: str, *, now: datetime | None = None) -> str:
    """A local time as stored: ``YYYY-MM-DDTHH:MM`` (ISO, or DD/MM/YYYY HH:MM as spreadsheets write it)."""
    text = (value or "").strip()
    dmy = _DMY.fullmatch(text)
    iso = f"{dmy.group(3)}-{dmy.group(2)}-{dmy.group(1)} {dmy.group(4)}" if dmy else text
    try:
        moment = datetime.fromisoformat(iso) if _ISO.fullmatch(iso) else None
    except ValueError:
        moment = None
    if moment is None:
        raise RowError(f"{what} '{text}' tidak valid; tulis seperti 2026-12-03T09:15 atau 03/12/2026 09:15.")
    if moment.year < 2000 or moment > (now or datetime.now()):
        raise RowError(f"{what} '{text}' di luar rentang (tahun 2000 sampai sekarang).")
    return iso[:16].replace(" ", "T")


def _choice(value: str, known: dict, what: str) -> str:
    value = (value or "").strip()
    if value not in known:
        hint = did_you_mean(value, known)
        raise RowError(f"{what} '{value}' tidak dikenal di pedoman.{' ' + hint if hint else ''}")
    return value


@dataclass
class Rules:
    """The guideline's `aduan` section, in the shape the commands use."""

    guideline: object
    stages: list = field(init=False)

    def __post_init__(self):
        section = self.guideline["aduan"]
        self.section = section
        self.stages = section["stages"]
        if not self.stages or not section["categories"] or not section["channels"]:
            raise HumaskitError.single("Pedoman belum mengatur pengaduan: isi aduan.stages, aduan.categories dan "
                                       "aduan.channels.", **self.guideline.where("aduan"))
        self.flow = [s for s in self.stages if not s["rejection"]]
        self.by_key = {s["key"]: s for s in self.stages}

    @property
    def first(self) -> str:
        return self.flow[0]["key"]

    def closed(self, stage: str) -> bool:
        return stage == self.flow[-1]["key"] or self.by_key[stage]["rejection"]

    def check_move(self, current: str, target: str, note: str | None) -> None:
        """A stage change may only reach the next required stage (optional ones may be skipped),
        or the rejection stage with a reason."""
        stage = self.by_key.get(target)
        if stage is None:
            hint = did_you_mean(target, self.by_key)
            raise RowError(f"Tahap '{target}' tidak dikenal di pedoman.{' ' + hint if hint else ''}")
        if self.closed(current):
            raise RowError(f"Pengaduan sudah pada tahap akhir '{current}'; tahapnya tidak dapat diubah lagi.")
        if stage["rejection"]:
            if not (note or "").strip():
                raise RowError(f"Tahap '{target}' memerlukan alasan (--catatan, atau kolom alasan di CSV).")
            return
        keys = [s["key"] for s in self.flow]
        here, there = keys.index(current), keys.index(target)
        if there <= here:
            raise RowError(f"Tahap '{target}' sudah dilewati (sekarang '{current}'); riwayat tidak dapat mundur.")
        skipped = [s["key"] for s in self.flow[here + 1:there] if s["required"]]
        if skipped:
            raise RowError(f"Tahap '{target}' melompati tahap wajib {', '.join(skipped)}; catat tahap itu dulu.")

    def ticket(self, store: Store, received: str) -> str:
        fmt = self.section["ticket_format"]
        values = {"tahun": received[:4], "bulan": received[5:7]}
        scope = TICKET_FIELD.sub(lambda m: values.get(m.group(1), "{nomor}"), fmt)
        while True:  # a number taken by an imported ticket is passed over
            number = store.next_ticket(scope)
            width = int(next(m.group(2) or 1 for m in TICKET_FIELD.finditer(fmt) if m.group(1) == "nomor"))
            ticket = scope.replace("{nomor}", f"{number:0{width}d}")
            if not store.ticket_exists(ticket):
                return ticket


def complaint(rules: Rules, values: dict) -> dict:
    """Validate one complaint's fields (from the command line or a CSV row)."""
    section = rules.section
    category = _choice(values.get("kategori"), section["categories"], "Kategori")
    agency = (values.get("instansi") or "").strip() or section["categories"][category]["agency"]
    agency = _choice(agency, rules.guideline.agencies, "Perangkat daerah")
    text = (values.get("teks") or "").strip()
    if not text:
        raise RowError("Teks pengaduan kosong.")
    if len(text) > MAX_TEXT:
        raise RowError(f"Teks pengaduan terlalu panjang ({len(text)} karakter; batasnya {MAX_TEXT}).")
    for key in ("tautan", "akun", "nama", "kontak"):
        if "\x00" in (values.get(key) or "") or len(values.get(key) or "") > 2000:
            raise RowError(f"Isian {key} tidak valid.")
    return {
        "ticket": (values.get("nomor") or "").strip() or None,
        "channel": _choice(values.get("kanal"), section["channels"], "Kanal"),
        "link": (values.get("tautan") or "").strip() or None,
        "handle": (values.get("akun") or "").strip() or None,
        "name": (values.get("nama") or "").strip() or None,
        "contact": (values.get("kontak") or "").strip() or None,
        "text": text, "category": category, "agency": agency,
        "received": parse_time(values.get("diterima"), "Waktu diterima"),
    }


def record(store: Store, rules: Rules, c: dict, actor: str) -> str:
    """Add one complaint at the first stage; returns its ticket number."""
    with store.write():
        ticket = c["ticket"] or rules.ticket(store, c["received"])
        if store.ticket_exists(ticket):
            raise HumaskitError.single(f"Nomor tiket {ticket} sudah ada; tidak ada yang diubah.", path=store.path)
        store.add({**c, "ticket": ticket, "stage": rules.first}, [(rules.first, c["received"], actor, None)])
    return ticket


def move(store: Store, rules: Rules, ticket: str, stage: str, at: str, actor: str, note: str | None) -> dict:
    c = store.complaint(ticket)
    if c is None:
        raise HumaskitError.single(f"Tiket '{ticket}' tidak ada di basis data.", path=store.path)
    try:
        rules.check_move(c["stage"], stage, note)
    except RowError as exc:
        raise HumaskitError.single(str(exc), key=ticket) from None
    if at < c["history"][-1]["at"]:
        raise HumaskitError.single(f"Waktu {at} lebih awal dari perubahan terakhir ({c['history'][-1]['at']}).",
                                   key=ticket)
    store.move(c["id"], stage, at, actor, note)
    return c


COLUMNS = ("nomor", "kanal", "tautan", "akun", "nama", "kontak", "teks", "kategori", "instansi", "diterima")
REQUIRED = ("kanal", "teks", "kategori", "diterima")


@dataclass
class ImportResult:
    imported: int = 0
    skipped: int = 0
    problems: list = field(default_factory=list)


def read_rows(text: str, path: str, rules: Rules) -> tuple[list, list]:
    """(line, complaint, history) for each good row, and a Problem for each bad one; a file that is
    not a usable CSV at all raises (nothing imported)."""
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise HumaskitError.single("Berkas CSV kosong.", path=path) from None
    except csv.Error as exc:
        raise HumaskitError.single(f"Baris judul CSV rusak: {exc}.", path=path, line=1) from None
    stages = [s["key"] for s in rules.stages if s["key"] != rules.first]
    known = COLUMNS + tuple(stages) + ("alasan", "petugas")
    problems = [Problem(f"Kolom '{h}' tidak dikenal.", path=path, line=1, hint=did_you_mean(h, known))
                for h in header if h not in known]
    problems += [Problem(f"Kolom wajib '{c}' tidak ada.", path=path, line=1) for c in REQUIRED if c not in header]
    if len(set(header)) != len(header):
        problems.append(Problem("Ada nama kolom yang ditulis dua kali.", path=path, line=1))
    if problems:
        raise HumaskitError(problems)
    good, bad = [], []
    line = reader.line_num + 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                bad.append(Problem(f"Baris ini berisi {len(row)} kolom, judulnya {len(header)}.", path=path,
                                   line=start))
                continue
            values = dict(zip(header, row))
            try:
                c = complaint(rules, values)
                good.append((start, c, _history(rules, c, values)))
            except RowError as exc:
                bad.append(Problem(str(exc), path=path, line=start))
    except csv.Error as exc:
        raise HumaskitError.single(f"CSV rusak: {exc}; tidak ada yang diimpor.", path=path, line=line) from None
    return good, bad


def _history(rules: Rules, c: dict, values: dict) -> list[tuple]:
    """The stage changes a row records (a time in a stage's column), checked like `tahap`."""
    actor = (values.get("petugas") or "").strip() or "impor"
    history = [(rules.first, c["received"], actor, None)]
    moves = []
    for stage in (s for s in rules.stages if s["key"] != rules.first):
        when = (values.get(stage["key"]) or "").strip()
        if when:
            moves.append((parse_time(when, f"Waktu tahap {stage['key']}"), stage))
    current, last = rules.first, c["received"]
    for at, stage in sorted(moves, key=lambda m: (m[0], rules.stages.index(m[1]))):
        note = (values.get("alasan") or "").strip() or None if stage["rejection"] else None
        rules.check_move(current, stage["key"], note)
        if at < last:
            raise RowError(f"Waktu tahap {stage['key']} lebih awal dari waktu diterima.")
        history.append((stage["key"], at, actor, note))
        current, last = stage["key"], at
    c["stage"] = current
    return history


def import_rows(store: Store, rules: Rules, good: list) -> ImportResult:
    """Every good row in ONE transaction: a killed import leaves nothing half-written. A row whose
    ticket number is already in the database is skipped, so a file can be imported again."""
    result = ImportResult()
    with store.write():
        for _line, c, history in good:
            if c["ticket"] and store.ticket_exists(c["ticket"]):
                result.skipped += 1
                continue
            ticket = c["ticket"] or rules.ticket(store, c["received"])
            store.add({**c, "ticket": ticket}, history)
            result.imported += 1
    return result
