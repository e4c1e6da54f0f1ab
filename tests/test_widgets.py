"""AnswerList, KeyBar and Breadcrumb alone, each in a tiny app of its own and driven by
real keys, clicks and mouse moves (Pilot): what each widget does, apart from the
screens around it (tests/test_app.py and test_answer_list.py drive them in the app)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.cells import cell_len, set_cell_size
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

from advice.app import widgets
from advice.app.widgets.answers import AnswerList
from advice.app.widgets.breadcrumb import ELLIPSIS, MAX_CRUMB, Breadcrumb
from advice.app.widgets.keybar import KeyBar
from advice.check import check_file
from advice.session import Session, Step
from tests.support import TODAY
from tests.support.app import FOLLOW_UP, cells_before, drawn, drawn_strip, drive, style_at

WIDGETS_CSS = Path(widgets.__file__).parent / "widgets.tcss"
HIGH, HOVER = "#ff0000", "#0000ff"  # the harness's own colours, to tell the rows apart


def background(widget: Any, row: int) -> str | None:
    """The background drawn at the first cell of a row of the widget, as #rrggbb."""
    style = next(iter(drawn_strip(widget, row))).style
    color = style.bgcolor if style else None
    return None if color is None else color.get_truecolor().hex


def style_of(widget: Any, x: int) -> Any:
    """The rich style drawn at cell x of the widget's first line."""
    return style_at(widget, x)


def style_at_row(widget: Any, x: int, row: int) -> Any:
    """The rich style drawn at cell x of a row of the widget."""
    cell = 0
    for segment in drawn_strip(widget, row):
        if cell <= x < cell + segment.cell_length:
            return segment.style
        cell += segment.cell_length
    raise AssertionError(f"nothing drawn at {x}, {row}")


# -- AnswerList ----------------------------------------------------------------------------
class Answers(App[None]):
    CSS = f"""
    AnswerList {{ height: auto; }}
    AnswerList > .answer-list--highlighted {{ background: {HIGH}; }}
    AnswerList > .answer-list--hover {{ background: {HOVER}; }}
    """

    def __init__(self, labels: list[str]) -> None:
        super().__init__()
        self.labels = labels
        self.picked: list[int] = []

    def compose(self) -> ComposeResult:
        yield AnswerList([Content(label) for label in self.labels])
        yield Static("below the answers")

    def on_answer_list_selected(self, message: AnswerList.Selected) -> None:
        self.picked.append(message.index)


LABELS = ["1  Yes", "2  No", "3  Not yet"]


def rows(app: Answers) -> list[str | None]:
    """Each answer row's background: HIGH, HOVER or the plain one."""
    listed = app.query_one(AnswerList)
    return [background(listed, row) for row in range(len(LABELS))]


def test_the_answer_list_moves_its_highlight_with_keys_and_enter_picks() -> None:
    async def script(pilot: Pilot[None], app: Answers) -> None:
        plain = rows(app)[1]
        assert rows(app) == [HIGH, plain, plain]
        await pilot.press("down", "down")
        assert rows(app) == [plain, plain, HIGH]
        await pilot.press("down")  # round the end
        assert rows(app) == [HIGH, plain, plain]
        await pilot.press("end", "enter")
        assert app.picked == [len(LABELS) - 1]

    drive(Answers(LABELS), script, size=(30, 6))


def test_the_answer_list_picks_the_answer_clicked() -> None:
    async def script(pilot: Pilot[None], app: Answers) -> None:
        assert await pilot.click(AnswerList, offset=(3, 1))
        await pilot.pause()
        assert app.picked == [1]
        assert app.query_one(AnswerList).highlighted == 1
        assert await pilot.click(Static)  # below them
        await pilot.pause()
        assert app.picked == [1]

    drive(Answers(LABELS), script, size=(30, 6))


def test_the_answer_list_shows_the_answer_under_the_mouse_until_it_leaves() -> None:
    async def script(pilot: Pilot[None], app: Answers) -> None:
        plain = rows(app)[1]
        await pilot.hover(AnswerList, offset=(3, 2))
        await pilot.pause()
        assert rows(app) == [HIGH, plain, HOVER]
        await pilot.hover(AnswerList, offset=(3, 0))  # the highlight wins on its own row
        await pilot.pause()
        assert rows(app) == [HIGH, plain, plain]
        await pilot.hover(AnswerList, offset=(3, 1))
        await pilot.pause()
        assert rows(app) == [HIGH, HOVER, plain]
        await pilot.hover(AnswerList, offset=(3, 1))
        await pilot.hover(Static)  # off the list
        await pilot.pause()
        assert rows(app) == [HIGH, plain, plain]

    drive(Answers(LABELS), script, size=(30, 8))


# -- KeyBar --------------------------------------------------------------------------------
class Keyed(Screen[None]):
    """A screen with two keys shown, one hidden, and one shown but not available now."""

    BINDINGS = [
        Binding("x", "say('x')", "Say x"),
        Binding("z", "say('z')", "Zap"),
        Binding("y", "say('y')", "Hidden", show=False),
        Binding("n", "say('n')", "Not now"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__(name=name)

    def compose(self) -> ComposeResult:
        yield Static(self.name or "")
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if parameters == ("n",) else True  # None: shown, dimmed

    def action_say(self, what: str) -> None:
        app = self.app
        assert isinstance(app, Keys)
        app.said.append(f"{self.name}:{what}")


class Other(Screen[None]):
    BINDINGS = [Binding("o", "app.pop_screen", "Go back")]

    def compose(self) -> ComposeResult:
        yield Static(self.name or "")
        yield KeyBar()


class Keys(App[None]):
    CSS_PATH = WIDGETS_CSS  # the bar docked at the bottom, as in the app

    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []
        self.bells = 0

    def on_mount(self) -> None:
        self.push_screen(Keyed("first"))

    def bell(self) -> None:
        self.bells += 1


def bar_line(app: App[None]) -> str:
    return drawn(app.screen.query_one(KeyBar))


def test_the_key_bar_shows_the_keys_of_the_screen_in_front() -> None:
    async def script(pilot: Pilot[None], app: Keys) -> None:
        line = bar_line(app)
        assert "x Say x" in line and "z Zap" in line and "n Not now" in line
        assert "Hidden" not in line
        assert line.rstrip().endswith("^p palette")  # the palette key at the right
        app.push_screen(Other())
        await pilot.pause()
        line = bar_line(app)
        assert "o Go back" in line and "Say x" not in line
        await pilot.press("o")
        assert "x Say x" in bar_line(app)

    drive(Keys(), script, size=(60, 5))


def test_a_click_on_a_key_presses_it_and_a_dimmed_one_rings_the_bell() -> None:
    async def script(pilot: Pilot[None], app: Keys) -> None:
        line = bar_line(app)
        assert await pilot.click(KeyBar, offset=(cells_before(line, "Zap"), 0))
        await pilot.pause()
        assert app.said == ["first:z"]
        assert await pilot.click(KeyBar, offset=(cells_before(line, "Not now"), 0))
        await pilot.pause()
        assert app.said == ["first:z"] and app.bells == 1
        gap = cells_before(line, "z Zap") - 1  # between two keys: nothing
        assert line[gap] == " "
        assert await pilot.click(KeyBar, offset=(gap, 0))
        await pilot.pause()
        assert app.said == ["first:z"] and app.bells == 1

    drive(Keys(), script, size=(60, 5))


def test_the_key_bar_shows_the_key_under_the_mouse_until_it_leaves() -> None:
    async def script(pilot: Pilot[None], app: Keys) -> None:
        bar = app.screen.query_one(KeyBar)
        at = cells_before(bar_line(app), "Zap")
        plain = style_of(bar, at)
        await pilot.hover(KeyBar, offset=(at, 0))
        await pilot.pause()
        assert (
            style_of(bar, at).reverse and not style_of(bar, cells_before(drawn(bar), "Say")).reverse
        )
        await pilot.hover(Static)  # the screen above the bar
        await pilot.pause()
        assert style_of(bar, at) == plain

    drive(Keys(), script, size=(60, 5))


def test_a_narrow_key_bar_cuts_keys_from_the_right_and_keeps_the_palette_key() -> None:
    async def script(pilot: Pilot[None], app: Keys) -> None:
        line = bar_line(app).rstrip()
        assert cell_len(line) <= 24
        assert "x Say x" in line and "Not now" not in line and ELLIPSIS in line
        assert line.endswith("^p")  # without its word: no room

    drive(Keys(), script, size=(24, 5))


# -- Breadcrumb ----------------------------------------------------------------------------
LONG_NAME = "Ms Alexandra Featherstonehaugh-Lee of Accounts"  # longer than a crumb may be


def walked(*answers: str) -> list[Step]:
    """The answers so far on the follow-up fixture tree, as the walk gives them."""
    tree = check_file(FOLLOW_UP).tree
    assert tree is not None
    return Session.replay(tree, answers, TODAY).transcript()


class Crumbs(App[None]):
    CSS_PATH = WIDGETS_CSS  # the two lines docked at the top, as in the app

    def __init__(self, steps: list[Step]) -> None:
        super().__init__()
        self.steps = steps
        self.picked: list[str] = []

    def compose(self) -> ComposeResult:
        yield Breadcrumb(self.steps, "Your next step", "advice · Follow-up", TODAY)
        yield Static("the screen below")

    def on_breadcrumb_selected(self, message: Breadcrumb.Selected) -> None:
        self.picked.append(message.node_id)


def crumbs_line(app: Crumbs) -> str:
    return drawn(app.query_one(Breadcrumb), Breadcrumb.CRUMBS_ROW).rstrip()


def drawn_crumbs(steps: list[Step], width: int) -> str:
    """The line of answers as the breadcrumb draws it on a screen `width` wide."""
    drawn_line: list[str] = []

    async def script(pilot: Pilot[None], app: Crumbs) -> None:
        drawn_line.append(crumbs_line(app))

    drive(Crumbs(steps), script, size=(width, 6))
    return drawn_line[0]


def test_the_breadcrumb_shows_every_answer_in_full_where_they_fit() -> None:
    steps = walked("just-interviewed", "today", "Ms Lee")

    async def script(pilot: Pilot[None], app: Crumbs) -> None:
        line = crumbs_line(app)
        labels = [s.label for s in steps]
        assert line.strip() == f"Step {len(steps) + 1}  " + " › ".join([*labels, "Your next step"])
        top = drawn(app.query_one(Breadcrumb), 0)
        assert "advice · Follow-up" in top and str(TODAY.year) in top

    drive(Crumbs(steps), script, size=(100, 6))


def test_a_narrow_breadcrumb_cuts_long_answers_then_folds_the_oldest() -> None:
    steps = walked("just-interviewed", "today", LONG_NAME)
    widths = [30, 40, 50, 60, 70, 80, 100, 130]
    lines = {width: drawn_crumbs(steps, width) for width in widths}
    for width, line in lines.items():
        assert cell_len(line) <= width, (width, line)
        assert line.endswith("Your next step"), (width, line)  # where the user is shows
    assert LONG_NAME in lines[130]  # room for it whole
    cut = set_cell_size(LONG_NAME, MAX_CRUMB - 1).rstrip() + ELLIPSIS
    assert LONG_NAME not in lines[100] and f" › {cut} › " in lines[100]  # cut, then folded
    assert f"{ELLIPSIS} › {cut} › " in lines[70]  # the oldest folded first
    assert lines[30].strip() == f"Step {len(steps) + 1}  {ELLIPSIS} › Your next step"
    # fit() is what is drawn: the same pieces at the inner width (a cell each side).
    crumbs = Breadcrumb(steps, "Your next step")
    for width, line in lines.items():
        assert "".join(p.text for p in crumbs.fit(width - 2 * Breadcrumb.PAD)) == line.strip()


def test_the_breadcrumb_shows_the_crumb_under_the_mouse_and_a_click_goes_back() -> None:
    steps = walked("just-interviewed", "today", "Ms Lee")

    async def script(pilot: Pilot[None], app: Crumbs) -> None:
        crumbs = app.query_one(Breadcrumb)
        second = crumbs.spans[1]
        at = second.start + 1
        row = Breadcrumb.CRUMBS_ROW
        await pilot.hover(Breadcrumb, offset=(at, row))
        await pilot.pause()
        assert style_at_row(crumbs, at, row).reverse
        assert crumbs.tooltip is not None and steps[1].label in str(crumbs.tooltip)
        await pilot.hover(Static)
        await pilot.pause()
        assert not style_at_row(crumbs, at, row).reverse and crumbs.tooltip is None
        assert await pilot.click(Breadcrumb, offset=(1, row))  # "Step 4": not a crumb
        await pilot.pause()
        assert app.picked == []
        assert await pilot.click(Breadcrumb, offset=(at, row))
        await pilot.pause()
        assert app.picked == [steps[1].question.id]

    drive(Crumbs(steps), script, size=(100, 6))


def test_the_top_bar_writes_the_day_as_every_other_date_does() -> None:
    """The top bar says "today Wed 2 Dec 2026", as the home screen's rows and the
    plan's marks say the day ("Wed 2 Dec"), not "Wed 02 Dec"."""
    from datetime import date

    from textual.style import Style

    from advice.app.widgets.chrome import top_line
    from advice.workspace import short_date

    day = date(2026, 12, 2)
    line = top_line("follow-ups", day, 100, Style()).plain
    assert line.endswith(f"today {short_date(day)} 2026")
    assert line.endswith("today Wed 2 Dec 2026")
