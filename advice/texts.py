"""Ready texts: templates filled from what the user typed.

Plain substitution of `{name}` only: no format specs, no attribute access, no markup,
so a template (or a value) can never run code. `{{` and `}}` write literal braces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from advice.escape import shown

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


def placeholders_in(text: str) -> list[str]:
    """Placeholder names a template uses, in order of first use."""
    seen: dict[str, None] = {}
    for m in PLACEHOLDER.finditer(text):
        if m.group(1):
            seen.setdefault(m.group(1))
    return list(seen)


def names_used(texts: Iterable[str]) -> list[str]:
    """The placeholder names any of the texts uses, in order of first use: what
    `--fill NAME=VALUE` can fill."""
    seen: dict[str, None] = {}
    for text in texts:
        seen.update(dict.fromkeys(placeholders_in(text)))
    return list(seen)


def fill(text: str, values: dict[str, str], labels: dict[str, str]) -> str:
    """Fill placeholders; one not filled in stays visible as [its label]."""

    def sub(m: re.Match[str]) -> str:
        token = m.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = m.group(1)
        value = values.get(name, "").strip()
        # A value is what someone typed or a save file holds: never a control sequence.
        return shown(value) if value else f"[{labels.get(name, name)}]"

    return PLACEHOLDER.sub(sub, text)
