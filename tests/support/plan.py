"""What the plan tests share: the fixture tree and the answers that reach its dated steps."""

from __future__ import annotations

from tests.support import DATA, TODAY

PLAN = DATA / "plan"
TREE = PLAN / "follow-up.yaml"
TODAY_ARG = TODAY.isoformat()  # as `--today` takes it
# waiting; interviewed Thursday; decision "in three days" = Sunday; call on day four.
THREE_DAYS = ["waiting", "2026-11-19", "gave-date", "3 days"]
