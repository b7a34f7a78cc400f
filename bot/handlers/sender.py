"""``TelegramSender``: the outbox's way out (``bot.domain.ports.MessageSender`` on a ``Bot``).

Telegram's answers become the three outcomes the dispatcher understands: 403 -> blocked (never
retried), 429 / timeouts / network / 5xx -> retry later, 400 -> rejected for good.
"""

from __future__ import annotations

import logging
import warnings
from datetime import timedelta
from typing import Any

from telegram import Bot, Message
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.domain.models import OutboxMessage
from bot.domain.ports import DeliveryBlocked, DeliveryRejected, DeliveryRetry, SentMessage
from bot.handlers.ratelimit import own_retries
from bot.handlers.render import CAPTION_LIMIT, NO_PREVIEW, escape, keyboard, quote, split_text

logger = logging.getLogger(__name__)

# Attachment kinds sent as files with the text as caption; others travel as text only.
_FILE_SENDERS = {"photo", "document", "voice", "video", "audio", "animation"}


def retry_after_seconds(error: RetryAfter) -> float:
    """The wait Telegram asked for (read without PTB's int/timedelta deprecation warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramSender:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._forum: dict[int, bool] = {}  # chat id -> is a forum supergroup (asked once)

    async def send(self, message: OutboxMessage) -> SentMessage:
        token = own_retries.set(True)  # the dispatcher retries with backoff: fail fast here
        try:
            return await self._send(message)
        except Forbidden as error:
            raise DeliveryBlocked(str(error)) from error
        except RetryAfter as error:
            raise DeliveryRetry(str(error), retry_after_seconds(error)) from error
        except ChatMigrated as error:
            logger.error(
                "chat %s became supergroup %s: update the settings (e.g. STAFF_CHAT_ID)",
                message.chat_id,
                error.new_chat_id,
            )
            raise DeliveryRejected(str(error)) from error
        except BadRequest as error:
            raise DeliveryRejected(str(error)) from error
        except (TimedOut, NetworkError) as error:
            raise DeliveryRetry(f"{type(error).__name__}: {error}") from error
        except InvalidToken as error:
            raise DeliveryRetry("the Bot API refused the token") from error
        except TelegramError as error:
            raise DeliveryRetry(f"{type(error).__name__}: {error}") from error
        finally:
            own_retries.reset(token)

    async def _send(self, message: OutboxMessage) -> SentMessage:
        thread_id = message.thread_id
        if message.topic_title and thread_id is None and await self._is_forum(message.chat_id):
            thread_id = await self._open_topic(message.chat_id, message.topic_title)
        markup = keyboard(message.buttons)
        if message.attachment_kind in _FILE_SENDERS and message.attachment_file_id:
            sent = await self._send_file(message, thread_id)
        else:
            pieces = split_text(message.text) or ["…"]
            first: Message | None = None
            for index, piece in enumerate(pieces):
                last = index == len(pieces) - 1
                sent_piece = await self.bot.send_message(
                    message.chat_id,
                    escape(piece),
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup if last else None,
                    reply_parameters=quote(message.reply_to_message_id) if index == 0 else None,
                    message_thread_id=thread_id,
                    link_preview_options=NO_PREVIEW,
                )
                first = first or sent_piece
            assert first is not None
            sent = first
        return SentMessage(sent.message_id, thread_id)

    async def _send_file(self, message: OutboxMessage, thread_id: int | None) -> Message:
        """The file with the text as caption; a text too long for a caption goes first."""
        markup = keyboard(message.buttons)
        caption: str | None = message.text
        lead: Message | None = None
        if len(message.text) > CAPTION_LIMIT:
            caption = None
            lead = await self.bot.send_message(
                message.chat_id,
                escape(message.text[:4000]),
                parse_mode=ParseMode.HTML,
                reply_parameters=quote(message.reply_to_message_id),
                message_thread_id=thread_id,
                link_preview_options=NO_PREVIEW,
            )
        options: dict[str, Any] = {
            "caption": escape(caption) if caption else None,
            "parse_mode": ParseMode.HTML,
            "reply_markup": markup,
            "reply_parameters": quote(lead.message_id if lead else message.reply_to_message_id),
            "message_thread_id": thread_id,
        }
        file_id = message.attachment_file_id
        assert file_id is not None
        kind = message.attachment_kind
        if kind == "photo":
            sent = await self.bot.send_photo(message.chat_id, file_id, **options)
        elif kind == "voice":
            sent = await self.bot.send_voice(message.chat_id, file_id, **options)
        elif kind == "video":
            sent = await self.bot.send_video(message.chat_id, file_id, **options)
        elif kind == "audio":
            sent = await self.bot.send_audio(message.chat_id, file_id, **options)
        elif kind == "animation":
            sent = await self.bot.send_animation(message.chat_id, file_id, **options)
        else:
            sent = await self.bot.send_document(message.chat_id, file_id, **options)
        return lead or sent

    async def _is_forum(self, chat_id: int) -> bool:
        if chat_id > 0:
            return False
        known = self._forum.get(chat_id)
        if known is None:
            chat = await self.bot.get_chat(chat_id)
            known = self._forum[chat_id] = bool(chat.is_forum)
        return known

    async def _open_topic(self, chat_id: int, title: str) -> int | None:
        """A new forum topic for a ticket; without the right to make one, the main thread."""
        try:
            topic = await self.bot.create_forum_topic(chat_id, title[:128])
        except BadRequest as error:
            logger.warning(
                "cannot open a forum topic in %s (%s): posting in the chat", chat_id, error
            )
            self._forum[chat_id] = False
            return None
        return topic.message_thread_id
