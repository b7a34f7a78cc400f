"""``janji`` command line: run | index | ask | chat | check | eval | report. A contract others script against."""

from __future__ import annotations

import argparse
import json
import logging
import os
import queue
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from bot.config import Settings, load_settings
from bot.errors import JanjiError

logger = logging.getLogger("janji")
JSONL_BATCH = 64


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("httpx", "httpcore", "chromadb", "sentence_transformers", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    if getattr(args, "knowledge", None):
        overrides["knowledge_dir"] = Path(args.knowledge)
    if getattr(args, "index_dir", None):
        overrides["index_dir"] = Path(args.index_dir)
    return load_settings(**overrides)


def answer_record(answer: Any, record_id: object) -> dict[str, Any]:
    return {
        "id": record_id,
        "answer": answer.text,
        "escalate": answer.escalate,
        "reason": answer.reason.value if answer.reason else None,
        "sources": [
            {"service_id": s.service_id, "file": s.file, "score": s.score} for s in answer.sources
        ],
        "guardrail": {
            "verdict": answer.guardrail.verdict,
            "violations": [
                {
                    "service_id": v.service_id,
                    "field": v.field,
                    "promised": v.promised,
                    "claimed": v.claimed,
                }
                for v in answer.guardrail.violations
            ],
        },
    }


def _parse_line(line: str, field: str) -> tuple[object, str | None, dict[str, Any] | None]:
    """(id, error or None, record) for one JSON line; the record is None on error."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"baris bukan JSON yang valid: {exc.msg}", None
    if not isinstance(record, dict):
        return None, "baris harus berupa objek JSON", None
    record_id = record.get("id")
    value = record.get(field)
    if not isinstance(value, str):
        return record_id, f"kolom '{field}' wajib berupa teks", None
    return record_id, None, record


def _batches(stream: TextIO) -> Iterator[list[str]]:
    """Lines in batches: whatever has arrived (up to JSONL_BATCH), so a pipe that writes one line
    and waits for its answer is served at once, and a full pipe is served in fast batches."""
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    finished = False
    while not finished:
        item = lines.get()
        if item is None:
            return
        batch = [item]
        while len(batch) < JSONL_BATCH:
            try:
                nxt = lines.get_nowait()
            except queue.Empty:
                break
            if nxt is None:
                finished = True
                break
            batch.append(nxt)
        yield batch


def _write(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def cmd_index(args: argparse.Namespace) -> int:
    from bot.app import update_index

    settings = _settings(args)
    _, summary = update_index(settings, progress=True)
    print(summary.describe())
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.app import open_engine

    settings = _settings(args)
    engine = open_engine(settings, reindex=bool(args.knowledge), preload=args.jsonl)
    if not args.jsonl:
        if not args.question:
            print('Tulis pertanyaan, misalnya: janji ask "berapa biaya KTP?"', file=sys.stderr)
            return 2
        answer = engine.answers.answer(" ".join(args.question))
        print(answer.text)
        if answer.escalate:
            print(f"\n[diteruskan ke petugas: {answer.reason.value if answer.reason else ''}]")
        return 0
    for batch in _batches(sys.stdin):
        parsed = [_parse_line(line, "question") for line in batch if line.strip()]
        valid = [(i, rec) for i, (_, err, rec) in enumerate(parsed) if err is None and rec]
        answers = engine.answers.answer_many([rec["question"] for _, rec in valid])
        by_index = dict(zip((i for i, _ in valid), answers, strict=True))
        for i, (record_id, error, _) in enumerate(parsed):
            if error is not None:
                _write({"id": record_id, "error": error})
            else:
                _write(answer_record(by_index[i], record_id))
        sys.stdout.flush()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from bot.knowledge import load_knowledge
    from guardrails.check import PromiseChecker

    settings = _settings(args)
    knowledge = load_knowledge(settings.knowledge_dir)
    checker = PromiseChecker(knowledge.standards())
    if not args.jsonl:
        if not args.answer:
            print(
                'Tulis jawaban yang akan diperiksa, misalnya: janji check "biayanya 50rb" '
                "--service ktp-el",
                file=sys.stderr,
            )
            return 2
        if args.service and args.service not in knowledge.services:
            print(
                f"Layanan '{args.service}' tidak ada di {settings.knowledge_dir}.", file=sys.stderr
            )
            return 2
        verdict = checker.check(" ".join(args.answer), service_id=args.service)
        if verdict.ok:
            print("OK: tidak ada janji layanan yang dilanggar.")
            return 0
        print(f"BERTENTANGAN: {verdict.explanation}")
        for v in verdict.violations:
            print(f"- {v.service_id} / {v.field}: dijanjikan {v.promised}, disebut {v.claimed}")
        return 1
    for line in sys.stdin:
        if not line.strip():
            continue
        record_id, error, record = _parse_line(line, "answer")
        if error is None and record is not None:
            service = record.get("service_id")
            question = record.get("question")
            if service is not None and not isinstance(service, str):
                error = "kolom 'service_id' harus teks atau null"
            elif question is not None and not isinstance(question, str):
                error = "kolom 'question' harus teks atau null"
        if error is not None or record is None:
            _write({"id": record_id, "error": error})
            continue
        verdict = checker.check(
            record["answer"], service_id=record.get("service_id"), question=record.get("question")
        )
        _write({"id": record_id, **verdict.to_dict()})
        sys.stdout.flush()
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.app import open_engine
    from bot.evaluation import evaluate, format_report, read_questions

    settings = _settings(args)
    engine = open_engine(settings, reindex=bool(args.knowledge))
    questions = read_questions(Path(args.file))
    started = time.perf_counter()
    answers = engine.answers.answer_many([q["question"] for q in questions])
    elapsed = time.perf_counter() - started
    report = evaluate(questions, answers)
    report["seconds"] = round(elapsed, 3)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report, show_errors=args.errors))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import asyncio
    from datetime import UTC, datetime, timedelta

    from bot.reports.figures import build_report, format_report
    from bot.store.sql import open_store

    settings = _settings(args)
    now = datetime.now(UTC)
    since = now - timedelta(days=args.days) if args.days else None

    async def collect() -> Any:
        store = await open_store(settings.database_url)
        try:
            return await store.events(since=since)
        finally:
            await store.close()

    report = build_report(asyncio.run(collect()), now=now, since=since)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.console import run_console

    return run_console(_settings(args))


def cmd_run(args: argparse.Namespace) -> int:
    """The Telegram bot. A missing or malformed token fails at once with one clear line."""
    from bot.handlers.app import run_bot

    return run_bot(_settings(args))


def cmd_start(args: argparse.Namespace) -> int:
    """`make run`: the bot when TELEGRAM_BOT_TOKEN is configured, else the console chat."""
    settings = _settings(args)
    if settings.telegram_bot_token:
        from bot.handlers.app import run_bot

        return run_bot(settings)
    logger.info("TELEGRAM_BOT_TOKEN is not set: starting the console chat")
    from bot.console import run_console

    return run_console(settings)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="janji", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--knowledge", metavar="DIR", help="knowledge folder (default KNOWLEDGE_DIR)"
        )
        p.add_argument("--index-dir", metavar="DIR", help="index folder (default INDEX_DIR)")

    p = sub.add_parser("run", help="start the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    common(p)
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("start", help="the Telegram bot when a token is set, else the console chat")
    common(p)
    p.set_defaults(func=cmd_start)
    p = sub.add_parser("index", help="build or update the index from the knowledge folder")
    common(p)
    p.set_defaults(func=cmd_index)
    p = sub.add_parser("ask", help="answer a question, or JSON lines on stdin with --jsonl")
    common(p)
    p.add_argument("--jsonl", action="store_true")
    p.add_argument("question", nargs="*")
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser("chat", help="console conversation on the same engine")
    common(p)
    p.set_defaults(func=cmd_chat)
    p = sub.add_parser("check", help="check answers against the promises (guardrail)")
    p.add_argument("--knowledge", metavar="DIR")
    p.add_argument("--jsonl", action="store_true")
    p.add_argument("--service", metavar="ID")
    p.add_argument("answer", nargs="*")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("report", help="promise versus reality, from the event log")
    p.add_argument("--days", type=int, default=None, help="only the last N days")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_report)
    p = sub.add_parser("eval", help="quality check over a questions file")
    common(p)
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--errors", action="store_true", help="list every miss")
    p.set_defaults(func=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    args = build_parser().parse_args(argv)
    try:
        configure_logging(load_settings().log_level)
    except Exception as exc:  # settings themselves malformed: one clear line
        print(f"janji: pengaturan tidak valid: {exc}", file=sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except JanjiError as exc:
        print(f"janji: {exc.user_message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
