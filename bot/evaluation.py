"""``janji eval``: retrieval and escalation quality over a labelled questions file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.domain.models import Answer
from bot.errors import JanjiError


def read_questions(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise JanjiError(f"Berkas pertanyaan tidak ditemukan: {path}")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise JanjiError(f"{path}:{number}: bukan JSON yang valid ({exc.msg})") from exc
        if not isinstance(record, dict) or not isinstance(record.get("question"), str):
            raise JanjiError(f"{path}:{number}: setiap baris butuh kolom 'question' berupa teks")
        records.append(record)
    return records


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def evaluate(questions: Sequence[dict[str, Any]], answers: Sequence[Answer]) -> dict[str, Any]:
    """hit@1/hit@3 on in-scope questions; escalation precision/recall/F1; wrong escalations."""
    in_scope = hit1 = hit3 = 0
    tp = fp = fn = 0
    wrongly_escalated = 0
    errors: list[dict[str, Any]] = []
    by_lang: dict[str, dict[str, int]] = {}
    for q, a in zip(questions, answers, strict=True):
        expected = q.get("expected_service")
        must_escalate = bool(q.get("expected_escalate"))
        ranked = [s.service_id for s in a.sources]
        lang = str(q.get("lang") or a.language)
        stats = by_lang.setdefault(lang, {"in_scope": 0, "hit1": 0, "escalate_ok": 0, "n": 0})
        stats["n"] += 1
        if must_escalate == a.escalate:
            stats["escalate_ok"] += 1
        if expected and not must_escalate:
            in_scope += 1
            stats["in_scope"] += 1
            top1 = ranked[:1] == [expected]
            hit1 += top1
            stats["hit1"] += top1
            hit3 += expected in ranked[:3]
            if a.escalate:
                wrongly_escalated += 1
            if not top1 or a.escalate:
                errors.append(
                    {
                        "id": q.get("id"),
                        "question": q["question"],
                        "expected": expected,
                        "got": ranked[:3],
                        "escalate": a.escalate,
                        "reason": a.reason.value if a.reason else None,
                        "confidence": round(a.confidence, 3),
                    }
                )
        if must_escalate and a.escalate:
            tp += 1
        elif must_escalate and not a.escalate:
            fn += 1
            errors.append(
                {
                    "id": q.get("id"),
                    "question": q["question"],
                    "expected": "escalate",
                    "got": ranked[:1],
                    "escalate": False,
                    "reason": None,
                    "confidence": round(a.confidence, 3),
                }
            )
        elif a.escalate and not must_escalate:
            fp += 1
            if not expected:
                errors.append(
                    {
                        "id": q.get("id"),
                        "question": q["question"],
                        "expected": "answer",
                        "got": ranked[:1],
                        "escalate": True,
                        "reason": a.reason.value if a.reason else None,
                        "confidence": round(a.confidence, 3),
                    }
                )
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else 0.0
    return {
        "questions": len(questions),
        "in_scope": in_scope,
        "hit@1": _ratio(hit1, in_scope),
        "hit@3": _ratio(hit3, in_scope),
        "escalation": {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "tp": tp,
            "fp": fp,
            "fn": fn,
        },
        "wrongly_escalated_in_scope": _ratio(wrongly_escalated, in_scope),
        "by_language": {
            lang: {
                "questions": s["n"],
                "hit@1": _ratio(s["hit1"], s["in_scope"]),
                "escalation_accuracy": _ratio(s["escalate_ok"], s["n"]),
            }
            for lang, s in sorted(by_lang.items())
        },
        "errors": errors,
    }


def format_report(report: dict[str, Any], *, show_errors: bool = False) -> str:
    esc = report["escalation"]
    lines = [
        f"Pertanyaan: {report['questions']} (dalam cakupan: {report['in_scope']})",
        f"hit@1: {report['hit@1']}   hit@3: {report['hit@3']}",
        f"Eskalasi: presisi {esc['precision']}  recall {esc['recall']}  F1 {esc['f1']} "
        f"(tp {esc['tp']}, fp {esc['fp']}, fn {esc['fn']})",
        f"Pertanyaan dalam cakupan yang keliru dieskalasi: {report['wrongly_escalated_in_scope']}",
    ]
    for lang, stats in report["by_language"].items():
        lines.append(f"  [{lang}] {stats}")
    if "seconds" in report:
        lines.append(f"Waktu: {report['seconds']} s")
    if show_errors:
        lines.append("Kesalahan:")
        lines.extend(f"  {json.dumps(e, ensure_ascii=False)}" for e in report["errors"])
    return "\n".join(lines)
