"""Library entry points behind `humaskit aduan`: every input is validated before the database is
opened for writing, so bad input leaves the file untouched."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from humaskit.aduan.store import Store
from humaskit.errors import HumaskitError, Problem, did_you_mean
from humaskit.guideline.schema.aduan import TICKET_FIELD
from humaskit.outdir import slug

MAX_TEXT = 10_000


class RowError(ValueError):
    """One bad value in a complaint; the message is Indonesian, ``column`` names the CSV column
    (and the command's option) the value came from."""

    def __init__(self, message: str, column: str | None = None) -> None:
        super().__init__(message)
        self.column = column


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?")
_TICKET = re.compile(r"[A-Za-z0-9][A-Za-z0-9/._-]{0,63}")  # a number from another system (LAPOR!) too
_DMY = re.compile(r"(\d{2})/(\d{2})/(\d{4}) (\d{2}:\d{2}(?::\d{2})?)")


def parse_time(value: str, what: str, *, now: str | None = None, column: str | None = None) -> str:
    """A local time as stored: ``YYYY-MM-DDTHH:MM`` (ISO, or DD/MM/YYYY HH:MM as spreadsheets write it).
    ``now`` (in the stored form) bounds it; an import passes one value for every row."""
    text = (value or "").strip()
    moment = _moment(text)
    if moment is None:
        raise RowError(f"{what} '{text}' tidak valid; tulis seperti 2026-12-03T09:15 atau 03/12/2026 09:15.", column)
    if moment < "2000" or moment > (now or current_time()):
        raise RowError(f"{what} '{text}' di luar rentang (tahun 2000 sampai sekarang).", column)
    return moment


def current_time() -> str:
    return datetime.now().isoformat(timespec="minutes")


@lru_cache(maxsize=8192)  # a month's spreadsheet repeats its times: each is parsed once
def _moment(text: str) -> str | None:
    dmy = _DMY.fullmatch(text)
    iso = f"{dmy.group(3)}-{dmy.group(2)}-{dmy.group(1)} {dmy.group(4)}" if dmy else text
    try:
        return datetime.fromisoformat(iso).isoformat(timespec="minutes") if _ISO.fullmatch(iso) else None
    except ValueError:
        return None


class Choices:
    """The keys of one guideline section (categories, channels, agencies) and the names a
    spreadsheet may write for them: the key or its label or name in any case and spacing
    ("Jalan Rusak", "Instagram", "Dinkes"). Built once per guideline, looked up per row."""

    def __init__(self, known: dict, what: str, column: str) -> None:
        self.known, self.what, self.column = known, what, column
        names: dict[str, set] = {}
        for key, entry in known.items():
            labels = [entry.get(n) for n in ("label", "name", "short")] if hasattr(entry, "get") else []
            for name in (key, *labels):
                if isinstance(name, str) and slug(name, ""):
                    names.setdefault(slug(name, ""), set()).add(key)
        self.names = {name: keys.pop() for name, keys in names.items() if len(keys) == 1}  # unambiguous only

    def key(self, value: str | None) -> str:
        value = (value or "").strip()
        if value in self.known:
            return value
        found = self.names.get(slug(value, ""))
        if found is not None:
            return found
        hint = did_you_mean(value, self.known) or f"Pilihan: {', '.join(sorted(self.known))}."
        if not value:
            raise RowError(f"{self.what} belum diisi. {hint}", self.column)
        raise RowError(f"{self.what} '{value[:80]}' tidak dikenal di pedoman. {hint}", self.column)


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
        self.position = {s["key"]: i for i, s in enumerate(self.flow)}
        self.categories = Choices(section["categories"], "Kategori", "kategori")
        self.channels = Choices(section["channels"], "Kanal", "kanal")
        self.agencies = Choices(self.guideline.agencies, "Perangkat daerah", "instansi")
        # the stages a CSV row may give a time for, in the guideline's order
        self.later = [(s["key"], i) for i, s in enumerate(self.stages) if s["key"] != self.first]
        self._allowed: set[tuple[str, str]] = set()  # stage moves already found valid (not rejections)

    @property
    def first(self) -> str:
        return self.flow[0]["key"]

    def closed(self, stage: str) -> bool:
        return stage == self.flow[-1]["key"] or (self.by_key.get(stage) or {}).get("rejection", False)

    def check_known(self, c: dict) -> None:
        """A stored complaint whose category, agency, channel or stage the guideline no longer has
        (the pedoman was edited since) is named, not a crash."""
        for value, known, what in ((c["category"], self.section["categories"], "Kategori"),
                                   (c["agency"], self.guideline.agencies, "Perangkat daerah"),
                                   (c["channel"], self.section["channels"], "Kanal"),
                                   (c["stage"], self.by_key, "Tahap")):
            if value not in known:
                raise HumaskitError.single(f"{what} '{value}' tiket {c['ticket']} tidak ada lagi di pedoman; "
                                           "kembalikan ke pedoman atau pakai pedoman saat tiket dicatat.",
                                           **self.guideline.where("aduan"))

    def check_move(self, current: str, target: str, note: str | None) -> None:
        """A stage change may only reach the next required stage (optional ones may be skipped),
        or the rejection stage with a reason."""
        if (current, target) in self._allowed:  # an import checks the same few moves over and over
            return
        stage = self.by_key.get(target)
        if stage is None:
            hint = did_you_mean(target, self.by_key)
            hint = hint or f"Pilihan: {', '.join(self.by_key)}."
            raise RowError(f"Tahap '{target}' tidak dikenal di pedoman. {hint}")
        if self.closed(current):
            raise RowError(f"Pengaduan sudah pada tahap akhir '{current}'; tahapnya tidak dapat diubah lagi.")
        if stage["rejection"]:
            if not (note or "").strip():
                raise RowError(f"Tahap '{target}' memerlukan alasan (--catatan, atau kolom alasan di CSV).")
            return
        here, there = self.position[current], self.position[target]
        if there <= here:
            raise RowError(f"Tahap '{target}' sudah dilewati (sekarang '{current}'); riwayat tidak dapat mundur.")
        skipped = [s["key"] for s in self.flow[here + 1:there] if s["required"]]
        if skipped:
            raise RowError(f"Tahap '{target}' melompati tahap wajib {', '.join(skipped)}; catat tahap itu dulu.")
        self._allowed.add((current, target))


class Numbers:
    """Ticket numbers in the guideline's format, for one write transaction: each scope's counter
    and the numbers already taken in it (by imported tickets) are read once, saved by :meth:`save`."""

    def __init__(self, rules: Rules, store: Store) -> None:
        self.format = rules.section["ticket_format"]
        self.width = int(next(m.group(2) or 1 for m in TICKET_FIELD.finditer(self.format) if m.group(1) == "nomor"))
        self.store = store
        self.scopes: dict[str, tuple[int, set]] = {}
        self.month_scopes: dict[str, str] = {}  # "2026-11" → "TSM-202611-{nomor}"

    def next(self, received: str, taken: set = frozenset()) -> str:
        """A free number for a complaint received at ``received``; ``taken``: numbers used in this batch."""
        scope = self.month_scopes.get(received[:7])
        if scope is None:
            values = {"tahun": received[:4], "bulan": received[5:7]}
            scope = TICKET_FIELD.sub(lambda m: values.get(m.group(1), "{nomor}"), self.format)
            self.month_scopes[received[:7]] = scope
        last, existing = self.scopes.get(scope) or (self.store.counter(scope),
                                                     self.store.tickets_from(scope.split("{nomor}")[0]))
        while True:  # a number taken by an imported ticket is passed over
            last += 1
            ticket = scope.replace("{nomor}", f"{last:0{self.width}d}")
            if ticket not in existing and ticket not in taken:
                self.scopes[scope] = (last, existing)
                return ticket

    def save(self) -> None:
        self.store.set_counters({scope: last for scope, (last, _) in self.scopes.items()})


_DETAILS = (("tautan", "link"), ("akun", "handle"), ("nama", "name"), ("kontak", "contact"))  # column → field


def complaint(rules: Rules, values: dict, now: str | None = None) -> dict:
    """Validate one complaint's fields (from the command line or a CSV row)."""
    section = rules.section
    category = rules.categories.key(values.get("kategori"))
    agency = (values.get("instansi") or "").strip() or section["categories"][category]["agency"]
    agency = rules.agencies.key(agency)
    text = (values.get("teks") or "").strip()
    if not text:
        raise RowError("Teks pengaduan kosong.", "teks")
    if len(text) > MAX_TEXT:
        raise RowError(f"Teks pengaduan terlalu panjang ({len(text)} karakter; batasnya {MAX_TEXT}).", "teks")
    details = {}
    for key, column in _DETAILS:
        value = (values.get(key) or "").strip()
        if "\x00" in value or len(value) > 2000:
            raise RowError(f"Isian {key} tidak valid.", key)
        details[column] = value or None
    ticket = (values.get("nomor") or "").strip() or None
    if ticket and not _TICKET.fullmatch(ticket):
        raise RowError(f"Nomor tiket '{ticket[:80]}' tidak valid: hanya huruf, angka, '/', '.', '_' dan '-', "
                       "paling banyak 64 karakter.", "nomor")
    return {
        "ticket": ticket,
        "channel": rules.channels.key(values.get("kanal")),
        **details, "text": text, "category": category, "agency": agency,
        "received": parse_time(values.get("diterima"), "Waktu diterima", now=now, column="diterima"),
    }


def record(store: Store, rules: Rules, c: dict, actor: str) -> str:
    """Add one complaint at the first stage; returns its ticket number."""
    with store.write():
        if c["ticket"] and store.existing([c["ticket"]]):
            raise HumaskitError.single(f"Nomor tiket {c['ticket']} sudah ada; tidak ada yang diubah.", path=store.path)
        numbers = Numbers(rules, store)
        ticket = c["ticket"] or numbers.next(c["received"])
        store.add_many([({**c, "ticket": ticket, "stage": rules.first}, [(rules.first, c["received"], actor, None)])])
        numbers.save()
    return ticket


def move(store: Store, rules: Rules, ticket: str, stage: str, at: str, actor: str, note: str | None) -> dict:
    c = store.complaint(ticket)
    if c is None:
        raise HumaskitError.single(f"Tiket '{ticket}' tidak ada di basis data.", path=store.path)
    rules.check_known(c)
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
    now, seen = current_time(), {}
    line = reader.line_num + 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if len(row) != len(header):
                if any(cell.strip() for cell in row):
                    bad.append(Problem(f"Baris ini berisi {len(row)} kolom, judulnya {len(header)}.", path=path,
                                       line=start))
                continue
            values = dict(zip(header, row))
            try:
                c = complaint(rules, values, now)
                history = _history(rules, c, values, now)
                if c["ticket"] in seen:
                    raise RowError(f"Nomor tiket {c['ticket']} sudah dipakai di baris {seen[c['ticket']]}.")
                if c["ticket"]:
                    seen[c["ticket"]] = start
                good.append((start, c, history))
            except RowError as exc:
                if any(cell.strip() for cell in row):
                    bad.append(Problem(str(exc), path=path, line=start, key=exc.column))
    except csv.Error as exc:
        raise HumaskitError.single(f"CSV rusak: {exc}; tidak ada yang diimpor.", path=path, line=line) from None
    return good, bad


def _history(rules: Rules, c: dict, values: dict, now: str) -> list[tuple]:
    """The stage changes a row records (a time in a stage's column), checked like `tahap`."""
    actor = (values.get("petugas") or "").strip() or "impor"
    history = [(rules.first, c["received"], actor, None)]
    moves = []
    for key, order in rules.later:
        when = values.get(key)
        if when and not when.isspace():
            moves.append((parse_time(when, f"Waktu tahap {key}", now=now, column=key), order, key))
    current, last = rules.first, c["received"]
    for at, _order, key in sorted(moves):
        note = ((values.get("alasan") or "").strip() or None) if rules.by_key[key]["rejection"] else None
        rules.check_move(current, key, note)
        if at < last:
            raise RowError(f"Waktu tahap {key} lebih awal dari waktu diterima.")
        history.append((key, at, actor, note))
        current, last = key, at
    c["stage"] = current
    return history


def import_rows(store: Store, rules: Rules, good: list) -> ImportResult:
    """Every good row in ONE transaction: a killed import leaves nothing half-written. A row whose
    ticket number is already in the database is skipped, so a file can be imported again."""
    result = ImportResult()
    with store.write():
        existing = store.existing(c["ticket"] for _line, c, _history in good if c["ticket"])
        given = {c["ticket"] for _line, c, _history in good if c["ticket"]}
        numbers, rows = Numbers(rules, store), []
        for _line, c, history in good:
            if c["ticket"] in existing:
                result.skipped += 1
                continue
            rows.append(({**c, "ticket": c["ticket"] or numbers.next(c["received"], given)}, history))
        store.add_many(rows)
        numbers.save()
        result.imported = len(rows)
    return result
