"""Score a labelled guardrail set through the product's own path (not a test).

    .venv/bin/python bench/guardrail_cli_eval.py eval/guardrail_blind4.jsonl

For each organisation in the file (records carry their "standards"), writes a knowledge folder of
Markdown service standards (front matter: id, service, aliases, promises), runs
`janji check --knowledge DIR --jsonl` on that organisation's records, and scores the verdicts:
contradiction precision, recall, and the share of true contradictions whose reported fields
equal the labelled ones. The figures must equal those of tests/guardrails/guardrail_eval.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.guardrails.guardrail_eval import tally  # noqa: E402


def _yaml_scalar(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_folder(standards: list[dict[str, Any]], folder: Path) -> None:
    for standard in standards:
        promises = standard["promises"]
        lines = [
            "---",
            f"id: {standard['service_id']}",
            f"service: {_yaml_scalar(standard['name'])}",
            f"aliases: {_yaml_scalar(standard.get('aliases', []))}",
            "promises:",
        ]
        for key, value in promises.items():
            if isinstance(value, dict):
                lines.append(f"  {key}:")
                lines.extend(f"    {k}: {_yaml_scalar(v)}" for k, v in value.items())
            else:
                lines.append(f"  {key}: {_yaml_scalar(value)}")
        lines += ["---", f"# {standard['name']}", ""]
        (folder / f"{standard['service_id']}.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("labelled", type=Path)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.labelled.read_text().splitlines() if line.strip()]
    groups: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        groups.setdefault(json.dumps(record["standards"], sort_keys=True), []).append(record)
    outcomes: list[tuple[str, list[str], list[str]]] = []
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "LOG_LEVEL": "WARNING"}
    for key, group in groups.items():
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            write_folder(json.loads(key), folder)
            lines = "".join(
                json.dumps(
                    {
                        "id": r["id"],
                        "answer": r["answer"],
                        "service_id": r["service_id"],
                        "question": r["question"],
                    },
                    ensure_ascii=False,
                )
                + "\n"
                for r in group
            )
            done = subprocess.run(
                [sys.executable, "-m", "bot.cli", "check", "--knowledge", str(folder), "--jsonl"],
                input=lines,
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
                check=False,
            )
            if done.returncode != 0:
                sys.exit(f"janji check failed: {done.stderr.strip()}")
        for record, line in zip(group, done.stdout.splitlines(), strict=True):
            verdict = json.loads(line)
            assert verdict["id"] == record["id"]
            outcomes.append(
                (record["expected"], record["fields"], [v["field"] for v in verdict["violations"]])
            )
    result = tally(outcomes)
    tp, fp, fn = result["tp"], result["fp"], result["fn"]
    precision, recall, field = result["precision"], result["recall"], result["field_accuracy"]
    print(
        f"{args.labelled.name}: n={len(records)} contradictions={tp + fn} "
        f"precision={precision:.3f} ({tp}/{tp + fp}) recall={recall:.3f} ({tp}/{tp + fn}) "
        f"field={field:.3f}"
    )


if __name__ == "__main__":
    main()
