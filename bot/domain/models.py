"""Plain records shared by the desk, the adapters and the handlers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from guardrails.check import Verdict
from guardrails.promises import Promises, ServiceStandard

Language = Literal["id", "en"]


@dataclass(frozen=True)
class Service:
    """One service standard (Standar Pelayanan) loaded from the knowledge folder."""

    id: str
    name: str
    unit: str
    aliases: tuple[str, ...]
    promises: Promises
    file: str  # path relative to the knowledge folder
    body: str = ""  # prose after the front matter (procedure, notes)
    procedure: tuple[str, ...] = ()  # steps found under a "Prosedur"/"Alur" heading, if any
    raw_promises: dict[str, Any] = field(default_factory=dict)  # front matter values as written

    def standard(self) -> ServiceStandard:
        return ServiceStandard(
            service_id=self.id, name=self.name, aliases=self.aliases, promises=self.promises
        )


@dataclass(frozen=True)
class Document:
    """A general document (FAQ, PDF, DOCX, Markdown without promises): retrieved, never checked."""

    file: str
    title: str
    text: str
    service_id: str | None = None


@dataclass(frozen=True)
class KnowledgeBase:
    services: dict[str, Service]
    documents: tuple[Document, ...]
    maklumat: Service | None  # organisation-wide pledge (id: maklumat)
    organisation: str = ""

    def standards(self) -> list[ServiceStandard]:
        return [s.standard() for s in self.services.values()]


@dataclass(frozen=True)
class Chunk:
    """A heading-aware piece of a knowledge file, as stored in the index."""

    chunk_id: str
    text: str
    file: str
    section: str
    service_id: str | None
    content_hash: str


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its score from one ranker or the fusion."""

    chunk: Chunk
    score: float


@dataclass(frozen=True)
class Candidate:
    """A service (or a general-document passage) ranked for a question, with every signal kept
    so the decision to answer or escalate is made on calibrated scores, not on ranks alone."""

    key: str  # service id, or "doc:<chunk id>"
    service_id: str | None
    file: str
    section: str
    text: str  # the passage for documents; empty for services
    score: float  # fused ranking score
    bm25: float = 0.0  # relative to the best BM25 of this question (0..1)
    alias: float = 0.0  # idf mass of the matched service name/alias phrase (0 = none)
    coverage: float = 0.0  # share of the question's content words found in the target (0..1)
    dense: float = 0.0  # best cosine similarity of the target's chunks (0..1)


class QuestionKind(StrEnum):
    FEE = "fee"
    DURATION = "duration"
    HOURS = "hours"
    REQUIREMENTS = "requirements"
    PROCEDURE = "procedure"
    CHANNELS = "channels"
    SUMMARY = "summary"


class EscalationReason(StrEnum):
    LOW_CONFIDENCE = "low_confidence"
    COMPLAINT = "complaint"
    HUMAN_REQUEST = "human_request"
    OUT_OF_SCOPE = "out_of_scope"
    NOT_HELPFUL = "not_helpful"  # the citizen pressed "not helpful" and asked for an officer


@dataclass(frozen=True)
class Source:
    service_id: str | None
    file: str
    score: float
    service_name: str | None = None


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    language: Language
    escalate: bool
    reason: EscalationReason | None
    sources: tuple[Source, ...]
    guardrail: Verdict
    service_id: str | None = None
    kind: QuestionKind | None = None
    confidence: float = 0.0


class TicketStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    RESOLVED = "resolved"
    CANCELLED = "cancelled"


OPEN_STATUSES = (TicketStatus.OPEN, TicketStatus.CLAIMED)


def ticket_number(ticket_id: int) -> str:
    return f"JNJ-{ticket_id:06d}"


def parse_ticket_number(text: str) -> int | None:
    """``JNJ-000123``, ``jnj-123``, ``#123`` or ``123`` -> 123; anything else -> None."""
    cleaned = text.strip().upper().lstrip("#")
    if cleaned.startswith("JNJ-"):
        cleaned = cleaned[4:]
    return int(cleaned) if cleaned.isdigit() and 0 < len(cleaned) <= 12 else None


@dataclass
class Ticket:
    id: int
    citizen_chat_id: int
    citizen_user_id: int
    citizen_name: str
    language: Language
    reason: EscalationReason
    status: TicketStatus
    question: str
    created_at: datetime
    due_at: datetime | None  # promised first human response (maklumat complaint_response)
    service_id: str | None = None
    bot_answer: str | None = None
    sources: tuple[Source, ...] = ()
    context: tuple[str, ...] = ()  # the citizen's recent messages
    claimed_by_id: int | None = None
    claimed_by_name: str | None = None
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    staff_message_id: int | None = None  # the ticket card in the staff chat
    staff_thread_id: int | None = None  # forum topic of this ticket, when the staff chat is a forum
    citizen_blocked: bool = False
    reminder_sent: bool = False
    breached: bool = False
    rating: int | None = None  # SKM 1..4
    comment: str | None = None

    @property
    def number(self) -> str:
        return ticket_number(self.id)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class MessageDirection(StrEnum):
    CITIZEN = "citizen"  # citizen -> staff
    STAFF = "staff"  # staff -> citizen


@dataclass(frozen=True)
class TicketMessage:
    ticket_id: int
    direction: MessageDirection
    author_id: int
    author_name: str
    text: str
    created_at: datetime
    attachment_kind: str | None = None  # photo, document, voice ...
    attachment_file_id: str | None = None
    id: int | None = None


class EventKind(StrEnum):
    QUESTION_ANSWERED = "question_answered"
    QUESTION_ESCALATED = "question_escalated"
    FEEDBACK = "feedback"
    TICKET_CREATED = "ticket_created"
    TICKET_CLAIMED = "ticket_claimed"
    CITIZEN_MESSAGE = "citizen_message"
    STAFF_REPLIED = "staff_replied"
    REPLY_RELAYED = "reply_relayed"
    REPLY_BLOCKED = "reply_blocked"  # guardrail held an officer's reply back
    REPLY_OVERRIDDEN = "reply_overridden"
    TICKET_RESOLVED = "ticket_resolved"
    TICKET_CANCELLED = "ticket_cancelled"
    TICKET_REOPENED = "ticket_reopened"
    TICKET_RATED = "ticket_rated"
    TICKET_COMMENTED = "ticket_commented"  # the citizen's free-text comment after rating
    SLA_REMINDER = "sla_reminder"
    SLA_BREACH = "sla_breach"
    CITIZEN_BLOCKED_BOT = "citizen_blocked_bot"


@dataclass(frozen=True)
class Event:
    """One line of the append-only event log; reports are computed only from these."""

    kind: EventKind
    at: datetime
    ticket_id: int | None = None
    actor_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    id: int | None = None


@dataclass(frozen=True)
class Origin:
    """The update a desk call handles, and where its answer goes.

    ``update_id`` makes the call happen at most once: its effects, its queued answer and the
    "handled" mark of the update commit together (``ServiceDesk.handling``)."""

    update_id: int
    chat_id: int
    reply_to_message_id: int | None = None  # quote this message (groups)
    thread_id: int | None = None  # forum topic the update came from


@dataclass(frozen=True)
class InboxUpdate:
    """An update as stored on arrival; ``payload`` (its raw JSON) is dropped once handled."""

    update_id: int
    payload: str | None
    received_at: datetime
    handled_at: datetime | None = None
    replays: int = 0  # starts that found it unhandled and replayed it
    error: str | None = None  # why it was closed without being handled (e.g. given up)

    @property
    def handled(self) -> bool:
        return self.handled_at is not None


@dataclass(frozen=True)
class Button:
    """A neutral inline button: the handlers render it for Telegram. ``action`` must fit 64 bytes."""

    label: str
    action: str


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # gave up after the retry budget
    BLOCKED = "blocked"  # the recipient blocked the bot (403)


@dataclass
class OutboxMessage:
    """A message the desk wants delivered. Stored before sending, so a crash loses nothing."""

    chat_id: int
    text: str
    dedupe_key: str  # unique: the same logical message is never queued twice
    created_at: datetime
    next_attempt_at: datetime
    buttons: tuple[tuple[Button, ...], ...] = ()  # rows of buttons
    thread_id: int | None = None
    reply_to_message_id: int | None = None
    ticket_id: int | None = None
    purpose: str = "message"  # e.g. "ticket_card": after sending, the card's message id is saved
    # When set and the chat is a forum supergroup, the sender opens a new topic with this title and
    # sends the message there (the ticket card: one topic per ticket).
    topic_title: str | None = None
    # A file to send with ``text`` as its caption (a citizen's photo/document forwarded to staff).
    attachment_kind: str | None = None  # photo, document, voice, video, audio, sticker
    attachment_file_id: str | None = None
    status: OutboxStatus = OutboxStatus.PENDING
    attempts: int = 0
    last_error: str | None = None
    sent_message_id: int | None = None
    id: int | None = None
