"""Speed of the command line as an admin or a script sees it (figures for docs/benchmarks.md).

    .venv/bin/python bench/bench_cli.py [--services 1000] [--questions 2000]

1. `janji index` of N generated service files (wall time, whole process).
2. `janji index` again after one file changed (whole process, and the same update inside a
   running process whose model is already loaded, as the bot does on reload).
3. `janji ask --jsonl` on the sample knowledge: start-up (process start to index open and model
   loaded, measured to the first answer of a one-line warm-up), then answers/s after start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
JANJI = [sys.executable, "-m", "bot.cli"]
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "LOG_LEVEL": "WARNING", "TELEGRAM_BOT_TOKEN": ""}


def timed(args: list[str], **kwargs: object) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, env=ENV, capture_output=True, **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - started


def bench_index(services: int, tmp: Path) -> dict[str, float]:
    folder = tmp / "many"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_many_services.py"), str(services), str(folder)],
        check=True,
        capture_output=True,
    )
    index = tmp / "many-index"
    full = timed([*JANJI, "index", "--knowledge", str(folder), "--index-dir", str(index)])
    victim = sorted(folder.rglob("*.md"))[len(list(folder.rglob("*.md"))) // 2]
    victim.write_text(
        victim.read_text(encoding="utf-8") + "\nCatatan tambahan untuk uji.\n", encoding="utf-8"
    )
    one_cli = timed([*JANJI, "index", "--knowledge", str(folder), "--index-dir", str(index)])

    from bot.app import encoder_factory, open_vectors
    from bot.config import load_settings
    from bot.retrieval.indexer import build_index

    settings = load_settings(knowledge_dir=folder, index_dir=index)
    encoder = encoder_factory(settings)
    encoder()  # the running bot has its model loaded already
    victim.write_text(
        victim.read_text(encoding="utf-8") + "\nSatu catatan lagi.\n", encoding="utf-8"
    )
    started = time.perf_counter()
    build_index(folder, index, settings.embedding_model, encoder, open_vectors(settings))
    one_inprocess = time.perf_counter() - started
    return {
        "services": services,
        "index_full_s": full,
        "reindex_one_file_cli_s": one_cli,
        "reindex_one_file_in_process_s": one_inprocess,
    }


def bench_ask(questions: int, tmp: Path) -> dict[str, float]:
    index = tmp / "sample-index"
    subprocess.run(
        [*JANJI, "index", "--knowledge", str(ROOT / "knowledge"), "--index-dir", str(index)],
        check=True,
        env=ENV,
        capture_output=True,
    )
    pool = [
        json.loads(line)["question"]
        for line in (ROOT / "eval" / "questions.jsonl").read_text().splitlines()
    ]
    lines = [
        json.dumps({"id": i, "question": pool[i % len(pool)] + ("" if i < len(pool) else f" {i}")})
        for i in range(questions)
    ]
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*JANJI, "ask", "--jsonl", "--index-dir", str(index)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=ENV,
        text=True,
    )
    assert proc.stdin and proc.stdout
    proc.stdin.write(lines[0] + "\n")
    proc.stdin.flush()
    proc.stdout.readline()
    startup = time.perf_counter() - started
    t0 = time.perf_counter()
    proc.stdin.write("\n".join(lines[1:]) + "\n")
    proc.stdin.close()
    count = sum(1 for _ in proc.stdout)
    elapsed = time.perf_counter() - t0
    proc.wait()
    rss_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "startup_to_first_answer_s": startup,
        "answers": count,
        "answers_per_s": count / elapsed,
        "peak_rss_mib_any_child": rss_mib,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = {**bench_ask(args.questions, Path(tmp)), **bench_index(args.services, Path(tmp))}
    for key, value in results.items():
        print(f"{key}: {value:.2f}" if isinstance(value, float) else f"{key}: {value}")


if __name__ == "__main__":
    main()
