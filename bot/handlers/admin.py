"""Admin commands (ADMIN_USER_IDS only, in a private chat): the honest report, and reloading the
knowledge folder without a restart."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Message, Update

from bot.handlers import render
from bot.handlers.citizen import command_argument
from bot.handlers.context import JanjiContext, origin_of

logger = logging.getLogger(__name__)

NOT_ADMIN = "Perintah ini hanya untuk admin."
DEFAULT_REPORT_DAYS = 30


def _days(argument: str) -> int:
    return (
        int(argument) if argument.isdigit() and 0 < int(argument) <= 3650 else DEFAULT_REPORT_DAYS
    )


async def _admin_message(update: Update, context: JanjiContext) -> Message | None:
    """The command's message when an admin sent it; anyone else is told it is for admins."""
    message = update.effective_message
    user = update.effective_user
    if message is None or user is None:
        return None
    if user.id not in context.janji.settings.admin_user_ids:
        await context.janji.desk.say(origin_of(update), NOT_ADMIN)
        return None
    return message


async def report_command(update: Update, context: JanjiContext) -> None:
    """/laporan [days]: promise versus reality, computed from the raw event log."""
    message = await _admin_message(update, context)
    if message is None:
        return
    runtime = context.janji
    from bot.reports.figures import report_from_store

    argument = command_argument(message)
    now = runtime.clock.now()
    text = await report_from_store(
        runtime.bundle.store, now=now, since=now - timedelta(days=_days(argument))
    )
    await runtime.desk.say(origin_of(update), text)


async def reload_command(update: Update, context: JanjiContext) -> None:
    """/reload: re-index the knowledge folder in this process and serve it at once. A bad file
    is reported with its file:line and the previous index keeps serving."""
    message = await _admin_message(update, context)
    if message is None:
        return
    runtime = context.janji
    from bot.app import reload_knowledge

    async with render.typing(message.get_bot(), message.chat_id):
        summary = await reload_knowledge(runtime.settings, runtime.bundle)
    logger.info(
        "knowledge reloaded by admin %s", message.from_user.id if message.from_user else "?"
    )
    done = summary.describe() if summary else "Indeks sudah terbaru."
    await runtime.desk.say(origin_of(update), done)
