"""The desk's own tables (accounts, sessions, rate-limit events, calendar proposals), kept in the
complaint database so the office has one file to back up.

The file is opened through :class:`humaskit.aduan.store.Store`, which checks it is ours, puts it
in WAL mode and runs the complaint migrations; the desk's tables have their own version row in
``desk_schema`` so the two sets of migrations never have to be numbered together.
Standard library only: the CLI's `serve akun` commands use this module without the web stack.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from collections import deque
from datetime import datetime
from pathlib import Path

from humaskit.aduan.store import Store, split_script
from humaskit.errors import HumaskitError, did_you_mean

DB_NAME = "humaskit.db"
ROLES = {"staf": "staf perangkat daerah", "desainer": "desainer", "koordinator": "koordinator"}
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")
MIN_PASSWORD = 10
SESSION_SECONDS = 12 * 3600
# The one rate limiter: events counted by key ("kind:value") in a sliding window per kind,
# (events allowed, window in seconds).
LIMITS = {
    "n": (5, 15 * 60),    # failed log-ins (or wrong old passwords) per account name
    "a": (20, 15 * 60),   # failed log-ins per client address
    "p": (300, 60),       # as-you-type checks per session: typing, debounced at 250 ms, sends at most 240
}
LONGEST_WINDOW = max(window for _, window in LIMITS.values())
# scrypt at n=2^14, r=8: 16 MiB and ~50 ms per check, the cost OWASP lists for scrypt.
SCRYPT = {"n": 2**14, "r": 8, "p": 1}

DESK_MIGRATIONS = (
    """
    CREATE TABLE desk_users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        agency TEXT,
        password TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE TABLE desk_sessions (
        token TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES desk_users(id),
        csrf TEXT NOT NULL,
        expires REAL NOT NULL
    );
    CREATE TABLE desk_logins (key TEXT NOT NULL, at REAL NOT NULL);
    CREATE INDEX desk_logins_key ON desk_logins(key, at);
    CREATE TABLE desk_proposals (
        id INTEGER PRIMARY KEY,
        agency TEXT NOT NULL,
        title TEXT NOT NULL,
        caption TEXT NOT NULL,
        channel TEXT NOT NULL,
        day TEXT NOT NULL,
        minute INTEGER NOT NULL,
        status TEXT NOT NULL,
        note TEXT,
        errors INTEGER NOT NULL,
        warnings INTEGER NOT NULL,
        author TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE TABLE desk_calendar_state (month TEXT PRIMARY KEY, state TEXT NOT NULL);
    CREATE TABLE desk_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # the log-in table became the rate limiter's, shared by every kind in LIMITS
    """
    DROP INDEX desk_logins_key;
    ALTER TABLE desk_logins RENAME TO desk_events;
    CREATE INDEX desk_events_key ON desk_events(key, at);
    """,
)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        fresh = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                               dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(fresh.hex(), digest)


def _limit(key: str) -> tuple[int, float]:
    return LIMITS[key.split(":", 1)[0]]


class PaceLimit:
    """The as-you-type limit ("p" in :data:`LIMITS`) for the whole server (every thread), as
    sliding windows of event times in memory. Checked on every keystroke, it must not wait for a
    database write (the log-in limits do write: they must hold across restarts), and forgetting
    it on a restart gives nobody an advantage."""

    def __init__(self, clock=time.time) -> None:
        self.clock = clock
        self.lock = threading.Lock()
        self.events: dict[str, deque] = {}

    def spend(self, key: str) -> bool:
        """Count one event under ``key`` unless its limit is reached; False when it is."""
        allowed, window = _limit(key)
        now = self.clock()
        with self.lock:
            times = self.events.setdefault(key, deque())
            while times and times[0] <= now - window:
                times.popleft()
            if len(times) >= allowed:
                return False
            times.append(now)
            if len(self.events) > 4096:  # forget the sessions that stopped typing
                self.events = {k: t for k, t in self.events.items() if t and t[-1] > now - window}
        return True


def _check_length(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise HumaskitError.single(f"Kata sandi terlalu pendek: paling sedikit {MIN_PASSWORD} karakter.")


_DUMMY = hash_password(secrets.token_hex(8))  # checked for unknown names, so they take as long


def _token_key(token: str) -> str:
    """Sessions are stored by the hash of their token: a copy of the database opens no session."""
    return hashlib.sha256(token.encode()).hexdigest()


class Desk:
    """The data folder's database, opened for the desk."""

    def __init__(self, data_dir: str | Path, *, create: bool = False, clock=time.time) -> None:
        folder = Path(data_dir)
        if create:
            try:
                # only the desk's own user reads password hashes and complaints' personal data
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as exc:
                from humaskit.errors import os_reason

                raise HumaskitError.single(f"Folder data tidak dapat dibuat: {os_reason(exc)}.",
                                           path=str(folder)) from None
        elif not folder.is_dir():
            raise HumaskitError.single("Folder data belum ada; buat akun pertama dengan 'humaskit serve akun "
                                       "tambah'.", path=str(folder))
        self.folder = folder
        self.store = Store(folder / DB_NAME, create=True)
        self.db = self.store.db
        self.clock = clock
        self._migrate()

    def _migrate(self) -> None:
        with self.store.write():
            self.db.execute("CREATE TABLE IF NOT EXISTS desk_schema (version INTEGER NOT NULL)")
            row = self.db.execute("SELECT version FROM desk_schema").fetchone()
            version = row[0] if row else 0
            if version > len(DESK_MIGRATIONS):
                raise HumaskitError.single("Basis data meja humas dibuat oleh humaskit yang lebih baru; tidak ada "
                                           "yang diubah. Perbarui humaskit.", path=self.store.path)
            for step in range(version, len(DESK_MIGRATIONS)):
                for statement in split_script(DESK_MIGRATIONS[step]):
                    self.db.execute(statement)
            self.db.execute("DELETE FROM desk_schema")
            self.db.execute("INSERT INTO desk_schema(version) VALUES (?)", (len(DESK_MIGRATIONS),))

    def secret(self) -> str:
        """The key that signs the desk's cookies, made once per data folder."""
        with self.store.write():
            self.db.execute("INSERT OR IGNORE INTO desk_meta(key, value) VALUES ('secret', ?)",
                            (secrets.token_urlsafe(48),))
            return self.db.execute("SELECT value FROM desk_meta WHERE key = 'secret'").fetchone()[0]

    def rows(self, sql: str, args=()) -> list[dict]:
        cur = self.db.execute(sql, args)
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    # --- accounts ---------------------------------------------------------------------------

    def add_user(self, name: str, role: str, agency: str | None, password: str, guideline) -> None:
        if not NAME.fullmatch(name):
            raise HumaskitError.single(f"Nama akun '{name}' tidak valid: 2-40 huruf kecil, angka, titik, garis "
                                       "bawah atau tanda minus, diawali huruf atau angka.", key="NAMA")
        if role not in ROLES:
            raise HumaskitError.single(f"Peran '{role}' tidak dikenal; pilihan: {', '.join(ROLES)}.", key="--peran",
                                       hint=did_you_mean(role, ROLES))
        if role == "staf" and not agency:
            raise HumaskitError.single("Akun staf harus punya perangkat daerah (--instansi).", key="--instansi")
        if role == "staf" and (problem := guideline.unknown("agency", agency)):
            message, hint = problem
            raise HumaskitError.single(message[0].upper() + message[1:], key="--instansi", hint=hint)
        if role != "staf" and agency:
            raise HumaskitError.single(f"Peran {role} melihat semua perangkat daerah; --instansi hanya untuk staf.",
                                       key="--instansi")
        _check_length(password)
        with self.store.write():
            if self.db.execute("SELECT 1 FROM desk_users WHERE name = ?", (name,)).fetchone():
                raise HumaskitError.single(f"Akun '{name}' sudah ada; tidak ada yang diubah.", key="NAMA")
            self.db.execute("INSERT INTO desk_users(name, role, agency, password, created) VALUES (?, ?, ?, ?, ?)",
                            (name, role, agency, hash_password(password), datetime.now().isoformat(timespec="seconds")))

    def user_id(self, name: str) -> int:
        """The account's id; an unknown name is a clear error naming the nearest account."""
        row = self.db.execute("SELECT id FROM desk_users WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise HumaskitError.single(f"Akun '{name}' tidak ada.", key="NAMA",
                                       hint=did_you_mean(name, [u["name"] for u in self.users()]))
        return row[0]

    def remove_user(self, name: str) -> None:
        """Delete an account and end its sessions at once (someone who left the office)."""
        with self.store.write():
            user = self.user_id(name)
            self.db.execute("DELETE FROM desk_sessions WHERE user_id = ?", (user,))
            self.db.execute("DELETE FROM desk_users WHERE id = ?", (user,))

    def set_password(self, name: str, password: str, *, keep_session: str | None = None) -> None:
        """A new password for ``name`` (the coordinator's reset, or the user's own change). Every
        session of the account ends, except ``keep_session``: the token of the user changing it."""
        _check_length(password)
        with self.store.write():
            user = self.user_id(name)
            self.db.execute("UPDATE desk_users SET password = ? WHERE id = ?", (hash_password(password), user))
            self.db.execute("DELETE FROM desk_sessions WHERE user_id = ? AND token != ?",
                            (user, _token_key(keep_session) if keep_session else ""))

    def password_matches(self, name: str, password: str) -> bool:
        """Whether ``password`` is the account's; a wrong one counts as a failed log-in."""
        row = self.db.execute("SELECT password FROM desk_users WHERE name = ?", (name,)).fetchone()
        if row is not None and check_password(password, row[0]):
            return True
        with self.store.write():
            self._count(f"n:{name}")
        return False

    def users(self) -> list[dict]:
        return self.rows("SELECT id, name, role, agency, created FROM desk_users ORDER BY name")

    # --- rate limits, log-in and sessions ---------------------------------------------------

    def limited(self, *keys: str) -> bool:
        """Whether any of ``keys`` ("kind:value", a kind of :data:`LIMITS`) has had its limit of
        events within its window."""
        now = self.clock()
        for key in keys:
            allowed, window = _limit(key)
            count = self.db.execute("SELECT count(*) FROM desk_events WHERE key = ? AND at > ?", (key, now - window))
            if count.fetchone()[0] >= allowed:
                return True
        return False

    def _count(self, *keys: str) -> None:
        """One event for each key, inside the caller's write transaction."""
        now = self.clock()
        for key in keys:
            self.db.execute("DELETE FROM desk_events WHERE key = ? AND at <= ?", (key, now - _limit(key)[1]))
            self.db.execute("INSERT INTO desk_events(key, at) VALUES (?, ?)", (key, now))

    def login_blocked(self, name: str, address: str) -> bool:
        return self.limited(f"n:{name}", f"a:{address}")

    def login(self, name: str, password: str, address: str) -> tuple[str, str] | None:
        """(session token, CSRF token) for a right name and password, else None (the failure is
        counted). Call :meth:`login_blocked` first."""
        row = self.db.execute("SELECT id, password FROM desk_users WHERE name = ?", (name,)).fetchone()
        good = check_password(password, row[1] if row else _DUMMY) and row is not None
        now = self.clock()
        with self.store.write():
            self.db.execute("DELETE FROM desk_events WHERE at <= ?", (now - LONGEST_WINDOW,))  # ended sessions' too
            self.db.execute("DELETE FROM desk_sessions WHERE expires <= ?", (now,))
            if not good:
                self._count(f"n:{name}", f"a:{address}")
                return None
            self.db.execute("DELETE FROM desk_events WHERE key = ?", (f"n:{name}",))
            token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            self.db.execute("INSERT INTO desk_sessions(token, user_id, csrf, expires) VALUES (?, ?, ?, ?)",
                            (_token_key(token), row[0], csrf, now + SESSION_SECONDS))
        return token, csrf

    def session(self, token: str) -> dict | None:
        """The signed-in user (with the session's CSRF token, and ``session``: the stored hash of its
        token, a key for the rate limiter), or None."""
        found = self.rows("SELECT u.id, u.name, u.role, u.agency, s.csrf, s.token AS session FROM desk_sessions s "
                          "JOIN desk_users u ON u.id = s.user_id WHERE s.token = ? AND s.expires > ?",
                          (_token_key(token), self.clock()))
        return found[0] if found else None

    def logout(self, token: str) -> None:
        with self.store.write():
            self.db.execute("DELETE FROM desk_sessions WHERE token = ?", (_token_key(token),))

    def close(self) -> None:
        self.store.close()
