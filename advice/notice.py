"""What a front end should tell the user: the engine returns these, and never prints."""

from __future__ import annotations

from typing import Literal

import msgspec

Severity = Literal["information", "warning", "error"]


class Notice(msgspec.Struct, frozen=True):
    """Something to tell the user. `timeout`: seconds it stays (None: the front end's
    default); longer for what takes reading (dropped answers, a save refused)."""

    text: str
    severity: Severity = "information"
    title: str = ""
    timeout: float | None = None
