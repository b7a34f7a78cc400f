"""A learned second reader for the violations the rules find.

The rules in ``claims.py`` and ``check.py`` decide what a claim is and whom it is about; on text
written by people they have not seen, some of their violations are totals, other parties'
prices or times that are not the completion time. This module turns one candidate violation into
sparse features (the words around the claim, how it was attributed, how far its value is from
the promise, whether the answer also states the promise) and scores them with a logistic model
trained on labelled answers (``bench/train_claim_filter.py`` writes ``claim_filter_model.py``).
A violation whose probability is below the model's threshold is dropped. Pure code: the weights
are a Python literal.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from guardrails.text import Token

__all__ = ["CandidateContext", "ClaimFilter", "candidate_features"]

_WINDOW = 6
# Tokens that carry meaning around numbers besides words ("2x350k", "= 1.2jt", "+ 20rb", "/bulan").
_SYMBOLS = frozenset({"x", "=", "+", "/", "%", "?", "(", ")", ":", "-", "~"})


@dataclass(frozen=True, slots=True)
class CandidateContext:
    """What the checker knew when it found a violation."""

    field: str  # fee | duration | hours
    kind: str  # the claim's kind: fee:amount, fee:free, fee:charged, duration:<unit>, hours:<kind>
    start: int  # the claim's first token
    end: int  # one past its last token
    ratio: float | None  # claimed value / promised value (fee, duration); None for hours
    given: bool  # the owner is the service the caller gave
    asked: bool  # the owner is a service the question names
    named_in_clause: bool  # a mention of the owner sits in the claim's clause
    named_in_sentence: bool
    services_named: int  # distinct services named in the answer
    promise_stated: bool  # another claim of the same field and owner agrees with the promise
    free_promise: bool  # the owner's fee promise is free
    # Structure that carries over to folders never seen (no words of one organisation):
    agrees_other: bool = False  # the claimed value keeps another service's promise
    other_in_clause: bool = False  # another service is named in the claim's clause
    other_in_sentence: bool = False
    owner_named: bool = False  # the owner is named anywhere in the answer
    field_asked: bool = False  # the question asks about this field
    agrees_named_other: bool = False  # ... keeps the promise of another service the text names


def _word(token: Token) -> str | None:
    if token.kind == "word":
        return token.low
    if token.low in _SYMBOLS:
        return token.low
    if token.kind == "number":
        return "<num>"
    return None


def _bucket(ratio: float) -> str:
    if ratio <= 0:
        return "0"
    step = math.log2(ratio)
    if step < -1:
        return "<<"
    if step < 0:
        return "<"
    if step < 1:
        return "1-2"
    if step < 2:
        return "2-4"
    if step < 4:
        return "4-16"
    return ">16"


def candidate_features(
    tokens: Sequence[Token], context: CandidateContext, question: Sequence[Token] = ()
) -> list[str]:
    """Sparse string features of one candidate violation."""
    field = context.field
    features = [f"f:{field}", f"k:{context.kind}"]
    if context.ratio is not None:
        features.append(f"r:{field}:{_bucket(context.ratio)}")
    for name, value in (
        ("given", context.given),
        ("asked", context.asked),
        ("in_clause", context.named_in_clause),
        ("in_sentence", context.named_in_sentence),
        ("promise_stated", context.promise_stated),
        ("free_promise", context.free_promise),
        ("agrees_other", context.agrees_other),
        ("other_in_clause", context.other_in_clause),
        ("other_in_sentence", context.other_in_sentence),
        ("owner_named", context.owner_named),
        ("field_asked", context.field_asked),
        ("agrees_named_other", context.agrees_named_other),
    ):
        if value:
            features.append(f"a:{name}")
            features.append(f"a:{field}:{name}")
    features.append(f"n:{min(context.services_named, 3)}")
    if not tokens:
        return features
    anchor = tokens[min(context.start, len(tokens) - 1)]
    sentence = anchor.sentence
    clause = anchor.clause
    lo = context.start
    steps = 0
    while lo > 0 and steps < _WINDOW and tokens[lo - 1].sentence == sentence:
        lo -= 1
        steps += 1
    hi = context.end
    steps = 0
    while hi < len(tokens) and steps < _WINDOW and tokens[hi].sentence == sentence:
        hi += 1
        steps += 1
    for j in range(lo, context.start):
        word = _word(tokens[j])
        if word is not None:
            features.append(f"L:{word}")
            if j >= context.start - 2:
                features.append(f"L2:{word}")
    for j in range(context.start, min(context.end, len(tokens))):
        word = _word(tokens[j])
        if word is not None:
            features.append(f"I:{word}")
    for j in range(context.end, hi):
        word = _word(tokens[j])
        if word is not None:
            features.append(f"R:{word}")
            if j < context.end + 2:
                features.append(f"R2:{word}")
    seen: set[str] = set()
    for token in tokens:
        if token.clause == clause and token.kind == "word" and token.low not in seen:
            seen.add(token.low)
            features.append(f"C:{field}:{token.low}")
    asked: set[str] = set()
    for token in question:
        if token.kind == "word" and token.low not in asked:
            asked.add(token.low)
            features.append(f"Q:{token.low}")
    return features


class ClaimFilter:
    """Logistic scoring of candidate features; ``keeps`` is True when the violation stands."""

    __slots__ = ("bias", "threshold", "weights")

    def __init__(self, weights: Mapping[str, float], bias: float, threshold: float) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold

    def probability(self, features: Sequence[str]) -> float:
        weights = self.weights
        score = self.bias + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def keeps(self, features: Sequence[str]) -> bool:
        return self.probability(features) >= self.threshold
