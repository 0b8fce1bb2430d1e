"""The complaint database: every read and write of it goes through this module.

SQLite from the standard library, in WAL mode with foreign keys on. The schema version is
``PRAGMA user_version``; :data:`MIGRATIONS` upgrade an older file by themselves, each in a
transaction; a file from a newer humaskit, a corrupt file or a locked one is refused with an
Indonesian message before anything is written. The stage history is append-only (triggers).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager

from humaskit.errors import HumaskitError

APPLICATION_ID = 0x48534B41  # "HSKA": tells our file from someone else's SQLite database
MIGRATIONS = (
    # 1: the first schema
    """
    CREATE TABLE complaints (
        id INTEGER PRIMARY KEY,
        ticket TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        link TEXT,
        handle TEXT,
        text TEXT NOT NULL,
        category TEXT NOT NULL,
        agency TEXT NOT NULL,
        received TEXT NOT NULL,
        stage TEXT NOT NULL
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES complaints(id),
        stage TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        note TEXT
    );
    CREATE TABLE counters (scope TEXT PRIMARY KEY, last INTEGER NOT NULL);
    """,
    # 2: personal details kept apart from the handle, an index for monthly reports, and the
    # history made append-only in the database itself.
    """
    ALTER TABLE complaints ADD COLUMN name TEXT;
    ALTER TABLE complaints ADD COLUMN contact TEXT;
    CREATE INDEX complaints_received ON complaints(received);
    CREATE INDEX events_complaint ON events(complaint_id);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'append-only'); END;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def _timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("HUMASKIT_DB_TIMEOUT", "5")))
    except ValueError:
        return 5.0


def explain(exc: sqlite3.Error, path: str) -> HumaskitError:
    """An SQLite error in the words humas staff read."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        message = ("Basis data pengaduan sedang dikunci proses lain (staf lain sedang menulis); tidak ada yang "
                   "diubah. Coba lagi sebentar lagi.")
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        message = ("Berkas ini bukan basis data pengaduan yang utuh (rusak atau berkas lain); tidak ada yang "
                   "diubah. Pulihkan dari cadangan (humaskit aduan ekspor).")
    elif "readonly" in text:
        message = "Basis data pengaduan hanya dapat dibaca; tidak ada yang diubah."
    elif "unable to open" in text:
        message = "Basis data pengaduan tidak dapat dibuka (folder tidak ada atau izin ditolak)."
    else:
        message = f"Basis data pengaduan tidak dapat dipakai ({exc}); tidak ada yang diubah."
    return HumaskitError.single(message, path=path)


class Store:
    """One open complaint database."""

    def __init__(self, path: str | os.PathLike, *, create: bool = False) -> None:
        from humaskit.fsutil import check_regular

        self.path = str(path)
        exists = os.path.lexists(self.path)
        if exists:
            check_regular(self.path, what="Basis data pengaduan")
        elif not create:
            raise HumaskitError.single("Basis data pengaduan belum ada; catat atau impor pengaduan dulu, atau "
                                       "periksa --db.", path=self.path)
        try:
            self.db = sqlite3.connect(self.path, timeout=_timeout(), isolation_level=None)
            self._prepare()
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None

    def _prepare(self) -> None:
        db = self.db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        app = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app != APPLICATION_ID and (tables or version):
            raise HumaskitError.single("Berkas ini basis data SQLite lain, bukan basis data pengaduan humaskit; "
                                       "tidak ada yang diubah.", path=self.path)
        if version > SCHEMA_VERSION:
            raise HumaskitError.single(
                f"Basis data pengaduan dibuat oleh humaskit yang lebih baru (skema {version}; versi ini mengenal "
                f"sampai skema {SCHEMA_VERSION}); tidak ada yang diubah. Perbarui humaskit.", path=self.path)
        db.execute("PRAGMA foreign_keys = ON")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        if version < SCHEMA_VERSION:
            self.migrate()

    def migrate(self) -> None:
        """Bring the file to :data:`SCHEMA_VERSION`, one step per transaction."""
        with self.write():
            version = self.db.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
            for step in range(version, SCHEMA_VERSION):
                for statement in split_script(MIGRATIONS[step]):
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    @contextmanager
    def write(self):
        """One write transaction, taken at once (BEGIN IMMEDIATE) so ticket numbers never race."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None
        try:
            yield self.db
        except BaseException as exc:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite has already rolled back (a corrupt page, a full disk)
            if isinstance(exc, sqlite3.Error):
                raise explain(exc, self.path) from None
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None

    def counter(self, scope: str) -> int:
        """The last number given in ``scope`` (0: none yet)."""
        row = self.db.execute("SELECT last FROM counters WHERE scope = ?", (scope,)).fetchone()
        return row[0] if row else 0

    def set_counters(self, counters: dict[str, int]) -> None:
        """Store each scope's last number; call inside :meth:`write`."""
        self.db.executemany("INSERT INTO counters(scope, last) VALUES (?, ?) ON CONFLICT(scope) DO UPDATE SET "
                            "last = excluded.last", sorted(counters.items()))

    def tickets_from(self, prefix: str) -> set[str]:
        """The ticket numbers starting with ``prefix`` (a range scan on the unique index)."""
        return {t for (t,) in self.db.execute("SELECT ticket FROM complaints WHERE ticket >= ? AND ticket < ?",
                                              (prefix, prefix + "\U0010ffff"))}

    def existing(self, tickets) -> set[str]:
        """Which of ``tickets`` are in the database."""
        tickets, found = list(tickets), set()
        for i in range(0, len(tickets), 500):  # within SQLite's limit on bound parameters
            chunk = tickets[i:i + 500]
            found.update(t for (t,) in self.db.execute(
                f"SELECT ticket FROM complaints WHERE ticket IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def add_many(self, rows: list[tuple[dict, list[tuple]]]) -> None:
        """Insert complaints with their histories, ``(complaint, [(stage, at, actor, note), ...])``;
        call inside :meth:`write` (which holds the write lock, so the ids given here are free)."""
        first = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM complaints").fetchone()[0]
        self.db.executemany(
            "INSERT INTO complaints(id, ticket, channel, link, handle, name, contact, text, category, agency, "
            "received, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(i, c["ticket"], c["channel"], c["link"], c["handle"], c["name"], c["contact"], c["text"],
              c["category"], c["agency"], c["received"], c["stage"]) for i, (c, _) in enumerate(rows, first)])
        self.db.executemany("INSERT INTO events(complaint_id, stage, at, actor, note) VALUES (?, ?, ?, ?, ?)",
                            [(i, *e) for i, (_, events) in enumerate(rows, first) for e in events])

    def complaint(self, ticket: str) -> dict | None:
        self.db.row_factory = sqlite3.Row
        try:
            row = self.db.execute("SELECT * FROM complaints WHERE ticket = ?", (ticket,)).fetchone()
            if row is None:
                return None
            out = dict(row)
            out["history"] = [dict(e) for e in self.db.execute(
                "SELECT stage, at, actor, note FROM events WHERE complaint_id = ? ORDER BY id", (row["id"],))]
            return out
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None
        finally:
            self.db.row_factory = None

    def month(self, start: str, end: str, personal: tuple[str, ...] = ()) -> tuple[list[dict], str | None]:
        """The complaints received in [start, end), each with ``events`` [(stage, at), ...] in order,
        plus the personal columns named in ``personal`` (name, contact, handle, link, text); and the
        latest time recorded anywhere in the database (what late/not-late is judged against)."""
        names = ("id", "ticket", "channel", "category", "agency", "received", "stage", *personal)
        try:
            rows = {r[0]: {**dict(zip(names, r)), "events": []} for r in self.db.execute(
                f"SELECT {', '.join(names)} FROM complaints WHERE received >= ? AND received < ? "
                "ORDER BY received, ticket", (start, end))}
            for complaint_id, stage, at in self.db.execute(
                    "SELECT e.complaint_id, e.stage, e.at FROM events e JOIN complaints c ON c.id = e.complaint_id "
                    "WHERE c.received >= ? AND c.received < ? ORDER BY e.id", (start, end)):
                rows[complaint_id]["events"].append((stage, at))
            latest = self.db.execute("SELECT max(at) FROM events").fetchone()[0]
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None
        return list(rows.values()), latest

    def move(self, complaint_id: int, stage: str, at: str, actor: str, note: str | None) -> None:
        with self.write():
            self.db.execute("INSERT INTO events(complaint_id, stage, at, actor, note) VALUES (?, ?, ?, ?, ?)",
                            (complaint_id, stage, at, actor, note))
            self.db.execute("UPDATE complaints SET stage = ? WHERE id = ?", (stage, complaint_id))

    def backup(self, out: str | os.PathLike) -> None:
        """Copy the database with SQLite's online backup (a consistent snapshot while others write),
        then write the copy atomically: ``out`` is whole or not there at all."""
        from humaskit.fsutil import atomic_write

        copy = sqlite3.connect(":memory:")
        try:
            self.db.backup(copy)
            data = copy.serialize()
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None
        finally:
            copy.close()
        atomic_write(out, data, what="Berkas cadangan")

    def close(self) -> None:
        self.db.close()


def split_script(script: str):
    """The statements of an SQL script (a migration), split on ';' outside trigger bodies
    (BEGIN ... END), for :meth:`sqlite3.Connection.execute` one by one inside a transaction
    (``executescript`` would commit first). The desk's own migrations use it too."""
    parts, current, depth = [], [], 0
    for piece in script.split(";"):
        current.append(piece)
        depth += piece.upper().count(" BEGIN ") - piece.upper().count(" END")
        if depth <= 0:
            text = ";".join(current).strip()
            if text:
                parts.append(text)
            current, depth = [], 0
    return parts

