"""`advice serve` through a real websocket client (aiohttp's, as a browser tab talks to
it): what a visitor can make the server write, how many tabs run at once. The page,
the Host check and the log are in test_serve.py; the browser walk in
test_serve_browser.py."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from advice.check import check_file
from advice.library import shipped_dir
from advice.model import Question
from advice.session import Session
from tests.support import ADVICE, TODAY
from tests.support.serve import WAIT, Served, serving

aiohttp = pytest.importorskip("aiohttp", reason="needs the serve extra")
pytest.importorskip("textual_serve", reason="needs the serve extra")

ANSWERS = ["tempted", "gift"]  # two keys from the first question to a plan
ANSI = re.compile(r"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


class Tab:
    """One tab's websocket: keys in, the terminal's output and the page's messages out."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.screen = ""  # everything the app drew, escape codes taken out
        self.messages: list[list[Any]] = []  # text frames: ["deliver_file_start", key], ...

    async def read_until(self, found: Any, what: str) -> None:
        async with asyncio.timeout(WAIT):
            while not found():
                message = await self.ws.receive()
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.screen += ANSI.sub("", message.data.decode("utf-8", "replace"))
                elif message.type == aiohttp.WSMsgType.TEXT:
                    self.messages.append(json.loads(message.data))
                else:
                    raise AssertionError(f"the tab closed waiting for {what}:\n{self.screen}")

    async def shows(self, text: str) -> None:
        """Wait until `text` is drawn (its words, however the lines were drawn)."""
        words = " ".join(text.split()[:6])
        await self.read_until(lambda: words in " ".join(self.screen.split()), repr(words))

    async def press(self, key: str) -> None:
        await self.ws.send_json(["stdin", key])


def keys_to_a_plan() -> tuple[list[str], list[str], str]:
    """The number keys for ANSWERS, the question texts on the way, the plan's title."""
    tree = check_file(shipped_dir() / "interview-follow-up.yaml").tree
    assert tree is not None
    session = Session(tree, TODAY)
    keys, texts = [], []
    for value in ANSWERS:
        question = session.current
        assert isinstance(question, Question) and question.input is None
        keys.append(str([a.id for a in question.answers].index(value) + 1))
        texts.append(question.text)
        session.answer(value)
    assert session.finished
    return keys, texts, session.current.title


async def open_tab(client: Any, served: Served) -> Tab:
    ws = await client.ws_connect(f"http://127.0.0.1:{served.port}/ws?width=100&height=30")
    return Tab(ws)


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` and its bytes (but the server's own log)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.name != "serve.log"
    }


def test_save_in_a_browser_tab_is_a_download_and_nothing_is_written(tmp_path: Path) -> None:
    """The plan comes back over HTTP, the same Markdown `advice export` writes; the
    server's folders are as they were (the save dialog's path wrote any file the
    server's user could), and a save already there is neither offered nor touched."""
    keys, texts, title = keys_to_a_plan()
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    walk = subprocess.run(  # someone's walk on the server, saved on its disk
        [ADVICE, "walk", "interview-follow-up", "--resume", "--today", TODAY.isoformat()],
        input="1\n",
        capture_output=True,
        text=True,
        env={**os.environ, "ADVICE_DATA_DIR": str(data)},
        timeout=60,
    )
    assert "Saved; continue with" in walk.stdout, walk.stdout + walk.stderr
    expected = subprocess.run(
        [ADVICE, "export", "interview-follow-up", "--today", TODAY.isoformat()]
        + [a for v in ANSWERS for a in ("--answer", v)],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert title in expected

    async def visit(served: Served) -> str:
        before = {"home": files_under(home), "data": files_under(data)}
        async with aiohttp.ClientSession() as client:
            tab = await open_tab(client, served)
            await tab.shows(texts[0])
            assert "continue" not in tab.screen.lower()  # the save is not offered
            for key, text in zip(keys, texts, strict=True):
                await tab.shows(text)
                await tab.press(key)
            await tab.shows(title)
            await tab.press("s")
            await tab.read_until(
                lambda: any(m[0] == "deliver_file_start" for m in tab.messages), "a download"
            )
            [key] = [m[1] for m in tab.messages if m[0] == "deliver_file_start"]
            async with client.get(f"http://127.0.0.1:{served.port}/download/{key}") as got:
                assert got.status == 200
                assert "advice-plan-interview-follow-up.md" in got.headers["Content-Disposition"]
                assert got.headers["Content-Type"].startswith("text/markdown")
                plan = await got.text()
            await tab.shows("downloading the plan")
            assert "Save the plan as Markdown" not in tab.screen  # no dialog, no path
            await tab.ws.close()
        assert {"home": files_under(home), "data": files_under(data)} == before
        return plan

    env = {"ADVICE_DATA_DIR": str(data)}
    with serving("--today", TODAY.isoformat(), cwd=home, env=env) as served:
        plan = asyncio.run(visit(served))
    assert plan == expected


def test_tabs_beyond_the_cap_get_a_page_not_a_process(tmp_path: Path) -> None:
    async def visit(served: Served) -> None:
        async with aiohttp.ClientSession() as client:
            first = await open_tab(client, served)
            await first.shows("advice")  # its app runs
            status, page = served.get("/")
            assert status == 503 and "<title>" in page
            assert "already runs 1 tab, the most it allows" in page
            assert "--max-tabs" in page
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await open_tab(client, served)
            assert refused.value.status == 503
            await first.ws.close()
            async with asyncio.timeout(WAIT):  # its app stops; the next tab is welcome
                while served.get("/")[0] != 200:
                    await asyncio.sleep(0.05)
            second = await open_tab(client, served)
            await second.shows("advice")
            await second.ws.close()

    with serving("--max-tabs", "1", cwd=tmp_path) as served:
        asyncio.run(visit(served))
        log = served.text()
    assert log.count("tabs are open, the most allowed (--max-tabs)") == 1


def test_max_tabs_must_be_a_positive_number(tmp_path: Path) -> None:
    for bad in ("0", "-3", "many"):
        out = subprocess.run(
            [ADVICE, "serve", "--max-tabs", bad], capture_output=True, text=True, timeout=30
        )
        assert out.returncode == 2 and "--max-tabs" in out.stderr
        assert "Traceback" not in out.stderr


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux's /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended while we looked
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_a_malformed_message_ends_its_tab_with_one_line_in_the_log(tmp_path: Path) -> None:
    """No traceback in the log and no file on the server's disk per bad message."""
    state = tmp_path / "state"

    async def visit(served: Served) -> None:
        async with aiohttp.ClientSession() as client:
            tab = await open_tab(client, served)
            await tab.shows("advice")
            await tab.ws.send_str("not json \x1b]0;title\x07")
            async with asyncio.timeout(WAIT):
                while not tab.ws.closed:
                    await tab.ws.receive()
            await tab.ws.close()

    with serving(cwd=tmp_path, env={"ADVICE_STATE_DIR": str(state)}) as served:
        asyncio.run(visit(served))
        # The socket closes before the tab's process has finished ending: wait for it,
        # or the stop below reaches it half-way and what it prints is not our log's.
        deadline = time.monotonic() + WAIT
        while children(served.proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(served.proc.pid, signal.SIGTERM)
        assert served.proc.wait(timeout=WAIT) == 0
        log = served.text()
    lines = log.splitlines()
    assert lines[-1] == "advice: stopped" and all(line.startswith("advice: ") for line in lines)
    assert "Traceback" not in log and "\x1b" not in log
    assert not state.exists() or not any(state.rglob("*"))
