"""`advice serve` end to end: the real console script, a real headless Chromium, keys typed
into the page as a person would, and the recommendation read back from the terminal.

The browser is Debian's `chromium` driven by Playwright (never `playwright install`).
xterm.js paints on a canvas, so the text is not in the DOM: an init script keeps the
xterm Terminal that textual-serve's page creates and the test reads its screen buffer.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advice.check import check_file
from advice.library import shipped_dir
from advice.model import Question, Tree
from advice.session import Session
from advice.view import RecommendationView, walk_view
from tests.support import ADVICE, TODAY
from tests.support.pictures import BROWSER_SHOT, screen_lines

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).is_file():
    pytest.skip(
        "no Chromium for the browser test: apt-get install chromium", allow_module_level=True
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright missing: pip install -e '.[browser]'"
)

# Where the screenshot goes: the test's tmp dir, or (to refresh the README's picture)
# ADVICE_SCREENSHOTS=docs pytest tests/test_serve_browser.py
SHOTS = os.environ.get("ADVICE_SCREENSHOTS")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# textual.js keeps its xterm Terminal in `this.terminal` of a local object. Catch that
# assignment (an accessor on Object.prototype, removed again on first use per object).
KEEP_TERMINAL = """
window.__terminals = [];
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    if (value && value.buffer && typeof value.write === "function") {
      window.__terminals.push(value);
    }
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
  },
});
"""
READ_SCREEN = """() => {
  const t = window.__terminals[0];
  if (!t) return "";
  const b = t.buffer.active, rows = [];
  for (let y = 0; y < t.rows; y++) {
    const line = b.getLine(b.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}"""
TERMINAL_SIZE = "() => [window.__terminals[0].cols, window.__terminals[0].rows]"
WAIT = 15.0  # seconds for one screen to appear (a slow CI machine starting an app)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def flat(text: str) -> str:
    """Screen or tree text as a comparable line: borders and quote bars out, spaces one."""
    text = re.sub(r"[\u2500-\u259f]", " ", text)
    return " ".join(text.split())


def readings(screen: str) -> list[str]:
    """The screen read whole, and its left column alone: beside a side pane, wrapped lines
    of a paragraph are only contiguous within their own column (3+ spaces split them)."""
    left = []
    for line in screen.splitlines():
        parts = [p for p in re.split(r" {3,}", re.sub(r"[\u2500-\u259f]", " ", line)) if p]
        left.append(parts[0] if parts else "")
    return [flat(screen), flat("\n".join(left))]


def group_members(pgid: int) -> list[str]:
    """Live (not zombie) processes in a process group, as 'pid command'."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            raw = stat.read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(f"{stat.parent.name} {raw[raw.index('(') : raw.rindex(')') + 1]}")
    return found


class Server:
    def __init__(self, proc: subprocess.Popen[bytes], url: str, log: Path) -> None:
        self.proc, self.url, self.log = proc, url, log


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One Chromium with a fresh profile; each test opens its own tabs in it."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1180, "height": 760},
        )
        context.add_init_script(KEEP_TERMINAL)
        # The page must need nothing from another host (it fetched a Google font): any
        # request that does not go to this computer is noted and refused.
        context.route(re.compile(r"^(?!https?://127\.0\.0\.1:)"), _refuse_elsewhere)
        yield context
        context.close()


ELSEWHERE: list[str] = []  # requests the pages made to any other host


def _refuse_elsewhere(route: Any) -> None:
    ELSEWHERE.append(route.request.url)
    route.abort()


@pytest.fixture(scope="module")
def server(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`advice serve` as a new user starts it, in its own process group; stopped at the
    end (tabs still open) and checked: no process of the group may be left."""
    home = tmp_path_factory.mktemp("serve")
    log = home / "serve.log"
    port = free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [ADVICE, "serve", "--port", str(port), "--today", TODAY.isoformat()],
            cwd=home,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT
        while f"open {url} in a browser" not in log.read_text(errors="replace"):
            assert proc.poll() is None, f"advice serve exited:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"no URL printed:\n{log.read_text()}"
            time.sleep(0.05)
        assert "only listens on this computer" in log.read_text()
        yield Server(proc, url, log)
        os.killpg(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=WAIT) == 0, log.read_text()
        deadline = time.monotonic() + WAIT
        while (left := group_members(proc.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not left, f"left running after the server stopped: {left}"
    finally:
        if group_members(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.wait()


@pytest.fixture(scope="module")
def tree() -> Tree:
    result = check_file(shipped_dir() / "interview-follow-up.yaml")
    assert result.tree is not None
    return result.tree


class Tab:
    """One browser tab on the server: its own websocket, so its own app process."""

    def __init__(self, browser: Any, url: str) -> None:
        self.page = browser.new_page()
        self.page.goto(url)  # returns at page load; the app starts behind the intro card

    def click_in(self) -> None:
        """Click into the terminal, as a person would (waits for the intro card to go): on
        the top bar, which does nothing (a click in the middle could pick an answer)."""
        self.page.locator(".xterm-screen").click(position={"x": 300, "y": 5})

    def screen(self) -> str:
        """The terminal's rows; the buffer outlives the session, so a closed one fails."""
        if self.page.evaluate("() => document.body.classList.contains('-closed')"):
            raise AssertionError("the page says: Session ended (the app process stopped)")
        return str(self.page.evaluate(READ_SCREEN))

    def wait_for(self, *texts: str) -> str:
        """Wait until every text is on the screen; the screen (flattened)."""
        wanted = [flat(t) for t in texts]
        deadline = time.monotonic() + WAIT
        while True:
            shown = readings(self.screen())
            missing = [w for w in wanted if not any(w in r for r in shown)]
            if not missing:
                return shown[0]
            if time.monotonic() > deadline:
                raise AssertionError(f"not on the page: {missing}\nscreen:\n{self.screen()}")
            time.sleep(0.05)

    def settle(self, quiet: float = 0.3) -> None:
        """Wait until the screen stops changing (the footer is drawn last), for a picture."""
        deadline = time.monotonic() + WAIT
        last, since = self.screen(), time.monotonic()
        while time.monotonic() - since < quiet and time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()

    def answer(self, question: Question, value: str) -> None:
        """Type the answer's number key, or clear the field and type the value + Enter."""
        self.wait_for(question.text)
        keyboard = self.page.keyboard
        if question.input is None:
            ids = [a.id for a in question.answers]
            keyboard.press(str(ids.index(value) + 1))
        else:
            # Keys typed before the field has focus are lost (on a loaded machine 0.2 s
            # was not always enough): type, see the field hold the value on a row of its
            # own, else clear and type again.
            for _ in range(5):
                self.settle(0.2)
                keyboard.press("Home")
                keyboard.press("Control+k")
                keyboard.type(value)
                if self.field_shows(value):
                    break
            keyboard.press("Enter")

    def field_shows(self, value: str, within: float = 3.0) -> bool:
        """Whether a row of the screen is the typed value alone (the field), soon."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if any(row.strip() == value for row in self.screen().splitlines()):
                return True
            time.sleep(0.05)
        return False


def expected(tree: Tree, answers: list[str]) -> RecommendationView:
    """What the engine says these answers lead to (the same data the app shows)."""
    result = check_file(shipped_dir() / f"{tree.id}.yaml")
    node = walk_view(Session.replay(tree, answers, TODAY), result.sources).node
    assert isinstance(node, RecommendationView)
    return node


def steps(tree: Tree, answers: list[str]) -> list[tuple[Question, str]]:
    """Each question on the way with the answer to give it."""
    session = Session(tree, TODAY)
    out = []
    for value in answers:
        question = session.current
        assert isinstance(question, Question)
        out.append((question, value))
        session.answer(value)
    return out


def shows_recommendation(tab: Tab, node: RecommendationView) -> str:
    """The title, the text, the first quote's byline and the first date are on the page."""
    texts = [node.title, node.text, node.citations[0].byline]
    if node.schedule:
        texts.append(f"{node.schedule[0].date:%d %B %Y}")
    return tab.wait_for(*texts)


def test_walk_to_a_cited_recommendation_in_the_browser(
    server: Server, browser: Any, tree: Tree, tmp_path: Path
) -> None:
    # A typed date, dates in the plan and a ready text: the README's picture.
    answers = ["just-interviewed", "yesterday", "email"]
    node = expected(tree, answers)
    tab = Tab(browser, server.url)
    tab.click_in()
    for question, value in steps(tree, answers):
        tab.answer(question, value)
    shows_recommendation(tab, node)
    tab.settle()
    shot = Path(SHOTS or tmp_path) / BROWSER_SHOT.name
    tab.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000  # a picture of the page, not an empty file
    # Beside the picture, the text of the screen it shows: test_readme_pictures.py checks
    # that the app still draws it. The browser draws what the app draws in a terminal of
    # its size, or that check would prove nothing.
    size = tab.page.evaluate(TERMINAL_SIZE)
    screen = [line.rstrip() for line in tab.screen().splitlines()]
    record = {"today": TODAY.isoformat(), "answers": answers, "size": size, "screen": screen}
    shot.with_suffix(".json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    assert screen == screen_lines(answers, (size[0], size[1]))
    assert tab.page.title() == "advice: expert advice as cited decision trees"
    # Save: the browser downloads the plan (the server writes nothing of it).
    with tab.page.expect_download(timeout=WAIT * 1000) as download:
        tab.page.keyboard.press("s")
    assert download.value.suggested_filename == "advice-plan-interview-follow-up.md"
    plan = Path(download.value.path()).read_text(encoding="utf-8")
    assert node.title in plan and node.citations[0].quote in plan
    assert not (server.log.parent / "advice-plan-interview-follow-up.md").exists()
    assert ELSEWHERE == []  # works offline: the font, script and styles came from here


def test_two_tabs_walk_different_paths_at_once(server: Server, browser: Any, tree: Tree) -> None:
    # The same first answer, then different ones, typed in turn: a shared session would
    # show one tab's answer in the other, or end both at the same step.
    paths = [["no-word", "a week ago", "nothing-yet"], ["no-word", "a week ago", "emailed-both"]]
    nodes = [expected(tree, answers) for answers in paths]
    assert nodes[0].title != nodes[1].title
    tabs = [Tab(browser, server.url) for _ in paths]  # both apps start at once
    for tab in tabs:
        tab.click_in()
    walks = [steps(tree, answers) for answers in paths]
    for i in range(max(len(w) for w in walks)):
        for tab, walk in zip(tabs, walks, strict=True):
            if i < len(walk):
                tab.answer(*walk[i])
    for tab, node, other in zip(tabs, nodes, reversed(nodes), strict=True):
        shown = shows_recommendation(tab, node)
        assert flat(other.title) not in shown
