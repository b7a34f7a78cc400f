"""Rate limits in both directions.

- ``CitizenRateLimiter``: at most ``USER_RATE_LIMIT`` messages per citizen per sliding minute.
  The first message over the limit gets one polite "please wait" (with the seconds left); the
  rest of that burst is dropped until the window frees up. Kept in memory on purpose: it guards
  this process's CPU, and a restart that forgets it loses nothing a citizen would miss.
- ``TelegramRateLimiter``: python-telegram-bot's ``AIORateLimiter`` (its ``RetryAfter``
  handling: every request pauses for ``retry_after`` and the call is retried) with its leaky
  buckets replaced by exact windows. A leaky bucket of 30 per second lets about 60 messages
  through in one sliding second after an idle spell; Telegram counts sliding windows, so janji
  paces each sending method per chat (1 message/s, small burst), per group (20/min) and overall
  (30/s), each with a margin for network jitter between here and Telegram's clock. A request
  Telegram did not process (5xx, connection refused) is retried twice after a short pause, so
  a hiccup does not swallow a direct answer; the outbox opts out (``own_retries``): it retries
  its stored messages itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from contextvars import ContextVar
from dataclasses import dataclass
from enum import Enum
from typing import Any

from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.ext import AIORateLimiter

logger = logging.getLogger(__name__)

# Methods that put a message in front of someone: Telegram's flood limits count these.
SENDING_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendAudio",
        "sendVideo",
        "sendAnimation",
        "sendVoice",
        "sendVideoNote",
        "sendSticker",
        "sendLocation",
        "sendVenue",
        "sendContact",
        "sendPoll",
        "sendDice",
        "sendMediaGroup",
        "copyMessage",
        "forwardMessage",
        "editMessageText",
        "editMessageCaption",
        "editMessageMedia",
        "editMessageReplyMarkup",
    }
)


class Verdict(Enum):
    ALLOW = "allow"
    WARN = "warn"  # over the limit: answer once with "please wait"
    DROP = "drop"  # over the limit and already warned in this burst


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    retry_after: float = 0.0  # seconds until the next message would be allowed


class CitizenRateLimiter:
    """Per-citizen sliding window of ``per_minute`` messages (0 disables it)."""

    def __init__(
        self,
        per_minute: int,
        *,
        window_seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_minute = per_minute
        self.window = window_seconds
        self._clock = clock
        self._seen: dict[int, deque[float]] = {}
        self._warned: set[int] = set()

    def check(self, citizen_id: int) -> Decision:
        if self.per_minute <= 0:
            return Decision(Verdict.ALLOW)
        now = self._clock()
        if len(self._seen) > 10_000:
            self._forget_idle(now)
        stamps = self._seen.setdefault(citizen_id, deque())
        while stamps and stamps[0] <= now - self.window:
            stamps.popleft()
        if len(stamps) < self.per_minute:
            stamps.append(now)
            self._warned.discard(citizen_id)
            return Decision(Verdict.ALLOW)
        retry_after = max(0.0, stamps[0] + self.window - now)
        if citizen_id in self._warned:
            return Decision(Verdict.DROP, retry_after)
        self._warned.add(citizen_id)
        return Decision(Verdict.WARN, retry_after)

    def _forget_idle(self, now: float) -> None:
        for citizen_id in [c for c, s in self._seen.items() if not s or s[-1] <= now - self.window]:
            del self._seen[citizen_id]
            self._warned.discard(citizen_id)


IN_FLIGHT_POLL_SECONDS = 0.02


@dataclass(frozen=True)
class FloodLimits:
    """Telegram's limits minus a margin (its clock sees our requests a little later)."""

    overall_per_second: int = 25  # Telegram: about 30
    chat_per_second: float = 1.0  # Telegram: about 1 per chat, short bursts tolerated
    chat_burst: int = 2
    group_per_minute: int = 18  # Telegram: 20


class _FloodWindows:
    """Overall 1-s window, per-chat token bucket, per-group 60-s sliding window.

    The overall window counts a send from the moment it is allowed until one second after it
    completes: whatever the network or the event loop delays, no second on Telegram's clock can
    see more than ``overall_per_second`` of our sends (a send reaches Telegram between the two).
    """

    def __init__(self, limits: FloodLimits) -> None:
        self.limits = limits
        self._overall: deque[float] = deque()  # completion times of recent sends
        self._in_flight = 0
        self._buckets: dict[int | str, tuple[float, float]] = {}
        self._groups: dict[int | str, deque[float]] = {}

    def _tokens(self, chat: int | str, now: float) -> float:
        tokens, last = self._buckets.get(chat, (float(self.limits.chat_burst), now))
        return min(
            float(self.limits.chat_burst), tokens + (now - last) * self.limits.chat_per_second
        )

    def wait(self, chat: int | str, is_group: bool, now: float) -> float:
        """Seconds until a send to ``chat`` fits every window (0: now)."""
        limits = self.limits
        waits = [0.0]
        while self._overall and self._overall[0] <= now - 1.0:
            self._overall.popleft()
        if len(self._overall) + self._in_flight >= limits.overall_per_second:
            waits.append(self._overall[0] + 1.0 - now if self._overall else IN_FLIGHT_POLL_SECONDS)
        tokens = self._tokens(chat, now)
        if tokens < 1.0:
            waits.append((1.0 - tokens) / limits.chat_per_second)
        if is_group:
            window = self._groups.setdefault(chat, deque())
            while window and window[0] <= now - 60.0:
                window.popleft()
            if len(window) >= limits.group_per_minute:
                waits.append(window[0] + 60.0 - now)
        return max(waits)

    def record(self, chat: int | str, is_group: bool, now: float) -> None:
        self._in_flight += 1
        self._buckets[chat] = (max(0.0, self._tokens(chat, now) - 1.0), now)
        if is_group:
            self._groups.setdefault(chat, deque()).append(now)
        if len(self._buckets) > 5_000:
            self._forget_idle(now)

    def release(self, now: float) -> None:
        """A send recorded with :meth:`record` has completed (or failed)."""
        self._in_flight = max(0, self._in_flight - 1)
        self._overall.append(now)

    def _forget_idle(self, now: float) -> None:
        refill = self.limits.chat_burst / self.limits.chat_per_second
        for chat in [c for c, (_, last) in self._buckets.items() if last <= now - refill]:
            del self._buckets[chat]
        for chat in [c for c, w in self._groups.items() if not w or w[-1] <= now - 60.0]:
            del self._groups[chat]


def _chat_key(chat_id: object) -> tuple[int | str, bool] | None:
    """(chat, is_group) for a ``chat_id`` parameter; groups have negative ids or @names."""
    if chat_id is None:
        return None
    if isinstance(chat_id, str):
        with contextlib.suppress(ValueError):
            chat_id = int(chat_id)
    if isinstance(chat_id, int):
        return chat_id, chat_id < 0
    return str(chat_id), True


Callback = Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]]

TRANSIENT_RETRIES = 2
TRANSIENT_BACKOFF_SECONDS = 0.5

# Set by callers that retry on their own terms (the outbox: stored, backed off, leased).
own_retries: ContextVar[bool] = ContextVar("janji_own_retries", default=False)


def _retrying(callback: Callback, endpoint: str) -> Callback:
    """Retry a request Telegram did not process (5xx, connection refused) a couple of times.

    A timeout is not retried: the request may have arrived, and a second copy of a message
    is worse than a late one (the outbox retries its own messages with backoff)."""

    async def call(*args: Any, **kwargs: Any) -> bool | dict[str, Any] | list[dict[str, Any]]:
        for attempt in range(TRANSIENT_RETRIES + 1):
            try:
                return await callback(*args, **kwargs)
            except (BadRequest, TimedOut):
                raise
            except NetworkError as error:
                if attempt == TRANSIENT_RETRIES:
                    raise
                logger.info("%s failed (%s); retrying", endpoint, error)
                await asyncio.sleep(TRANSIENT_BACKOFF_SECONDS * 2**attempt)
        raise AssertionError("unreachable")

    return call


class TelegramRateLimiter(AIORateLimiter):
    """``AIORateLimiter`` with exact flood windows for the methods Telegram counts."""

    def __init__(self, limits: FloodLimits | None = None, *, max_retries: int = 3) -> None:
        # The parent's own leaky buckets are switched off (rates 0); it keeps RetryAfter.
        super().__init__(overall_max_rate=0, group_max_rate=0, max_retries=max_retries)
        self.limits = limits or FloodLimits()
        self._windows = _FloodWindows(self.limits)
        self._clock: Callable[[], float] = time.monotonic

    async def _acquire(self, chat: int | str, is_group: bool) -> None:
        while True:
            now = self._clock()
            wait = self._windows.wait(chat, is_group, now)
            if wait <= 0:
                self._windows.record(chat, is_group, now)
                return
            await asyncio.sleep(wait)

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if endpoint != "getUpdates" and not own_retries.get():  # the updater retries its polls
            callback = _retrying(callback, endpoint)
        key = _chat_key(data.get("chat_id")) if endpoint in SENDING_METHODS else None
        if key is not None:
            chat, is_group = key
            inner = callback

            async def paced(
                *call_args: Any, **call_kwargs: Any
            ) -> bool | dict[str, Any] | list[dict[str, Any]]:
                await self._acquire(chat, is_group)
                try:
                    return await inner(*call_args, **call_kwargs)
                finally:
                    self._windows.release(self._clock())

            callback = paced
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )
