"""Hybrid ranking: the lexical side (BM25 + alias phrases) fused with dense retrieval from Chroma.

The weights were chosen by measurement (``janji eval``, docs/retrieval.md). With the default
English MiniLM the dense side is weak on informal Indonesian, so it gets a small weight there and
mainly breaks ties; a multilingual model can be given more with ``DENSE_WEIGHT_ID``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.domain.intent import detect_language
from bot.domain.models import Candidate, Chunk, KnowledgeBase
from bot.retrieval.encoder import Encoder
from bot.retrieval.lexical import LexicalRanker, LexicalScore
from bot.retrieval.vectors import VectorIndex

DENSE_CANDIDATES = 30


def alias_strength(alias: float) -> float:
    """Alias mass is in units of 'one word unique to one service': 1.0 is a certain match."""
    return min(1.0, alias)


@dataclass(frozen=True)
class FusionWeights:
    alias: float
    bm25: float
    dense: float


# Measured on eval/questions.jsonl (see docs/retrieval.md).
DEFAULT_WEIGHTS: dict[str, FusionWeights] = {
    "id": FusionWeights(alias=1.5, bm25=1.0, dense=0.3),
    "en": FusionWeights(alias=1.5, bm25=1.0, dense=0.6),
}


class HybridRetriever:
    def __init__(
        self,
        knowledge: KnowledgeBase,
        chunks: Sequence[Chunk],
        vectors: VectorIndex | None,
        encoder: Callable[[], Encoder] | None,
        weights: dict[str, FusionWeights] | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.lexical = LexicalRanker(knowledge, list(chunks))
        self._chunks = {c.chunk_id: c for c in chunks}
        self._vectors = vectors
        self._encoder = encoder
        self.weights = dict(weights or DEFAULT_WEIGHTS)

    @property
    def dense_enabled(self) -> bool:
        return self._vectors is not None and self._encoder is not None

    def _target_key(self, chunk: Chunk) -> str:
        if chunk.service_id and chunk.service_id in self.knowledge.services:
            return chunk.service_id
        return f"doc:{chunk.chunk_id}"

    def dense_scores(self, questions: Sequence[str]) -> list[dict[str, float]]:
        """Per question: target key -> best cosine similarity among its chunks."""
        if not self.dense_enabled or not questions:
            return [{} for _ in questions]
        assert self._vectors is not None and self._encoder is not None
        vectors = self._encoder().encode([q[:2000] for q in questions])
        out: list[dict[str, float]] = []
        for hits in self._vectors.query(vectors, DENSE_CANDIDATES):
            best: dict[str, float] = {}
            for chunk_id, similarity in hits:
                chunk = self._chunks.get(chunk_id)
                if chunk is None:  # a stale vector of an older snapshot
                    continue
                key = self._target_key(chunk)
                best[key] = max(best.get(key, 0.0), similarity)
            out.append(best)
        return out

    def fuse(
        self, question: str, lexical: list[LexicalScore], dense: dict[str, float], k: int
    ) -> list[Candidate]:
        weights = self.weights[detect_language(question)]
        by_key = {s.target.key: s for s in lexical}
        keys = set(by_key) | set(dense)
        max_bm25 = max((s.bm25 for s in lexical), default=0.0)
        max_alias = max((s.alias for s in lexical), default=0.0)
        candidates: list[Candidate] = []
        for key in keys:
            lex = by_key.get(key)
            if lex is not None:
                target = lex.target
                service_id, file, section = target.service_id, target.file, target.section
                text = target.text if service_id is None else ""
            else:
                chunk_id = key[4:] if key.startswith("doc:") else None
                if chunk_id is not None:
                    chunk = self._chunks[chunk_id]
                    service_id, file, section, text = None, chunk.file, chunk.section, chunk.text
                else:
                    service = self.knowledge.services[key]
                    service_id, file, section, text = key, service.file, "", ""
            bm25 = (lex.bm25 / max_bm25) if lex is not None and max_bm25 > 0 else 0.0
            alias = lex.alias if lex is not None else 0.0
            # the best alias match dominates; weaker partial matches fade quickly
            alias_rel = alias_strength(alias) * (alias / max_alias) ** 2 if max_alias > 0 else 0.0
            d = dense.get(key, 0.0)
            score = weights.alias * alias_rel + weights.bm25 * bm25 + weights.dense * d
            candidates.append(
                Candidate(
                    key=key,
                    service_id=service_id,
                    file=file,
                    section=section,
                    text=text,
                    score=score,
                    bm25=bm25,
                    alias=alias,
                    coverage=lex.coverage if lex is not None else 0.0,
                    dense=d,
                )
            )
        candidates.sort(key=lambda c: c.score, reverse=True)
        return candidates[:k]

    def decisive(self, question: str, lexical: list[LexicalScore]) -> bool:
        """True when the dense side cannot change the answer: the lexical leader names its
        service outright (certain confidence) and leads by more than the whole dense weight."""
        if not lexical:
            return False
        weights = self.weights[detect_language(question)]
        lexical_only = self.fuse(question, lexical, {}, k=2)
        top = lexical_only[0]
        if alias_strength(top.alias) < 1.0:
            return False
        runner_up = lexical_only[1].score if len(lexical_only) > 1 else 0.0
        return top.score - runner_up > weights.dense

    def rank(self, questions: Sequence[str], k: int = 5) -> list[list[Candidate]]:
        lexical = [self.lexical.score(q) for q in questions]
        # Embedding is the costly step: skip it where it cannot change the outcome.
        need = [
            i
            for i, (q, lex) in enumerate(zip(questions, lexical, strict=True))
            if not self.decisive(q, lex)
        ]
        dense: list[dict[str, float]] = [{} for _ in questions]
        for index, scores in zip(
            need, self.dense_scores([questions[i] for i in need]), strict=True
        ):
            dense[index] = scores
        return [
            self.fuse(q, lex, d, k) for q, lex, d in zip(questions, lexical, dense, strict=True)
        ]
