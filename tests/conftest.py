from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from advice.check import check_file
from advice.library import shipped_dir
from advice.model import Tree
from tests.support import DATA, NO_SOURCES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say in the normal output, not only with -rs, that the quote tests did not run."""
    skipped = [
        r
        for r in terminalreporter.stats.get("skipped", [])
        if isinstance(r.longrepr, tuple) and NO_SOURCES in r.longrepr[2]
    ]
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} quote test(s) skipped: {NO_SOURCES} (they are kept beside the"
            " repository, not in it; README.md, 'Where the advice comes from', says where"
            " to put them)",
            yellow=True,
        )


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests (and the console scripts they start) never touch the user's real cache."""
    os.environ["ADVICE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    # Nor the user's crash-log folder, if a test makes advice fail unexpectedly.
    os.environ["ADVICE_STATE_DIR"] = str(tmp_path_factory.mktemp("state"))
    # Nor the user's saved sessions: the picker offers to continue any it finds.
    os.environ["ADVICE_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))


@pytest.fixture(autouse=True)
def _own_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test its own data folder: the app saves every walk as a follow-up, and the
    follow-ups one test leaves would open the next test's app on the home screen."""
    monkeypatch.setenv("ADVICE_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def shipped_tree() -> Tree:
    result = check_file(shipped_dir() / "interview-follow-up.yaml")
    assert result.ok(), [str(d) for d in result.diagnostics]
    assert result.tree is not None
    return result.tree


@pytest.fixture
def minimal_text() -> str:
    return (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")


# One fixed hypothesis profile for CI: the same examples every run (derandomize), no
# example database, no per-example deadline (the machine is shared), and a reproducer
# blob printed on failure. HYPOTHESIS_PROFILE=deep explores more when run by hand.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    max_examples=100,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "deep", parent=settings.get_profile("ci"), derandomize=False, max_examples=2000
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
