"""Aduan: the complaint log of `humaskit aduan` (record, list, stages), through humaskit.aduan.api.
Staff see and move only their agency's complaints; the coordinator sees every one."""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, Response, abort, g, redirect, render_template, request, url_for

from humaskit.errors import HumaskitError
from humaskit.serve.access import agencies_for_user, allowed, desk, guideline, own_agency

pages = Blueprint("aduan", __name__)
LIST_LIMIT = 200
_FIELDS = ("kanal", "kategori", "teks", "diterima", "tautan", "akun", "nama", "kontak", "instansi")


def _rules():
    from humaskit.aduan.api import Rules

    return Rules(guideline())


def _now() -> str:
    return datetime.now().strftime("%Y-%m-%dT%H:%M")


def _complaints(agency: str | None, stage: str | None) -> list[dict]:
    where, args = [], []
    if agency:
        where.append("agency = ?")
        args.append(agency)
    if stage:
        where.append("stage = ?")
        args.append(stage)
    sql = ("SELECT ticket, channel, category, agency, received, stage, text FROM complaints"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY received DESC, id DESC LIMIT ?")
    return desk().rows(sql, (*args, LIST_LIMIT))


@pages.route("/aduan", methods=["GET", "POST"])
@allowed("aduan")
def page():
    from humaskit.aduan.api import RowError, complaint, record

    rules = _rules()
    errors, values = [], {"diterima": _now()}
    if request.method == "POST":
        values = {k: request.form.get(k, "")[:12_000] for k in _FIELDS}
        if g.user["role"] == "staf":
            values["instansi"] = g.user["agency"]  # staff record for their own agency
        try:
            c = complaint(rules, values)
        except RowError as exc:
            errors = [str(exc)]
        else:
            if c["agency"] not in agencies_for_user():
                abort(403)
            ticket = record(desk().store, rules, {**c, "ticket": None}, g.user["name"])
            return redirect(url_for("aduan.detail", ticket=ticket))
    agency = g.user["agency"] if g.user["role"] == "staf" else (request.args.get("instansi") or None)
    stage = request.args.get("tahap") or None
    return render_template("aduan.html", rules=rules, complaints=_complaints(agency, stage), values=values,
                           errors=errors, agencies=agencies_for_user(), stage=stage, agency=agency,
                           limit=LIST_LIMIT), 400 if errors else 200


def _own(ticket: str) -> dict:
    c = desk().store.complaint(ticket)
    if c is None:
        abort(404, f"Tiket '{ticket}' tidak ada di basis data.")
    own_agency(c["agency"])
    return c


@pages.route("/aduan/<ticket>", methods=["GET"])
@allowed("aduan")
def detail(ticket: str):
    c = _own(ticket)
    return render_template("aduan_detail.html", c=c, rules=_rules(), now=_now(), errors=[])


@pages.route("/aduan/<ticket>/jawaban", methods=["POST"])
@allowed("aduan")
def reply(ticket: str):
    """A reply drafted from the guideline's template for the complaint's stage, linted as a reply
    (`humaskit aduan balas`); the draft opens in Periksa draf for editing."""
    from humaskit.aduan.reply import draft_text
    from humaskit.serve.periksa import check

    c = _own(ticket)
    rules = _rules()
    try:
        text = draft_text(rules, c)
    except HumaskitError as exc:
        return render_template("aduan_detail.html", c=c, rules=rules, now=_now(),
                               errors=[p.message for p in exc.problems]), 400
    platform = rules.section["channels"][c["channel"]]["platform"]
    result = check(text, c["agency"], [platform] if platform else [], "reply")
    return render_template("aduan_detail.html", c=c, rules=rules, now=_now(), errors=[], reply=text,
                           result=result, platform=platform)


@pages.route("/aduan/laporan")
@allowed("aduan")
def report():
    """The month's figures across every agency (`humaskit aduan laporan`), for the coordinator;
    ?publik=1 gives the public report (tickets without personal data)."""
    from humaskit.aduan import report as monthly

    if g.user["role"] != "koordinator":
        abort(403, "Laporan bulanan mencakup semua perangkat daerah; hanya koordinator yang membukanya.")
    month = request.args.get("bulan") or datetime.now().strftime("%Y-%m")
    public = request.args.get("publik") == "1"
    try:
        monthly.month_bounds(month)
    except HumaskitError as exc:
        abort(400, exc.problems[0].message)
    rules = _rules()
    result = monthly.build(desk().store, rules, month, public=public)
    if request.args.get("format") == "csv":
        name = f"aduan-{'publik-' if public else ''}{result.month}.csv"
        return Response(monthly.csv_bytes(rules, result, public=public), mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    response = Response(monthly.html_bytes(rules, result, public=public), mimetype="text/html")
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return response


@pages.route("/aduan/<ticket>/tahap", methods=["POST"])
@allowed("aduan")
def move(ticket: str):
    from humaskit.aduan.api import RowError, move as move_stage, parse_time

    c = _own(ticket)
    rules = _rules()
    note = request.form.get("catatan", "").strip()[:2000] or None
    try:
        at = parse_time(request.form.get("waktu", ""), "Waktu")
        move_stage(desk().store, rules, ticket, request.form.get("tahap", ""), at, g.user["name"], note)
    except RowError as exc:
        return render_template("aduan_detail.html", c=c, rules=rules, now=_now(), errors=[str(exc)]), 400
    except HumaskitError as exc:
        return render_template("aduan_detail.html", c=c, rules=rules, now=_now(),
                               errors=[p.message for p in exc.problems]), 400
    return redirect(url_for("aduan.detail", ticket=ticket))
