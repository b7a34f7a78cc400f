"""Updates are handled exactly once, even when the process dies at any point of the handling.

Each scenario is one update (a citizen's question, a complaint, an officer's reply, /batal, a
rating ...). It is delivered, the process "dies" at a step of its handling (the step hook
raises, which rolls back whatever was not committed, as a SIGKILL would), a new process opens
the same database, replays what the inbox says is unhandled, and then gets the same update once
more (a duplicate delivery or a second replay). Whatever the crash point, the database must
show the effects of handling the update exactly once: one ticket, one relay, one event, one
answer.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select

from bot.domain.desk import MAX_REPLAYS, ServiceDesk, reply_key
from bot.domain.models import EscalationReason, Origin
from bot.domain.tickets import CitizenRef, TicketDesk
from bot.errors import AlreadyHandled
from bot.store import SqlStore, open_store
from bot.store import tables as t
from tests.domain.conftest import BUDI, FakeClock, make_desk

if TYPE_CHECKING:
    from bot.app import Engine

CITIZEN = CitizenRef(chat_id=6001, user_id=6001, name="Rina Marlina", language="id")
UPDATE_ID = 700_123
CRASH_POINTS = [None, "received", "handling", "handled"]


class Crash(Exception):
    """The process died here."""


def crash_at(step: str | None) -> Callable[[str, int], None]:
    def hook(reached: str, update_id: int) -> None:
        if reached == step:
            raise Crash(f"{reached} of {update_id}")

    return hook


@dataclass
class Process:
    """One run of janji: its own connections to the shared database, desks over them."""

    store: SqlStore
    desk: ServiceDesk
    state: dict[str, Any] = field(default_factory=dict)

    @property
    def tickets(self) -> TicketDesk:
        return self.desk.tickets


@pytest.fixture
async def start(
    database_url: str, clock: FakeClock, engine: Engine
) -> AsyncIterator[Callable[[], Awaitable[Process]]]:
    opened: list[SqlStore] = []

    async def start_process() -> Process:
        store = await open_store(database_url)
        opened.append(store)
        tickets = make_desk(store, clock, engine.checker, services=engine.knowledge.services)
        desk = ServiceDesk(
            knowledge=engine.knowledge,
            answers=engine.answers,
            tickets=tickets,
            store=store,
            clock=clock,
        )
        return Process(store, desk)

    yield start_process
    for store in opened:
        await store.close()


async def census(store: SqlStore) -> Counter[str]:
    """What the handling of updates leaves behind, counted by kind (ids left out: PostgreSQL
    spends sequence values on rolled-back inserts)."""
    found: Counter[str] = Counter()
    async with store.engine.connect() as connection:
        for status, rating in await connection.execute(
            select(t.tickets.c.status, t.tickets.c.rating)
        ):
            found[f"ticket:{status}"] += 1
            if rating is not None:
                found[f"rated:{rating}"] += 1
        for (direction,) in await connection.execute(select(t.ticket_messages.c.direction)):
            found[f"message:{direction}"] += 1
        for (status,) in await connection.execute(select(t.held_replies.c.status)):
            found[f"held:{status}"] += 1
        for (kind,) in await connection.execute(select(t.events.c.kind)):
            found[f"event:{kind}"] += 1
        for (purpose,) in await connection.execute(select(t.outbox.c.purpose)):
            found[f"outbox:{purpose}"] += 1
        for (language,) in await connection.execute(select(t.chat_languages.c.language)):
            found[f"language:{language}"] += 1
        for (_,) in await connection.execute(select(t.conversation_turns.c.id)):
            found["turn"] += 1
    return found


def delta(before: Counter[str], after: Counter[str]) -> dict[str, int]:
    return {
        key: after[key] - before[key]
        for key in sorted(set(before) | set(after))
        if after[key] != before[key]
    }


# -- the scenarios: what to set up, the desk call of the update, and its effects ---------------


async def nothing(process: Process) -> None:
    """No set-up."""


async def ticket_open(process: Process) -> None:
    opened = await process.tickets.open_ticket(
        CITIZEN, EscalationReason.HUMAN_REQUEST, "KTP saya belum jadi, tolong dicek"
    )
    process.state["ticket"] = opened.ticket.id


async def ticket_resolved(process: Process) -> None:
    await ticket_open(process)
    await process.tickets.resolve(process.state["ticket"], BUDI)


async def question(process: Process, origin: Origin) -> None:
    await process.desk.ask(CITIZEN, "berapa biaya skck", origin)


async def complaint(process: Process, origin: Origin) -> None:
    await process.desk.ask(
        CITIZEN, "pelayanannya lambat sekali, saya kecewa, petugasnya kasar", origin
    )


async def officer_reply(process: Process, origin: Origin) -> None:
    async with process.desk.handling(origin) as handling:
        outcome = await process.tickets.staff_reply(
            process.state["ticket"], BUDI, "KTP Anda sudah jadi, silakan diambil."
        )
        handling.answer(outcome.staff_text)


async def held_reply(process: Process, origin: Origin) -> None:
    async with process.desk.handling(origin) as handling:
        outcome = await process.tickets.staff_reply(
            process.state["ticket"], BUDI, "Biaya pembuatan KTP Rp 50.000 ya bu."
        )
        handling.answer(outcome.staff_text)


async def cancel(process: Process, origin: Origin) -> None:
    async with process.desk.handling(origin) as handling:
        handling.answer(await process.tickets.cancel(CITIZEN.chat_id))


async def rate(process: Process, origin: Origin) -> None:
    async with process.desk.handling(origin) as handling:
        handling.answer(await process.tickets.rate(process.state["ticket"], CITIZEN.chat_id, 3))


async def toggle_language(process: Process, origin: Origin) -> None:
    await process.desk.toggle_language(CITIZEN.chat_id, origin)


async def not_helpful(process: Process, origin: Origin) -> None:
    await process.desk.feedback(CITIZEN, 1, False, origin)


async def officer_requested(process: Process, origin: Origin) -> None:
    await process.desk.talk_to_officer(CITIZEN, "tolong hubungi saya soal KIA", origin=origin)


REPLY = {"outbox:reply": 1}
SCENARIOS: dict[str, tuple[Any, Any, dict[str, int]]] = {
    "question": (nothing, question, {**REPLY, "event:question_answered": 1, "turn": 2}),
    "complaint": (
        nothing,
        complaint,
        {
            **REPLY,
            "event:question_escalated": 1,
            "event:ticket_created": 1,
            "message:citizen": 1,
            "outbox:ticket_card": 1,
            "ticket:open": 1,
            "turn": 2,
        },
    ),
    "officer-reply": (
        ticket_open,
        officer_reply,
        {
            **REPLY,
            "event:staff_replied": 1,
            "event:ticket_claimed": 1,
            "message:staff": 1,
            "outbox:staff_reply": 1,
            "ticket:claimed": 1,
            "ticket:open": -1,
        },
    ),
    "held-reply": (
        ticket_open,
        held_reply,
        {
            **REPLY,
            "event:reply_blocked": 1,
            "event:ticket_claimed": 1,
            "held:held": 1,
            "outbox:held_notice": 1,
            "ticket:claimed": 1,
            "ticket:open": -1,
        },
    ),
    "batal": (
        ticket_open,
        cancel,
        {
            **REPLY,
            "event:ticket_cancelled": 1,
            "outbox:ticket_notice": 1,
            "ticket:cancelled": 1,
            "ticket:open": -1,
        },
    ),
    "rating": (
        ticket_resolved,
        rate,
        {**REPLY, "event:ticket_rated": 1, "outbox:rating_notice": 1, "rated:3": 1},
    ),
    "language": (nothing, toggle_language, {**REPLY, "language:en": 1}),
    "not-helpful": (nothing, not_helpful, {**REPLY, "event:feedback": 1}),
    "petugas": (
        nothing,
        officer_requested,
        {
            **REPLY,
            "event:ticket_created": 1,
            "message:citizen": 1,
            "outbox:ticket_card": 1,
            "ticket:open": 1,
        },
    ),
}


@pytest.mark.parametrize("crash", CRASH_POINTS, ids=lambda step: f"crash-{step or 'none'}")
@pytest.mark.parametrize("scenario", list(SCENARIOS))
async def test_an_update_replayed_after_a_crash_has_its_effects_once(
    start: Callable[[], Awaitable[Process]], scenario: str, crash: str | None
) -> None:
    prepare, act, expected = SCENARIOS[scenario]
    first = await start()
    await prepare(first)
    before = await census(first.store)
    origin = Origin(UPDATE_ID, CITIZEN.chat_id)
    first.desk.step_hook = crash_at(crash)

    with pytest.raises(Crash) if crash else contextlib.nullcontext():
        assert await first.desk.receive(UPDATE_ID, f'{{"update_id": {UPDATE_ID}}}')
        await act(first, origin)

    restarted = await start()
    restarted.state = first.state
    replay = await restarted.desk.updates_to_replay()
    committed = crash in (None, "handled")
    assert [update.update_id for update in replay] == ([] if committed else [UPDATE_ID])
    assert await restarted.desk.receive(UPDATE_ID, "{}") is False  # Telegram redelivers it
    if not committed:
        await act(restarted, origin)  # the replay
    with pytest.raises(AlreadyHandled):  # and once more: a second replay, another process
        await act(restarted, origin)

    assert delta(before, await census(restarted.store)) == expected
    stored = await restarted.store.get_update(UPDATE_ID)
    assert stored is not None and stored.handled and stored.payload is None
    assert await restarted.desk.updates_to_replay() == []


async def test_the_answer_goes_to_the_update_s_chat_topic_and_message(
    start: Callable[[], Awaitable[Process]],
) -> None:
    process = await start()
    origin = Origin(UPDATE_ID, -100777, reply_to_message_id=55, thread_id=9)
    reply = await process.desk.ask(CITIZEN, "jam buka SKCK", origin)
    answer = await process.store.get_by_key(reply_key(UPDATE_ID))
    assert answer is not None
    assert (answer.chat_id, answer.reply_to_message_id, answer.thread_id) == (-100777, 55, 9)
    assert (answer.text, answer.buttons, answer.purpose) == (reply.text, reply.buttons, "reply")
    assert answer.ticket_id is None  # not anchored to a ticket card


async def test_a_refused_request_leaves_the_update_unhandled_until_its_handling_is_over(
    start: Callable[[], Awaitable[Process]],
) -> None:
    """/batal without a ticket: the error undoes the handling (the chat layer then answers the
    error with ``say``, which marks the update handled); ``finish`` closes one that changed
    nothing."""
    process = await start()
    await process.desk.receive(UPDATE_ID, "{}")
    with pytest.raises(Exception, match="tidak memiliki tiket"):
        await cancel(process, Origin(UPDATE_ID, CITIZEN.chat_id))
    assert [u.update_id for u in await process.store.unhandled_updates()] == [UPDATE_ID]
    await process.desk.say(Origin(UPDATE_ID, CITIZEN.chat_id), "Anda tidak memiliki tiket.")
    await process.desk.finish(UPDATE_ID)  # after the handling: nothing left to do
    assert await process.store.unhandled_updates() == []
    assert (await census(process.store))["outbox:reply"] == 1

    await process.desk.receive(UPDATE_ID + 1, "{}")  # /help: answered outside any handling
    await process.desk.finish(UPDATE_ID + 1)
    assert await process.store.unhandled_updates() == []


async def test_an_update_that_kills_every_run_is_given_up_after_a_few_replays(
    start: Callable[[], Awaitable[Process]],
) -> None:
    process = await start()
    await process.desk.receive(UPDATE_ID, f'{{"update_id": {UPDATE_ID}}}')
    for run in range(1, MAX_REPLAYS + 1):  # each start replays it, and it kills the process
        replay = await (await start()).desk.updates_to_replay()
        assert [(u.update_id, u.replays) for u in replay] == [(UPDATE_ID, run)]
    assert await (await start()).desk.updates_to_replay() == []
    stored = await process.store.get_update(UPDATE_ID)
    assert stored is not None and stored.handled
    assert stored.error == f"given up after {MAX_REPLAYS} replays"
    assert await process.desk.receive(UPDATE_ID, "{}") is False  # nor queued when redelivered


async def test_old_handled_updates_are_forgotten(
    start: Callable[[], Awaitable[Process]], clock: FakeClock
) -> None:
    process = await start()
    await process.desk.receive(1, "{}")
    await process.desk.say(Origin(1, CITIZEN.chat_id), "halo")
    await process.desk.receive(2, "{}")  # never handled: kept for the replay
    clock.advance(days=1)
    assert await process.desk.forget_old_updates() == 0
    clock.advance(days=2)
    assert await process.desk.forget_old_updates() == 1
    assert await process.store.get_update(1) is None
    assert [u.update_id for u in await process.store.unhandled_updates()] == [2]
