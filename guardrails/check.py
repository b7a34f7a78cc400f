"""Check an answer against the promises of the service standards.

Rules (see docs/guardrails.md):
- fee: a stated amount must be one of the promised amounts (any positive amount contradicts a
  free service, "gratis" contradicts a paid one). A total that is a stated multiple of a promised
  amount ("untuk tiga orang jadi Rp 240.000") is fine. When a fee variant is named right next to
  the amount, the amount must be that variant's.
- duration: a completion time longer than the promised maximum contradicts; shorter is fine.
  Working days against working days compare the numbers; otherwise the claim's shortest calendar
  reading must exceed the promise's longest (N working days = N x 7/5 calendar days).
- hours: a day or time outside the promised hours contradicts, and so does a window narrower
  than promised (an opening time later, or a closing time earlier, than advertised).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from guardrails import claim_filter_model
from guardrails.attribution import (
    COMMON_CLAIM_WORDS,
    GENERIC_SERVICE_WORDS,
    Attributor,
    Mention,
    ServiceIndex,
    resolve,
    sentences_about_all,
    service_phrases,
    variant_key,
)
from guardrails.claim_filter import (
    CandidateContext,
    ClaimFilter,
    Reader,
    SplitFilter,
    candidate_features,
)
from guardrails.claims import (
    ANCILLARY_WORDS,
    CHANNEL_PLACES,
    EVENING_PERIODS,
    FEE_WORDS,
    FILLERS,
    OTHER_PLACES,
    PARTY_WORDS,
    THRESHOLD_WORDS,
    DurationClaim,
    FeeClaim,
    HoursClaim,
    billed_amounts,
    extract_claims,
    question_kinds,
    quoted_durations,
    sentence_spans,
    stated_amounts,
    stated_counts,
)
from guardrails.numbers import format_rupiah
from guardrails.promises import OpeningHours, ServiceStandard, variant_label
from guardrails.text import Token, is_negated, tokenize

__all__ = ["Candidate", "PromiseChecker", "Verdict", "Violation", "check"]


@dataclass(frozen=True)
class Violation:
    service_id: str
    field: str  # "fee" | "duration" | "hours"
    promised: str  # e.g. "gratis", "5 hari kerja", "Senin-Jumat 08.00-15.00"
    claimed: str  # e.g. "Rp 50.000", "2 minggu", "Sabtu"


@dataclass(frozen=True)
class Verdict:
    verdict: str  # "ok" | "contradiction"
    violations: tuple[Violation, ...] = ()
    explanation: str | None = None  # one Indonesian sentence for staff; None when ok

    @property
    def ok(self) -> bool:
        return self.verdict == "ok"

    def to_dict(self) -> dict[str, object]:
        return {
            "verdict": self.verdict,
            "violations": [
                {
                    "service_id": v.service_id,
                    "field": v.field,
                    "promised": v.promised,
                    "claimed": v.claimed,
                }
                for v in self.violations
            ],
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """A violation the rules found, with what the claim filter reads about it."""

    violation: Violation
    tokens: list[Token]
    question: list[Token]
    context: CandidateContext

    def features(self) -> list[str]:
        return candidate_features(self.tokens, self.context, self.question)


OK = Verdict("ok")
DEFAULT_FILTER = SplitFilter(
    ClaimFilter(
        claim_filter_model.SHORT_WEIGHTS,
        claim_filter_model.SHORT_BIAS,
        claim_filter_model.SHORT_THRESHOLD,
    ),
    ClaimFilter(claim_filter_model.WEIGHTS, claim_filter_model.BIAS, claim_filter_model.THRESHOLD),
)
# The second model: which amounts, durations and hours the rules set aside are claims after all
DEFAULT_RESCUE = ClaimFilter(
    claim_filter_model.RESCUE_WEIGHTS,
    claim_filter_model.RESCUE_BIAS,
    claim_filter_model.RESCUE_THRESHOLD,
)
# The rescue model at a higher bar, for a claim no name attributes (its service is a guess)
DEFAULT_GUESS = ClaimFilter(
    claim_filter_model.RESCUE_WEIGHTS,
    claim_filter_model.RESCUE_BIAS,
    claim_filter_model.GUESS_THRESHOLD,
)
WORKING_DAYS_TOLERANCE = 1.10
GUESSED = "o_"  # the code of a claim whose service is a guess starts so
_STEM = 5  # letters of a name word compared when guessing an unnamed service ("traktoran")
# Hours claims that state the promised times when they keep them; a day that is open or a slot
# inside the hours states none ("kamis jam 22.00-23.00 masih kosong" names an open day, and
# breaks the hours)
_STATES_THE_HOURS = frozenset({"range", "open_at", "close_at", "always_open"})

_FIELD_WORDS = {"fee": "biaya", "duration": "waktu penyelesaian", "hours": "jam layanan"}
_ADJACENT_FILLERS = (FILLERS | FEE_WORDS | {":", "-", "=", "(", ")", "nya"}) - {
    "dan",
    "atau",
    "and",
    "or",
    "untuk",
    "for",
    "buat",
    "bagi",
}
# Hours claims that say the desk is open on their days ("Jumat tutup jam 11.30": open Friday).
_OPEN_ON_ITS_DAYS = frozenset(
    {
        "open_days",
        "every_day",
        "range",
        "always_open",
        "window",
        "open_at",
        "close_at",
        "point",
        "open_period",
        "only_period",
    }
)
_AFTER_LINKS = frozenset({"untuk", "for", "buat", "bagi", "(", "-", ":"})
_VARIANT_GENERIC = frozenset(
    {"dengan", "tanpa", "untuk", "per", "maks", "orang", "hari", "jam", "sesi", "dan", "atau"}
)


class _Service:
    """A standard with what checking needs precomputed (variant names, promise texts)."""

    __slots__ = (
        "fee_text",
        "fee_variants",
        "hours_text",
        "labels",
        "name_words",
        "own_ancillary",
        "standard",
        "variant_markers",
        "variant_words",
    )

    def __init__(self, standard: ServiceStandard) -> None:
        self.standard = standard
        promises = standard.promises
        self.fee_text = promises.fee.describe("id") if promises.fee is not None else ""
        self.hours_text = promises.hours.describe("id") if promises.hours is not None else ""
        self.labels = (
            {key: variant_label(key) for key in promises.fee.amounts}
            if promises.fee is not None
            else {}
        )
        variants: list[tuple[tuple[str, ...], str, int]] = []
        fee = standard.promises.fee
        if fee is not None and len(fee.amounts) > 1:
            for variant, amount in fee.amounts.items():
                key = variant_key(variant)
                if key:
                    variants.append((key, variant, amount))
        self.fee_variants = tuple(variants)
        self.variant_words = frozenset(word for key, _, _ in variants for word in key)
        # Words of its own names that elsewhere mean an extra item ("legalisir" for "legalisir
        # arsip"): when this service is the topic, they name it.
        own = {word for phrase in service_phrases(standard) for word in phrase}
        # A word of one variant's name only, outside the service's names ("hilang" of
        # "penggantian kartu hilang"): a question that uses it asks about that variant.
        seen: dict[str, set[str]] = {}
        for key, variant, _amount in variants:
            for word in key:
                seen.setdefault(word, set()).add(variant)
        keys = {key for key, _, _ in variants}
        names = {
            word for phrase in service_phrases(standard) if phrase not in keys for word in phrase
        }
        key_of = {variant: key for key, variant, _amount in variants}
        self.variant_markers = {
            word: (next(iter(owners)), key_of[next(iter(owners))])
            for word, owners in seen.items()
            if len(owners) == 1
            and word not in names
            and len(word) >= 3
            and word.isalpha()
            and word not in _VARIANT_GENERIC
        }
        # Words of its names that, beside a claim, hint at it ("hand traktor 150rb/hari")
        self.name_words = frozenset(
            word
            for word in own - self.variant_words
            if len(word) >= 4
            and word.isalpha()
            and word not in GENERIC_SERVICE_WORDS
            and word not in COMMON_CLAIM_WORDS
        )
        own |= self.variant_words
        self.own_ancillary = frozenset(
            own & (ANCILLARY_WORDS | OTHER_PLACES | PARTY_WORDS | CHANNEL_PLACES)
            # a variant named by a word that elsewhere is a value ("booth premium")
            | (self.variant_words & THRESHOLD_WORDS)
        )


class PromiseChecker:
    """Compile once per knowledge base (name/alias matchers), then check many answers fast."""

    def __init__(
        self,
        standards: Iterable[ServiceStandard],
        *,
        claim_filter: Reader | None = DEFAULT_FILTER,
        rescue_filter: Reader | None = DEFAULT_RESCUE,
        guess_filter: Reader | None = DEFAULT_GUESS,
    ) -> None:
        """``claim_filter``: a learned second reader that may drop a violation the rules found
        (see claim_filter.py); None keeps every one. ``rescue_filter``: a second model that may
        keep an amount, duration or hours claim the rules set aside (it reads which rule set it
        aside); used only with a claim filter, None keeps none of them. ``guess_filter``: the
        same at a higher bar for a claim no name attributes, judged against the service it most
        likely speaks of; used only with both, None guesses no service."""
        listed = list(standards)
        self._claim_filter = claim_filter
        self._rescue_filter = rescue_filter if claim_filter is not None else None
        self._guess_filter = guess_filter if self._rescue_filter is not None else None
        self._services = {s.service_id: _Service(s) for s in listed}
        self._index = ServiceIndex(listed)
        # Stems of each service's distinctive name words, weighed by how few services share them:
        # a loose guess at the service of a claim nothing names ("rent the water pump")
        stems: dict[str, set[str]] = {}
        for service_id, service in self._services.items():
            for word in service.name_words:
                stems.setdefault(word[:_STEM], set()).add(service_id)
        self._stem_weights = {
            service_id: {
                stem: 1.0 / len(owners) for stem, owners in stems.items() if service_id in owners
            }
            for service_id in self._services
        }
        # Names of fee variants of two words or more ("jual beli", "rumah tinggal"), by first word:
        # their words belong to the service's vocabulary ("jual" there is no trade).
        self._variant_names: dict[str, list[tuple[str, ...]]] = {}
        for service in self._services.values():
            for key, _variant, _amount in service.fee_variants:
                if len(key) >= 2 and key not in self._variant_names.get(key[0], []):
                    self._variant_names.setdefault(key[0], []).append(key)

    def check(
        self, answer: str, *, service_id: str | None = None, question: str | None = None
    ) -> Verdict:
        candidates = self.candidates(answer, service_id=service_id, question=question)
        if not candidates:
            return OK
        claim_filter = self._claim_filter
        rescue_filter = self._rescue_filter
        unique: list[Violation] = []
        seen: set[tuple[str, str]] = set()
        for candidate in candidates:
            violation = candidate.violation
            key = (violation.service_id, violation.field)
            if key in seen:
                continue
            blocked = candidate.context.blocked
            reader = (
                claim_filter
                if not blocked
                else self._guess_filter
                if blocked.startswith(GUESSED)
                else rescue_filter
            )
            if reader is not None and not reader.keeps(candidate.features()):
                continue
            seen.add(key)
            unique.append(violation)
        if not unique:
            return OK
        return Verdict("contradiction", tuple(unique), self._explain(unique))

    def candidates(
        self, answer: str, *, service_id: str | None = None, question: str | None = None
    ) -> list[Candidate]:
        """Every violation the rules find, in order, before the claim filter and before
        duplicates of one (service, field) are merged."""
        if not answer or not answer.strip():
            return []
        if service_id is not None and service_id not in self._services:
            service_id = None
        tokens = tokenize(answer)
        qkinds: frozenset[str] = frozenset()
        question_services: list[str] = []
        named_in_full = 0  # services the question names by a full name or alias
        q_tokens: list[Token] = []
        # words of the question's names, echoed alone in the answer ("uji beton" - "Beton 75rb")
        echoes: dict[str, set[str]] = {}
        if question:
            q_tokens = tokenize(question)
            qkinds = question_kinds(q_tokens)
            q_mentions = self._index.mentions(q_tokens)
            taken = frozenset(i for m in q_mentions for i in range(m.start, m.end))
            named_in_full = len({s for m in q_mentions for s in m.candidates})
            loose_q = [
                m
                for m in self._index.loose_mentions(q_tokens, taken)
                if _another_service_asked(q_tokens, q_mentions, m)
            ]
            for mention in [*q_mentions, *loose_q]:
                chosen = resolve(mention.candidates, [service_id] if service_id else [])
                if chosen is not None and chosen not in question_services:
                    question_services.append(chosen)
                if chosen is not None:
                    for token in q_tokens[mention.start : mention.end]:
                        if (
                            token.kind == "word"
                            and len(token.low) >= 4
                            and token.low not in COMMON_CLAIM_WORDS
                        ):
                            echoes.setdefault(token.low, set()).add(chosen)
        mentions = self._index.mentions(tokens)
        mention_tokens = frozenset(i for m in mentions for i in range(m.start, m.end))
        for i in mention_tokens:
            tokens[i].mention = True
        # Words of service names next to a mention ("izin tebang" + "pohon") are part of it.
        vocabulary = self._index.vocabulary
        for m in mentions:
            j = m.end
            while j < len(tokens) and tokens[j].kind == "word" and tokens[j].low in vocabulary:
                tokens[j].mention = True
                j += 1
        topics = [s for s in (service_id, *question_services) if s]
        own_words = frozenset(
            word for topic in topics for word in self._services[topic].own_ancillary
        )
        if own_words:
            for token in tokens:
                if token.low in own_words:
                    token.mention = True
        if self._variant_names:
            lowered = answer.lower()
            if any(first in lowered for first in self._variant_names):
                self._mark_variant_names(tokens)
        sentences = sentence_spans(tokens)
        # With the rescue model, the amounts, durations and hours the rules set aside are kept too,
        # marked with why: it may keep one ("KK baru aktif 2 minggu lagi" is a completion time
        # whatever "lagi" suggests)
        soft = self._rescue_filter is not None
        claims = extract_claims(tokens, qkinds, mention_tokens, sentences, soft=soft)
        if not claims:
            return []
        # What the question says about fees, read only when the answer makes a fee claim: the
        # variant it asks about, and counts the answer may total ("saya bawa 3 surat kuasa").
        asked_variants: dict[str, str] = {}
        asked_counts: frozenset[int] = frozenset()
        if q_tokens and any(isinstance(c, FeeClaim) for c in claims):
            asked_variants = self._asked_variants(q_tokens, topics)
            asked_counts = stated_counts(q_tokens, 0, len(q_tokens), (0, 0))
        violations: list[Violation] = []
        origins: dict[int, tuple[FeeClaim | DurationClaim | HoursClaim, str]] = {}
        agreeing: set[tuple[str, str]] = set()  # (owner, field) of claims within the promise
        open_days_by_service: dict[str, set[int]] = {}
        spans: list[tuple[HoursClaim, str]] = []
        loose: list[Mention] = []
        if service_id is None or named_in_full > 1:
            # A service named only by a distinctive word; when the question names services,
            # only those (also beside a given service when the question names several).
            found = self._index.loose_mentions(
                tokens, mention_tokens, short=bool(question_services)
            )
            if len(question_services) > 1 and echoes:
                seen = {m.start for m in found}
                found.extend(
                    Mention(frozenset(echoed), t.index, t.index + 1, True, t.sentence, t.clause)
                    for t in tokens
                    if t.index not in mention_tokens
                    and t.index not in seen
                    and len(echoed := echoes.get(t.low, set())) == 1
                )
                found.sort(key=lambda m: m.start)
            # Two distinctive words in a row ("calon pengantin") name their service even when
            # the question named another.
            paired = {
                id(m)
                for a, b in pairwise(found)
                if b.start == a.end and a.candidates == b.candidates
                for m in (a, b)
            }
            loose = [
                m
                for m in found
                if not question_services or m.candidates & set(question_services) or id(m) in paired
            ]
            # "pelatihan damkar sekalian refill APAR?" - "Pelatihan 150rb, refill 140rb": a word
            # of an asked service's own name that elsewhere means an extra item names it here
            for topic in question_services:
                words = self._services[topic].own_ancillary
                loose.extend(
                    Mention(frozenset({topic}), t.index, t.index + 1, True, t.sentence, t.clause)
                    for t in tokens
                    if t.low in words and t.index not in mention_tokens
                )
            loose.sort(key=lambda m: m.start)
        attributor = Attributor(
            tokens,
            mentions,
            service_id=service_id,
            question_services=question_services,
            loose=loose,
        )
        topics_named = [*topics, *(s for _, s in attributor.strong if s not in topics)]
        # (the value a question may have quoted, owner, violation) per fee and duration claim
        fee_results: list[tuple[int | None, str, Violation | None]] = []
        duration_results: list[tuple[int | None, str, Violation | None]] = []
        about_all = sentences_about_all(tokens) if topics_named else frozenset()
        joined = _joined_subjects(tokens, attributor.strong)
        by_question: list[tuple[str, str, Violation]] = []  # (owner, variant asked, violation)
        for claim in claims:
            owner = attributor.owner(claim.index)
            if isinstance(claim, FeeClaim) and len(topics_named) > 1:
                owner = self._owner_by_variant(claim, owner, topics_named, tokens, attributor)
            owners = [owner] if owner is not None and owner in self._services else []
            sentence = tokens[claim.index].sentence
            if sentence in about_all:
                # "both" means the services asked about or named in that sentence ("both with
                # operator" of two tractors names no second service)
                near = [*topics, *(s for m, s in attributor.strong if m.sentence == sentence)]
                if len(set(near)) > 1:
                    owners += [s for s in near if s not in owners and s in self._services]
            pair = joined.get(sentence)
            if pair is not None and owners and owners[0] in pair:
                # "Uji pertama dan uji berkala dapat dilakukan Senin-Sabtu": said of both
                owners += [s for s in sorted(pair) if s not in owners and s in self._services]
            if not owners and self._guess_filter is not None and not claim.blocked:
                # nothing names the claim's service: a guess for the rescue model, marked how
                # many services' promises it breaks and whether the words hint at the one chosen
                guess = self._guess_owner(
                    claim, tokens, q_tokens, sentences, mentions, asked_counts
                )
                if guess is not None:
                    claim, owner = replace(claim, blocked=guess[1]), guess[0]
                    owners = [owner]
            for owner in owners:
                service = self._services[owner]
                if claim.blocked:
                    # set aside by the rules: a candidate for the rescue model, agreeing with
                    # nothing and correcting nothing
                    violation = self._check(
                        claim, service, tokens, sentences, mentions, asked_counts
                    )
                    if violation is not None:
                        violations.append(violation)
                        origins[id(violation)] = (claim, owner)
                    continue
                if isinstance(claim, FeeClaim):
                    violation = self._check_fee(
                        claim, service, tokens, sentences, mentions, asked_counts
                    )
                    asked = asked_variants.get(owner)
                    if violation is None and asked is not None:
                        violation = _breaks_asked_variant(claim, service, asked, tokens, sentences)
                        if violation is not None:
                            by_question.append((owner, asked, violation))
                    fee_results.append((claim.amount, owner, violation))
                elif isinstance(claim, DurationClaim):
                    violation = self._check_duration(claim, service)
                    minutes = round(claim.duration.min_calendar_minutes())
                    duration_results.append((minutes, owner, violation))
                else:
                    if claim.kind in _OPEN_ON_ITS_DAYS and claim.days:
                        open_days_by_service.setdefault(owner, set()).update(claim.days)
                    if claim.kind == "day_span":
                        spans.append((claim, owner))
                        continue
                    violation = self._check_hours(claim, service)
                if violation is not None and self._agrees_with_another(
                    claim, owner, attributor, tokens, sentences, mentions
                ):
                    violation = None
                if violation is not None:
                    violations.append(violation)
                    origins[id(violation)] = (claim, owner)
                elif not isinstance(claim, HoursClaim) or claim.kind in _STATES_THE_HOURS:
                    agreeing.add((owner, claim.field))
        for claim, owner in spans:
            hours = self._services[owner].standard.promises.hours
            if hours is None:
                continue
            claimed = open_days_by_service.get(owner, set())
            missing = hours.open_days - claimed
            if missing and not any(
                v.service_id == owner and v.field == "hours" and not origins[id(v)][0].blocked
                for v in violations
            ):
                violation = Violation(owner, "hours", hours.describe("id"), claim.text)
                violations.append(violation)
                origins[id(violation)] = (claim, owner)
        for owner, asked, violation in by_question:
            # "kalau hilang 25rb": the variant asked is priced right elsewhere in the answer
            expected = self._services[owner].standard.promises.fee
            if expected is not None and any(
                amount == expected.amounts[asked] and who == owner for amount, who, _ in fee_results
            ):
                violations = [v for v in violations if v is not violation]
        if q_tokens and any(v.field == "fee" for v in violations):
            question_amounts = stated_amounts(q_tokens)
            if question_amounts:
                violations = _without_corrected_quotes(violations, fee_results, question_amounts)
                billed = billed_amounts(q_tokens)
                if billed:
                    owed = {
                        id(v) for amount, _, v in fee_results if v is not None and amount in billed
                    }
                    violations = [v for v in violations if id(v) not in owed]
        if q_tokens and any(v.field == "duration" for v in violations):
            quoted = {round(d.min_calendar_minutes()) for d in quoted_durations(q_tokens)}
            if quoted:
                violations = _without_corrected_quotes(violations, duration_results, quoted)
        services_named = len({s for _, s in attributor.strong} | set(topics))
        return [
            Candidate(
                violation,
                tokens,
                q_tokens,
                self._context(
                    violation,
                    *origins[id(violation)],
                    qkinds=qkinds,
                    tokens=tokens,
                    attributor=attributor,
                    given=service_id,
                    asked=question_services,
                    services_named=services_named,
                    agreeing=agreeing,
                ),
            )
            for violation in violations
        ]

    def _context(
        self,
        violation: Violation,
        claim: FeeClaim | DurationClaim | HoursClaim,
        owner: str,
        *,
        qkinds: frozenset[str],
        tokens: list[Token],
        attributor: Attributor,
        given: str | None,
        asked: Sequence[str],
        services_named: int,
        agreeing: set[tuple[str, str]],
    ) -> CandidateContext:
        promises = self._services[owner].standard.promises
        ratio: float | None = None
        end = claim.index + 1
        if isinstance(claim, FeeClaim):
            kind = (
                "fee:charged"
                if claim.amount is None
                else "fee:free"
                if claim.amount == 0
                else "fee:amount"
            )
            end = claim.end
            top = max(promises.fee.values) if promises.fee is not None else 0
            if claim.amount and top:
                ratio = claim.amount / top
        elif isinstance(claim, DurationClaim):
            kind = f"duration:{claim.duration.unit}"
            end = claim.end
            if promises.duration is not None:
                ratio = claim.duration.min_calendar_minutes() / max(
                    1.0, promises.duration.max_calendar_minutes()
                )
        else:
            kind = f"hours:{claim.kind}"
        anchor = tokens[claim.index]
        in_clause = in_sentence = owner_named = other_clause = other_sentence = False
        others: set[str] = {service for service in asked if service != owner}
        for mention, service in (*attributor.strong, *attributor.loose):
            if service == owner:
                owner_named = True
                in_clause = in_clause or mention.clause == anchor.clause
                in_sentence = in_sentence or mention.sentence == anchor.sentence
            else:
                others.add(service)
                other_clause = other_clause or mention.clause == anchor.clause
                other_sentence = other_sentence or mention.sentence == anchor.sentence
        kept = self._promises_kept(claim, owner)
        return CandidateContext(
            field=violation.field,
            kind=kind,
            start=claim.index,
            end=end,
            ratio=ratio,
            given=owner == given,
            asked=owner in asked,
            named_in_clause=in_clause,
            named_in_sentence=in_sentence,
            services_named=services_named,
            promise_stated=(owner, violation.field) in agreeing,
            free_promise=promises.fee is not None and promises.fee.is_free,
            agrees_other=bool(kept),
            agrees_named_other=bool(kept & others),
            other_in_clause=other_clause,
            other_in_sentence=other_sentence,
            blocked=claim.blocked,
            owner_named=owner_named,
            field_asked=violation.field in qkinds,
        )

    def _check(
        self,
        claim: FeeClaim | DurationClaim | HoursClaim,
        service: _Service,
        tokens: list[Token],
        sentences: list[tuple[int, int]],
        mentions: list[Mention],
        asked_counts: frozenset[int],
    ) -> Violation | None:
        """The claim against one service's promise of its field, with no other claim read."""
        if isinstance(claim, FeeClaim):
            return self._check_fee(claim, service, tokens, sentences, mentions, asked_counts)
        if isinstance(claim, DurationClaim):
            return self._check_duration(claim, service)
        return self._check_hours(claim, service)

    def _guess_owner(
        self,
        claim: FeeClaim | DurationClaim | HoursClaim,
        tokens: list[Token],
        q_tokens: list[Token],
        sentences: list[tuple[int, int]],
        mentions: list[Mention],
        asked_counts: frozenset[int],
    ) -> tuple[str, str] | None:
        """The service a claim no name attributes most likely speaks of, among those whose
        promise it breaks, with a code: "o_all" when it breaks the promise of every service
        that makes one of its kind (any reading contradicts), "o_some" otherwise; "_hint" when
        words of the text share stems with the chosen service's names."""
        broken: list[str] = []
        promised = 0
        for service_id, service in self._services.items():
            promises = service.standard.promises
            value = getattr(promises, claim.field)
            if value is None:
                continue
            promised += 1
            if self._check(claim, service, tokens, sentences, mentions, asked_counts) is not None:
                broken.append(service_id)
        if not broken:
            return None
        stems = {
            t.low[:_STEM] for t in (*tokens, *q_tokens) if t.kind == "word" and len(t.low) >= 4
        }
        scores = {
            service_id: sum(
                w for stem, w in self._stem_weights[service_id].items() if stem in stems
            )
            for service_id in broken
        }
        best = max(broken, key=lambda service_id: scores[service_id])
        code = f"{GUESSED}all" if len(broken) == promised else f"{GUESSED}some"
        return best, code + ("_hint" if scores[best] > 0 else "")

    def _promises_kept(self, claim: FeeClaim | DurationClaim | HoursClaim, owner: str) -> set[str]:
        """The other services of the folder whose promise the claimed value keeps (a fee by its
        exact amount)."""
        kept: set[str] = set()
        for other, service in self._services.items():
            if other == owner:
                continue
            if isinstance(claim, FeeClaim):
                fee = service.standard.promises.fee
                if claim.amount and fee is not None and claim.amount in fee.values:
                    kept.add(other)
            elif self._keeps_time_promise(claim, service):
                kept.add(other)
        return kept

    def _owner_by_variant(
        self,
        claim: FeeClaim,
        owner: str | None,
        topics: Sequence[str],
        tokens: list[Token],
        attributor: Attributor,
    ) -> str | None:
        """ "kartu baru gratis, SKBP 10rb": an amount beside a fee variant's name belongs to the
        one service of the topic that has that variant, unless its clause names a service."""
        clause = tokens[claim.index].clause
        if any(m.clause == clause for m, _ in attributor.strong):
            return owner
        if (
            owner is not None
            and owner in self._services
            and _adjacent_variant(claim, self._services[owner], tokens) is not None
        ):
            return owner
        having = [
            topic
            for topic in topics
            if topic in self._services
            and _adjacent_variant(claim, self._services[topic], tokens) is not None
        ]
        return having[0] if len(having) == 1 else owner

    def _mark_variant_names(self, tokens: list[Token]) -> None:
        names = self._variant_names
        for i, token in enumerate(tokens):
            keys = names.get(token.low)
            if keys is None:
                continue
            for key in keys:
                end = i + len(key)
                if end <= len(tokens) and all(
                    tokens[i + o].low == word or tokens[i + o].stem == word
                    for o, word in enumerate(key)
                ):
                    for j in range(i, end):
                        tokens[j].mention = True
                    break

    # ------------------------------------------------------------------ fields

    def _agrees_with_another(
        self,
        claim: FeeClaim | DurationClaim | HoursClaim,
        owner: str,
        attributor: Attributor,
        tokens: list[Token],
        sentences: list[tuple[int, int]],
        mentions: Sequence[Mention],
    ) -> bool:
        """A claim that fell to ``owner`` without naming it in its clause, but keeps the promise
        of another service named in its sentence, speaks of that one ("MCU Rp450k already has
        blood routine; blood test alone is Rp65k" - the price of the blood test)."""
        anchor = tokens[claim.index]
        named = [*attributor.strong, *attributor.loose]
        if any(
            s == owner
            and m.clause == anchor.clause
            # "servis ringan traktor tangan": a name right beside another's is one phrase
            # about both, and the claim may be the other's
            and not any(
                (o.end == m.start or o.start == m.end) and t != owner for o, t in attributor.strong
            )
            for m, s in named
        ):
            return False
        others = {
            s
            for m, s in named
            if m.sentence == anchor.sentence and s != owner and not attributor.compared(m)
        }
        if isinstance(claim, FeeClaim) and claim.amount:
            # a word of another service's names in the claim's own clause
            clause_words = {
                t.low for t in tokens if t.clause == anchor.clause and t.kind == "word"
            } - self._services[owner].name_words
            others.update(
                other
                for other, service in self._services.items()
                if other != owner and service.name_words & clause_words
            )
        for other in others:
            service = self._services.get(other)
            if service is None:
                continue
            if isinstance(claim, FeeClaim):
                if claim.amount is None or service.standard.promises.fee is None:
                    continue
                agrees = self._check_fee(claim, service, tokens, sentences, mentions) is None
            else:
                agrees = self._keeps_time_promise(claim, service)
            if agrees:
                return True
        return False

    def _keeps_time_promise(self, claim: DurationClaim | HoursClaim, service: _Service) -> bool:
        """The duration or hours claimed keep ``service``'s promise (False when it has none)."""
        promises = service.standard.promises
        if isinstance(claim, DurationClaim):
            return promises.duration is not None and self._check_duration(claim, service) is None
        return promises.hours is not None and self._check_hours(claim, service) is None

    def _asked_variants(self, q_tokens: list[Token], topics: Sequence[str]) -> dict[str, str]:
        """The one fee variant the question names for each topic ("kartu saya hilang" asks the
        replacement price); none when it names two, or denies one ("bukan pelajar")."""
        asked: dict[str, str] = {}
        for topic in topics:
            service = self._services.get(topic)
            if service is None or not service.variant_markers:
                continue
            words = {t.low for t in q_tokens} | {t.stem for t in q_tokens}
            found: set[str] = set()
            for k, token in enumerate(q_tokens):
                marker = token.low if token.low in service.variant_markers else token.stem
                found_marker = service.variant_markers.get(marker)
                if found_marker is None or is_negated(q_tokens, k, 2):
                    continue
                variant, key = found_marker
                # "di tempat" alone is no "tempat ibadah sosial"; "kartu hilang", "umum",
                # "formalin" are
                if len(key) == 1 or len(marker) >= 7 or len(words & set(key)) >= 2:
                    found.add(variant)
            if len(found) == 1:
                asked[topic] = found.pop()
        return asked

    def _check_fee(
        self,
        claim: FeeClaim,
        service: _Service,
        tokens: list[Token],
        sentences: list[tuple[int, int]],
        mentions: Sequence[Mention],
        asked_counts: frozenset[int] = frozenset(),
    ) -> Violation | None:
        fee = service.standard.promises.fee
        if fee is None:
            return None
        values = fee.values
        promised = service.fee_text
        sid = service.standard.service_id
        if claim.amount is None:
            return Violation(sid, "fee", promised, "berbayar") if fee.is_free else None
        if claim.amount == 0:
            if 0 not in values:
                return Violation(sid, "fee", promised, "gratis")
            # "free for everyone" where only some variants are free
            if len(values) > 1 and _said_of_everyone(tokens, claim):
                return Violation(sid, "fee", promised, "gratis (semua)")
            # "kartu umum gratis" where only students' cards are free
            variant = _adjacent_variant(claim, service, tokens) or _sole_variant_before(
                claim, service, tokens
            )
            if variant is not None and fee.amounts[variant] > 0:
                return Violation(sid, "fee", promised, f"gratis ({service.labels[variant]})")
            return None
        amount = claim.amount
        s_start, s_end = next((s, e) for s, e in sentences if s <= claim.index < e)
        variant = _adjacent_variant(claim, service, tokens)
        if variant is not None:
            # The amount named with a variant must be that variant's (or a stated multiple of it).
            expected = fee.amounts[variant]
            if amount == expected or _stated_multiple(
                amount, (expected,), tokens, s_start, s_end, claim, asked_counts
            ):
                return None
            return Violation(
                sid, "fee", promised, f"{format_rupiah(amount)} ({service.labels[variant]})"
            )
        if amount in values or _stated_multiple(
            amount, values, tokens, s_start, s_end, claim, asked_counts
        ):
            return None
        # "2 dewasa dan 3 anak, total Rp 60.000", "2 jam futsal + 2 jam badminton = 420rb":
        # counted prices of this service and of the services named in the sentence
        priced = set(values)
        for mention in mentions:
            if mention.sentence == tokens[claim.index].sentence:
                for other in mention.candidates:
                    other_fee = self._services[other].standard.promises.fee
                    if other_fee is not None:
                        priced.update(other_fee.values)
        if _stated_combination(amount, priced, tokens, s_start, s_end, claim):
            return None
        return Violation(sid, "fee", promised, format_rupiah(amount))

    def _check_duration(self, claim: DurationClaim, service: _Service) -> Violation | None:
        promise = service.standard.promises.duration
        if promise is None:
            return None
        claimed = claim.duration
        if claimed.unit == "working_days" and promise.unit == "working_days":
            longer = claimed.amount > promise.amount + 1e-9
        elif promise.unit == "working_days":
            # N working days ~ N x 7/5 calendar days is an approximation: allow 10% for it
            # ("sebulan" for 21 hari kerja, "3 minggu" for 14 hari kerja are fine).
            limit = promise.max_calendar_minutes() * WORKING_DAYS_TOLERANCE
            longer = claimed.min_calendar_minutes() > limit + 1e-6
        else:
            longer = claimed.min_calendar_minutes() > promise.max_calendar_minutes() + 1e-6
        if not longer:
            return None
        return Violation(
            service.standard.service_id, "duration", promise.describe("id"), claim.text
        )

    def _check_hours(self, claim: HoursClaim, service: _Service) -> Violation | None:
        hours = service.standard.promises.hours
        if hours is None:
            return None
        if _hours_contradicts(claim, hours) and not _early_reading_fits(claim, hours):
            return Violation(service.standard.service_id, "hours", service.hours_text, claim.text)
        return None

    def _explain(self, violations: Sequence[Violation]) -> str:
        parts: list[str] = []
        for n, violation in enumerate(violations):
            name = self._services[violation.service_id].standard.name
            what = _FIELD_WORDS.get(violation.field, violation.field)
            if n == 0:
                parts.append(
                    f"Jawaban menyebut {what} {violation.claimed}, padahal Standar Pelayanan {name}: "
                    f"{violation.promised}"
                )
            else:
                same = violation.service_id == violations[0].service_id
                standard = "standarnya" if same else f"Standar Pelayanan {name}"
                parts.append(
                    f"{what} {violation.claimed}, padahal {standard}: {violation.promised}"
                )
        return "; juga ".join(parts) + "."


_AND_WORDS = frozenset(
    {"dan", "sama", "and", "&", "atau", "or", "sekalian", "plus", "serta", "juga", "+", ",", "also"}
)


_SUBJECT_LEADS = FILLERS | {"untuk", "utk", "layanan", "pelayanan", "the", "both", "baik"}


def _joined_subjects(
    tokens: list[Token], strong: Sequence[tuple[Mention, str]]
) -> dict[int, frozenset[str]]:
    """Sentences whose subject is two services joined by "dan/and" ("Uji pertama dan uji berkala
    dapat dilakukan ..."): what the sentence claims, it claims of both."""
    joined: dict[int, frozenset[str]] = {}
    ordered = sorted(strong, key=lambda ms: ms[0].start)
    for (first, one), (second, other) in pairwise(ordered):
        if one == other or first.clause != second.clause or second.start <= first.end:
            continue
        between = tokens[first.end : second.start]
        lead = tokens[tokens[first.start].clause_start : first.start]
        if (
            0 < len(between) <= 2
            and all(t.low in _AND_WORDS for t in between)
            # the pair opens its clause: "Sapi diperiksa dokter hewan dan SKKH selesai ..." no
            and all(t.kind == "punct" or t.low in _SUBJECT_LEADS for t in lead)
        ):
            joined[first.sentence] = joined.get(first.sentence, frozenset()) | {one, other}
    return joined


def _another_service_asked(tokens: list[Token], full: Sequence[Mention], loose: Mention) -> bool:
    """A distinctive word of the question names a service of its own when no full name is
    written, or when a conjunction separates it from every full name ("akta perkawinan sama cek
    catin"); "sertifikat laik laut perahu" is one service."""
    for mention in full:
        lo, hi = (
            (mention.end, loose.start) if mention.end <= loose.start else (loose.end, mention.start)
        )
        if not any(tokens[j].low in _AND_WORDS for j in range(lo, hi)):
            return False
    return True


def _without_corrected_quotes(
    violations: list[Violation],
    results: Sequence[tuple[int | None, str, Violation | None]],
    quoted: Collection[int],
) -> list[Violation]:
    """ "katanya 150rb?" - "yg 150rb itu tarif lama, skrg 250rb"; "katanya sebulan?" - "siapa yg
    bilang sebulan, paling lama 3 hari kerja": a value the citizen quoted, answered with one
    within the promise for the same service, is being corrected. ``results`` hold (the claim's
    amount or its minutes, owner, violation)."""
    kept_ok = {
        owner for value, owner, violation in results if violation is None and value is not None
    }
    echoes = {
        id(violation)
        for value, owner, violation in results
        if violation is not None and value in quoted and owner in kept_ok
    }
    return [v for v in violations if id(v) not in echoes]


def _stated_multiple(
    amount: int,
    values: Iterable[int],
    tokens: list[Token],
    start: int,
    end: int,
    claim: FeeClaim,
    asked_counts: frozenset[int] = frozenset(),
) -> bool:
    """``amount`` is k x a promised amount and k is written in the sentence ("untuk 3 orang"),
    or in the question when the answer gives it as a total ("3 surat kuasa?" - "masing2 10rb,
    jadi 30rb")."""
    candidates = [v for v in values if v > 0 and amount % v == 0 and amount // v > 1]
    if not candidates:
        return False
    counts = stated_counts(tokens, start, end, (claim.index, claim.end))
    if asked_counts and any(
        t.low in _TOTAL_WORDS for t in tokens[max(start, claim.index - 3) : claim.index]
    ):
        counts = counts | asked_counts
    return any(amount // v in counts for v in candidates)


def _stated_combination(
    amount: int,
    values: Iterable[int],
    tokens: list[Token],
    start: int,
    end: int,
    claim: FeeClaim,
) -> bool:
    """``amount`` = a x v1 + b x v2 with counts a, b written in the sentence (or 1)."""
    if not any(t.low in _TOTAL_WORDS for t in tokens[start:end]):
        return False  # only a total says so ("total", "jadi", "=", "so", "sehingga")
    prices = sorted({v for v in values if 0 < v < amount})
    stated = stated_counts(tokens, start, end, (claim.index, claim.end))
    if not prices or not stated:
        return False
    counts = sorted(stated | {1})
    for i, first in enumerate(prices):
        for second in prices[i + 1 :]:
            for a in counts:
                rest = amount - a * first
                if rest <= 0:
                    break
                if any(b * second == rest and (a in stated or b in stated) for b in counts):
                    return True
    return False


_TOTAL_WORDS = frozenset(
    {"total", "totalnya", "jadi", "jadinya", "=", "so", "sehingga", "semua", "semuanya", "sum"}
)


def _breaks_asked_variant(
    claim: FeeClaim,
    service: _Service,
    asked: str,
    tokens: list[Token],
    sentences: list[tuple[int, int]],
) -> Violation | None:
    """A fee given without naming a variant answers the variant the question asked about:
    "kartu saya hilang, bayar?" - "gratis kak" breaks the replacement price."""
    fee = service.standard.promises.fee
    if fee is None or claim.amount is None:
        return None
    clause_start = tokens[claim.index].clause_start
    clause_end = tokens[claim.index].clause_end
    if any(
        t.low in service.variant_words or t.stem in service.variant_words
        for t in tokens[clause_start:clause_end]
    ):
        return None  # the answer names a variant itself
    expected = fee.amounts[asked]
    amount = claim.amount
    if amount == expected:
        return None
    s_start, s_end = next((s, e) for s, e in sentences if s <= claim.index < e)
    if amount and _stated_multiple(amount, (expected,), tokens, s_start, s_end, claim):
        return None
    claimed = format_rupiah(amount) if amount else "gratis"
    return Violation(
        service.standard.service_id,
        "fee",
        service.fee_text,
        f"{claimed} ({service.labels[asked]})",
    )


def _sole_variant_before(claim: FeeClaim, service: _Service, tokens: list[Token]) -> str | None:
    """ "Pasien umum yang berobat di poli ... tidak dikenakan biaya": the one fee variant named
    earlier in the sentence is the one the claim is about."""
    if not service.fee_variants:
        return None
    sentence = tokens[claim.index].sentence
    start = claim.index
    while start > 0 and tokens[start - 1].sentence == sentence:
        start -= 1
    named: dict[str, int] = {}  # variant -> where its name ends
    for key, variant, _amount in service.fee_variants:
        length = len(key)
        for i in range(start, claim.index - length + 1):
            if all(
                tokens[i + o].low == key[o] or tokens[i + o].stem == key[o] for o in range(length)
            ):
                named[variant] = i + length
                break
    if len(named) != 1:
        return None
    ((variant, end),) = named.items()
    # "reguler Rp350.000 (gratis pada sidang keliling)", "..., sedangkan membaca di tempat
    # tidak dipungut biaya": a price of its own or a contrast in between speaks of another
    between = tokens[end : claim.index]
    if any(t.kind == "num" or t.low in _CONTRAST or t.low == "(" for t in between):
        return None
    return variant


_CONTRAST = frozenset(
    {"sedangkan", "sementara", "tetapi", "tapi", "namun", "while", "whereas", "but", "kecuali"}
)


_EVERYONE = frozenset(
    {"everyone", "everybody", "anyone", "semua", "semuanya", "siapapun", "siapa-siapa"}
)


_FOR_ALL = frozenset({"buat", "untuk", "utk", "bagi", "for", "ke"})


def _said_of_everyone(tokens: list[Token], claim: FeeClaim) -> bool:
    """ "it's free for everyone", "gratis buat semua": no variant is excepted."""
    clause_end = tokens[claim.index].clause_end
    for j in range(claim.end, min(clause_end, claim.end + 4)):
        low = tokens[j].low
        if (
            low in ("semua", "semuanya")
            and tokens[j - 1].low not in _FOR_ALL
            and (
                j + 1 >= clause_end or tokens[j + 1].kind == "punct" or tokens[j + 1].low in FILLERS
            )
        ):
            continue  # "Gratis semua (KPD baru)": all the services named; "semua pasien" is everyone
        if low in _EVERYONE:
            return True
        if low == "siapa" and j + 1 < clause_end and tokens[j + 1].low in ("saja", "aja", "pun"):
            return True
    return False


def _adjacent_variant(claim: FeeClaim, service: _Service, tokens: list[Token]) -> str | None:
    """The fee variant named right before or after an amount ("SIM C 80rb", "Rp 75.000 (SIM C)")."""
    if not service.fee_variants:
        return None
    window = tokens[max(0, claim.index - 6) : claim.end + 4]
    if not any(t.low in service.variant_words or t.stem in service.variant_words for t in window):
        return None
    # Clauses are contiguous runs of tokens: "every token in [a, b) lies in the amount's clause"
    # is a comparison with the clause's bounds.
    clause_start = tokens[claim.index].clause_start
    clause_end = tokens[claim.index].clause_end
    best: tuple[int, str] | None = None
    for key, variant, _amount in service.fee_variants:
        length = len(key)
        # before: the key ends within 3 filler tokens before the amount
        for end in range(claim.index, max(-1, claim.index - 4), -1):
            start = end - length
            if start < 0:
                break
            if start < clause_start:
                break
            between = tokens[end : claim.index]
            if all(t.low in _ADJACENT_FILLERS or t.low in (":", "-", "=") for t in between) and all(
                tokens[start + o].low == key[o] or tokens[start + o].stem == key[o]
                for o in range(length)
            ):
                distance = claim.index - end
                if best is None or distance < best[0]:
                    best = (distance, variant)
                break
        # after: "Rp 75.000 untuk SIM C"
        for start in range(claim.end, min(len(tokens), claim.end + 3)):
            end = start + length
            if end > clause_end:
                break
            between = tokens[claim.end : start]
            if all(t.low in _AFTER_LINKS for t in between) and all(
                tokens[start + o].low == key[o] or tokens[start + o].stem == key[o]
                for o in range(length)
            ):
                distance = start - claim.end
                if best is None or distance <= best[0]:
                    best = (distance, variant)
                break
    return None if best is None else best[1]


def _early_reading_fits(claim: HoursClaim, hours: OpeningHours) -> bool:
    """ "jam 2 sampai jam 9 pagi", "subuh jam 4", "jam 6-12 siang" at a desk that opens before
    07.00: a bare "jam 2" read as the afternoon may be the early morning the promise names."""
    early = min((slot.start_minute for slot in hours.slots), default=24 * 60)
    if early >= 7 * 60 or (claim.start is None and claim.end_minute is None):
        return False
    half_day = 12 * 60

    def back(minute: int | None) -> int | None:
        return minute - half_day if minute is not None and minute >= half_day else minute

    shifted = replace(claim, start=back(claim.start), end_minute=back(claim.end_minute))
    first = shifted.start if shifted.start is not None else shifted.end_minute
    if shifted == claim or first is None or first >= 7 * 60:
        return False  # "jam 11 malem" stays late: only an early-morning reading is offered
    if any(word in claim.text.lower() for word in _EVENING_WORDS):
        return False
    return not _hours_contradicts(shifted, hours)


_EVENING_WORDS = (*EVENING_PERIODS, "evening", "night")


def _hours_contradicts(claim: HoursClaim, hours: OpeningHours) -> bool:
    open_days = hours.open_days
    kind = claim.kind
    if kind == "always_open":
        return not all(hours.window(d) == (0, 24 * 60) for d in range(7))
    if kind == "every_day":
        return len(open_days) < 7
    if kind == "open_days":
        return bool(claim.days and not claim.days <= open_days)
    if kind == "closed_days":
        return bool(claim.days and claim.days & open_days)
    days = sorted(claim.days) if claim.days else sorted(open_days)
    windows = [w for w in (hours.window(d) for d in days) if w is not None]
    if claim.days and len(windows) < len(days):
        return True  # a named day the desk is closed
    if not windows:
        return False
    if kind == "range":
        assert claim.start is not None and claim.end_minute is not None
        claimed = (claim.start, claim.end_minute)

        def stated(day: int) -> bool:
            # the day's whole window, or one of its sessions ("10.00-12.00 dan 16.00-18.00")
            return hours.window(day) == claimed or any(
                day in slot.days and (slot.start_minute, slot.end_minute) == claimed
                for slot in hours.slots
            )

        open_on = [d for d in days if hours.window(d) is not None]
        if claim.days:
            return not all(stated(d) for d in open_on)
        return not any(stated(d) for d in open_on)
    if kind == "window":
        assert claim.start is not None and claim.end_minute is not None
        return claim.start < min(w[0] for w in windows) or claim.end_minute > max(
            w[1] for w in windows
        )
    if kind == "open_at":
        assert claim.start is not None
        return all(w[0] != claim.start for w in windows)
    if kind == "closed_by":
        assert claim.end_minute is not None
        return all(w[1] > claim.end_minute for w in windows)  # still open then on every day
    if kind == "close_at":
        assert claim.end_minute is not None
        if any(w == (0, 24 * 60) for w in windows):
            return True  # a desk open round the clock closes at no time ("until midnight")
        # an overnight window ("16.00-07.30") closes at 07.30 the next morning
        return all(w[1] != claim.end_minute and w[1] - 24 * 60 != claim.end_minute for w in windows)
    if kind == "only_period":
        assert claim.start is not None and claim.end_minute is not None
        # two hours of slack: "hanya pagi" still fits a desk that closes at 13.00
        return any(w[1] > claim.end_minute + 120 or w[0] < claim.start - 120 for w in windows)
    if kind in ("open_period", "closed_period"):
        assert claim.start is not None and claim.end_minute is not None
        length = claim.end_minute - claim.start
        covered = [max(0, min(w[1], claim.end_minute) - max(w[0], claim.start)) for w in windows]
        if kind == "open_period":
            return max(covered) == 0
        return max(covered) * 2 >= length
    if kind == "point":
        assert claim.start is not None
        minute = claim.start
        if minute > max(w[1] for w in windows):
            return True
        if any(sum(d in s.days for s in hours.slots) > 1 for d in days):
            # "datang aja jam 1" between the sessions 10.00-12.00 and 16.00-18.00
            return not any(
                d in s.days and s.start_minute <= minute <= s.end_minute
                for d in days
                for s in hours.slots
            )
        return claim.strong and minute < min(w[0] for w in windows)
    return False


def check(
    answer: str,
    standards: Iterable[ServiceStandard],
    *,
    service_id: str | None = None,
    question: str | None = None,
) -> Verdict:
    """One-off check; build a :class:`PromiseChecker` to check many answers."""
    return PromiseChecker(standards).check(answer, service_id=service_id, question=question)
