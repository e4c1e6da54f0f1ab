"""`advice serve` without a browser: the command each tab runs, who can reach the server,
and the one-line errors (missing extra, busy port, missing path) of the real console script.
The browser walk is in test_serve_browser.py."""

from __future__ import annotations

import http.client
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from advice.cli import build_parser
from advice.serve import (
    INSTALL_HINT,
    announce,
    app_command,
    browser_url,
    cross_site,
    is_local,
    unexpected_host,
)
from tests.support import ADVICE, PROJECT_NAME
from tests.support.serve import serving


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ADVICE, "serve", *args], capture_output=True, text=True, timeout=30, env=env
    )


def test_each_tab_runs_this_python_with_the_same_path_and_date(tmp_path: Path) -> None:
    odd = tmp_path / 'it\'s a "tree" $HOME; rm -rf x.yaml'
    command = app_command(odd, date(2026, 11, 20))
    assert shlex.split(command) == [
        "exec",
        sys.executable,
        "-m",
        "advice.cli",
        str(odd.resolve()),
        "--today",
        "2026-11-20",
    ]
    assert shlex.split(app_command()) == ["exec", sys.executable, "-m", "advice.cli"]


def test_each_tab_gets_the_theme_asked_for() -> None:
    """`advice serve --theme light`: the tab's command, parsed by the real command line."""
    assert run("--theme", "purple").returncode == 2  # refused like the app's own --theme
    argv = shlex.split(app_command(None, date(2026, 11, 20), "light"))
    assert argv[:4] == ["exec", sys.executable, "-m", "advice.cli"]
    assert build_parser().parse_args(argv[4:]).theme == "light"


def test_only_loopback_counts_as_local() -> None:
    assert is_local("127.0.0.1") and is_local("localhost") and is_local("::1")
    assert not is_local("0.0.0.0") and not is_local("192.168.1.5") and not is_local("::")
    assert browser_url("0.0.0.0", 8000) == "http://localhost:8000"
    assert browser_url("::1", 8001) == "http://[::1]:8001"


def test_the_network_gets_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    announce("127.0.0.1", 8000)
    local = capsys.readouterr().out
    assert "http://127.0.0.1:8000" in local and "only listens on this computer" in local
    announce("0.0.0.0", 8000)
    public = capsys.readouterr().out
    assert "WARNING" in public and "reverse proxy with TLS" in public
    assert "only listens" not in public


def test_without_the_extra_one_line_says_what_to_install(tmp_path: Path) -> None:
    # textual-serve made unimportable, as it is when the extra was not installed.
    (tmp_path / "textual_serve").mkdir()
    (tmp_path / "textual_serve" / "__init__.py").write_text(
        "raise ImportError(\"No module named 'textual_serve'\")\n"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    out = run("--port", "1", env=env)
    assert out.returncode == 1
    assert out.stderr == f"advice: {INSTALL_HINT}\n"
    # The real distribution's name: `advice` on PyPI is someone else's project.
    assert f"pip install '{PROJECT_NAME}[serve]'" in out.stderr


def test_a_busy_port_is_one_line() -> None:
    pytest.importorskip("textual_serve", reason="needs the serve extra")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out = run("--port", str(port))
    assert out.returncode == 1
    assert f"advice: cannot listen on 127.0.0.1:{port}: " in out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    assert "open http" not in out.stdout  # the address is printed only once it is bound


def test_a_missing_path_is_one_line(tmp_path: Path) -> None:
    out = run(str(tmp_path / "nope.yaml"))
    assert (out.returncode, out.stderr.strip()) == (
        1,
        f"advice: no such file or folder: {tmp_path / 'nope.yaml'}",
    )


def test_websockets_from_other_sites_are_refused() -> None:
    host = "127.0.0.1:8000"
    assert not cross_site(None, host)  # not a browser
    assert not cross_site("http://127.0.0.1:8000", host)
    assert not cross_site("https://advice.example.org", "advice.example.org")
    assert cross_site("https://evil.example", host)
    assert cross_site("null", host)  # sandboxed frames, file:// pages
    assert cross_site("http://127.0.0.1:9000", host)


def test_a_server_on_this_computer_answers_only_to_its_names() -> None:
    assert not unexpected_host("127.0.0.1", "127.0.0.1:8000")
    assert not unexpected_host("127.0.0.1", "localhost:8000")
    assert not unexpected_host("127.0.0.1", "[::1]:8000")
    assert unexpected_host("127.0.0.1", "evil.example:8000")
    assert unexpected_host("127.0.0.1", "192.168.1.5:8000")
    assert not unexpected_host("127.0.0.1", "Advice.Example.org", ["advice.example.org"])
    assert not unexpected_host("0.0.0.0", "anything.example:8000")  # open to the network
    for malformed in ("[::1", "a b", "x@y", "[::1]:port", "", "host:8000:1", "-x."):
        with pytest.raises(ValueError):
            unexpected_host("0.0.0.0", malformed)  # refused whatever the server listens on


def get(port: int, path: str, headers: dict[str, str]) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read().decode()
    finally:
        conn.close()


def test_the_page_follows_the_browsers_address_and_refuses_other_sites(
    tmp_path: Path,
) -> None:
    pytest.importorskip("textual_serve", reason="needs the serve extra")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [ADVICE, "serve", "--port", str(port), "--allow-host", "advice.example.org"],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 20
        while "open http" not in log.read_text():
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.05)
        status, page = get(port, "/", {})
        assert status == 200
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
        # Behind a TLS proxy that passes Host and X-Forwarded-Proto.
        proxied = {"Host": "advice.example.org", "X-Forwarded-Proto": "https"}
        status, page = get(port, "/", proxied)
        assert 'data-session-websocket-url="wss://advice.example.org/ws"' in page
        assert 'href="https://advice.example.org/static/css/xterm.css"' in page
        upgrade = {
            "Connection": "Upgrade",
            "Upgrade": "websocket",
            "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
            "Origin": "https://evil.example",
        }
        status, body = get(port, "/ws", upgrade)
        assert (status, body) == (403, "advice: websocket from another site refused")
        # DNS rebinding: a page whose own name now points here looks same-site to the
        # browser, but its name is neither this computer's nor an allowed one.
        rebound = {"Host": f"evil.example:{port}"}
        status, body = get(port, "/", rebound)
        assert status == 403 and "--allow-host" in body
        status, body = get(
            port, "/ws", {**upgrade, **rebound, "Origin": f"http://evil.example:{port}"}
        )
        assert status == 403
        assert get(port, "/", {"Host": f"localhost:{port}"})[0] == 200
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


ROUTES = ["/", "/ws", "/static/", "/static/js/textual.js", "/static/css/", "/download/x"]


def test_every_route_checks_the_host_and_nothing_lists_a_folder(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve", reason="needs the serve extra")
    with serving(cwd=tmp_path) as served:
        for route in ROUTES:
            status, body = served.get(route, {"Host": f"evil.example:{served.port}"})
            assert status == 403 and "--allow-host" in body, route
            # Malformed: a client error, not a server error with a traceback in the log.
            for bad in ("[::1", "a b", "x@evil.example", "[::1]:port", ""):
                status, body = served.get(route, {"Host": bad})
                assert status == 400, (route, bad, status, body)
        for folder in ("/static/", "/static/js/", "/static/fonts/"):
            status, body = served.get(folder, {"Host": f"localhost:{served.port}"})
            assert status in (403, 404) and "Index of" not in body and ".js" not in body
        assert served.get("/static/js/textual.js")[0] == 200
        os.killpg(served.proc.pid, signal.SIGTERM)
        served.proc.wait(timeout=20)
        log = served.text()
    assert "Traceback" not in log and "Error handling request" not in log
    assert "500" not in log


def test_the_page_needs_no_other_host_and_says_what_it_is(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve", reason="needs the serve extra")
    with serving(cwd=tmp_path) as served:
        status, page = served.get("/")
        assert status == 200
        assert "<title>advice: expert advice as cited decision trees</title>" in page
        base = f"http://127.0.0.1:{served.port}/"
        linked = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)|url\(["']?([^"')]+)""", page)
        urls = [a or b for a, b in linked]
        assert urls and all(u.startswith(base) for u in urls), urls
        assert not re.search(r"(?<![\w/])//[a-z]", page.replace(base, ""))  # no //host/...
        for url in urls:  # the font, the script, the styles are all here
            assert served.get(url.removeprefix(base[:-1]))[0] == 200, url
        # What the request brings is escaped, not placed in the page as it came.
        status, page = served.get("/?fontsize=16%22%3E%3Cscript%3E")
        assert status == 200 and "<script>" not in page.split("</head>")[1]


BAD_REQUESTS = [
    b"GARBAGE\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: \x1b]0;title\x07\r\n\r\n",
    b"GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: bad\r\n\r\n",
    b"GET /ws HTTP/1.1\r\nHost: localhost\r\n\r\n",
]


def test_the_log_is_a_line_at_start_and_at_stop_and_verbose_adds_requests(
    tmp_path: Path,
) -> None:
    pytest.importorskip("textual_serve", reason="needs the serve extra")
    for verbose in (False, True):
        with serving(*(["--verbose"] if verbose else []), cwd=tmp_path) as served:
            assert served.get("/")[0] == 200
            assert served.get("/static/nope.js")[0] == 404
            assert served.get("/", {"Host": "evil.example"})[0] == 403
            # Clients' mistakes get 400 and no line: a client could send them by the
            # thousand (a bad websocket handshake was answered with nothing at all).
            for mistake in BAD_REQUESTS:
                assert served.raw(mistake).endswith(b" 400 Bad Request"), mistake
            os.killpg(served.proc.pid, signal.SIGTERM)
            assert served.proc.wait(timeout=20) == 0
            lines = served.text().splitlines()
        url = f"http://127.0.0.1:{served.port}"
        assert lines[0] == (
            f"advice: open {url} in a browser (it only listens on this computer; "
            "Ctrl+C stops the server)"
        )
        assert lines[-1] == "advice: stopped"
        assert "\x1b" not in "".join(lines) and "Traceback" not in "".join(lines)
        if verbose:
            requests = lines[1:-1]
            assert len(requests) >= 3 and all(line.startswith("advice: ") for line in requests)
            assert '"GET / HTTP/1.1" 200' in requests[0]
            assert '"GET /static/nope.js HTTP/1.1" 404' in requests[1]
        else:
            assert len(lines) == 2, lines
