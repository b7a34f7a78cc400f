"""What every handler can reach: the domain services held by the application.

``Runtime`` holds services and settings only. Conversation state lives in the database (through
the desk); the one in-memory exception is the per-citizen flood window, which is meant to be
forgotten on restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram import Chat, Message, Update, User
from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.domain.desk import ServiceDesk, reply_key
from bot.domain.models import Language, Origin
from bot.domain.outbox import OutboxDispatcher
from bot.domain.ports import Clock
from bot.domain.tickets import CitizenRef, TicketDesk
from bot.handlers.ratelimit import CitizenRateLimiter

if TYPE_CHECKING:
    from bot.app import Desk

logger = logging.getLogger(__name__)

RUNTIME_KEY = "janji.runtime"


@dataclass
class Runtime:
    settings: Settings
    bundle: Desk
    clock: Clock
    citizen_limiter: CitizenRateLimiter
    outbox_kick: asyncio.Event = field(default_factory=asyncio.Event)
    outbox_settled: asyncio.Event = field(default_factory=asyncio.Event)  # no round under way
    background: list[asyncio.Task[None]] = field(default_factory=list)
    stopping: asyncio.Event = field(default_factory=asyncio.Event)
    dispatcher: OutboxDispatcher | None = None  # set while the application runs

    @property
    def desk(self) -> ServiceDesk:
        return self.bundle.desk

    @property
    def tickets(self) -> TicketDesk:
        return self.bundle.tickets

    @property
    def staff_chat_id(self) -> int | None:
        return self.settings.staff_chat_id

    def is_staff_chat(self, chat: Chat | None) -> bool:
        return chat is not None and self.staff_chat_id is not None and chat.id == self.staff_chat_id

    async def outbox_round_finished(self, timeout: float = 5.0) -> None:
        """Wait for a delivery round under way: a message Telegram has just accepted (say, a
        ticket card an officer replies to at once) is only linked to its ticket when the
        round records it."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.outbox_settled.wait(), timeout)

    def kick_outbox(self) -> None:
        """Something may have been queued: deliver now rather than at the next poll."""
        self.outbox_kick.set()

    async def receive(self, update: Update) -> bool:
        """Store an arriving update in the inbox; False for one stored before."""
        return await self.desk.receive(update.update_id, update.to_json())

    async def update_done(self, update: object) -> None:
        """After every update (still in its chat's turn): mark it handled when its desk call
        did not (e.g. a refused request), send its answer now, and wake the dispatcher for the
        rest it queued. A failure here loses nothing: the answer stays in the outbox."""
        if isinstance(update, Update):
            try:
                await self.desk.finish(update.update_id)
                if self.dispatcher is not None:
                    await self.dispatcher.deliver_now(reply_key(update.update_id))
            except Exception:
                logger.exception("after update %s", update.update_id)
        self.kick_outbox()


class JanjiContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """``context.janji`` is the runtime of the application handling the update."""

    @property
    def janji(self) -> Runtime:
        runtime = self.application.bot_data[RUNTIME_KEY]
        assert isinstance(runtime, Runtime)
        return runtime


JanjiApplication = Application[
    ExtBot[None], JanjiContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any
]


def citizen_ref(chat: Chat, user: User | None, language: Language = "id") -> CitizenRef:
    """Who is writing: the chat answers go to, and the person (for tickets and events)."""
    if user is None:
        return CitizenRef(chat.id, chat.id, chat.effective_name or str(chat.id), language)
    return CitizenRef(chat.id, user.id, user.full_name, language)


def origin_of(update: Update) -> Origin:
    """Where the answer to ``update`` goes: its chat and forum topic; in groups it quotes the
    message (as ``render.reply`` does), a button's answer quotes nothing."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    chat_id = chat.id if chat is not None else user.id if user is not None else 0
    if not isinstance(message, Message):  # none, or a button under an inaccessible message
        return Origin(update.update_id, chat_id)
    thread_id = message.message_thread_id if message.is_topic_message else None
    quote = update.callback_query is None and message.chat.type != "private"
    return Origin(update.update_id, chat_id, message.message_id if quote else None, thread_id)
