"""What the domain needs from the outside world. Adapters implement these; tests use real ones."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.domain.models import (
    Candidate,
    Event,
    EventKind,
    InboxUpdate,
    Language,
    OutboxMessage,
    Ticket,
    TicketMessage,
)


class Clock(Protocol):
    def now(self) -> datetime:
        """Timezone-aware UTC now."""
        ...


class StepHook(Protocol):
    """Told when an update reaches a named step of its handling: ``received`` (stored in the
    inbox, not yet confirmed to the chat platform), ``handling`` (every effect written, not yet
    committed) and ``handled`` (committed, the answer not yet delivered). Production runs
    without one; tests use it to kill the process at a precise point (``bot.app.crash_hook``)."""

    def __call__(self, step: str, update_id: int, /) -> None: ...


class Retriever(Protocol):
    def rank(self, questions: Sequence[str], k: int = 5) -> list[list[Candidate]]:
        """For each question, the best ``k`` candidates, best first (batched for throughput)."""
        ...


@dataclass(frozen=True)
class HeldReply:
    """An officer's reply the guardrail held back, waiting for an edit or an override with reason."""

    id: int
    ticket_id: int
    officer_id: int
    officer_name: str
    text: str
    explanation: str
    created_at: datetime
    notice_message_id: int | None = None  # the "held back" notice in the staff chat
    status: str = "held"  # held | overridden | discarded (also: replaced by a newer reply)


class TicketRepository(Protocol):
    async def create_ticket(self, ticket: Ticket) -> Ticket:
        """Store a new ticket; returns it with ``id`` assigned (ids are increasing)."""
        ...

    async def get_ticket(self, ticket_id: int) -> Ticket | None: ...

    async def lock_ticket(self, ticket_id: int) -> Ticket | None:
        """``get_ticket`` that also locks the row until the current transaction ends.

        Use inside ``Store.transaction()`` for read-modify-write (PostgreSQL: ``FOR UPDATE``;
        SQLite transactions are already serialised by ``BEGIN IMMEDIATE``).
        """
        ...

    async def find_by_staff_message(self, message_id: int) -> Ticket | None:
        """The ticket whose card (or a relayed citizen message) is this staff-chat message."""
        ...

    async def link_staff_message(self, ticket_id: int, message_id: int) -> None:
        """Remember that a staff-chat message belongs to a ticket (card, forwarded citizen text)."""
        ...

    async def open_ticket_for_citizen(self, citizen_chat_id: int) -> Ticket | None: ...

    async def tickets_for_citizen(self, citizen_chat_id: int, limit: int = 10) -> list[Ticket]:
        """Newest first."""
        ...

    async def open_tickets(self) -> list[Ticket]: ...

    async def claim(self, ticket_id: int, officer_id: int, officer_name: str, at: datetime) -> bool:
        """Atomic: True for exactly one caller when the ticket is OPEN; False otherwise."""
        ...

    async def save_ticket(self, ticket: Ticket) -> None:
        """Persist every mutable field of an existing ticket."""
        ...

    async def add_message(self, message: TicketMessage) -> TicketMessage: ...

    async def messages(self, ticket_id: int) -> list[TicketMessage]: ...

    async def hold_reply(self, reply: HeldReply) -> HeldReply: ...

    async def get_held_reply(self, held_id: int) -> HeldReply | None: ...

    async def find_held_by_notice(self, notice_message_id: int) -> HeldReply | None: ...

    async def save_held_reply(self, reply: HeldReply) -> None: ...

    async def held_replies(self, ticket_id: int) -> list[HeldReply]:
        """Every held reply of a ticket, oldest first."""
        ...


class EventLog(Protocol):
    async def append(self, event: Event) -> Event:
        """Append-only: events are never updated or deleted."""
        ...

    async def events(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        kinds: Sequence[EventKind] | None = None,
        ticket_id: int | None = None,
    ) -> list[Event]: ...


class Outbox(Protocol):
    async def enqueue(self, message: OutboxMessage) -> OutboxMessage:
        """Idempotent on ``dedupe_key``: a second enqueue returns the stored message."""
        ...

    async def due(self, now: datetime, limit: int = 50) -> list[OutboxMessage]:
        """PENDING messages whose ``next_attempt_at`` has come, oldest first."""
        ...

    async def mark_sent(self, message_id: int, sent_message_id: int | None) -> None: ...

    async def mark_retry(self, message_id: int, error: str, next_attempt_at: datetime) -> None: ...

    async def mark_failed(self, message_id: int, error: str) -> None: ...

    async def mark_chat_blocked(self, chat_id: int, error: str) -> list[int]:
        """Stop every pending message to a chat that blocked the bot; returns their ticket ids."""
        ...

    async def get(self, message_id: int) -> OutboxMessage | None: ...

    async def get_by_key(self, dedupe_key: str) -> OutboxMessage | None: ...

    async def lease(self, message_id: int, now: datetime, until: datetime) -> bool:
        """Atomically take a due PENDING message for sending: moves ``next_attempt_at`` to
        ``until`` so no other dispatcher takes it meanwhile (and a crashed one's message comes
        back after the lease). True for exactly one caller."""
        ...


class Inbox(Protocol):
    """Every update the chat platform delivered, from its arrival until it is handled."""

    async def receive_update(self, update_id: int, payload: str, at: datetime) -> bool:
        """Store an arriving update (its raw JSON) unless it is stored already: True when it is
        new, False for a redelivery (handled or not, it must not be queued twice)."""
        ...

    async def finish_update(self, update_id: int, at: datetime, error: str | None = None) -> bool:
        """Mark an update handled and drop its payload; True for exactly one caller, False when
        it was handled before. Inside ``Store.transaction()`` the row stays locked until the
        transaction ends, so the handling's effects and this mark commit together or not at all,
        and a concurrent handling of the same update waits and then gets False. An update never
        received is recorded as handled."""
        ...

    async def unhandled_updates(self, limit: int = 1000) -> list[InboxUpdate]:
        """Received and not yet handled, lowest update id first."""
        ...

    async def note_replay(self, update_id: int) -> int:
        """Count one more replay of an unhandled update; returns the new count."""
        ...

    async def get_update(self, update_id: int) -> InboxUpdate | None: ...

    async def forget_updates(self, before: datetime) -> int:
        """Drop updates handled before ``before`` (Telegram may reuse ids after a quiet week);
        unhandled ones are kept. Returns how many were dropped."""
        ...


class Conversations(Protocol):
    """Per-citizen state that must survive restarts."""

    async def get_language(self, chat_id: int) -> Language | None: ...

    async def set_language(self, chat_id: int, language: Language) -> None: ...

    async def add_turn(self, chat_id: int, role: str, text: str, at: datetime) -> int:
        """role: "citizen" or "bot"; returns the turn id."""
        ...

    async def recent_turns(self, chat_id: int, limit: int = 6) -> list[tuple[str, str]]:
        """(role, text) oldest first."""
        ...


class Store(TicketRepository, EventLog, Outbox, Inbox, Conversations, Protocol):
    """Everything persistent, in one database; implemented for SQLite and PostgreSQL."""

    def transaction(self) -> AbstractAsyncContextManager[None]:
        """Every store call awaited inside ``async with store.transaction():`` (in the same task)
        commits together or not at all. Nested use joins the outer transaction. Do not
        ``asyncio.gather`` store calls inside one transaction: they share one connection."""
        ...

    async def close(self) -> None: ...


@dataclass(frozen=True)
class SentMessage:
    """What a delivered message became on the chat platform."""

    message_id: int
    thread_id: int | None = None  # the forum topic it was sent to (a new one for ``topic_title``)


class DeliveryBlocked(Exception):
    """The recipient blocked the bot or left (Telegram 403): never retry this chat."""


class DeliveryRetry(Exception):
    """A transient failure (5xx, 429, timeout, network): try again later.

    ``after_seconds`` is the server's ``retry_after`` when it gave one (429)."""

    def __init__(self, reason: str, after_seconds: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.after_seconds = after_seconds


class DeliveryRejected(Exception):
    """A permanent failure no retry will fix (Telegram 400: malformed message, chat not found)."""


class MessageSender(Protocol):
    """Delivers one outbox message (the Telegram implementation lives in ``bot.handlers``).

    Raises ``DeliveryBlocked``, ``DeliveryRetry`` or ``DeliveryRejected``; any other exception is
    logged and retried like ``DeliveryRetry`` (within the same attempt budget)."""

    async def send(self, message: OutboxMessage) -> SentMessage: ...
