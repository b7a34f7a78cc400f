"""How hard is a labelled set? Score it with the one-hour baseline checker and with janji's.

``baseline_checker.py`` was written on 2026-11-28 by a helper in about 45 minutes from the issue
text alone (no labelled data, no janji code), to stand for the issue's reference point: "a
careful deterministic checker written in an hour, without seeing such a set, reached about
0.96 / 0.95". It is kept exactly as written. On a set of that difficulty janji must do better.

    .venv/bin/python bench/calibration/score_sets.py eval/guardrail_blind12.jsonl ...
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import baseline_checker  # noqa: E402

from guardrails import PromiseChecker  # noqa: E402
from tests.guardrails.guardrail_eval import (  # noqa: E402
    SAMPLE_SERVICES,
    checker_for,
    load_records,
    tally,
)


def _score(results: list[tuple[dict[str, Any], list[str]]]) -> str:
    r = tally((record["expected"], record["fields"], fields) for record, fields in results)
    return (
        f"P {r['precision']:.3f} R {r['recall']:.3f} field {r['field_accuracy']:.3f} "
        f"(tp {r['tp']} fp {r['fp']} fn {r['fn']})"
    )


def main() -> None:
    checkers: dict[str, PromiseChecker] = {}
    for name in sys.argv[1:]:
        baseline: list[tuple[dict[str, Any], list[str]]] = []
        janji: list[tuple[dict[str, Any], list[str]]] = []
        for record in load_records(Path(name)):
            raw = record.get("standards") or SAMPLE_SERVICES
            checker = checker_for({"standards": raw}, checkers)
            args = {"service_id": record.get("service_id"), "question": record.get("question")}
            try:
                found = baseline_checker.check(record["answer"], raw, **args)
            except Exception:  # the baseline is kept as written; a crash counts as "ok"
                found = {"verdict": "ok", "fields": []}
            baseline.append((record, list(found["fields"])))  # fields iff contradiction
            verdict = checker.check(record["answer"], **args)
            janji.append((record, [v.field for v in verdict.violations]))
        print(f"{Path(name).name}\n  baseline: {_score(baseline)}\n  janji:    {_score(janji)}")


if __name__ == "__main__":
    main()
