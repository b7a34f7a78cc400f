"""Initial schema: tickets, their messages and held replies, event log, outbox, conversations.

Revision ID: 0001
Revises:
Create Date: 2025-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from bot.store.tables import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Column types as of this revision (UtcDateTime is a stable storage type: naive UTC on SQLite,
# timestamptz on PostgreSQL).
Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("citizen_chat_id", sa.BigInteger(), nullable=False),
        sa.Column("citizen_user_id", sa.BigInteger(), nullable=False),
        sa.Column("citizen_name", sa.String(256), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("due_at", UtcDateTime(), nullable=True),
        sa.Column("service_id", sa.String(128), nullable=True),
        sa.Column("bot_answer", sa.Text(), nullable=True),
        sa.Column("sources", Json, nullable=False),
        sa.Column("context", Json, nullable=False),
        sa.Column("claimed_by_id", sa.BigInteger(), nullable=True),
        sa.Column("claimed_by_name", sa.String(256), nullable=True),
        sa.Column("first_response_at", UtcDateTime(), nullable=True),
        sa.Column("resolved_at", UtcDateTime(), nullable=True),
        sa.Column("staff_message_id", sa.BigInteger(), nullable=True),
        sa.Column("staff_thread_id", sa.BigInteger(), nullable=True),
        sa.Column("citizen_blocked", sa.Boolean(), nullable=False),
        sa.Column("reminder_sent", sa.Boolean(), nullable=False),
        sa.Column("breached", sa.Boolean(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_tickets"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_tickets_citizen_chat_id_status", "tickets", ["citizen_chat_id", "status"])
    op.create_index("ix_tickets_status", "tickets", ["status"])

    op.create_table(
        "ticket_staff_messages",
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("ticket_id", Id, nullable=False),
        sa.PrimaryKeyConstraint("message_id", name="pk_ticket_staff_messages"),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name="fk_ticket_staff_messages_ticket_id_tickets"
        ),
    )
    op.create_index("ix_ticket_staff_messages_ticket_id", "ticket_staff_messages", ["ticket_id"])

    op.create_table(
        "ticket_messages",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("ticket_id", Id, nullable=False),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("author_id", sa.BigInteger(), nullable=False),
        sa.Column("author_name", sa.String(256), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("attachment_kind", sa.String(32), nullable=True),
        sa.Column("attachment_file_id", sa.String(256), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_ticket_messages"),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name="fk_ticket_messages_ticket_id_tickets"
        ),
    )
    op.create_index("ix_ticket_messages_ticket_id", "ticket_messages", ["ticket_id"])

    op.create_table(
        "held_replies",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("ticket_id", Id, nullable=False),
        sa.Column("officer_id", sa.BigInteger(), nullable=False),
        sa.Column("officer_name", sa.String(256), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("notice_message_id", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_held_replies"),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name="fk_held_replies_ticket_id_tickets"
        ),
    )
    op.create_index("ix_held_replies_ticket_id", "held_replies", ["ticket_id"])
    op.create_index("ix_held_replies_notice_message_id", "held_replies", ["notice_message_id"])

    op.create_table(
        "events",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("ticket_id", sa.BigInteger(), nullable=True),
        sa.Column("actor_id", sa.BigInteger(), nullable=True),
        sa.Column("data", Json, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_events_at", "events", ["at"])
    op.create_index("ix_events_ticket_id", "events", ["ticket_id"])

    op.create_table(
        "outbox",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("dedupe_key", sa.String(255), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("next_attempt_at", UtcDateTime(), nullable=False),
        sa.Column("buttons", Json, nullable=False),
        sa.Column("thread_id", sa.BigInteger(), nullable=True),
        sa.Column("reply_to_message_id", sa.BigInteger(), nullable=True),
        sa.Column("ticket_id", sa.BigInteger(), nullable=True),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("topic_title", sa.String(128), nullable=True),
        sa.Column("attachment_kind", sa.String(32), nullable=True),
        sa.Column("attachment_file_id", sa.String(256), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_message_id", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        sa.UniqueConstraint("dedupe_key", name="uq_outbox_dedupe_key"),
    )
    op.create_index("ix_outbox_status_next_attempt_at", "outbox", ["status", "next_attempt_at"])
    op.create_index("ix_outbox_chat_id", "outbox", ["chat_id"])

    op.create_table(
        "processed_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("update_id", name="pk_processed_updates"),
    )

    op.create_table(
        "chat_languages",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name="pk_chat_languages"),
    )

    op.create_table(
        "conversation_turns",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_conversation_turns"),
    )
    op.create_index("ix_conversation_turns_chat_id_id", "conversation_turns", ["chat_id", "id"])


def downgrade() -> None:
    for index, table in [
        ("ix_conversation_turns_chat_id_id", "conversation_turns"),
        ("ix_outbox_chat_id", "outbox"),
        ("ix_outbox_status_next_attempt_at", "outbox"),
        ("ix_events_ticket_id", "events"),
        ("ix_events_at", "events"),
        ("ix_held_replies_notice_message_id", "held_replies"),
        ("ix_held_replies_ticket_id", "held_replies"),
        ("ix_ticket_messages_ticket_id", "ticket_messages"),
        ("ix_ticket_staff_messages_ticket_id", "ticket_staff_messages"),
        ("ix_tickets_status", "tickets"),
        ("ix_tickets_citizen_chat_id_status", "tickets"),
    ]:
        op.drop_index(index, table_name=table)
    for table in [
        "conversation_turns",
        "chat_languages",
        "processed_updates",
        "outbox",
        "events",
        "held_replies",
        "ticket_messages",
        "ticket_staff_messages",
        "tickets",
    ]:
        op.drop_table(table)
