"""Every benchmark, one ratio each against a reference measured in the same run.

    python benchmarks/run.py            # prints each ratio with its goal; exits 0
    python benchmarks/run.py --strict   # exits 1 if a ratio misses its goal

Ratios, not seconds: both sides run on the same machine at the same moment, so a busy
shared machine slows both. Figures go into benchmarks/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_home
import bench_load
import bench_startup
import bench_status
import bench_step


def main() -> int:
    missed = 0
    for module in (bench_startup, bench_load, bench_step, bench_status, bench_home):
        for name, ratio, goal, detail in module.main():
            ok = ratio <= goal
            missed += not ok
            print(
                f"{'ok  ' if ok else 'MISS'} {name}: {ratio:.2f}x (goal <= {goal}x) [{detail}]",
                flush=True,
            )
    return 1 if missed and "--strict" in sys.argv else 0


if __name__ == "__main__":
    sys.exit(main())
