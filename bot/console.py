"""The console chat: the same desk as the Telegram bot (engine, tickets, store) in a terminal.

Escalations open real tickets in the database; officers see them once the bot runs with a
staff chat. Works with piped input: answers each line and exits at end of input.
"""

from __future__ import annotations

import asyncio
import getpass
import os
import sys

from bot.config import Settings
from bot.domain.desk import ServiceDesk
from bot.domain.tickets import CitizenRef

CONSOLE_CHAT_ID = -1  # a fixed pseudo chat for the local console user


async def _chat(settings: Settings) -> int:
    from bot.app import open_desk

    bundle = await open_desk(settings)
    citizen = CitizenRef(CONSOLE_CHAT_ID, CONSOLE_CHAT_ID, _user_name())
    interactive = sys.stdin.isatty()
    try:
        if interactive:
            print("janji — tanyakan layanan kami (Ctrl-D untuk keluar).")
        while True:
            if interactive:
                print("> ", end="", flush=True)
            line = await asyncio.to_thread(sys.stdin.readline)
            if not line:
                break
            if not line.strip():
                continue
            print(await _handle(bundle.desk, citizen, line.strip()), end="\n\n", flush=True)
    finally:
        await bundle.close()
    return 0


async def _handle(desk: ServiceDesk, citizen: CitizenRef, text: str) -> str:
    """The same commands as in Telegram, for the console user."""
    command = text.split()[0].lower() if text.startswith("/") else ""
    language = await desk.language_for(citizen.chat_id, text)
    if command in ("/batal", "/cancel"):
        return await desk.tickets.cancel(citizen.chat_id, language)
    if command == "/status":
        return await desk.tickets.status(citizen.chat_id, language)
    if command in ("/petugas", "/officer"):
        rest = text.split(maxsplit=1)[1] if " " in text else None
        return (await desk.talk_to_officer(citizen, rest)).text
    if command in ("/bahasa", "/language"):
        return (await desk.toggle_language(citizen.chat_id)).text
    return (await desk.ask(citizen, text)).text


def _user_name() -> str:
    try:
        return os.environ.get("USER") or getpass.getuser() or "Warga"
    except (KeyError, OSError):
        return "Warga"


def run_console(settings: Settings) -> int:
    return asyncio.run(_chat(settings))
