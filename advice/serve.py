"""`advice serve`: the app in a web browser, through Textualize's textual-serve.

textual-serve starts one process per browser connection with a shell command, so each tab
gets its own app and its own session. That command is this same Python running our own
CLI, with the same PATH and --today. textual-serve is an optional extra: it is imported
only when serving, so the engine never pulls in Textual or a web server.

What we change of textual-serve's server: every request must name this computer (or an
allowed name) in a well-formed Host; no directory listings; our own page (no request to
any other host, a title, values escaped); at most `max_tabs` tabs at once; and a quiet
log of one-line records. The served app writes nothing to the server's disk for a
visitor: a plan is a download in the browser, and walks are not saved (app/).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import ipaddress
import logging
import os
import re
import shlex
import signal
import sys
from collections.abc import Awaitable, Callable, Iterable
from datetime import date
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from advice import DISTRIBUTION
from advice.diagnostics import AdviceError

if TYPE_CHECKING:
    from aiohttp import web

INSTALL_HINT = f"`advice serve` needs textual-serve: pip install '{DISTRIBUTION}[serve]'"
TITLE = "advice"
# What the browser tab's title says the page is.
PAGE_TITLE = "advice: expert advice as cited decision trees"
PAGE = Path(__file__).with_name("serve_page.html")
# A Host header: a name or an [IPv6] address, and an optional port. Anything else
# (`[::1`, spaces, `@`) is refused with 400 before any use of it.
_HOST = re.compile(
    r"(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9.])?)(?::[0-9]{1,5})?"
)


def app_command(
    path: Path | None = None, today: date | None = None, theme: str | None = None
) -> str:
    """The shell command that starts one app for one browser tab.

    `exec` makes the app replace the shell, so stopping the app stops the whole session.
    """
    argv = [sys.executable, "-m", "advice.cli"]
    if path is not None:
        argv.append(str(path.resolve()))
    if today is not None:
        argv += ["--today", today.isoformat()]
    if theme is not None:
        argv += ["--theme", theme]
    return "exec " + shlex.join(argv)


def is_local(host: str) -> bool:
    """True if only this computer can reach `host` (a loopback name or address)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def browser_url(host: str, port: int) -> str:
    """The address to open: a wildcard bind is reached through localhost from here."""
    shown = "localhost" if host in ("0.0.0.0", "::", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def cross_site(origin: str | None, host_header: str) -> bool:
    """True for a websocket opened by a page from another site.

    Browsers let any page open a websocket to localhost; without this check a site the
    user visits could type into an app here (and save files through its dialogs).
    """
    if origin is None:  # not a browser (curl, scripts): nothing to protect against
        return False
    return urlsplit(origin).netloc.lower() != host_header.lower()


def host_name(host_header: str) -> str:
    """The host a Host header names, lower case, without port or final dot. Raises
    ValueError for a malformed one."""
    if not _HOST.fullmatch(host_header):
        raise ValueError(f"malformed Host header {host_header!r}")
    return (urlsplit("//" + host_header).hostname or "").rstrip(".").lower()


def unexpected_host(bind: str, host_header: str, allowed: Iterable[str] = ()) -> bool:
    """True for a request, to a server listening on this computer only, that names a
    host other than this computer or an allowed name (the Host header). Raises
    ValueError for a malformed Host, whatever the server listens on.

    A page on another site can point its own name at 127.0.0.1 (DNS rebinding); its
    requests then look same-site to the browser, but still carry that name here.
    """
    name = host_name(host_header)
    if not is_local(bind):
        return False  # open to the network already: any name may reach it
    return not (is_local(name) or name in {a.lower() for a in allowed})


def page(base_url: str, websocket_url: str, font_size: int) -> str:
    """The page of one tab; every value from the request is escaped."""
    values = {
        "title": PAGE_TITLE,
        "heading": "advice: starting the app...",
        "static": f"{base_url}/static/",
        "websocket": websocket_url,
        "font_size": str(font_size),
    }
    text = PAGE.read_text(encoding="utf-8")
    return Template(text).substitute({k: html.escape(v) for k, v in values.items()})


def full_page(max_tabs: int) -> str:
    """What the tab after the last one allowed gets instead of an app."""
    tabs = f"{max_tabs} tab{'s' if max_tabs != 1 else ''}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8" />'
        f"<title>{html.escape(PAGE_TITLE)}: busy</title></head><body>"
        f"<h1>advice is busy</h1><p>This server already runs {tabs}, the most it "
        "allows at once. Close one of them, or wait a little, and reload this page.</p>"
        "<p>(Whoever runs it can allow more with <code>advice serve --max-tabs N</code>.)"
        "</p></body></html>\n"
    )


class OneLine(logging.Formatter):
    """Log records as `advice: message`, one line each: an exception is its type and
    message, never a traceback. Not a crash log either: a visitor's malformed message
    makes textual-serve log an exception, and a file each would let anyone fill the
    server's disk."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            message = what if message == str(exc) else f"{message} ({what})"
            if record.name == "textual-serve":  # its handler of a tab's websocket
                message = f"a tab ended on an error: {message}"
        return f"advice: {printable(message)}"


def printable(text: str) -> str:
    """One line, whatever the request put in it (a User-Agent, a path): controls and
    other unprintable characters as escapes, so none reaches the operator's terminal."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in " ".join(text.split()))


def client_mistake(record: logging.LogRecord) -> bool:
    """A record of a request the client got wrong (bad HTTP, a bad websocket
    handshake): answered with a 4xx already, it is not the server's error."""
    from aiohttp import web
    from aiohttp.http_exceptions import HttpProcessingError

    exc = record.exc_info[1] if record.exc_info else None
    if isinstance(exc, web.HTTPException):
        return exc.status < 500
    return isinstance(exc, HttpProcessingError) and (exc.code or 400) < 500


def configure_logging(verbose: bool) -> None:
    """Warnings and errors only (one line each), not the clients' mistakes, which a
    client could send by the thousand; `verbose` adds a line per request."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(OneLine())
    if not verbose:
        handler.addFilter(lambda record: not client_mistake(record))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.getLogger("aiohttp.access").setLevel(logging.INFO if verbose else logging.WARNING)


def announce(host: str, port: int) -> None:
    """Where to point the browser, and who else can reach it: one line (and a warning
    when the network can reach it)."""
    url = browser_url(host, port)
    if is_local(host):
        print(
            f"advice: open {url} in a browser (it only listens on this computer; "
            "Ctrl+C stops the server)"
        )
    else:
        print(f"advice: open {url} in a browser (Ctrl+C stops the server)")
        print(
            f"advice: WARNING: listening on {host}: anyone who can reach this computer can "
            "use it, without a password or encryption. For public use, put it behind a "
            "reverse proxy with TLS."
        )
    sys.stdout.flush()


Handler = Callable[["web.Request"], Awaitable["web.StreamResponse"]]


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    path: Path | None = None,
    today: date | None = None,
    theme: str | None = None,
    allowed_hosts: Iterable[str] = (),
    *,
    max_tabs: int,
    verbose: bool = False,
) -> int:
    """Serve the app until Ctrl+C (or SIGTERM). Problems are one AdviceError line.
    `allowed_hosts`: names besides this computer's that requests may use (a reverse
    proxy's public name); `max_tabs`: apps running at once; `verbose`: a log line per
    request."""
    allowed = list(allowed_hosts)
    if path is not None and not path.exists():
        raise AdviceError(f"no such file or folder: {path}")
    try:
        from textual_serve.server import Server
    except ImportError:
        raise AdviceError(INSTALL_HINT) from None
    log = logging.getLogger("advice.serve")

    class AdviceServer(Server):
        """textual-serve's server, with our checks on every request, our page, a cap on
        tabs, our start and stop lines and a quiet log."""

        tabs = 0  # apps running now, one per open websocket
        said_full = False  # the cap is logged once each time it is reached

        def initialize_logging(self) -> None:
            configure_logging(verbose)

        async def _make_app(self) -> web.Application:
            """textual-serve's routes, behind our check of every request, without the
            directory listing of /static/."""
            from aiohttp import web

            @web.middleware
            async def check_host(request: web.Request, handler: Handler) -> web.StreamResponse:
                try:
                    refused = unexpected_host(host, request.host, allowed)
                except ValueError:
                    raise web.HTTPBadRequest(text="advice: malformed Host header") from None
                if refused:
                    raise web.HTTPForbidden(
                        text="advice: this server answers to localhost only; a proxy's "
                        f"name needs advice serve --allow-host NAME (not {request.host!r})"
                    )
                return await handler(request)

            app = web.Application(middlewares=[check_host])
            app.add_routes(
                [
                    web.get("/", self.handle_index, name="index"),
                    web.get("/ws", self.handle_websocket, name="websocket"),
                    web.get("/download/{key}", self.handle_download, name="download"),
                    web.static("/static", self.statics_path, show_index=False, name="static"),
                ]
            )
            return app

        def full(self) -> bool:
            if self.tabs < max_tabs:
                return False
            if not self.said_full:
                log.warning(
                    f"{self.tabs} tabs are open, the most allowed (--max-tabs): "
                    "the next are asked to come back later"
                )
                self.said_full = True
            return True

        def serve(self, debug: bool = False) -> None:
            # Server.serve, with a `print` that runs only after the port is bound.
            from aiohttp import web
            from aiohttp.web_runner import GracefulExit

            def stop() -> None:
                raise GracefulExit()

            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            with contextlib.suppress(NotImplementedError):  # Windows has no signal handlers
                loop.add_signal_handler(signal.SIGINT, stop)
                loop.add_signal_handler(signal.SIGTERM, stop)
            web.run_app(
                self._make_app(),
                host=self.host,
                port=self.port,
                handle_signals=False,
                loop=loop,
                print=lambda *_: announce(host, port),
                access_log=logging.getLogger("aiohttp.access") if verbose else None,
            )

        async def handle_index(self, request: web.Request) -> Any:
            # The page tells the browser where the websocket is. Build that address from
            # the one the browser used, so it works on any interface and through a proxy
            # that passes Host and X-Forwarded-Proto.
            from aiohttp import web

            if self.full():
                return web.Response(
                    status=503,
                    text=full_page(max_tabs),
                    content_type="text/html",
                    headers={"Retry-After": "30"},
                )
            secure = request.headers.get("X-Forwarded-Proto", request.scheme) == "https"
            base = f"{'https' if secure else 'http'}://{request.host}"
            websocket = f"{'wss' if secure else 'ws'}://{request.host}/ws"
            size = request.query.get("fontsize", "16")
            font_size = min(max(int(size), 6), 64) if size.isdigit() and len(size) < 4 else 16
            return web.Response(text=page(base, websocket, font_size), content_type="text/html")

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            from aiohttp import web

            if cross_site(request.headers.get("Origin"), request.host):
                raise web.HTTPForbidden(text="advice: websocket from another site refused")
            if not web.WebSocketResponse().can_prepare(request).ok:
                # textual-serve would swallow the handshake's error and answer nothing.
                raise web.HTTPBadRequest(text="advice: not a websocket handshake")
            if self.full():
                raise web.HTTPServiceUnavailable(
                    text=f"advice: {max_tabs} tabs are open already, the most allowed; "
                    "close one and reload"
                )
            self.tabs += 1  # no await since full(): the count cannot be overtaken
            try:
                return await super().handle_websocket(request)
            finally:
                self.tabs -= 1
                self.said_full = self.said_full and self.tabs >= max_tabs

    server = AdviceServer(app_command(path, today, theme), host=host, port=port, title=TITLE)
    try:
        server.serve()
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        raise AdviceError(f"cannot listen on {host}:{port}: {reason}") from None
    print("advice: stopped", flush=True)
    return 0
