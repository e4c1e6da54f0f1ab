"""The one error users see as a line: its own module, importing nothing, so the command
line (and `advice status`, which must start in milliseconds) can catch it without
loading the engine. advice.diagnostics re-exports it."""

from __future__ import annotations


class AdviceError(Exception):
    """An expected failure with a message fit to show a user as one line."""
