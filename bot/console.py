"""The console chat: the same engine as the bot, for a machine without a Telegram token."""

from __future__ import annotations

import sys

from bot.config import Settings


def run_console(settings: Settings) -> int:
    from bot.app import open_engine

    engine = open_engine(settings)
    interactive = sys.stdin.isatty()
    if interactive:
        print("janji — tanyakan layanan kami (Ctrl-D untuk keluar).")
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            break
        if not line.strip():
            continue
        answer = engine.answers.answer(line)
        print(answer.text)
        if answer.escalate:
            print("(Pertanyaan ini diteruskan kepada petugas.)")
        print(flush=True)
    return 0
