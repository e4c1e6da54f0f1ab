"""`advice new TREE-ID`: a starter tree that passes `advice check --strict` as it is,
with comments that say what to change, for a contributor starting a tree from another
article.

It cites the shipped sources.yaml with quotes copied word for word from the articles,
so it also passes `advice check --sources ../shared/sources`. A tree written outside
trees/ with no sources.yaml beside it is checked against the shipped one.
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

import yaml

from advice.diagnostics import AdviceError
from advice.loader import StrictLoader
from advice.schema import SCHEMA_FILES

TREE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")

_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A starter tree made by `advice new {id}`. It passes the checker as it is; change it
# one step at a time and check after each step:
#
#   advice check {file} --strict
#
# Editors with the YAML language server complete keys and explain them (the line
# above points them to the schema). The format is described in README.md, "Writing a
# tree"; `advice graph {file}` and `advice paths {file}` show what you built.

id: {id_yaml}{id_pad}# stable: saved sessions use it; also the file name
title: {title}
description: One line that says who this tree is for.
start: first-question{start_pad}# the id of the first node

nodes:
  first-question:
    question: Have you sent a thank-you note since the interview?
    help: Optional help shown under the question.
    answers:                 # at least two; ids are stable, labels can change freely
      - id: not-yet
        label: Not yet
        goto: send-a-card
      - id: sent
        label: Yes, I sent one
        goto: keep-looking

  send-a-card:               # a recommendation: where a walk ends
    recommend: Send a thank-you card
    text: A short, plain explanation in your own words.
    because:                 # at least one citation: a source id and its exact words
      - source: barnes-call  # an id from sources.yaml (add your article there first)
        speaker: barnes      # whose words: a person the source quotes (default: its writer)
        quote: Your best bet is to send a gracious thank you card.

  keep-looking:
    recommend: Keep looking while you wait
    text: Say plainly what to do and why; the quote below is what it rests on.
    because:
      - source: barnes-call
        quote: In the meantime, continue to browse the many available positions

examples:                    # scenarios the checker walks: answers in order -> end
  - name: no note sent yet
    answers: [not-yet]
    expect: send-a-card
  - name: note already sent
    answers: [sent]
    expect: keep-looking
"""


def validate_id(tree_id: str) -> None:
    if not TREE_ID.match(tree_id):
        raise AdviceError(
            f"'{tree_id}' is not a tree id: use lowercase letters, digits and hyphens, "
            "e.g. salary-negotiation"
        )


def shipped_schema() -> Path:
    return Path(str(resources.files("advice"))) / SCHEMA_FILES["tree"]


def schema_reference(tree_file: Path) -> str:
    """How the modeline names the shipped schema: relative to the tree file when both
    are in one project (e.g. trees/ -> ../advice/tree.schema.json), else a file:// URI."""
    schema = shipped_schema().resolve()
    folder = tree_file.parent.resolve()
    try:
        common = os.path.commonpath([schema, folder])
    except ValueError:  # different drives
        return schema.as_uri()
    if common in (folder.anchor, str(Path.home())):
        return schema.as_uri()
    return Path(os.path.relpath(schema, folder)).as_posix()


def _yaml_text(value: str) -> str:
    """`value` as YAML that reads back as this text (quoted only when needed: `null`)."""
    if yaml.load(f"k: {value}", Loader=StrictLoader) == {"k": value}:
        return value
    return f'"{value}"'


def starter_text(tree_id: str, tree_file: Path) -> str:
    validate_id(tree_id)
    id_yaml = _yaml_text(tree_id)
    title = tree_id.replace("-", " ").capitalize()
    return _TEMPLATE.format(
        schema=schema_reference(tree_file),
        id=tree_id,
        file=tree_file.name,
        id_yaml=id_yaml,
        id_pad=" " * max(1, 29 - len("id: ") - len(id_yaml)),
        title=_yaml_text(title),
        start_pad=" " * (29 - len("start: first-question")),
    )


def write_starter(tree_id: str, output: Path | None = None) -> Path:
    """Write the starter to `output` (default ./TREE-ID.yaml); never overwrite a file."""
    validate_id(tree_id)
    path = output or Path(f"{tree_id}.yaml")
    if path.is_dir():
        path = path / f"{tree_id}.yaml"
    if not path.parent.is_dir():
        raise AdviceError(f"no such folder: {path.parent}")
    text = starter_text(tree_id, path)
    try:
        with path.open("x", encoding="utf-8") as f:  # "x": fails if the file exists
            f.write(text)
    except FileExistsError:
        raise AdviceError(f"{path} already exists; choose another id or --output") from None
    except OSError as exc:
        raise AdviceError(f"cannot write {path}: {exc.strerror}") from None
    return path
