"""Each screen's stylesheet is added when the screen is first shown.

Textual's own per-screen CSS_PATH re-parses every stylesheet the app has (its own
and every widget's) from scratch the first time each screen shows, ~10-15 ms a
screen; added here, only the new file is parsed. The app-wide files stay in
AdviceApp.CSS_PATH.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

SCREENS = Path(__file__).parent / "screens"


def styles_path(name: str) -> Path:
    """A screen's stylesheet, beside the screens' modules."""
    return SCREENS / name


def add_styles(stylesheet: Stylesheet, path: Path | None) -> None:
    """Add a screen's stylesheet once, as CSS_PATH would (same source key, same
    precedence as the app's files); Textual parses it on the next restyle."""
    if path is None or stylesheet.has_source(str(path)):
        return
    stylesheet.add_source(path.read_text(encoding="utf-8"), read_from=(str(path), ""))


def size_classes(app: App[Any]) -> list[str]:
    """The breakpoint classes for the terminal's size now, as Textual sets them."""
    width, height = app.size
    found = []
    for size, points in (
        (width, app.HORIZONTAL_BREAKPOINTS),
        (height, app.VERTICAL_BREAKPOINTS),
    ):
        found += [name for at, name in sorted(points or [], reverse=True) if size >= at][:1]
    return found


def prepare(app: App[Any], screen: Screen[Any]) -> None:
    """Before a screen is first styled: its stylesheet, and its size classes (set
    only on its first resize, they would style it all once more)."""
    add_styles(app.stylesheet, getattr(screen, "STYLES", None))
    screen.add_class(*size_classes(app), update=False)
