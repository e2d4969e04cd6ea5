"""A rate-limit store that all gunicorn workers share and that outlives them: one SQLite file.

`limits` keeps its counters per process with `memory://`, so each worker had its own limit and a
recycled worker started afresh. `sqlite:///path/to/file.db` (registered with `limits` when this
module is imported) keeps fixed-window counters in one small file; each update is one short
transaction (WAL mode, a few hundred microseconds), and the file holds only hashed client keys
and counts, no ad text.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from limits.storage import Storage

SCHEMA = "CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires REAL NOT NULL)"


def _write_ahead_log(db: sqlite3.Connection, tries: int = 50) -> None:
    """WAL mode, once per file: switching needs a lock the busy timeout does not wait for, so workers
    starting together retry (`validator serve` also switches the file before it starts them)."""
    for _ in range(tries):
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            time.sleep(0.1)
    db.execute("PRAGMA journal_mode=WAL")


class SQLiteStorage(Storage):
    """Fixed-window counters in a SQLite file shared by processes (`sqlite:///<absolute path>`)."""

    STORAGE_SCHEME = ["sqlite"]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options: float | str | bool) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = Path(uri.split("://", 1)[1])
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._db() as db:
            db.execute(SCHEMA)

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            _write_ahead_log(db)
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        return db

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM counters WHERE key = ? AND expires <= ?", (key, now))
            db.execute(
                "INSERT INTO counters (key, count, expires) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET count = count + excluded.count",
                (key, amount, now + expiry),
            )
            (count,) = db.execute("SELECT count FROM counters WHERE key = ?", (key,)).fetchone()
            if amount and count == amount:  # a new window: forget other expired windows now and then
                db.execute("DELETE FROM counters WHERE expires <= ?", (now,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return int(count)

    def get(self, key: str) -> int:
        row = self._db().execute(
            "SELECT count FROM counters WHERE key = ? AND expires > ?", (key, time.time())
        ).fetchone()
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._db().execute("SELECT expires FROM counters WHERE key = ?", (key,)).fetchone()
        return float(row[0]) if row and row[0] > time.time() else time.time()

    def check(self) -> bool:
        try:
            self._db().execute("SELECT 1").fetchone()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        cur = self._db().execute("DELETE FROM counters")
        return cur.rowcount

    def clear(self, key: str) -> None:
        self._db().execute("DELETE FROM counters WHERE key = ?", (key,))
