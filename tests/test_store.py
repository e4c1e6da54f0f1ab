"""advice/store.py: the SQLite layer on real database files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from advice.errors import AdviceError
from advice.store import MIGRATIONS, VERSION, NameTaken, Store


def make(store: Store, name: str) -> int:
    return store.create(name, "t", "/t.yaml", "hash", "Answer: where are you?").id


def test_a_new_database_is_wal_at_the_latest_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "advice.db") as store:
        assert store.message is None
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == VERSION == len(MIGRATIONS)


def test_names_are_unique_whatever_their_case_and_spacing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "advice.db") as store:
        make(store, "Acme, data analyst")
        with pytest.raises(NameTaken):
            make(store, "acme,   DATA analyst")
        assert [r.name for r in store.all()] == ["Acme, data analyst"]


def test_status_lists_overdue_first_then_by_date_then_undated(tmp_path: Path) -> None:
    with Store.open(tmp_path / "advice.db") as store:
        for name, day in [("later", "2026-12-01"), ("old", "2026-11-01"), ("none", None)]:
            fid = make(store, name)
            store.set_next(fid, f"step of {name}", day, False)
        archived = make(store, "archived")
        store.set_archived(archived, True)
        rows = store.status()
    assert [(r[0], r[2]) for r in rows] == [
        ("old", "2026-11-01"),
        ("later", "2026-12-01"),
        ("none", None),
    ]


def test_a_version_1_database_made_by_hand_migrates(tmp_path: Path) -> None:
    path = tmp_path / "advice.db"
    db = sqlite3.connect(path)
    for sql in MIGRATIONS[0]:
        db.execute(sql)
    db.execute(
        "INSERT INTO followups (uid, name, name_key, tree_id, tree_path, tree_hash, "
        "created_at, updated_at) VALUES ('u1', 'Old one', 'old one', 't', '/t', 'h', 'x', 'x')"
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert store.message is None  # migrated, not set aside
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
        [row] = store.all()
        assert (row.name, row.archived_at, row.revision) == ("Old one", None, 1)
        store.set_archived(row.id, True)  # the column version 2 added works
        assert store.all() == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"this is not a database at all, just some text " * 100, "not a database"),
        (b"", None),  # an empty file is an empty database: used, not set aside
    ],
)
def test_a_file_that_is_not_sqlite_is_set_aside(
    tmp_path: Path, content: bytes, reason: str | None
) -> None:
    path = tmp_path / "advice.db"
    path.write_bytes(content)
    with Store.open(path) as store:
        make(store, "fresh")
        message = store.message
    if reason is None:
        assert message is None
        return
    assert message is not None and reason in message
    [aside] = tmp_path.glob("advice.corrupt-*.db")
    assert f"it was moved to {aside}" in message
    assert aside.read_bytes() == content  # kept as it was, never overwritten


def test_a_database_of_a_newer_version_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "advice.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future (x)")
    db.execute(f"PRAGMA user_version = {VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with Store.open(path) as store:
        assert store.message is not None and "newer version of advice" in store.message
    [aside] = tmp_path.glob("advice.corrupt-*.db")
    assert aside.read_bytes() == before


def test_an_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(AdviceError, match="could not create the data folder"):
        Store.open(blocker / "sub" / "advice.db")


KILLED_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from advice.store import Store

    store = Store.open(Path(sys.argv[1]))
    store.create("committed", "t", "/t.yaml", "h", None)
    with store.write() as db:
        db.execute("UPDATE followups SET next_action = 'half written'")
        db.execute(
            "INSERT INTO followups (uid, name, name_key, tree_id, tree_path, tree_hash, "
            "created_at, updated_at) VALUES ('u', 'never', 'never', 't', '/t', 'h', 'x', 'x')"
        )
        print("writing", flush=True)
        time.sleep(60)
    """
)


def test_a_process_killed_during_a_write_leaves_the_last_committed_state(tmp_path: Path) -> None:
    path = tmp_path / "advice.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "writing\n"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    with Store.open(path) as store:
        assert store.message is None
        assert [(r.name, r.next_action) for r in store.all()] == [("committed", None)]
        make(store, "after")  # and the lock the dead process held is gone


def test_a_database_found_damaged_after_opening_is_set_aside(tmp_path: Path) -> None:
    """Its first page (the header) reads, so it opens; a later page does not."""
    path = tmp_path / "advice.db"
    with Store.open(path) as store:
        for i in range(400):
            make(store, f"Company {i} " + "x" * 100)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(path.read_bytes())
    for page in range(4096 * 2, len(raw), 4096):
        raw[page + 100 : page + 400] = b"\xff" * 300
    path.write_bytes(bytes(raw))
    with Store.open(path) as store, pytest.raises(AdviceError, match="is damaged") as caught:
        store.status()
    [aside] = tmp_path.glob("advice.corrupt-*.db")
    assert f"it was moved to {aside}" in str(caught.value)
    assert aside.read_bytes() == bytes(raw)
    with Store.open(path) as store:  # and the next start is fresh
        assert store.message is None and store.all() == []
