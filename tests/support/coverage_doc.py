"""docs/coverage.md: each piece of advice in the articles -> the node that gives it."""

from __future__ import annotations

import re

from tests.support import ROOT

DOC = ROOT / "docs" / "coverage.md"
HEADING = re.compile(r"^## .*\(`(?P<source>[a-z0-9-]+)`\)\s*$")  # one per article
