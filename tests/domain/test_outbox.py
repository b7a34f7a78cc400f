"""The outbox dispatcher: retries, backoff, blocked chats, and no duplicates across crashes."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.domain.models import EscalationReason, EventKind, OutboxMessage, OutboxStatus
from bot.domain.outbox import OutboxDispatcher, RetryPolicy
from bot.domain.ports import DeliveryRejected, DeliveryRetry, SentMessage
from bot.domain.tickets import TicketDesk
from bot.store import SqlStore, open_store
from guardrails.check import PromiseChecker
from tests.domain.conftest import (
    BUDI,
    SITI,
    STAFF_CHAT,
    T0,
    FakeClock,
    RecordingSender,
    make_desk,
)


async def queue(store: SqlStore, key: str, chat_id: int = 42, **changes: object) -> OutboxMessage:
    message = OutboxMessage(
        chat_id=chat_id, text=f"text of {key}", dedupe_key=key, created_at=T0, next_attempt_at=T0
    )
    for name, value in changes.items():
        setattr(message, name, value)
    return await store.enqueue(message)


async def stored(store: SqlStore, message: OutboxMessage) -> OutboxMessage:
    assert message.id is not None
    found = await store.get(message.id)
    assert found is not None
    return found


async def test_transient_failures_back_off_then_the_message_goes_out_once(
    store: SqlStore, clock: FakeClock, sender: RecordingSender, dispatcher: OutboxDispatcher
) -> None:
    message = await queue(store, "m1")
    sender.failures = [
        DeliveryRetry("502 Bad Gateway"),
        DeliveryRetry("Timed out"),
        DeliveryRetry("429 Too Many Requests", after_seconds=30),
        ConnectionResetError("connection reset by peer"),  # unknown: retried too
    ]

    assert await dispatcher.run_once() == 0  # 502 -> next try in 2 s
    assert (await stored(store, message)).next_attempt_at == T0 + timedelta(seconds=2)
    assert await dispatcher.run_once() == 0  # not due yet
    assert sender.calls == 1

    clock.advance(seconds=2)
    assert await dispatcher.run_once() == 0  # timeout -> 4 s
    clock.advance(seconds=4)
    assert await dispatcher.run_once() == 0  # 429 retry_after=30: the dispatcher pauses
    assert (await stored(store, message)).next_attempt_at == clock.now() + timedelta(seconds=30)
    clock.advance(seconds=29)
    assert await dispatcher.run_once() == 0
    assert sender.calls == 3
    clock.advance(seconds=1)
    assert await dispatcher.run_once() == 0  # connection reset -> 16 s (4th attempt)
    clock.advance(seconds=16)
    assert await dispatcher.run_once() == 1
    assert await dispatcher.run_once() == 0

    assert [m.dedupe_key for m, _ in sender.delivered] == ["m1"]
    final = await stored(store, message)
    assert (final.status, final.attempts, final.sent_message_id) == (
        OutboxStatus.SENT,
        5,
        sender.delivered[0][1].message_id,
    )


async def test_a_message_that_keeps_failing_is_given_up_and_the_officer_told(
    store: SqlStore, clock: FakeClock, sender: RecordingSender, desk: TicketDesk
) -> None:
    dispatcher = OutboxDispatcher(
        store, clock, sender, desk, policy=RetryPolicy(max_attempts=3, base_seconds=1)
    )
    opened = await desk.open_ticket(SITI, EscalationReason.HUMAN_REQUEST, "tolong")
    await dispatcher.run_once()  # the card
    await desk.staff_reply(opened.ticket.id, BUDI, "Sudah kami proses.")
    sender.failures = [DeliveryRetry("500 Internal Server Error")] * 3

    for _ in range(3):
        await dispatcher.run_once()
        clock.advance(seconds=10)
    await dispatcher.run_once()

    relay = await store.get_by_key("relay:2")
    assert relay is not None
    assert (relay.status, relay.attempts) == (OutboxStatus.FAILED, 3)
    [notice] = [m for m in sender.to_chat(STAFF_CHAT) if m.dedupe_key.startswith("failed:")]
    assert "gagal dikirim" in notice.text and "JNJ-000001" in notice.text
    assert sender.to_chat(SITI.chat_id) == []


async def test_a_rejected_message_is_not_retried(
    store: SqlStore, clock: FakeClock, sender: RecordingSender, dispatcher: OutboxDispatcher
) -> None:
    message = await queue(store, "bad")
    sender.failures = [DeliveryRejected("400 Bad Request: message is too long")]
    await dispatcher.run_once()
    clock.advance(hours=1)
    await dispatcher.run_once()
    assert sender.calls == 1
    assert (await stored(store, message)).status is OutboxStatus.FAILED


async def test_a_blocked_chat_stops_all_its_messages_but_not_the_others(
    store: SqlStore, clock: FakeClock, sender: RecordingSender, dispatcher: OutboxDispatcher
) -> None:
    to_blocked = [await queue(store, f"b{n}", chat_id=7) for n in range(3)]
    other = await queue(store, "o1", chat_id=8)
    sender.blocked_chats.add(7)

    assert await dispatcher.run_once() == 1
    clock.advance(days=1)
    assert await dispatcher.run_once() == 0

    assert sender.calls == 2  # one try at the blocked chat, one delivery elsewhere
    for message in to_blocked:
        assert (await stored(store, message)).status is OutboxStatus.BLOCKED
    assert (await stored(store, other)).status is OutboxStatus.SENT


async def test_a_ticket_message_waits_for_its_card(
    store: SqlStore,
    clock: FakeClock,
    sender: RecordingSender,
    dispatcher: OutboxDispatcher,
    desk: TicketDesk,
) -> None:
    await desk.open_ticket(SITI, EscalationReason.HUMAN_REQUEST, "halo")
    await desk.citizen_message(SITI, "ini tambahan")
    sender.failures = [DeliveryRetry("502 Bad Gateway")]  # the card fails first

    assert await dispatcher.run_once() == 0  # card retried in 2 s; the forward waits 3 s for it
    assert sender.calls == 1
    clock.advance(seconds=3)
    assert await dispatcher.run_once() == 2

    card, forward = (m for m, _ in sender.delivered)
    assert (card.purpose, forward.purpose) == ("ticket_card", "citizen_message")
    assert forward.reply_to_message_id == sender.delivered[0][1].message_id
    forward_stored = await store.get_by_key(forward.dedupe_key)
    assert forward_stored is not None and forward_stored.attempts == 1  # waiting cost no attempt


async def test_no_duplicate_after_a_crash_mid_send(
    database_url: str, store: SqlStore, clock: FakeClock, checker: PromiseChecker
) -> None:
    """kill -9 while a send is in flight: a new process delivers it exactly once."""
    desk = make_desk(store, clock, checker)
    opened = await desk.open_ticket(SITI, EscalationReason.HUMAN_REQUEST, "halo")
    await desk.staff_reply(opened.ticket.id, BUDI, "Baik, kami bantu.")

    class HangingSender:
        def __init__(self) -> None:
            self.started = asyncio.Event()

        async def send(self, message: OutboxMessage) -> SentMessage:
            self.started.set()
            await asyncio.Event().wait()  # never answers: the process dies here
            raise AssertionError("unreachable")

    hanging = HangingSender()
    crashed = asyncio.create_task(OutboxDispatcher(store, clock, hanging, desk).run_once())
    await asyncio.wait_for(hanging.started.wait(), timeout=30)
    crashed.cancel()  # the process is gone
    await asyncio.gather(crashed, return_exceptions=True)

    restarted_store = await open_store(database_url)
    try:
        restarted_desk = make_desk(restarted_store, clock, checker)
        edge = RecordingSender()
        restarted = OutboxDispatcher(restarted_store, clock, edge, restarted_desk)
        # the card was in flight (leased): only the reply to the citizen goes out now,
        # the card once its lease has run out
        assert await restarted.run_once() == 1
        assert [m.purpose for m, _ in edge.delivered] == ["staff_reply"]
        clock.advance(seconds=RetryPolicy().lease_seconds)
        assert await restarted.run_once() == 1
        clock.advance(hours=1)
        assert await restarted.run_once() == 0
        # and a second, fresh dispatcher finds nothing left to send either
        assert await OutboxDispatcher(restarted_store, clock, edge, restarted_desk).run_once() == 0
    finally:
        await restarted_store.close()
    assert sorted(m.purpose for m, _ in edge.delivered) == ["staff_reply", "ticket_card"]


async def test_two_dispatchers_on_two_connections_send_each_message_once(
    store: SqlStore, second_store: SqlStore, clock: FakeClock, checker: PromiseChecker
) -> None:
    for n in range(20):
        await queue(store, f"k{n}", chat_id=100 + n)
    edge = RecordingSender()
    first = OutboxDispatcher(store, clock, edge, make_desk(store, clock, checker))
    second = OutboxDispatcher(second_store, clock, edge, make_desk(second_store, clock, checker))

    results = await asyncio.gather(first.run_once(), second.run_once())

    assert sum(results) == 20
    assert sorted(m.dedupe_key for m, _ in edge.delivered) == sorted(f"k{n}" for n in range(20))


async def test_after_a_restart_nothing_already_sent_is_sent_again(
    database_url: str, store: SqlStore, clock: FakeClock, checker: PromiseChecker
) -> None:
    desk = make_desk(store, clock, checker)
    opened = await desk.open_ticket(SITI, EscalationReason.HUMAN_REQUEST, "halo")
    edge = RecordingSender()
    await OutboxDispatcher(store, clock, edge, desk).run_once()
    await desk.staff_reply(opened.ticket.id, BUDI, "Siap, kami cek.")
    # timers ticking again and again (also from the restarted process) queue nothing new
    await desk.sla_tick()
    clock.advance(hours=30)
    await desk.sla_tick()
    await desk.sla_tick()

    restarted_store = await open_store(database_url)
    try:
        restarted_desk = make_desk(restarted_store, clock, checker)
        assert await restarted_desk.sla_tick() == 0
        await OutboxDispatcher(restarted_store, clock, edge, restarted_desk).run_once()
        await OutboxDispatcher(restarted_store, clock, edge, restarted_desk).run_once()
    finally:
        await restarted_store.close()
    keys = [m.dedupe_key for m, _ in edge.delivered]
    assert len(keys) == len(set(keys))
    assert keys.count("card:1") == 1
    relayed = await store.events(kinds=[EventKind.REPLY_RELAYED])
    assert len(relayed) == 1


async def test_run_forever_delivers_and_stops(
    store: SqlStore, clock: FakeClock, checker: PromiseChecker
) -> None:
    class SignallingSender(RecordingSender):
        def __init__(self) -> None:
            super().__init__()
            self.sent_one = asyncio.Event()

        async def send(self, message: OutboxMessage) -> SentMessage:
            result = await super().send(message)
            self.sent_one.set()
            return result

    edge = SignallingSender()
    dispatcher = OutboxDispatcher(store, clock, edge, make_desk(store, clock, checker))
    stop = asyncio.Event()
    running = asyncio.create_task(dispatcher.run_forever(stop, poll_seconds=0.01))
    await queue(store, "live")
    await asyncio.wait_for(edge.sent_one.wait(), timeout=30)
    stop.set()
    await asyncio.wait_for(running, timeout=30)
    assert [m.dedupe_key for m, _ in edge.delivered] == ["live"]
