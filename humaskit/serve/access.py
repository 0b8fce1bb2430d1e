"""What every page of the desk shares: which roles open which page, the signed-in user's
agencies, the guideline and the database connection of the request being served."""

from __future__ import annotations

import secrets
from functools import wraps

from flask import abort, g, redirect, request, session, url_for

from humaskit.serve.desk import ROLES, Desk

_PAGES = ("periksa", "kalender", "aduan", "grafis", "pedoman")


# Which roles open which page; the data each page shows is narrowed further by agency.
ACCESS = {
    "periksa": ("staf", "desainer", "koordinator"),
    "kalender": ("staf", "desainer", "koordinator"),
    "aduan": ("staf", "koordinator"),
    "grafis": ("desainer", "koordinator"),
    "pedoman": ("staf", "desainer", "koordinator"),
    "akun": ("staf", "desainer", "koordinator"),  # one's own password, not in the menu
}


NAV = {"periksa": "Periksa draf", "kalender": "Kalender", "aduan": "Aduan", "grafis": "Buat grafis",
       "pedoman": "Pedoman"}


def state() -> dict:
    from flask import current_app

    return current_app.extensions["humaskit"]


def guideline():
    return state()["guideline"]


def desk() -> Desk:
    """This thread's connection to the database (waitress serves each request on a pool thread)."""
    local = state()["local"]
    if getattr(local, "desk", None) is None:
        local.desk = Desk(state()["folder"], clock=state()["clock"])
    return local.desk


def per_thread(key: str, factory):
    """Something costly to build and not safe to share across threads (a Linter), one per thread."""
    local = state()["local"]
    cache = local.__dict__.setdefault("cache", {})
    if key not in cache:
        cache[key] = factory()
    return cache[key]


def csrf_token() -> str:
    user = g.get("user")
    if user:
        return user["csrf"]
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def nav() -> list[tuple[str, str]]:
    user = g.get("user")
    if not user:
        return []
    return [(page, NAV[page]) for page in _PAGES if user["role"] in ACCESS[page]]


def allowed(page: str):
    """Decorator: the page needs a signed-in user whose role may open it."""
    def wrap(view):
        @wraps(view)
        def inner(*args, **kwargs):
            user = g.get("user")
            if not user:
                if request.path.startswith("/api/"):
                    abort(403, "Sesi berakhir; masuk lagi.")
                return redirect(url_for("login", lanjut=request.path))
            if user["role"] not in ACCESS[page]:
                abort(403, f"Peran {ROLES[user['role']]} tidak dapat membuka halaman {NAV[page]}.")
            return view(*args, **kwargs)
        return inner
    return wrap


def own_agency(agency: str) -> None:
    """Staff see and change only their own agency's items."""
    user = g.user
    if user["role"] == "staf" and agency != user["agency"]:
        abort(403, "Ini milik perangkat daerah lain; akun Anda hanya melihat perangkat daerah "
                   f"{guideline().agencies[user['agency']]['name']}.")


def agencies_for_user() -> dict:
    """The agencies the user may choose: staff only their own."""
    known = guideline().agencies
    if g.user["role"] == "staf":
        return {g.user["agency"]: known[g.user["agency"]]}
    return dict(known)
