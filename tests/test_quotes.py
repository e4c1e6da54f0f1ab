"""Quote verification (`advice check --sources DIR`): the engine and the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from advice.check import check_file, check_paths
from advice.library import shipped_dir
from advice.quotes import closest_passage, normalize
from tests.support import ROOT, SOURCES, needs_sources, run

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
        "    what: A\n    writer: {called: B}\n"
        "  - id: other\n"
        "    what: A\n    writer: {called: B}\n    people: [{id: c, name: C}]\n"
        "    file: missing.txt\n",
        encoding="utf-8",
    )
    write_tree(tmp_path, "anything")
    texts = tmp_path / "texts"
    texts.mkdir()
    diags = [d for r in check_paths([tmp_path], sources_dir=texts) for d in r.diagnostics]
    found = {(d.code, d.loc.line) for d in diags}
    assert found == {("ADV018", 2), ("ADV018", 5)}, [str(d) for d in diags]
    messages = " ".join(d.message for d in diags)
    assert "has no `file:`" in messages and "missing.txt" in messages


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


@pytest.mark.parametrize("watch", [[], ["--watch"]], ids=["once", "watch"])
def test_cli_missing_sources_folder_is_a_usage_error(tmp_path: Path, watch: list[str]) -> None:
    # Exit 2, as the README's table says of usage errors; a file is not a folder either.
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    for missing in (tmp_path / "nope", tmp_path / "a-file"):
        out = run("check", *watch, "--sources", str(missing))
        assert out.returncode == 2, out.stderr
        assert f"no such folder of source texts: {missing}" in out.stderr
        assert "Traceback" not in out.stderr
        assert out.stdout == ""


def test_without_the_articles_pytest_says_so_in_its_normal_output(tmp_path: Path) -> None:
    # A clone without ../shared/sources: the quote tests skip, and the summary (not only
    # -rs) says why. This test is left out of the inner run, which would start another.
    missing = tmp_path / "sources"
    env = {**os.environ, "ADVICE_SOURCES_DIR": str(missing)}
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "0", "-p", "no:cacheprovider",
         "tests/test_quotes.py", "-k", "not normal_output"],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env=env,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"quote test(s) skipped: the article texts are not at {missing}" in out.stdout


ATTRIBUTED = """\
id: attributed
title: Whose words
start: only
nodes:
  only:
    recommend: Don't call
    text: Short.
    because:
      - source: barnes-minimum
{citation}
examples:
  - name: the only step
    answers: []
    expect: only
"""


def attributed(folder: Path, citation: str) -> subprocess.CompletedProcess[str]:
    path = folder / "attributed.yaml"
    path.write_text(ATTRIBUTED.format(citation=citation), encoding="utf-8")
    return run("check", str(path), "--sources", str(SOURCES))


@needs_sources
@pytest.mark.parametrize(
    ("citation", "problem"),
    [
        # Barnes's own words, in his quotation marks: his, quoted.
        ("        speaker: barnes\n        quote: Employers aren’t in any hurry", None),
        # The same words as the writer's: in the wrong mouth.
        ("        quote: Employers aren’t in any hurry", "give `speaker: barnes`"),
        # What the post says he says, in its own words: reported speech, not his quote.
        (
            "        speaker: barnes\n"
            "        quote: it’s likely going to come across as frustrating",
            "add `reported: true`",
        ),
        (
            "        speaker: barnes\n        reported: true\n"
            "        quote: it’s likely going to come across as frustrating",
            None,
        ),
        # The HR manager's words are not Barnes's.
        (
            "        speaker: barnes\n        quote: I can’t accept these gifts from vendors",
            "not inside A. Harrison Barnes's quotation marks",
        ),
        (
            "        speaker: hr-manager\n        quote: I can’t accept these gifts from vendors",
            None,
        ),
        # The writer's line, "Don't call the interviewer!", is not Barnes's.
        (
            "        speaker: barnes\n        quote: Don’t call the interviewer!",
            "they are the writer's",
        ),
    ],
)
def test_attribution_is_checked_against_the_quotation_marks(
    tmp_path: Path, citation: str, problem: str | None
) -> None:
    out = attributed(tmp_path, citation)
    assert "Traceback" not in out.stdout + out.stderr
    if problem is None:
        assert out.returncode == 0, out.stdout
    else:
        assert out.returncode == 1
        [line] = out.stdout.splitlines()
        assert f"{tmp_path / 'attributed.yaml'}:" in line and " ADV021 " in line
        assert problem in line


@needs_sources
def test_the_roles_and_names_in_sources_yaml_are_the_articles_own() -> None:
    """sources.yaml gives each person the role the article gives them, word for word,
    and `named_as` the words the article names them by (the attribution check relies on
    them)."""
    [result] = [r for r in check_paths([shipped_dir()]) if r.sources is not None][:1]
    assert result.sources is not None
    for s in result.sources.sources:
        assert s.file is not None
        text = normalize((SOURCES / s.file).read_text(encoding="utf-8"))
        for who in (s.writer, *s.people):
            if who.role:
                assert normalize(who.role) in text, (s.id, who.role)
            if who.name:
                assert normalize(who.name) in text, (s.id, who.name)
        for p in s.people:
            assert p.named_as, (s.id, p.id)
            for name in p.named_as:
                assert normalize(name) in text, (s.id, name)


def test_a_writer_cannot_be_reported(tmp_path: Path) -> None:
    path = tmp_path / "attributed.yaml"
    citation = "        reported: true\n        quote: Don’t call the interviewer!"
    path.write_text(ATTRIBUTED.format(citation=citation), encoding="utf-8")
    out = run("check", str(path))
    assert out.returncode == 1
    assert f"{path}:9:9: ADV022 a quote of the writer of 'barnes-minimum' is marked" in out.stdout


def test_sources_yaml_people_need_a_name_or_a_description_and_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(
        "sources:\n"
        "  - id: barnes-call\n"
        "    what: a post\n"
        "    writer: {role: nobody knows}\n"
        "    people:\n"
        "      - {id: barnes, name: A. Harrison Barnes}\n"
        "      - {id: barnes, role: career coach}\n",
        encoding="utf-8",
    )
    write_tree(tmp_path, "anything")
    out = run("check", str(tmp_path))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    where = tmp_path / "sources.yaml"
    assert any(f"{where}:4:13: ADV003 the writer of source 'barnes-call'" in x for x in lines)
    assert any(f"{where}:7:9: ADV006 person id 'barnes' appears twice" in x for x in lines)
    assert any(f"{where}:7:9: ADV003 person 'barnes' of source 'barnes-call'" in x for x in lines)


# -- a contributed sources.yaml names the files read (issue 20) ----------------------------


def sources_naming(folder: Path, name: str) -> Path:
    """sources.yaml with one source whose `file:` is `name`, a tree quoting it, and an
    empty folder of texts; returns that folder."""
    (folder / "sources.yaml").write_text(
        "sources:\n  - id: barnes-call\n    what: a post\n    writer: {called: the writer}\n"
        f"    file: '{name}'\n",
        encoding="utf-8",
    )
    write_tree(folder, "a secret word")
    texts = folder / "texts"
    texts.mkdir()
    return texts


@pytest.mark.parametrize(
    "name",
    ["/etc/passwd", "../secret.txt", "sub/secret.txt", "..", "/proc/self/environ", "C:secret"],
)
def test_a_source_file_is_a_plain_name_inside_the_folder(tmp_path: Path, name: str) -> None:
    (tmp_path / "secret.txt").write_text("TOKEN=a secret word\n", encoding="utf-8")
    texts = sources_naming(tmp_path, name)
    (texts / "sub").mkdir()
    (texts / "sub" / "secret.txt").write_text("a secret word\n", encoding="utf-8")
    out = run("check", str(tmp_path), "--sources", str(texts))
    assert out.returncode == 1, out.stdout + out.stderr
    assert f"{tmp_path / 'sources.yaml'}:2:5: ADV026 source 'barnes-call'" in out.stdout
    assert "not a plain file name" in out.stdout
    assert "secret word" not in out.stdout.replace("quote: a secret word", "")
    assert "Traceback" not in out.stdout + out.stderr


def test_a_link_out_of_the_sources_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("TOKEN=a secret word\n", encoding="utf-8")
    texts = sources_naming(tmp_path, "article.txt")
    (texts / "article.txt").symlink_to(tmp_path / "secret.txt")
    out = run("check", str(tmp_path), "--sources", str(texts))
    assert out.returncode == 1, out.stdout + out.stderr
    [line] = out.stdout.splitlines()
    assert "ADV026 source 'barnes-call'" in line and "outside the sources folder" in line
    # A link that stays inside the folder is an ordinary file name.
    (texts / "article.txt").unlink()
    (texts / "real.txt").write_text("TOKEN=a secret word\n", encoding="utf-8")
    (texts / "article.txt").symlink_to("real.txt")
    assert run("check", str(tmp_path), "--sources", str(texts)).returncode == 0


def test_a_source_text_has_the_size_limit_of_trees(tmp_path: Path) -> None:
    texts = sources_naming(tmp_path, "article.txt")
    with (texts / "article.txt").open("wb") as f:  # sparse: 50 MB by size, none on disk
        f.truncate(50 * 1024 * 1024)
    out = run("check", str(tmp_path), "--sources", str(texts))
    assert out.returncode == 1, out.stdout + out.stderr
    [line] = out.stdout.splitlines()
    assert "ADV026 source 'barnes-call'" in line
    assert "too large (50.0 MB): source texts are limited to 8 MB" in line


def test_a_device_in_the_sources_folder_is_not_read(tmp_path: Path) -> None:
    """`file: zero` linked to /dev/zero ran out of memory; inside or not, it is no file."""
    texts = sources_naming(tmp_path, "zero")
    (texts / "zero").symlink_to("/dev/zero")
    out = run("check", str(tmp_path), "--sources", str(texts))
    assert out.returncode == 1, out.stdout + out.stderr
    assert "ADV026 source 'barnes-call'" in out.stdout
