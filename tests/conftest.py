from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from advice.check import check_file
from advice.library import shipped_dir
from advice.model import Tree

DATA = Path(__file__).parent / "data"
TODAY = date(2026, 11, 20)  # a Friday


@pytest.fixture
def shipped_tree() -> Tree:
    result = check_file(shipped_dir() / "interview-follow-up.yaml")
    assert result.ok(), [str(d) for d in result.diagnostics]
    assert result.tree is not None
    return result.tree


@pytest.fixture
def minimal_text() -> str:
    return (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")
