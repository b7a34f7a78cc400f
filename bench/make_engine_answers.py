"""Record the answers janji itself sends for the sample questions (a benchmark workload).

    .venv/bin/python bench/make_engine_answers.py

Runs `janji ask --jsonl` over eval/questions.jsonl on the sample knowledge folder (in a
throwaway index) and writes bench/data/engine_answers.jsonl: {"id", "question", "service_id",
"answer"} per line. bench/bench_guardrails.py checks these as the typical bot answer. Re-run it
when the answer composer changes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "bench" / "data" / "engine_answers.jsonl"


def main() -> None:
    questions = [
        json.loads(line)
        for line in (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    lines = "".join(
        json.dumps({"id": q["id"], "question": q["question"]}, ensure_ascii=False) + "\n"
        for q in questions
    )
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "HF_HUB_OFFLINE": "1",
            "LOG_LEVEL": "WARNING",
            "TELEGRAM_BOT_TOKEN": "",
            "KNOWLEDGE_DIR": str(ROOT / "knowledge"),
            "INDEX_DIR": tmp,
            "CHROMA_HOST": "",
        }
        done = subprocess.run(
            [sys.executable, "-m", "bot.cli", "ask", "--jsonl"],
            input=lines,
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=ROOT,
        )
    by_id = {q["id"]: q["question"] for q in questions}
    with OUTPUT.open("w", encoding="utf-8") as out:
        for line in done.stdout.splitlines():
            row = json.loads(line)
            # The engine checks an answer against the service it answered about: its first source.
            sources = row.get("sources") or []
            service_id = None if row["escalate"] or not sources else sources[0]["service_id"]
            record = {
                "id": row["id"],
                "question": by_id[row["id"]],
                "service_id": service_id,
                "answer": row["answer"],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(done.stdout.splitlines())} answers")


if __name__ == "__main__":
    main()
