"""Train the claim filter and the rescue model (guardrails/claim_filter.py) on the labelled sets.

Every violation the rules find in a labelled answer is one example for the claim filter: true
when the answer is a labelled contradiction of that field, false otherwise. The claim filter is
two models: one for answers of 12 words or more, trained on every set, and one for short
replies, trained on the first sets only (``--first-until``). Every amount, duration or hours
claim the rules set aside that would break a promise is one example for the rescue model (also
the first sets only). All are logistic regressions with an L2 penalty (numpy and scipy sparse,
full-batch Adam). ``--cv`` scores them leave-one-set-out (train on every other set, judge the
left-out one) at several thresholds, next to the rules alone; ``--cv --hold-out A,B`` trains
once on every other set and judges A and B together (sets the rules were never mended on: the
honest estimate). Without ``--cv`` it trains on the sets and writes
guardrails/claim_filter_model.py.

    .venv/bin/python bench/train_claim_filter.py --blind-until 116   # the committed models
    .venv/bin/python bench/train_claim_filter.py --cv --hold-out guardrail_blind41,guardrail_blind42
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from guardrails import PromiseChecker  # noqa: E402
from guardrails.check import GUESSED  # noqa: E402
from guardrails.claim_filter import SHORT_ANSWER  # noqa: E402
from tests.guardrails.guardrail_eval import (  # noqa: E402
    checker_for,
    load_records,
    sample_standards,
    tally,
)

MODEL_PATH = ROOT / "guardrails" / "claim_filter_model.py"
OWN_WEIGHT = 5.0  # the team's own labelled sets, in the longer answers' claim filter
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)


@dataclass
class Example:
    set_name: str
    record: int  # index of the record in its set
    field: str
    features: list[str]
    label: int

    @property
    def blocked(self) -> bool:
        """A claim the rules set aside, for the rescue model (``b:`` features)."""
        return "b:any" in self.features

    @property
    def short(self) -> bool:
        """A candidate in a short reply (its body under 12 words)."""
        return SHORT_ANSWER in self.features

    @property
    def guessed(self) -> bool:
        """A claim whose service no name gives, its owner guessed (the rescue model at a higher
        bar)."""
        return any(feature.startswith(f"b:{GUESSED}") for feature in self.features)


@dataclass(frozen=True)
class Settings:
    l2: float
    negative_weight: float
    rescue_l2: float
    rescue_negative_weight: float
    rescue_threshold: float
    guess_threshold: float = 0.7
    short_threshold: float = 0.25
    first_until: int = 60  # the short replies' filter and the rescue model: blind sets up to this


@dataclass
class Labelled:
    set_name: str
    expected: str
    fields: list[str]


def default_sets() -> list[Path]:
    eval_dir = ROOT / "eval"
    return [
        eval_dir / "guardrail_answers.jsonl",
        eval_dir / "guardrail_answers_heldout.jsonl",
        eval_dir / "guardrail_answers_heldout2.jsonl",
        *sorted(eval_dir.glob("guardrail_blind*.jsonl")),
    ]


def _blind_number(path: Path) -> int:
    """The number of a blind set ("guardrail_blind42" -> 42); 0 for the other sets."""
    return _set_number(path.stem)


def _set_number(name: str) -> int:
    digits = name.removeprefix("guardrail_blind")
    return int(digits) if digits.isdigit() else 0


def collect(paths: Sequence[Path]) -> tuple[list[Example], list[Labelled]]:
    examples: list[Example] = []
    labelled: list[Labelled] = []
    default = PromiseChecker(sample_standards())
    checkers: dict[str, PromiseChecker] = {}
    for path in paths:
        name = path.stem
        for record in load_records(path):
            checker = checker_for(record, checkers, default)
            index = len(labelled)
            labelled.append(Labelled(name, record["expected"], sorted(record.get("fields", []))))
            for candidate in checker.candidates(
                record["answer"],
                service_id=record.get("service_id"),
                question=record.get("question"),
            ):
                field = candidate.violation.field
                label = int(record["expected"] == "contradiction" and field in record["fields"])
                examples.append(Example(name, index, field, candidate.features(), label))
    return examples, labelled


def train(
    examples: Sequence[Example],
    *,
    l2: float,
    negative_weight: float,
    min_count: int = 2,
    own_weight: float = 1.0,
) -> tuple[dict[str, float], float]:
    """``own_weight``: how much an example of the team's own labelled sets counts (the blind sets
    count 1)."""
    counts: dict[str, int] = {}
    for example in examples:
        for feature in set(example.features):
            counts[feature] = counts.get(feature, 0) + 1
    vocabulary = {
        f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))
    }
    cells = {
        (r, column)
        for r, example in enumerate(examples)
        for feature in example.features
        if (column := vocabulary.get(feature)) is not None
    }
    row_ids, column_ids = zip(*sorted(cells), strict=True) if cells else ((), ())
    rows = sparse.csr_matrix(
        (np.ones(len(cells), dtype=np.float32), (row_ids, column_ids)),
        shape=(len(examples), len(vocabulary)),
    )
    labels = np.array([e.label for e in examples], dtype=np.float32)
    weights = np.where(labels > 0, 1.0, negative_weight).astype(np.float32)
    if own_weight != 1.0:
        own = np.array([_set_number(e.set_name) == 0 for e in examples])
        weights = np.where(own, weights * own_weight, weights).astype(np.float32)
    weights /= weights.sum()
    w = np.zeros(len(vocabulary), dtype=np.float32)
    b = 0.0
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    mb = vb = 0.0
    rate, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
    for step in range(1, 601):
        scores = rows @ w + b
        probs = 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))
        error = (probs - labels) * weights
        grad_w = rows.T @ error + l2 * w
        grad_b = float(error.sum())
        m = beta1 * m + (1 - beta1) * grad_w
        v = beta2 * v + (1 - beta2) * grad_w * grad_w
        mb = beta1 * mb + (1 - beta1) * grad_b
        vb = beta2 * vb + (1 - beta2) * grad_b * grad_b
        w -= rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
        b -= rate * (mb / (1 - beta1**step)) / (np.sqrt(vb / (1 - beta2**step)) + eps)
    model = {f: float(w[i]) for f, i in vocabulary.items() if abs(w[i]) >= 0.005}
    return model, float(b)


def probability(model: dict[str, float], bias: float, features: Sequence[str]) -> float:
    score = bias + sum(model.get(f, 0.0) for f in features)
    return float(1.0 / (1.0 + np.exp(-np.clip(score, -30, 30))))


def score(
    labelled: Sequence[Labelled], indices: Sequence[int], kept: dict[int, set[str]]
) -> dict[str, Any]:
    return tally((labelled[i].expected, labelled[i].fields, kept.get(i, set())) for i in indices)


Model = tuple[dict[str, float], float]


@dataclass(frozen=True)
class Models:
    long: Model  # the claim filter for answers of 12 words or more
    short: Model  # the claim filter for short replies
    rescue: Model  # the rescue model, for claims the rules set aside

    def keeps(self, example: Example, settings: Settings, threshold: float) -> bool:
        """``threshold``: the long answers' claim filter's (the one ``--cv`` varies)."""
        if example.blocked:
            cut = settings.guess_threshold if example.guessed else settings.rescue_threshold
            return probability(*self.rescue, example.features) >= cut
        if example.short:
            return probability(*self.short, example.features) >= settings.short_threshold
        return probability(*self.long, example.features) >= threshold


def train_models(examples: Sequence[Example], settings: Settings) -> Models:
    """The claim filter on the rules' violations: for longer answers trained on every set, for
    short replies and the rescue model (claims the rules set aside) only on the first sets
    (blind sets up to ``settings.first_until``), which keep the team's table tests of short
    replies: trained on every set, the filter drops a few of those ("KK seminggu, akta
    kelahiran 5 hari kerja") for a gain only on longer answers. There the team's own labelled
    sets count five times: among a hundred blind sets their few touts ("kalau mau cepat ada uang
    rokok seikhlasnya") would otherwise be outvoted."""
    first = [e for e in examples if _set_number(e.set_name) <= settings.first_until]
    long = train(
        [e for e in examples if not e.blocked],
        l2=settings.l2,
        negative_weight=settings.negative_weight,
        own_weight=OWN_WEIGHT,
    )
    short = train(
        [e for e in first if not e.blocked],
        l2=settings.l2,
        negative_weight=settings.negative_weight,
    )
    rescue = train(
        [e for e in first if e.blocked],
        l2=settings.rescue_l2,
        negative_weight=settings.rescue_negative_weight,
    )
    return Models(long, short, rescue)


def cross_validate(
    examples: list[Example],
    labelled: list[Labelled],
    settings: Settings,
    held_out: Sequence[str] = (),
) -> dict[str, Any]:
    """Leave one set out at a time; with ``held_out``, train once on every other set and judge
    those (sets the rules were not mended on: the honest estimate for unseen folders). The rows
    are the thresholds of the longer answers' claim filter, the others at their own; "rules" is
    the rules alone."""
    sets = sorted({item.set_name for item in labelled})
    folds = [list(held_out)] if held_out else [[name] for name in sets]
    by_threshold: dict[float | None, list[dict[str, float]]] = {t: [] for t in (None, *THRESHOLDS)}
    for fold in folds:
        left_out = "+".join(fold)
        train_on = [e for e in examples if e.set_name not in fold]
        models = train_models(train_on, settings)
        indices = [i for i, item in enumerate(labelled) if item.set_name in fold]
        tested = [e for e in examples if e.set_name in fold]
        for threshold in by_threshold:
            kept: dict[int, set[str]] = {}
            for example in tested:
                if threshold is None:
                    keep = not example.blocked  # the rules alone
                else:
                    keep = models.keeps(example, settings, threshold)
                if keep:
                    kept.setdefault(example.record, set()).add(example.field)
            result = score(labelled, indices, kept)
            result["set"] = left_out  # type: ignore[assignment]
            by_threshold[threshold].append(result)
    summary: dict[str, Any] = {}
    for threshold, results in by_threshold.items():
        tp = sum(r["tp"] for r in results)
        fp = sum(r["fp"] for r in results)
        fn = sum(r["fn"] for r in results)
        summary["rules" if threshold is None else f"t={threshold}"] = {
            "precision": round(tp / (tp + fp), 4),
            "recall": round(tp / (tp + fn), 4),
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "per_set": {
                r["set"]: (round(r["precision"], 3), round(r["recall"], 3)) for r in results
            },
        }
    return summary


def write_model(models: Models, settings: Settings, threshold: float, note: str) -> None:
    lines = [
        '"""Weights of the claim filter and of the rescue model; written by',
        'bench/train_claim_filter.py, do not edit."""',
        "",
        f"# {note}",
    ]
    for prefix, (model, bias), cut in (
        ("", models.long, threshold),
        ("SHORT_", models.short, settings.short_threshold),
        ("RESCUE_", models.rescue, settings.rescue_threshold),
    ):
        lines += [
            f"{prefix}BIAS = {bias:.4f}",
            f"{prefix}THRESHOLD = {cut}",
            f"{prefix}WEIGHTS: dict[str, float] = {{",
        ]
        for feature in sorted(model):
            lines.append(f"    {json.dumps(feature, ensure_ascii=False)}: {model[feature]:.4f},")
        lines.append("}")
    lines += [
        "# The rescue model's bar for a claim no name attributes, its service guessed",
        f"GUESS_THRESHOLD = {settings.guess_threshold}",
    ]
    MODEL_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument(
        "--blind-until",
        type=int,
        default=None,
        help="with no sets given: only blind sets numbered up to this (the committed models: "
        "116; blind117-132 measured them and are kept out of training)",
    )
    parser.add_argument(
        "--first-until",
        type=int,
        default=60,
        help="the short replies' claim filter and the rescue model learn from blind sets up to "
        "this only (the committed models: 60)",
    )
    parser.add_argument("--cv", action="store_true")
    parser.add_argument(
        "--hold-out",
        default="",
        help="with --cv: comma-separated set names (file stems) to judge after training on the rest",
    )
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--negative-weight", type=float, default=15.0)
    parser.add_argument("--threshold", type=float, default=0.25)
    parser.add_argument("--rescue-l2", type=float, default=1e-3)
    parser.add_argument("--rescue-negative-weight", type=float, default=1.0)
    parser.add_argument("--rescue-threshold", type=float, default=0.5)
    parser.add_argument("--guess-threshold", type=float, default=0.7)
    parser.add_argument("--short-threshold", type=float, default=0.25)
    args = parser.parse_args()
    paths = args.sets or default_sets()
    if not args.sets and args.blind_until is not None:
        paths = [p for p in paths if _blind_number(p) <= args.blind_until]
    examples, labelled = collect(paths)
    positives = sum(e.label for e in examples)
    blocked = [e for e in examples if e.blocked]
    print(
        f"{len(labelled)} answers, {len(examples) - len(blocked)} candidate violations "
        f"({positives - sum(e.label for e in blocked)} true), {len(blocked)} set-aside "
        f"claims that would break a promise ({sum(e.label for e in blocked)} true)"
    )
    settings = Settings(
        args.l2,
        args.negative_weight,
        args.rescue_l2,
        args.rescue_negative_weight,
        args.rescue_threshold,
        args.guess_threshold,
        args.short_threshold,
        args.first_until,
    )
    if args.cv:
        held_out = [name for name in args.hold_out.split(",") if name]
        summary = cross_validate(examples, labelled, settings, held_out=held_out)
        for name, figures in summary.items():
            print(
                f"{name:8} P {figures['precision']:.3f} R {figures['recall']:.3f} "
                f"tp {figures['tp']} fp {figures['fp']} fn {figures['fn']}"
            )
        print(json.dumps({k: v["per_set"] for k, v in summary.items()}, indent=None)[:4000])
        return
    models = train_models(examples, settings)
    note = (
        f"{len(examples) - len(blocked)} candidates and {len(blocked)} set-aside amounts, "
        f"durations and hours from {len(labelled)} answers in {len(paths)} sets"
        + (f" (blind sets up to {args.blind_until})" if args.blind_until is not None else "")
        + f"; short replies and rescue: blind sets up to {args.first_until}; l2={args.l2}, "
        f"negative weight {args.negative_weight}; rescue l2={args.rescue_l2}, negative weight "
        f"{args.rescue_negative_weight}"
    )
    write_model(models, settings, args.threshold, note)
    sizes = " + ".join(str(len(m[0])) for m in (models.long, models.short, models.rescue))
    print(
        f"wrote {MODEL_PATH.relative_to(ROOT)}: {sizes} weights, thresholds {args.threshold} / "
        f"{args.short_threshold} / {args.rescue_threshold} / {args.guess_threshold}"
    )


if __name__ == "__main__":
    main()
