"""Every user-facing string of the ticket flow, in one place.

Citizen texts come in Indonesian and English (``citizen(key, language, ...)``). Staff texts are
Indonesian only (``staff(key, ...)``): the front desk works in Indonesian. Texts are plain (no
Markdown/HTML): the Telegram layer escapes and splits them.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo

from bot.domain.models import EscalationReason, Language, TicketStatus

WIB = timezone(timedelta(hours=7), "WIB")

CITIZEN: dict[str, dict[Language, str]] = {
    "opened": {
        "id": (
            "Pesan Anda sudah kami teruskan ke petugas dengan nomor tiket {number}.\n"
            "Petugas akan membalas paling lambat {promise} (sebelum {due}).\n"
            "Pesan berikutnya yang Anda kirim di sini akan langsung diteruskan ke petugas. "
            "Ketik /status untuk melihat tiket Anda atau /batal untuk membatalkannya."
        ),
        "en": (
            "We have passed your message to an officer: ticket number {number}.\n"
            "An officer will reply within {promise} (by {due}).\n"
            "Anything else you send here goes straight to the officer. "
            "Send /status to see your tickets or /batal to cancel this one."
        ),
    },
    "already_open": {
        "id": (
            "Anda masih memiliki tiket {number} yang sedang diproses. Pesan Anda sudah kami "
            "tambahkan ke tiket tersebut dan diteruskan ke petugas."
        ),
        "en": (
            "You still have ticket {number} in progress. We added your message to it and "
            "passed it to the officer."
        ),
    },
    "forwarded": {
        "id": "Pesan Anda sudah diteruskan ke petugas (tiket {number}).",
        "en": "Your message has been passed to the officer (ticket {number}).",
    },
    "staff_reply": {
        "id": "{officer} ({number}):\n{text}",
        "en": "{officer} ({number}):\n{text}",
    },
    "rate_request": {
        "id": (
            "Tiket {number} telah diselesaikan oleh petugas. Bagaimana penilaian Anda atas "
            "layanan kami? Pilih salah satu di bawah. Jika masalah Anda belum selesai, tekan "
            '"Buka lagi".'
        ),
        "en": (
            "Ticket {number} has been resolved by the officer. How satisfied are you with our "
            'service? Choose one below. If your problem is not solved, press "Reopen".'
        ),
    },
    "reopen_button": {"id": "Buka lagi", "en": "Reopen"},
    "rated": {
        "id": (
            "Terima kasih atas penilaian Anda ({label}). Jika ingin menambahkan komentar atau "
            "saran, tulis saja dalam pesan berikutnya."
        ),
        "en": (
            "Thank you for your rating ({label}). If you would like to add a comment or "
            "suggestion, just write it in your next message."
        ),
    },
    "already_rated": {
        "id": "Penilaian Anda untuk tiket {number} sudah tercatat. Terima kasih.",
        "en": "Your rating for ticket {number} is already recorded. Thank you.",
    },
    "commented": {
        "id": (
            "Terima kasih, komentar Anda untuk tiket {number} sudah kami catat. Silakan kirim "
            "pertanyaan baru kapan saja."
        ),
        "en": (
            "Thank you, your comment on ticket {number} is recorded. Feel free to ask a new "
            "question any time."
        ),
    },
    "reopened": {
        "id": "Tiket {number} dibuka kembali. Silakan tulis apa yang masih perlu dibantu.",
        "en": "Ticket {number} is open again. Please write what you still need help with.",
    },
    "cancelled": {
        "id": "Tiket {number} sudah dibatalkan. Silakan bertanya lagi kapan saja.",
        "en": "Ticket {number} has been cancelled. Feel free to ask again any time.",
    },
    "status_header": {"id": "Tiket Anda:", "en": "Your tickets:"},
    "status_line": {
        "id": "• {number} — {status} (dibuat {created})",
        "en": "• {number} — {status} (opened {created})",
    },
    "status_open_hint": {
        "id": "Pesan yang Anda kirim sekarang akan diteruskan ke petugas. Ketik /batal untuk membatalkan.",
        "en": "Messages you send now go to the officer. Send /batal to cancel.",
    },
    "status_none": {
        "id": "Anda belum memiliki tiket. Jika ingin berbicara dengan petugas, ketik /petugas.",
        "en": "You have no tickets yet. To talk to an officer, send /petugas.",
    },
    # errors
    "error_no_open_ticket": {
        "id": "Anda tidak memiliki tiket yang sedang terbuka.",
        "en": "You have no open ticket.",
    },
    "error_not_your_ticket": {
        "id": "Tiket tersebut tidak ditemukan.",
        "en": "That ticket was not found.",
    },
    "error_not_resolved": {
        "id": "Tiket {number} belum selesai, jadi belum bisa dinilai.",
        "en": "Ticket {number} is not resolved yet, so it cannot be rated.",
    },
    "error_cannot_reopen": {
        "id": "Tiket {number} tidak dapat dibuka kembali karena statusnya: {status}.",
        "en": "Ticket {number} cannot be reopened: it is {status}.",
    },
    "error_other_ticket_open": {
        "id": "Anda masih memiliki tiket {number} yang terbuka. Silakan lanjutkan di sana.",
        "en": "You still have ticket {number} open. Please continue there.",
    },
    "error_bad_score": {
        "id": "Pilih nilai 1 sampai 4.",
        "en": "Please choose a score from 1 to 4.",
    },
    "error_too_long": {
        "id": "Pesan Anda terlalu panjang ({length} karakter). Mohon kirim paling banyak {limit} karakter per pesan.",
        "en": "Your message is too long ({length} characters). Please send at most {limit} characters per message.",
    },
    "error_empty": {
        "id": "Pesan Anda kosong.",
        "en": "Your message is empty.",
    },
}

STAFF: dict[str, str] = {
    "card": (
        "🎫 {number} · {reason}\n"
        "Warga: {citizen} (bahasa: {language})\n"
        "Layanan: {service}\n"
        "Pertanyaan: {question}\n"
        "{answer_block}"
        "{context_block}"
        "Batas respons pertama: {due} ({promise})\n"
        "Balas pesan ini untuk menjawab warga, atau /jawab {number} <teks>."
    ),
    "card_answer": "Jawaban bot: {answer}\n",
    "card_sources": "Sumber: {sources}\n",
    "card_context": "Pesan terakhir warga:\n{lines}\n",
    "card_topic": "{number} · {citizen}",
    "button_claim": "Ambil",
    "button_resolve": "Selesai",
    "button_override": "Kirim tetap",
    "button_discard": "Batal",
    "no_service": "belum diketahui",
    "no_answer": "(bot tidak menjawab)",
    "citizen_message": "💬 {number} · {citizen}:\n{text}",
    "attachment": "[{kind}]",
    "claimed": "✋ {number} diambil oleh {officer}.",
    "claim_won": "Tiket {number} sekarang Anda tangani.",
    "claim_lost": "Tiket {number} sudah diambil oleh {officer}.",
    "claim_mine": "Tiket {number} sudah Anda tangani.",
    "relayed": "✅ Balasan untuk {number} dikirim ke warga.",
    "held_notice": (
        "⚠️ Balasan {officer} untuk {number} DITAHAN: bertentangan dengan standar layanan.\n"
        "{violations}"
        "{explanation}"
        "Balasan yang ditahan:\n«{text}»\n\n"
        "Untuk mengubah: kirim balasan baru (balas kartu tiket atau /jawab {number} <teks>).\n"
        "Untuk tetap mengirim: balas pesan ini dengan alasannya."
    ),
    "held_violation": "• {field}: dijanjikan {promised}; balasan menyebut {claimed}\n",
    "held_explanation": "Penjelasan: {explanation}\n",
    "held_short": "⚠️ Balasan untuk {number} ditahan oleh pemeriksa janji layanan; lihat peringatannya.",
    "override_prompt": (
        "Balas pesan peringatan ini dengan alasan Anda; balasan akan dikirim apa adanya dan "
        "alasannya dicatat."
    ),
    "overridden": "📨 Balasan untuk {number} dikirim tetap oleh {officer}. Alasan: {reason}",
    "discarded": "🗑️ Balasan yang ditahan untuk {number} dibatalkan dan tidak dikirim.",
    "resolved": "✔️ {number} diselesaikan oleh {officer}. Warga diminta memberi penilaian.",
    "resolved_short": "Tiket {number} selesai.",
    "rated": "⭐ {number} dinilai warga: {label} ({score}/4).",
    "commented": "📝 Komentar warga untuk {number}:\n{text}",
    "reopened": "🔁 Warga membuka kembali {number}.",
    "cancelled": "❌ Warga membatalkan {number}.",
    "sla_reminder": (
        "⏰ {number} belum dibalas. Batas respons pertama {due} ({promise}), sisa {remaining}."
    ),
    "sla_breach": "🚨 {number} MELEWATI batas respons pertama ({promise}, {due}) tanpa balasan.",
    "citizen_blocked": (
        "🚫 Warga pada {number} telah memblokir bot: pesan tidak dapat lagi dikirim kepadanya."
    ),
    "delivery_failed": (
        "❗ Balasan untuk {number} gagal dikirim ke warga setelah {attempts} percobaan "
        "({error}). Silakan coba lagi nanti."
    ),
    # errors
    "error_not_staff": "Hanya petugas yang dapat melakukan ini.",
    "error_unknown_ticket": "Tiket {number} tidak ditemukan.",
    "error_bad_number": "Nomor tiket tidak dikenali: «{text}». Contoh: /jawab JNJ-000123 teks balasan.",
    "error_closed": "Tiket {number} sudah {status}; tidak ada yang diubah.",
    "error_not_a_ticket_message": (
        "Pesan yang Anda balas bukan bagian dari tiket. Balas kartu tiket atau gunakan "
        "/jawab JNJ-000123 teks."
    ),
    "error_empty": "Balasan kosong tidak dikirim.",
    "error_too_long": (
        "Balasan terlalu panjang ({length} karakter; paling banyak {limit}). Tidak ada yang dikirim."
    ),
    "error_reason_required": (
        "Tulis alasan untuk tetap mengirim balasan ini (balas pesan peringatan dengan alasannya)."
    ),
    "error_unknown_held": "Balasan yang ditahan tidak ditemukan.",
    "error_held_done": "Balasan ini sudah tidak menunggu keputusan (status: {status}).",
    "error_citizen_blocked": (
        "Warga pada {number} telah memblokir bot; balasan tidak dapat dikirim kepadanya."
    ),
}

RATING_LABELS: dict[Language, tuple[str, str, str, str]] = {
    "id": ("Tidak puas", "Kurang puas", "Puas", "Sangat puas"),
    "en": ("Not satisfied", "Somewhat dissatisfied", "Satisfied", "Very satisfied"),
}

REASON_LABELS: dict[EscalationReason, str] = {
    EscalationReason.COMPLAINT: "Pengaduan",
    EscalationReason.HUMAN_REQUEST: "Minta petugas",
    EscalationReason.LOW_CONFIDENCE: "Bot kurang yakin",
    EscalationReason.OUT_OF_SCOPE: "Di luar cakupan",
    EscalationReason.NOT_HELPFUL: "Jawaban bot tidak membantu",
}

STATUS_LABELS: dict[TicketStatus, dict[Language, str]] = {
    TicketStatus.OPEN: {"id": "menunggu petugas", "en": "waiting for an officer"},
    TicketStatus.CLAIMED: {"id": "ditangani {officer}", "en": "handled by {officer}"},
    TicketStatus.RESOLVED: {"id": "selesai", "en": "resolved"},
    TicketStatus.CANCELLED: {"id": "dibatalkan", "en": "cancelled"},
}

PROMISE_FIELD_LABELS: dict[str, str] = {
    "fee": "Biaya",
    "duration": "Waktu penyelesaian",
    "hours": "Jam layanan",
    "requirements": "Persyaratan",
    "channels": "Saluran",
}

MONTHS: dict[Language, tuple[str, ...]] = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def citizen(key: str, language: Language, **values: object) -> str:
    texts = CITIZEN[key]
    return texts.get(language, texts["id"]).format(**values)


def staff(key: str, **values: object) -> str:
    return STAFF[key].format(**values)


def status_label(status: TicketStatus, language: Language, officer: str | None = None) -> str:
    label = STATUS_LABELS[status][language]
    return label.format(officer=officer or ("petugas" if language == "id" else "an officer"))


def format_time(moment: datetime, language: Language = "id", zone: tzinfo = WIB) -> str:
    """``29 Nov 2026 14.00 WIB`` (Indonesian) or ``29 Nov 2026 14:00 WIB`` (English)."""
    local = moment.astimezone(zone)
    separator = "." if language == "id" else ":"
    month = MONTHS[language][local.month - 1]
    name = local.tzname() or ""
    return f"{local.day} {month} {local.year} {local.hour:02d}{separator}{local.minute:02d} {name}".strip()


def format_span(span: timedelta, language: Language = "id") -> str:
    """``5 jam 30 menit`` / ``5 h 30 min``; never negative."""
    minutes = max(0, int(span.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    units = ("hari", "jam", "menit") if language == "id" else ("d", "h", "min")
    parts = [f"{n} {u}" for n, u in zip((days, hours, minutes), units, strict=True) if n]
    return " ".join(parts) or f"0 {units[2]}"


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, ending with an ellipsis when cut."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_NIK_RE = re.compile(r"(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)")
_PHONE_RE = re.compile(r"(?<![\d+])((?:\+?62|0)8\d)[\d\s-]{6,12}(\d{2})(?!\d)")


def mask_personal(text: str) -> str:
    """Mask 16-digit NIKs and Indonesian mobile numbers, for log lines only."""
    text = _NIK_RE.sub(r"\1********\2", text)
    return _PHONE_RE.sub(r"\1******\2", text)
