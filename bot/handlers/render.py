"""Plain desk text -> Telegram messages: HTML escaping, splitting, keyboards, typing indicator.

Every text janji sends goes through here, so user text (questions echoed in ticket cards,
officers' replies, names) can never break or inject markup: everything is escaped for
``parse_mode=HTML`` and split *before* escaping, on the plain text Telegram counts.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import html
import logging
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError

from bot.domain.models import Button

logger = logging.getLogger(__name__)

MESSAGE_LIMIT = 4000  # Telegram allows 4096 characters; keep a margin for safety
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64  # bytes
TYPING_REFRESH_SECONDS = 4.5  # Telegram shows a chat action for about 5 s
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+")


def escape(text: str) -> str:
    """Text safe for ``parse_mode=HTML``: only ``<``, ``>`` and ``&`` are special there."""
    return html.escape(text, quote=False)


def split_text(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Pieces of at most ``limit`` characters, cut at paragraph, line, sentence or word ends."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = _best_cut(rest, limit)
        piece = rest[:cut].rstrip()
        if piece:
            parts.append(piece)
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def _best_cut(text: str, limit: int) -> int:
    window = text[: limit + 1]
    floor = limit // 2  # never make a tiny piece when a better cut is far back
    for separator in ("\n\n", "\n"):
        found = window.rfind(separator, floor, limit)
        if found > 0:
            return found + len(separator)
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(window) if floor <= m.end() <= limit]
    if sentence_ends:
        return sentence_ends[-1]
    space = window.rfind(" ", floor, limit)
    if space > 0:
        return space + 1
    return limit


def action_fits(action: str) -> bool:
    return len(action.encode("utf-8")) <= CALLBACK_DATA_LIMIT


def keyboard(rows: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup | None:
    """Neutral buttons -> an inline keyboard; an action over 64 bytes is a bug, never sent."""
    rendered: list[list[InlineKeyboardButton]] = []
    for row in rows:
        line = []
        for button in row:
            if not action_fits(button.action):
                raise ValueError(
                    f"callback data over {CALLBACK_DATA_LIMIT} bytes: {button.action!r}"
                )
            line.append(InlineKeyboardButton(button.label[:64], callback_data=button.action))
        if line:
            rendered.append(line)
    return InlineKeyboardMarkup(rendered) if rendered else None


def service_action(service_id: str) -> str:
    """``svc:<id>``, or ``svh:<digest>`` for an id too long for callback data."""
    action = f"svc:{service_id}"
    if action_fits(action):
        return action
    return f"svh:{service_digest(service_id)}"


def service_digest(service_id: str) -> str:
    return hashlib.sha256(service_id.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class Outgoing:
    """One message ready for ``sendMessage`` (already escaped)."""

    html: str
    markup: InlineKeyboardMarkup | None = None


def messages(text: str, buttons: Sequence[Sequence[Button]] = ()) -> list[Outgoing]:
    """A desk reply as Telegram messages; the buttons go with the last piece."""
    pieces = split_text(text) or ["…"]
    markup = keyboard(buttons)
    return [
        Outgoing(escape(piece), markup if index == len(pieces) - 1 else None)
        for index, piece in enumerate(pieces)
    ]


async def send(
    bot: Bot,
    chat_id: int,
    text: str,
    buttons: Sequence[Sequence[Button]] = (),
    *,
    reply_to: int | None = None,
    thread_id: int | None = None,
) -> Message:
    """Send a plain desk text (escaped, split); returns the last message sent."""
    sent: Message | None = None
    for index, piece in enumerate(messages(text, buttons)):
        sent = await bot.send_message(
            chat_id,
            piece.html,
            parse_mode=ParseMode.HTML,
            reply_markup=piece.markup,
            reply_parameters=quote(reply_to) if index == 0 else None,
            message_thread_id=thread_id,
            link_preview_options=NO_PREVIEW,
        )
    assert sent is not None
    return sent


async def reply(message: Message, text: str, buttons: Sequence[Sequence[Button]] = ()) -> Message:
    """Answer ``message`` in its chat (and topic); quoted in groups, plain in private chats."""
    private = message.chat.type == "private"
    return await send(
        message.get_bot(),
        message.chat_id,
        text,
        buttons,
        reply_to=None if private else message.message_id,
        thread_id=message.message_thread_id if message.is_topic_message else None,
    )


async def notify(query: CallbackQuery, text: str | None = None, *, alert: bool = False) -> None:
    """Answer a button press (a short notice, or just stop the spinner). Best effort: a press
    replayed after a restart is too old to answer, and the notice never decides anything."""
    try:
        await query.answer(text[:200] if text else None, show_alert=alert)
    except TelegramError as error:
        logger.info("could not answer a button press: %s", error)


async def drop_buttons(query: CallbackQuery) -> None:
    """Remove the keyboard of the message whose button was pressed (best effort, like
    ``notify``: replayed, it may be gone already)."""
    try:
        await query.edit_message_reply_markup(None)
    except TelegramError as error:
        logger.info("could not remove the buttons: %s", error)


def quote(message_id: int | None) -> ReplyParameters | None:
    if message_id is None:
        return None
    return ReplyParameters(message_id=message_id, allow_sending_without_reply=True)


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int, thread_id: int | None = None) -> AsyncIterator[None]:
    """Show "typing…" while the block runs (refreshed every few seconds); never fails it.

    The action is sent alongside the work, not before it, and the block's exit waits for an
    action already on the wire, so the answer never arrives before its own typing indicator."""
    done = asyncio.Event()

    async def keep_typing() -> None:
        while not done.is_set():
            try:
                await bot.send_chat_action(chat_id, ChatAction.TYPING, message_thread_id=thread_id)
            except TelegramError as error:  # a chat action is decoration: never fail the answer
                logger.debug("chat action failed in %s: %s", chat_id, error)
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), TYPING_REFRESH_SECONDS)

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        done.set()
        await task
