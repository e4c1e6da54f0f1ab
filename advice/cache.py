"""A cache of checked trees, so opening a large tree the second time is instant.

Keyed by the content of the tree file, of its sources.yaml and of the engine code that
reads them, so an entry is never served after any of them changed. Each entry carries
a checksum of its own bytes: a truncated or corrupt entry is a miss (and is removed),
never an error. Entries are plain JSON (never pickle: nothing in a cache file can run).
Nodes are rebuilt lazily, when first looked at, because a walk visits a handful of a
large tree's nodes.

The cache lives in the user cache directory (platformdirs); ADVICE_CACHE_DIR moves it
and ADVICE_CACHE=off turns it off.
"""

from __future__ import annotations

import contextlib
import os
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import msgspec

try:  # the C module behind hashlib.blake2b, without hashlib loading OpenSSL (~1.5 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

from advice.diagnostics import AdviceError, CheckResult, Diagnostic
from advice.fileio import atomic_write
from advice.library import max_bytes, sources_for
from advice.memory import gc_paused
from advice.model import NODE_KINDS, Loc, Node, Record, SourceList, Tree, is_record, model_fields

FORMAT = 3
# The modules whose code decides what a check returns; editing any of them
# invalidates every entry, so a developer never sees a stale result either.
_ENGINE = (
    "model",
    "loader",
    "yamlnodes",
    "check",
    "diagnostics",
    "session",
    "kinds",
    "schedule",
    "dates",
    "texts",
    "cache",
    "routes",
    "library",
)
_KIND_OF = {cls: key for key, cls in NODE_KINDS.items()}
# msgspec's JSON (already imported for the model) instead of the json module: faster,
# and one import less at start.
_json = msgspec.json


def _hash(data: bytes) -> blake2b:
    return blake2b(data, digest_size=32)


def cache_dir() -> Path | None:
    if os.environ.get("ADVICE_CACHE", "").lower() in ("off", "0", "no"):
        return None
    override = os.environ.get("ADVICE_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs  # only when the cache is used

    return Path(platformdirs.user_cache_dir("advice"))


@cache
def _code_fingerprint() -> bytes:
    # Each module's size and modification time, as Python itself checks a .pyc
    # against its source: reading and hashing them all was ~0.4 ms of every start.
    h = _hash(str(FORMAT).encode())
    here = Path(__file__).parent
    for name in _ENGINE:
        try:
            st = (here / f"{name}.py").stat()
        except OSError:
            # Never silent: tests/test_cache.py fails on a name with no module (a
            # rename); at run time the entry is still told apart from a present one.
            h.update(f"{name}:missing\n".encode())
            continue
        h.update(f"{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.digest()


# -- encoding: model objects <-> compact JSON lists -----------------------------------------


def _fields(cls: type) -> list[str]:
    return [name for name in cls.__struct_fields__ if name != "loc"]  # type: ignore[attr-defined]


def _encode(value: Any) -> Any:
    if isinstance(value, Loc):
        return [value.line, value.col]
    if isinstance(value, Record):
        out = [_encode(getattr(value, name)) for name in _fields(type(value))]
        out.append(_encode(value.loc))  # type: ignore[attr-defined]
        if type(value) in _KIND_OF:
            out.insert(0, _KIND_OF[type(value)])  # type: ignore[index]
        return out
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _encode(v) for k, v in value.items()}
    return value


Decoder = Callable[[Any], Any]


class _Decoders:
    """Type-driven decoders, built once per type, for one file name (Loc.file)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.made: dict[Any, Decoder] = {}

    def get(self, tp: Any) -> Decoder:
        found = self.made.get(tp)
        if found is None:
            found = self.made[tp] = self._make(tp)
        return found

    def _make(self, tp: Any) -> Decoder:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp in (str, int, bool) or origin is typing.Literal:
            return lambda v: v
        if tp == Node:
            by_kind = {key: self.get(cls) for key, cls in NODE_KINDS.items()}
            return lambda v: by_kind[v[0]](v[1:])
        if origin in (types.UnionType, typing.Union):
            inner = self.get(next(a for a in args if a is not type(None)))
            return lambda v: None if v is None else inner(v)
        if origin is tuple:
            item = self.get(args[0])
            return lambda v: tuple(item(x) for x in v)
        if origin is dict:
            item = self.get(args[1])
            return lambda v: {k: item(x) for k, x in v.items()}
        if is_record(tp):
            parts = [self.get(s.type) for s in model_fields(tp)]
            file = self.file
            make: Callable[..., Any] = tp

            def record(v: list[Any]) -> Any:
                line, col = v[-1]
                return make(*[p(x) for p, x in zip(parts, v, strict=False)], Loc(file, line, col))

            return record
        raise TypeError(f"cannot decode {tp!r}")


class LazyNodes(Mapping[str, Node]):
    """A tree's nodes, each rebuilt from its cached form the first time it is used.

    Each node is cached as its own JSON text, so reading the entry creates one string
    per node instead of dozens of small objects (the collector would scan them all)."""

    def __init__(self, raw: dict[str, str], decode: Decoder) -> None:
        self._raw = raw
        self._decode = decode
        self._built: dict[str, Node] = {}

    def __getitem__(self, key: str) -> Node:
        try:
            return self._built[key]
        except KeyError:
            node: Node = self._decode(_json.decode(self._raw[key]))
            self._built[key] = node
            return node

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, key: object) -> bool:
        return key in self._raw


def _encode_result(result: CheckResult) -> dict[str, Any]:
    tree = result.tree
    return {
        "tree": None
        if tree is None
        else {name: _encode(getattr(tree, name)) for name in _fields(Tree) if name != "nodes"}
        | {"loc": _encode(tree.loc)},
        "nodes": None
        if tree is None
        else {k: _json.encode(_encode(n)).decode() for k, n in tree.nodes.items()},
        "sources": None if result.sources is None else _encode(result.sources),
        "sources_file": None if result.sources is None else result.sources.loc.file,
        "diagnostics": [
            [d.code, d.message, d.loc.file, d.loc.line, d.loc.col] for d in result.diagnostics
        ],
    }


def _decode_result(path: Path, data: dict[str, Any]) -> CheckResult:
    file = str(path)
    dec = _Decoders(file)
    tree = None
    if data["tree"] is not None:
        head = data["tree"]
        values = {
            s.name: dec.get(s.type)(head[s.name])
            for s in model_fields(Tree)
            if s.name != "nodes" and s.name in head
        }
        nodes = LazyNodes(data["nodes"], dec.get(Node))
        line, col = head["loc"]
        tree = Tree(nodes=nodes, loc=Loc(file, line, col), **values)  # type: ignore[arg-type]
    sources = None
    if data["sources"] is not None:
        sources = _Decoders(data["sources_file"]).get(SourceList)(data["sources"])
    diags = [Diagnostic(c, m, Loc(f, ln, col)) for c, m, f, ln, col in data["diagnostics"]]
    return CheckResult(path, tree, sources, diags)


# -- the cache itself --------------------------------------------------------------------


def _key(path: Path, tree_bytes: bytes) -> str:
    h = _hash(_code_fingerprint())
    src = sources_for(path)
    h.update(str(path).encode() + b"\0" + str(src).encode() + b"\0")
    h.update(_hash(tree_bytes).digest())
    with contextlib.suppress(OSError):
        h.update(_hash(src.read_bytes()).digest())
    return h.hexdigest()


def _read_entry(entry: Path) -> dict[str, Any] | None:
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    digest, _, payload = raw.partition(b"\n")
    if _hash(payload).hexdigest().encode() != digest:
        with contextlib.suppress(OSError):
            entry.unlink()  # corrupt or truncated: drop it, check afresh
        return None
    try:
        data = _json.decode(payload)
    except msgspec.DecodeError:
        return None
    return data if isinstance(data, dict) else None


def _check_uncached(path: Path) -> CheckResult:
    """The checker, imported only when the cache cannot answer (with PyYAML under it,
    about 25 ms of a start)."""
    from advice.check import check_file as check

    return check(path)


def checked(path: Path) -> CheckResult:
    """check_file(path), served from the cache when nothing it depends on changed.

    The checker (and the YAML parser under it) is imported only on a miss: a warm
    start of the app never loads them."""
    folder = cache_dir()
    limit = max_bytes()
    try:
        with path.open("rb") as f:  # bounded: /dev/zero says it is empty and never ends
            tree_bytes = f.read(limit + 1)
    except OSError:
        return _check_uncached(path)  # let the checker report the unreadable file
    if len(tree_bytes) > limit:
        return _check_uncached(path)  # the checker reports the size
    if folder is None:
        return _check_uncached(path)
    entry = folder / f"{_key(path, tree_bytes)}.json"
    with gc_paused():
        data = _read_entry(entry)
        if data is not None:
            try:
                return _decode_result(path, data)
            except (KeyError, TypeError, ValueError, IndexError):
                pass  # written by another version's encoder despite the key: check afresh
    result = _check_uncached(path)
    payload = _json.encode(_encode_result(result))
    digest = _hash(payload).hexdigest().encode()
    with contextlib.suppress(AdviceError):  # a cache we cannot write only costs speed
        atomic_write(entry, digest + b"\n" + payload)
    return result


def node_count(tree: Tree) -> tuple[int, int]:
    """(questions, recommendations) without building every cached node."""
    nodes = tree.nodes
    if isinstance(nodes, LazyNodes):
        # A cached node's JSON starts with its kind key: ["question", ...
        q = sum(1 for raw in nodes._raw.values() if raw.startswith('["question"'))
        return q, len(nodes._raw) - q
    q = len(tree.questions())
    return q, len(nodes) - q
