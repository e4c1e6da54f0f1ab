"""JSON Schema (draft 2020-12) of the tree format and of sources.yaml, generated from
the model so that the format is written down once.

Editors with the YAML language server read the shipped copies (advice/tree.schema.json,
advice/sources.schema.json) through the `# yaml-language-server: $schema=...` line at
the top of each file, to complete keys and flag mistakes while typing. The checker stays
the authority: the schema cannot say "at least two answers unless `input`" or "goto names
a node", but it agrees with the loader on keys, types and required fields. Like the
loader, it lets a text field hold a number or true/false (kept as written), and a key
with nothing after it stand for "not given" where the field is optional.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any

from advice.loader import MAX_INT
from advice.model import NODE_KINDS, SourceList, Tree, is_record, model_fields

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILES = {"tree": "tree.schema.json", "sources": "sources.schema.json"}

Json = dict[str, Any]
TEXT_TYPES = ("string", "number", "boolean")


def _doc(cls: type) -> str:
    return (cls.__doc__ or cls.__name__).strip()


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Json] = {}

    def type_schema(self, tp: Any) -> Json:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if tp is str:
            # The loader keeps any scalar as written (`label: 10` is the text "10").
            return {"type": list(TEXT_TYPES)}
        if tp is bool:  # before int: bool is a subclass of int
            return {"type": "boolean"}
        if tp is int:  # the loader's bound, so a huge number fails in the editor too
            return {"type": "integer", "minimum": -MAX_INT, "maximum": MAX_INT}
        if origin is typing.Literal:
            return {"type": "string", "enum": list(args)}
        if origin in (types.UnionType, typing.Union):
            inner = [a for a in args if a is not type(None)]
            if len(inner) == 1:
                return self.type_schema(inner[0])
            if set(inner) == set(NODE_KINDS.values()):
                return self.node()
            return {"oneOf": [self.type_schema(a) for a in inner]}
        if origin is tuple:
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin is dict:
            return {"type": "object", "additionalProperties": self.type_schema(args[1])}
        if is_record(tp):
            name = tp.__name__
            if name not in self.defs:
                self.defs[name] = {}  # reserve the name first: the model may refer back
                self.defs[name] = self.record(tp)
            return {"$ref": f"#/$defs/{name}"}
        raise TypeError(f"no JSON Schema for {tp!r}")  # a model bug, not a user error

    def node(self) -> Json:
        """A node is one of NODE_KINDS, told apart by its kind key (which each requires)."""
        if "Node" not in self.defs:
            kinds = " or ".join(f"`{key}:`" for key in NODE_KINDS)
            self.defs["Node"] = {
                "description": f"A node of the tree: it has {kinds}.",
                "oneOf": [self.type_schema(cls) for cls in NODE_KINDS.values()],
            }
        return {"$ref": "#/$defs/Node"}

    def record(self, cls: type) -> Json:
        properties: Json = {}
        required: list[str] = []
        for spec in model_fields(cls):
            if spec.from_key:  # the key of the enclosing mapping, not a key of its own
                continue
            prop = self.type_schema(spec.type)
            if spec.nonempty:
                prop["pattern"] = r"\S"  # like the loader's ADV015: not blank
            if spec.min_items:
                prop["minItems"] = spec.min_items
            if spec.iso_date:  # as the loader's ADV004: YYYY-MM-DD, and a real day
                prop["pattern"] = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
                prop["format"] = "date"
            if spec.required:
                required.append(spec.key)
            else:
                if isinstance(spec.default, (bool, int, str)):
                    prop["default"] = spec.default
                prop = _nullable(prop)  # `key:` with nothing after it means "not given"
            properties[spec.key] = {"description": spec.doc, **prop}
        out: Json = {
            "type": "object",
            "description": _doc(cls),
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            out["required"] = required
        return out


def _nullable(prop: Json) -> Json:
    kind = prop.get("type")
    if isinstance(kind, (str, list)):
        prop = dict(prop)
        prop["type"] = [*([kind] if isinstance(kind, str) else kind), "null"]
        if "enum" in prop:
            prop["enum"] = [*prop["enum"], None]
        return prop
    return {"anyOf": [prop, {"type": "null"}]}


def schema_for(cls: type, title: str) -> Json:
    """The schema of a model class as a whole file: the class itself at the root."""
    builder = _Builder()
    root = builder.record(cls)
    builder.defs.pop(cls.__name__, None)
    out: Json = {"$schema": DIALECT, "title": title, **root}
    if builder.defs:
        out["$defs"] = dict(sorted(builder.defs.items()))
    return out


def tree_schema(cls: type = Tree) -> Json:
    return schema_for(cls, "advice decision tree")


def sources_schema(cls: type = SourceList) -> Json:
    return schema_for(cls, "advice sources.yaml")


def schema_text(kind: str = "tree", cls: type | None = None) -> str:
    """The schema as the text `advice schema` prints and the shipped files hold."""
    if kind == "tree":
        data = tree_schema(cls or Tree)
    elif kind == "sources":
        data = sources_schema(cls or SourceList)
    else:
        raise ValueError(f"unknown schema kind {kind!r}")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
