"""docs/coverage.md is checked against the tree and sources.yaml: a node it names must
exist and cite that article with that speaker, and every person an article quotes has
a row (issue 16, point 7)."""

from __future__ import annotations

import re

import pytest

from advice.check import check_paths
from advice.library import shipped_dir
from advice.model import Recommendation, SourceList, Tree
from tests.support.coverage_doc import DOC, HEADING

TICKED = re.compile(r"`([^`]+)`")


def rows() -> list[tuple[int, str, str, bool, list[str]]]:
    """(line, source id, speaker, reported, node ids) for each row of an article's table."""
    out = []
    source = None
    for number, line in enumerate(DOC.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("## "):
            m = HEADING.match(line)
            source = m.group("source") if m else None
            continue
        if source is None or not line.startswith("| ") or line.startswith("| ---"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0] == "¶":
            continue
        assert len(cells) == 4, f"coverage.md:{number}: a row has ¶, advice, speaker, node"
        speaker = TICKED.findall(cells[2])
        nodes = TICKED.findall(cells[3])
        if nodes:
            assert len(speaker) == 1, f"coverage.md:{number}: name one speaker in `backticks`"
        out.append((number, source, speaker[0] if speaker else "", "reported" in cells[2], nodes))
    return out


@pytest.fixture(scope="module")
def sources() -> SourceList:
    result = check_paths([shipped_dir()])[0]
    assert result.sources is not None
    return result.sources


def test_every_named_node_cites_that_article_and_speaker(shipped_tree: Tree) -> None:
    found = rows()
    assert len(found) >= 40
    for number, source, speaker, reported, nodes in found:
        for node_id in nodes:
            node = shipped_tree.nodes.get(node_id)
            where = f"docs/coverage.md:{number}: `{node_id}`"
            assert isinstance(node, Recommendation), f"{where} is not a recommendation"
            cites = [*node.citations, *(c for d in node.disagreements for c in d.citations)]
            assert any(
                c.source == source and c.speaker == speaker and c.reported == reported
                for c in cites
            ), f"{where} does not cite {source} ({speaker}{', reported' if reported else ''})"


def test_every_article_and_person_has_rows(sources: SourceList) -> None:
    found = {(source, speaker) for _, source, speaker, _, _ in rows()}
    for s in sources.sources:
        assert (s.id, "writer") in found, s.id
        for p in s.people:
            assert (s.id, p.id) in found, (s.id, p.id)


def test_the_disagreements_table_names_real_nodes(shipped_tree: Tree) -> None:
    text = DOC.read_text(encoding="utf-8")
    table = text.split("## Where the articles disagree", 1)[1].split("\n## ", 1)[0]
    named = set(TICKED.findall(table))
    assert named and named <= set(shipped_tree.nodes), named - set(shipped_tree.nodes)


def test_no_heading_credits_a_whole_article_to_someone_it_only_quotes(
    sources: SourceList,
) -> None:
    headings = [
        line for line in DOC.read_text(encoding="utf-8").splitlines() if HEADING.match(line)
    ]
    assert len(headings) == len(sources.sources)
    for line in headings:
        if "barnes" in line:  # the two blog posts: their writers are unnamed
            assert "writer unnamed" in line and "quoting" in line, line
