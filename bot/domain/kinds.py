"""What a question asks about: fee, duration, hours, requirements, procedure, place, or a summary."""

from __future__ import annotations

import re

from bot.domain.models import QuestionKind
from bot.domain.textnorm import raw_tokens

# Patterns over the normalised text (slang already expanded: brp -> berapa, bikin -> buat ...).
_KIND_PATTERNS: tuple[tuple[QuestionKind, re.Pattern[str]], ...] = (
    (
        QuestionKind.FEE,
        re.compile(
            r"\b(biaya|biayanya|bayar|membayar|dibayar|harga|tarif|ongkos|gratis|pungut|"
            r"dipungut|retribusi|pnbp|rupiah|rp|duit|uang|mahal|murah|cost|costs|fee|fees|"
            r"price|pay|paid|charge|charged|free|how much)\b"
        ),
    ),
    (
        QuestionKind.DURATION,
        re.compile(
            r"\b(berapa lama|lama|lamanya|kapan jadi|kapan selesai|kapan keluar|kapan bisa "
            r"diambil|jadi kapan|selesai|selesainya|jadinya|berapa hari|berapa jam|proses|"
            r"prosesnya|ditunggu|tunggu|nunggu|cepat|how long|how many days|when will|ready|"
            r"take|takes|processing time|finished|done)\b"
        ),
    ),
    (
        QuestionKind.HOURS,
        re.compile(
            r"\b(jam berapa|jam buka|jam layanan|jam operasional|jam kerja|jam|buka|tutup|"
            r"sabtu|minggu|libur|hari apa|opening|open|close|closes|closed|hours|saturday|"
            r"sunday|weekend|what time)\b"
        ),
    ),
    (
        QuestionKind.REQUIREMENTS,
        re.compile(
            r"\b(syarat|persyaratan|persyaratannya|dokumen|berkas|bawa|membawa|dibawa|perlu apa|"
            r"apa saja yang|diperlukan|dibutuhkan|butuh|lampiran|fotokopi|requirement|"
            r"requirements|documents|document|bring|need|needed|required)\b"
        ),
    ),
    (
        QuestionKind.PROCEDURE,
        re.compile(
            r"\b(cara|caranya|bagaimana|prosedur|alur|langkah|tahapan|urutan|daftar|mendaftar|"
            r"how to|how do|how can|procedure|steps|step|process|apply|register)\b"
        ),
    ),
    (
        QuestionKind.CHANNELS,
        re.compile(
            r"\b(dimana|di mana|mana|lokasi|tempat|alamat|loket|online|daring|where|location|"
            r"address|counter)\b"
        ),
    ),
)

# "minggu" means Sunday and also "week": "2 minggu" is a duration, not a day.
_WEEK_COUNT = re.compile(r"\b(\d+|se|satu|dua|tiga|empat)\s*minggu\b")


def detect_kinds(question: str) -> list[QuestionKind]:
    """Every kind the question asks about, most specific first; [SUMMARY] when none is clear."""
    text = " ".join(raw_tokens(question))
    found: list[QuestionKind] = []
    for kind, pattern in _KIND_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        if kind is QuestionKind.HOURS and match.group(1) == "minggu" and _WEEK_COUNT.search(text):
            continue
        # "prosesnya gimana" asks for the procedure; "prosesnya berapa lama" for the time
        if (
            kind is QuestionKind.DURATION
            and match.group(1) in ("proses", "prosesnya", "process")
            and re.search(r"\b(bagaimana|cara|how)\b", text)
        ):
            continue
        found.append(kind)
    if QuestionKind.PROCEDURE in found and len(found) > 1:
        # "bagaimana" often only frames another question ("bagaimana biayanya?")
        found.remove(QuestionKind.PROCEDURE)
    if QuestionKind.CHANNELS in found and len(found) > 1:
        found.remove(QuestionKind.CHANNELS)
    return found or [QuestionKind.SUMMARY]


# Words that say WHAT is asked, not WHICH service: they are ignored when judging whether a
# question is covered by the knowledge (every service has a fee, a duration, hours ...).
KIND_WORDS = frozenset(
    [
        "biaya",
        "bayar",
        "harga",
        "tarif",
        "ongkos",
        "gratis",
        "berapa",
        "lama",
        "jam",
        "buka",
        "tutup",
        "hari",
        "syarat",
        "persyaratan",
        "dokumen",
        "berkas",
        "bawa",
        "cara",
        "prosedur",
        "alur",
        "langkah",
        "perlu",
        "butuh",
        "dimana",
        "mana",
        "lokasi",
        "tempat",
        "kapan",
        "jadi",
        "selesai",
        "proses",
        "buat",
        "urus",
        "bikin",
        "mengurus",
        "membuat",
        "pembuatan",
        "pengurusan",
        "apa",
        "cost",
        "fee",
        "price",
        "pay",
        "how",
        "much",
        "long",
        "time",
        "open",
        "close",
        "hours",
        "requirement",
        "requirements",
        "document",
        "documents",
        "need",
        "bring",
        "where",
        "when",
        "procedure",
        "steps",
        "make",
        "get",
        "apply",
        "ready",
        "take",
        "takes",
        "free",
    ]
)
