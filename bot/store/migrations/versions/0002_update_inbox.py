"""Update inbox: every update is stored before Telegram is told it arrived, replayed after a crash.

Replaces ``processed_updates``: the ids handled so far are carried over as handled updates (so
an update Telegram redelivers right after the upgrade is still recognised), and back again on
downgrade (unhandled updates are then lost, as before the inbox).

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.store.tables import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "update_inbox",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("received_at", UtcDateTime(), nullable=False),
        sa.Column("handled_at", UtcDateTime(), nullable=True),
        sa.Column("replays", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("update_id", name="pk_update_inbox"),
    )
    op.create_index("ix_update_inbox_handled_at", "update_inbox", ["handled_at"])
    op.execute(
        "INSERT INTO update_inbox (update_id, payload, received_at, handled_at, replays) "
        "SELECT update_id, NULL, at, at, 0 FROM processed_updates"
    )
    op.drop_table("processed_updates")


def downgrade() -> None:
    op.create_table(
        "processed_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("update_id", name="pk_processed_updates"),
    )
    op.execute(
        "INSERT INTO processed_updates (update_id, at) "
        "SELECT update_id, COALESCE(handled_at, received_at) FROM update_inbox"
    )
    op.drop_index("ix_update_inbox_handled_at", table_name="update_inbox")
    op.drop_table("update_inbox")
