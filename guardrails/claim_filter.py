"""A learned second reader for the violations the rules find.

The rules in ``claims.py`` and ``check.py`` decide what a claim is and whom it is about; on text
written by people they have not seen, some of their violations are totals, other parties'
prices or times that are not the completion time. This module turns one candidate violation into
sparse features (the words around the claim and the rules' word lists they belong to, how it was
attributed, how far its value is from the promise, whether the answer also states the promise,
where the claim sits in the text) and scores them with a logistic model trained on labelled
answers (``bench/train_claim_filter.py`` writes ``claim_filter_model.py``). The words of one
organisation do not recur in the next; the word classes and the structure do, and they carry
most of what the filter does on folders it has not seen.
A violation whose probability is below the model's threshold is dropped. Pure code: the weights
are a Python literal.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from guardrails import claims as _lexicon
from guardrails.text import CLAUSE_CONJUNCTIONS, NEGATORS, Token

__all__ = ["CandidateContext", "ClaimFilter", "Reader", "SplitFilter", "candidate_features"]

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
    blocked: str = ""  # the rule that set the claim aside (soft extraction), "" for a claim


# Closed word classes of the rules (the same lists in any folder): a word seen near a claim in
# one organisation's text says the same in the next ("berlaku" is validity everywhere).
_CLASS_LISTS = [
    "FINE_WORDS",
    "PARTY_WORDS",
    "ANCILLARY_WORDS",
    "DESK_WORDS",
    "RETENTION_WORDS",
    "COMPLETION_WORDS",
    "VALIDITY_WORDS",
    "AGE_WORDS",
    "EVENT_WORDS",
    "EVENT_LINKS",
    "DEADLINE_WORDS",
    "CONDITION_WORDS",
    "QUEUE_WORDS",
    "WAITING_WORDS",
    "APPOINTMENT_WORDS",
    "OPEN_WORDS",
    "CLOSED_WORDS",
    "CONDITIONAL_WORDS",
    "TOUT_WORDS",
    "BRIBE_NOUNS",
    "FREE_WORDS",
    "REFUND_WORDS",
    "PICKUP_WORDS",
    "APPROXIMATION_WORDS",
    "EXCLUSIVE_WORDS",
    "EVENT_CONTEXT_WORDS",
    "PAST_AFTER",
    "BEFORE_AFTER",
    "COMPARATIVE_BEFORE",
    "REQUEST_WORDS",
    "WARNING_WORDS",
    "DOCUMENT_WORDS",
    "REPORT_WORDS",
    "TRADE_WORDS",
    "ACTIVITY_WORDS",
    "SEPARATE_WORDS",
    "FREQUENCY_BEFORE",
    "FREQUENCY_AFTER",
    "UNTIL_WORDS",
    "HOLIDAY_WORDS",
    "CUTOFF_WORDS",
    "SERVICE_VERBS",
    "STRONG_COMPLETION_WORDS",
    "REASON_WORDS",
    "GOODS_UNITS",
    "OTHER_PLACES",
    "THRESHOLD_WORDS",
]


def _word_classes() -> dict[str, tuple[str, ...]]:
    classes: dict[str, list[str]] = {}
    lists: list[tuple[str, frozenset[str]]] = [
        (name, getattr(_lexicon, name)) for name in _CLASS_LISTS
    ]
    lists += [("NEGATORS", NEGATORS), ("CONJ", CLAUSE_CONJUNCTIONS)]
    for name, words in lists:
        for word in words:
            classes.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in classes.items()}


_WORD_CLASSES = _word_classes()


def _word(token: Token) -> str | None:
    if token.kind == "word":
        return token.low
    if token.low in _SYMBOLS:
        return token.low
    if token.kind == "num":
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
    """Sparse string features of one candidate violation; a claim the rules set aside also gets
    each feature again under its field, so the rescue model learns what every field shares and
    where one differs (an hours claim the question asks about is not an amount it asks about)."""
    features = _features(tokens, context, question)
    if context.blocked and context.field in AUGMENTED_FIELDS:
        prefix = f"{context.field}|"
        features += [prefix + feature for feature in features]
    return features


AUGMENTED_FIELDS = frozenset({"hours"})


def _features(
    tokens: Sequence[Token], context: CandidateContext, question: Sequence[Token]
) -> list[str]:
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
    if context.given and (context.agrees_other or context.agrees_named_other):
        # a value another service keeps is still the given service's claim more often than not
        # ("pelatihan 100rb, sama kayak sewa perontok"): the pair, which no two weights sum to
        features.append("a:agrees_other:given")
    if context.blocked:
        features.append("b:any")
        features.append(f"b:{context.blocked}")
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
    classes = _WORD_CLASSES
    for j in range(lo, context.start):
        word = _word(tokens[j])
        if word is not None:
            features.append(f"L:{word}")
            features.extend(f"WL:{c}" for c in classes.get(word, ()))
            if j >= context.start - 2:
                features.append(f"L2:{word}")
                features.extend(f"WL2:{c}" for c in classes.get(word, ()))
    for j in range(context.start, min(context.end, len(tokens))):
        word = _word(tokens[j])
        if word is not None:
            features.append(f"I:{word}")
    for j in range(context.end, hi):
        word = _word(tokens[j])
        if word is not None:
            features.append(f"R:{word}")
            features.extend(f"WR:{c}" for c in classes.get(word, ()))
            if j < context.end + 2:
                features.append(f"R2:{word}")
                features.extend(f"WR2:{c}" for c in classes.get(word, ()))
    seen: set[str] = set()
    for token in tokens:
        if token.clause == clause and token.kind == "word" and token.low not in seen:
            seen.add(token.low)
            features.append(f"C:{field}:{token.low}")
            features.extend(f"WC:{field}:{c}" for c in classes.get(token.low, ()))
    # Where the claim sits and in what kind of text (structure, the same in any folder), read in
    # the body: greetings, thanks and wishes before and after it change nothing
    body_start, body_end, words = _body(tokens)
    features.append(f"x:sent:{min(max(0, sentence - body_start), 2)}")
    if sentence == body_end and sentence > body_start:
        features.append("x:last_sentence")
    features.append(
        SHORT_ANSWER
        if words < 12
        else "x:len:1"
        if words < 30
        else "x:len:2"
        if words < 60
        else "x:len:3"
    )
    first = tokens[anchor.clause_start].low
    if first in _lexicon.CONDITIONAL_WORDS:
        features.append(f"x:{field}:conditional")
    if any(
        tokens[j].low in NEGATORS
        for j in range(max(anchor.clause_start, context.start - 3), context.start)
    ):
        features.append(f"x:{field}:negated")
    opened = False
    for j in range(context.start - 1, -1, -1):
        if tokens[j].sentence != sentence or tokens[j].low == ")":
            break
        if tokens[j].low == "(":
            opened = True
            break
    if opened:
        features.append(f"x:{field}:in_brackets")
    values = {t.low for t in tokens[context.start : context.end] if t.kind == "num"}
    if values and any(t.kind == "num" and t.low in values for t in question):
        features.append(f"x:{field}:value_in_question")
    asked: set[str] = set()
    for token in question:
        if token.kind == "word" and token.low not in asked:
            asked.add(token.low)
            features.append(f"Q:{token.low}")
    return features


def _body(tokens: Sequence[Token]) -> tuple[int, int, int]:
    """The first and last sentence that state something a promise can be checked against (a
    number that numbers no counter, a day, a service's name, a free or rupiah word), and the
    words from one to the other: courtesy around them ("Selamat pagi Bapak/Ibu.", "Semoga
    membantu.") is not the body."""
    first = last = -1
    for i, token in enumerate(tokens):
        low = token.low
        if (
            (token.kind == "num" and not (i and tokens[i - 1].low in _lexicon.COUNTER_WORDS))
            or token.mention
            or low in _lexicon.DAY_WORDS
            or low in _CHECKABLE_WORDS
        ):
            if first < 0:
                first = token.sentence
            last = token.sentence
    if first < 0:
        first, last = 0, tokens[-1].sentence
    words = sum(1 for t in tokens if t.kind == "word" and first <= t.sentence <= last)
    return first, last, words


_CHECKABLE_WORDS = _lexicon.FREE_WORDS | {"rp", "idr", "rupiah"}
# The feature of an answer whose body is under 12 words: a short reply, read by its own model
SHORT_ANSWER = "x:len:0"


class Reader(Protocol):
    """What the checker asks of a learned reader."""

    def probability(self, features: Sequence[str]) -> float: ...

    def keeps(self, features: Sequence[str]) -> bool: ...


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


class SplitFilter:
    """Two claim filters by the length of the answer's body: short replies (officer chat, where
    the team's table tests and the first labelled sets speak) read by one, longer answers by the
    other (trained on every labelled set)."""

    __slots__ = ("long", "short")

    def __init__(self, short: ClaimFilter, long: ClaimFilter) -> None:
        self.short = short
        self.long = long

    def model(self, features: Sequence[str]) -> ClaimFilter:
        return self.short if SHORT_ANSWER in features else self.long

    def probability(self, features: Sequence[str]) -> float:
        return self.model(features).probability(features)

    def keeps(self, features: Sequence[str]) -> bool:
        return self.model(features).keeps(features)
