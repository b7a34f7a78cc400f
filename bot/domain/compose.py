"""Pure composition: a matched service (or passage) + what was asked -> short answer with source.

Plain text: the Telegram layer escapes it for its parse mode. Answers stay far below 4096
characters (long passages are cut at a sentence boundary).
"""

from __future__ import annotations

import re

from bot.domain.models import Candidate, EscalationReason, Language, QuestionKind, Service

MAX_PASSAGE_CHARS = 900
MAX_ANSWER_CHARS = 3500

_T: dict[str, dict[Language, str]] = {
    "fee": {"id": "Biaya {name}: {value}.", "en": "Fee for {name}: {value}."},
    "free_note": {
        "id": "Jangan memberikan uang kepada siapa pun dengan alasan apa pun.",
        "en": "Do not pay anyone for this service, for any reason.",
    },
    "duration": {
        "id": "Waktu penyelesaian {name}: paling lama {value} sejak berkas lengkap.",
        "en": "Completion time for {name}: at most {value} once your documents are complete.",
    },
    "hours": {"id": "Jam layanan {name}: {value}.", "en": "Service hours for {name}: {value}."},
    "requirements": {"id": "Persyaratan {name}:", "en": "Requirements for {name}:"},
    "procedure": {"id": "Alur layanan {name}:", "en": "Steps for {name}:"},
    "channels": {
        "id": "Tempat layanan {name}: {value}.",
        "en": "Where to apply for {name}: {value}.",
    },
    "unit": {"id": "Unit: {value}.", "en": "Unit: {value}."},
    "no_value": {
        "id": "Standar Pelayanan {name} tidak mencantumkan {what}.",
        "en": "The service standard for {name} does not state the {what}.",
    },
    "source_service": {
        "id": "Sumber: Standar Pelayanan {name} ({file})",
        "en": "Source: Service Standard for {name} ({file})",
    },
    "source_doc": {"id": "Sumber: {title} ({file})", "en": "Source: {title} ({file})"},
    "requirements_en_note": {
        "id": "",
        "en": "(Document names are given in Indonesian, as in the official standard.)",
    },
}

_WHAT: dict[QuestionKind, dict[Language, str]] = {
    QuestionKind.FEE: {"id": "biaya", "en": "fee"},
    QuestionKind.DURATION: {"id": "waktu penyelesaian", "en": "completion time"},
    QuestionKind.HOURS: {"id": "jam layanan", "en": "service hours"},
    QuestionKind.REQUIREMENTS: {"id": "persyaratan", "en": "requirements"},
    QuestionKind.PROCEDURE: {"id": "alur layanan", "en": "steps"},
    QuestionKind.CHANNELS: {"id": "tempat layanan", "en": "service points"},
}

ESCALATION_TEXT: dict[EscalationReason, dict[Language, str]] = {
    EscalationReason.COMPLAINT: {
        "id": "Mohon maaf atas ketidaknyamanan yang Anda alami. Laporan Anda kami teruskan "
        "kepada petugas untuk ditindaklanjuti.",
        "en": "We are sorry for the trouble. Your report is passed on to an officer for follow-up.",
    },
    EscalationReason.HUMAN_REQUEST: {
        "id": "Baik, pesan Anda kami teruskan kepada petugas. Mohon tunggu balasannya di sini.",
        "en": "Sure, your message is passed on to an officer. Please wait for the reply here.",
    },
    EscalationReason.LOW_CONFIDENCE: {
        "id": "Maaf, saya belum yakin dapat menjawab pertanyaan ini dengan tepat. Pertanyaan Anda "
        "kami teruskan kepada petugas.",
        "en": "Sorry, I am not sure I can answer this correctly. Your question is passed on to "
        "an officer.",
    },
    EscalationReason.OUT_OF_SCOPE: {
        "id": "Maaf, pertanyaan ini di luar layanan yang tercantum dalam Standar Pelayanan kami. "
        "Pertanyaan Anda kami teruskan kepada petugas.",
        "en": "Sorry, this question is outside the services in our service standards. Your "
        "question is passed on to an officer.",
    },
    EscalationReason.NOT_HELPFUL: {
        "id": "Maaf jawaban tadi belum membantu. Pertanyaan Anda kami teruskan kepada petugas.",
        "en": "Sorry the answer did not help. Your question is passed on to an officer.",
    },
}

SMALL_TALK: dict[str, dict[Language, str]] = {
    "greeting": {
        "id": "Halo! Silakan tulis pertanyaan Anda tentang layanan kami, misalnya "
        '"berapa biaya membuat KTP?" atau "apa syarat membuat akta kelahiran?".',
        "en": "Hello! Please type your question about our services, for example "
        '"how much is a passport?" or "what do I need for a birth certificate?".',
    },
    "thanks": {
        "id": "Sama-sama. Semoga membantu! Silakan bertanya lagi kapan saja.",
        "en": "You are welcome. Feel free to ask again any time.",
    },
    "empty": {
        "id": 'Silakan tulis pertanyaan Anda dalam bentuk teks, misalnya "berapa lama membuat '
        'Kartu Keluarga?".',
        "en": 'Please type your question as text, for example "how long does a family card take?".',
    },
}


def _format(key: str, language: Language, **values: str) -> str:
    return _T[key][language].format(**values)


def _numbered(items: tuple[str, ...]) -> str:
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, start=1))


def _body_excerpt(service: Service) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", service.body) if p.strip()]
    prose = [p for p in paragraphs if not p.startswith("#")]
    return cut_at_sentence(prose[0], MAX_PASSAGE_CHARS) if prose else ""


def cut_at_sentence(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters, at a sentence end where possible."""
    text = text.strip()
    if len(text) <= limit:
        return text
    window = text[:limit]
    cut = max(window.rfind(". "), window.rfind(".\n"), window.rfind("! "), window.rfind("? "))
    if cut >= limit // 3:
        return window[: cut + 1].strip()
    space = window.rfind(" ")
    return (window[:space] if space > 0 else window).rstrip() + " …"


def _part(service: Service, kind: QuestionKind, language: Language) -> str:
    p = service.promises
    name = service.name
    if kind is QuestionKind.FEE:
        if p.fee is None:
            return _format("no_value", language, name=name, what=_WHAT[kind][language])
        text = _format("fee", language, name=name, value=p.fee.describe(language))
        return f"{text} {_T['free_note'][language]}" if p.fee.is_free else text
    if kind is QuestionKind.DURATION:
        if p.duration is None:
            return _format("no_value", language, name=name, what=_WHAT[kind][language])
        return _format("duration", language, name=name, value=p.duration.describe(language))
    if kind is QuestionKind.HOURS:
        if p.hours is None:
            return _format("no_value", language, name=name, what=_WHAT[kind][language])
        return _format("hours", language, name=name, value=p.hours.describe(language))
    if kind is QuestionKind.REQUIREMENTS:
        if not p.requirements:
            return _format("no_value", language, name=name, what=_WHAT[kind][language])
        note = _T["requirements_en_note"][language]
        lines = [_format("requirements", language, name=name), _numbered(p.requirements)]
        return "\n".join([*lines, note] if note else lines)
    if kind is QuestionKind.PROCEDURE:
        if service.procedure:
            return "\n".join(
                [_format("procedure", language, name=name), _numbered(service.procedure)]
            )
        excerpt = _body_excerpt(service)
        return excerpt or _format("no_value", language, name=name, what=_WHAT[kind][language])
    if kind is QuestionKind.CHANNELS:
        places = "; ".join(p.channels) if p.channels else service.unit
        if not places:
            return _format("no_value", language, name=name, what=_WHAT[kind][language])
        return _format("channels", language, name=name, value=places)
    return summary(service, language)


def summary(service: Service, language: Language) -> str:
    """Every promise of a service, short: used for /layanan and for questions naming only a service."""
    p = service.promises
    lines = [service.name + (f" — {service.unit}" if service.unit else "")]
    labels = {
        "id": ("Biaya", "Waktu penyelesaian", "Jam layanan", "Persyaratan"),
        "en": ("Fee", "Completion time", "Service hours", "Requirements"),
    }[language]
    if p.fee is not None:
        lines.append(f"• {labels[0]}: {p.fee.describe(language)}")
    if p.duration is not None:
        lines.append(f"• {labels[1]}: {p.duration.describe(language)}")
    if p.hours is not None:
        lines.append(f"• {labels[2]}: {p.hours.describe(language)}")
    if p.requirements:
        lines.append(f"• {labels[3]}:")
        lines.extend(f"   {i}. {r}" for i, r in enumerate(p.requirements, start=1))
    return "\n".join(lines)


def source_line(service: Service, language: Language) -> str:
    return _format("source_service", language, name=service.name, file=service.file)


def service_answer(service: Service, kinds: list[QuestionKind], language: Language) -> str:
    if QuestionKind.SUMMARY in kinds:
        parts = [summary(service, language)]
    else:
        parts = [_part(service, kind, language) for kind in kinds]
    text = "\n\n".join(parts)
    return cut_at_sentence(text, MAX_ANSWER_CHARS) + "\n\n" + source_line(service, language)


def document_answer(candidate: Candidate, title: str, language: Language) -> str:
    passage = candidate.text
    header, _, rest = passage.partition("\n")
    body = rest.strip() or header
    intro = {"id": "Menurut {title}:", "en": "According to {title}:"}[language].format(title=title)
    source = _format("source_doc", language, title=title, file=candidate.file)
    return f"{intro}\n{cut_at_sentence(body, MAX_PASSAGE_CHARS)}\n\n{source}"


def escalation_text(reason: EscalationReason, language: Language) -> str:
    return ESCALATION_TEXT[reason][language]
