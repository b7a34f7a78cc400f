"""The admin report: what was promised against what happened, from raw events only.

Nothing here can be edited by the people it measures: every figure is recomputed from the
append-only event log each time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from statistics import median
from typing import Any, Protocol

from bot.domain.models import Event, EventKind


class EventSource(Protocol):
    async def events(self, *, since: datetime | None = None) -> list[Event]: ...


SKM_LABELS = {1: "tidak puas", 2: "kurang puas", 3: "puas", 4: "sangat puas"}


@dataclass
class PromiseReport:
    since: str | None
    until: str
    questions_answered: int = 0
    questions_escalated: int = 0
    escalations_by_reason: dict[str, int] = field(default_factory=dict)
    feedback_helpful: int = 0
    feedback_not_helpful: int = 0
    tickets_created: int = 0
    tickets_by_reason: dict[str, int] = field(default_factory=dict)
    tickets_resolved: int = 0
    tickets_cancelled: int = 0
    tickets_reopened: int = 0
    first_responses: int = 0
    first_response_within_promise: int = 0
    first_response_median_minutes: float | None = None
    waiting_past_promise: int = 0
    sla_breaches: int = 0
    sla_reminders: int = 0
    replies_held_by_guardrail: int = 0
    replies_overridden: int = 0
    overrides_by_officer: dict[str, int] = field(default_factory=dict)
    ratings: dict[str, int] = field(default_factory=dict)
    rating_mean: float | None = None  # 1..4, the SKM scale
    complaints_by_service: dict[str, int] = field(default_factory=dict)
    citizens_who_blocked_the_bot: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _parse(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def build_report(
    events: Sequence[Event], *, now: datetime, since: datetime | None = None
) -> PromiseReport:
    report = PromiseReport(since=since.isoformat() if since else None, until=now.isoformat())
    by_reason: Counter[str] = Counter()
    tickets_by_reason: Counter[str] = Counter()
    complaints: Counter[str] = Counter()
    overrides: Counter[str] = Counter()
    ratings: Counter[int] = Counter()
    created: dict[int, tuple[datetime, datetime | None]] = {}
    first_reply: dict[int, datetime] = {}
    for event in sorted(events, key=lambda e: (e.at, e.id or 0)):
        data = event.data
        if event.kind is EventKind.QUESTION_ANSWERED:
            report.questions_answered += 1
        elif event.kind is EventKind.QUESTION_ESCALATED:
            report.questions_escalated += 1
            by_reason[str(data.get("reason"))] += 1
        elif event.kind is EventKind.FEEDBACK:
            if data.get("helpful"):
                report.feedback_helpful += 1
            else:
                report.feedback_not_helpful += 1
        elif event.kind is EventKind.TICKET_CREATED and event.ticket_id is not None:
            report.tickets_created += 1
            reason = str(data.get("reason"))
            tickets_by_reason[reason] += 1
            if reason == "complaint":
                complaints[str(data.get("service_id") or "(tidak diketahui)")] += 1
            created[event.ticket_id] = (event.at, _parse(data.get("due_at")))
        elif (
            event.kind in (EventKind.STAFF_REPLIED, EventKind.REPLY_OVERRIDDEN)
            and event.ticket_id is not None
            and event.ticket_id not in first_reply
            and (event.kind is EventKind.REPLY_OVERRIDDEN or data.get("verdict") == "ok")
        ):
            first_reply[event.ticket_id] = event.at
        elif event.kind is EventKind.TICKET_RESOLVED:
            report.tickets_resolved += 1
        elif event.kind is EventKind.TICKET_CANCELLED:
            report.tickets_cancelled += 1
        elif event.kind is EventKind.TICKET_REOPENED:
            report.tickets_reopened += 1
        elif event.kind is EventKind.SLA_BREACH:
            report.sla_breaches += 1
        elif event.kind is EventKind.SLA_REMINDER:
            report.sla_reminders += 1
        elif event.kind is EventKind.REPLY_BLOCKED:
            report.replies_held_by_guardrail += 1
        elif event.kind is EventKind.TICKET_RATED and isinstance(data.get("score"), int):
            ratings[int(data["score"])] += 1
        elif event.kind is EventKind.CITIZEN_BLOCKED_BOT:
            report.citizens_who_blocked_the_bot += 1
        if event.kind is EventKind.REPLY_OVERRIDDEN:
            report.replies_overridden += 1
            overrides[str(data.get("officer") or event.actor_id)] += 1
    minutes = []
    for ticket_id, (opened, due) in created.items():
        replied = first_reply.get(ticket_id)
        if replied is not None:
            report.first_responses += 1
            minutes.append((replied - opened).total_seconds() / 60)
            if due is None or replied <= due:
                report.first_response_within_promise += 1
        elif due is not None and now > due:
            report.waiting_past_promise += 1
    report.first_response_median_minutes = round(median(minutes), 1) if minutes else None
    report.escalations_by_reason = dict(by_reason.most_common())
    report.tickets_by_reason = dict(tickets_by_reason.most_common())
    report.complaints_by_service = dict(complaints.most_common())
    report.overrides_by_officer = dict(overrides.most_common())
    report.ratings = {SKM_LABELS[s]: ratings[s] for s in sorted(SKM_LABELS) if ratings[s]}
    total = sum(ratings.values())
    report.rating_mean = round(sum(s * n for s, n in ratings.items()) / total, 2) if total else None
    return report


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def format_report(report: PromiseReport) -> str:
    """Plain Indonesian text for admins (the console and Telegram both show it as is)."""
    r = report
    asked = r.questions_answered + r.questions_escalated
    lines = [
        "Laporan janji vs kenyataan" + (f" sejak {r.since[:10]}" if r.since else ""),
        f"Pertanyaan warga: {asked} (dijawab bot {r.questions_answered}, "
        f"diteruskan ke petugas {r.questions_escalated})",
    ]
    if r.escalations_by_reason:
        lines.append(
            "  Alasan diteruskan: "
            + ", ".join(f"{k} {v}" for k, v in r.escalations_by_reason.items())
        )
    feedback = r.feedback_helpful + r.feedback_not_helpful
    lines.append(
        f"Jawaban bot dinilai membantu: {_pct(r.feedback_helpful, feedback)} dari {feedback} penilaian"
    )
    lines.append(
        f"Tiket: {r.tickets_created} dibuat, {r.tickets_resolved} selesai, {r.tickets_cancelled} "
        f"dibatalkan, {r.tickets_reopened} dibuka lagi"
    )
    lines.append(
        f"Balasan pertama tepat janji (maklumat): {r.first_response_within_promise} dari "
        f"{r.first_responses} ({_pct(r.first_response_within_promise, r.first_responses)}); "
        f"median {r.first_response_median_minutes if r.first_response_median_minutes is not None else '-'} menit"
    )
    lines.append(
        f"Terlambat dari janji: {r.sla_breaches} pelanggaran; masih menunggu lewat batas: {r.waiting_past_promise}"
    )
    lines.append(
        f"Balasan petugas ditahan guardrail: {r.replies_held_by_guardrail}; tetap dikirim (override): "
        f"{r.replies_overridden}"
    )
    if r.overrides_by_officer:
        lines.append(
            "  Override per petugas: "
            + ", ".join(f"{k} {v}" for k, v in r.overrides_by_officer.items())
        )
    if r.complaints_by_service:
        lines.append(
            "Pengaduan per layanan: "
            + ", ".join(f"{k} {v}" for k, v in r.complaints_by_service.items())
        )
    if r.ratings:
        lines.append(
            "Kepuasan (SKM): "
            + ", ".join(f"{k} {v}" for k, v in r.ratings.items())
            + f"; rata-rata {r.rating_mean} dari 4"
        )
    if r.citizens_who_blocked_the_bot:
        lines.append(f"Warga yang memblokir bot: {r.citizens_who_blocked_the_bot}")
    return "\n".join(lines)


async def report_from_store(store: EventSource, *, now: datetime, since: datetime | None) -> str:
    """The formatted report over the events a store holds (one call for the handlers)."""
    return format_report(build_report(await store.events(since=since), now=now, since=since))
