"""Verdict equivalence check for speed work on the promise checker (not a test).

    .venv/bin/python bench/guardrail_equivalence.py --write /tmp/guardrail_baseline.json
    .venv/bin/python bench/guardrail_equivalence.py --compare /tmp/guardrail_baseline.json

Runs the checker over every labelled answer in ``eval/guardrail_*.jsonl`` (each record's own
standards when present, otherwise the sample knowledge standards) plus the composed bot answers of
``bench/bench_guardrails.py``, and stores or compares the full ``Verdict.to_dict()`` outputs.
Only "identical: yes/no" is printed, so blind records are never shown.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_guardrails import LONG_ANSWERS  # noqa: E402
from guardrails import PromiseChecker  # noqa: E402
from tests.guardrails.guardrail_eval import (  # noqa: E402
    checker_for,
    load_records,
    sample_standards,
)


def verdicts(skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every verdict, keyed by file and record position (files named in ``skip`` left out)."""
    default = PromiseChecker(sample_standards())
    checkers: dict[str, PromiseChecker] = {}
    out: dict[str, Any] = {}
    for path in sorted((ROOT / "eval").glob("guardrail_*.jsonl")):
        if path.name in skip:
            continue
        for position, record in enumerate(load_records(path)):
            checker = checker_for(record, checkers, default)
            question = record.get("question")
            service_id = record.get("service_id")
            answer = record["answer"]
            result = checker.check(answer, service_id=service_id, question=question)
            out[f"{path.name}:{position}"] = result.to_dict()
            # The same answer without its question and service: exercises more code paths.
            bare = checker.check(answer)
            out[f"{path.name}:{position}:bare"] = bare.to_dict()
    # Two answers run together: longer texts with more sentences, clauses and siblings.
    answers = [
        (record["answer"], record.get("question"))
        for path in sorted((ROOT / "eval").glob("guardrail_*.jsonl"))
        if path.name not in skip
        for record in load_records(path)
    ]
    for position in range(len(answers) - 1):
        text = f"{answers[position][0]} {answers[position + 1][0]}"
        out[f"pair:{position}"] = default.check(text, question=answers[position][1]).to_dict()
    for position, (service_id, text) in enumerate(LONG_ANSWERS):
        out[f"long:{position}"] = default.check(text, service_id=service_id).to_dict()
        out[f"long:{position}:bare"] = default.check(text).to_dict()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--compare", type=Path)
    parser.add_argument(
        "--skip", action="append", default=[], help="an eval file name to leave out (repeatable)"
    )
    args = parser.parse_args()
    current = verdicts(tuple(args.skip))
    if args.write is not None:
        args.write.write_text(json.dumps(current, sort_keys=True, ensure_ascii=False))
        print(f"baseline written: {len(current)} verdicts")
        return
    baseline = json.loads(args.compare.read_text())
    same = baseline == current
    print(f"verdicts: {len(current)}; identical: {'yes' if same else 'no'}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
