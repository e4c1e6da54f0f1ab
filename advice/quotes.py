"""Quote verification: every citation's quote must appear word for word in its source.

`advice check --sources DIR` reads each source's text (sources.yaml gives its `file:`
name in DIR) and looks for every quote in it. Both sides are normalized first, so that
line breaks and typographic quotes, apostrophes and dashes do not count as differences;
everything else (case, punctuation, spelling) must match exactly. A quote not found is
reported at the quote itself, with the nearest passage of the source as a hint.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from advice.attribution import attribution_problem
from advice.diagnostics import Diagnostic
from advice.loader import compose_text, read_text
from advice.model import Citation, Loc, SourceList, Tree
from advice.yamlnodes import MAPPING, SCALAR, SEQUENCE, YNode

# Typographic characters an article may use where a tree author types plain ones.
_TYPOGRAPHIC = str.maketrans(
    {
        "\u2019": "'",  # right single quote / apostrophe
        "\u2018": "'",  # left single quote
        "\u201c": '"',  # left double quote
        "\u201d": '"',  # right double quote
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2026": "...",  # ellipsis
    }
)
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Whitespace runs -> one space; typographic quotes and dashes -> plain ones."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHIC)).strip()


def closest_passage(quote: str, text: str) -> str:
    """The run of words in `text` most like `quote` (both normalized), for a hint."""
    words = text.split(" ")
    n = max(1, len(quote.split(" ")))
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)  # the quote is fixed: SequenceMatcher caches seq2
    best, best_ratio = "", -1.0
    for size in range(max(1, n - 2), n + 3):
        for start in range(max(1, len(words) - size + 1)):
            candidate = " ".join(words[start : start + size])
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = candidate, ratio
    return best


def _plain_name(name: str) -> bool:
    """A file name and nothing else: no folder, no way up, not absolute (on any system)."""
    return name not in ("", ".", "..") and not any(c in name for c in "/\\:\0")


def _source_file(folder: Path, name: str) -> tuple[Path | None, str]:
    """The text file `name` in `folder`, or None and why not. sources.yaml comes from
    contributors: its `file:` must not reach outside the folder of articles, whose
    passages are printed as hints (a review read /proc/self/environ that way)."""
    if not _plain_name(name):
        return None, "is not a plain file name in the sources folder (no folders, no '..')"
    path = folder / name
    try:
        inside = path.resolve(strict=True).is_relative_to(folder.resolve(strict=True))
    except FileNotFoundError:
        return path, ""  # reported as missing, the usual way
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, on older Pythons
        return None, "cannot be followed (a link that loops?)"
    if not inside:
        return None, "is a link to a file outside the sources folder"
    if not path.is_file():
        return None, "is not a regular file"
    return path, ""


def load_source_texts(
    sources: SourceList, sources_dir: Path
) -> tuple[dict[str, str], list[Diagnostic]]:
    """Each source's normalized text by id; a source whose text cannot be read is
    reported at its entry in sources.yaml (ADV018 when it has none or it is missing,
    ADV026 when it leaves the folder or cannot be read) and left out."""
    texts: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for s in sources.sources:
        if not s.file:
            problems.append(
                Diagnostic(
                    "ADV018",
                    f"source '{s.id}' has no `file:`, so its quotes cannot be checked "
                    f"against {sources_dir}; add the name of its text file",
                    s.loc,
                )
            )
            continue
        path, why = _source_file(sources_dir, s.file)
        if path is None:
            problems.append(Diagnostic("ADV026", f"source '{s.id}': `file: {s.file}` {why}", s.loc))
            continue
        if not path.exists():
            problems.append(
                Diagnostic(
                    "ADV018",
                    f"source '{s.id}': no file {path}, so its quotes cannot be checked",
                    s.loc,
                )
            )
            continue
        # The same reading as a tree's: UTF-8 within the size limit (`/dev/zero`, a
        # file still growing), read no further than one byte past it.
        text, unreadable = read_text(path, str(path), what="source texts")
        if text is None:
            message = f"source '{s.id}': {path}: {unreadable[0].message}"
            problems.append(Diagnostic("ADV026", message, s.loc))
            continue
        texts[s.id] = normalize(text)
    return texts, problems


def _quote_locations(path: Path) -> dict[tuple[int, int], Loc]:
    """Where each `quote:` value starts, keyed by where its citation mapping starts
    (the model keeps one location per citation: the mapping's)."""
    text, _ = read_text(path)
    root, _ = compose_text(text, str(path)) if text is not None else (None, [])
    out: dict[tuple[int, int], Loc] = {}
    todo: list[YNode] = [root] if root is not None else []
    while todo:  # the composed nodes form a tree (aliases are never expanded)
        node = todo.pop()
        if node.kind == MAPPING:
            for key, value in node.value:
                if key.kind == SCALAR and key.value == "quote":
                    out[(node.line, node.col)] = Loc(str(path), value.line, value.col)
                todo.append(value)
        elif node.kind == SEQUENCE:
            todo.extend(node.value)
    return out


def _citations(tree: Tree) -> Iterable[Citation]:
    for r in tree.recommendations():
        yield from r.citations
        for d in r.disagreements:
            yield from d.citations
        # A date rule's sentence is a quote like any other: word for word.
        for rule in r.schedule:
            yield from rule.because


def check_quotes(
    tree: Tree, path: Path, sources: SourceList, texts: dict[str, str]
) -> list[Diagnostic]:
    """ADV018 for every quote of `tree` (read from `path`) not found in its source, and
    ADV021 for one found in the wrong mouth (advice.attribution).

    Sources without a text in `texts` were reported by load_source_texts; unknown
    source ids by the checker (ADV012): their quotes are skipped here.
    """
    files = {s.id: s.file for s in sources.sources}
    by_id = {s.id: s for s in sources.sources}
    where: dict[tuple[int, int], Loc] | None = None
    out: list[Diagnostic] = []
    for c in _citations(tree):
        text = texts.get(c.source)
        if text is None:
            continue
        quote = normalize(c.quote)
        if quote in text:
            source = by_id[c.source]
            why = attribution_problem(c, quote, source, text)
            if why is not None:
                if where is None:
                    where = _quote_locations(path)
                out.append(Diagnostic("ADV021", why, where.get((c.loc.line, c.loc.col), c.loc)))
            continue
        if where is None:
            where = _quote_locations(path)
        loc = where.get((c.loc.line, c.loc.col), c.loc)
        out.append(
            Diagnostic(
                "ADV018",
                f"quote not found word for word in source '{c.source}' ({files[c.source]}); "
                f"closest in the source: '{closest_passage(quote, text)}'",
                loc,
            )
        )
    return out
