"""`advice serve`: the app in a web browser, through Textualize's textual-serve.

textual-serve starts one process per browser connection with a shell command, so each tab
gets its own app and its own session. That command is this same Python running our own
CLI, with the same PATH and --today. textual-serve is an optional extra: it is imported
only when serving, so the engine never pulls in Textual or a web server.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import os
import shlex
import signal
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from advice import DISTRIBUTION
from advice.diagnostics import AdviceError

if TYPE_CHECKING:
    from aiohttp import web

INSTALL_HINT = f"`advice serve` needs textual-serve: pip install '{DISTRIBUTION}[serve]'"
TITLE = "advice"


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


def unexpected_host(bind: str, host_header: str, allowed: Iterable[str] = ()) -> bool:
    """True for a request, to a server listening on this computer only, that names a
    host other than this computer or an allowed name (the Host header).

    A page on another site can point its own name at 127.0.0.1 (DNS rebinding); its
    requests then look same-site to the browser, but still carry that name here.
    """
    if not is_local(bind):
        return False  # open to the network already: any name may reach it
    name = (urlsplit("//" + host_header).hostname or "").rstrip(".").lower()
    return not (is_local(name) or name in {a.lower() for a in allowed})


def announce(host: str, port: int) -> None:
    """Where to point the browser, and who else can reach it."""
    print(f"advice: open {browser_url(host, port)} in a browser (Ctrl+C stops the server)")
    if is_local(host):
        print("advice: it only listens on this computer; nobody else can reach it.")
    else:
        print(
            f"advice: WARNING: listening on {host}: anyone who can reach this computer can "
            "use it, without a password or encryption. For public use, put it behind a "
            "reverse proxy with TLS."
        )
    sys.stdout.flush()


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    path: Path | None = None,
    today: date | None = None,
    theme: str | None = None,
    allowed_hosts: Iterable[str] = (),
) -> int:
    """Serve the app until Ctrl+C (or SIGTERM). Problems are one AdviceError line.
    `allowed_hosts`: names besides this computer's that requests may use (a reverse
    proxy's public name)."""
    allowed = list(allowed_hosts)
    if path is not None and not path.exists():
        raise AdviceError(f"no such file or folder: {path}")
    try:
        from textual_serve.server import Server
    except ImportError:
        raise AdviceError(INSTALL_HINT) from None

    class AdviceServer(Server):
        """textual-serve's server, with our own start-up lines, a page address that
        follows the browser (a fixed one breaks on 0.0.0.0 and behind a proxy), no
        websockets from other sites, and no requests naming another host."""

        def refuse_other_hosts(self, request: web.Request) -> None:
            from aiohttp import web

            if unexpected_host(host, request.host, allowed):
                raise web.HTTPForbidden(
                    text=f"advice: this server answers to localhost only; a proxy's name "
                    f"needs advice serve --allow-host NAME (not {request.host!r})"
                )

        async def on_startup(self, app: web.Application) -> None:
            pass  # instead of textual-serve's banner: ours comes once the port is bound

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
            )

        async def handle_index(self, request: web.Request) -> Any:
            # The page tells the browser where the websocket is. Build that address from
            # the one the browser used, so it works on any interface and through a proxy
            # that passes Host and X-Forwarded-Proto. No await between setting and use.
            self.refuse_other_hosts(request)
            scheme = request.headers.get("X-Forwarded-Proto", request.scheme)
            self.public_url = f"{'https' if scheme == 'https' else 'http'}://{request.host}"
            return await super().handle_index(request)

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            from aiohttp import web

            self.refuse_other_hosts(request)
            if cross_site(request.headers.get("Origin"), request.host):
                raise web.HTTPForbidden(text="advice: websocket from another site refused")
            return await super().handle_websocket(request)

    server = AdviceServer(app_command(path, today, theme), host=host, port=port, title=TITLE)
    try:
        server.serve()
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        raise AdviceError(f"cannot listen on {host}:{port}: {reason}") from None
    return 0
