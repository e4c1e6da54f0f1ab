"""The checker against the bad-tree corpus: each file names its expected code and line."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from advice.check import check_file, check_paths
from advice.diagnostics import CODES
from advice.library import shipped_dir
from tests.support import SOURCES, TODAY
from tests.support.corpus import NEEDS_SOURCES, bad_files, expected


@pytest.mark.parametrize("path", bad_files(), ids=lambda p: p.name)
def test_bad_tree_reports_its_code_on_its_line(path: Path) -> None:
    code, line = expected(path)
    if code in NEEDS_SOURCES and not SOURCES.is_dir():
        pytest.skip(f"{code} reads the articles, which are not at {SOURCES}")
    # As `advice check` runs: with the review, and the articles for the codes that read them.
    result = check_file(path, sources_dir=SOURCES if code in NEEDS_SOURCES else None, review=TODAY)
    found = [(d.code, d.loc.line) for d in result.diagnostics]
    assert (code, line) in found, found
    assert not result.ok(strict=True)
    for d in result.diagnostics:
        assert d.code in CODES
        assert d.loc.file == str(path)


def test_corpus_covers_every_code_of_the_loader_and_checker() -> None:
    covered = {expected(p)[0] for p in bad_files()}
    # ADV018 (quote not in its source) and ADV026 (a source file outside the folder)
    # need --sources and are tested with that option (test_quotes.py); ADV021's example
    # is checked with --sources above.
    assert set(CODES) - covered <= {"ADV018", "ADV026"}, set(CODES) - covered


def test_shipped_trees_are_clean_even_strict() -> None:
    # Review dates against the clock, as CI's `advice check --strict` has them.
    results = check_paths([shipped_dir()], review=date.today())
    assert results, "no shipped trees found"
    problems = [str(d) for r in results for d in r.diagnostics]
    assert problems == []


def test_good_minimal_tree_is_clean() -> None:
    result = check_file(Path(__file__).parent / "data" / "good" / "minimal.yaml")
    assert result.ok(strict=True), [str(d) for d in result.diagnostics]


def test_examples_of_shipped_trees_are_walked(tmp_path: Path) -> None:
    """Break one example's expectation: the checker must notice (ADV013)."""
    src = (shipped_dir() / "interview-follow-up.yaml").read_text(encoding="utf-8")
    first_expect = re.search(r"expect: (\S+)", src)
    assert first_expect
    other = "dont-call" if first_expect.group(1) != "dont-call" else "thank-you-handwritten"
    broken = src.replace(first_expect.group(0), f"expect: {other}", 1)
    path = tmp_path / "interview-follow-up.yaml"
    path.write_text(broken, encoding="utf-8")
    assert "ADV013" in [d.code for d in check_file(path).diagnostics]
