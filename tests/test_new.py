"""`advice new`: a starter tree that the real checker passes, written safely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from advice.diagnostics import AdviceError
from advice.library import shipped_dir
from advice.loader import StrictLoader
from advice.starter import schema_reference, shipped_schema, validate_id
from tests.support import SOURCES, run


def test_new_tree_passes_the_strict_checker_and_the_schema(tmp_path: Path) -> None:
    out = run("new", "salary-talk", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    path = tmp_path / "salary-talk.yaml"
    assert path.is_file()
    assert "advice check salary-talk.yaml --strict" in out.stdout
    # Outside trees/ and with no sources.yaml beside it: the shipped sources are used.
    checked = run("check", "--strict", "salary-talk.yaml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 error(s), 0 warning(s)" in checked.stderr
    if SOURCES.is_dir():  # and its quotes are in their articles, in the right mouths
        quoted = run(
            "check", "--strict", "--sources", str(SOURCES), "salary-talk.yaml", cwd=tmp_path
        )
        assert quoted.returncode == 0, quoted.stdout + quoted.stderr
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=StrictLoader)
    assert data["id"] == "salary-talk"
    schema = json.loads(run("schema").stdout)
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    # The modeline names a schema file that exists, as an editor would resolve it.
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    ref = first.split("=", 1)[1]
    target = Path(ref.removeprefix("file://")) if ref.startswith("file://") else path.parent / ref
    assert target.is_file()
    assert json.loads(target.read_text(encoding="utf-8")) == schema


def test_new_tree_walks_and_graphs(tmp_path: Path) -> None:
    assert run("new", "first-steps", cwd=tmp_path).returncode == 0
    walked = run("walk", "first-steps.yaml", "--answer", "not-yet", "--json", cwd=tmp_path)
    assert walked.returncode == 0, walked.stderr
    assert json.loads(walked.stdout)["node"]["kind"] == "recommendation"
    assert run("paths", "first-steps.yaml", cwd=tmp_path).returncode == 0


def test_schema_reference_is_relative_within_a_project(tmp_path: Path) -> None:
    """Beside the shipped trees (trees/ in a checkout) the modeline is a relative path
    to the shipped schema; far from it, an absolute file:// URI."""
    near = shipped_dir() / "new-tree.yaml"
    ref = schema_reference(near)
    assert not ref.startswith(("/", "file:"))
    assert (near.parent / ref).resolve() == shipped_schema().resolve()
    far = Path(tmp_path.anchor) / "new-tree.yaml"
    assert schema_reference(far) == shipped_schema().resolve().as_uri()


def test_new_into_a_folder_and_a_missing_folder(tmp_path: Path) -> None:
    out = run("new", "other-article", "--output", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "other-article.yaml").is_file()
    missing = run("new", "x-1", "--output", str(tmp_path / "no" / "x.yaml"))
    assert missing.returncode == 1 and "no such folder" in missing.stderr


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my work\n", encoding="utf-8")
    out = run("new", "mine", "--output", str(path))
    assert out.returncode == 1
    assert "already exists" in out.stderr and "Traceback" not in out.stderr
    assert path.read_text(encoding="utf-8") == "my work\n"


@pytest.mark.parametrize("bad_id", ["My-Tree", "tree_1", "-tree", "tree-", "a--b", "a b", ""])
def test_a_bad_id_is_refused(bad_id: str) -> None:
    with pytest.raises(AdviceError, match="lowercase letters, digits and hyphens"):
        validate_id(bad_id)


def test_new_refuses_a_bad_id_and_writes_nothing(tmp_path: Path) -> None:
    out = run("new", "--", "Salary_Talk", cwd=tmp_path)  # `--`: so "-x" would be an id too
    assert out.returncode == 1
    assert "lowercase letters, digits and hyphens" in out.stderr
    assert list(tmp_path.iterdir()) == []
    validate_id("salary-talk-2")  # and a good one passes


def test_new_quotes_an_id_yaml_would_misread(tmp_path: Path) -> None:
    assert run("new", "null", cwd=tmp_path).returncode == 0
    checked = run("check", "--strict", "null.yaml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
