"""Rate limits: the per-citizen window and the outgoing flood windows."""

from __future__ import annotations

import random

from bot.handlers.ratelimit import CitizenRateLimiter, FloodLimits, Verdict, _FloodWindows
from tests.fakes.bot_api import RateLimits, _RateLimiter


class Tick:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_citizen_gets_the_limit_then_one_please_wait_then_quiet() -> None:
    clock = Tick()
    limiter = CitizenRateLimiter(3, clock=clock)
    verdicts = [limiter.check(7).verdict for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.WARN, Verdict.DROP, Verdict.DROP]
    assert limiter.check(8).verdict is Verdict.ALLOW  # other citizens are not affected
    clock.now += 61
    assert limiter.check(7).verdict is Verdict.ALLOW
    assert [limiter.check(7).verdict for _ in range(3)] == [
        Verdict.ALLOW,
        Verdict.ALLOW,
        Verdict.WARN,
    ]


def test_retry_after_counts_down_to_the_oldest_message_leaving_the_window() -> None:
    clock = Tick()
    limiter = CitizenRateLimiter(2, clock=clock)
    limiter.check(1)
    clock.now += 20
    limiter.check(1)
    decision = limiter.check(1)
    assert decision.verdict is Verdict.WARN and round(decision.retry_after) == 40


def test_zero_disables_the_limit() -> None:
    limiter = CitizenRateLimiter(0)
    assert all(limiter.check(1).verdict is Verdict.ALLOW for _ in range(100))


def test_flood_windows_never_break_telegrams_limits_even_with_jitter() -> None:
    """Sends scheduled as early as the windows allow, reaching Telegram up to 0.3 s late (each
    independently, as a loaded event loop or network delays them) and completing a little later:
    the fake's limiter finds nothing to refuse."""
    windows = _FloodWindows(FloodLimits())
    telegram = _RateLimiter(RateLimits())
    rng = random.Random(4)
    chats = [101, 102, 103, -1001, -1002, *range(200, 260)]
    now = 0.0
    arrivals: list[tuple[float, int]] = []
    completions: list[float] = []
    for _ in range(600):
        chat = rng.choice(chats)
        is_group = chat < 0
        while True:
            for done in sorted(c for c in completions if c <= now):
                windows.release(done)
                completions.remove(done)
            wait = windows.wait(chat, is_group, now)
            if wait <= 0:
                break
            now += max(wait, 1e-6)  # float rounding: never a zero step
        windows.record(chat, is_group, now)
        arrival = now + rng.uniform(0.0, 0.3)
        arrivals.append((arrival, chat))
        completions.append(arrival + rng.uniform(0.0, 0.05))
        now += rng.uniform(0.0, 0.02)
    broken: list[str] = []
    for at, chat in sorted(arrivals):
        _, rules = telegram.check(at, chat, chat < 0)
        broken.extend(rules)
        telegram.record(at, chat, chat < 0)
    assert broken == []
