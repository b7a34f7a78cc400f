"""Load ``KNOWLEDGE_DIR``: Markdown service standards with YAML front matter, and general documents.

Every problem is reported as a :class:`bot.errors.KnowledgeError` naming ``file:line``, so an admin
can fix it; nothing is half-loaded.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.domain.models import Document, KnowledgeBase, Service
from bot.errors import KnowledgeError
from guardrails.promises import KNOWN_PROMISE_KEYS, PromiseFormatError, parse_promises

logger = logging.getLogger(__name__)

SERVICE_FILE_SUFFIXES = {".md", ".markdown"}
DOCUMENT_SUFFIXES = {".md", ".markdown", ".txt", ".pdf", ".docx"}
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
MAKLUMAT_ID = "maklumat"
ALLOWED_TOP_KEYS = frozenset(
    {
        "id",
        "service",
        "unit",
        "aliases",
        "promises",
        "title",
        "description",
        "tags",
        "updated",
        "source",
        "url",
        "keywords",
        "language",
        "category",
        "agency",
        "legal_basis",
        "organisation",
        "organization",
    }
)
PROCEDURE_HEADINGS = ("prosedur", "alur", "langkah", "tata cara", "cara", "procedure", "steps")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+(.+)$")


@dataclass(frozen=True)
class SourceFile:
    """A knowledge file as read from disk: its relative path, text and content hash."""

    path: str
    text: str
    content_hash: str


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def _clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def _read_pdf(path: Path, rel: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise KnowledgeError(f"{rel}:1", f"PDF tidak dapat dibaca ({exc})") from exc
    return "\n\n".join(pages)


def _read_docx(path: Path, rel: str) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, OSError, ValueError, KeyError) as exc:
        raise KnowledgeError(f"{rel}:1", f"DOCX tidak dapat dibaca ({exc})") from exc
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        if style.startswith("heading") or style == "title":
            level = "".join(ch for ch in style if ch.isdigit()) or "1"
            lines.append("#" * min(int(level) + 1, 6) + " " + text)
        elif "list" in style:
            lines.append("- " + text)
        else:
            lines.append(text)
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    return "\n\n".join(lines)


def read_source(path: Path, root: Path) -> SourceFile:
    rel = path.relative_to(root).as_posix()
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        text = _read_pdf(path, rel)
    elif suffix == ".docx":
        text = _read_docx(path, rel)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise KnowledgeError(f"{rel}:1", "berkas bukan teks UTF-8") from exc
    return SourceFile(path=rel, text=_clean_text(text), content_hash=file_hash(data))


def knowledge_files(root: Path) -> list[Path]:
    """Every knowledge file below ``root``, sorted; hidden files and folders are skipped."""
    found = []
    for path in root.rglob("*"):
        rel_parts = path.relative_to(root).parts
        if any(part.startswith((".", "_")) for part in rel_parts):
            continue
        if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES:
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter or None, body, line number where the body starts)."""
    if not text.startswith("---"):
        return None, text, 1
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise KnowledgeError("", "front matter YAML dibuka dengan '---' tetapi tidak ditutup")


def _line_of_key(front: str, key: str, under: str | None = None) -> int:
    """1-based line (in the file) of ``key:`` in the front matter, optionally below ``under:``."""
    lines = front.split("\n")
    start = 0
    if under is not None:
        for index, line in enumerate(lines):
            if re.match(rf"^{re.escape(under)}\s*:", line):
                start = index + 1
                break
    for index in range(start, len(lines)):
        if re.match(rf"^\s*{re.escape(key)}\s*:", lines[index]):
            return index + 2
    return 2 + start if under is not None else 1


def _string_list(value: object, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return tuple(str(v).strip() for v in value if str(v).strip())
    raise KnowledgeError(where, f"'{key}' harus berupa daftar teks, misalnya [KTP, e-KTP]")


def _sections(body: str) -> list[tuple[str, str]]:
    """Split Markdown into (heading, text) pairs; text before the first heading has heading ''."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in body.split("\n"):
        match = HEADING.match(line)
        if match:
            sections.append((match.group(2).strip(), []))
        else:
            sections[-1][1].append(line)
    return [
        (title, "\n".join(lines).strip())
        for title, lines in sections
        if title or "".join(lines).strip()
    ]


def _procedure(body: str) -> tuple[str, ...]:
    for title, text in _sections(body):
        if any(title.lower().startswith(h) for h in PROCEDURE_HEADINGS):
            steps = [
                m.group(1).strip() for line in text.split("\n") if (m := LIST_ITEM.match(line))
            ]
            if steps:
                return tuple(steps)
    return ()


def _title(body: str, fallback: str) -> str:
    for line in body.split("\n"):
        match = HEADING.match(line)
        if match:
            return match.group(2).strip()
    return fallback


def _parse_service(source: SourceFile, front_text: str, meta: dict[str, Any], body: str) -> Service:
    rel = source.path
    for key in meta:
        if key not in ALLOWED_TOP_KEYS:
            # Organisations add their own metadata (contact, location...): kept out of the
            # promises, named so that a typo ("aliasses") is noticed, and never fatal.
            logger.warning(
                "%s:%s: kunci '%s' tidak dikenal, diabaikan (yang dipakai: id, service, unit, "
                "aliases, promises)",
                rel,
                _line_of_key(front_text, str(key)),
                key,
            )
    service_id = meta.get("id")
    if service_id is None or (isinstance(service_id, str) and not service_id.strip()):
        raise KnowledgeError(f"{rel}:1", "kunci 'id' wajib ada (slug huruf kecil, misalnya ktp-el)")
    service_id = str(service_id).strip()
    if not SLUG.match(service_id):
        raise KnowledgeError(
            f"{rel}:{_line_of_key(front_text, 'id')}",
            f"id '{service_id}' tidak valid: pakai huruf kecil, angka, tanda hubung atau garis bawah (misalnya ktp-el)",
        )
    promises_raw = meta.get("promises")
    if not isinstance(promises_raw, dict):
        raise KnowledgeError(
            f"{rel}:{_line_of_key(front_text, 'promises')}",
            "'promises' harus berupa pemetaan (fee, duration, hours, requirements, ...)",
        )
    for key in promises_raw:
        if key not in KNOWN_PROMISE_KEYS:
            known = ", ".join(sorted(KNOWN_PROMISE_KEYS))
            raise KnowledgeError(
                f"{rel}:{_line_of_key(front_text, str(key), under='promises')}",
                f"kunci janji tidak dikenal '{key}' (yang dikenal: {known})",
            )
    try:
        promises = parse_promises(promises_raw)
    except PromiseFormatError as exc:
        raise KnowledgeError(
            f"{rel}:{_line_of_key(front_text, exc.key, under='promises')}", str(exc.message)
        ) from exc
    name = str(meta.get("service") or meta.get("title") or service_id).strip()
    return Service(
        id=service_id,
        name=name,
        unit=str(meta.get("unit") or "").strip(),
        aliases=_string_list(
            meta.get("aliases"), f"{rel}:{_line_of_key(front_text, 'aliases')}", "aliases"
        ),
        promises=promises,
        file=rel,
        body=body.strip(),
        procedure=_procedure(body),
        raw_promises=dict(promises_raw),
    )


def parse_source(source: SourceFile) -> Service | Document:
    """One file -> a Service (front matter with promises) or a general Document."""
    rel = source.path
    if Path(rel).suffix.lower() not in SERVICE_FILE_SUFFIXES:
        title = Path(rel).stem.replace("-", " ").replace("_", " ").strip().capitalize()
        return Document(file=rel, title=_title(source.text, title), text=source.text.strip())
    try:
        front_text, body, _ = split_front_matter(source.text)
    except KnowledgeError as exc:
        raise KnowledgeError(f"{rel}:1", exc.problem) from exc
    fallback_title = Path(rel).stem.replace("-", " ").capitalize()
    if front_text is None:
        return Document(file=rel, title=_title(body, fallback_title), text=body.strip())
    try:
        meta = yaml.safe_load(front_text) if front_text.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise KnowledgeError(f"{rel}:{line}", f"YAML tidak valid: {problem}") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise KnowledgeError(f"{rel}:2", "front matter harus berupa pemetaan 'kunci: nilai'")
    if "promises" not in meta:
        title = str(meta.get("title") or meta.get("service") or _title(body, fallback_title))
        doc_service = meta.get("id")
        return Document(
            file=rel,
            title=title,
            text=body.strip(),
            service_id=str(doc_service) if doc_service else None,
        )
    return _parse_service(source, front_text, meta, body)


def build_knowledge(sources: list[SourceFile]) -> KnowledgeBase:
    services: dict[str, Service] = {}
    documents: list[Document] = []
    maklumat: Service | None = None
    for source in sources:
        parsed = parse_source(source)
        if isinstance(parsed, Document):
            documents.append(parsed)
            continue
        if parsed.id == MAKLUMAT_ID:
            if maklumat is not None:
                raise KnowledgeError(
                    f"{parsed.file}:2", f"id 'maklumat' sudah dipakai di {maklumat.file}"
                )
            maklumat = parsed
            continue
        if parsed.id in services:
            raise KnowledgeError(
                f"{parsed.file}:2", f"id '{parsed.id}' sudah dipakai di {services[parsed.id].file}"
            )
        services[parsed.id] = parsed
    organisation = maklumat.unit if maklumat is not None else ""
    return KnowledgeBase(
        services=services, documents=tuple(documents), maklumat=maklumat, organisation=organisation
    )


def read_folder(root: Path) -> list[SourceFile]:
    if not root.is_dir():
        raise KnowledgeError(str(root), "folder pengetahuan tidak ditemukan")
    return [read_source(path, root) for path in knowledge_files(root)]


def load_knowledge(root: Path) -> KnowledgeBase:
    """Read and validate the whole folder; raises KnowledgeError on the first bad file."""
    return build_knowledge(read_folder(root))
