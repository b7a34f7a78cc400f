"""Heading-aware chunks of knowledge files; every chunk knows its service, file and section."""

from __future__ import annotations

import hashlib
import re

from langchain_text_splitters import RecursiveCharacterTextSplitter

from bot.domain.models import Chunk, Document, Service

MAX_CHUNK_CHARS = 900
CHUNK_OVERLAP = 120
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")

_splitter = RecursiveCharacterTextSplitter(
    chunk_size=MAX_CHUNK_CHARS,
    chunk_overlap=CHUNK_OVERLAP,
    separators=["\n\n", "\n", ". ", " ", ""],
)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading path, text) pairs; nested headings are joined with ' > '."""
    path: list[tuple[int, str]] = []
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in text.split("\n"):
        match = HEADING.match(line)
        if match:
            level, title = len(match.group(1)), match.group(2).strip()
            path = [(lv, t) for lv, t in path if lv < level] + [(level, title)]
            sections.append((" > ".join(t for _, t in path), []))
        else:
            sections[-1][1].append(line)
    return [
        (title, "\n".join(lines).strip()) for title, lines in sections if "".join(lines).strip()
    ]


# Body sections that restate the structured promises: the promise summary chunk already carries
# them, so a service file does not embed them twice (the lexical side still reads the whole body).
PROMISE_SECTIONS = re.compile(
    r"^(persyaratan|syarat|biaya|tarif|retribusi|waktu penyelesaian|jangka waktu|lama proses|"
    r"jam layanan|jam pelayanan|jam operasional|requirements|fees?|costs?|completion time|"
    r"service hours|opening hours)\b",
    re.IGNORECASE,
)


def _chunks_for(
    file: str,
    title: str,
    text: str,
    service_id: str | None,
    *,
    merge: bool,
    skip: re.Pattern[str] | None = None,
) -> list[Chunk]:
    """Sections in order, a long section split on paragraph/sentence boundaries. With ``merge``
    (service files, ranked as a whole) small neighbouring sections share a chunk: fewer, fuller
    chunks embed faster. Documents keep one chunk per section so an FAQ answer is one entry."""
    pieces: list[tuple[str, str]] = []
    for section, body in _sections(text):
        if skip is not None and skip.match(section.split(" > ")[-1]):
            continue
        pieces.extend((section, piece) for piece in _splitter.split_text(body))
    groups: list[list[tuple[str, str]]] = []
    size = 0
    for section, piece in pieces:
        block = len(section) + len(piece) + 2
        if merge and groups and size + block <= MAX_CHUNK_CHARS:
            groups[-1].append((section, piece))
            size += block
        else:
            groups.append([(section, piece)])
            size = block
    chunks: list[Chunk] = []
    for index, group in enumerate(groups):
        sections = list(dict.fromkeys(section for section, _ in group if section))
        body = "\n\n".join(f"{section}\n{piece}" if section else piece for section, piece in group)
        chunk_text = f"{title}\n{body}".strip()
        digest = content_hash(chunk_text)
        label = "; ".join(sections)
        chunk_id = content_hash(f"{file}|{label}|{index}|{digest}")
        chunks.append(
            Chunk(
                chunk_id=chunk_id,
                text=chunk_text,
                file=file,
                section=label,
                service_id=service_id,
                content_hash=digest,
            )
        )
    return chunks


def promise_summary(service: Service) -> str:
    """The structured promises as one readable paragraph (so dense search finds them too)."""
    promises = service.promises
    parts = [f"{service.name} ({', '.join(service.aliases)})" if service.aliases else service.name]
    if service.unit:
        parts.append(f"Unit: {service.unit}.")
    if promises.fee is not None:
        parts.append(f"Biaya: {promises.fee.describe('id')}.")
    if promises.duration is not None:
        parts.append(f"Waktu penyelesaian: {promises.duration.describe('id')}.")
    if promises.hours is not None:
        parts.append(f"Jam layanan: {promises.hours.describe('id')}.")
    if promises.requirements:
        parts.append("Persyaratan: " + "; ".join(promises.requirements) + ".")
    if promises.channels:
        parts.append("Tempat layanan: " + "; ".join(promises.channels) + ".")
    return " ".join(parts)


def chunk_service(service: Service) -> list[Chunk]:
    summary = promise_summary(service)
    digest = content_hash(summary)
    head = Chunk(
        chunk_id=content_hash(f"{service.file}|janji|0|{digest}"),
        text=summary,
        file=service.file,
        section="Standar Pelayanan",
        service_id=service.id,
        content_hash=digest,
    )
    body = _chunks_for(
        service.file, service.name, service.body, service.id, merge=True, skip=PROMISE_SECTIONS
    )
    return [head, *body]


def chunk_document(document: Document) -> list[Chunk]:
    return _chunks_for(
        document.file, document.title, document.text, document.service_id, merge=False
    )
