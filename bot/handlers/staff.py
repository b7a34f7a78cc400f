"""Staff-side handlers, in ``STAFF_CHAT_ID``: ticket buttons, replies to cards, ``/jawab``.

Who counts as staff: anyone acting inside the staff chat (only its members can post or press
buttons there), and, from a private chat, members of the staff chat or ``STAFF_USER_IDS``. The
desk enforces it; the handler only says where the action came from.
"""

from __future__ import annotations

import logging

from telegram import Chat, Message, Update, User
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

from bot.domain.tickets import Officer
from bot.handlers import render
from bot.handlers.citizen import attachment_of, command_argument
from bot.handlers.context import JanjiContext, origin_of
from bot.handlers.texts import STAFF_TEXTS

logger = logging.getLogger(__name__)

_MEMBER_STATUSES = {
    ChatMemberStatus.OWNER,
    ChatMemberStatus.ADMINISTRATOR,
    ChatMemberStatus.MEMBER,
    ChatMemberStatus.RESTRICTED,
}


async def _officer(context: JanjiContext, chat: Chat, user: User) -> Officer:
    """The acting officer; outside the staff chat, membership is asked of Telegram."""
    runtime = context.janji
    in_staff_chat = runtime.is_staff_chat(chat)
    staff_chat_id = runtime.staff_chat_id
    listed = user.id in runtime.settings.staff_user_ids
    if not in_staff_chat and not listed and staff_chat_id is not None:
        in_staff_chat = await _is_member(context, staff_chat_id, user.id)
    return Officer(user.id, user.full_name, in_staff_chat=in_staff_chat)


async def _is_member(context: JanjiContext, chat_id: int, user_id: int) -> bool:
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
    except TelegramError as error:  # unknown user or no access: simply not a member
        logger.info("membership of %s in the staff chat unknown: %s", user_id, error)
        return False
    return member.status in _MEMBER_STATUSES


def replied_message_id(message: Message) -> int | None:
    """The staff-chat message an officer answered: an explicit reply, or (in a forum topic
    opened for a ticket) the topic itself."""
    reply_to = message.reply_to_message
    if reply_to is not None:
        return reply_to.message_id
    if message.is_topic_message and message.message_thread_id is not None:
        return message.message_thread_id
    return None


async def staff_reply(update: Update, context: JanjiContext) -> None:
    """An officer replied to a card (or a held-reply notice, or wrote in a ticket's topic)."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    assert message is not None and chat is not None and user is not None
    replied = replied_message_id(message)
    if replied is None:
        return
    kind, file_id, description = attachment_of(message)
    content = message.text or message.caption or ""
    if description:
        content = f"{description} {content}".strip()
    officer = Officer(user.id, user.full_name, in_staff_chat=context.janji.is_staff_chat(chat))
    await context.janji.outbox_round_finished()
    async with context.janji.desk.handling(origin_of(update)) as handling:
        outcome = await context.janji.tickets.staff_reply_to_message(
            replied, officer, content, kind if file_id else None, file_id or None
        )
        handling.answer(outcome.staff_text)
    if outcome.held is not None:
        logger.info(
            "reply of officer %s on %s held by the guardrail", user.id, outcome.ticket.number
        )


async def answer_command(update: Update, context: JanjiContext) -> None:
    """``/jawab JNJ-000123 teks``: answer a ticket by number (staff chat or private chat)."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    assert message is not None and chat is not None and user is not None
    runtime = context.janji
    parts = command_argument(message).split(maxsplit=1)
    if len(parts) < 2:
        await runtime.desk.say(origin_of(update), STAFF_TEXTS["jawab_usage"])
        return
    officer = await _officer(context, chat, user)
    async with runtime.desk.handling(origin_of(update)) as handling:
        outcome = await runtime.tickets.staff_reply_by_number(parts[0], officer, parts[1])
        handling.answer(outcome.staff_text)


async def ticket_button(update: Update, context: JanjiContext) -> None:
    """``claim:<id>``, ``resolve:<id>`` on a card; ``override:<held>``, ``discard:<held>`` on a
    held-reply notice. The answer shows to the officer who pressed (a short notice)."""
    query, chat, user = update.callback_query, update.effective_chat, update.effective_user
    assert query is not None and chat is not None and user is not None
    action, _, value = (query.data or "").partition(":")
    if not value.isdigit():
        await render.notify(query, STAFF_TEXTS["not_staff"], alert=True)
        return
    officer = await _officer(context, chat, user)
    tickets = context.janji.tickets
    target = int(value)
    async with context.janji.desk.handling(origin_of(update)):
        if action == "claim":
            answer = await tickets.claim(target, officer)
        elif action == "resolve":
            answer = await tickets.resolve(target, officer)
        elif action == "override":
            answer = await tickets.request_override(target, officer)
        else:
            answer = await tickets.discard(target, officer)
    logger.info("officer %s pressed %s on %s", user.id, action, target)
    await render.notify(query, answer, alert=action == "override")
