"""Quote verification (`advice check --sources DIR`): the engine and the real CLI."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from advice.check import check_file, check_paths
from advice.library import shipped_dir
from advice.quotes import closest_passage, normalize
from tests.test_cli import ADVICE

REPO = Path(__file__).resolve().parents[1]
# The articles live beside the repository, not in it: <repo>/../shared/sources.
SOURCES = REPO.parent / "shared" / "sources"
needs_sources = pytest.mark.skipif(
    not SOURCES.is_dir(), reason=f"the source articles are not at {SOURCES}"
)

TREE = """\
id: quoted
title: A tree with one quote
start: only
nodes:
  only:
    recommend: Send a card
    text: Short.
    because:
      - source: barnes-call
        quote: {quote}
examples: [{{name: only, answers: [], expect: only}}]
"""


def write_tree(folder: Path, quote: str) -> Path:
    path = folder / "quoted.yaml"
    path.write_text(TREE.format(quote=quote), encoding="utf-8")
    return path


def test_normalize_typographic_quotes_dashes_and_whitespace() -> None:
    assert normalize("it\u2019s \u201cgreat\u201d \u2013 really\u2014 \u2018so\u2019") == (
        "it's \"great\" - really- 'so'"
    )
    assert normalize("  one\n   two\t\nthree  ") == "one two three"
    assert normalize("Case Stays") != normalize("case stays")


@needs_sources
def test_quote_with_a_line_break_and_straight_apostrophe_is_found(tmp_path: Path) -> None:
    # The article writes "It’s" with a typographic apostrophe, on one line.
    quote = ">-\n          It's important to do this\n          within a day of the interview."
    result = check_file(write_tree(tmp_path, quote), sources_dir=SOURCES)
    assert [d.code for d in result.diagnostics] == []


@needs_sources
def test_misquote_is_reported_at_the_quote_with_the_nearest_passage(tmp_path: Path) -> None:
    path = write_tree(tmp_path, "Your best bet is to send a lovely thank you card.")
    [d] = check_file(path, sources_dir=SOURCES).diagnostics
    assert (d.code, d.loc.file, d.loc.line, d.loc.col) == ("ADV018", str(path), 10, 16)
    assert "closest in the source: " in d.message
    assert "Your best bet is to send a gracious thank you card." in d.message


@needs_sources
def test_case_matters(tmp_path: Path) -> None:
    path = write_tree(tmp_path, "your best bet is to send a gracious thank you card.")
    assert [d.code for d in check_file(path, sources_dir=SOURCES).diagnostics] == ["ADV018"]


def test_closest_passage_picks_the_similar_words() -> None:
    text = normalize("Call on day four. Don't call on Monday. Wait until Tuesday to follow up.")
    assert closest_passage("Do not call on Monday.", text) == "Don't call on Monday."


def test_source_without_file_or_with_a_missing_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(
        "sources:\n"
        "  - id: barnes-call\n"
        "    author: A\n    role: B\n    title: C\n"
        "  - id: other\n"
        "    author: A\n    role: B\n    title: C\n    file: missing.txt\n",
        encoding="utf-8",
    )
    write_tree(tmp_path, "anything")
    texts = tmp_path / "texts"
    texts.mkdir()
    diags = [d for r in check_paths([tmp_path], sources_dir=texts) for d in r.diagnostics]
    found = {(d.code, d.loc.line) for d in diags}
    assert found == {("ADV018", 2), ("ADV018", 6)}, [str(d) for d in diags]
    messages = " ".join(d.message for d in diags)
    assert "has no `file:`" in messages and "missing.txt" in messages


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ADVICE, *args], capture_output=True, text=True, timeout=60)


@needs_sources
def test_cli_misquote_exits_1_with_file_line(tmp_path: Path) -> None:
    path = write_tree(tmp_path, "Send a handwritten card within the hour.")
    out = run("check", str(path), "--sources", str(SOURCES))
    assert out.returncode == 1, out.stdout + out.stderr
    assert f"{path}:10:16: ADV018" in out.stdout
    assert "Traceback" not in out.stdout + out.stderr
    # Without --sources the quote is not looked up: the same tree is clean.
    assert run("check", str(path)).returncode == 0


@needs_sources
def test_cli_shipped_trees_pass_the_quote_check() -> None:
    out = run("check", str(shipped_dir()), "--strict", "--sources", str(SOURCES))
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout == ""


def test_cli_missing_sources_folder_is_one_clear_error(tmp_path: Path) -> None:
    out = run("check", "--sources", str(tmp_path / "nope"))
    assert out.returncode == 1
    assert "no such folder of source texts" in out.stderr
    assert "Traceback" not in out.stderr
