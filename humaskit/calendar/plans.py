"""Plan files (one or more per agency) and scheduled drafts, turned into calendar entries.

A plan file is YAML (see docs/calendar.md). Every problem in every file is collected and
reported at once, each with file:line:col and the key at fault; nothing is scheduled
when any input is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from humaskit.calendar.crisis import WINDOWS, Crisis, check_windows
from humaskit.errors import HumaskitError, Problem, did_you_mean
from humaskit.guideline.spec import Context, Day, Field, ListOf, Section, Spec, Str
from humaskit.yaml_located import load_located

PRIORITIES = ("crisis", "urgent", "announcement", "momentum", "routine")
URGENT = ("crisis", "urgent")  # not held back by blackout dates or quotas
# The YAML keeps the English keys; everything a person reads says the Indonesian word.
PRIORITY_LABELS = {"crisis": "krisis", "urgent": "mendesak", "announcement": "pengumuman", "momentum": "momentum",
                   "routine": "rutin"}
PLAN_SUFFIXES = (".yaml", ".yml")
DAY_MINUTES = 24 * 60
_WINDOW = re.compile(r"([01]\d|2[0-3]):([0-5]\d)(?:\s*-\s*([01]\d|2[0-3]):([0-5]\d))?")


@dataclass
class _Window(Spec):
    """``"09:00"`` (exact time) or ``"08:00-12:00"`` (any time in the window, ends included)."""

    type_label: str = "jam HH:MM atau rentang HH:MM-HH:MM"

    def check(self, value, path, ctx):
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value // 60:02d}:{value % 60:02d}"  # YAML 1.1 reads 09:00 as 540
        match = _WINDOW.fullmatch(str(value).strip())
        if not match:
            ctx.error(path, f"jam '{value}' tidak valid; tulis 09:00 atau rentang 08:00-12:00.")
            return None
        start = int(match[1]) * 60 + int(match[2])
        end = int(match[3]) * 60 + int(match[4]) if match[3] else start
        if end < start:
            ctx.error(path, f"rentang jam '{value}' terbalik: jam akhir sebelum jam awal.")
            return None
        return (start, end)


ENTRY = Section(fields={
    "id": Field(Str(pattern=r"[a-z0-9][a-z0-9-]*", pattern_label="huruf kecil, angka dan tanda hubung"),
                "Pengenal tetap entri (bawaan: dari judul). Dipakai untuk UID kalender; jangan diubah."),
    "title": Field(Str(), "Judul unggahan.", required=True),
    "draft": Field(Str(pattern=r"[^\x00]+", pattern_label="nama berkas (tanpa karakter NUL)"),
                   "Berkas draf, relatif terhadap berkas rencana (bila sudah ditulis)."),
    "accounts": Field(ListOf(Str(), unique=True), "Akun bersama pemerintah kota (kunci di pedoman)."),
    "platforms": Field(ListOf(Str(), unique=True), "Platform akun milik perangkat daerah sendiri."),
    "date": Field(Day(), "Tanggal yang diinginkan (YYYY-MM-DD), atau awal rentang."),
    "until": Field(Day(), "Akhir rentang tanggal (YYYY-MM-DD), bila tanggalnya bebas."),
    "time": Field(_Window(), "Jam (09:00) atau rentang jam (08:00-12:00); bawaan: di luar jam tenang."),
    "priority": Field(Str(choices=PRIORITIES), "crisis (krisis; bawaan untuk draf `kind: crisis`), urgent "
                      "(mendesak), announcement (pengumuman), momentum, atau routine (rutin).",
                      default="routine"),
    "campaign": Field(Str(), "Kunci kampanye di pedoman."),
    "momentum": Field(Str(), "Nama hari peringatan yang diisi entri ini."),
})

PLAN = Section(fields={
    "agency": Field(Str(), "Perangkat daerah pemilik rencana (kunci di pedoman).", required=True),
    "entries": Field(ListOf(ENTRY), "Rencana unggahan."),
    "crisis": Field(WINDOWS, "Masa krisis: unggahan rutin dan momentum perangkat daerah terkait ditunda sesudahnya."),
})


@dataclass(frozen=True)
class Entry:
    """One planned post, before scheduling. Times are minutes after local midnight."""

    agency: str
    id: str
    title: str
    priority: str
    accounts: tuple[str, ...]
    platforms: tuple[str, ...]
    first_day: date
    last_day: date
    window: tuple[int, int]
    campaign: str | None = None
    draft: str | None = None
    momentum: str | None = None
    to_write: bool = False
    origin: str = ""  # "plan.yaml:12" or the draft path, for people reading the report
    where: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> str:
        return f"{self.agency}/{self.id}"


def slug(text: str) -> str:
    from humaskit.outdir import slug as name_slug

    return name_slug(text, "entri")


def quiet_minutes(guideline) -> tuple[int, int]:
    quiet = guideline["calendar"]["quiet_hours"]
    return _minutes(quiet["start"]), _minutes(quiet["end"])


def _minutes(clock: str) -> int:
    return int(clock[:2]) * 60 + int(clock[3:])


def in_quiet(minute: int, quiet: tuple[int, int]) -> bool:
    start, end = quiet
    if start == end:
        return False
    return start <= minute or minute < end if start > end else start <= minute < end


def _read_yaml(path: Path, what: str = "Berkas rencana", *, keep_going: bool = False):
    from humaskit.fsutil import read_user_text

    return load_located(read_user_text(path, what=what), str(path), keep_going=keep_going)


def plan_files(plans_dir: Path) -> list[Path]:
    if plans_dir.exists() and not plans_dir.is_dir():
        raise HumaskitError.single("--plans harus berupa folder berisi berkas rencana *.yaml, bukan berkas.",
                                   path=str(plans_dir), key="--plans")
    if not plans_dir.is_dir():
        raise HumaskitError.single("Folder rencana tidak ditemukan; periksa nama folder yang diberikan ke --plans "
                                   "(format berkas rencana: docs/calendar.md).", path=str(plans_dir), key="--plans")
    return sorted(p for p in plans_dir.iterdir()
                  if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES and not p.name.startswith((".", "_")))


def load_entries(guideline, year: int, month: int, plans_dir: Path | None,
                 draft_dirs: list[Path] = ()) -> tuple[list[Entry], list[str], int, list[Crisis]]:
    """Every entry wanted in the month, the drafts to lint, how many entries fall outside the month,
    and the crisis windows the plans declare.

    Raises one HumaskitError listing every problem in every input.
    """
    from calendar import monthrange

    from humaskit.calendar.holidays_src import national_holidays

    first, last = date(year, month, 1), date(year, month, monthrange(year, month)[1])
    occasions = [m["name"] for m in guideline["calendar"]["momentum"]] + sorted(set(national_holidays(year).values()))
    problems: list[Problem] = []
    entries: list[Entry] = []
    linked: set[Path] = set()
    crises: list[Crisis] = []
    outside = 0
    files = plan_files(plans_dir) if plans_dir else []
    shared = (guideline, first, last, occasions)
    for found, skipped, file_problems, file_linked, file_crises in _map_files(files, shared):
        entries.extend(found)
        outside += skipped
        problems.extend(file_problems)
        linked |= file_linked
        crises.extend(file_crises)
    for folder in draft_dirs:
        entries.extend(_draft_entries(folder, guideline, first, last, linked, problems))
    _check_unique(entries, problems)
    if problems:
        raise HumaskitError(problems)
    drafts = sorted({e.draft for e in entries if e.draft})
    return entries, drafts, outside, crises


PARALLEL_FROM = 64  # plan files; below this, starting worker processes costs more than it saves
_SHARED: tuple = ()


def _map_files(files: list[Path], shared: tuple):
    """Parse and validate plan files, on every core when there are many (YAML with positions is
    the slow part). Results come back in file order, so the outcome does not depend on it."""
    from humaskit.workers import fork_map

    return fork_map(_one_file, files, init=_init, initargs=(shared,), min_per_worker=PARALLEL_FROM // 2)


def _init(shared: tuple) -> None:
    global _SHARED
    _SHARED = shared


def _one_file(path: Path):
    guideline, first, last, occasions = _SHARED
    problems: list[Problem] = []
    linked: set[Path] = set()
    try:
        located = _read_yaml(path, keep_going=True)
    except HumaskitError as exc:
        return [], 0, exc.problems, linked, []
    crises: list[Crisis] = []
    found, skipped = _plan_entries(located, path, guideline, first, last, problems, linked, occasions, crises)
    return found, skipped, problems, linked, crises


def _plan_entries(located, path: Path, guideline, first: date, last: date, problems: list, linked: set,
                  occasions: list[str], crises: list):
    """Every problem of the file at once: values YAML could not read, the schema, then each entry's
    references and times (skipping only the checks that need a value already reported as wrong)."""
    ctx = Context()
    plan = PLAN.check(located.value, (), ctx)
    ctx.issues = [i for i in ctx.issues if i.path not in located.failed]  # said once, by the YAML reader
    failed = {i.path for i in ctx.issues} | located.failed
    agency = plan["agency"]
    if problem := guideline.unknown("agency", agency):
        ctx.error(("agency",), *problem)
        agency = None
    if ("crisis",) not in failed:
        crises.extend(check_windows(plan["crisis"], ("crisis",), guideline, ctx))
    found, skipped = [], 0
    for i, raw in enumerate(plan["entries"]):
        at = ("entries", i)
        if raw is None or at in failed:
            continue
        bad = {p[len(at)] for p in failed if len(p) > len(at) and p[:len(at)] == at}
        entry = _entry(raw, at, bad, agency, path, located, guideline, ctx, linked, occasions)
        if entry is None or ctx.issues or not agency:
            continue
        if entry.last_day < first or entry.first_day > last:
            skipped += 1
            continue
        found.append(_clip(entry, first, last))
    found_problems = located.problems + [Problem(i.message, hint=i.hint, **located.where(i.path)) for i in ctx.issues]
    problems.extend(sorted(found_problems, key=lambda p: (p.line or 0, p.column or 0)))
    if found_problems:
        crises.clear()
        return [], 0
    return found, skipped


def _clip(entry: Entry, first: date, last: date) -> Entry:
    from dataclasses import replace

    if first <= entry.first_day and entry.last_day <= last:
        return entry
    return replace(entry, first_day=max(entry.first_day, first), last_day=min(entry.last_day, last))


def _entry(raw: dict, at: tuple, bad: set, agency: str | None, path: Path, located, guideline, ctx: Context,
           linked: set, occasions: list[str]) -> Entry | None:
    """The entry, or None when something in it is wrong (reported in ``ctx``); ``bad``: its keys
    whose values already failed, so no check builds on them."""
    from humaskit.draft import load_draft

    before = len(ctx.issues)
    draft = None
    draft_path = None
    if raw["draft"] and "draft" not in bad:
        draft_path = (path.parent / raw["draft"])
        try:
            draft = load_draft(draft_path, guideline=guideline)
        except HumaskitError as exc:
            for problem in exc.problems:
                ctx.error(at + ("draft",), f"draf '{raw['draft']}' tidak dapat dipakai: {problem.render()}")
            draft_path = None
        else:
            linked.add(draft_path.resolve())
        if draft is not None and draft.agency and agency and draft.agency != agency:
            ctx.error(at + ("draft",), f"draf '{raw['draft']}' milik '{draft.agency}', bukan '{agency}'.")
    calendar = guideline["calendar"]
    accounts = tuple(a for a in raw["accounts"] or () if a is not None)
    platforms = tuple(p for p in raw["platforms"] or () if p is not None)
    if not accounts and not platforms and draft is not None:
        platforms = draft.platforms
    for i, key in enumerate(accounts):
        account = calendar["shared_accounts"].get(key)
        if problem := guideline.unknown("shared_account", key):
            ctx.error(at + ("accounts", i), *problem)
        elif account and agency and account["agencies"] and agency not in account["agencies"]:
            ctx.error(at + ("accounts", i), f"'{agency}' tidak boleh memakai akun bersama '{key}' "
                      f"(hanya: {', '.join(account['agencies'])}).")
    for i, name in enumerate(platforms):
        if problem := guideline.unknown("platform", name):
            ctx.error(at + ("platforms", i), *problem)
    if not accounts and not platforms and not bad & {"accounts", "platforms", "draft"}:
        ctx.error(at, "entri harus punya 'accounts' (akun bersama) atau 'platforms' (akun sendiri).")
    if problem := guideline.unknown("campaign", raw["campaign"]):
        ctx.error(at + ("campaign",), *problem)
    if raw["momentum"] and raw["momentum"] not in occasions:
        ctx.error(at + ("momentum",), f"'{raw['momentum']}' bukan hari peringatan di pedoman atau libur nasional.",
                  did_you_mean(raw["momentum"], occasions))

    if bad & {"date", "until"}:
        return None
    window = raw["time"]
    publish = draft.publish if draft is not None else None
    if raw["date"]:
        first_day = date.fromisoformat(raw["date"])
    elif publish:
        first_day = publish.date()
        window = window or (publish.hour * 60 + publish.minute,) * 2
    elif "draft" in bad or (raw["draft"] and draft is None):
        return None  # the draft's own problem is reported
    else:
        ctx.error(at, "entri harus punya 'date' (atau draf dengan 'publish').")
        return None
    last_day = date.fromisoformat(raw["until"]) if raw["until"] else first_day
    if last_day < first_day:
        ctx.error(at + ("until",), f"'until' ({last_day}) sebelum 'date' ({first_day}).")
    quiet = quiet_minutes(guideline)
    if "time" in bad:
        return None
    window = window or _default_window(quiet)
    _check_window(window, accounts, platforms, at, calendar, quiet, ctx)
    if bad or len(ctx.issues) > before:
        return None
    line = located.where(at)["line"]
    return Entry(
        agency=agency, id=raw["id"] or slug(raw["title"]), title=raw["title"],
        priority="crisis" if draft is not None and draft.kind == "crisis" else raw["priority"],
        accounts=accounts, platforms=platforms, first_day=first_day, last_day=last_day, window=window,
        campaign=raw["campaign"] or (draft.campaign if draft else None),
        draft=str(draft_path) if draft_path else None, momentum=raw["momentum"],
        to_write=draft is None, origin=f"{path}:{line}", where=located.where(at + ("title",)),
    )


def _default_window(quiet: tuple[int, int]) -> tuple[int, int]:
    start, end = quiet
    if start == end:
        return (0, DAY_MINUTES - 1)
    if start > end:  # quiet over midnight, e.g. 21:00-06:00: post between 06:00 and 20:59
        return (end, start - 1)
    return (0, DAY_MINUTES - 1)


def _check_window(window, accounts, platforms, at, calendar, quiet, ctx) -> None:
    """A time that no slot can ever satisfy is an input error, not a scheduling conflict."""
    start, end = window
    shown = _clock(start) if start == end else f"{_clock(start)}-{_clock(end)}"
    for i, key in enumerate(accounts):
        account = calendar["shared_accounts"].get(key)
        if account is None:
            continue
        slots = [s for s in account["slots"] if start <= _minutes(s) <= end and not in_quiet(_minutes(s), quiet)]
        if not slots:
            ctx.error(at + ("time",), f"jam {shown} tidak mengenai satu pun slot akun '{key}' "
                      f"({', '.join(account['slots'])}) di luar jam tenang.")
    if platforms and all(in_quiet(m, quiet) for m in range(start, end + 1)):
        ctx.error(at + ("time",), f"jam {shown} seluruhnya berada di jam tenang "
                  f"({calendar['quiet_hours']['start']}-{calendar['quiet_hours']['end']}).")


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _draft_entries(folder: Path, guideline, first: date, last: date, linked: set, problems: list):
    """Drafts with a ``publish`` time in the month that no plan entry links count as entries too."""
    from humaskit.draft import parse_draft, read_text
    from humaskit.lint.discovery import expand_paths

    files, missing = expand_paths([str(folder)])
    problems.extend(missing)
    quiet = quiet_minutes(guideline)
    out = []
    for name in files:
        if Path(name).resolve() in linked:
            continue
        try:
            draft = parse_draft(read_text(name), name, guideline=guideline)
        except HumaskitError as exc:
            problems.extend(exc.problems)
            continue
        publish: datetime | None = draft.publish
        if publish is None or not first <= publish.date() <= last:
            continue
        minute = publish.hour * 60 + publish.minute
        at = {"path": name, "key": "publish"}
        if not draft.agency:
            problems.append(Problem("draf terjadwal harus punya 'agency' (pedoman tidak punya defaults.agency).",
                                    path=name, line=1, key="agency"))
            continue
        if in_quiet(minute, quiet):
            problems.append(Problem(f"waktu tayang {_clock(minute)} berada di jam tenang.",
                                    line=draft.text.count("\n", 0, draft.key_offset("publish")) + 1, **at))
            continue
        out.append(Entry(
            agency=draft.agency, id="draf-" + slug(Path(name).stem), title=draft.title or Path(name).stem,
            priority="crisis" if draft.kind == "crisis" else "routine", accounts=(), platforms=draft.platforms, first_day=publish.date(),
            last_day=publish.date(), window=(minute, minute), campaign=draft.campaign, draft=name,
            origin=name, where=at,
        ))
    return out


def _check_unique(entries: list[Entry], problems: list) -> None:
    seen: dict[str, Entry] = {}
    for entry in entries:
        other = seen.setdefault(entry.key, entry)
        if other is not entry:
            problems.append(Problem(f"id entri '{entry.id}' sudah dipakai di {other.origin}; id harus unik per "
                                    "perangkat daerah karena menjadi UID kalender.", **entry.where))
