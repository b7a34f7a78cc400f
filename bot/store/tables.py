"""SQLAlchemy Core tables: one schema for SQLite and PostgreSQL.

The Alembic migrations in ``migrations/versions`` create exactly this schema; a contract test
compares the two, so a change here without a migration fails the suite.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# SQLite only auto-increments an INTEGER PRIMARY KEY (the rowid alias); PostgreSQL gets BIGINT.
Id = BigInteger().with_variant(Integer(), "sqlite")
Json = JSON().with_variant(JSONB(), "postgresql")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on both backends.

    PostgreSQL stores ``timestamptz``. SQLite has no time zones: values are stored as naive UTC
    text (which also sorts correctly) and get ``tzinfo=UTC`` back when read.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the store only takes aware datetimes")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)


tickets = Table(
    "tickets",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("citizen_chat_id", BigInteger, nullable=False),
    Column("citizen_user_id", BigInteger, nullable=False),
    Column("citizen_name", String(256), nullable=False),
    Column("language", String(8), nullable=False),
    Column("reason", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("question", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("due_at", UtcDateTime, nullable=True),
    Column("service_id", String(128), nullable=True),
    Column("bot_answer", Text, nullable=True),
    Column("sources", Json, nullable=False),
    Column("context", Json, nullable=False),
    Column("claimed_by_id", BigInteger, nullable=True),
    Column("claimed_by_name", String(256), nullable=True),
    Column("first_response_at", UtcDateTime, nullable=True),
    Column("resolved_at", UtcDateTime, nullable=True),
    Column("staff_message_id", BigInteger, nullable=True),
    Column("staff_thread_id", BigInteger, nullable=True),
    Column("citizen_blocked", Boolean, nullable=False, default=False),
    Column("reminder_sent", Boolean, nullable=False, default=False),
    Column("breached", Boolean, nullable=False, default=False),
    Column("rating", Integer, nullable=True),
    Column("comment", Text, nullable=True),
    Index("ix_tickets_citizen_chat_id_status", "citizen_chat_id", "status"),
    Index("ix_tickets_status", "status"),
    sqlite_autoincrement=True,  # ticket numbers are never reused
)

# Every staff-chat message that belongs to a ticket (card, forwarded citizen text, reminders):
# an officer replying to any of them answers that ticket.
ticket_staff_messages = Table(
    "ticket_staff_messages",
    metadata,
    Column("message_id", BigInteger, primary_key=True, autoincrement=False),
    Column("ticket_id", Id, ForeignKey("tickets.id"), nullable=False),
    Index("ix_ticket_staff_messages_ticket_id", "ticket_id"),
)

ticket_messages = Table(
    "ticket_messages",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("ticket_id", Id, ForeignKey("tickets.id"), nullable=False),
    Column("direction", String(16), nullable=False),
    Column("author_id", BigInteger, nullable=False),
    Column("author_name", String(256), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("attachment_kind", String(32), nullable=True),
    Column("attachment_file_id", String(256), nullable=True),
    Index("ix_ticket_messages_ticket_id", "ticket_id"),
)

held_replies = Table(
    "held_replies",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("ticket_id", Id, ForeignKey("tickets.id"), nullable=False),
    Column("officer_id", BigInteger, nullable=False),
    Column("officer_name", String(256), nullable=False),
    Column("text", Text, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("notice_message_id", BigInteger, nullable=True),
    Column("status", String(16), nullable=False),
    Index("ix_held_replies_ticket_id", "ticket_id"),
    Index("ix_held_replies_notice_message_id", "notice_message_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("ticket_id", BigInteger, nullable=True),  # no FK: events outlive any cleanup
    Column("actor_id", BigInteger, nullable=True),
    Column("data", Json, nullable=False),
    Index("ix_events_at", "at"),
    Index("ix_events_ticket_id", "ticket_id"),
    sqlite_autoincrement=True,
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("chat_id", BigInteger, nullable=False),
    Column("text", Text, nullable=False),
    Column("dedupe_key", String(255), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("buttons", Json, nullable=False),
    Column("thread_id", BigInteger, nullable=True),
    Column("reply_to_message_id", BigInteger, nullable=True),
    Column("ticket_id", BigInteger, nullable=True),
    Column("purpose", String(32), nullable=False),
    Column("topic_title", String(128), nullable=True),
    Column("attachment_kind", String(32), nullable=True),
    Column("attachment_file_id", String(256), nullable=True),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=True),
    Column("sent_message_id", BigInteger, nullable=True),
    Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),
    Index("ix_outbox_chat_id", "chat_id"),
)

# Every update Telegram delivered, stored before Telegram is told it arrived (migration 0002).
# ``handled_at`` is set in the same transaction as the handling's effects; the raw update is
# dropped then. Unhandled rows are replayed at start; handled ones are kept a while so a
# redelivered update is recognised, then forgotten (Telegram may reuse ids after a quiet week).
update_inbox = Table(
    "update_inbox",
    metadata,
    Column("update_id", BigInteger, primary_key=True, autoincrement=False),
    Column("payload", Text, nullable=True),  # the update's JSON until it is handled
    Column("received_at", UtcDateTime, nullable=False),
    Column("handled_at", UtcDateTime, nullable=True),
    Column("replays", Integer, nullable=False, default=0),
    Column("error", Text, nullable=True),  # why it was closed without being handled
    Index("ix_update_inbox_handled_at", "handled_at"),
)

chat_languages = Table(
    "chat_languages",
    metadata,
    Column("chat_id", BigInteger, primary_key=True, autoincrement=False),
    Column("language", String(8), nullable=False),
)

conversation_turns = Table(
    "conversation_turns",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("chat_id", BigInteger, nullable=False),
    Column("role", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Index("ix_conversation_turns_chat_id_id", "chat_id", "id"),
)
