"""Kalender: staff propose posts, the coordinator approves them or sends them back with a note,
and the month is built from the approved ones by the calendar library (same rules, same overview
and .ics as `humaskit calendar build`), in memory: nothing is written but the database.

Proposals are private to their agency; the approved month is the city's shared schedule and
every role may read it, as every agency subscribes to the CLI's kalender.ics."""

from __future__ import annotations

import hmac
import json
import re
from datetime import date, datetime, timedelta, timezone

from flask import Blueprint, Response, abort, current_app, g, redirect, render_template, request, url_for

from humaskit.errors import HumaskitError
from humaskit.serve.access import agencies_for_user, allowed, desk, guideline
from humaskit.serve.periksa import MAX_CAPTION, check

pages = Blueprint("kalender", __name__)
STATUS = {"diajukan": "menunggu persetujuan", "disetujui": "disetujui", "dikembalikan": "dikembalikan"}
SHARED_WINDOW = 120  # minutes after the preferred time in which a shared account's slot may be given
_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


def _month(text: str | None) -> str:
    from humaskit.calendar.api import parse_month

    text = text or date.today().strftime("%Y-%m")
    try:
        year, month = parse_month(text)
    except HumaskitError as exc:
        abort(400, exc.problems[0].message)
    return f"{year:04d}-{month:02d}"


def channels(agency: str | None) -> dict[str, str]:
    """Where a post may go: a shared account the agency may use, or one of its own platforms."""
    g_ = guideline()
    out = {f"akun:{k}": a["label"] for k, a in g_["calendar"]["shared_accounts"].items()
           if not agency or not a["agencies"] or agency in a["agencies"]}
    out.update({f"platform:{k}": f"akun sendiri: {p['label']}" for k, p in g_.platforms.items()})
    return out


def _entry(row: dict):
    from humaskit.calendar.plans import Entry

    kind, key = row["channel"].split(":", 1)
    minute = row["minute"]
    window = (minute, min(minute + SHARED_WINDOW, 24 * 60 - 1)) if kind == "akun" else (minute, minute)
    day = date.fromisoformat(row["day"])
    return Entry(agency=row["agency"], id=f"usulan-{row['id']}", title=row["title"], priority="routine",
                 accounts=(key,) if kind == "akun" else (), platforms=(key,) if kind == "platform" else (),
                 first_day=day, last_day=day, window=window, draft=f"usulan-{row['id']}",
                 origin=f"usulan #{row['id']} ({row['author']})")


def build_month(month: str):
    """The month's CalendarResult from the approved proposals, each marked with its lint result."""
    from humaskit.calendar import api

    rows = desk().rows("SELECT * FROM desk_proposals WHERE status = 'disetujui' AND day LIKE ? ORDER BY id",
                       (f"{month}-%",))
    result = api.build_calendar(guideline(), month, None, entries=[_entry(r) for r in rows], lint=False)
    result.drafts = {f"usulan-{r['id']}": api.DraftStatus(f"usulan-{r['id']}", r["errors"], r["warnings"])
                     for r in rows}
    api.attach_events(result)  # events again, now that the drafts' states are known
    return result


def _proposals(month: str) -> list[dict]:
    sql = "SELECT * FROM desk_proposals WHERE day LIKE ?"
    args: tuple = (f"{month}-%",)
    if g.user["role"] == "staf":
        sql += " AND agency = ?"
        args += (g.user["agency"],)
    elif g.user["role"] == "desainer":
        sql += " AND status = 'disetujui'"
    return desk().rows(sql + " ORDER BY day, minute, id", args)


@pages.route("/kalender", methods=["GET"])
@allowed("kalender")
def page(errors=(), values=None, status=200):
    from humaskit.calendar.api import describe_unplaced

    month = _month(request.values.get("bulan"))
    result = build_month(month)
    agency = g.user["agency"]
    if values is None and request.args.get("ubah", "").isdigit():  # a proposal sent back, to revise
        row = _returned(int(request.args["ubah"]))
        clock = f"{row['minute'] // 60:02d}:{row['minute'] % 60:02d}"
        values = {"ganti": row["id"], "instansi": row["agency"], "judul": row["title"], "teks": row["caption"],
                  "kanal": row["channel"], "tanggal": row["day"], "jam": clock}
    return render_template("kalender.html", month=month, proposals=_proposals(month), status_words=STATUS,
                           channels=channels(agency), all_channels=channels(None), agencies=agencies_for_user(),
                           unplaced=describe_unplaced(result), placed=len(result.schedule.placements),
                           feeds=feed_urls(agencies_for_user()),
                           errors=errors, values=values or {}), status


def _validate(form) -> dict:
    from humaskit.calendar.plans import in_quiet, quiet_minutes

    agency = g.user["agency"] or form.get("instansi", "")
    if agency not in agencies_for_user():
        abort(403, "Usulan hanya untuk perangkat daerah akun Anda.")
    title = form.get("judul", "").strip()
    caption = form.get("teks", "").strip()
    channel = form.get("kanal", "")
    problems = []
    if not title or len(title) > 200:
        problems.append("Judul wajib diisi (paling panjang 200 karakter).")
    if not caption or len(caption) > MAX_CAPTION:
        problems.append("Takarir wajib diisi.")
    if channel not in channels(agency):
        problems.append("Pilih akun atau platform tujuan yang boleh dipakai perangkat daerah ini.")
    from humaskit.calendar.api import MONTH_YEARS

    try:
        day = date.fromisoformat(form.get("tanggal", ""))
    except ValueError:
        day = None
    if day is None or not MONTH_YEARS[0] <= day.year <= MONTH_YEARS[1]:
        problems.append("Tanggal tidak valid; tulis seperti 2026-12-03.")
    clock = _TIME.fullmatch(form.get("jam", ""))
    if not clock:
        problems.append("Jam tidak valid; tulis seperti 09:00.")
    minute = int(clock[1]) * 60 + int(clock[2]) if clock else 0
    g_ = guideline()
    if clock and channel.startswith("akun:") and channel in channels(agency):
        account = g_["calendar"]["shared_accounts"][channel[5:]]
        slots = [int(s[:2]) * 60 + int(s[3:]) for s in account["slots"]]
        if not any(minute <= s <= minute + SHARED_WINDOW for s in slots):
            problems.append(f"Tidak ada slot {account['label']} dalam {SHARED_WINDOW} menit sejak {clock[0]} "
                            f"(slot: {', '.join(account['slots'])}).")
    elif clock and in_quiet(minute, quiet_minutes(g_)):
        quiet = g_["calendar"]["quiet_hours"]
        problems.append(f"Jam {clock[0]} berada di jam tenang ({quiet['start']}-{quiet['end']}).")
    if problems:
        raise _Invalid(problems)
    return {"agency": agency, "title": title, "caption": caption, "channel": channel, "day": day.isoformat(),
            "minute": minute}


class _Invalid(Exception):
    pass


def _returned(number: int) -> dict:
    """A proposal sent back, which only its own agency may revise and send again."""
    found = desk().rows("SELECT * FROM desk_proposals WHERE id = ?", (number,))
    if not found:
        abort(404, f"Usulan #{number} tidak ada.")
    if g.user["role"] == "staf" and found[0]["agency"] != g.user["agency"]:
        abort(403, "Usulan ini milik perangkat daerah lain.")
    if found[0]["status"] != "dikembalikan":
        abort(400, f"Usulan #{number} tidak sedang dikembalikan, jadi tidak dapat diubah.")
    return found[0]


@pages.route("/kalender/usul", methods=["POST"])
@allowed("kalender")
def propose():
    if g.user["role"] == "desainer":
        abort(403, "Desainer dapat melihat kalender, tetapi tidak mengusulkan unggahan.")
    try:
        values = _validate(request.form)
    except _Invalid as exc:
        return page(errors=exc.args[0], values=request.form, status=400)
    kind, key = values["channel"].split(":", 1)
    lint = check(values["caption"], values["agency"], [key] if kind == "platform" else
                 list(guideline()["calendar"]["shared_accounts"][key]["platforms"]), "post")
    if lint["problems"] and not lint["findings"]:
        return page(errors=lint["problems"], values=request.form, status=400)
    errors = sum(1 for f in lint["findings"] if f["severity"] == "error")
    warnings = sum(1 for f in lint["findings"] if f["severity"] == "warning")
    d = desk()
    row = {**values, "errors": errors, "warnings": warnings, "author": g.user["name"],
           "created": datetime.now().isoformat(timespec="seconds")}
    revised = request.form.get("ganti", "")
    with d.store.write():
        if revised.isdigit() and _returned(int(revised))["agency"] == values["agency"]:
            d.db.execute("UPDATE desk_proposals SET title = :title, caption = :caption, channel = :channel, "
                         "day = :day, minute = :minute, status = 'diajukan', errors = :errors, warnings = :warnings, "
                         "author = :author, created = :created WHERE id = :id", {**row, "id": int(revised)})
        elif revised:
            abort(400, "Usulan yang diubah harus tetap milik perangkat daerah yang sama.")
        else:
            d.db.execute("INSERT INTO desk_proposals(agency, title, caption, channel, day, minute, status, errors, "
                         "warnings, author, created) VALUES (:agency, :title, :caption, :channel, :day, :minute, "
                         "'diajukan', :errors, :warnings, :author, :created)", row)
    return redirect(url_for("kalender.page", bulan=values["day"][:7]))


@pages.route("/kalender/usul/<int:number>", methods=["POST"])
@allowed("kalender")
def decide(number: int):
    if g.user["role"] != "koordinator":
        abort(403, "Hanya koordinator yang menyetujui atau mengembalikan usulan.")
    found = desk().rows("SELECT * FROM desk_proposals WHERE id = ?", (number,))
    if not found:
        abort(404, f"Usulan #{number} tidak ada.")
    row = found[0]
    action, note = request.form.get("aksi"), request.form.get("catatan", "").strip()[:2000]
    if action not in ("setujui", "kembalikan"):
        abort(400, "Pilih setujui atau kembalikan.")
    if action == "kembalikan" and not note:
        abort(400, "Usulan yang dikembalikan perlu catatan alasannya.")
    d = desk()
    with d.store.write():
        d.db.execute("UPDATE desk_proposals SET status = ?, note = ? WHERE id = ?",
                     ("disetujui" if action == "setujui" else "dikembalikan", note or None, number))
    return redirect(url_for("kalender.page", bulan=row["day"][:7]))


@pages.route("/kalender/<month>/bulan.html")
@allowed("kalender")
def overview(month: str):
    from humaskit.calendar.overview import html_bytes

    response = Response(html_bytes(build_month(_month(month))), mimetype="text/html")
    # the overview is the CLI's stand-alone page, with its own <style> and inline colours
    response.headers["Content-Security-Policy"] = ("default-src 'none'; style-src 'unsafe-inline'; "
                                                   "frame-ancestors 'self'")
    return response


def _month_files(month: str, now: datetime, later: dict | None = None) -> dict[str, bytes]:
    """Every output of the month in memory; SEQUENCE and DTSTAMP are kept in the database between
    builds, as the CLI keeps them beside its outputs, so subscribed calendars update events."""
    from humaskit.calendar.api import render_outputs, state_name

    result = build_month(month)
    d = desk()
    row = d.db.execute("SELECT state FROM desk_calendar_state WHERE month = ?", (month,)).fetchone()
    files = render_outputs(result, json.loads(row[0]) if row else {}, now, later)
    state = json.loads(files[state_name(result)])["events"]
    with d.store.write():
        d.db.execute("INSERT INTO desk_calendar_state(month, state) VALUES (?, ?) ON CONFLICT(month) DO UPDATE "
                     "SET state = excluded.state", (month, json.dumps(state, sort_keys=True)))
    return files


def _agency_arg(value: str | None) -> str | None:
    if value is not None and value not in guideline().agencies:
        abort(404, f"Perangkat daerah '{value}' tidak ada di pedoman.")
    return value


@pages.route("/kalender/<month>.ics")
@allowed("kalender")
def ics(month: str):
    """The month's .ics: the city's, or ?instansi= one agency's."""
    from humaskit.calendar.api import FEED

    month = _month(month)
    agency = _agency_arg(request.args.get("instansi") or None)
    name = f"{FEED}-{month}" + (f"-{agency}" if agency else "") + ".ics"
    return Response(_month_files(month, datetime.now(timezone.utc))[name], mimetype="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def feed_token(agency: str | None) -> str:
    """The key in a subscription address: calendar apps cannot log in, so the address is the secret
    (derived from the desk's signing key; a new data folder gives new addresses)."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"langganan:{agency or ''}".encode(), "sha256").hexdigest()[:32]


def feed_urls(agencies) -> list[tuple[str, str]]:
    urls = [("kota", url_for("kalender.subscription", token=feed_token(None), name=FEED_NAME, _external=True))]
    return urls + [(key, url_for("kalender.subscription", token=feed_token(key), name=f"{FEED_NAME}-{key}",
                                 _external=True)) for key in agencies]


FEED_NAME = "kalender"
FEED_MONTHS = 12  # later months a subscription carries, at most


@pages.route("/langganan/<token>/<name>.ics")
def subscription(token: str, name: str):
    """The subscription feed (this month and every later month with approved posts), as the CLI's
    kalender.ics: refresh hints, one stable UID per event."""
    from humaskit.calendar.ics import event_blocks

    agency = None if name == FEED_NAME else _agency_arg(name.removeprefix(f"{FEED_NAME}-"))
    if name != FEED_NAME and not name.startswith(f"{FEED_NAME}-") or not hmac.compare_digest(token, feed_token(agency)):
        abort(404)
    from humaskit.calendar.ics import ZONES

    now = datetime.now(timezone.utc)
    offset = timedelta(hours=ZONES[guideline()["timezone"]][0])
    current = now.astimezone(timezone(offset)).strftime("%Y-%m")  # the month in the city, as the CLI reckons it
    months = [r[0] for r in desk().db.execute(
        "SELECT DISTINCT substr(day, 1, 7) AS m FROM desk_proposals WHERE status = 'disetujui' AND m > ? "
        "ORDER BY m LIMIT ?", (current, FEED_MONTHS))]
    later = {}
    for label in months:
        files = _month_files(label, now)
        later[label] = {key: event_blocks(files[f"{FEED_NAME}-{label}" + (f"-{key}" if key else "") + ".ics"])
                        for key in [None, *guideline().agencies]}
    body = _month_files(current, now, later)[f"{name}.ics"]
    return Response(body, mimetype="text/calendar")
