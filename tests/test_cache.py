"""The parsed-tree cache: same results as a fresh check, never stale, never broken."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from advice.cache import LazyNodes, checked, node_count
from advice.check import check_file
from advice.library import shipped_dir
from advice.session import Session
from tests.support import start_probe


@pytest.fixture
def tree_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ADVICE_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "trees"
    shutil.copytree(shipped_dir(), folder)
    return folder


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("*.json"))


def test_warm_result_equals_a_fresh_check(tree_dir: Path, tmp_path: Path) -> None:
    path = tree_dir / "interview-follow-up.yaml"
    cold = checked(path)
    assert len(entries(tmp_path)) == 1
    warm = checked(path)
    assert isinstance(warm.tree.nodes, LazyNodes)
    fresh = check_file(path)
    assert warm.tree == fresh.tree
    assert warm.sources == fresh.sources
    assert warm.diagnostics == fresh.diagnostics == cold.diagnostics
    assert node_count(warm.tree) == node_count(fresh.tree)
    # a lazily rebuilt tree walks exactly like a fresh one
    first = fresh.tree.nodes[fresh.tree.start]
    answers = [first.answers[0].id] if first.answers else []
    a = Session.replay(warm.tree, answers, date(2026, 11, 20))
    b = Session.replay(fresh.tree, answers, date(2026, 11, 20))
    assert a.current == b.current


def test_editing_the_tree_or_its_sources_is_never_served_stale(
    tree_dir: Path, tmp_path: Path
) -> None:
    path = tree_dir / "interview-follow-up.yaml"
    checked(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    assert checked(path).tree.title.startswith("Edited ")
    sources = tree_dir / "sources.yaml"
    src = sources.read_text(encoding="utf-8")
    sources.write_text(src.replace("name: Scott Singer", "name: S. Singer"), "utf-8")
    result = checked(path)
    assert "S. Singer" in [s.writer.name for s in result.sources.sources]


@pytest.mark.parametrize("damage", ["truncate", "garbage", "valid-json-wrong-shape"])
def test_a_corrupt_entry_is_a_miss_not_an_error(
    tree_dir: Path, tmp_path: Path, damage: str
) -> None:
    path = tree_dir / "interview-follow-up.yaml"
    checked(path)
    [entry] = entries(tmp_path)
    raw = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(raw[: len(raw) // 2])
    elif damage == "garbage":
        entry.write_bytes(b"\x00\xffnot json at all")
    else:
        import hashlib

        payload = b'{"tree": 1}'
        entry.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    result = checked(path)
    assert result.tree == check_file(path).tree
    assert checked(path).tree == result.tree  # and the entry was rewritten whole


def test_an_unwritable_cache_only_costs_speed(
    tree_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ADVICE_CACHE_DIR", str(blocker / "cache"))
    path = tree_dir / "interview-follow-up.yaml"
    assert checked(path).ok()


def test_cache_can_be_turned_off(
    tree_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVICE_CACHE", "off")
    checked(tree_dir / "interview-follow-up.yaml")
    assert entries(tmp_path) == []


def test_broken_trees_are_cached_with_their_diagnostics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVICE_CACHE_DIR", str(tmp_path / "cache"))
    bad = Path(__file__).parent / "data" / "bad" / "adv007_missing_target.yaml"
    first, second = checked(bad), checked(bad)
    assert [str(d) for d in first.diagnostics] == [str(d) for d in second.diagnostics]
    assert any(d.code == "ADV007" for d in second.diagnostics)


def test_a_warm_start_loads_neither_the_checker_nor_pyyaml(tree_dir: Path) -> None:
    """The app's start (load_catalog, as `advice` does) on a cached tree, in a fresh
    interpreter: the checker and PyYAML cost ~25 ms of start-up and are not needed;
    nor are hashlib (it loads OpenSSL) and json (msgspec reads the cache)."""
    probe = (
        "import sys; from advice.catalog import load_catalog; "
        f"entries = load_catalog({str(tree_dir)!r}); assert entries[0].ok; "
        "print(sorted(m for m in ('yaml', 'advice.check', 'advice.loader', 'hashlib', 'json') "
        "if m in sys.modules))"
    )
    run = [sys.executable, "-c", probe]
    first = subprocess.run(run, capture_output=True, text=True, check=True)  # fills the cache
    assert "yaml" in first.stdout
    warm = subprocess.run(run, capture_output=True, text=True, check=True)
    assert warm.stdout.strip() == "[]", warm.stdout


def test_the_app_start_compiles_no_escape_pattern(tree_dir: Path) -> None:
    """The app imports advice.escape at start (file names, typed values) but escapes
    nothing before the first screen: its two patterns (~2M instructions, at start-up's
    goal line) are compiled on first use. As the start-up benchmark runs the app, on a
    cached tree; then the patterns still work once asked for."""
    counts = []
    for _ in ("cold", "warm"):  # a cold start checks the tree: the loader uses CONTROL
        out = start_probe("sys.modules['advice.escape']._compiled.cache_info().currsize")
        counts.append(out.stdout.strip().splitlines()[-1])
    assert counts[1] == "0", counts
    from advice.escape import CONTROL, CONTROL_OR_BREAK, shown

    assert CONTROL.search("a\x1b[2Jb") and not CONTROL.search("a\tb\n")
    assert CONTROL_OR_BREAK.search("a\tb")
    assert shown("a\x1b]52;c;eA==\x07b\nc", one_line=True) == "a\\x1b]52;c;eA==\\x07b\\nc"


def test_every_engine_module_the_cache_watches_exists() -> None:
    """A renamed module left in the list would no longer invalidate the cache."""
    from advice import cache

    here = Path(cache.__file__).parent
    missing = [name for name in cache._ENGINE if not (here / f"{name}.py").is_file()]
    assert missing == []
