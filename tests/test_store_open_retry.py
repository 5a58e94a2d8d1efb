"""Opening a store while another process holds the lock: retried, and reported as a lock, not as a bad file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import kabar.store as store_module
from kabar.errors import StoreError
from kabar.store import Store


def test_open_retries_a_lock_error_from_a_concurrent_open(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # SQLite fails one of two processes setting up a new file at once with "database is locked" without waiting.
    real_set_up = Store._set_up
    calls = {"n": 0}

    def locked_twice(self: Store) -> None:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise sqlite3.OperationalError("database is locked")
        real_set_up(self)

    monkeypatch.setattr(Store, "_set_up", locked_twice)
    with Store(tmp_path / "k.db") as store:
        assert store.count_documents() == 0
    assert calls["n"] == 3


def test_a_lock_that_outlasts_the_timeout_is_reported_as_a_lock(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def always_locked(self: Store) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Store, "_set_up", always_locked)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_SECONDS", 0.1)
    with pytest.raises(StoreError, match="locked by another process"):
        Store(tmp_path / "k.db")


def test_a_file_that_is_not_a_database_is_not_retried(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are notes, not a database" * 100)
    with pytest.raises(StoreError, match="not a kabar store"):
        Store(path)
    assert path.read_bytes().startswith(b"these are notes")
