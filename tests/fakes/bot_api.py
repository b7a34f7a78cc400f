"""A local fake of the Telegram Bot API: a real aiohttp server on 127.0.0.1.

python-telegram-bot (or any HTTP client) talks to it exactly as it talks to api.telegram.org:
requests arrive at ``/bot<TOKEN>/<method>`` as form-encoded, multipart or JSON bodies, and the
answers use Telegram's JSON shapes. Every request is checked against the official
machine-readable spec (``api.json`` beside this file, Bot API 10.1), so the bot under test gets
the 400s the real Telegram would give it: unknown methods, missing fields, text over 4096
characters, callback_data over 64 bytes, malformed HTML, unescaped MarkdownV2 ...

Tests drive it from the other side: inject messages and button presses from any user or chat,
read what the bot sent, wait for answers, inject faults (500, 429 with ``retry_after``, slow
responses, blocked users) and check the bot's sending rates against Telegram's limits.

See ``README.md`` beside this file for a tour.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import functools
import itertools
import json
import logging
import math
import re
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

__all__ = [
    "RATE_COUNTED_METHODS",
    "SPEC_PATH",
    "ApiError",
    "FakeBotAPI",
    "RateLimits",
    "RateReport",
    "RecordedCall",
    "UploadedFile",
    "WebhookDelivery",
    "load_spec",
    "parse_formatted_text",
    "running_fake_bot_api",
    "utf16_len",
]

logger = logging.getLogger(__name__)

JsonDict = dict[str, Any]
_T = TypeVar("_T")

SPEC_PATH = Path(__file__).with_name("api.json")

#: Methods that put a message in front of someone: they count towards Telegram's flood limits.
RATE_COUNTED_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendAudio",
        "sendVideo",
        "sendAnimation",
        "sendVoice",
        "sendVideoNote",
        "sendSticker",
        "sendLocation",
        "sendVenue",
        "sendContact",
        "sendPoll",
        "sendDice",
        "sendMediaGroup",
        "sendPaidMedia",
        "sendInvoice",
        "sendGame",
        "sendChecklist",
        "sendLivePhoto",
        "sendRichMessage",
        "copyMessage",
        "copyMessages",
        "forwardMessage",
        "forwardMessages",
        "editMessageText",
        "editMessageCaption",
        "editMessageMedia",
        "editMessageReplyMarkup",
        "editMessageLiveLocation",
        "editMessageChecklist",
    }
)

#: Methods refused with 403 when the user blocked the bot.
_BLOCKABLE_METHODS = RATE_COUNTED_METHODS | {"sendChatAction"}

_DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)

_INLINE_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)

_TOPIC_ICON_COLORS = frozenset({7322096, 16766590, 13338331, 9367192, 16749490, 16478047})

_COMMAND_SCOPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)

_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

_MISSING_FIELD_MESSAGES = {
    "chat_id": "chat_id is empty",
    "text": "message text is empty",
    "photo": "there is no photo in the request",
    "document": "there is no document in the request",
    "message_id": "message identifier is not specified",
    "callback_query_id": "query is too old and response timeout expired or query ID is invalid",
    "user_id": "invalid user_id specified",
    "commands": "commands are empty",
}

_STATUS_PHRASES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    413: "Request Entity Too Large",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}

_METHOD_PATH = re.compile(r"bot(?P<token>[^/]*)/(?P<method>[A-Za-z0-9_]*)/?")
_FILE_PATH = re.compile(r"file/bot(?P<token>[^/]*)/(?P<path>.+)")
_DISCRIMINATOR = re.compile(r"always [\"“]([^\"”]+)[\"”]")
_COMMAND_AT_START = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
_MENTION = re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{3,31}\b")
_BOT_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")

_SCALAR_TYPES = frozenset({"String", "Integer", "Boolean", "Float", "InputFile"})

# --------------------------------------------------------------------------------------------
# Spec
# --------------------------------------------------------------------------------------------


@functools.cache
def load_spec(path: Path = SPEC_PATH) -> JsonDict:
    """The Bot API spec (methods and types with fields, types, required flags, descriptions)."""
    with path.open(encoding="utf-8") as handle:
        spec: JsonDict = json.load(handle)
    return spec


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2


# --------------------------------------------------------------------------------------------
# Records and errors
# --------------------------------------------------------------------------------------------


class ApiError(Exception):
    """A Bot API error answer: ``{"ok": false, "error_code": status, "description": ...}``."""

    def __init__(
        self, status: int, description: str, parameters: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = dict(parameters) if parameters else None

    def body(self) -> JsonDict:
        return _error_body(self.status, self.description, self.parameters)


def _error_body(
    status: int, description: str, parameters: Mapping[str, Any] | None = None
) -> JsonDict:
    body: JsonDict = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = dict(parameters)
    return body


def _bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    filename: str | None
    content_type: str | None
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class RecordedCall:
    """One request the fake answered.

    Unpacks like the 4-tuple ``(method, params, timestamp, status)``; ``description`` holds the
    error text of non-200 answers and ``duration`` how long the fake held the request.
    """

    method: str
    params: JsonDict
    timestamp: float
    status: int
    description: str | None = None
    duration: float = 0.0

    def __iter__(self) -> Iterator[Any]:
        return iter((self.method, self.params, self.timestamp, self.status))

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass(frozen=True)
class WebhookDelivery:
    """One attempt to POST an update to the webhook; ``status`` is None when the connection failed."""

    update_id: int
    url: str
    attempt: int
    status: int | None
    error: str | None
    timestamp: float


@dataclass(frozen=True)
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes = field(repr=False)
    mime_type: str | None = None
    file_name: str | None = None


@dataclass(frozen=True)
class _Fault:
    status: int
    description: str
    parameters: JsonDict | None = None


@dataclass
class _Chat:
    id: int
    type: str
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    is_forum: bool = False

    @property
    def is_group(self) -> bool:
        return self.type in {"group", "supergroup"}

    def to_json(self) -> JsonDict:
        data: JsonDict = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.is_forum:
            data["is_forum"] = True
        return data


@dataclass
class _Webhook:
    url: str
    secret_token: str | None
    max_connections: int
    allowed_updates: list[str] | None
    ip_address: str | None
    deliverable: bool
    semaphore: asyncio.Semaphore
    queued: dict[int, JsonDict] = field(default_factory=dict)
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    last_error_date: int | None = None
    last_error_message: str | None = None
    active: bool = True


# --------------------------------------------------------------------------------------------
# Rates
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RateLimits:
    """Telegram's documented flood limits for one bot (Bots FAQ, "My bot is hitting limits").

    Each limit is a leaky bucket, as in aiolimiter (which python-telegram-bot's AIORateLimiter
    uses): a burst up to the capacity is accepted, then the bucket drains at the rate. Overall
    30 messages/s (burst 30), per chat 1 message/s (burst 3), per group 20 messages/minute
    (burst 20). Telegram publishes no exact algorithm; this is the tolerant reading of it.

    ``tolerance_seconds`` widens each bucket by that many seconds of draining: requests paced
    by the bot's own limiter reach the server with network jitter (measured here: PTB's
    AIORateLimiter's first 31 sends arrive within 30 ms). 0.1 s lets 33 through at once
    overall and changes nothing per chat or group.
    """

    global_per_second: int = 30
    chat_per_second: float = 1.0
    chat_burst: int = 3
    group_per_minute: int = 20
    tolerance_seconds: float = 0.1


class _LeakyBucket:
    def __init__(self, capacity: float, per_second: float) -> None:
        self.capacity = capacity
        self.per_second = per_second
        self.level = 0.0
        self.last: float | None = None

    def _drained(self, now: float) -> float:
        if self.last is None:
            return 0.0
        return max(0.0, self.level - max(0.0, now - self.last) * self.per_second)

    def wait(self, now: float) -> float:
        """Seconds until one more message fits (0 when it fits now)."""
        excess = self._drained(now) + 1.0 - self.capacity
        return excess / self.per_second if excess > 1e-9 else 0.0

    def add(self, now: float) -> None:
        # Capped at capacity: one excess message is one violation, not the start of a cascade.
        self.level = min(self.capacity, self._drained(now) + 1.0)
        self.last = now


class _RateLimiter:
    """One bucket overall, one per chat, one more per group (see RateLimits)."""

    def __init__(self, limits: RateLimits) -> None:
        self.limits = limits
        slack = limits.tolerance_seconds
        self._slack = slack
        self._global = _LeakyBucket(
            limits.global_per_second * (1 + slack), limits.global_per_second
        )
        self._chats: dict[int, _LeakyBucket] = {}
        self._groups: dict[int, _LeakyBucket] = {}

    def _buckets(self, chat_id: int, is_group: bool) -> list[tuple[_LeakyBucket, str]]:
        limits = self.limits
        chat = self._chats.setdefault(
            chat_id,
            _LeakyBucket(
                limits.chat_burst + limits.chat_per_second * self._slack, limits.chat_per_second
            ),
        )
        buckets = [
            (self._global, f"more than {limits.global_per_second} messages/s overall"),
            (
                chat,
                f"more than {limits.chat_per_second:g} message/s in chat {chat_id}"
                f" (burst {limits.chat_burst})",
            ),
        ]
        if is_group:
            group = self._groups.setdefault(
                chat_id,
                _LeakyBucket(
                    limits.group_per_minute * (1 + self._slack / 60.0),
                    limits.group_per_minute / 60.0,
                ),
            )
            buckets.append(
                (group, f"more than {limits.group_per_minute} messages/min in group {chat_id}")
            )
        return buckets

    def check(self, now: float, chat_id: int, is_group: bool) -> tuple[float, list[str]]:
        """Seconds to wait before this send would be accepted, and the limits it breaks."""
        waits = [(bucket.wait(now), rule) for bucket, rule in self._buckets(chat_id, is_group)]
        broken = [rule for wait, rule in waits if wait > 0]
        return max((wait for wait, _ in waits), default=0.0), broken

    def record(self, now: float, chat_id: int, is_group: bool) -> None:
        for bucket, _ in self._buckets(chat_id, is_group):
            bucket.add(now)


@dataclass(frozen=True)
class _SendRecord:
    timestamp: float
    chat_id: int
    is_group: bool
    method: str


@dataclass(frozen=True)
class RateReport:
    """What the fake counted of the bot's sending (see ``FakeBotAPI.rate_report``).

    The ``*_max_per_*`` figures are raw peaks: most messages in any sliding 1-s or 60-s window.
    ``violations`` replays every accepted send through the leaky buckets of ``RateLimits``
    (the same ones ``enforce_rate_limits=True`` uses): empty means no 429 would have come.
    """

    sends: int
    global_max_per_second: int
    private_chat_max_per_second: dict[int, int]
    group_max_per_second: dict[int, int]
    group_max_per_minute: dict[int, int]
    violations: tuple[str, ...]
    rejected_with_429: int

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def max_private_chat_per_second(self) -> int:
        return max(self.private_chat_max_per_second.values(), default=0)

    @property
    def max_group_per_minute(self) -> int:
        return max(self.group_max_per_minute.values(), default=0)


def _max_in_window(timestamps: Iterable[float], window: float) -> int:
    ordered = sorted(timestamps)
    best = 0
    start = 0
    for end, stamp in enumerate(ordered):
        while stamp - ordered[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


# --------------------------------------------------------------------------------------------
# Formatted text: HTML, MarkdownV2, Markdown -> (plain text, entities), like Telegram does
# --------------------------------------------------------------------------------------------


def _entities_error(detail: str) -> ApiError:
    return _bad_request(f"can't parse entities: {detail}")


class _TextBuilder:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self.position = 0  # in UTF-16 code units

    def add(self, chunk: str) -> None:
        self._parts.append(chunk)
        self.position += utf16_len(chunk)

    def text(self) -> str:
        return "".join(self._parts)


@dataclass
class _OpenEntity:
    kind: str
    start: int
    byte_offset: int
    attributes: dict[str, str] = field(default_factory=dict)


_HTML_TAG_ENTITY = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
}

_HTML_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _decode_html_entity(text: str, index: int) -> tuple[str, int] | None:
    """Decode ``&...;`` at ``index``; None when it is not an entity Telegram knows."""
    end = text.find(";", index + 1, index + 12)
    if end == -1:
        return None
    name = text[index + 1 : end]
    if name in _HTML_NAMED_ENTITIES:
        return _HTML_NAMED_ENTITIES[name], end + 1 - index
    try:
        if name.startswith(("#x", "#X")):
            code = int(name[2:], 16)
        elif name.startswith("#"):
            code = int(name[1:], 10)
        else:
            return None
        return chr(code), end + 1 - index
    except (ValueError, OverflowError):
        return None


def _link_entity(kind: str, start: int, length: int, url: str) -> JsonDict:
    user_link = re.fullmatch(r"tg://user\?id=(\d+)", url)
    if user_link:
        user = {"id": int(user_link[1]), "is_bot": False, "first_name": ""}
        return {"type": "text_mention", "offset": start, "length": length, "user": user}
    return {"type": kind, "offset": start, "length": length, "url": url}


def _parse_html(text: str) -> tuple[str, list[JsonDict]]:
    """Telegram's HTML parse mode, with tdlib's error messages for malformed markup."""
    out = _TextBuilder()
    stack: list[_OpenEntity] = []
    entities: list[JsonDict] = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "&":
            decoded = _decode_html_entity(text, index)
            if decoded is None:
                out.add("&")
                index += 1
            else:
                out.add(decoded[0])
                index += decoded[1]
            continue
        if char != "<":
            out.add(char)
            index += 1
            continue
        byte_offset = _byte_offset(text, index)
        index += 1
        if index < length and text[index] == "/":
            cursor = index + 1
            while cursor < length and not text[cursor].isspace() and text[cursor] != ">":
                cursor += 1
            name = text[index + 1 : cursor].lower()
            while cursor < length and text[cursor].isspace():
                cursor += 1
            if cursor >= length or text[cursor] != ">":
                raise _entities_error(f"Unclosed end tag at byte offset {byte_offset}")
            if not stack:
                raise _entities_error(f"Unexpected end tag at byte offset {byte_offset}")
            open_tag = stack[-1]
            if name and name != open_tag.attributes["__tag__"]:
                raise _entities_error(
                    f"Unmatched end tag at byte offset {byte_offset}, expected "
                    f'"</{open_tag.attributes["__tag__"]}>", found "</{name}>"'
                )
            stack.pop()
            _close_html_entity(open_tag, out.position, stack, entities)
            index = cursor + 1
            continue
        cursor = index
        while cursor < length and not text[cursor].isspace() and text[cursor] not in ">/":
            cursor += 1
        name = text[index:cursor].lower()
        if name not in _HTML_TAG_ENTITY:
            raise _entities_error(f'Unsupported start tag "{name}" at byte offset {byte_offset}')
        attributes: dict[str, str] = {"__tag__": name}
        while True:
            while cursor < length and text[cursor].isspace():
                cursor += 1
            if cursor >= length:
                raise _entities_error(f"Unclosed start tag at byte offset {byte_offset}")
            if text[cursor] == ">":
                cursor += 1
                break
            attr_start = cursor
            while cursor < length and (text[cursor].isalnum() or text[cursor] in "-_"):
                cursor += 1
            attr_name = text[attr_start:cursor].lower()
            if not attr_name:
                raise _entities_error(
                    f'Empty attribute name in the tag "{name}" at byte offset {byte_offset}'
                )
            while cursor < length and text[cursor].isspace():
                cursor += 1
            value = ""
            if cursor < length and text[cursor] == "=":
                cursor += 1
                while cursor < length and text[cursor].isspace():
                    cursor += 1
                if cursor >= length:
                    raise _entities_error(f"Unclosed start tag at byte offset {byte_offset}")
                if text[cursor] in "\"'":
                    quote = text[cursor]
                    value_end = text.find(quote, cursor + 1)
                    if value_end == -1:
                        raise _entities_error(f"Unclosed start tag at byte offset {byte_offset}")
                    raw_value = text[cursor + 1 : value_end]
                    cursor = value_end + 1
                else:
                    value_start = cursor
                    while cursor < length and not text[cursor].isspace() and text[cursor] != ">":
                        cursor += 1
                    raw_value = text[value_start:cursor]
                value = _unescape_html(raw_value)
            attributes[attr_name] = value
        if name == "span" and attributes.get("class") != "tg-spoiler":
            raise _entities_error(
                f'Tag "span" must have class "tg-spoiler" at byte offset {byte_offset}'
            )
        if name == "tg-emoji" and not attributes.get("emoji-id"):
            raise _entities_error("Custom emoji entity must contain a tg://emoji URL")
        stack.append(_OpenEntity(_HTML_TAG_ENTITY[name], out.position, byte_offset, attributes))
        index = cursor
    if stack:
        tag = stack[-1].attributes["__tag__"]
        raise _entities_error(f'Can\'t find end tag corresponding to start tag "{tag}"')
    return out.text(), entities


def _unescape_html(value: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(value):
        if value[index] == "&":
            decoded = _decode_html_entity(value, index)
            if decoded is not None:
                out.append(decoded[0])
                index += decoded[1]
                continue
        out.append(value[index])
        index += 1
    return "".join(out)


def _close_html_entity(
    open_tag: _OpenEntity, end: int, stack: list[_OpenEntity], entities: list[JsonDict]
) -> None:
    length = end - open_tag.start
    attributes = open_tag.attributes
    kind = open_tag.kind
    parent = stack[-1] if stack else None
    if kind == "code" and parent is not None and parent.kind == "pre":
        language = attributes.get("class", "")
        if language.startswith("language-") and parent.start == open_tag.start:
            parent.attributes["language"] = language.removeprefix("language-")
            return
    if length <= 0:
        return
    if kind == "text_link":
        href = attributes.get("href")
        if href:
            entities.append(_link_entity("text_link", open_tag.start, length, href))
        return
    entity: JsonDict = {"type": kind, "offset": open_tag.start, "length": length}
    if kind == "pre" and attributes.get("language"):
        entity["language"] = attributes["language"]
    elif kind == "blockquote" and "expandable" in attributes:
        entity["type"] = "expandable_blockquote"
    elif kind == "custom_emoji":
        entity["custom_emoji_id"] = attributes["emoji-id"]
    elif kind == "date_time":
        with contextlib.suppress(ValueError):
            entity["unix_time"] = int(attributes.get("unix", "0"))
        if attributes.get("format"):
            entity["date_time_format"] = attributes["format"]
    entities.append(entity)


_MDV2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
_MDV2_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "code": "Code",
    "pre": "Pre",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
}


def _reserved_error(char: str) -> ApiError:
    return _entities_error(
        f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
    )


def _parse_markdown_v2(text: str) -> tuple[str, list[JsonDict]]:
    """Telegram's MarkdownV2 parse mode, including its 'reserved character' errors."""
    out = _TextBuilder()
    stack: list[_OpenEntity] = []
    entities: list[JsonDict] = []
    blockquote: _OpenEntity | None = None
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        top = stack[-1] if stack else None
        in_code = top is not None and top.kind in {"code", "pre"}
        at_line_start = index == 0 or text[index - 1] == "\n"
        if not in_code and at_line_start:
            if char == ">":
                if blockquote is None:
                    blockquote = _OpenEntity("blockquote", out.position, _byte_offset(text, index))
                index += 1
                continue
            if blockquote is not None:
                end = out.position - 1  # the newline before this line is not quoted
                if end > blockquote.start:
                    entities.append(
                        {
                            "type": "blockquote",
                            "offset": blockquote.start,
                            "length": end - blockquote.start,
                        }
                    )
                blockquote = None
        if char == "\\" and index + 1 < length and 0 < ord(text[index + 1]) <= 126:
            out.add(text[index + 1])
            index += 2
            continue
        if in_code and top is not None:
            if char == "`" and top.kind == "code":
                stack.pop()
                _add_entity(entities, top, out.position)
                index += 1
                continue
            if char == "`" and text.startswith("```", index):
                stack.pop()
                _add_entity(entities, top, out.position)
                index += 3
                continue
            out.add(char)
            index += 1
            continue
        if char not in _MDV2_RESERVED:
            out.add(char)
            index += 1
            continue
        if top is not None:
            closing = 0
            kind = top.kind
            if (
                (kind == "bold" and char == "*")
                or (kind == "italic" and char == "_")
                or (kind == "strikethrough" and char == "~")
                or (kind in {"text_link", "custom_emoji"} and char == "]")
            ):
                closing = 1
            elif (kind == "underline" and text.startswith("__", index)) or (
                kind == "spoiler" and text.startswith("||", index)
            ):
                closing = 2
            if closing:
                stack.pop()
                index += closing
                if kind in {"text_link", "custom_emoji"}:
                    index = _close_markdown_link(text, index, top, out.position, entities)
                else:
                    _add_entity(entities, top, out.position)
                continue
        byte_offset = _byte_offset(text, index)
        if char == "*":
            stack.append(_OpenEntity("bold", out.position, byte_offset))
            index += 1
        elif char == "_":
            if text.startswith("__", index):
                stack.append(_OpenEntity("underline", out.position, byte_offset))
                index += 2
            else:
                stack.append(_OpenEntity("italic", out.position, byte_offset))
                index += 1
        elif char == "~":
            stack.append(_OpenEntity("strikethrough", out.position, byte_offset))
            index += 1
        elif char == "|" and text.startswith("||", index):
            stack.append(_OpenEntity("spoiler", out.position, byte_offset))
            index += 2
        elif char == "[":
            stack.append(_OpenEntity("text_link", out.position, byte_offset))
            index += 1
        elif char == "!" and text.startswith("![", index):
            stack.append(_OpenEntity("custom_emoji", out.position, byte_offset))
            index += 2
        elif char == "`":
            if text.startswith("```", index):
                index += 3
                entity = _OpenEntity("pre", out.position, byte_offset)
                newline = text.find("\n", index)
                closing_at = text.find("```", index)
                if newline != -1 and (closing_at == -1 or newline < closing_at):
                    language = text[index:newline]
                    if language and not any(c.isspace() for c in language):
                        entity.attributes["language"] = language
                        index = newline + 1
                entity.start = out.position
                stack.append(entity)
            else:
                stack.append(_OpenEntity("code", out.position, byte_offset))
                index += 1
        else:
            raise _reserved_error(char)
    if stack:
        top = stack[-1]
        raise _entities_error(
            f"Can't find end of {_MDV2_NAMES[top.kind]} entity at byte offset {top.byte_offset}"
        )
    if blockquote is not None and out.position > blockquote.start:
        entities.append(
            {
                "type": "blockquote",
                "offset": blockquote.start,
                "length": out.position - blockquote.start,
            }
        )
    return out.text(), entities


def _add_entity(entities: list[JsonDict], open_entity: _OpenEntity, end: int) -> None:
    length = end - open_entity.start
    if length <= 0:
        return
    entity: JsonDict = {"type": open_entity.kind, "offset": open_entity.start, "length": length}
    if open_entity.kind == "pre" and open_entity.attributes.get("language"):
        entity["language"] = open_entity.attributes["language"]
    entities.append(entity)


def _close_markdown_link(
    text: str, index: int, open_entity: _OpenEntity, end: int, entities: list[JsonDict]
) -> int:
    """Read the ``(url)`` after ``[text]``; returns the index after it."""
    url: str | None = None
    if index < len(text) and text[index] == "(":
        chars: list[str] = []
        cursor = index + 1
        while cursor < len(text) and text[cursor] != ")":
            if text[cursor] == "\\" and cursor + 1 < len(text):
                chars.append(text[cursor + 1])
                cursor += 2
                continue
            chars.append(text[cursor])
            cursor += 1
        if cursor >= len(text):
            raise _entities_error(
                f"Can't find end of a URL at byte offset {_byte_offset(text, index)}"
            )
        url = "".join(chars)
        index = cursor + 1
    length = end - open_entity.start
    if open_entity.kind == "custom_emoji":
        match = re.fullmatch(r"tg://emoji\?id=(\d+)", url or "")
        if match is None:
            raise _entities_error("Custom emoji entity must contain a tg://emoji URL")
        if length > 0:
            entities.append(
                {
                    "type": "custom_emoji",
                    "offset": open_entity.start,
                    "length": length,
                    "custom_emoji_id": match[1],
                }
            )
    elif url and length > 0:
        entities.append(_link_entity("text_link", open_entity.start, length, url))
    return index


def _parse_markdown_legacy(text: str) -> tuple[str, list[JsonDict]]:
    """Telegram's legacy Markdown parse mode (no nesting, ``\\`` escapes ``_*`[``)."""
    out = _TextBuilder()
    entities: list[JsonDict] = []
    index = 0
    length = len(text)
    kinds = {"*": "bold", "_": "italic", "`": "code"}
    while index < length:
        char = text[index]
        if char == "\\" and index + 1 < length and text[index + 1] in "_*`[":
            out.add(text[index + 1])
            index += 2
            continue
        if char not in "_*`[":
            out.add(char)
            index += 1
            continue
        byte_offset = _byte_offset(text, index)
        if text.startswith("```", index):
            end = text.find("```", index + 3)
            if end == -1:
                raise _entities_error(
                    f"Can't find end of the entity starting at byte offset {byte_offset}"
                )
            body = text[index + 3 : end]
            language = ""
            if "\n" in body:
                first, rest = body.split("\n", 1)
                if first and not any(c.isspace() for c in first):
                    language, body = first, rest
            start = out.position
            out.add(body)
            if out.position > start:
                entity: JsonDict = {"type": "pre", "offset": start, "length": out.position - start}
                if language:
                    entity["language"] = language
                entities.append(entity)
            index = end + 3
            continue
        end_char = "]" if char == "[" else char
        end = text.find(end_char, index + 1)
        if end == -1:
            raise _entities_error(
                f"Can't find end of the entity starting at byte offset {byte_offset}"
            )
        start = out.position
        out.add(text[index + 1 : end])
        entity_length = out.position - start
        if char == "[":
            if end + 1 < length and text[end + 1] == "(":
                url_end = text.find(")", end + 2)
                if url_end == -1:
                    raise _entities_error(
                        f"Can't find end of a URL at byte offset {_byte_offset(text, end + 1)}"
                    )
                if entity_length > 0:
                    entities.append(
                        _link_entity("text_link", start, entity_length, text[end + 2 : url_end])
                    )
                index = url_end + 1
            else:
                index = end + 1
            continue
        if entity_length > 0:
            entities.append({"type": kinds[char], "offset": start, "length": entity_length})
        index = end + 1
    return out.text(), entities


def _strip_text(text: str, entities: list[JsonDict]) -> tuple[str, list[JsonDict]]:
    """Telegram trims leading and trailing whitespace and shifts the entities with the text."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    kept: list[JsonDict] = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


def parse_formatted_text(
    text: str, parse_mode: str | None = None, entities: list[Any] | None = None
) -> tuple[str, list[JsonDict]]:
    """Plain text and entities as Telegram would store them; raises ApiError like Telegram.

    Explicit ``entities`` win over ``parse_mode`` (the Bot API says "instead of parse_mode").
    """
    if entities is not None:
        if not isinstance(entities, list):
            raise _entities_error("entities must be an Array")
        checked: list[JsonDict] = []
        for entity in entities:
            if (
                not isinstance(entity, dict)
                or not isinstance(entity.get("type"), str)
                or not isinstance(entity.get("offset"), int)
                or not isinstance(entity.get("length"), int)
            ):
                raise _entities_error("can't parse MessageEntity")
            if entity["offset"] < 0 or entity["length"] <= 0:
                continue
            checked.append(dict(entity))
        plain, found = text, checked
    elif not parse_mode:
        plain, found = text, []
    else:
        mode = parse_mode.lower()
        if mode == "html":
            plain, found = _parse_html(text)
        elif mode == "markdownv2":
            plain, found = _parse_markdown_v2(text)
        elif mode == "markdown":
            plain, found = _parse_markdown_legacy(text)
        else:
            raise _bad_request("unsupported parse_mode")
    plain, found = _strip_text(plain, found)
    found.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return plain, found


# --------------------------------------------------------------------------------------------
# Keyboards
# --------------------------------------------------------------------------------------------


def _validate_reply_markup(markup: Any, *, inline_only: bool = False) -> JsonDict:
    """Check a reply_markup object the way Telegram does; returns it unchanged."""
    if not isinstance(markup, dict):
        raise _bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _validate_inline_keyboard(markup["inline_keyboard"])
        return markup
    if inline_only:
        raise _bad_request("inline keyboard expected")
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _bad_request(
                'can\'t parse keyboard button: Field "keyboard" of the ReplyKeyboardMarkup '
                "should be an Array of Arrays"
            )
        for row in rows:
            for button in row:
                label = button if isinstance(button, str) else None
                if isinstance(button, dict):
                    label = button.get("text")
                if not isinstance(label, str) or not label:
                    raise _bad_request("keyboard button text is empty")
        return markup
    if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
        return markup
    raise _bad_request("can't parse reply keyboard markup JSON object")


def _validate_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise _bad_request(
            'can\'t parse inline keyboard button: Field "inline_keyboard" of the '
            "InlineKeyboardMarkup should be an Array of Arrays"
        )
    count = 0
    for row in rows:
        for button in row:
            count += 1
            if not isinstance(button, dict):
                raise _bad_request(
                    "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
                )
            label = button.get("text")
            if not isinstance(label, str):
                raise _bad_request(
                    'can\'t parse inline keyboard button: Field "text" must be of type String'
                )
            if not label.strip():
                raise _bad_request("BUTTON_TEXT_INVALID")
            actions = [key for key in _INLINE_BUTTON_ACTIONS if key in button]
            if not actions:
                raise _bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the "
                    "inline keyboard"
                )
            if "callback_data" in button:
                data = button["callback_data"]
                if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= 64:
                    raise _bad_request("BUTTON_DATA_INVALID")
            if "url" in button:
                url = button["url"]
                if not isinstance(url, str) or not re.match(r"(https?|tg)://\S+$", url):
                    raise _bad_request("BUTTON_URL_INVALID")
    if count > 100:
        raise _bad_request("REPLY_MARKUP_TOO_LONG")


def _inline_buttons(message: Mapping[str, Any]) -> list[JsonDict]:
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


class FakeBotAPI:
    """A Telegram Bot API server for tests, on 127.0.0.1.

    ``bot = telegram.Bot(fake.token, base_url=fake.base_url, base_file_url=fake.base_file_url)``
    """

    def __init__(
        self,
        token: str = "123456:TEST-token",
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        bot_username: str = "janji_test_bot",
        bot_first_name: str = "Janji Test Bot",
        enforce_rate_limits: bool = False,
        rate_limits: RateLimits | None = None,
        rate_counted_methods: Iterable[str] = RATE_COUNTED_METHODS,
        strict_chats: bool = False,
        clock: Callable[[], float] = time.monotonic,
        webhook_attempts: int = 3,
        webhook_retry_delay: float = 0.05,
        webhook_timeout: float = 10.0,
        max_poll_timeout: float = 50.0,
    ) -> None:
        if host not in _LOCAL_HOSTS:
            raise ValueError("the fake Bot API listens on the loopback interface only")
        bot_id, _, _ = token.partition(":")
        if not bot_id.isdigit():
            raise ValueError("a bot token looks like '<digits>:<secret>'")
        self.token = token
        self.host = host
        self.port = port
        self.bot_id = int(bot_id)
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.enforce_rate_limits = enforce_rate_limits
        self.rate_limits = rate_limits or RateLimits()
        self.rate_counted_methods = frozenset(rate_counted_methods)
        self.strict_chats = strict_chats
        self.webhook_attempts = webhook_attempts
        self.webhook_retry_delay = webhook_retry_delay
        self.webhook_timeout = webhook_timeout
        self.max_poll_timeout = max_poll_timeout
        self._clock = clock

        spec = load_spec()
        self._spec_methods: dict[str, JsonDict] = spec["methods"]
        self._spec_types: dict[str, JsonDict] = spec["types"]
        self._method_names = {name.lower(): name for name in self._spec_methods}

        # what tests read
        self.calls: list[RecordedCall] = []
        self.webhook_deliveries: list[WebhookDelivery] = []
        self.callback_answers: dict[str, JsonDict] = {}
        self.internal_errors: list[BaseException] = []
        self.rate_limited_count = 0

        # Telegram-side state
        self._update_ids = itertools.count(100_000)
        self._callback_ids = itertools.count(4_382_000_000_000_000_001)
        self._file_numbers = itertools.count(1)
        self._pending: list[JsonDict] = []
        self._allowed_updates: list[str] | None = None
        self._chats: dict[int, _Chat] = {}
        self._users: dict[int, JsonDict] = {}
        self._messages: dict[int, dict[int, JsonDict]] = defaultdict(dict)
        self._deleted: dict[tuple[int, int], JsonDict] = {}
        self._next_message_id: dict[int, int] = defaultdict(lambda: 1)
        self._sent_log: list[tuple[int, int]] = []
        self._consumed: set[tuple[int, int]] = set()
        self._callback_queries: dict[str, JsonDict] = {}
        self._members: dict[int, dict[int, str]] = defaultdict(dict)
        self._topics: dict[int, dict[int, JsonDict]] = defaultdict(dict)
        self._closed_topics: set[tuple[int, int]] = set()
        self._files: dict[str, _StoredFile] = {}
        self._files_by_path: dict[str, _StoredFile] = {}
        self._commands: dict[str, list[JsonDict]] = {}
        self._webhook: _Webhook | None = None
        self._chat_locks: dict[int, asyncio.Lock] = defaultdict(asyncio.Lock)

        # faults
        self._faults: dict[str, deque[_Fault]] = defaultdict(deque)
        self._delays: dict[str, float] = {}
        self._blocked: set[int] = set()
        self._migrated: dict[int, int] = {}

        # rates
        self._send_log: list[_SendRecord] = []
        self._limiter = _RateLimiter(self.rate_limits)

        # plumbing
        self._changed = asyncio.Event()
        self._closing = asyncio.Event()
        self._poll_generation = 0
        self.active_polls = 0
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self._handlers: dict[str, Callable[[JsonDict, str], Awaitable[Any]]] = {
            "getMe": self._h_get_me,
            "logOut": self._h_true,
            "close": self._h_true,
            "getUpdates": self._h_get_updates,
            "setWebhook": self._h_set_webhook,
            "deleteWebhook": self._h_delete_webhook,
            "getWebhookInfo": self._h_get_webhook_info,
            "sendMessage": self._h_send_message,
            "sendPhoto": self._h_send_photo,
            "sendDocument": self._h_send_document,
            "sendAudio": self._h_send_media,
            "sendVideo": self._h_send_media,
            "sendAnimation": self._h_send_media,
            "sendVoice": self._h_send_media,
            "sendVideoNote": self._h_send_media,
            "sendSticker": self._h_send_media,
            "sendLocation": self._h_send_location,
            "sendContact": self._h_send_contact,
            "sendDice": self._h_send_dice,
            "sendMediaGroup": self._h_send_media_group,
            "copyMessage": self._h_copy_message,
            "forwardMessage": self._h_forward_message,
            "editMessageText": self._h_edit_message_text,
            "editMessageCaption": self._h_edit_message_caption,
            "editMessageReplyMarkup": self._h_edit_message_reply_markup,
            "deleteMessage": self._h_delete_message,
            "answerCallbackQuery": self._h_answer_callback_query,
            "sendChatAction": self._h_send_chat_action,
            "setMyCommands": self._h_set_my_commands,
            "getMyCommands": self._h_get_my_commands,
            "deleteMyCommands": self._h_delete_my_commands,
            "createForumTopic": self._h_create_forum_topic,
            "editForumTopic": self._h_forum_topic_change,
            "closeForumTopic": self._h_forum_topic_change,
            "reopenForumTopic": self._h_forum_topic_change,
            "deleteForumTopic": self._h_forum_topic_change,
            "getChat": self._h_get_chat,
            "getChatMember": self._h_get_chat_member,
            "getChatAdministrators": self._h_get_chat_administrators,
            "getChatMemberCount": self._h_get_chat_member_count,
            "leaveChat": self._h_leave_chat,
            "getFile": self._h_get_file,
        }

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> FakeBotAPI:
        if self._runner is not None:
            return self
        self._closing = asyncio.Event()
        self._changed = asyncio.Event()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self.port = int(runner.addresses[0][1])
        self._runner = runner
        self._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=self.webhook_timeout)
        )
        return self

    async def stop(self) -> None:
        if self._runner is None:
            return
        self._closing.set()
        self._notify()
        tasks = [task for hook in [self._webhook] if hook for task in hook.tasks]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._session is not None:
            await self._session.close()
            self._session = None
        runner, self._runner = self._runner, None
        await runner.cleanup()

    async def __aenter__(self) -> FakeBotAPI:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``telegram.Bot(base_url=...)``: the library appends the token."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    def method_url(self, method: str, token: str | None = None) -> str:
        """Full URL of one method, for raw HTTP requests in tests."""
        return f"{self.base_url}{token if token is not None else self.token}/{method}"

    @property
    def bot_user(self) -> JsonDict:
        """The ``from`` of the bot's messages."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    # ---------------------------------------------------------------- HTTP

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        tail = request.match_info["tail"]
        file_match = _FILE_PATH.fullmatch(tail)
        if file_match is not None:
            return self._serve_file(file_match["token"], file_match["path"])
        match = _METHOD_PATH.fullmatch(tail)
        if match is None:
            return web.json_response(_error_body(404, "Not Found"), status=404)
        started = self._clock()
        method_raw = match["method"]
        if match["token"] != self.token:
            self._record(method_raw, {}, started, 401, "Unauthorized")
            return web.json_response(_error_body(401, "Unauthorized"), status=401)
        try:
            raw = await self._read_params(request)
        except ApiError as error:
            self._record(method_raw, {}, started, error.status, error.description)
            return web.json_response(error.body(), status=error.status)
        method = self._method_names.get(method_raw.lower())
        if method is None:
            not_found = "Not Found: method not found"
            self._record(method_raw, raw, started, 404, not_found)
            return web.json_response(_error_body(404, not_found), status=404)
        status, body, params = await self._call(method, raw, request)
        transport = request.transport
        if status != 200 and (transport is None or transport.is_closing()):
            status = 499  # the client went away (e.g. a cancelled long poll)
        description = None if status == 200 else str(body.get("description"))
        self._record(method, params, started, status, description)
        return web.json_response(body, status=status if status != 499 else 409)

    async def _read_params(self, request: web.Request) -> JsonDict:
        params: JsonDict = {key: request.query[key] for key in request.query}
        if request.method != "POST" or not request.can_read_body:
            return params
        content_type = request.content_type
        if content_type == "application/json":
            try:
                body = await request.json()
            except ValueError as error:
                raise _bad_request("can't parse JSON object") from error
            if not isinstance(body, dict):
                raise _bad_request("JSON object expected")
            params.update(body)
        elif content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    params[key] = UploadedFile(
                        value.filename, value.content_type, value.file.read()
                    )
                else:
                    params[key] = value
        return params

    async def _call(
        self, method: str, raw: JsonDict, request: web.Request
    ) -> tuple[int, JsonDict, JsonDict]:
        delay = self._delays.get(method.lower(), self._delays.get("*", 0.0))
        if delay > 0:
            await self._sleep(delay)
            if self._closing.is_set():
                return 503, _error_body(503, "Service Unavailable: the fake is stopping"), raw
        fault = self._take_fault(method)
        if fault is not None:
            return fault.status, _error_body(fault.status, fault.description, fault.parameters), raw
        params = raw
        try:
            params = self._validate(method, raw)
            handler = self._handlers.get(method, self._h_generic)
            result = await handler(params, method)
        except ApiError as error:
            if error.status == 429:
                self.rate_limited_count += 1
            return error.status, error.body(), params
        except Exception as error:  # a bug in the fake: answer 500 and keep it for the test
            logger.exception("fake Bot API failed on %s", method)
            self.internal_errors.append(error)
            return 500, _error_body(500, f"Internal Server Error: fake failed: {error!r}"), params
        return 200, {"ok": True, "result": result}, params

    def _serve_file(self, token: str, path: str) -> web.StreamResponse:
        if token != self.token:
            return web.json_response(_error_body(401, "Unauthorized"), status=401)
        stored = self._files_by_path.get(path)
        if stored is None:
            return web.json_response(_error_body(404, "Not Found"), status=404)
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )

    def _record(
        self, method: str, params: JsonDict, started: float, status: int, description: str | None
    ) -> None:
        duration = self._clock() - started
        self.calls.append(RecordedCall(method, params, started, status, description, duration))
        self._notify()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _sleep(self, seconds: float) -> None:
        """Sleep that ends early when the server stops."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), seconds)

    # ---------------------------------------------------------------- validation

    def _validate(self, method: str, raw: JsonDict) -> JsonDict:
        """Required fields present and every documented field parsed to its type."""
        params = dict(raw)
        for spec_field in self._spec_methods[method].get("fields", []):
            name = spec_field["name"]
            value = raw.get(name)
            empty = value is None or (isinstance(value, str) and value == "")
            if empty and not (method == "setWebhook" and name == "url" and value == ""):
                if spec_field["required"]:
                    detail = _MISSING_FIELD_MESSAGES.get(name, f'parameter "{name}" is required')
                    raise _bad_request(detail)
                params.pop(name, None)
                continue
            params[name] = _coerce_field(name, spec_field["types"], value)
        return params

    # ---------------------------------------------------------------- faults (test side)

    def fail_next(
        self, method: str, status: int = 500, times: int = 1, description: str | None = None
    ) -> None:
        """The next ``times`` calls of ``method`` ("*" for any) answer ``status``."""
        text = description or _STATUS_PHRASES.get(status, "Error")
        self._faults[method.lower()].extend([_Fault(status, text)] * times)

    def rate_limit_next(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` answer 429 with ``parameters.retry_after``."""
        fault = _Fault(
            429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
        )
        self._faults[method.lower()].extend([fault] * times)

    def delay(self, method: str, seconds: float) -> None:
        """Hold every call of ``method`` ("*" for any) ``seconds`` before answering; 0 removes."""
        if seconds > 0:
            self._delays[method.lower()] = seconds
        else:
            self._delays.pop(method.lower(), None)

    def clear_faults(self) -> None:
        self._faults.clear()
        self._delays.clear()

    def block_chat(self, chat_id: int) -> None:
        """The user blocked the bot (or the bot was kicked from the group)."""
        self._blocked.add(chat_id)

    def unblock_chat(self, chat_id: int) -> None:
        self._blocked.discard(chat_id)

    def migrate_chat(self, old_chat_id: int, new_chat_id: int) -> None:
        """The group became a supergroup: sends to the old id get 400 with migrate_to_chat_id."""
        self._migrated[old_chat_id] = new_chat_id
        old = self._chats.get(old_chat_id)
        self._chats.setdefault(
            new_chat_id,
            _Chat(new_chat_id, "supergroup", title=old.title if old else f"Group {new_chat_id}"),
        )

    def _take_fault(self, method: str) -> _Fault | None:
        for key in (method.lower(), "*"):
            queue = self._faults.get(key)
            if queue:
                return queue.popleft()
        return None

    # ---------------------------------------------------------------- chats and users (test side)

    def add_chat(
        self,
        chat_id: int,
        chat_type: str = "supergroup",
        *,
        title: str | None = None,
        username: str | None = None,
        is_forum: bool = False,
        first_name: str | None = None,
    ) -> JsonDict:
        """Register a chat the bot is in; returns its Chat JSON."""
        if chat_type not in {"private", "group", "supergroup", "channel"}:
            raise ValueError(f"unknown chat type {chat_type!r}")
        if chat_type == "private":
            chat = _Chat(
                chat_id, "private", first_name=first_name or f"User {chat_id}", username=username
            )
        else:
            chat = _Chat(
                chat_id,
                chat_type,
                title=title or f"Group {chat_id}",
                username=username,
                is_forum=is_forum,
            )
        self._chats[chat_id] = chat
        return chat.to_json()

    def add_chat_member(
        self,
        chat_id: int,
        user_id: int,
        status: str = "member",
        *,
        first_name: str | None = None,
        username: str | None = None,
    ) -> None:
        """Make ``user_id`` a member of ``chat_id`` (getChatMember answers ``status``)."""
        if status not in {"creator", "administrator", "member", "restricted", "left", "kicked"}:
            raise ValueError(f"unknown member status {status!r}")
        if chat_id not in self._chats:
            self.add_chat(chat_id, "supergroup" if chat_id < 0 else "private")
        if user_id != self.bot_id:
            self._user(user_id, first_name=first_name, username=username)
        self._members[chat_id][user_id] = status

    def add_forum_topic(
        self, chat_id: int, name: str, *, created_by_user_id: int | None = None
    ) -> int:
        """A topic that already exists in a forum supergroup; returns its message_thread_id."""
        chat = self._chats.get(chat_id)
        if chat is None:
            self.add_chat(chat_id, "supergroup", is_forum=True)
            chat = self._chats[chat_id]
        chat.is_forum = True
        creator = self.bot_user if created_by_user_id is None else self._user(created_by_user_id)
        topic = self._create_topic(chat, name, 7322096, None, creator)
        return int(topic["message_thread_id"])

    def _user(
        self,
        user_id: int,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        is_bot: bool = False,
    ) -> JsonDict:
        known = self._users.get(user_id, {})
        user: JsonDict = {
            "id": user_id,
            "is_bot": is_bot,
            "first_name": first_name or known.get("first_name") or f"User {user_id}",
        }
        for key, value in (
            ("last_name", last_name),
            ("username", username),
            ("language_code", language_code),
        ):
            if value is not None:
                user[key] = value
            elif key in known:
                user[key] = known[key]
        self._users[user_id] = user
        return dict(user)

    def _chat_for_injection(
        self,
        chat_id: int | None,
        chat_type: str,
        user: JsonDict,
        title: str | None,
        forum: bool,
    ) -> _Chat:
        if chat_type == "private":
            if chat_id is not None and chat_id != user["id"]:
                raise ValueError("in a private chat the chat id is the user id")
            chat = _Chat(
                user["id"],
                "private",
                first_name=user["first_name"],
                last_name=user.get("last_name"),
                username=user.get("username"),
            )
            self._chats[chat.id] = chat
            return chat
        if chat_type not in {"group", "supergroup"}:
            raise ValueError(f"unknown chat type {chat_type!r}")
        if chat_id is None:
            raise ValueError("group messages need a chat_id (negative, e.g. -1001234567890)")
        known = self._chats.get(chat_id)
        if known is not None and known.type == chat_type:
            group = known
        else:
            group = _Chat(chat_id, chat_type, title=title or f"Group {chat_id}")
            self._chats[chat_id] = group
        if title is not None:
            group.title = title
        if forum:
            if chat_type != "supergroup":
                raise ValueError("only supergroups have forum topics")
            group.is_forum = True
        self._members[chat_id].setdefault(user["id"], "member")
        return group

    # ---------------------------------------------------------------- injection (test side)

    def inject_message(
        self,
        text: str | None = None,
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "id",
        chat_title: str | None = None,
        reply_to_message_id: int | None = None,
        message_thread_id: int | None = None,
        is_topic_message: bool = False,
        entities: list[JsonDict] | None = None,
        photo: bool | bytes = False,
        document: bool | bytes = False,
        document_name: str = "dokumen.pdf",
        voice: bool | bytes = False,
        sticker: bool | str = False,
        location: bool | tuple[float, float] = False,
        contact: bool | str = False,
        caption: str | None = None,
    ) -> JsonDict:
        """A user sends a message; returns the Update (``update["update_id"]``).

        ``entities=None`` detects a leading /command and @mentions like Telegram does.
        Media flags take True (placeholder content) or the file's bytes (downloadable via
        getFile); use ``caption=`` with media, not ``text``.
        """
        user = self._user(
            user_id,
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        topic = is_topic_message or (
            message_thread_id is not None
            and chat_id in self._chats
            and self._chats[chat_id].is_forum
        )
        chat = self._chat_for_injection(chat_id, chat_type, user, chat_title, topic)
        message: JsonDict = {
            "message_id": self._new_message_id(chat.id),
            "from": user,
            "chat": chat.to_json(),
            "date": int(time.time()),
        }
        media = self._injected_media(
            photo, document, document_name, voice, sticker, location, contact, user
        )
        if media and text is not None:
            raise ValueError("media messages carry a caption=, not text=")
        if not media and text is None:
            raise ValueError("inject_message needs text or some media")
        if text is not None:
            message["text"] = text
            found = _detect_entities(text) if entities is None else entities
            if found:
                message["entities"] = found
        message.update(media)
        if caption is not None:
            if not media:
                raise ValueError("caption= goes with media")
            message["caption"] = caption
            found = _detect_entities(caption)
            if found:
                message["caption_entities"] = found
        self._attach_thread_and_reply(
            message, chat, message_thread_id, topic, reply_to_message_id, missing="raise"
        )
        self._messages[chat.id][message["message_id"]] = message
        return self._enqueue_update({"message": copy.deepcopy(message)})

    def inject_edited_message(
        self, chat_id: int, message_id: int, text: str, *, entities: list[JsonDict] | None = None
    ) -> JsonDict:
        """The user edits a message they sent earlier; returns the ``edited_message`` Update."""
        message = self._messages.get(chat_id, {}).get(message_id)
        if message is None or message.get("from", {}).get("id") == self.bot_id:
            raise ValueError(f"no user message {message_id} in chat {chat_id}")
        if "text" not in message:
            raise ValueError("only text messages can be edited this way")
        edited = {**message, "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        found = _detect_entities(text) if entities is None else entities
        if found:
            edited["entities"] = found
        self._messages[chat_id][message_id] = edited
        return self._enqueue_update({"edited_message": copy.deepcopy(edited)})

    def inject_callback_query(
        self,
        from_user_id: int,
        chat_id: int,
        message_id: int,
        data: str,
        *,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "id",
        require_button: bool = True,
    ) -> JsonDict:
        """A user presses an inline button with ``data`` on a message the bot sent."""
        message = self._messages.get(chat_id, {}).get(message_id)
        if message is None:
            raise ValueError(f"no message {message_id} in chat {chat_id}")
        if require_button:
            offered = [button.get("callback_data") for button in _inline_buttons(message)]
            if data not in offered:
                raise ValueError(
                    f"message {message_id} in chat {chat_id} has no button with callback_data "
                    f"{data!r} (buttons offer {offered!r})"
                )
        user = self._user(
            from_user_id, first_name=first_name, username=username, language_code=language_code
        )
        query_id = str(next(self._callback_ids))
        query: JsonDict = {
            "id": query_id,
            "from": user,
            "message": copy.deepcopy(message),
            "chat_instance": str(abs(chat_id) * 7919 + self.bot_id),
            "data": data,
        }
        self._callback_queries[query_id] = query
        return self._enqueue_update({"callback_query": copy.deepcopy(query)})

    def press_button(
        self,
        chat_id: int,
        message_id: int,
        button_text: str,
        *,
        from_user_id: int | None = None,
        **user_fields: Any,
    ) -> JsonDict:
        """Press the inline button labelled ``button_text`` (in private chats the chat's user)."""
        message = self._messages.get(chat_id, {}).get(message_id)
        if message is None:
            raise ValueError(f"no message {message_id} in chat {chat_id}")
        for button in _inline_buttons(message):
            if button.get("text") == button_text and "callback_data" in button:
                presser = from_user_id if from_user_id is not None else chat_id
                return self.inject_callback_query(
                    presser, chat_id, message_id, button["callback_data"], **user_fields
                )
        labels = [button.get("text") for button in _inline_buttons(message)]
        raise ValueError(f"no callback button {button_text!r}; buttons: {labels!r}")

    def inject_chat_member_update(
        self,
        chat_id: int,
        user_id: int,
        new_status: str,
        *,
        old_status: str = "left",
        from_user_id: int | None = None,
        chat_type: str = "supergroup",
        chat_title: str | None = None,
    ) -> JsonDict:
        """Membership changed; ``my_chat_member`` when ``user_id`` is the bot itself."""
        chat = self._chats.get(chat_id)
        if chat is None:
            self.add_chat(chat_id, chat_type, title=chat_title)
            chat = self._chats[chat_id]
        actor_id = from_user_id if from_user_id is not None else user_id
        actor = self.bot_user if actor_id == self.bot_id else self._user(actor_id)
        self._members[chat_id][user_id] = new_status
        payload = {
            "chat": chat.to_json(),
            "from": actor,
            "date": int(time.time()),
            "old_chat_member": self._chat_member_json(chat, user_id, old_status),
            "new_chat_member": self._chat_member_json(chat, user_id, new_status),
        }
        key = "my_chat_member" if user_id == self.bot_id else "chat_member"
        return self._enqueue_update({key: payload})

    def _injected_media(
        self,
        photo: bool | bytes,
        document: bool | bytes,
        document_name: str,
        voice: bool | bytes,
        sticker: bool | str,
        location: bool | tuple[float, float],
        contact: bool | str,
        user: JsonDict,
    ) -> JsonDict:
        media: JsonDict = {}
        if photo is not False:
            data = photo if isinstance(photo, bytes) else b"\x89PNG fake photo"
            media["photo"] = self._photo_sizes(self._store_file(data, "photo", "image/jpeg", None))
        if document is not False:
            data = document if isinstance(document, bytes) else b"%PDF-1.4 fake document"
            mime = (
                "application/pdf" if document_name.endswith(".pdf") else "application/octet-stream"
            )
            stored = self._store_file(data, "document", mime, document_name)
            media["document"] = {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_name": document_name,
                "mime_type": mime,
                "file_size": len(data),
            }
        if voice is not False:
            data = voice if isinstance(voice, bytes) else b"OggS fake voice"
            stored = self._store_file(data, "voice", "audio/ogg", None)
            media["voice"] = {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "duration": 3,
                "mime_type": "audio/ogg",
                "file_size": len(data),
            }
        if sticker is not False:
            stored = self._store_file(b"RIFF fake sticker", "sticker", "image/webp", None)
            media["sticker"] = {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "emoji": sticker if isinstance(sticker, str) else "👍",
            }
        if location is not False:
            latitude, longitude = location if isinstance(location, tuple) else (-6.1754, 106.8272)
            media["location"] = {"latitude": latitude, "longitude": longitude}
        if contact is not False:
            media["contact"] = {
                "phone_number": contact if isinstance(contact, str) else "+6281234567890",
                "first_name": user["first_name"],
                "user_id": user["id"],
            }
        return media

    def _enqueue_update(self, payload: JsonDict) -> JsonDict:
        update: JsonDict = {"update_id": next(self._update_ids), **payload}
        hook = self._webhook
        if hook is not None and hook.deliverable:
            self._schedule_delivery(hook, update)
        else:
            self._pending.append(update)
        self._notify()
        return copy.deepcopy(update)

    # ---------------------------------------------------------------- reading results (test side)

    def sent_messages(
        self, chat_id: int | None = None, *, include_deleted: bool = False
    ) -> list[JsonDict]:
        """Messages the bot sent (current state, after edits), in sending order."""
        found: list[JsonDict] = []
        for key in self._sent_log:
            if chat_id is not None and key[0] != chat_id:
                continue
            message = self._current_message(key, include_deleted)
            if message is not None:
                found.append(copy.deepcopy(message))
        return found

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        """Text (or caption) of each message the bot sent."""
        return [
            str(message.get("text", message.get("caption", "")))
            for message in self.sent_messages(chat_id)
        ]

    def chat_history(self, chat_id: int) -> list[JsonDict]:
        """Every message in the chat, users' and the bot's, by message_id."""
        return [
            copy.deepcopy(message) for _, message in sorted(self._messages.get(chat_id, {}).items())
        ]

    def transcript(self, chat_id: int) -> str:
        """A readable chat log, for assertion messages and debugging."""
        lines: list[str] = []
        for message in self.chat_history(chat_id):
            sender = message.get("from", {})
            who = "bot" if sender.get("id") == self.bot_id else f"user {sender.get('id')}"
            body = message.get("text") or message.get("caption") or _describe_media(message)
            labels = [button.get("text") for button in _inline_buttons(message)]
            suffix = f"  [buttons: {' | '.join(map(str, labels))}]" if labels else ""
            lines.append(f"#{message['message_id']} {who}: {body}{suffix}")
        return "\n".join(lines)

    def calls_to(self, method: str, *, ok_only: bool = False) -> list[RecordedCall]:
        wanted = method.lower()
        return [
            call
            for call in self.calls
            if call.method.lower() == wanted and (call.ok or not ok_only)
        ]

    def failed_calls(self) -> list[RecordedCall]:
        """Calls the fake refused (4xx/5xx), faults included.

        499 (the client hung up, e.g. a long poll abandoned at shutdown) is not a refusal.
        """
        return [call for call in self.calls if not call.ok and call.status != 499]

    def pending_updates(self) -> list[JsonDict]:
        """Updates not yet confirmed by getUpdates (or not yet delivered to the webhook)."""
        waiting = list(self._pending)
        if self._webhook is not None:
            waiting.extend(self._webhook.queued.values())
        return copy.deepcopy(sorted(waiting, key=lambda update: update["update_id"]))

    def get_file_bytes(self, file_id: str) -> bytes:
        return self._files[file_id].data

    def clear(self) -> None:
        """Forget what was recorded (calls, sent log, rates, deliveries); chats and messages stay."""
        self.calls.clear()
        self._sent_log.clear()
        self._consumed.clear()
        self._send_log.clear()
        self._limiter = _RateLimiter(self.rate_limits)
        self.webhook_deliveries.clear()
        self.rate_limited_count = 0

    async def wait_for_message(
        self,
        chat_id: int | None = None,
        predicate: Callable[[JsonDict], bool] | None = None,
        timeout: float = 5.0,
    ) -> JsonDict:
        """The first message the bot sent to ``chat_id`` that no earlier wait returned.

        Messages sent before the call count too, so there is no race with a fast bot. Each
        message is returned once; ``predicate`` sees the current state (after edits).
        """

        def find() -> JsonDict | None:
            for key in self._sent_log:
                if key in self._consumed or (chat_id is not None and key[0] != chat_id):
                    continue
                message = self._current_message(key, include_deleted=True)
                if message is not None and (predicate is None or predicate(message)):
                    self._consumed.add(key)
                    return copy.deepcopy(message)
            return None

        def describe() -> str:
            where = "any chat" if chat_id is None else f"chat {chat_id}"
            seen = self.sent_texts(chat_id)
            return f"no matching bot message in {where} within {timeout}s; bot sent: {seen!r}"

        return await self._wait_until(find, timeout, describe)

    async def wait_for_calls(
        self, method: str, count: int = 1, timeout: float = 5.0, *, ok_only: bool = False
    ) -> list[RecordedCall]:
        """Wait until ``method`` was called ``count`` times; returns all those calls."""

        def find() -> list[RecordedCall] | None:
            found = self.calls_to(method, ok_only=ok_only)
            return found if len(found) >= count else None

        def describe() -> str:
            return (
                f"{method} called {len(self.calls_to(method, ok_only=ok_only))} times, "
                f"wanted {count} within {timeout}s"
            )

        return await self._wait_until(find, timeout, describe)

    async def wait_until_polling(self, timeout: float = 5.0) -> None:
        """Wait until a getUpdates long poll is being held."""
        await self._wait_until(
            lambda: True if self.active_polls > 0 else None,
            timeout,
            lambda: f"nobody polled getUpdates within {timeout}s",
        )

    async def wait_for_webhook_deliveries(
        self, count: int = 1, timeout: float = 5.0, *, successful_only: bool = True
    ) -> list[WebhookDelivery]:
        def find() -> list[WebhookDelivery] | None:
            found = [
                delivery
                for delivery in self.webhook_deliveries
                if not successful_only
                or (delivery.status is not None and 200 <= delivery.status < 300)
            ]
            return found if len(found) >= count else None

        return await self._wait_until(
            find, timeout, lambda: f"webhook deliveries so far: {self.webhook_deliveries!r}"
        )

    async def _wait_until(
        self, check: Callable[[], _T | None], timeout: float, describe: Callable[[], str]
    ) -> _T:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            changed = self._changed
            result = check()
            if result is not None:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(describe())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)

    def _current_message(self, key: tuple[int, int], include_deleted: bool) -> JsonDict | None:
        message = self._messages.get(key[0], {}).get(key[1])
        if message is None and include_deleted:
            message = self._deleted.get(key)
        return message

    # ---------------------------------------------------------------- rates (test side)

    def rate_report(self) -> RateReport:
        """Peak sending rates the fake counted, and every send Telegram would have refused."""
        by_chat: dict[int, list[float]] = defaultdict(list)
        group_chats: set[int] = set()
        for record in self._send_log:
            by_chat[record.chat_id].append(record.timestamp)
            if record.is_group:
                group_chats.add(record.chat_id)
        replay = _RateLimiter(self.rate_limits)
        violations: list[str] = []
        first = self._send_log[0].timestamp if self._send_log else 0.0
        for record in sorted(self._send_log, key=lambda item: item.timestamp):
            _, broken = replay.check(record.timestamp, record.chat_id, record.is_group)
            if broken:
                offset = record.timestamp - first
                violations.append(f"{record.method} at +{offset:.3f}s: {'; '.join(broken)}")
            replay.record(record.timestamp, record.chat_id, record.is_group)
        return RateReport(
            sends=len(self._send_log),
            global_max_per_second=_max_in_window((r.timestamp for r in self._send_log), 1.0),
            private_chat_max_per_second={
                chat: _max_in_window(stamps, 1.0)
                for chat, stamps in by_chat.items()
                if chat not in group_chats
            },
            group_max_per_second={chat: _max_in_window(by_chat[chat], 1.0) for chat in group_chats},
            group_max_per_minute={
                chat: _max_in_window(by_chat[chat], 60.0) for chat in group_chats
            },
            violations=tuple(violations),
            rejected_with_429=self.rate_limited_count,
        )

    def _count_send(self, method: str, chat: _Chat) -> None:
        """Account one outgoing message; in enforcing mode refuse it like Telegram (429)."""
        if method not in self.rate_counted_methods:
            return
        now = self._clock()
        if self.enforce_rate_limits:
            wait, broken = self._limiter.check(now, chat.id, chat.is_group)
            if broken:
                retry_after = max(1, math.ceil(wait))
                raise ApiError(
                    429,
                    f"Too Many Requests: retry after {retry_after}",
                    {"retry_after": retry_after},
                )
        self._limiter.record(now, chat.id, chat.is_group)
        self._send_log.append(_SendRecord(now, chat.id, chat.is_group, method))

    # ---------------------------------------------------------------- shared helpers

    def _new_message_id(self, chat_id: int) -> int:
        message_id = self._next_message_id[chat_id]
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    def _resolve_chat(self, chat_ref: Any) -> _Chat:
        if isinstance(chat_ref, str):
            if chat_ref.startswith("@"):
                for chat in self._chats.values():
                    if chat.username and chat.username.lower() == chat_ref[1:].lower():
                        return chat
            raise _bad_request("chat not found")
        if not isinstance(chat_ref, int):
            raise _bad_request("chat not found")
        if chat_ref in self._migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self._migrated[chat_ref]},
            )
        known = self._chats.get(chat_ref)
        if known is not None:
            return known
        if self.strict_chats:
            if chat_ref > 0:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            raise _bad_request("chat not found")
        if chat_ref > 0:
            chat = _Chat(chat_ref, "private", first_name=f"User {chat_ref}")
        else:
            kind = "supergroup" if str(chat_ref).startswith("-100") else "group"
            chat = _Chat(chat_ref, kind, title=f"Group {chat_ref}")
        self._chats[chat_ref] = chat
        return chat

    def _check_not_blocked(self, method: str, chat: _Chat) -> None:
        if method in _BLOCKABLE_METHODS and chat.id in self._blocked:
            if chat.type == "private":
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            raise ApiError(403, "Forbidden: bot was kicked from the group chat")

    def _attach_thread_and_reply(
        self,
        message: JsonDict,
        chat: _Chat,
        thread_id: int | None,
        is_topic: bool,
        reply_to_id: int | None,
        *,
        missing: str,
        allow_without_reply: bool = False,
    ) -> None:
        """Fill message_thread_id / is_topic_message / reply_to_message like Telegram does."""
        reply: JsonDict | None = None
        if reply_to_id is not None:
            reply = self._messages.get(chat.id, {}).get(reply_to_id)
            if reply is None:
                if missing == "raise":
                    raise ValueError(f"no message {reply_to_id} in chat {chat.id} to reply to")
                if not allow_without_reply:
                    raise _bad_request("message to be replied not found")
        if reply is not None and thread_id is None and reply.get("message_thread_id"):
            thread_id = reply["message_thread_id"]
            is_topic = bool(reply.get("is_topic_message"))
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            if is_topic:
                message["is_topic_message"] = True
                if reply is None:
                    # Telegram makes topic messages replies to the topic's creation message.
                    reply = self._messages.get(chat.id, {}).get(thread_id)
        if reply is not None:
            quoted = copy.deepcopy(reply)
            quoted.pop("reply_to_message", None)
            message["reply_to_message"] = quoted

    def _thread_for_send(self, chat: _Chat, thread_id: int | None) -> tuple[int | None, bool]:
        if thread_id is None:
            return None, False
        if chat.is_forum:
            if thread_id not in self._topics.get(chat.id, {}):
                raise _bad_request("message thread not found")
            if (chat.id, thread_id) in self._closed_topics:
                raise _bad_request("TOPIC_CLOSED")
            return thread_id, True
        if chat.type == "private" or thread_id not in self._messages.get(chat.id, {}):
            raise _bad_request("message thread not found")
        return thread_id, False

    def _store_bot_message(
        self, method: str, chat: _Chat, content: JsonDict, params: JsonDict
    ) -> JsonDict:
        """Validate threading and reply, count the send, store and return the bot's Message."""
        thread_id, is_topic = self._thread_for_send(chat, params.get("message_thread_id"))
        reply_parameters = params.get("reply_parameters")
        reply_to_id = params.get("reply_to_message_id")
        allow_without = bool(params.get("allow_sending_without_reply", False))
        if isinstance(reply_parameters, dict):
            reply_to_id = reply_parameters.get("message_id")
            allow_without = bool(reply_parameters.get("allow_sending_without_reply", allow_without))
        if isinstance(reply_to_id, str) and reply_to_id.lstrip("-").isdigit():
            reply_to_id = int(reply_to_id)
        message: JsonDict = {
            "message_id": 0,
            "from": self.bot_user,
            "chat": chat.to_json(),
            "date": int(time.time()),
        }
        self._attach_thread_and_reply(
            message,
            chat,
            thread_id,
            is_topic,
            reply_to_id,
            missing="api",
            allow_without_reply=allow_without,
        )
        markup = params.get("reply_markup")
        if markup is not None:
            _validate_reply_markup(markup)
        self._check_not_blocked(method, chat)
        self._count_send(method, chat)
        message["message_id"] = self._new_message_id(chat.id)
        message.update(content)
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = {"inline_keyboard": markup["inline_keyboard"]}
        if params.get("protect_content"):
            message["has_protected_content"] = True
        self._messages[chat.id][message["message_id"]] = message
        self._sent_log.append((chat.id, message["message_id"]))
        self._notify()
        return copy.deepcopy(message)

    def _formatted(
        self, params: JsonDict, text_key: str, mode_key: str, entities_key: str
    ) -> tuple[str, list[JsonDict]]:
        return parse_formatted_text(
            params.get(text_key, ""), params.get(mode_key), params.get(entities_key)
        )

    def _caption_content(self, params: JsonDict) -> JsonDict:
        if "caption" not in params:
            return {}
        caption, entities = self._formatted(params, "caption", "parse_mode", "caption_entities")
        if len(caption) > 1024:
            raise _bad_request("message caption is too long")
        content: JsonDict = {}
        if caption:
            content["caption"] = caption
            if entities:
                content["caption_entities"] = entities
        return content

    def _store_file(
        self, data: bytes, kind: str, mime_type: str | None, file_name: str | None
    ) -> _StoredFile:
        number = next(self._file_numbers)
        extension = {
            "photo": "jpg",
            "voice": "oga",
            "sticker": "webp",
            "audio": "mp3",
            "video": "mp4",
            "animation": "mp4",
            "video_note": "mp4",
        }.get(kind, "bin")
        if kind not in {"photo", "sticker"} and file_name and "." in file_name:
            extension = file_name.rsplit(".", 1)[1]
        stored = _StoredFile(
            file_id=f"FAKE-{kind.upper()}-{number:06d}",
            file_unique_id=f"U{number:06d}",
            file_path=f"{kind}s/file_{number}.{extension}",
            data=data,
            mime_type=mime_type,
            file_name=file_name,
        )
        self._files[stored.file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    def _input_file(self, params: JsonDict, name: str, kind: str, default_mime: str) -> _StoredFile:
        """Resolve an InputFile-or-String field: upload, known file_id, or HTTP URL."""
        value = params[name]
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))
            if value is None:
                raise _bad_request("wrong file identifier/HTTP URL specified")
        if isinstance(value, UploadedFile):
            if not value.data:
                raise _bad_request("file must be non-empty")
            if len(value.data) > 50 * 1024 * 1024:
                raise ApiError(413, "Request Entity Too Large")
            return self._store_file(
                value.data, kind, value.content_type or default_mime, value.filename
            )
        if isinstance(value, str):
            if value in self._files:
                return self._files[value]
            if re.match(r"https?://\S+$", value):
                name_in_url = value.rsplit("/", 1)[-1] or None
                return self._store_file(
                    b"downloaded from " + value.encode(), kind, default_mime, name_in_url
                )
        raise _bad_request("wrong file identifier/HTTP URL specified")

    def _photo_sizes(self, stored: _StoredFile) -> list[JsonDict]:
        small = self._store_file(stored.data, "photo", stored.mime_type, None)
        return [
            {
                "file_id": small.file_id,
                "file_unique_id": small.file_unique_id,
                "width": 90,
                "height": 68,
                "file_size": len(stored.data),
            },
            {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "width": 800,
                "height": 600,
                "file_size": len(stored.data),
            },
        ]

    def _chat_member_json(self, chat: _Chat, user_id: int, status: str) -> JsonDict:
        user = self.bot_user if user_id == self.bot_id else self._user(user_id)
        type_name = {
            "creator": "ChatMemberOwner",
            "administrator": "ChatMemberAdministrator",
            "member": "ChatMemberMember",
            "restricted": "ChatMemberRestricted",
            "left": "ChatMemberLeft",
            "kicked": "ChatMemberBanned",
        }[status]
        member = self._minimal(type_name)
        member["user"] = user
        member["status"] = status
        if status == "administrator":
            for spec_field in self._spec_types[type_name]["fields"]:
                name = spec_field["name"]
                if name.startswith("can_") and spec_field["types"] == ["Boolean"]:
                    member[name] = name != "can_be_edited"
        if status == "restricted":
            member["is_member"] = True
        return member

    def _member_status(self, chat: _Chat, user_id: int) -> str:
        status = self._members.get(chat.id, {}).get(user_id)
        if status is not None:
            return status
        if user_id == self.bot_id:
            return "administrator" if chat.is_group else "member"
        if chat.type == "private" and user_id == chat.id:
            return "member"
        return "left"

    def _minimal(self, type_name: str, depth: int = 0) -> JsonDict:
        """An object of a spec type with only its required fields, filled with neutral values."""
        spec_type = self._spec_types.get(type_name)
        if spec_type is None or depth > 4:
            return {}
        if spec_type.get("subtypes"):
            return self._minimal(spec_type["subtypes"][0], depth + 1)
        result: JsonDict = {}
        for spec_field in spec_type.get("fields", []):
            if spec_field["required"]:
                result[spec_field["name"]] = self._neutral_value(spec_field, depth)
        return result

    def _neutral_value(self, spec_field: JsonDict, depth: int) -> Any:
        kind = spec_field["types"][0]
        fixed = _DISCRIMINATOR.search(spec_field.get("description", ""))
        if fixed and kind == "String":
            return fixed[1]
        if kind == "Integer":
            return 0
        if kind == "Float":
            return 0.0
        if kind == "Boolean":
            return bool(fixed and fixed[1].lower() == "true")
        if kind == "String":
            if spec_field["name"] in {"file_id", "file_unique_id"}:
                return f"FAKE-{next(self._file_numbers):06d}"
            return ""
        if kind.startswith("Array of"):
            return []
        return self._minimal(kind, depth + 1)

    def _create_topic(
        self,
        chat: _Chat,
        name: str,
        icon_color: int,
        icon_custom_emoji_id: str | None,
        creator: JsonDict,
    ) -> JsonDict:
        message_id = self._new_message_id(chat.id)
        topic: JsonDict = {"message_thread_id": message_id, "name": name, "icon_color": icon_color}
        if icon_custom_emoji_id:
            topic["icon_custom_emoji_id"] = icon_custom_emoji_id
        created: JsonDict = {"name": name, "icon_color": icon_color}
        if icon_custom_emoji_id:
            created["icon_custom_emoji_id"] = icon_custom_emoji_id
        self._messages[chat.id][message_id] = {
            "message_id": message_id,
            "from": creator,
            "chat": chat.to_json(),
            "date": int(time.time()),
            "message_thread_id": message_id,
            "is_topic_message": True,
            "forum_topic_created": created,
        }
        self._topics[chat.id][message_id] = topic
        return dict(topic)

    # ---------------------------------------------------------------- handlers: bot and updates

    async def _h_true(self, params: JsonDict, method: str) -> bool:
        return True

    async def _h_get_me(self, params: JsonDict, method: str) -> JsonDict:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _allowed(self, update: JsonDict, allowed: list[str] | None) -> bool:
        kind = next(key for key in update if key != "update_id")
        if not allowed:
            return kind not in _DEFAULT_EXCLUDED_UPDATES
        return kind in allowed

    async def _h_get_updates(self, params: JsonDict, method: str) -> list[JsonDict]:
        if self._webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        if "allowed_updates" in params:
            self._allowed_updates = list(params["allowed_updates"])
        limit = min(max(int(params.get("limit", 100)), 1), 100)
        timeout = min(max(float(params.get("timeout", 0)), 0.0), self.max_poll_timeout)
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()  # an older poll still held learns that it was superseded
        offset = params.get("offset")
        if offset:
            if offset > 0:
                self._pending = [u for u in self._pending if u["update_id"] >= offset]
            else:
                self._pending = self._pending[offset:]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        self.active_polls += 1
        self._notify()
        try:
            while True:
                changed = self._changed
                if generation != self._poll_generation:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only "
                        "one bot instance is running",
                    )
                self._pending = [
                    u for u in self._pending if self._allowed(u, self._allowed_updates)
                ]
                if self._pending or self._closing.is_set():
                    return copy.deepcopy(self._pending[:limit])
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return []
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(changed.wait(), remaining)
        finally:
            self.active_polls -= 1

    async def _h_set_webhook(self, params: JsonDict, method: str) -> bool:
        url = params.get("url", "")
        if url == "":
            self._remove_webhook(bool(params.get("drop_pending_updates", False)))
            return True
        parts = urlsplit(url)
        local = (parts.hostname or "") in _LOCAL_HOSTS
        if parts.scheme != "https" and not (parts.scheme == "http" and local):
            raise _bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if not parts.hostname:
            raise _bad_request(
                "bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443"
            )
        secret = params.get("secret_token")
        if secret is not None and not _SECRET_TOKEN.fullmatch(secret):
            raise _bad_request("secret token contains unallowed characters")
        max_connections = params.get("max_connections", 40)
        if not 1 <= max_connections <= 100:
            raise _bad_request("bad webhook: max_connections must be between 1 and 100")
        previous = self._webhook
        queued = self._detach_webhook(previous) if previous else []
        if params.get("drop_pending_updates"):
            self._pending.clear()
            queued = []
        hook = _Webhook(
            url=url,
            secret_token=secret,
            max_connections=max_connections,
            allowed_updates=params.get(
                "allowed_updates", previous.allowed_updates if previous else None
            ),
            ip_address=params.get("ip_address"),
            deliverable=local,
            semaphore=asyncio.Semaphore(max_connections),
        )
        if "allowed_updates" in params:
            self._allowed_updates = list(params["allowed_updates"])
        self._webhook = hook
        waiting = sorted(self._pending + queued, key=lambda update: update["update_id"])
        self._pending = []
        if hook.deliverable:
            for update in waiting:
                self._schedule_delivery(hook, update)
        else:
            self._pending = waiting
            hook.last_error_message = "the fake Bot API delivers webhooks to 127.0.0.1 only"
        return True

    async def _h_delete_webhook(self, params: JsonDict, method: str) -> bool:
        self._remove_webhook(bool(params.get("drop_pending_updates", False)))
        return True

    def _remove_webhook(self, drop_pending: bool) -> None:
        hook, self._webhook = self._webhook, None
        queued = self._detach_webhook(hook) if hook else []
        if drop_pending:
            self._pending.clear()
        else:
            self._pending = sorted(self._pending + queued, key=lambda update: update["update_id"])
        self._notify()

    def _detach_webhook(self, hook: _Webhook) -> list[JsonDict]:
        """Stop a webhook's deliveries; returns the updates it had not delivered yet."""
        hook.active = False
        for task in hook.tasks:
            task.cancel()
        undelivered = list(hook.queued.values())
        hook.queued.clear()
        return undelivered

    async def _h_get_webhook_info(self, params: JsonDict, method: str) -> JsonDict:
        hook = self._webhook
        if hook is None:
            return {
                "url": "",
                "has_custom_certificate": False,
                "pending_update_count": len(self._pending),
            }
        info: JsonDict = {
            "url": hook.url,
            "has_custom_certificate": False,
            "pending_update_count": len(hook.queued) + len(self._pending),
            "max_connections": hook.max_connections,
            "ip_address": hook.ip_address or "127.0.0.1",
        }
        if hook.allowed_updates is not None:
            info["allowed_updates"] = hook.allowed_updates
        if hook.last_error_date is not None:
            info["last_error_date"] = hook.last_error_date
        if hook.last_error_message is not None:
            info["last_error_message"] = hook.last_error_message
        return info

    def _schedule_delivery(self, hook: _Webhook, update: JsonDict) -> None:
        if not self._allowed(update, hook.allowed_updates):
            return
        hook.queued[update["update_id"]] = update
        task = asyncio.get_running_loop().create_task(self._deliver(hook, update))
        hook.tasks.add(task)
        task.add_done_callback(hook.tasks.discard)

    async def _deliver(self, hook: _Webhook, update: JsonDict) -> None:
        """POST one update, in order per chat, retrying a few times like Telegram."""
        headers = {"Content-Type": "application/json"}
        if hook.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = hook.secret_token
        async with self._chat_locks[_update_chat_id(update)], hook.semaphore:
            for attempt in range(1, self.webhook_attempts + 1):
                if not hook.active or self._session is None:
                    return
                status: int | None = None
                error: str | None = None
                try:
                    async with self._session.post(
                        hook.url, data=json.dumps(update), headers=headers
                    ) as response:
                        status = response.status
                        reason = response.reason or ""
                        await response.read()
                except (aiohttp.ClientError, TimeoutError) as exc:
                    error = f"{type(exc).__name__}: {exc}"
                    reason = error
                self.webhook_deliveries.append(
                    WebhookDelivery(
                        update["update_id"], hook.url, attempt, status, error, self._clock()
                    )
                )
                self._notify()
                if status is not None and 200 <= status < 300:
                    hook.queued.pop(update["update_id"], None)
                    return
                hook.last_error_date = int(time.time())
                hook.last_error_message = (
                    f"Wrong response from the webhook: {status} {reason}".strip()
                    if status is not None
                    else f"Connection failed: {error}"
                )
                if attempt < self.webhook_attempts:
                    await self._sleep(self.webhook_retry_delay * attempt)
            hook.queued.pop(update["update_id"], None)

    # ---------------------------------------------------------------- handlers: sending

    async def _h_send_message(self, params: JsonDict, method: str) -> JsonDict:
        chat = self._resolve_chat(params["chat_id"])
        text, entities = self._formatted(params, "text", "parse_mode", "entities")
        if not text:
            raise _bad_request("message text is empty")
        if len(text) > 4096:
            raise _bad_request("message is too long")
        content: JsonDict = {"text": text}
        if entities:
            content["entities"] = entities
        if isinstance(params.get("link_preview_options"), dict):
            content["link_preview_options"] = params["link_preview_options"]
        return self._store_bot_message("sendMessage", chat, content, params)

    async def _h_send_photo(self, params: JsonDict, method: str) -> JsonDict:
        chat = self._resolve_chat(params["chat_id"])
        caption = self._caption_content(params)
        stored = self._input_file(params, "photo", "photo", "image/jpeg")
        content = {"photo": self._photo_sizes(stored), **caption}
        if params.get("has_spoiler"):
            content["has_media_spoiler"] = True
        return self._store_bot_message("sendPhoto", chat, content, params)

    async def _h_send_document(self, params: JsonDict, method: str) -> JsonDict:
        chat = self._resolve_chat(params["chat_id"])
        caption = self._caption_content(params)
        stored = self._input_file(params, "document", "document", "application/octet-stream")
        document: JsonDict = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
        }
        if stored.file_name:
            document["file_name"] = stored.file_name
        if stored.mime_type:
            document["mime_type"] = stored.mime_type
        return self._store_bot_message(
            "sendDocument", chat, {"document": document, **caption}, params
        )

    async def _h_send_media(self, params: JsonDict, method: str) -> JsonDict:
        key = re.sub(r"(?<!^)(?=[A-Z])", "_", method.removeprefix("send")).lower()
        chat = self._resolve_chat(params["chat_id"])
        caption = self._caption_content(params)
        stored = self._input_file(params, key, key, "application/octet-stream")
        type_name = {"video_note": "VideoNote"}.get(key, key.capitalize())
        media = self._minimal(type_name)
        media.update({"file_id": stored.file_id, "file_unique_id": stored.file_unique_id})
        for name, fallback in (("duration", 1), ("width", 640), ("height", 360), ("length", 240)):
            if name in media:
                media[name] = params.get(name) or fallback
        if "file_size" in {
            f["name"] for f in self._spec_types.get(type_name, {}).get("fields", [])
        }:
            media["file_size"] = len(stored.data)
        return self._store_bot_message(method, chat, {key: media, **caption}, params)

    async def _h_send_location(self, params: JsonDict, method: str) -> JsonDict:
        chat = self._resolve_chat(params["chat_id"])
        location = {"latitude": params["latitude"], "longitude": params["longitude"]}
        return self._store_bot_message("sendLocation", chat, {"location": location}, params)

    async def _h_send_contact(self, params: JsonDict, method: str) -> JsonDict:
        chat = self._resolve_chat(params["chat_id"])
        contact = {"phone_number": params["phone_number"], "first_name": params["first_name"]}
        if params.get("last_name"):
            contact["last_name"] = params["last_name"]
        return self._store_bot_message("sendContact", chat, {"contact": contact}, params)

    async def _h_send_dice(self, params: JsonDict, method: str) -> JsonDict:
        chat = self._resolve_chat(params["chat_id"])
        dice = {"emoji": params.get("emoji", "🎲"), "value": 4}
        return self._store_bot_message("sendDice", chat, {"dice": dice}, params)

    async def _h_send_media_group(self, params: JsonDict, method: str) -> list[JsonDict]:
        chat = self._resolve_chat(params["chat_id"])
        media = params["media"]
        if not isinstance(media, list) or not 2 <= len(media) <= 10:
            raise _bad_request("wrong number of media specified; must be between 2 and 10")
        group_id = str(next(self._file_numbers) * 1_000_003)
        prepared: list[JsonDict] = []
        for item in media:
            if not isinstance(item, dict) or item.get("type") not in {
                "photo",
                "video",
                "document",
                "audio",
            }:
                raise _bad_request("can't parse InputMedia JSON object")
            kind = item["type"]
            stored = self._input_file(
                {**params, "media": item.get("media")}, "media", kind, "application/octet-stream"
            )
            content: JsonDict = {"media_group_id": group_id}
            if kind == "photo":
                content["photo"] = self._photo_sizes(stored)
            else:
                content[kind] = {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "file_size": len(stored.data),
                }
                if stored.file_name:
                    content[kind]["file_name"] = stored.file_name
                if stored.mime_type:
                    content[kind]["mime_type"] = stored.mime_type
            content.update(self._caption_content(item))
            prepared.append(content)
        return [
            self._store_bot_message("sendMediaGroup", chat, content, params) for content in prepared
        ]

    def _source_message(self, params: JsonDict, what: str) -> JsonDict:
        source_chat = self._resolve_chat(params["from_chat_id"])
        source = self._messages.get(source_chat.id, {}).get(params["message_id"])
        if source is None or "forum_topic_created" in source:
            raise _bad_request(f"message to {what} not found")
        return source

    async def _h_copy_message(self, params: JsonDict, method: str) -> JsonDict:
        source = self._source_message(params, "copy")
        chat = self._resolve_chat(params["chat_id"])
        content = {
            key: copy.deepcopy(value)
            for key, value in source.items()
            if key
            not in {
                "message_id",
                "from",
                "chat",
                "date",
                "reply_to_message",
                "reply_markup",
                "message_thread_id",
                "is_topic_message",
                "edit_date",
                "forward_origin",
            }
        }
        if "caption" in params:
            content.pop("caption", None)
            content.pop("caption_entities", None)
            content.update(self._caption_content(params))
        message = self._store_bot_message("copyMessage", chat, content, params)
        return {"message_id": message["message_id"]}

    async def _h_forward_message(self, params: JsonDict, method: str) -> JsonDict:
        source = self._source_message(params, "forward")
        chat = self._resolve_chat(params["chat_id"])
        content = {
            key: copy.deepcopy(value)
            for key, value in source.items()
            if key
            in {
                "text",
                "entities",
                "caption",
                "caption_entities",
                "photo",
                "document",
                "voice",
                "sticker",
                "location",
                "contact",
                "audio",
                "video",
                "animation",
            }
        }
        sender = source.get("from", self.bot_user)
        content["forward_origin"] = {"type": "user", "sender_user": sender, "date": source["date"]}
        return self._store_bot_message("forwardMessage", chat, content, params)

    # ---------------------------------------------------------------- handlers: editing

    def _message_to_edit(self, params: JsonDict) -> tuple[_Chat, JsonDict]:
        if "chat_id" not in params:
            raise _bad_request("chat_id is empty")
        if "message_id" not in params:
            raise _bad_request("message identifier is not specified")
        chat = self._resolve_chat(params["chat_id"])
        message = self._messages.get(chat.id, {}).get(params["message_id"])
        if message is None:
            raise _bad_request("message to edit not found")
        if message.get("from", {}).get("id") != self.bot_id or "forum_topic_created" in message:
            raise _bad_request("message can't be edited")
        return chat, message

    def _save_edit(
        self,
        method: str,
        chat: _Chat,
        message: JsonDict,
        changes: JsonDict,
        markup: JsonDict | None,
    ) -> JsonDict:
        self._check_not_blocked(method, chat)
        self._count_send(method, chat)
        edited = {
            key: value
            for key, value in message.items()
            if key not in changes or changes[key] is not None
        }
        edited.update({key: value for key, value in changes.items() if value is not None})
        edited.pop("reply_markup", None)
        if markup is not None:
            edited["reply_markup"] = {"inline_keyboard": markup["inline_keyboard"]}
        edited["edit_date"] = int(time.time())
        self._messages[chat.id][message["message_id"]] = edited
        self._notify()
        return copy.deepcopy(edited)

    @staticmethod
    def _not_modified() -> ApiError:
        return _bad_request(
            "message is not modified: specified new message content and reply markup are exactly "
            "the same as a current content and reply markup of the message"
        )

    def _new_markup(self, params: JsonDict) -> JsonDict | None:
        markup = params.get("reply_markup")
        if markup is None:
            return None
        _validate_reply_markup(markup, inline_only=True)
        return {"inline_keyboard": markup["inline_keyboard"]}

    async def _h_edit_message_text(self, params: JsonDict, method: str) -> JsonDict | bool:
        if "text" not in params and "rich_message" not in params:
            raise _bad_request("message text is empty")
        text, entities = self._formatted(params, "text", "parse_mode", "entities")
        if not text:
            raise _bad_request("message text is empty")
        if len(text) > 4096:
            raise _bad_request("message is too long")
        markup = self._new_markup(params)
        if params.get("inline_message_id"):
            return True
        chat, message = self._message_to_edit(params)
        if "text" not in message:
            raise _bad_request("there is no text in the message to edit")
        if (
            text == message["text"]
            and entities == message.get("entities", [])
            and markup == message.get("reply_markup")
        ):
            raise self._not_modified()
        changes: JsonDict = {"text": text, "entities": entities or None}
        return self._save_edit("editMessageText", chat, message, changes, markup)

    async def _h_edit_message_caption(self, params: JsonDict, method: str) -> JsonDict | bool:
        caption = self._caption_content(params)
        markup = self._new_markup(params)
        if params.get("inline_message_id"):
            return True
        chat, message = self._message_to_edit(params)
        if "text" in message:
            raise _bad_request("there is no caption in the message to edit")
        if (
            caption.get("caption") == message.get("caption")
            and caption.get("caption_entities") == message.get("caption_entities")
            and markup == message.get("reply_markup")
        ):
            raise self._not_modified()
        base = {
            key: value
            for key, value in message.items()
            if key not in {"caption", "caption_entities"}
        }
        return self._save_edit("editMessageCaption", chat, base, caption, markup)

    async def _h_edit_message_reply_markup(self, params: JsonDict, method: str) -> JsonDict | bool:
        markup = self._new_markup(params)
        if params.get("inline_message_id"):
            return True
        chat, message = self._message_to_edit(params)
        if markup == message.get("reply_markup"):
            raise self._not_modified()
        return self._save_edit("editMessageReplyMarkup", chat, message, {}, markup)

    async def _h_delete_message(self, params: JsonDict, method: str) -> bool:
        chat = self._resolve_chat(params["chat_id"])
        message = self._messages.get(chat.id, {}).pop(params["message_id"], None)
        if message is None:
            raise _bad_request("message to delete not found")
        self._deleted[(chat.id, params["message_id"])] = message
        self._notify()
        return True

    # ---------------------------------------------------------------- handlers: interaction

    async def _h_answer_callback_query(self, params: JsonDict, method: str) -> bool:
        query_id = params["callback_query_id"]
        if query_id not in self._callback_queries or query_id in self.callback_answers:
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if len(params.get("text", "")) > 200:
            raise _bad_request("MESSAGE_TOO_LONG")
        self.callback_answers[query_id] = dict(params)
        return True

    async def _h_send_chat_action(self, params: JsonDict, method: str) -> bool:
        chat = self._resolve_chat(params["chat_id"])
        if params["action"] not in _CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        self._thread_for_send(chat, params.get("message_thread_id"))
        self._check_not_blocked("sendChatAction", chat)
        return True

    def _commands_key(self, params: JsonDict) -> str:
        scope = params.get("scope") or {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in _COMMAND_SCOPES:
            raise _bad_request("can't parse BotCommandScope JSON object")
        language = params.get("language_code", "")
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise _bad_request("invalid language code specified")
        return json.dumps([scope, language], sort_keys=True)

    async def _h_set_my_commands(self, params: JsonDict, method: str) -> bool:
        commands = params["commands"]
        if not isinstance(commands, list):
            raise _bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise _bad_request("too many commands")
        cleaned: list[JsonDict] = []
        for command in commands:
            if not isinstance(command, dict):
                raise _bad_request("can't parse BotCommand JSON object")
            name = command.get("command")
            description = command.get("description")
            if not isinstance(name, str) or not _BOT_COMMAND_NAME.fullmatch(name):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            cleaned.append({"command": name, "description": description})
        self._commands[self._commands_key(params)] = cleaned
        return True

    async def _h_get_my_commands(self, params: JsonDict, method: str) -> list[JsonDict]:
        return copy.deepcopy(self._commands.get(self._commands_key(params), []))

    async def _h_delete_my_commands(self, params: JsonDict, method: str) -> bool:
        self._commands.pop(self._commands_key(params), None)
        return True

    def bot_commands(
        self, scope: JsonDict | None = None, language_code: str = ""
    ) -> list[JsonDict]:
        """What setMyCommands stored for a scope (default scope when None)."""
        key = json.dumps([scope or {"type": "default"}, language_code], sort_keys=True)
        return copy.deepcopy(self._commands.get(key, []))

    # ---------------------------------------------------------------- handlers: chats and topics

    async def _h_create_forum_topic(self, params: JsonDict, method: str) -> JsonDict:
        chat_ref = params["chat_id"]
        if isinstance(chat_ref, int) and chat_ref not in self._chats and not self.strict_chats:
            self.add_chat(chat_ref, "supergroup", is_forum=True)
        chat = self._resolve_chat(chat_ref)
        if chat.type != "supergroup" or not chat.is_forum:
            raise _bad_request("the chat is not a forum")
        name = params["name"]
        if not name.strip():
            raise _bad_request("topic name is empty")
        if len(name) > 128:
            raise _bad_request("TOPIC_TITLE_INVALID")
        icon_color = params.get("icon_color", 7322096)
        if icon_color not in _TOPIC_ICON_COLORS:
            raise _bad_request("TOPIC_ICON_COLOR_INVALID")
        if self._member_status(chat, self.bot_id) not in {"administrator", "creator"}:
            raise _bad_request("not enough rights to create a topic")
        return self._create_topic(
            chat, name, icon_color, params.get("icon_custom_emoji_id"), self.bot_user
        )

    async def _h_forum_topic_change(self, params: JsonDict, method: str) -> bool:
        chat = self._resolve_chat(params["chat_id"])
        thread_id = params["message_thread_id"]
        topics = self._topics.get(chat.id, {})
        if not chat.is_forum or thread_id not in topics:
            raise _bad_request("message thread not found")
        if method == "closeForumTopic":
            self._closed_topics.add((chat.id, thread_id))
        elif method == "reopenForumTopic":
            self._closed_topics.discard((chat.id, thread_id))
        elif method == "deleteForumTopic":
            topics.pop(thread_id)
            self._closed_topics.discard((chat.id, thread_id))
        elif method == "editForumTopic" and params.get("name"):
            topics[thread_id]["name"] = params["name"]
        return True

    def forum_topics(self, chat_id: int) -> list[JsonDict]:
        return copy.deepcopy(list(self._topics.get(chat_id, {}).values()))

    async def _h_get_chat(self, params: JsonDict, method: str) -> JsonDict:
        chat = self._resolve_chat(params["chat_id"])
        info = self._minimal("ChatFullInfo")
        info.update(chat.to_json())
        info["accent_color_id"] = 0
        info["max_reaction_count"] = 11
        return info

    async def _h_get_chat_member(self, params: JsonDict, method: str) -> JsonDict:
        chat = self._resolve_chat(params["chat_id"])
        user_id = params["user_id"]
        return self._chat_member_json(chat, user_id, self._member_status(chat, user_id))

    async def _h_get_chat_administrators(self, params: JsonDict, method: str) -> list[JsonDict]:
        chat = self._resolve_chat(params["chat_id"])
        if chat.type == "private":
            raise _bad_request("there are no administrators in the private chat")
        statuses = dict(self._members.get(chat.id, {}))
        statuses.setdefault(self.bot_id, self._member_status(chat, self.bot_id))
        return [
            self._chat_member_json(chat, user_id, status)
            for user_id, status in statuses.items()
            if status in {"creator", "administrator"}
        ]

    async def _h_get_chat_member_count(self, params: JsonDict, method: str) -> int:
        chat = self._resolve_chat(params["chat_id"])
        if chat.type == "private":
            return 2
        statuses = dict(self._members.get(chat.id, {}))
        statuses.setdefault(self.bot_id, self._member_status(chat, self.bot_id))
        return sum(1 for status in statuses.values() if status not in {"left", "kicked"})

    async def _h_leave_chat(self, params: JsonDict, method: str) -> bool:
        chat = self._resolve_chat(params["chat_id"])
        self._members[chat.id][self.bot_id] = "left"
        return True

    async def _h_get_file(self, params: JsonDict, method: str) -> JsonDict:
        stored = self._files.get(params["file_id"])
        if stored is None:
            raise _bad_request("wrong file_id or the file is temporarily unavailable")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    # ---------------------------------------------------------------- handlers: everything else

    async def _h_generic(self, params: JsonDict, method: str) -> Any:
        """A known method without a dedicated handler: a plausible result of its return type."""
        returns = self._spec_methods[method].get("returns", ["Boolean"])
        kind = returns[0]
        if kind in {"Message", "MessageId"} and "chat_id" not in params:
            return True if "Boolean" in returns else {}
        if kind == "Message":
            chat = self._resolve_chat(params["chat_id"])
            return self._store_bot_message(method, chat, {}, params)
        if kind == "MessageId":
            chat = self._resolve_chat(params["chat_id"])
            self._check_not_blocked(method, chat)
            self._count_send(method, chat)
            return {"message_id": self._new_message_id(chat.id)}
        if kind == "Boolean":
            return True
        if kind == "Integer":
            return 0
        if kind == "String":
            return "https://t.me/+fakeInviteLink" if "Link" in method else ""
        if kind.startswith("Array of"):
            return []
        return self._minimal(kind)


# --------------------------------------------------------------------------------------------
# Small pure helpers
# --------------------------------------------------------------------------------------------


def _coerce_field(name: str, types: list[str], value: Any) -> Any:
    """Parse one request field to its documented type, as Telegram does with form values."""
    if isinstance(value, UploadedFile):
        if "InputFile" in types:
            return value
        raise _bad_request(f'field "{name}" can\'t be a file')
    structured = [kind for kind in types if kind not in _SCALAR_TYPES]
    if structured and not ({"String", "InputFile", "Integer"} & set(types)):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError as error:
                if name == "reply_markup":
                    raise _bad_request("can't parse reply keyboard markup JSON object") from error
                if name.endswith("entities"):
                    raise _bad_request("can't parse entities JSON object") from error
                raise _bad_request(f"can't parse {name} JSON object") from error
        expected = list if structured[0].startswith("Array of") else dict
        if not isinstance(value, expected):
            if name == "reply_markup":
                raise _bad_request("can't parse reply keyboard markup JSON object")
            raise _bad_request(f"can't parse {name} JSON object")
        return value
    if "Integer" in types:
        if isinstance(value, bool):
            raise _bad_request(f'field "{name}" must be of type Integer')
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            stripped = value.strip()
            if re.fullmatch(r"[+-]?\d+", stripped):
                return int(stripped)
            if re.fullmatch(r"[+-]?\d+\.0*", stripped):
                return int(float(stripped))
            if "String" in types:
                return value
        if name == "chat_id":
            raise _bad_request("chat not found")
        raise _bad_request(f'field "{name}" must be of type Integer')
    if "Float" in types:
        if isinstance(value, bool):
            raise _bad_request(f'field "{name}" must be of type Float')
        try:
            return float(value)
        except (TypeError, ValueError) as error:
            raise _bad_request(f'field "{name}" must be of type Float') from error
    if "Boolean" in types:
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in {"true", "false", "1", "0"}:
            return value.strip().lower() in {"true", "1"}
        raise _bad_request(f'field "{name}" must be of type Boolean')
    if "String" in types:
        if isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        raise _bad_request(f'field "{name}" must be of type String')
    return value


def _detect_entities(text: str) -> list[JsonDict]:
    """bot_command for a leading /command, mention for each @username (UTF-16 offsets)."""
    entities: list[JsonDict] = []
    command = _COMMAND_AT_START.match(text)
    if command is not None:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command[0])})
    for mention in _MENTION.finditer(text):
        if command is not None and mention.start() < command.end():
            continue
        entities.append(
            {
                "type": "mention",
                "offset": utf16_len(text[: mention.start()]),
                "length": utf16_len(mention[0]),
            }
        )
    return entities


def _update_chat_id(update: Mapping[str, Any]) -> int:
    for key, value in update.items():
        if key == "update_id" or not isinstance(value, dict):
            continue
        if "chat" in value:
            return int(value["chat"]["id"])
        message = value.get("message")
        if isinstance(message, dict) and "chat" in message:
            return int(message["chat"]["id"])
        if "from" in value:
            return int(value["from"]["id"])
    return 0


def _describe_media(message: Mapping[str, Any]) -> str:
    for key in (
        "photo",
        "document",
        "voice",
        "sticker",
        "location",
        "contact",
        "forum_topic_created",
    ):
        if key in message:
            return f"<{key}>"
    return "<message>"


@contextlib.asynccontextmanager
async def running_fake_bot_api(**options: Any) -> AsyncIterator[FakeBotAPI]:
    """``async with running_fake_bot_api() as fake:`` for scripts and bench/ runs."""
    async with FakeBotAPI(**options) as fake:
        yield fake
