"""Fixtures for the domain: the real store (SQLite, and PostgreSQL when configured), a fake
clock, the real promise checker over two sample services, and a sender faked at the network
edge (it records what would have gone to Telegram)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.models import OutboxMessage, Service
from bot.domain.outbox import OutboxDispatcher
from bot.domain.ports import DeliveryBlocked, SentMessage
from bot.domain.tickets import CitizenRef, Officer, TicketDesk
from bot.store import SqlStore
from guardrails.check import PromiseChecker
from guardrails.promises import parse_duration, parse_promises
from tests.contract.conftest import database_url, second_store, store

__all__ = ["database_url", "second_store", "store"]

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 2 March 2026, 08.00 WIB
STAFF_CHAT = -1001234567890
LISTED_OFFICER = 900  # in STAFF_USER_IDS: may act from a private chat

SITI = CitizenRef(chat_id=5001, user_id=5001, name="Siti Aminah", language="id")
JOHN = CitizenRef(chat_id=5002, user_id=5002, name="John Smith", language="en")
BUDI = Officer(user_id=701, name="Budi Santoso", in_staff_chat=True)
ANI = Officer(user_id=702, name="Ani Wijaya", in_staff_chat=True)
STRANGER = Officer(user_id=666, name="Orang Lain", in_staff_chat=False)

SERVICES = {
    "ktp-el": Service(
        id="ktp-el",
        name="Penerbitan KTP-el",
        unit="Disdukcapil",
        aliases=("ktp", "e-ktp"),
        promises=parse_promises(
            {"fee": 0, "duration": "1 hari kerja", "hours": "Senin-Jumat 08.00-15.00"}
        ),
        file="disdukcapil/ktp-el.md",
    ),
    "skck": Service(
        id="skck",
        name="Surat Keterangan Catatan Kepolisian (SKCK)",
        unit="Polres Sukamaju",
        aliases=("skck",),
        promises=parse_promises(
            {"fee": 30000, "duration": "3 jam", "hours": "Senin-Jumat 08.00-14.00"}
        ),
        file="polres/skck.md",
    ),
}


class FakeClock:
    def __init__(self, start: datetime = T0) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


class RecordingSender:
    """The network edge: records deliveries; can fail the next sends or block chats."""

    def __init__(self, *, forum: bool = False) -> None:
        self.forum = forum
        self.delivered: list[tuple[OutboxMessage, SentMessage]] = []
        self.failures: list[BaseException] = []  # raised by the next sends, in order
        self.blocked_chats: set[int] = set()
        self.calls = 0
        self._next_message_id = 1000
        self._next_topic_id = 50

    async def send(self, message: OutboxMessage) -> SentMessage:
        self.calls += 1
        if message.chat_id in self.blocked_chats:
            raise DeliveryBlocked("Forbidden: bot was blocked by the user")
        if self.failures:
            raise self.failures.pop(0)
        thread_id = message.thread_id
        if self.forum and message.topic_title:
            self._next_topic_id += 1
            thread_id = self._next_topic_id
        self._next_message_id += 1
        sent = SentMessage(self._next_message_id, thread_id)
        self.delivered.append((replace(message, thread_id=thread_id), sent))
        return sent

    def to_chat(self, chat_id: int) -> list[OutboxMessage]:
        return [message for message, _ in self.delivered if message.chat_id == chat_id]

    def message_id_of(self, purpose: str, ticket_id: int | None = None) -> int:
        for message, sent in reversed(self.delivered):
            if message.purpose == purpose and (ticket_id is None or message.ticket_id == ticket_id):
                return sent.message_id
        raise AssertionError(f"no {purpose} delivered")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def checker() -> PromiseChecker:
    return PromiseChecker([service.standard() for service in SERVICES.values()])


def make_desk(
    store: SqlStore, clock: FakeClock, checker: PromiseChecker, **changes: object
) -> TicketDesk:
    options: dict[str, object] = {
        "store": store,
        "clock": clock,
        "checker": checker,
        "services": SERVICES,
        "complaint_response": parse_duration("1x24 jam"),
        "staff_chat_id": STAFF_CHAT,
        "staff_user_ids": frozenset({LISTED_OFFICER}),
    }
    options.update(changes)
    return TicketDesk(**options)  # type: ignore[arg-type]


@pytest.fixture
def desk(store: SqlStore, clock: FakeClock, checker: PromiseChecker) -> TicketDesk:
    return make_desk(store, clock, checker)


@pytest.fixture
def sender() -> RecordingSender:
    return RecordingSender()


@pytest.fixture
def dispatcher(
    store: SqlStore, clock: FakeClock, sender: RecordingSender, desk: TicketDesk
) -> OutboxDispatcher:
    return OutboxDispatcher(store, clock, sender, desk)
