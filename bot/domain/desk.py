"""ServiceDesk: the one object the Telegram handlers, the console chat and the CLI talk to.

Every method takes plain data and returns plain data (text + neutral buttons); nothing here
knows Telegram. CPU work (retrieval, embeddings) runs in a worker thread so the event loop keeps
serving other citizens.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from bot.domain.answering import AnswerEngine
from bot.domain.compose import summary
from bot.domain.intent import detect_language
from bot.domain.models import (
    Answer,
    Button,
    EscalationReason,
    Event,
    EventKind,
    KnowledgeBase,
    Language,
)
from bot.domain.ports import Clock, Store
from bot.domain.tickets import CitizenRef, TicketDesk
from bot.errors import JanjiError

logger = logging.getLogger(__name__)

CONTEXT_TURNS = 6

FEEDBACK_LABELS: dict[Language, tuple[str, str, str]] = {
    "id": ("👍 Membantu", "👎 Tidak membantu", "🙋 Hubungi petugas"),
    "en": ("👍 Helpful", "👎 Not helpful", "🙋 Talk to an officer"),
}

DESK_TEXT: dict[str, dict[Language, str]] = {
    "thanks_feedback": {"id": "Terima kasih atas masukannya!", "en": "Thank you for the feedback!"},
    "offer_officer": {
        "id": "Maaf jawabannya belum membantu. Mau kami teruskan ke petugas?",
        "en": "Sorry that did not help. Shall we pass your question to an officer?",
    },
    "unknown_service": {
        "id": "Layanan itu tidak ditemukan. Ketik /layanan untuk melihat daftar layanan.",
        "en": "That service was not found. Type /services to see the list.",
    },
    "language_set": {
        "id": "Baik, saya akan menjawab dalam Bahasa Indonesia.",
        "en": "Okay, I will answer in English.",
    },
    "services_title": {
        "id": "Pilih layanan untuk melihat biaya, waktu, jam layanan dan persyaratannya:",
        "en": "Pick a service to see its fee, time, hours and requirements:",
    },
    "no_question": {
        "id": "Silakan tulis dulu pertanyaan Anda, lalu saya teruskan ke petugas.",
        "en": "Please type your question first, then I will pass it to an officer.",
    },
}


@dataclass(frozen=True)
class Reply:
    """What the chat layer should send back right away."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    answer: Answer | None = None
    ticket_number: str | None = None
    language: Language = "id"
    extra: dict[str, str] = field(default_factory=dict)


def desk_text(key: str, language: Language) -> str:
    return DESK_TEXT[key][language]


class ServiceDesk:
    def __init__(
        self,
        *,
        knowledge: KnowledgeBase,
        answers: AnswerEngine,
        tickets: TicketDesk,
        store: Store,
        clock: Clock,
    ) -> None:
        self.knowledge = knowledge
        self.answers = answers
        self.tickets = tickets
        self.store = store
        self.clock = clock

    # -- citizens -------------------------------------------------------------------------------

    async def first_time(self, update_id: int | None) -> bool:
        """False when this update was already handled (Telegram redelivers after a crash)."""
        if update_id is None:
            return True
        return await self.store.claim_update(update_id)

    async def language_for(self, chat_id: int, text: str | None = None) -> Language:
        chosen = await self.store.get_language(chat_id)
        if chosen is not None:
            return chosen
        return detect_language(text) if text else "id"

    async def set_language(self, chat_id: int, language: Language) -> Reply:
        await self.store.set_language(chat_id, language)
        return Reply(desk_text("language_set", language), language=language)

    async def toggle_language(self, chat_id: int) -> Reply:
        current = await self.language_for(chat_id)
        return await self.set_language(chat_id, "en" if current == "id" else "id")

    async def ask(self, citizen: CitizenRef, text: str) -> Reply:
        """A citizen's message: to their open ticket if they have one, else to the engine."""
        language = await self.language_for(citizen.chat_id, text)
        citizen = CitizenRef(citizen.chat_id, citizen.user_id, citizen.name, language)
        forwarded = await self.tickets.citizen_message(citizen, text)
        if forwarded is not None:
            return Reply(forwarded, language=language)
        now = self.clock.now()
        chosen = await self.store.get_language(citizen.chat_id)  # set with /bahasa
        answer = await asyncio.to_thread(self.answers.answer, text, chosen)
        if chosen is None:
            citizen = CitizenRef(citizen.chat_id, citizen.user_id, citizen.name, answer.language)
            language = answer.language
        turn = await self.store.add_turn(citizen.chat_id, "citizen", text[:4000], now)
        if not answer.escalate and not answer.guardrail.ok:
            # The composed answer contradicts a promise: never send it; a person takes over.
            logger.error("composed answer failed the guardrail: %s", answer.guardrail.explanation)
            answer = self.answers.escalation(answer, EscalationReason.LOW_CONFIDENCE)
        await self.store.append(
            Event(
                EventKind.QUESTION_ESCALATED if answer.escalate else EventKind.QUESTION_ANSWERED,
                now,
                actor_id=citizen.user_id,
                data={
                    "service_id": answer.service_id,
                    "reason": answer.reason.value if answer.reason else None,
                    "kind": answer.kind.value if answer.kind else None,
                    "confidence": round(answer.confidence, 3),
                    "language": answer.language,
                    "turn": turn,
                },
            )
        )
        await self.store.add_turn(citizen.chat_id, "bot", answer.text, now)
        if answer.escalate and answer.reason is not None:
            return await self._open(citizen, answer.reason, text, answer)
        labels = FEEDBACK_LABELS[language]
        buttons = (
            (Button(labels[0], f"fb:up:{turn}"), Button(labels[1], f"fb:down:{turn}")),
            (Button(labels[2], f"officer:{turn}"),),
        )
        return Reply(answer.text, buttons, answer=answer, language=language)

    async def _open(
        self, citizen: CitizenRef, reason: EscalationReason, question: str, answer: Answer | None
    ) -> Reply:
        turns = await self.store.recent_turns(citizen.chat_id, CONTEXT_TURNS)
        context = [f"{'Warga' if role == 'citizen' else 'Bot'}: {text}" for role, text in turns]
        opened = await self.tickets.open_ticket(citizen, reason, question, answer, context)
        lead = answer.text + "\n\n" if answer is not None and opened.created else ""
        return Reply(
            lead + opened.citizen_text,
            answer=answer,
            ticket_number=opened.ticket.number,
            language=citizen.language,
        )

    async def feedback(self, citizen: CitizenRef, turn: int, helpful: bool) -> Reply:
        language = await self.language_for(citizen.chat_id)
        await self.store.append(
            Event(
                EventKind.FEEDBACK,
                self.clock.now(),
                actor_id=citizen.user_id,
                data={"turn": turn, "helpful": helpful},
            )
        )
        if helpful:
            return Reply(desk_text("thanks_feedback", language), language=language)
        label = FEEDBACK_LABELS[language][2]
        return Reply(
            desk_text("offer_officer", language),
            ((Button(label, f"officer:{turn}"),),),
            language=language,
        )

    async def talk_to_officer(
        self, citizen: CitizenRef, question: str | None = None, *, not_helpful: bool = False
    ) -> Reply:
        """/petugas, the "talk to an officer" button, or "not helpful" followed by the button."""
        language = await self.language_for(citizen.chat_id, question)
        citizen = CitizenRef(citizen.chat_id, citizen.user_id, citizen.name, language)
        if not question:
            turns = await self.store.recent_turns(citizen.chat_id, CONTEXT_TURNS)
            asked = [text for role, text in turns if role == "citizen"]
            question = asked[-1] if asked else ""
        if not question.strip():
            question = (
                "(Warga meminta dihubungi petugas)"
                if language == "id"
                else ("(The citizen asked for an officer)")
            )
        reason = EscalationReason.NOT_HELPFUL if not_helpful else EscalationReason.HUMAN_REQUEST
        return await self._open(citizen, reason, question, None)

    def services(self) -> list[tuple[str, str]]:
        return sorted(
            ((s.id, s.name) for s in self.knowledge.services.values()),
            key=lambda item: item[1].lower(),
        )

    def service_card(self, service_id: str, language: Language) -> str:
        service = self.knowledge.services.get(service_id)
        if service is None:
            raise JanjiError(desk_text("unknown_service", language))
        source = {"id": "Sumber", "en": "Source"}[language]
        return f"{summary(service, language)}\n\n{source}: {service.file}"

    # -- maintenance ----------------------------------------------------------------------------

    def use_knowledge(self, knowledge: KnowledgeBase, answers: AnswerEngine) -> None:
        """Serve a freshly indexed knowledge base (admin reload) without a restart."""
        self.knowledge = knowledge
        self.answers = answers
        self.tickets.services = knowledge.services
        self.tickets.checker = answers.checker

    async def sla_tick(self) -> int:
        return await self.tickets.sla_tick()
