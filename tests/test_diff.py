"""`advice diff OLD NEW` through the real console script: what changed for a person."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from advice.library import shipped_dir
from tests.support import run

SHIPPED = shipped_dir() / "interview-follow-up.yaml"
# Three edits a person would meet; line for line, so nothing else moves.
RETARGET = (
    "        label: A handwritten card\n        goto: thank-you-handwritten",
    "        label: A handwritten card\n        goto: thank-you-by-mail",
)
QUOTE = (
    "quote: Sometimes things just move at a glacial pace.",
    "quote: Sometimes things move at a glacial pace.",
)
RULE = (
    "      - action: Email your thank-you note\n        of: interview\n        days: 1",
    "      - action: Email your thank-you note\n        of: interview\n        days: 2",
)


def edited(folder: Path, *edits: tuple[str, str]) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / "interview-follow-up.yaml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(shipped_dir() / "sources.yaml", folder / "sources.yaml")
    return path


def test_names_exactly_the_three_changes(tmp_path: Path) -> None:
    copy = edited(tmp_path, RETARGET, QUOTE, RULE)
    out = run("diff", str(SHIPPED), str(copy), "--json")
    assert out.returncode == 1, out.stderr
    d = json.loads(out.stdout)
    assert d["changes"] == 3
    assert d["nodes_added"] == d["nodes_removed"] == d["ready_texts"] == []
    (path,) = d["paths"]
    assert path["answers"] == ["just-interviewed", None, "handwritten"]
    assert (path["old_end"]["id"], path["new_end"]["id"]) == (
        "thank-you-handwritten",
        "thank-you-by-mail",
    )
    (quote,) = d["citations"]
    assert (quote["node"], quote["change"]) == ("wait-patiently", "changed")
    assert quote["old"] == {"source": "singer", "quote": QUOTE[0].removeprefix("quote: ")}
    assert quote["new"] == {"source": "singer", "quote": QUOTE[1].removeprefix("quote: ")}
    (rule,) = d["date_rules"]
    assert (rule["node"], rule["old"]["days"], rule["new"]["days"]) == ("thank-you-email", 1, 2)

    text = run("diff", str(SHIPPED), str(copy))
    assert text.returncode == 1
    assert "### Paths whose end changed (1)" in text.stdout
    assert "  - now: Mail a thank-you card or letter within a day (`thank-you-by-mail`)" in (
        text.stdout
    )
    assert '  - now: singer: "Sometimes things move at a glacial pace."' in text.stdout
    assert "  - now: Email your thank-you note: by 2 day(s) after interview" in text.stdout
    assert text.stdout.endswith("\n3 change(s).\n")


def test_what_a_person_does_not_meet_is_no_change(tmp_path: Path) -> None:
    """Comments, a re-folded quote and key order are the YAML's business, not a reader's."""
    text = SHIPPED.read_text(encoding="utf-8")
    text = "# a new comment\n" + text.replace(
        "quote: Sometimes things just move at a glacial pace.",
        "quote: >-\n          Sometimes things just\n          move at a glacial pace.",
    )
    path = tmp_path / "same.yaml"
    path.write_text(text, encoding="utf-8")
    out = run("diff", str(SHIPPED), str(path))
    assert (out.returncode, out.stdout) == (
        0,
        f"No change for a person between {SHIPPED} and {path}.\n",
    )


def test_nodes_added_and_removed_and_ready_texts(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    text = text.replace("Thank you for letting me know,", "Thank you for telling me,")
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    d = json.loads(run("diff", str(SHIPPED), str(path), "--json").stdout)
    assert [(r["template"], r["change"], r["used_by"]) for r in d["ready_texts"]] == [
        ("rejection-reply", "changed", ["reply-to-rejection"])
    ]
    minimal = Path(__file__).parent / "data" / "good" / "minimal.yaml"
    d = json.loads(run("diff", str(SHIPPED), str(minimal), "--json").stdout)
    assert {n["id"] for n in d["nodes_added"]} == {"q1", "send", "wait"}
    assert "situation" in {n["id"] for n in d["nodes_removed"]}


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_tree_against_a_git_revision(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    git("init", "-q")
    path = edited(tmp_path)  # the shipped tree as it is
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "tree")
    edited(tmp_path, QUOTE)
    out = run("diff", str(path), "HEAD", "--json")
    assert out.returncode == 1, out.stderr
    d = json.loads(out.stdout)
    assert (d["old"], d["new"], d["changes"]) == ("HEAD:interview-follow-up.yaml", str(path), 1)
    assert d["citations"][0]["node"] == "wait-patiently"
    # Either order: the revision is the old version.
    assert json.loads(run("diff", "HEAD", str(path), "--json").stdout)["changes"] == 1
    bad = run("diff", str(path), "no-such-revision")
    assert bad.returncode == 2
    assert bad.stderr.startswith("advice: git cannot show no-such-revision:interview-follow-up")


def test_usage_and_unreadable_versions_exit_2(tmp_path: Path) -> None:
    assert run("diff", str(SHIPPED)).returncode == 2
    out = run("diff", "no-such-tree", "no-such-rev")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [\n", encoding="utf-8")
    out = run("diff", str(SHIPPED), str(broken))
    assert out.returncode == 2 and "ADV001" in out.stderr and "Traceback" not in out.stderr
