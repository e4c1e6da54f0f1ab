"""The README says what the code does: its graphs and its table of checker codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from advice.diagnostics import CODES
from tests.test_cli import run

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
SCRIPT = ROOT / "scripts" / "update_readme_graph.py"
BLOCK = re.compile(r"^<!-- mermaid: (\S+) -->\n```mermaid\n(.*?)^```\n", re.MULTILINE | re.DOTALL)


def script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60
    )


def test_readme_graphs_are_what_advice_graph_prints() -> None:
    blocks = BLOCK.findall(README.read_text(encoding="utf-8"))
    assert blocks, "README.md has no '<!-- mermaid: TREE -->' graph"
    for tree, block in blocks:
        out = run("graph", tree, "--format", "mermaid")
        assert out.returncode == 0, out.stderr
        assert block == out.stdout, (
            f"README.md's graph of '{tree}' is out of date: "
            "run `python scripts/update_readme_graph.py`"
        )


def test_update_script_rewrites_a_stale_graph(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    current = README.read_text(encoding="utf-8")
    tree, block = BLOCK.findall(current)[0]
    stale = current.replace(block, 'flowchart TD\n    old["an old graph"]\n', 1)
    readme.write_text(stale, encoding="utf-8")
    checked = script("--readme", str(readme), "--check")
    assert checked.returncode == 1
    assert f"the graph of '{tree}' is out of date" in checked.stderr
    assert readme.read_text(encoding="utf-8") == stale  # --check changes nothing
    assert script("--readme", str(readme)).returncode == 0
    assert readme.read_text(encoding="utf-8") == current
    assert script("--readme", str(readme), "--check").returncode == 0


def test_update_script_adds_a_missing_block(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# x\n\n<!-- mermaid: interview-follow-up -->\n\nmore\n", encoding="utf-8")
    assert script("--readme", str(readme)).returncode == 0
    tree, block = BLOCK.findall(readme.read_text(encoding="utf-8"))[0]
    assert tree == "interview-follow-up" and block.startswith("flowchart TD\n")
    assert readme.read_text(encoding="utf-8").endswith("```\n\nmore\n")


def test_readme_lists_every_checker_code() -> None:
    text = README.read_text(encoding="utf-8")
    for code, (severity, what) in CODES.items():
        assert f"| {code} | {severity} | {what} |" in text, code
