"""The ``Store`` contract, run against SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import make_url

from bot.domain.models import (
    Button,
    EscalationReason,
    Event,
    EventKind,
    InboxUpdate,
    MessageDirection,
    OutboxMessage,
    OutboxStatus,
    Source,
    Ticket,
    TicketMessage,
    TicketStatus,
)
from bot.domain.ports import HeldReply, Store
from bot.store import SqlStore, open_store
from bot.store.sql import alembic_config, create_engine, migrate
from bot.store.tables import metadata

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # a Monday, 08.00 WIB
WIB = timezone(timedelta(hours=7))


def new_ticket(chat_id: int = 1001, **changes: object) -> Ticket:
    ticket = Ticket(
        id=0,
        citizen_chat_id=chat_id,
        citizen_user_id=chat_id,
        citizen_name="Siti Aminah",
        language="id",
        reason=EscalationReason.COMPLAINT,
        status=TicketStatus.OPEN,
        question="kok KTP saya belum jadi padahal sudah 2 minggu?",
        created_at=T0,
        due_at=T0 + timedelta(hours=24),
        service_id="ktp-el",
        bot_answer="Penerbitan KTP-el selesai dalam 1 hari kerja.",
        sources=(Source("ktp-el", "disdukcapil/ktp-el.md", 0.82, "Penerbitan KTP-el"),),
        context=("halo", "kok KTP saya belum jadi?"),
    )
    return replace(ticket, **changes)  # type: ignore[arg-type]


def outbox_message(key: str, **changes: object) -> OutboxMessage:
    message = OutboxMessage(
        chat_id=1001,
        text=f"pesan {key}",
        dedupe_key=key,
        created_at=T0,
        next_attempt_at=T0,
    )
    return replace(message, **changes)  # type: ignore[arg-type]


# -- schema and migrations ------------------------------------------------------------------


def _schema_differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, metadata))


def _table_names(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def test_migrations_create_exactly_the_declared_schema(store: SqlStore) -> None:
    async with store.engine.connect() as connection:
        differences = await connection.run_sync(_schema_differences)
        names = await connection.run_sync(_table_names)
    assert differences == []
    assert set(metadata.tables) | {"alembic_version"} == names


async def test_opening_an_existing_database_again_keeps_its_data(
    store: SqlStore, database_url: str
) -> None:
    ticket = await store.create_ticket(new_ticket())
    async with store.engine.connect() as connection:
        before = (await connection.execute(text("SELECT version_num FROM alembic_version"))).all()

    reopened = await open_store(database_url)
    try:
        assert await reopened.get_ticket(ticket.id) == ticket
        async with reopened.engine.connect() as connection:
            after = (
                await connection.execute(text("SELECT version_num FROM alembic_version"))
            ).all()
    finally:
        await reopened.close()
    assert before == after == [("0002",)]


async def test_two_processes_starting_at_once_both_get_a_migrated_database(
    database_url: str,
) -> None:
    first, second = await asyncio.gather(open_store(database_url), open_store(database_url))
    try:
        created = await first.create_ticket(new_ticket())
        assert await second.get_ticket(created.id) == created
    finally:
        await first.close()
        await second.close()


async def test_a_sqlite_file_gets_its_folder_and_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "var" / "janji.db"
    opened = await open_store(f"sqlite+aiosqlite:///{path}")
    await opened.close()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


# -- tickets --------------------------------------------------------------------------------


async def test_a_ticket_round_trips_every_field(store: Store) -> None:
    created = await store.create_ticket(new_ticket())
    assert created.id > 0
    assert await store.get_ticket(created.id) == created
    assert await store.get_ticket(created.id + 1000) is None


async def test_ticket_ids_increase(store: Store) -> None:
    ids = [(await store.create_ticket(new_ticket(chat_id=chat))).id for chat in (1, 2, 3)]
    assert ids == sorted(ids)
    assert len(set(ids)) == 3


async def test_datetimes_come_back_aware_in_utc(store: Store) -> None:
    local = datetime(2026, 3, 2, 8, 0, tzinfo=WIB)
    created = await store.create_ticket(new_ticket(created_at=local, due_at=local))
    loaded = await store.get_ticket(created.id)
    assert loaded is not None
    assert loaded.created_at == local
    assert loaded.created_at.utcoffset() == timedelta(0)
    assert loaded.due_at is not None and loaded.due_at.tzinfo is not None


async def test_naive_datetimes_are_refused(store: Store) -> None:
    with pytest.raises(Exception, match="naive datetime"):
        await store.create_ticket(new_ticket(created_at=datetime(2026, 3, 2, 8, 0)))


async def test_save_ticket_persists_every_mutable_field(store: Store) -> None:
    created = await store.create_ticket(new_ticket())
    changed = replace(
        created,
        status=TicketStatus.RESOLVED,
        claimed_by_id=77,
        claimed_by_name="Budi Santoso",
        first_response_at=T0 + timedelta(hours=1),
        resolved_at=T0 + timedelta(hours=2),
        staff_message_id=555,
        staff_thread_id=9,
        citizen_blocked=True,
        reminder_sent=True,
        breached=True,
        rating=4,
        comment="cepat sekali, terima kasih",
        context=("baru",),
        sources=(),
    )
    await store.save_ticket(changed)
    assert await store.get_ticket(created.id) == changed


async def test_saving_an_unknown_ticket_fails(store: Store) -> None:
    with pytest.raises(LookupError):
        await store.save_ticket(new_ticket(id=4242))


async def test_staff_messages_lead_back_to_their_ticket(store: Store) -> None:
    ticket = await store.create_ticket(new_ticket())
    await store.save_ticket(replace(ticket, staff_message_id=500))
    await store.link_staff_message(ticket.id, 501)
    await store.link_staff_message(ticket.id, 501)  # idempotent
    found_by_card = await store.find_by_staff_message(500)
    found_by_link = await store.find_by_staff_message(501)
    assert found_by_card is not None and found_by_card.id == ticket.id
    assert found_by_link is not None and found_by_link.id == ticket.id
    assert await store.find_by_staff_message(502) is None


async def test_citizen_ticket_queries(store: Store) -> None:
    old = await store.create_ticket(new_ticket(chat_id=1, status=TicketStatus.RESOLVED))
    current = await store.create_ticket(new_ticket(chat_id=1))
    other = await store.create_ticket(new_ticket(chat_id=2, status=TicketStatus.CLAIMED))
    await store.create_ticket(new_ticket(chat_id=3, status=TicketStatus.CANCELLED))

    found = await store.open_ticket_for_citizen(1)
    assert found is not None and found.id == current.id
    assert await store.open_ticket_for_citizen(3) is None
    assert [t.id for t in await store.tickets_for_citizen(1)] == [current.id, old.id]
    assert [t.id for t in await store.tickets_for_citizen(1, limit=1)] == [current.id]
    assert [t.id for t in await store.open_tickets()] == [current.id, other.id]


async def test_claim_succeeds_once(store: Store) -> None:
    ticket = await store.create_ticket(new_ticket())
    assert await store.claim(ticket.id, 77, "Budi", T0) is True
    assert await store.claim(ticket.id, 78, "Ani", T0) is False
    assert await store.claim(ticket.id + 99, 78, "Ani", T0) is False
    loaded = await store.get_ticket(ticket.id)
    assert loaded is not None
    assert (loaded.status, loaded.claimed_by_id, loaded.claimed_by_name) == (
        TicketStatus.CLAIMED,
        77,
        "Budi",
    )


async def test_concurrent_claims_from_two_connections_have_exactly_one_winner(
    store: SqlStore, second_store: SqlStore
) -> None:
    for _ in range(5):
        ticket = await store.create_ticket(new_ticket())
        results = await asyncio.gather(
            store.claim(ticket.id, 77, "Budi", T0), second_store.claim(ticket.id, 78, "Ani", T0)
        )
        assert sorted(results) == [False, True]
        loaded = await second_store.get_ticket(ticket.id)
        assert loaded is not None
        assert loaded.claimed_by_id == (77 if results[0] else 78)


async def test_locked_read_modify_write_loses_no_update(
    store: SqlStore, second_store: SqlStore
) -> None:
    ticket = await store.create_ticket(new_ticket(rating=0))

    async def bump(on: SqlStore) -> None:
        async with on.transaction():
            loaded = await on.lock_ticket(ticket.id)
            assert loaded is not None and loaded.rating is not None
            await asyncio.sleep(0)  # let the other task try to interleave
            await on.save_ticket(replace(loaded, rating=loaded.rating + 1))

    await asyncio.gather(bump(store), bump(second_store), bump(store), bump(second_store))
    loaded = await store.get_ticket(ticket.id)
    assert loaded is not None and loaded.rating == 4


async def test_ticket_messages_keep_their_order_and_attachments(store: Store) -> None:
    ticket = await store.create_ticket(new_ticket())
    first = await store.add_message(
        TicketMessage(ticket.id, MessageDirection.CITIZEN, 1001, "Siti", "halo", T0)
    )
    second = await store.add_message(
        TicketMessage(
            ticket.id,
            MessageDirection.STAFF,
            77,
            "Budi",
            "foto KTP diterima",
            T0 + timedelta(minutes=1),
            attachment_kind="photo",
            attachment_file_id="AgAD-123",
        )
    )
    assert first.id is not None and second.id is not None and first.id < second.id
    assert await store.messages(ticket.id) == [first, second]
    assert await store.messages(ticket.id + 1) == []


async def test_held_replies(store: Store) -> None:
    ticket = await store.create_ticket(new_ticket())
    held = await store.hold_reply(
        HeldReply(0, ticket.id, 77, "Budi", "biayanya 50 ribu", "KTP-el gratis", T0)
    )
    assert held.id > 0
    assert await store.get_held_reply(held.id) == held
    assert await store.find_held_by_notice(900) is None

    noticed = replace(held, notice_message_id=900, status="overridden")
    await store.save_held_reply(noticed)
    assert await store.get_held_reply(held.id) == noticed
    assert await store.find_held_by_notice(900) == noticed
    later = await store.hold_reply(
        HeldReply(0, ticket.id, 77, "Budi", "3 bulan", "1 hari kerja", T0 + timedelta(minutes=5))
    )
    assert await store.held_replies(ticket.id) == [noticed, later]
    assert await store.get_held_reply(later.id + 10) is None
    with pytest.raises(LookupError):
        await store.save_held_reply(replace(later, id=later.id + 10))


# -- event log ------------------------------------------------------------------------------


async def test_events_are_appended_and_filtered(store: Store) -> None:
    created = await store.append(
        Event(EventKind.TICKET_CREATED, T0, ticket_id=1, data={"reason": "complaint", "n": [1]})
    )
    claimed = await store.append(
        Event(EventKind.TICKET_CLAIMED, T0 + timedelta(hours=1), ticket_id=1, actor_id=77)
    )
    other = await store.append(Event(EventKind.QUESTION_ANSWERED, T0 + timedelta(hours=2)))
    assert created.id is not None and claimed.id is not None and other.id is not None
    assert created.id < claimed.id < other.id

    assert await store.events() == [created, claimed, other]
    assert await store.events(ticket_id=1) == [created, claimed]
    assert await store.events(kinds=[EventKind.TICKET_CLAIMED]) == [claimed]
    assert await store.events(since=T0 + timedelta(hours=1)) == [claimed, other]
    assert await store.events(until=T0 + timedelta(hours=1)) == [created]
    assert await store.events(kinds=[]) == []
    loaded = (await store.events(ticket_id=1))[0]
    assert loaded.data == {"reason": "complaint", "n": [1]}
    assert loaded.at.tzinfo is not None


async def test_the_event_log_offers_no_way_to_change_history(store: SqlStore) -> None:
    for name in ("update_event", "delete_event", "delete_events", "save_event"):
        assert not hasattr(store, name)


# -- outbox ---------------------------------------------------------------------------------


async def test_enqueue_is_idempotent_on_the_dedupe_key(store: Store) -> None:
    buttons = ((Button("Ambil", "claim:1"), Button("Selesai", "resolve:1")),)
    first = await store.enqueue(
        outbox_message("card:1", buttons=buttons, ticket_id=1, purpose="ticket_card", thread_id=3)
    )
    again = await store.enqueue(outbox_message("card:1", text="another text"))
    assert first.id is not None and again == first
    assert first.text == "pesan card:1"
    assert first.buttons == buttons
    assert (first.purpose, first.thread_id, first.ticket_id) == ("ticket_card", 3, 1)
    assert await store.get(first.id) == first
    assert await store.get_by_key("card:1") == first
    assert await store.get_by_key("card:2") is None


async def test_concurrent_enqueues_of_the_same_message_store_it_once(
    store: SqlStore, second_store: SqlStore
) -> None:
    results = await asyncio.gather(
        store.enqueue(outbox_message("relay:9")), second_store.enqueue(outbox_message("relay:9"))
    )
    assert results[0].id == results[1].id
    assert len(await store.due(T0)) == 1


async def test_due_returns_pending_messages_whose_time_has_come_oldest_first(
    store: Store,
) -> None:
    first = await store.enqueue(outbox_message("a"))
    later = await store.enqueue(outbox_message("b", next_attempt_at=T0 + timedelta(minutes=5)))
    second = await store.enqueue(outbox_message("c"))
    sent = await store.enqueue(outbox_message("d"))
    assert sent.id is not None
    await store.mark_sent(sent.id, 42)

    assert [m.dedupe_key for m in await store.due(T0)] == [first.dedupe_key, second.dedupe_key]
    assert [m.dedupe_key for m in await store.due(T0, limit=1)] == [first.dedupe_key]
    assert [m.id for m in await store.due(T0 + timedelta(minutes=5))] == [
        first.id,
        later.id,
        second.id,
    ]


async def test_outbox_state_changes(store: Store) -> None:
    message = await store.enqueue(outbox_message("x"))
    assert message.id is not None
    retry_at = T0 + timedelta(seconds=30)
    await store.mark_retry(message.id, "Telegram 502 Bad Gateway", retry_at)
    retried = await store.get(message.id)
    assert retried is not None
    assert (retried.status, retried.attempts, retried.last_error, retried.next_attempt_at) == (
        OutboxStatus.PENDING,
        1,
        "Telegram 502 Bad Gateway",
        retry_at,
    )
    assert await store.due(T0) == []

    await store.mark_sent(message.id, 4242)
    sent = await store.get(message.id)
    assert sent is not None
    assert (sent.status, sent.sent_message_id, sent.attempts) == (OutboxStatus.SENT, 4242, 2)

    failing = await store.enqueue(outbox_message("y"))
    assert failing.id is not None
    await store.mark_failed(failing.id, "400 Bad Request")
    failed = await store.get(failing.id)
    assert failed is not None and failed.status == OutboxStatus.FAILED
    assert await store.due(T0 + timedelta(days=1)) == []


async def test_a_lease_is_taken_once(store: SqlStore, second_store: SqlStore) -> None:
    message = await store.enqueue(outbox_message("lease"))
    assert message.id is not None
    until = T0 + timedelta(seconds=60)
    results = await asyncio.gather(
        store.lease(message.id, T0, until), second_store.lease(message.id, T0, until)
    )
    assert sorted(results) == [False, True]
    assert await store.due(T0) == []
    assert [m.id for m in await store.due(until)] == [message.id]  # a crashed sender's comes back
    assert await store.lease(message.id, T0, until) is False  # not due yet at T0


async def test_blocking_a_chat_stops_its_pending_messages(store: Store) -> None:
    to_citizen = [
        await store.enqueue(outbox_message("r1", ticket_id=5)),
        await store.enqueue(outbox_message("r2", ticket_id=6)),
        await store.enqueue(outbox_message("r3", ticket_id=5)),
        await store.enqueue(outbox_message("r4")),
    ]
    to_staff = await store.enqueue(outbox_message("s1", chat_id=-100, ticket_id=5))
    assert await store.mark_chat_blocked(1001, "403 Forbidden: bot was blocked by the user") == [
        5,
        6,
    ]
    for message in to_citizen:
        assert message.id is not None
        stored = await store.get(message.id)
        assert stored is not None and stored.status == OutboxStatus.BLOCKED
    assert [m.id for m in await store.due(T0)] == [to_staff.id]
    assert await store.mark_chat_blocked(1001, "again") == []


# -- update inbox ---------------------------------------------------------------------------


async def test_an_update_is_received_once(store: SqlStore, second_store: SqlStore) -> None:
    assert await store.receive_update(1, '{"update_id": 1}', T0) is True
    assert await store.receive_update(1, '{"update_id": 1, "again": true}', T0) is False
    assert await second_store.receive_update(1, "{}", T0) is False
    stored = await store.get_update(1)
    assert stored == InboxUpdate(1, '{"update_id": 1}', T0)
    assert stored is not None and not stored.handled
    results = await asyncio.gather(
        store.receive_update(2, "{}", T0), second_store.receive_update(2, "{}", T0)
    )
    assert sorted(results) == [False, True]
    assert await store.get_update(3) is None


async def test_finishing_an_update_marks_it_once_and_drops_its_payload(store: Store) -> None:
    await store.receive_update(5, '{"update_id": 5, "message": {"text": "KTP saya"}}', T0)
    done_at = T0 + timedelta(seconds=2)
    assert await store.finish_update(5, done_at) is True
    assert await store.finish_update(5, done_at + timedelta(seconds=1)) is False
    assert await store.get_update(5) == InboxUpdate(5, None, T0, handled_at=done_at)
    assert await store.receive_update(5, "{}", done_at) is False  # a redelivery stays out
    # An update never received (handled without passing the inbox) is recorded as handled.
    assert await store.finish_update(6, done_at, error="given up") is True
    assert await store.get_update(6) == InboxUpdate(
        6, None, done_at, handled_at=done_at, error="given up"
    )
    assert await store.finish_update(6, done_at) is False


async def test_concurrent_finishes_of_one_update_have_exactly_one_winner(
    store: SqlStore, second_store: SqlStore
) -> None:
    for update_id in range(10, 15):
        await store.receive_update(update_id, "{}", T0)
        results = await asyncio.gather(
            store.finish_update(update_id, T0), second_store.finish_update(update_id, T0)
        )
        assert sorted(results) == [False, True]


async def test_the_handled_mark_commits_or_rolls_back_with_the_effects(store: SqlStore) -> None:
    class Crash(Exception):
        pass

    await store.receive_update(20, '{"update_id": 20}', T0)
    with pytest.raises(Crash):
        async with store.transaction():
            assert await store.finish_update(20, T0) is True
            await store.append(Event(EventKind.QUESTION_ANSWERED, T0))
            await store.enqueue(outbox_message("reply:20"))
            raise Crash
    assert await store.get_update(20) == InboxUpdate(20, '{"update_id": 20}', T0)
    assert await store.events() == []
    assert await store.get_by_key("reply:20") is None
    assert [u.update_id for u in await store.unhandled_updates()] == [20]

    async with store.transaction():
        assert await store.finish_update(20, T0) is True
        await store.enqueue(outbox_message("reply:20"))
    stored = await store.get_update(20)
    assert stored is not None and stored.handled
    assert await store.get_by_key("reply:20") is not None
    assert await store.unhandled_updates() == []


@pytest.mark.parametrize("first_commits", [True, False], ids=["commit", "rollback"])
async def test_a_second_handling_waits_for_the_first_then_knows(
    store: SqlStore, second_store: SqlStore, first_commits: bool
) -> None:
    """The mark is taken at the start of a handling's transaction: a concurrent handling of the
    same update (another process) blocks on it, then sees whether the first one committed."""

    class Crash(Exception):
        pass

    await store.receive_update(30, "{}", T0)
    marked = asyncio.Event()

    async def first() -> None:
        async with store.transaction():
            assert await store.finish_update(30, T0) is True
            marked.set()
            await asyncio.sleep(0.3)  # the effects being written
            if not first_commits:
                raise Crash

    async def second() -> bool:
        await marked.wait()
        async with second_store.transaction():
            return await second_store.finish_update(30, T0 + timedelta(seconds=1))

    results = await asyncio.gather(first(), second(), return_exceptions=True)
    assert results[1] is (not first_commits)
    assert isinstance(results[0], Crash) is (not first_commits)
    stored = await store.get_update(30)
    assert stored is not None and stored.handled_at == (
        T0 if first_commits else T0 + timedelta(seconds=1)
    )


async def test_unhandled_updates_come_lowest_id_first_and_replays_are_counted(
    store: Store,
) -> None:
    for update_id in (300, 100, 200, 400):
        await store.receive_update(update_id, f'{{"update_id": {update_id}}}', T0)
    await store.finish_update(200, T0)
    pending = await store.unhandled_updates()
    assert [(u.update_id, u.payload) for u in pending] == [
        (100, '{"update_id": 100}'),
        (300, '{"update_id": 300}'),
        (400, '{"update_id": 400}'),
    ]
    assert [u.update_id for u in await store.unhandled_updates(limit=2)] == [100, 300]
    assert await store.note_replay(100) == 1
    assert await store.note_replay(100) == 2
    stored = await store.get_update(100)
    assert stored is not None and stored.replays == 2 and not stored.handled
    assert stored.received_at == T0 and stored.received_at.tzinfo is not None


async def test_old_handled_updates_are_forgotten_unhandled_ones_kept(store: Store) -> None:
    for update_id in (1, 2, 3):
        await store.receive_update(update_id, "{}", T0)
    await store.finish_update(1, T0)
    await store.finish_update(2, T0 + timedelta(days=2))
    assert await store.forget_updates(T0) == 0
    assert await store.forget_updates(T0 + timedelta(days=1)) == 1
    assert await store.get_update(1) is None
    assert await store.get_update(2) is not None
    assert [u.update_id for u in await store.unhandled_updates()] == [3]
    # Forgotten, an id Telegram reuses later is a new update again.
    assert await store.receive_update(1, "{}", T0 + timedelta(days=9)) is True


def _alembic(connection: Connection, action: str, revision: str) -> None:
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    getattr(command, action)(config, revision)


async def test_migration_0002_carries_the_handled_update_ids_over_and_back(
    database_url: str,
) -> None:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        Path(url.database or "").parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_alembic, "upgrade", "0001")
            await connection.execute(
                text("INSERT INTO processed_updates (update_id, at) VALUES (:id, :at)"),
                [
                    {"id": 7, "at": datetime(2026, 3, 2, 1, 0)},
                    {"id": 8, "at": datetime(2026, 3, 2, 1, 5)},
                ],
            )
        await migrate(engine)
        migrated = SqlStore(engine)
        assert await migrated.unhandled_updates() == []
        seven = await migrated.get_update(7)
        assert seven is not None and seven.handled and seven.payload is None
        assert await migrated.receive_update(8, "{}", T0) is False  # still recognised
        assert await migrated.receive_update(9, "{}", T0) is True
        async with engine.begin() as connection:
            await connection.run_sync(_alembic, "downgrade", "0001")
            rows = (
                await connection.execute(
                    text("SELECT update_id FROM processed_updates ORDER BY update_id")
                )
            ).all()
            names = await connection.run_sync(_table_names)
        assert [row[0] for row in rows] == [7, 8, 9]
        assert "update_inbox" not in names
    finally:
        await engine.dispose()


# -- conversations --------------------------------------------------------------------------


async def test_language_is_remembered_per_chat(store: Store) -> None:
    assert await store.get_language(1) is None
    await store.set_language(1, "en")
    await store.set_language(2, "id")
    assert await store.get_language(1) == "en"
    await store.set_language(1, "id")
    assert await store.get_language(1) == "id"
    assert await store.get_language(2) == "id"


async def test_recent_turns_are_the_latest_oldest_first(store: Store) -> None:
    ids = []
    for n in range(8):
        role = "citizen" if n % 2 == 0 else "bot"
        ids.append(await store.add_turn(1, role, f"turn {n}", T0 + timedelta(minutes=n)))
    await store.add_turn(2, "citizen", "other chat", T0)
    assert ids == sorted(ids)
    assert await store.recent_turns(1, limit=3) == [
        ("bot", "turn 5"),
        ("citizen", "turn 6"),
        ("bot", "turn 7"),
    ]
    assert len(await store.recent_turns(1)) == 6
    assert await store.recent_turns(3) == []


# -- transactions ---------------------------------------------------------------------------


async def test_a_failed_transaction_leaves_no_trace(store: SqlStore) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        async with store.transaction():
            ticket = await store.create_ticket(new_ticket())
            await store.append(Event(EventKind.TICKET_CREATED, T0, ticket_id=ticket.id))
            await store.enqueue(outbox_message("card:x"))
            raise Boom
    assert await store.open_tickets() == []
    assert await store.events() == []
    assert await store.get_by_key("card:x") is None


async def test_nested_transactions_join_and_commit_together(
    store: SqlStore, second_store: SqlStore
) -> None:
    async with store.transaction():
        ticket = await store.create_ticket(new_ticket())
        async with store.transaction():
            await store.append(Event(EventKind.TICKET_CREATED, T0, ticket_id=ticket.id))
        assert await store.events(ticket_id=ticket.id) != []  # visible inside
    assert len(await second_store.events(ticket_id=ticket.id)) == 1
    assert await second_store.get_ticket(ticket.id) == ticket
