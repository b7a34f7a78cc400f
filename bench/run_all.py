"""Run every benchmark in turn (`make bench`); copy the figures into docs/benchmarks.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SCRIPTS = ["bench_guardrails.py", "bench_retrieval.py", "bench_cli.py"]


def main() -> int:
    status = 0
    for script in SCRIPTS:
        path = BENCH / script
        if not path.exists():
            continue
        print(f"== {script}", flush=True)
        status |= subprocess.run([sys.executable, str(path)], check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
