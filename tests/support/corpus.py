"""The broken-tree corpus (tests/data/bad/): each file's first line names the code it
must give and the line it must give it on."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support import DATA

BAD = DATA / "bad"
EXPECT = re.compile(rb"# expect: (ADV\d{3}) (\d+)")
NEEDS_SOURCES = {"ADV018", "ADV021"}  # the codes that read the articles


def bad_files() -> list[Path]:
    return sorted(BAD.glob("*.yaml"))


def expected(path: Path) -> tuple[str, int]:
    m = EXPECT.search(path.read_bytes().split(b"\n", 1)[0])
    assert m, f"{path.name} has no '# expect: ADVnnn LINE' first line"
    return m.group(1).decode(), int(m.group(2))
