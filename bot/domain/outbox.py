"""``OutboxDispatcher``: delivers queued messages with retries, backoff and leases.

Delivery guarantees:
- a message is stored before it is sent, so a crash loses nothing;
- each message is *leased* (an atomic conditional update) before sending, so two dispatchers
  never send it both; a dispatcher killed mid-send leaves the lease to expire and the message
  is tried again (the only window for a duplicate is a crash between the chat platform
  accepting the message and ``mark_sent``: at-least-once there, as with any remote API);
- ``mark_sent`` and the desk's bookkeeping (``delivered``) commit together;
- transient failures (5xx, 429, timeouts) back off exponentially, honouring ``retry_after``,
  up to ``max_attempts``; a 429 pauses the whole dispatcher (Telegram's flood limits are mostly
  per bot); a 403 marks the chat blocked and stops every pending message to it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.models import OutboxMessage, OutboxStatus
from bot.domain.ports import (
    Clock,
    DeliveryBlocked,
    DeliveryRejected,
    DeliveryRetry,
    MessageSender,
    Store,
)
from bot.domain.ticket_texts import mask_personal
from bot.domain.tickets import TicketDesk

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 12
    base_seconds: float = 2.0
    max_seconds: float = 600.0
    lease_seconds: float = 120.0  # longer than any single send, including its timeouts
    wait_for_card_seconds: float = 3.0  # a ticket's message waits for its card to be sent

    def backoff(self, attempts: int, retry_after: float | None = None) -> float:
        """Seconds before the next try after ``attempts`` failed ones (1 -> base)."""
        if retry_after is not None:
            return max(retry_after, 0.0)
        growth: float = 2.0 ** max(0, attempts - 1)
        return min(self.max_seconds, self.base_seconds * growth)


class OutboxDispatcher:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        sender: MessageSender,
        desk: TicketDesk,
        *,
        policy: RetryPolicy | None = None,
        batch_size: int = 50,
    ) -> None:
        self.store = store
        self.clock = clock
        self.sender = sender
        self.desk = desk
        self.policy = policy or RetryPolicy()
        self.batch_size = batch_size
        self.paused_until: datetime | None = None

    async def run_once(self) -> int:
        """Deliver the messages that are due now; returns how many were sent."""
        now = self.clock.now()
        if self.paused_until is not None and now < self.paused_until:
            return 0
        self.paused_until = None
        sent = 0
        for message in await self.store.due(now, limit=self.batch_size):
            outcome = await self._deliver(message, now)
            if outcome == "sent":
                sent += 1
            elif outcome == "pause":
                break
        return sent

    async def deliver_now(self, dedupe_key: str) -> bool:
        """Deliver one queued message at once if it is due (an update's answer, right after the
        update, so answers are not held up behind other chats' messages). The same lease,
        retries and bookkeeping as a round: whichever of the two takes it, it is sent once.
        True when it was sent now."""
        message = await self.store.get_by_key(dedupe_key)
        now = self.clock.now()
        if message is None or message.status is not OutboxStatus.PENDING:
            return False
        if message.next_attempt_at > now or (
            self.paused_until is not None and now < self.paused_until
        ):
            return False
        return await self._deliver(message, now) == "sent"

    async def run_forever(self, stop: asyncio.Event, poll_seconds: float = 1.0) -> None:
        """Deliver until ``stop`` is set; a full batch is followed at once by the next."""
        while not stop.is_set():
            busy = False
            try:
                busy = await self.run_once() >= self.batch_size
            except Exception:
                log.exception("outbox dispatch failed; trying again in %s s", poll_seconds)
            if busy:
                await asyncio.sleep(0)
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=poll_seconds)

    async def _deliver(self, message: OutboxMessage, now: datetime) -> str:
        assert message.id is not None
        prepared = await self.desk.prepare(message)
        if prepared is None:
            # Its ticket card is not out yet: look again shortly (no attempt is spent).
            await self.store.lease(
                message.id, now, now + timedelta(seconds=self.policy.wait_for_card_seconds)
            )
            return "waiting"
        lease_until = now + timedelta(seconds=self.policy.lease_seconds)
        if not await self.store.lease(message.id, now, lease_until):
            return "taken"  # another dispatcher has it
        try:
            result = await self.sender.send(prepared)
        except DeliveryBlocked as error:
            log.info("chat %s blocked the bot: %s", message.chat_id, error)
            async with self.store.transaction():
                ticket_ids = await self.store.mark_chat_blocked(message.chat_id, str(error))
                if message.ticket_id is not None and message.ticket_id not in ticket_ids:
                    ticket_ids.append(message.ticket_id)
                await self.desk.recipient_blocked(message.chat_id, ticket_ids)
            return "blocked"
        except DeliveryRejected as error:
            log.warning(
                "outbox %s rejected for good: %s", message.dedupe_key, mask_personal(str(error))
            )
            await self._fail(message, f"rejected: {error}")
            return "failed"
        except DeliveryRetry as error:
            await self._retry(message, now, error.reason, error.after_seconds)
            return "pause" if error.after_seconds is not None else "retry"
        except Exception as error:  # a bug or an unknown failure: retry within the budget
            log.exception("outbox %s: unexpected error while sending", message.dedupe_key)
            await self._retry(message, now, f"{type(error).__name__}: {error}", None)
            return "retry"
        async with self.store.transaction():
            await self.store.mark_sent(message.id, result.message_id)
            await self.desk.delivered(prepared, result)
        return "sent"

    async def _retry(
        self, message: OutboxMessage, now: datetime, reason: str, retry_after: float | None
    ) -> None:
        assert message.id is not None
        attempts = message.attempts + 1
        if attempts >= self.policy.max_attempts:
            log.warning(
                "outbox %s failed after %s attempts: %s",
                message.dedupe_key,
                attempts,
                mask_personal(reason),
            )
            await self._fail(message, reason)
            return
        delay = self.policy.backoff(attempts, retry_after)
        if retry_after is not None:
            self.paused_until = now + timedelta(seconds=delay)
        log.info(
            "outbox %s attempt %s failed (%s); next in %.0f s",
            message.dedupe_key,
            attempts,
            mask_personal(reason),
            delay,
        )
        await self.store.mark_retry(message.id, reason, now + timedelta(seconds=delay))

    async def _fail(self, message: OutboxMessage, reason: str) -> None:
        assert message.id is not None
        async with self.store.transaction():
            await self.store.mark_failed(message.id, reason)
            await self.desk.delivery_failed(message, reason)
