"""The JSON Schema: generated from the model, shipped in the package, and in agreement
with the loader on what a tree looks like."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import msgspec
import pytest
import yaml
from jsonschema import Draft202012Validator

from advice import model
from advice.library import shipped_dir, tree_files
from advice.loader import StrictLoader
from advice.schema import SCHEMA_FILES, schema_text
from tests.support import run
from tests.support.corpus import bad_files, expected

PACKAGE = Path(model.__file__).parent
DATA = Path(__file__).parent / "data"


def drift(kind: str, generated: str) -> str | None:
    """Why the shipped schema is out of date, or None when it matches."""
    shipped = (PACKAGE / SCHEMA_FILES[kind]).read_text(encoding="utf-8")
    if shipped == generated:
        return None
    return (
        f"advice/{SCHEMA_FILES[kind]} differs from the model; regenerate it with "
        f"`advice schema {kind} > advice/{SCHEMA_FILES[kind]}`"
    )


def validator(kind: str) -> Draft202012Validator:
    schema = json.loads((PACKAGE / SCHEMA_FILES[kind]).read_text(encoding="utf-8"))
    # Formats checked as editors that check them do: review dates are `format: date`.
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def load_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_shipped_schema_matches_the_model(kind: str) -> None:
    assert drift(kind, schema_text(kind)) is None, drift(kind, schema_text(kind))


def test_adding_a_model_field_is_noticed() -> None:
    """A model with one more field gives another schema, so the drift test would fail."""

    added = model.spec("A field added without regenerating.")
    fields: list[Any] = []
    for f in msgspec.structs.fields(model.Tree):
        if f.required:
            fields.append((f.name, f.type))
        elif f.default_factory is not msgspec.NODEFAULT:
            fields.append((f.name, f.type, msgspec.field(default_factory=f.default_factory)))
        else:
            fields.append((f.name, f.type, f.default))
    variant = msgspec.defstruct(
        "Tree",
        [*fields, ("added", Annotated[str | None, added], None)],
        bases=(model.Record,),
    )
    variant.__module__ = model.__name__  # its annotations resolve like the model's
    text = schema_text("tree", variant)
    message = drift("tree", text)
    assert message is not None
    assert "advice schema tree > advice/tree.schema.json" in message
    added_doc = json.loads(text)["properties"]["added"]["description"]
    assert added_doc == "A field added without regenerating."


def test_schema_is_valid_draft_2020_12_through_the_cli() -> None:
    for kind in SCHEMA_FILES:
        out = run("schema", kind)
        assert out.returncode == 0, out.stderr
        schema = json.loads(out.stdout)
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert run("schema").stdout == run("schema", "tree").stdout


def test_schema_describes_every_field_from_its_doc() -> None:
    schema = json.loads(schema_text("tree"))
    question = schema["$defs"]["Question"]
    assert question["properties"]["question"]["description"] == "The question."
    assert question["properties"]["input"]["enum"] == ["date", "text", None]
    assert "id" not in question["properties"]  # the key in `nodes`, not a key of its own
    assert question["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "title", "start", "nodes"}
    assert schema["properties"]["nodes"]["additionalProperties"] == {"$ref": "#/$defs/Node"}


def shipped_and_good() -> list[Path]:
    return [*tree_files(shipped_dir()), *sorted((DATA / "good").glob("*.yaml"))]


@pytest.mark.parametrize("path", shipped_and_good(), ids=lambda p: p.name)
def test_trees_validate_against_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    errors = [e.message for e in validator("tree").iter_errors(load_yaml(path))]
    assert errors == []
    if path.parent == shipped_dir():
        assert first == "# yaml-language-server: $schema=../advice/tree.schema.json"


def test_sources_validate_against_their_schema() -> None:
    path = shipped_dir() / "sources.yaml"
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../advice/sources.schema.json\n"
    )
    assert list(validator("sources").iter_errors(load_yaml(path))) == []


def test_unknown_key_fails_schema_validation(minimal_text: str) -> None:
    data = yaml.load(minimal_text, Loader=StrictLoader)
    assert validator("tree").is_valid(data)
    data["nodes"]["q1"]["hepl"] = "a typo of help"
    assert not validator("tree").is_valid(data)
    data["nodes"]["q1"].pop("hepl")
    data["titel"] = "typo at the top"
    assert not validator("tree").is_valid(data)


SHAPE_CODES = {"ADV002", "ADV003", "ADV004", "ADV015"}


@pytest.mark.parametrize(
    "path",
    [p for p in bad_files() if expected(p)[0] in SHAPE_CODES],
    ids=lambda p: p.name,
)
def test_schema_rejects_what_the_loader_rejects_for_shape(path: Path) -> None:
    """Unknown keys, missing fields, wrong types and blank texts: editor and checker agree."""
    assert not validator("tree").is_valid(load_yaml(path))
