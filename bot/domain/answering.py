"""The answer engine: question -> answer from the service standards, or escalation with a reason.

No language model: answers are composed from structured promises and checked by the guardrail.
The decision uses calibrated signals (alias match, lexical coverage, dense similarity), not
fused ranks alone; thresholds are measured with ``janji eval`` (docs/retrieval.md).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.compose import (
    SMALL_TALK,
    document_answer,
    escalation_text,
    service_answer,
)
from bot.domain.intent import classify_intent, detect_language
from bot.domain.kinds import detect_kinds
from bot.domain.models import (
    Answer,
    Candidate,
    EscalationReason,
    KnowledgeBase,
    Language,
    QuestionKind,
    Source,
)
from bot.domain.ports import Retriever
from guardrails.check import PromiseChecker, Verdict

MAX_QUESTION_CHARS = 1000  # longer messages are read up to here (the rest is kept by the caller)
OK = Verdict(verdict="ok")


@dataclass(frozen=True)
class DecisionThresholds:
    """Calibrated on eval/questions.jsonl; see docs/retrieval.md."""

    answer: float = 0.35  # confidence at or above: answer (ANSWER_MIN_CONFIDENCE)
    out_of_scope: float = 0.2  # below: out of scope; between: low confidence
    dense_floor: float = 0.55  # cosine below which dense similarity counts for nothing
    dense_span: float = 0.3  # cosine above floor that maps to full confidence
    alias_full: float = 1.0  # alias mass (in unique-word units) that means certainty


def clean_question(text: str) -> str:
    """Drop control and format characters, collapse whitespace, cap the length."""
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in "\n\t ":
            kept.append(" ")
        elif category[0] == "C":
            continue
        else:
            kept.append(ch)
    return " ".join("".join(kept).split())[:MAX_QUESTION_CHARS]


def has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def confidence(candidate: Candidate, thresholds: DecisionThresholds) -> float:
    """One 0..1 confidence from the candidate's signals."""
    alias_conf = min(1.0, candidate.alias / thresholds.alias_full)
    dense_conf = max(
        0.0, min(1.0, (candidate.dense - thresholds.dense_floor) / thresholds.dense_span)
    )
    return max(alias_conf, candidate.coverage, dense_conf)


class AnswerEngine:
    def __init__(
        self,
        knowledge: KnowledgeBase,
        retriever: Retriever,
        checker: PromiseChecker,
        thresholds: DecisionThresholds | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.retriever = retriever
        self.checker = checker
        self.thresholds = thresholds or DecisionThresholds()
        self._titles = {d.file: d.title for d in knowledge.documents}
        if knowledge.maklumat is not None:
            self._titles[knowledge.maklumat.file] = knowledge.maklumat.name

    def answer(self, question: str, language: Language | None = None) -> Answer:
        """``language`` forces the answer's language (the citizen chose it with /bahasa);
        by default it follows the question."""
        return self.answer_many([question], language)[0]

    def answer_many(
        self, questions: Sequence[str], language: Language | None = None
    ) -> list[Answer]:
        cleaned = [clean_question(q) for q in questions]
        results: list[Answer | None] = [None] * len(cleaned)
        to_rank: list[int] = []
        for index, text in enumerate(cleaned):
            early = self._early_answer(text, language)
            if early is not None:
                results[index] = early
            else:
                to_rank.append(index)
        if to_rank:
            rankings = self.retriever.rank([cleaned[i] for i in to_rank], k=5)
            for index, candidates in zip(to_rank, rankings, strict=True):
                results[index] = self._decide(cleaned[index], candidates, language)
        return [r for r in results if r is not None]

    @staticmethod
    def _language(text: str, forced: Language | None) -> Language:
        if forced is not None:
            return forced
        return detect_language(text) if has_words(text) else "id"

    def _early_answer(self, text: str, forced: Language | None) -> Answer | None:
        """Empty input and small talk need no retrieval."""
        language = self._language(text, forced)
        if not has_words(text):
            return self._reply(text, SMALL_TALK["empty"][language], language)
        intent = classify_intent(text)
        if intent.kind in ("greeting", "thanks"):
            return self._reply(text, SMALL_TALK[intent.kind][language], language)
        return None

    def _decide(
        self, question: str, candidates: list[Candidate], forced: Language | None
    ) -> Answer:
        language = self._language(question, forced)
        intent = classify_intent(question).kind
        top = candidates[0] if candidates else None
        conf = confidence(top, self.thresholds) if top is not None else 0.0
        sources = tuple(self._source(c) for c in candidates[:3])
        if intent in ("complaint", "human_request"):
            reason = (
                EscalationReason.COMPLAINT
                if intent == "complaint"
                else EscalationReason.HUMAN_REQUEST
            )
            about = top.service_id if top is not None and conf >= self.thresholds.answer else None
            return self._escalate(question, reason, language, sources, conf, about)
        if top is None:
            return self._escalate(question, EscalationReason.OUT_OF_SCOPE, language)
        if conf < self.thresholds.out_of_scope:
            return self._escalate(question, EscalationReason.OUT_OF_SCOPE, language, sources, conf)
        if conf < self.thresholds.answer:
            return self._escalate(
                question, EscalationReason.LOW_CONFIDENCE, language, sources, conf
            )
        kinds = detect_kinds(question)
        chosen = self._prefer_document(top, candidates, kinds)
        if chosen is not top:
            top = chosen
            rest = [c for c in candidates[:3] if c is not chosen]
            sources = tuple(self._source(c) for c in [chosen, *rest][:3])
        if top.service_id is not None:
            service_id: str | None = top.service_id
            kind = kinds[0]
            text = service_answer(self.knowledge.services[top.service_id], kinds, language)
        else:
            service_id, kind = None, QuestionKind.SUMMARY
            text = document_answer(top, self._titles.get(top.file, top.file), language)
        verdict = self.checker.check(text, service_id=service_id, question=question)
        return Answer(
            question=question,
            text=text,
            language=language,
            escalate=False,
            reason=None,
            sources=sources,
            guardrail=verdict,
            service_id=service_id,
            kind=kind,
            confidence=conf,
        )

    @staticmethod
    def _prefer_document(
        top: Candidate, candidates: list[Candidate], kinds: list[QuestionKind]
    ) -> Candidate:
        """A question that names no service and asks where or when ("where is the service
        mall?") is about the organisation: a general document (the FAQ) answers it better than
        a service whose body happens to mention the building."""
        general = {QuestionKind.CHANNELS, QuestionKind.HOURS, QuestionKind.SUMMARY}
        if top.service_id is None or top.alias > 0 or not set(kinds) <= general:
            return top
        documents = [c for c in candidates[:3] if c.service_id is None]
        if documents and documents[0].coverage >= top.coverage:
            return documents[0]
        return top

    def escalation(self, answer: Answer, reason: EscalationReason) -> Answer:
        """The same question, escalated instead of answered."""
        return self._escalate(
            answer.question,
            reason,
            answer.language,
            answer.sources,
            answer.confidence,
            answer.service_id,
        )

    def _source(self, candidate: Candidate) -> Source:
        name = None
        if candidate.service_id is not None:
            name = self.knowledge.services[candidate.service_id].name
        return Source(candidate.service_id, candidate.file, round(candidate.score, 4), name)

    def _reply(self, question: str, text: str, language: Language) -> Answer:
        return Answer(
            question=question,
            text=text,
            language=language,
            escalate=False,
            reason=None,
            sources=(),
            guardrail=OK,
        )

    def _escalate(
        self,
        question: str,
        reason: EscalationReason,
        language: Language,
        sources: tuple[Source, ...] = (),
        conf: float = 0.0,
        service_id: str | None = None,
    ) -> Answer:
        return Answer(
            question=question,
            text=escalation_text(reason, language),
            language=language,
            escalate=True,
            reason=reason,
            sources=sources,
            guardrail=OK,
            confidence=conf,
            service_id=service_id,
        )
