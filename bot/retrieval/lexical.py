"""The lexical side: BM25 over Indonesian-normalised text, plus service name / alias phrases.

Targets are services (one bag of words each: name and aliases weighted up, unit, requirements,
body) and general-document chunks (FAQ sections, PDF/DOCX pieces). English questions are
bridged to the Indonesian standards with a glossary of public-service words (textnorm.EN_TO_ID).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from rank_bm25 import BM25Okapi

from bot.domain.kinds import KIND_WORDS
from bot.domain.models import Chunk, KnowledgeBase, Service
from bot.domain.textnorm import (
    ENGLISH_STOPWORDS,
    STOPWORDS,
    colloquial_variants,
    glossary,
    raw_tokens,
)
from bot.retrieval.text import index_tokens, stem

NAME_WEIGHT = 3
UNIT_PHRASE_FACTOR = 0.5  # naming the agency points at its services, less than naming a service
SCATTERED_FACTOR = 0.7  # an alias whose words are all there, but not side by side and in order
UNIT_WORD_MIN_CHARS = 4
COMMON_WORD_SHARE = 0.5
RARE_WORD_SHARE = 0.25  # an agency-name word counts as a pointer only when it is this rare
PARENTHESISED = re.compile(r"\(([^)]{2,40})\)")


@dataclass(frozen=True)
class Target:
    key: str  # service id, or "doc:<chunk id>"
    service_id: str | None
    file: str
    section: str
    text: str


@dataclass(frozen=True)
class LexicalScore:
    target: Target
    bm25: float
    alias: float  # idf mass of the best service name/alias phrase found in the question
    coverage: float  # idf-weighted share of the question's content words found in the target


@dataclass(frozen=True)
class QueryTerms:
    """One question, analysed once: BM25 terms, and content words with their translations."""

    bm25_terms: list[str]
    stems: frozenset[str]  # every stem of the question, translations included
    sequence: tuple[str, ...]  # the question's stems in order (stopwords dropped)
    content: list[tuple[str, tuple[str, ...]]]  # (content word stem, its stemmed translations)


def _service_text(service: Service) -> str:
    names = " ".join([service.name, *service.aliases, service.id.replace("-", " ")])
    requirements = " ".join(service.promises.requirements)
    channels = " ".join(service.promises.channels)
    return " ".join([names] * NAME_WEIGHT + [service.unit, requirements, channels, service.body])


def _unit_phrases(unit: str) -> list[str]:
    phrases = [m.strip() for m in PARENTHESISED.findall(unit)]
    base = PARENTHESISED.sub(" ", unit).strip()
    if base:
        phrases.append(base)
    return phrases


class LexicalRanker:
    def __init__(self, knowledge: KnowledgeBase, chunks: list[Chunk]) -> None:
        self.targets: list[Target] = []
        for service in knowledge.services.values():
            self.targets.append(
                Target(service.id, service.id, service.file, "", _service_text(service))
            )
        for chunk in chunks:
            if chunk.service_id is None or chunk.service_id not in knowledge.services:
                self.targets.append(
                    Target(f"doc:{chunk.chunk_id}", None, chunk.file, chunk.section, chunk.text)
                )
        bags = [index_tokens(t.text) or ["_"] for t in self.targets]
        self._bags = [set(b) for b in bags]
        self._bm25 = BM25Okapi(bags)
        df: Counter[str] = Counter()
        for bag in self._bags:
            df.update(bag)
        n = max(len(bags), 1)
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self._unknown_idf = math.log(1 + (n + 0.5) / 0.5)
        # Words found in most targets (the city's name, "layanan") tell nothing apart.
        common = frozenset(t for t, c in df.items() if n >= 4 and c / n >= COMMON_WORD_SHARE)
        self._ignored = (
            frozenset(stem(w) for w in KIND_WORDS)
            | KIND_WORDS
            | ENGLISH_STOPWORDS
            | STOPWORDS
            | common
        )
        # Service name/alias phrases: stemmed token set -> (ordered stems, {service id: factor})
        self._phrases: dict[frozenset[str], tuple[tuple[str, ...], dict[str, float]]] = {}
        for service in knowledge.services.values():
            for phrase in (service.name, *service.aliases, service.id.replace("-", " ")):
                self._add_phrase(phrase, service.id, 1.0)
            for phrase in _unit_phrases(service.unit):
                self._add_phrase(phrase, service.id, UNIT_PHRASE_FACTOR)
        # A word found in one agency's name only ("imigrasi", "disnaker") points at that agency.
        unit_words: dict[str, set[str]] = {}
        for service in knowledge.services.values():
            for token in raw_tokens(service.unit):
                if len(token) >= UNIT_WORD_MIN_CHARS and token not in STOPWORDS:
                    unit_words.setdefault(token, set()).add(service.unit)
        several_units = len({s.unit for s in knowledge.services.values()}) > 1
        for service in knowledge.services.values():
            for token in set(raw_tokens(service.unit)):
                rare = df.get(stem(token), 0) / n < RARE_WORD_SHARE
                if several_units and rare and len(unit_words.get(token, ())) == 1:
                    self._add_phrase(token, service.id, UNIT_PHRASE_FACTOR)
        # Alias words are weighed by how many services' names/aliases use them ("kartu" is in
        # many, "keluarga" in one): a service named in full gets full strength.
        alias_df: Counter[str] = Counter()
        for service in knowledge.services.values():
            words: set[str] = set()
            for phrase in (service.name, *service.aliases, service.id.replace("-", " ")):
                words.update(stem(t) for t in raw_tokens(phrase) if t not in STOPWORDS)
            alias_df.update(words)
        services = max(len(knowledge.services), 1)
        self._alias_idf = {
            t: math.log(1 + (services - c + 0.5) / (c + 0.5)) for t, c in alias_df.items()
        }
        self.alias_full_mass = math.log(1 + (services - 0.5) / 1.5)  # a word unique to one

    def _add_phrase(self, phrase: str, service_id: str, factor: float) -> None:
        ordered = tuple(stem(t) for t in raw_tokens(phrase) if t not in STOPWORDS)
        if not ordered:
            return
        _, owners = self._phrases.setdefault(frozenset(ordered), (ordered, {}))
        owners[service_id] = max(owners.get(service_id, 0.0), factor)

    def idf(self, token: str) -> float:
        return self._idf.get(token, self._unknown_idf)

    def analyse(self, question: str) -> QueryTerms:
        terms: list[str] = []
        stems: set[str] = set()
        content: list[tuple[str, tuple[str, ...]]] = []
        sequence: list[str] = []
        for token in raw_tokens(question):
            translations = tuple(stem(t) for t in glossary(token))
            own = stem(token)
            if own not in self._idf and not translations:
                # an unknown chat form: try its colloquial base (operasiin -> operasi)
                own = next(
                    (stem(v) for v in colloquial_variants(token) if stem(v) in self._idf), own
                )
            stems.add(own)
            stems.update(translations)
            if token not in STOPWORDS:
                sequence.append(own)
            if own not in self._ignored and token not in self._ignored:
                # what is asked (fee, hours ...) says nothing about which service: every standard
                # has a fee, so those words only add noise to BM25
                terms.append(own)
                terms.extend(t for t in translations if t not in self._ignored)
            if (
                own not in self._ignored
                and token not in self._ignored
                and not token.isdigit()
                and len(token) > 1
            ):
                content.append((own, translations))
        return QueryTerms(terms, frozenset(stems), tuple(sequence), content)

    def content_tokens(self, question: str) -> list[str]:
        return [word for word, _ in self.analyse(question).content]

    def _alias_scores(self, query: QueryTerms) -> dict[str, float]:
        best: dict[str, float] = {}
        joined = " " + " ".join(query.sequence) + " "
        for phrase, (ordered, owners) in self._phrases.items():
            if phrase <= query.stems:
                mass = sum(self._alias_idf.get(t, self.alias_full_mass) for t in phrase)
                mass /= max(self.alias_full_mass, 1e-9)  # 1.0 = as specific as a unique word
                if len(ordered) > 1 and f" {' '.join(ordered)} " not in joined:
                    mass *= SCATTERED_FACTOR
                for service_id, factor in owners.items():
                    best[service_id] = max(best.get(service_id, 0.0), mass * factor)
        return best

    def _word_weight(self, word: str, translations: tuple[str, ...]) -> float:
        known = [self._idf[t] for t in (word, *translations) if t in self._idf]
        return min(known) if known else self._unknown_idf

    def score(self, question: str) -> list[LexicalScore]:
        """Every target with a signal, best alias then BM25 first."""
        query = self.analyse(question)
        alias = self._alias_scores(query)
        scores = (
            self._bm25.get_scores(query.bm25_terms)
            if query.bm25_terms
            else [0.0] * len(self.targets)
        )
        unique_content = list(dict.fromkeys(query.content))
        weights = [self._word_weight(w, tr) for w, tr in unique_content]
        total = sum(weights)
        out: list[LexicalScore] = []
        for index, target in enumerate(self.targets):
            bm25 = float(scores[index])
            a = alias.get(target.key, 0.0)
            if bm25 <= 0 and a <= 0:
                continue
            bag = self._bags[index]
            covered = sum(
                weight
                for (word, translations), weight in zip(unique_content, weights, strict=True)
                if word in bag or any(t in bag for t in translations)
            )
            coverage = covered / total if total > 0 else 0.0
            out.append(LexicalScore(target, bm25, a, coverage))
        out.sort(key=lambda s: (s.alias, s.bm25), reverse=True)
        return out
