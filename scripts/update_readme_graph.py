"""Rewrite the Mermaid graphs in README.md from `advice graph`.

Each line `<!-- mermaid: TREE -->` in the README is followed by a ```mermaid block; this
script replaces that block with the output of `advice graph TREE --format mermaid` (and
adds the block if it is missing). Run it after changing a shipped tree:

    python scripts/update_readme_graph.py            # rewrite README.md
    python scripts/update_readme_graph.py --check    # exit 1 if a graph is out of date

tests/test_readme.py fails until the README's graphs match the trees.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(
    r"^<!-- mermaid: (?P<tree>[^ ]+) -->\n(?:```mermaid\n.*?^```\n)?", re.MULTILINE | re.DOTALL
)


def graph(tree: str) -> str:
    # The same code as the `advice` console script, run the way it runs.
    out = subprocess.run(
        [sys.executable, "-m", "advice.cli", "graph", tree, "--format", "mermaid"],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        sys.exit(f"advice graph {tree} failed: {out.stderr.strip()}")
    return out.stdout


def updated(text: str) -> tuple[str, list[str]]:
    """The README with fresh graphs, and the trees whose graph changed."""
    stale: list[str] = []

    def fresh(m: re.Match[str]) -> str:
        block = f"<!-- mermaid: {m['tree']} -->\n```mermaid\n{graph(m['tree'])}```\n"
        if block != m[0]:
            stale.append(m["tree"])
        return block

    return BLOCK.sub(fresh, text), stale


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--readme", type=Path, default=README, help="default: the project's README")
    p.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = p.parse_args()
    text = args.readme.read_text(encoding="utf-8")
    if not BLOCK.search(text):
        print(f"{args.readme}: no '<!-- mermaid: TREE -->' line", file=sys.stderr)
        return 1
    new, stale = updated(text)
    if args.check:
        for tree in stale:
            print(f"{args.readme}: the graph of '{tree}' is out of date", file=sys.stderr)
        return 1 if stale else 0
    if stale:
        args.readme.write_text(new, encoding="utf-8")
        print(f"updated the graph of {', '.join(stale)} in {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
