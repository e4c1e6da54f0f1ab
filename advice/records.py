"""The follow-ups database's records, as advice/store.py reads and writes them."""

from __future__ import annotations

from typing import NamedTuple


class FollowUpRow(NamedTuple):
    """One follow-up as stored. answers/filled/shown are JSON texts (tracker.py reads
    them); next_* is the next step as of the last save, so status needs no tree."""

    id: int
    uid: str  # random, made once: calendar UIDs stay the same across renames and machines
    name: str
    tree_id: str
    tree_path: str
    tree_hash: str
    cursor: str | None
    answers: str
    filled: str
    shown: str
    next_action: str | None
    next_date: str | None  # ISO date, None when the next step has no date
    next_passed: bool
    created_at: str
    updated_at: str
    archived_at: str | None
    revision: int


class DoneRow(NamedTuple):
    node_id: str
    step: int
    done_on: str  # ISO date
