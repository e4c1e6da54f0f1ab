from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from advice.loader import StrictLoader, load_file, load_text
from advice.model import Question, Recommendation, Tree


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


def test_minimal_tree_loads_with_locations(minimal_text: str) -> None:
    result = load_text(minimal_text, "min.yaml", Tree)
    assert result.diagnostics == []
    tree = result.value
    assert isinstance(tree, Tree)
    q1 = tree.nodes["q1"]
    assert isinstance(q1, Question)
    assert (q1.loc.file, q1.loc.line, q1.loc.col) == ("min.yaml", 6, 3)
    assert [a.id for a in q1.answers] == ["yes", "no"]
    assert q1.answers[1].loc.line == 10
    send = tree.nodes["send"]
    assert isinstance(send, Recommendation)
    assert send.citations[0].source == "barnes-call"
    assert send.citations[0].loc.line == 15


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "010", "12:30", "true", "null"])
def test_yaml_11_surprises_stay_strings_where_text_is_expected(word: str) -> None:
    text = f"""
id: t
title: {word}
start: q
nodes:
  q:
    question: {word}
    answers:
      - {{id: {word}, label: {word}, goto: r}}
      - {{id: other, label: Other, goto: r}}
  r: {{recommend: R, text: T, because: [{{source: s, quote: q}}]}}
"""
    result = load_text(text, "t.yaml", Tree)
    if word == "null":  # an empty value is not text: reported, not turned into "None"
        assert "ADV004" in codes(result)
        return
    assert codes(result) == []
    tree = result.value
    assert tree.title == word
    q = tree.nodes["q"]
    assert q.text == word and q.answers[0].id == word and q.answers[0].label == word


def test_plain_yaml_load_with_strict_loader_keeps_strings() -> None:
    data = yaml.load("a: yes\nb: 010\nc: 12:30\nd: true\ne: 5", Loader=StrictLoader)
    assert data == {"a": "yes", "b": "010", "c": "12:30", "d": True, "e": 5}


def test_strict_loader_rejects_duplicate_keys() -> None:
    with pytest.raises(yaml.YAMLError, match="duplicate key"):
        yaml.load("a: 1\na: 2\n", Loader=StrictLoader)


def test_python_tags_never_construct_objects(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f'id: !!python/object/apply:os.system ["touch {marker}"]\ntitle: t\n'
    result = load_text(text, "t.yaml", Tree)
    assert "ADV014" in codes(result)
    assert not marker.exists()


def test_unknown_key_suggests_the_right_one(minimal_text: str) -> None:
    result = load_text(minimal_text.replace("    text: Send", "    txet: Send"), "m", Tree)
    messages = [str(d) for d in result.diagnostics]
    assert any("ADV002" in m and "did you mean 'text'" in m for m in messages), messages


def test_all_problems_reported_in_one_pass(minimal_text: str) -> None:
    broken = minimal_text.replace("title: Minimal tree", "title: [a, list]").replace(
        "    text: Keep browsing", "    txt: Keep browsing"
    )
    result = load_text(broken, "m", Tree)
    assert {"ADV004", "ADV002", "ADV003"} <= set(codes(result))


def test_size_limit_is_a_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, minimal_text: str
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(minimal_text, encoding="utf-8")
    monkeypatch.setenv("ADVICE_MAX_BYTES", "100")
    result = load_file(path, Tree)
    assert codes(result) == ["ADV001"]
    assert "ADVICE_MAX_BYTES" in result.diagnostics[0].message
    monkeypatch.setenv("ADVICE_MAX_BYTES", str(10**6))
    assert codes(load_file(path, Tree)) == []


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["id: x", "title: t", "start: s", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    lines.append("nodes: {s: *a11}")
    result = load_text("\n".join(lines) + "\n", "bomb.yaml", Tree)
    # Aliases are never expanded: unknown keys are reported, and the alias is refused
    # where it is written.
    assert "ADV002" in codes(result)
    alias = [d for d in result.diagnostics if d.code == "ADV014"]
    assert [(d.loc.line, d.loc.col) for d in alias] == [(16, 12)]
    deep = "\n".join(lines[:-1]) + "\nnodes: {s: {question: *a11, answers: []}}\n"
    assert "ADV014" in codes(load_text(deep, "bomb.yaml", Tree))


def test_deep_nesting_is_refused_without_crashing() -> None:
    for depth in (150, 100_000):
        result = load_text("a: " + "[" * depth + "]" * depth + "\n", "deep.yaml", Tree)
        assert [d.code for d in result.diagnostics] == ["ADV001"]
        assert "nested" in result.diagnostics[0].message


def test_nesting_limit_is_ours_whatever_libyaml_stops_at() -> None:
    # An unclosed flow 1,500 deep: every libyaml release refuses it in its own words
    # (end of stream, or its own depth limit); the message must be ours either way.
    result = load_text("a: " + "[" * 1500 + "\n", "deep.yaml", Tree)
    assert [d.code for d in result.diagnostics] == ["ADV001"]
    assert result.diagnostics[0].message == "the file is nested more than 100 levels deep"
    assert result.diagnostics[0].loc.line == 1
    # Brackets inside quotes and comments are text, not nesting.
    text = "a: '" + "[" * 150 + "'\n# " + "{" * 150 + "\nb: [\n"
    result = load_text(text, "shallow.yaml", Tree)
    assert "nested" not in result.diagnostics[0].message
