"""Review dates: ADV030 in `advice check` (the real console script) and the quiet line
under every recommendation in the app."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Static

from advice.app.screens.recommendation import RecommendationScreen
from advice.library import shipped_dir
from tests.support import run
from tests.support.app import drive, make_app

GOOD = Path(__file__).parent / "data" / "good"


def dated_tree(folder: Path, dates: str) -> Path:
    """The minimal tree with review dates at the top, beside the shipped sources."""
    src = (GOOD / "minimal.yaml").read_text(encoding="utf-8")
    path = folder / "tree.yaml"
    path.write_text(src.replace("start: q1\n", f"start: q1\n{dates}"), encoding="utf-8")
    return path


def line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, ln in enumerate(lines, 1) if ln.startswith(start))


def test_a_past_review_by_is_a_warning_at_its_line(tmp_path: Path) -> None:
    path = dated_tree(tmp_path, "reviewed: 2026-05-20\nreview_by: 2026-11-19\n")
    out = run("check", "--today", "2026-11-20", str(path))
    assert out.returncode == 0, out.stdout  # a warning: only --strict fails on it
    assert out.stdout.splitlines() == [
        f"{path}:{line_of(path, 'review_by:')}:12: ADV030 tree 'minimal' was due to be "
        "checked against the articles again by 19 November 2026 (2026-11-19), 1 day(s) "
        "ago: check it, then move `reviewed` and `review_by` on (warning)"
    ]
    assert run("check", "--strict", "--today", "2026-11-20", str(path)).returncode == 1


def test_the_day_itself_is_not_late(tmp_path: Path) -> None:
    path = dated_tree(tmp_path, "reviewed: 2026-05-20\nreview_by: 2026-11-20\n")
    out = run("check", "--strict", "--today", "2026-11-20", str(path))
    assert (out.returncode, out.stdout) == (0, "")


def test_without_today_the_clock_decides(tmp_path: Path) -> None:
    path = dated_tree(tmp_path, "review_by: 2000-01-01\n")
    assert "ADV030" in run("check", str(path)).stdout


def test_a_review_in_the_future_or_before_its_own_date_cannot_be(tmp_path: Path) -> None:
    path = dated_tree(tmp_path, "reviewed: 2026-12-01\nreview_by: 2027-06-01\n")
    out = run("check", "--today", "2026-11-20", str(path)).stdout
    assert (
        f":{line_of(path, 'reviewed:')}:11: ADV030 tree 'minimal' says it was reviewed on " in out
    )
    assert "a day that has not come yet" in out
    path = dated_tree(tmp_path, "reviewed: 2026-11-01\nreview_by: 2026-10-01\n")
    out = run("check", "--today", "2026-11-05", str(path)).stdout
    assert "is due for review by 2026-10-01, before it was reviewed (2026-11-01)" in out


def test_a_source_past_its_review_by_is_reported_once_at_its_line(tmp_path: Path) -> None:
    sources = tmp_path / "sources.yaml"
    text = (shipped_dir() / "sources.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    file: 002_47f19256a1613817.txt\n",
        "    file: 002_47f19256a1613817.txt\n    reviewed: 2026-01-10\n    review_by: 2026-07-10\n",
    )
    sources.write_text(text, encoding="utf-8")
    one = dated_tree(tmp_path, "")
    shutil.copy(one, tmp_path / "other.yaml")
    out = run("check", "--today", "2026-11-20", str(tmp_path))
    flagged = [ln for ln in out.stdout.splitlines() if "ADV030" in ln]
    assert flagged == [
        f"{sources}:{line_of(sources, '    review_by:')}:16: ADV030 source 'singer' was due to "
        "be checked against the articles again by 10 July 2026 (2026-07-10), 133 day(s) "
        "ago: check it, then move `reviewed` and `review_by` on (warning)"
    ]


def test_every_recommendation_says_quietly_when_the_tree_was_checked(tmp_path: Path) -> None:
    path = dated_tree(tmp_path, "reviewed: 2026-11-02\nreview_by: 2027-05-02\n")

    async def script(pilot, app) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("1")  # "Yes" -> the recommendation `wait`
        await pilot.pause()
        assert isinstance(app.screen, RecommendationScreen)
        line = app.screen.query_one("#rec-reviewed", Static)
        assert str(line.render()) == "Checked against the articles on 2 November 2026."
        assert "kicker" in line.classes  # the muted style of the screen's small print

    drive(make_app(path), script)


def test_no_line_when_the_tree_records_no_review(tmp_path: Path) -> None:
    async def script(pilot, app) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, RecommendationScreen)
        assert not app.screen.query("#rec-reviewed")

    drive(make_app(dated_tree(tmp_path, "")), script)
