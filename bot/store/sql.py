"""``SqlStore``: the ``Store`` port on SQLAlchemy 2 async, for SQLite (aiosqlite) and PostgreSQL.

Concurrency rules, the same on both backends:
- every call runs in its own transaction unless it is awaited inside ``store.transaction()``;
- SQLite transactions start with ``BEGIN IMMEDIATE`` (WAL journal, ``busy_timeout``), so two
  connections never deadlock on a read-then-write upgrade: writers queue up instead;
- state changes that must happen once (claiming a ticket, leasing an outbox message) are one
  conditional ``UPDATE ... WHERE`` whose row count says who won;
- idempotent inserts (outbox ``dedupe_key``, inbox update ids) are
  ``INSERT ... ON CONFLICT DO NOTHING``; marking an update handled is an upsert whose
  ``DO UPDATE ... WHERE handled_at IS NULL`` row count says whether this caller did it.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import asdict, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import aiosqlite
from sqlalchemy import (
    Connection,
    CursorResult,
    Row,
    and_,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from bot.domain.models import (
    Button,
    EscalationReason,
    Event,
    EventKind,
    InboxUpdate,
    Language,
    MessageDirection,
    OutboxMessage,
    OutboxStatus,
    Source,
    Ticket,
    TicketMessage,
    TicketStatus,
)
from bot.domain.ports import HeldReply
from bot.store import tables as t

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000
MIGRATION_LOCK_ID = 0x6A616E6A69  # "janji": serialises concurrent starts on PostgreSQL


async def open_store(database_url: str, *, echo: bool = False) -> SqlStore:
    """Create the database if needed, migrate it to the newest schema and return the store.

    SQLite files get their parent folder created. Running it on an up-to-date database is a no-op.
    """
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            path = Path(database).expanduser()
            path.parent.mkdir(parents=True, exist_ok=True)
            await _use_wal(path)
    engine = create_engine(database_url, echo=echo)
    try:
        await migrate(engine)
    except BaseException:
        await engine.dispose()
        raise
    return SqlStore(engine)


async def _use_wal(path: Path) -> None:
    """Put the SQLite file in WAL mode (a property of the file: done once, kept forever).

    Two processes creating the same new file at once can make SQLite refuse the switch
    immediately (SQLITE_BUSY, no busy wait, to avoid a deadlock): try again for a while."""
    async with aiosqlite.connect(path, isolation_level=None) as connection:
        await connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        for attempt in range(100):
            try:
                cursor = await connection.execute("PRAGMA journal_mode=WAL")
                row = await cursor.fetchone()
                await cursor.close()
            except sqlite3.OperationalError:
                if attempt == 99:
                    raise
                await asyncio.sleep(0.02 * (1 + attempt % 5))
                continue
            if row is None or str(row[0]).lower() != "wal":
                log.warning("SQLite file %s did not switch to WAL (mode %s)", path, row)
            return


def create_engine(database_url: str, *, echo: bool = False) -> AsyncEngine:
    """An async engine with janji's connection settings (SQLite: busy timeout, FKs,
    ``BEGIN IMMEDIATE``; ``open_store`` also puts the file in WAL mode)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        engine = create_async_engine(url, echo=echo)
        _configure_sqlite(engine)
        return engine
    if url.get_backend_name() == "postgresql":
        return create_async_engine(url, echo=echo, pool_pre_ping=True)
    raise ValueError(f"unsupported database {url.get_backend_name()!r}: use sqlite or postgresql")


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below emit BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


async def migrate(engine: AsyncEngine) -> None:
    """Apply every Alembic migration up to head, in one transaction."""
    async with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            await connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_ID}
            )
        await connection.run_sync(_upgrade_to_head)


def _upgrade_to_head(connection: Connection) -> None:
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def alembic_config() -> Any:
    """The Alembic configuration of ``bot/store`` (works from any working directory)."""
    from alembic.config import Config

    here = Path(__file__).resolve().parent
    config = Config(str(here / "alembic.ini"))
    config.set_main_option("script_location", str(here / "migrations"))
    return config


class SqlStore:
    """Tickets, events, outbox and conversations in one SQL database."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._current: ContextVar[AsyncConnection | None] = ContextVar(
            f"janji_store_{id(self)}", default=None
        )

    # -- transactions -------------------------------------------------------------------------

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        if self._current.get() is not None:
            yield
            return
        async with self.engine.begin() as connection:
            token = self._current.set(connection)
            try:
                yield
            finally:
                self._current.reset(token)

    @asynccontextmanager
    async def _connect(self) -> AsyncIterator[AsyncConnection]:
        current = self._current.get()
        if current is not None:
            yield current
            return
        async with self.engine.begin() as connection:
            yield connection

    async def close(self) -> None:
        await self.engine.dispose()

    def _insert(self, table: Any) -> Any:
        """A dialect-specific INSERT that supports ``on_conflict_do_nothing``."""
        if self.dialect == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)

    # -- tickets ------------------------------------------------------------------------------

    async def create_ticket(self, ticket: Ticket) -> Ticket:
        values = _ticket_values(ticket)
        async with self._connect() as connection:
            result = await connection.execute(insert(t.tickets).values(**values))
        return replace(ticket, id=_new_id(result))

    async def get_ticket(self, ticket_id: int) -> Ticket | None:
        async with self._connect() as connection:
            row = (
                await connection.execute(select(t.tickets).where(t.tickets.c.id == ticket_id))
            ).first()
        return _ticket(row) if row else None

    async def lock_ticket(self, ticket_id: int) -> Ticket | None:
        query = select(t.tickets).where(t.tickets.c.id == ticket_id)
        if self.dialect == "postgresql":
            query = query.with_for_update()
        async with self._connect() as connection:
            row = (await connection.execute(query)).first()
        return _ticket(row) if row else None

    async def find_by_staff_message(self, message_id: int) -> Ticket | None:
        query = select(t.tickets).where(
            t.tickets.c.id.in_(
                select(t.ticket_staff_messages.c.ticket_id).where(
                    t.ticket_staff_messages.c.message_id == message_id
                )
            )
            | (t.tickets.c.staff_message_id == message_id)
        )
        async with self._connect() as connection:
            row = (await connection.execute(query.limit(1))).first()
        return _ticket(row) if row else None

    async def link_staff_message(self, ticket_id: int, message_id: int) -> None:
        statement = (
            self._insert(t.ticket_staff_messages)
            .values(message_id=message_id, ticket_id=ticket_id)
            .on_conflict_do_nothing(index_elements=["message_id"])
        )
        async with self._connect() as connection:
            await connection.execute(statement)

    async def open_ticket_for_citizen(self, citizen_chat_id: int) -> Ticket | None:
        query = (
            select(t.tickets)
            .where(
                t.tickets.c.citizen_chat_id == citizen_chat_id,
                t.tickets.c.status.in_([TicketStatus.OPEN.value, TicketStatus.CLAIMED.value]),
            )
            .order_by(t.tickets.c.id.desc())
            .limit(1)
        )
        async with self._connect() as connection:
            row = (await connection.execute(query)).first()
        return _ticket(row) if row else None

    async def tickets_for_citizen(self, citizen_chat_id: int, limit: int = 10) -> list[Ticket]:
        query = (
            select(t.tickets)
            .where(t.tickets.c.citizen_chat_id == citizen_chat_id)
            .order_by(t.tickets.c.id.desc())
            .limit(limit)
        )
        async with self._connect() as connection:
            rows = (await connection.execute(query)).all()
        return [_ticket(row) for row in rows]

    async def open_tickets(self) -> list[Ticket]:
        query = (
            select(t.tickets)
            .where(t.tickets.c.status.in_([TicketStatus.OPEN.value, TicketStatus.CLAIMED.value]))
            .order_by(t.tickets.c.id)
        )
        async with self._connect() as connection:
            rows = (await connection.execute(query)).all()
        return [_ticket(row) for row in rows]

    async def claim(self, ticket_id: int, officer_id: int, officer_name: str, at: datetime) -> bool:
        # ``at`` is accepted for the port's sake; the claim time lives in the event log.
        statement = (
            update(t.tickets)
            .where(t.tickets.c.id == ticket_id, t.tickets.c.status == TicketStatus.OPEN.value)
            .values(
                status=TicketStatus.CLAIMED.value,
                claimed_by_id=officer_id,
                claimed_by_name=officer_name,
            )
        )
        async with self._connect() as connection:
            result = await connection.execute(statement)
        return result.rowcount == 1

    async def save_ticket(self, ticket: Ticket) -> None:
        values = _ticket_values(ticket)
        values.pop("id", None)
        async with self._connect() as connection:
            result = await connection.execute(
                update(t.tickets).where(t.tickets.c.id == ticket.id).values(**values)
            )
        if result.rowcount != 1:
            raise LookupError(f"ticket {ticket.id} does not exist")

    async def add_message(self, message: TicketMessage) -> TicketMessage:
        values = {
            "ticket_id": message.ticket_id,
            "direction": message.direction.value,
            "author_id": message.author_id,
            "author_name": message.author_name,
            "text": message.text,
            "created_at": message.created_at,
            "attachment_kind": message.attachment_kind,
            "attachment_file_id": message.attachment_file_id,
        }
        async with self._connect() as connection:
            result = await connection.execute(insert(t.ticket_messages).values(**values))
        return replace(message, id=_new_id(result))

    async def messages(self, ticket_id: int) -> list[TicketMessage]:
        query = (
            select(t.ticket_messages)
            .where(t.ticket_messages.c.ticket_id == ticket_id)
            .order_by(t.ticket_messages.c.id)
        )
        async with self._connect() as connection:
            rows = (await connection.execute(query)).all()
        return [
            TicketMessage(
                id=row.id,
                ticket_id=row.ticket_id,
                direction=MessageDirection(row.direction),
                author_id=row.author_id,
                author_name=row.author_name,
                text=row.text,
                created_at=row.created_at,
                attachment_kind=row.attachment_kind,
                attachment_file_id=row.attachment_file_id,
            )
            for row in rows
        ]

    async def hold_reply(self, reply: HeldReply) -> HeldReply:
        values = _held_values(reply)
        values.pop("id")
        async with self._connect() as connection:
            result = await connection.execute(insert(t.held_replies).values(**values))
        return replace(reply, id=_new_id(result))

    async def get_held_reply(self, held_id: int) -> HeldReply | None:
        async with self._connect() as connection:
            row = (
                await connection.execute(
                    select(t.held_replies).where(t.held_replies.c.id == held_id)
                )
            ).first()
        return _held(row) if row else None

    async def find_held_by_notice(self, notice_message_id: int) -> HeldReply | None:
        query = (
            select(t.held_replies)
            .where(t.held_replies.c.notice_message_id == notice_message_id)
            .order_by(t.held_replies.c.id.desc())
            .limit(1)
        )
        async with self._connect() as connection:
            row = (await connection.execute(query)).first()
        return _held(row) if row else None

    async def save_held_reply(self, reply: HeldReply) -> None:
        values = _held_values(reply)
        values.pop("id")
        async with self._connect() as connection:
            result = await connection.execute(
                update(t.held_replies).where(t.held_replies.c.id == reply.id).values(**values)
            )
        if result.rowcount != 1:
            raise LookupError(f"held reply {reply.id} does not exist")

    async def held_replies(self, ticket_id: int) -> list[HeldReply]:
        query = (
            select(t.held_replies)
            .where(t.held_replies.c.ticket_id == ticket_id)
            .order_by(t.held_replies.c.id)
        )
        async with self._connect() as connection:
            rows = (await connection.execute(query)).all()
        return [_held(row) for row in rows]

    # -- event log ----------------------------------------------------------------------------

    async def append(self, event: Event) -> Event:
        values = {
            "kind": event.kind.value,
            "at": event.at,
            "ticket_id": event.ticket_id,
            "actor_id": event.actor_id,
            "data": dict(event.data),
        }
        async with self._connect() as connection:
            result = await connection.execute(insert(t.events).values(**values))
        return replace(event, id=_new_id(result))

    async def events(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        kinds: Sequence[EventKind] | None = None,
        ticket_id: int | None = None,
    ) -> list[Event]:
        conditions = []
        if since is not None:
            conditions.append(t.events.c.at >= since)
        if until is not None:
            conditions.append(t.events.c.at < until)
        if kinds is not None:
            conditions.append(t.events.c.kind.in_([kind.value for kind in kinds]))
        if ticket_id is not None:
            conditions.append(t.events.c.ticket_id == ticket_id)
        query = select(t.events).where(*conditions).order_by(t.events.c.id)
        async with self._connect() as connection:
            rows = (await connection.execute(query)).all()
        return [
            Event(
                id=row.id,
                kind=EventKind(row.kind),
                at=row.at,
                ticket_id=row.ticket_id,
                actor_id=row.actor_id,
                data=dict(row.data or {}),
            )
            for row in rows
        ]

    # -- outbox -------------------------------------------------------------------------------

    async def enqueue(self, message: OutboxMessage) -> OutboxMessage:
        values = _outbox_values(message)
        statement = (
            self._insert(t.outbox)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["dedupe_key"])
        )
        async with self._connect() as connection:
            await connection.execute(statement)
            row = (
                await connection.execute(
                    select(t.outbox).where(t.outbox.c.dedupe_key == message.dedupe_key)
                )
            ).one()
        return _outbox(row)

    async def due(self, now: datetime, limit: int = 50) -> list[OutboxMessage]:
        query = (
            select(t.outbox)
            .where(
                t.outbox.c.status == OutboxStatus.PENDING.value,
                t.outbox.c.next_attempt_at <= now,
            )
            .order_by(t.outbox.c.id)
            .limit(limit)
        )
        async with self._connect() as connection:
            rows = (await connection.execute(query)).all()
        return [_outbox(row) for row in rows]

    async def lease(self, message_id: int, now: datetime, until: datetime) -> bool:
        statement = (
            update(t.outbox)
            .where(
                t.outbox.c.id == message_id,
                t.outbox.c.status == OutboxStatus.PENDING.value,
                t.outbox.c.next_attempt_at <= now,
            )
            .values(next_attempt_at=until)
        )
        async with self._connect() as connection:
            result = await connection.execute(statement)
        return result.rowcount == 1

    async def mark_sent(self, message_id: int, sent_message_id: int | None) -> None:
        await self._update_outbox(
            message_id,
            status=OutboxStatus.SENT.value,
            sent_message_id=sent_message_id,
            attempts=t.outbox.c.attempts + 1,
        )

    async def mark_retry(self, message_id: int, error: str, next_attempt_at: datetime) -> None:
        await self._update_outbox(
            message_id,
            last_error=error[:2000],
            next_attempt_at=next_attempt_at,
            attempts=t.outbox.c.attempts + 1,
        )

    async def mark_failed(self, message_id: int, error: str) -> None:
        await self._update_outbox(
            message_id,
            status=OutboxStatus.FAILED.value,
            last_error=error[:2000],
            attempts=t.outbox.c.attempts + 1,
        )

    async def _update_outbox(self, message_id: int, **values: Any) -> None:
        async with self._connect() as connection:
            await connection.execute(
                update(t.outbox).where(t.outbox.c.id == message_id).values(**values)
            )

    async def mark_chat_blocked(self, chat_id: int, error: str) -> list[int]:
        pending = and_(
            t.outbox.c.chat_id == chat_id, t.outbox.c.status == OutboxStatus.PENDING.value
        )
        async with self._connect() as connection:
            ticket_ids = (
                await connection.execute(
                    select(t.outbox.c.ticket_id)
                    .where(pending, t.outbox.c.ticket_id.is_not(None))
                    .distinct()
                )
            ).scalars()
            found = sorted({int(ticket_id) for ticket_id in ticket_ids})
            await connection.execute(
                update(t.outbox)
                .where(pending)
                .values(status=OutboxStatus.BLOCKED.value, last_error=error[:2000])
            )
        return found

    async def get(self, message_id: int) -> OutboxMessage | None:
        async with self._connect() as connection:
            row = (
                await connection.execute(select(t.outbox).where(t.outbox.c.id == message_id))
            ).first()
        return _outbox(row) if row else None

    async def get_by_key(self, dedupe_key: str) -> OutboxMessage | None:
        async with self._connect() as connection:
            row = (
                await connection.execute(
                    select(t.outbox).where(t.outbox.c.dedupe_key == dedupe_key)
                )
            ).first()
        return _outbox(row) if row else None

    # -- update inbox -------------------------------------------------------------------------

    async def receive_update(self, update_id: int, payload: str, at: datetime) -> bool:
        statement = (
            self._insert(t.update_inbox)
            .values(update_id=update_id, payload=payload, received_at=at, replays=0)
            .on_conflict_do_nothing(index_elements=["update_id"])
        )
        async with self._connect() as connection:
            result = await connection.execute(statement)
        return result.rowcount == 1

    async def finish_update(self, update_id: int, at: datetime, error: str | None = None) -> bool:
        # One statement that inserts, or updates only a row not handled yet: the row lock it
        # takes (PostgreSQL) or the write lock (SQLite) makes a second handling wait, and the
        # condition is checked again after the first one commits.
        inbox = t.update_inbox
        statement = (
            self._insert(inbox)
            .values(
                update_id=update_id,
                payload=None,
                received_at=at,
                handled_at=at,
                replays=0,
                error=error,
            )
            .on_conflict_do_update(
                index_elements=["update_id"],
                set_={"handled_at": at, "payload": None, "error": error},
                where=inbox.c.handled_at.is_(None),
            )
        )
        async with self._connect() as connection:
            result = await connection.execute(statement)
        return result.rowcount == 1

    async def unhandled_updates(self, limit: int = 1000) -> list[InboxUpdate]:
        query = (
            select(t.update_inbox)
            .where(t.update_inbox.c.handled_at.is_(None))
            .order_by(t.update_inbox.c.update_id)
            .limit(limit)
        )
        async with self._connect() as connection:
            rows = (await connection.execute(query)).all()
        return [_inbox_update(row) for row in rows]

    async def note_replay(self, update_id: int) -> int:
        inbox = t.update_inbox
        async with self._connect() as connection:
            await connection.execute(
                update(inbox)
                .where(inbox.c.update_id == update_id)
                .values(replays=inbox.c.replays + 1)
            )
            replays = (
                await connection.execute(
                    select(inbox.c.replays).where(inbox.c.update_id == update_id)
                )
            ).scalar_one_or_none()
        return int(replays or 0)

    async def get_update(self, update_id: int) -> InboxUpdate | None:
        async with self._connect() as connection:
            row = (
                await connection.execute(
                    select(t.update_inbox).where(t.update_inbox.c.update_id == update_id)
                )
            ).first()
        return _inbox_update(row) if row else None

    async def forget_updates(self, before: datetime) -> int:
        async with self._connect() as connection:
            result = await connection.execute(
                delete(t.update_inbox).where(t.update_inbox.c.handled_at < before)
            )
        return int(result.rowcount)

    # -- conversations ------------------------------------------------------------------------

    async def get_language(self, chat_id: int) -> Language | None:
        async with self._connect() as connection:
            value = (
                await connection.execute(
                    select(t.chat_languages.c.language).where(t.chat_languages.c.chat_id == chat_id)
                )
            ).scalar_one_or_none()
        return _language(value) if value is not None else None

    async def set_language(self, chat_id: int, language: Language) -> None:
        statement = self._insert(t.chat_languages).values(chat_id=chat_id, language=language)
        statement = statement.on_conflict_do_update(
            index_elements=["chat_id"], set_={"language": language}
        )
        async with self._connect() as connection:
            await connection.execute(statement)

    async def add_turn(self, chat_id: int, role: str, text: str, at: datetime) -> int:
        async with self._connect() as connection:
            result = await connection.execute(
                insert(t.conversation_turns).values(chat_id=chat_id, role=role, text=text, at=at)
            )
        return _new_id(result)

    async def recent_turns(self, chat_id: int, limit: int = 6) -> list[tuple[str, str]]:
        query = (
            select(t.conversation_turns.c.role, t.conversation_turns.c.text)
            .where(t.conversation_turns.c.chat_id == chat_id)
            .order_by(t.conversation_turns.c.id.desc())
            .limit(limit)
        )
        async with self._connect() as connection:
            rows = (await connection.execute(query)).all()
        return [(row.role, row.text) for row in reversed(rows)]

    # -- maintenance --------------------------------------------------------------------------

    async def count(self, table_name: str) -> int:
        """Rows in one table (tests and ``janji report`` sanity checks)."""
        table = t.metadata.tables[table_name]
        async with self._connect() as connection:
            return int(
                (await connection.execute(select(func.count()).select_from(table))).scalar_one()
            )


# -- row <-> record ---------------------------------------------------------------------------


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - every table has an integer primary key
        raise RuntimeError("the database returned no id for the new row")
    return int(key[0])


def _language(value: str) -> Language:
    return "en" if value == "en" else "id"


def _ticket_values(ticket: Ticket) -> dict[str, Any]:
    values: dict[str, Any] = {
        "citizen_chat_id": ticket.citizen_chat_id,
        "citizen_user_id": ticket.citizen_user_id,
        "citizen_name": ticket.citizen_name,
        "language": ticket.language,
        "reason": ticket.reason.value,
        "status": ticket.status.value,
        "question": ticket.question,
        "created_at": ticket.created_at,
        "due_at": ticket.due_at,
        "service_id": ticket.service_id,
        "bot_answer": ticket.bot_answer,
        "sources": [
            {
                "service_id": source.service_id,
                "file": source.file,
                "score": source.score,
                "service_name": source.service_name,
            }
            for source in ticket.sources
        ],
        "context": list(ticket.context),
        "claimed_by_id": ticket.claimed_by_id,
        "claimed_by_name": ticket.claimed_by_name,
        "first_response_at": ticket.first_response_at,
        "resolved_at": ticket.resolved_at,
        "staff_message_id": ticket.staff_message_id,
        "staff_thread_id": ticket.staff_thread_id,
        "citizen_blocked": ticket.citizen_blocked,
        "reminder_sent": ticket.reminder_sent,
        "breached": ticket.breached,
        "rating": ticket.rating,
        "comment": ticket.comment,
    }
    if ticket.id:
        values["id"] = ticket.id
    return values


def _ticket(row: Row[Any]) -> Ticket:
    return Ticket(
        id=row.id,
        citizen_chat_id=row.citizen_chat_id,
        citizen_user_id=row.citizen_user_id,
        citizen_name=row.citizen_name,
        language=_language(row.language),
        reason=EscalationReason(row.reason),
        status=TicketStatus(row.status),
        question=row.question,
        created_at=row.created_at,
        due_at=row.due_at,
        service_id=row.service_id,
        bot_answer=row.bot_answer,
        sources=tuple(
            Source(
                service_id=item.get("service_id"),
                file=item.get("file", ""),
                score=float(item.get("score", 0.0)),
                service_name=item.get("service_name"),
            )
            for item in (row.sources or [])
        ),
        context=tuple(str(item) for item in (row.context or [])),
        claimed_by_id=row.claimed_by_id,
        claimed_by_name=row.claimed_by_name,
        first_response_at=row.first_response_at,
        resolved_at=row.resolved_at,
        staff_message_id=row.staff_message_id,
        staff_thread_id=row.staff_thread_id,
        citizen_blocked=bool(row.citizen_blocked),
        reminder_sent=bool(row.reminder_sent),
        breached=bool(row.breached),
        rating=row.rating,
        comment=row.comment,
    )


def _inbox_update(row: Row[Any]) -> InboxUpdate:
    return InboxUpdate(
        update_id=row.update_id,
        payload=row.payload,
        received_at=row.received_at,
        handled_at=row.handled_at,
        replays=row.replays,
        error=row.error,
    )


def _held_values(reply: HeldReply) -> dict[str, Any]:
    """A held reply is plain data whose fields are the table's columns, one to one."""
    return asdict(reply)


def _held(row: Row[Any]) -> HeldReply:
    return HeldReply(**{f.name: row._mapping[f.name] for f in fields(HeldReply)})


def _outbox_values(message: OutboxMessage) -> dict[str, Any]:
    return {
        "chat_id": message.chat_id,
        "text": message.text,
        "dedupe_key": message.dedupe_key,
        "created_at": message.created_at,
        "next_attempt_at": message.next_attempt_at,
        "buttons": [
            [{"label": button.label, "action": button.action} for button in row]
            for row in message.buttons
        ],
        "thread_id": message.thread_id,
        "reply_to_message_id": message.reply_to_message_id,
        "ticket_id": message.ticket_id,
        "purpose": message.purpose,
        "topic_title": message.topic_title,
        "attachment_kind": message.attachment_kind,
        "attachment_file_id": message.attachment_file_id,
        "status": message.status.value,
        "attempts": message.attempts,
        "last_error": message.last_error,
        "sent_message_id": message.sent_message_id,
    }


def _outbox(row: Row[Any]) -> OutboxMessage:
    return OutboxMessage(
        id=row.id,
        chat_id=row.chat_id,
        text=row.text,
        dedupe_key=row.dedupe_key,
        created_at=row.created_at,
        next_attempt_at=row.next_attempt_at,
        buttons=tuple(
            tuple(Button(label=item["label"], action=item["action"]) for item in button_row)
            for button_row in (row.buttons or [])
        ),
        thread_id=row.thread_id,
        reply_to_message_id=row.reply_to_message_id,
        ticket_id=row.ticket_id,
        purpose=row.purpose,
        topic_title=row.topic_title,
        attachment_kind=row.attachment_kind,
        attachment_file_id=row.attachment_file_id,
        status=OutboxStatus(row.status),
        attempts=row.attempts,
        last_error=row.last_error,
        sent_message_id=row.sent_message_id,
    )
