"""Typed service promises (fee, maximum duration, opening hours, requirements) parsed from
the ``promises:`` front matter of a service standard.

The knowledge loader in ``bot/`` reads the files and calls :func:`parse_promises`; nothing here
touches a file.

Working days and calendar time
------------------------------
A promise in working days ("5 hari kerja") is compared with calendar claims through
:meth:`Duration.max_calendar_minutes`: N working days are taken as N x 7/5 calendar days, i.e. a
working week of five days equals a calendar week ("5 hari kerja" allows "seminggu", "10 hari
kerja" allows "2 minggu"). Public holidays are not modelled. The lower bound
(:meth:`Duration.min_calendar_minutes`) of N working days is N calendar days.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from guardrails.numbers import format_rupiah, parse_amount_text, parse_digits, parse_number_words

__all__ = [
    "DAY_NAMES_EN",
    "DAY_NAMES_ID",
    "KNOWN_PROMISE_KEYS",
    "Duration",
    "Fee",
    "OpeningHours",
    "PromiseFormatError",
    "Promises",
    "ServiceStandard",
    "TimeSlot",
    "parse_duration",
    "parse_fee",
    "parse_hours",
    "parse_promises",
    "variant_label",
]

MINUTES_PER_DAY = 24 * 60
WORKING_WEEK_RATIO = 7 / 5  # calendar days per working day (a 5-day week is a calendar week)

DAY_NAMES_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Day words, Indonesian and English, including common spellings and abbreviations.
DAY_WORDS: dict[str, int] = {
    "senin": 0,
    "sen": 0,
    "selasa": 1,
    "sel": 1,
    "rabu": 2,
    "rab": 2,
    "kamis": 3,
    "kam": 3,
    "jumat": 4,
    "jum'at": 4,
    "jum’at": 4,
    "jumaat": 4,
    "jum": 4,
    "sabtu": 5,
    "sab": 5,
    "minggu": 6,
    "ahad": 6,
    "min": 6,
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
# Full day names only (abbreviations are too ambiguous in free text).
FULL_DAY_WORDS: dict[str, int] = {
    k: v for k, v in DAY_WORDS.items() if len(k) > 3 and k not in ("tues", "thur", "thurs")
}

KNOWN_PROMISE_KEYS: frozenset[str] = frozenset(
    {"fee", "duration", "hours", "requirements", "channels", "complaint_response"}
)


class PromiseFormatError(ValueError):
    """A promise value that cannot be read. ``key`` names the promise at fault."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


# --------------------------------------------------------------------------- fee

_LOWER_TOKENS = frozenset({"per", "dan", "atau", "and", "or", "m2", "m3", "km", "untuk", "for"})


def variant_label(key: str) -> str:
    """Human label of a fee variant key: "sim_a" -> "SIM A", "paspor_biasa" -> "paspor biasa",
    "rumah_tinggal_per_m2" -> "rumah tinggal per m2". Keys already written as labels are kept."""
    if " " in key or any(c.isupper() for c in key):
        return key
    words = [w for w in re.split(r"[_\-\s]+", key) if w]
    # Code-like keys ("sim_a", "sim_b1") are written in capitals; word keys stay as they are.
    code_like = any(
        len(w) == 1 or (any(c.isdigit() for c in w) and w not in _LOWER_TOKENS) for w in words
    )
    out = []
    for word in words:
        if word in _LOWER_TOKENS or not code_like:
            out.append(word)
        elif len(word) <= 3 or any(c.isdigit() for c in word):
            out.append(word.upper())
        else:
            out.append(word)
    return " ".join(out)


@dataclass(frozen=True)
class Fee:
    """The promised fee: one amount (``{"": amount}``) or amounts per variant; 0 = free."""

    amounts: Mapping[str, int]

    def __post_init__(self) -> None:
        object.__setattr__(self, "amounts", MappingProxyType(dict(self.amounts)))

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.amounts.items())))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Fee):
            return NotImplemented
        return dict(self.amounts) == dict(other.amounts)

    @property
    def is_free(self) -> bool:
        return all(amount == 0 for amount in self.amounts.values())

    @property
    def values(self) -> frozenset[int]:
        return frozenset(self.amounts.values())

    def describe(self, language: str = "id") -> str:
        if self.is_free:
            return "free of charge" if language == "en" else "gratis"
        parts = []
        for key, amount in self.amounts.items():
            text = format_rupiah(amount) if amount else ("free" if language == "en" else "gratis")
            parts.append(f"{text} ({variant_label(key)})" if key else text)
        return ", ".join(parts)


def parse_fee(value: object) -> Fee:
    """int, numeric string, "Rp 50.000", "gratis", or a mapping {variant: amount}."""
    if isinstance(value, bool):
        raise PromiseFormatError("fee", f"biaya tidak dapat dibaca: {value!r}")
    if isinstance(value, Mapping):
        if not value:
            raise PromiseFormatError("fee", "daftar biaya per jenis kosong")
        amounts: dict[str, int] = {}
        for key, amount in value.items():
            amounts[str(key)] = _single_amount(amount)
        return Fee(amounts)
    return Fee({"": _single_amount(value)})


_FREE_WORDS = frozenset(
    {
        "gratis",
        "free",
        "free of charge",
        "tidak dipungut biaya",
        "tanpa biaya",
        "nol",
        "rp 0",
        "rp0",
        "-",
    }
)


def _single_amount(value: object) -> int:
    if isinstance(value, bool):
        raise PromiseFormatError("fee", f"biaya tidak dapat dibaca: {value!r}")
    if isinstance(value, int):
        if value < 0:
            raise PromiseFormatError("fee", f"biaya tidak boleh negatif: {value}")
        return value
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _FREE_WORDS:
            return 0
        amount = parse_amount_text(text)
        if amount is not None:
            return amount
        amount = _amount_in_prose(text)
        if amount is not None:
            return amount
    raise PromiseFormatError("fee", f"biaya tidak dapat dibaca: {value!r}")


_MARKED_AMOUNT_RE = re.compile(r"(?:rp\.?|idr)\s*\d[\d.,]*(?:\s*(?:ribu|rb|juta|jt))?(?![\w])")
_PER_UNIT_TAIL_RE = re.compile(r"\s*(?:/|\bper\b)\s*[a-z][a-z ]*$")


def _amount_in_prose(text: str) -> int | None:
    """How officials also write one fee: "Gratis (tidak dipungut biaya)", "Rp 10.000/lembar",
    "Rp 30.000 per dokumen", "Sesuai PP 60/2016: Rp 350.000". Two different amounts are not
    one fee (write a mapping of variants), so they stay unreadable."""
    cleaned = _PER_UNIT_TAIL_RE.sub("", re.sub(r"\([^)]*\)", " ", text)).strip(" .:;,-")
    if cleaned in _FREE_WORDS:
        return 0
    amount = parse_amount_text(cleaned) if cleaned else None
    if amount is not None:
        return amount
    found = {parse_amount_text(m.group()) for m in _MARKED_AMOUNT_RE.finditer(text)}
    found.discard(None)
    if len(found) == 1:
        return found.pop()
    if not found and not re.search(r"\d", text) and any(w in text for w in _FREE_WORDS if w != "-"):
        return 0
    return None


# --------------------------------------------------------------------------- duration

DURATION_UNITS = ("minutes", "hours", "days", "working_days")


@dataclass(frozen=True)
class Duration:
    """A length of time. ``unit`` is one of minutes, hours, days (calendar), working_days."""

    amount: float
    unit: str
    text: str = ""

    def __post_init__(self) -> None:
        if self.unit not in DURATION_UNITS:
            raise ValueError(f"unknown duration unit {self.unit!r}")

    def max_calendar_minutes(self) -> float:
        """Upper bound in calendar minutes; N working days -> N x 7/5 calendar days."""
        if self.unit == "working_days":
            return self.amount * WORKING_WEEK_RATIO * MINUTES_PER_DAY
        return self._calendar_minutes()

    def min_calendar_minutes(self) -> float:
        """Lower bound in calendar minutes; N working days -> N calendar days."""
        if self.unit == "working_days":
            return self.amount * MINUTES_PER_DAY
        return self._calendar_minutes()

    def _calendar_minutes(self) -> float:
        if self.unit == "minutes":
            return self.amount
        if self.unit == "hours":
            return self.amount * 60
        return self.amount * MINUTES_PER_DAY

    def describe(self, language: str = "id") -> str:
        if language != "en" and self.text:
            return self.text
        amount = _format_amount(self.amount, language)
        plural = self.amount != 1
        if language == "en":
            names = {
                "minutes": "minute",
                "hours": "hour",
                "days": "day",
                "working_days": "working day",
            }
            return f"{amount} {names[self.unit]}{'s' if plural else ''}"
        names_id = {
            "minutes": "menit",
            "hours": "jam",
            "days": "hari",
            "working_days": "hari kerja",
        }
        return f"{amount} {names_id[self.unit]}"


def _format_amount(amount: float, language: str) -> str:
    if float(amount).is_integer():
        return str(int(amount))
    text = f"{amount:g}"
    return text if language == "en" else text.replace(".", ",")


_DURATION_UNIT_WORDS: dict[str, tuple[str, float]] = {
    "menit": ("minutes", 1),
    "mnt": ("minutes", 1),
    "minute": ("minutes", 1),
    "minutes": ("minutes", 1),
    "min": ("minutes", 1),
    "mins": ("minutes", 1),
    "jam": ("hours", 1),
    "hour": ("hours", 1),
    "hours": ("hours", 1),
    "hr": ("hours", 1),
    "hrs": ("hours", 1),
    "hari": ("days", 1),
    "day": ("days", 1),
    "days": ("days", 1),
    "minggu": ("days", 7),
    "pekan": ("days", 7),
    "week": ("days", 7),
    "weeks": ("days", 7),
    "bulan": ("days", 30),
    "month": ("days", 30),
    "months": ("days", 30),
}

_SE_DURATIONS: dict[str, tuple[float, str]] = {
    "sehari": (1, "days"),
    "sejam": (1, "hours"),
    "seminggu": (7, "days"),
    "sepekan": (7, "days"),
    "sebulan": (30, "days"),
}

_TIMES_24_RE = re.compile(r"(\d+)\s*[x×]\s*24\s*jam")
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)?|[a-z]+")


def parse_duration(text: str) -> Duration:
    """ "1 hari kerja", "N hari", "N jam", "N menit", "1x24 jam", "14 hari kalender",
    "2 minggu", "5 (lima) hari kerja", "5 working days", "paling lama 3 jam"."""
    if not isinstance(text, str) or not text.strip():
        raise PromiseFormatError("duration", f"waktu penyelesaian tidak dapat dibaca: {text!r}")
    lowered = text.strip().lower()
    times = _TIMES_24_RE.search(lowered)
    if times:
        return Duration(float(times.group(1)) * 24, "hours", text.strip())
    words = _WORD_RE.findall(lowered.replace("(", " ").replace(")", " "))
    for i, word in enumerate(words):
        if word in _SE_DURATIONS:
            amount, unit = _SE_DURATIONS[word]
            working = i + 1 < len(words) and words[i + 1] in ("kerja",)
            if working and unit == "days":
                return Duration(amount, "working_days", text.strip())
            return Duration(amount, unit, text.strip())
        value: float | None = None
        consumed = 0
        if word[0].isdigit():
            value = parse_digits(word)
            consumed = 1
        elif word in ("a", "an", "one"):
            value, consumed = 1.0, 1
        else:
            parsed = parse_number_words(words, i)
            if parsed is not None:
                value, consumed = parsed
        if value is None:
            continue
        j = i + consumed
        # Skip a parenthetical number word: "5 (lima) hari kerja".
        parsed_again = parse_number_words(words, j) if j < len(words) else None
        if parsed_again is not None and parsed_again[0] == value:
            j += parsed_again[1]
        if j >= len(words):
            continue
        unit_word = words[j]
        if (
            unit_word in ("working", "business")
            and j + 1 < len(words)
            and words[j + 1]
            in (
                "day",
                "days",
            )
        ):
            return Duration(value, "working_days", text.strip())
        if unit_word in ("calendar",) and j + 1 < len(words) and words[j + 1] in ("day", "days"):
            return Duration(value, "days", text.strip())
        if unit_word not in _DURATION_UNIT_WORDS:
            continue
        unit, factor = _DURATION_UNIT_WORDS[unit_word]
        if unit == "days" and factor == 1 and j + 1 < len(words) and words[j + 1] == "kerja":
            return Duration(value, "working_days", text.strip())
        if unit == "days" and factor == 7 and j + 1 < len(words) and words[j + 1] == "kerja":
            return Duration(value * 5, "working_days", text.strip())
        return Duration(value * factor, unit, text.strip())
    if any(phrase in lowered for phrase in _SAME_DAY_PHRASES):
        return Duration(1.0, "days", text.strip())  # finished the day it is asked for
    raise PromiseFormatError("duration", f"waktu penyelesaian tidak dapat dibaca: {text!r}")


_SAME_DAY_PHRASES = (
    "hari itu juga",
    "hari yang sama",
    "di hari yang sama",
    "saat itu juga",
    "same day",
    "same-day",
    "on the spot",
)


# --------------------------------------------------------------------------- hours


@dataclass(frozen=True)
class TimeSlot:
    days: frozenset[int]  # 0 = Monday ... 6 = Sunday
    start_minute: int  # minutes since midnight
    end_minute: int

    def covers(self, day: int, minute: int) -> bool:
        # an overnight slot ("16.00-07.30", end past midnight) also covers the early morning
        return day in self.days and (
            self.start_minute <= minute < self.end_minute
            or minute + MINUTES_PER_DAY < self.end_minute
        )


@dataclass(frozen=True)
class OpeningHours:
    slots: tuple[TimeSlot, ...]
    text: str = ""

    def is_open(self, day: int, minute: int) -> bool:
        return any(slot.covers(day, minute) for slot in self.slots)

    @property
    def open_days(self) -> frozenset[int]:
        days: set[int] = set()
        for slot in self.slots:
            days |= slot.days
        return frozenset(days)

    def window(self, day: int) -> tuple[int, int] | None:
        """Earliest opening and latest closing minute on ``day`` (None when closed)."""
        return self._windows[day]

    @property
    def _windows(self) -> tuple[tuple[int, int] | None, ...]:
        cached: tuple[tuple[int, int] | None, ...] | None = self.__dict__.get("_cached_windows")
        if cached is None:
            windows: list[tuple[int, int] | None] = []
            for day in range(7):
                slots = [s for s in self.slots if day in s.days]
                windows.append(
                    (min(s.start_minute for s in slots), max(s.end_minute for s in slots))
                    if slots
                    else None
                )
            cached = tuple(windows)
            object.__setattr__(self, "_cached_windows", cached)
        return cached

    def describe(self, language: str = "id") -> str:
        names = DAY_NAMES_EN if language == "en" else DAY_NAMES_ID
        parts = []
        for slot in self.slots:
            days = _describe_days(slot.days, names, language)
            if slot.start_minute == 0 and slot.end_minute >= MINUTES_PER_DAY:
                hours = "24 hours" if language == "en" else "24 jam"
            else:
                end = slot.end_minute
                end = end - MINUTES_PER_DAY if end > MINUTES_PER_DAY else end
                hours = f"{_hhmm(slot.start_minute)}-{_hhmm(end)}"
            parts.append(f"{days} {hours}")
        return ", ".join(parts)


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}.{minute % 60:02d}"


def _describe_days(days: frozenset[int], names: tuple[str, ...], language: str) -> str:
    ordered = sorted(days)
    if len(ordered) == 7:
        return "Every day" if language == "en" else "Setiap hari"
    runs: list[tuple[int, int]] = []
    for day in ordered:
        if runs and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    out = []
    for start, end in runs:
        if start == end:
            out.append(names[start])
        elif end == start + 1:
            out.append(f"{names[start]}, {names[end]}")
        else:
            out.append(f"{names[start]}-{names[end]}")
    return ", ".join(out)


_HOURS_TOKEN_RE = re.compile(
    r"(?P<time>\d{1,2}[.:]\d{2})|(?P<num>\d+)|(?P<word>[a-z]+(?:['’][a-z]+)?)|(?P<dash>[-–—])|(?P<sep>[,;/])"
)
_RANGE_WORDS = frozenset({"sampai", "hingga", "sd", "to", "through", "until", "till", "thru"})
_EVERY_DAY_PHRASES = ("setiap hari", "tiap hari", "every day", "everyday", "daily", "senin-minggu")


# "8am", "3 pm", "jam 8 pagi", "pukul 3 sore": written out as "08.00" / "15.00".
_CLOCK_WORDS_RE = re.compile(
    r"(?:\b(?:jam|pukul|pkl)\.?\s*)?\b(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|pagi|siang|sore|malam)\b"
    r"|\b(?:jam|pukul|pkl)\.?\s*(\d{1,2})(?:[.:](\d{2}))?\b"
)


def _clock_time(match: re.Match[str]) -> str:
    hour_text = match.group(1) or match.group(4)
    minute_text = match.group(2) or match.group(5) or "00"
    period = match.group(3)
    hour = int(hour_text)
    if (
        (period in ("pm", "sore") and hour < 12)
        or (period == "siang" and hour < 6)
        or (period == "malam" and 5 <= hour < 12)
    ):
        hour += 12
    elif period == "am" and hour == 12:
        hour = 0
    return f" {hour:02d}.{minute_text} "


def _to_minute(text: str) -> int:
    hour_text, minute_text = re.split(r"[.:]", text)
    hour, minute = int(hour_text), int(minute_text)
    if hour > 24 or minute > 59:
        raise ValueError(text)
    return hour * 60 + minute


def parse_hours(text: str) -> OpeningHours:
    """ "Senin-Jumat 08.00-15.00", "Senin-Kamis 08.00-15.00, Jumat 08.00-11.00",
    "Setiap hari 24 jam", "Monday-Friday 08:00-15:00". Breaks ("istirahat 12.00-13.00") are
    ignored: the promise is read as the outer window."""
    if not isinstance(text, str) or not text.strip():
        raise PromiseFormatError("hours", f"jam layanan tidak dapat dibaca: {text!r}")
    lowered = text.strip().lower().replace("s.d.", " sd ").replace("s/d", " sd ")
    lowered = re.sub(r"\(.*?istirahat.*?\)|istirahat[^,;]*", " ", lowered)
    lowered = _CLOCK_WORDS_RE.sub(_clock_time, lowered)
    every_day = any(p in lowered for p in _EVERY_DAY_PHRASES)
    slots: list[TimeSlot] = []
    pending_days: set[int] = set()
    last_days: frozenset[int] | None = None
    range_open = False
    previous_day: int | None = None
    pending_time: int | None = None
    time_range_open = False
    tokens = list(_HOURS_TOKEN_RE.finditer(lowered))
    for index, token in enumerate(tokens):
        kind = token.lastgroup
        value = token.group()
        if kind == "word" and value in DAY_WORDS:
            day = DAY_WORDS[value]
            if range_open and previous_day is not None:
                span = (
                    range(previous_day, day + 1)
                    if day >= previous_day
                    else [
                        *range(previous_day, 7),
                        *range(0, day + 1),
                    ]
                )
                pending_days.update(span)
                range_open = False
            else:
                pending_days.add(day)
            previous_day = day
        elif (kind == "word" and value in _RANGE_WORDS) or kind == "dash":
            if pending_time is not None:
                time_range_open = True
            elif previous_day is not None:
                range_open = True
        elif kind == "time":
            try:
                minute = _to_minute(value)
            except ValueError as exc:
                raise PromiseFormatError("hours", f"jam tidak valid: {value!r}") from exc
            if time_range_open and pending_time is not None:
                days = frozenset(pending_days) if pending_days else last_days
                if days is None:
                    days = frozenset(range(7)) if every_day else frozenset(range(5))
                if minute <= pending_time:
                    minute += MINUTES_PER_DAY  # "16.00-07.30": open overnight, into the next day
                slots.append(TimeSlot(days, pending_time, minute))
                last_days = days
                pending_days = set()
                pending_time = None
                time_range_open = False
            else:
                pending_time = minute
            previous_day = None
            range_open = False
        elif kind == "num" and value == "24":
            following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
            if following in ("jam", "hours", "hour"):
                days = frozenset(pending_days) if pending_days else frozenset(range(7))
                slots.append(TimeSlot(days, 0, MINUTES_PER_DAY))
                last_days = days
                pending_days = set()
        elif kind == "sep":
            range_open = False
    if not slots:
        raise PromiseFormatError("hours", f"jam layanan tidak dapat dibaca: {text!r}")
    if every_day:
        slots = [TimeSlot(frozenset(range(7)), s.start_minute, s.end_minute) for s in slots]
    return OpeningHours(tuple(slots), text.strip())


# --------------------------------------------------------------------------- all promises


@dataclass(frozen=True)
class Promises:
    fee: Fee | None = None
    duration: Duration | None = None
    hours: OpeningHours | None = None
    requirements: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    complaint_response: Duration | None = None  # maklumat only


@dataclass(frozen=True)
class ServiceStandard:
    service_id: str
    name: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
    promises: Promises = field(default_factory=Promises)


def _string_list(key: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, (list, tuple)):
        out = []
        for item in value:
            if not isinstance(item, (str, int, float)) or isinstance(item, bool):
                raise PromiseFormatError(key, f"setiap butir '{key}' harus berupa teks: {item!r}")
            out.append(str(item).strip())
        return tuple(out)
    raise PromiseFormatError(key, f"'{key}' harus berupa daftar teks, bukan {type(value).__name__}")


def _text_value(key: str, value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return ", ".join(str(v) for v in value)
    raise PromiseFormatError(key, f"'{key}' harus berupa teks, bukan {type(value).__name__}")


def parse_promises(mapping: Mapping[str, object]) -> Promises:
    """Build :class:`Promises` from front matter. Raises :class:`PromiseFormatError` on an
    unknown key, an unreadable fee/duration/hours or a wrong type."""
    if not isinstance(mapping, Mapping):
        raise PromiseFormatError("promises", "'promises' harus berupa pemetaan")
    for key in mapping:
        if key not in KNOWN_PROMISE_KEYS:
            known = ", ".join(sorted(KNOWN_PROMISE_KEYS))
            raise PromiseFormatError(
                str(key), f"kunci tidak dikenal '{key}' (yang dikenal: {known})"
            )
    fee_raw = mapping.get("fee")
    duration_raw = mapping.get("duration")
    hours_raw = mapping.get("hours")
    complaint_raw = mapping.get("complaint_response")
    return Promises(
        fee=None if fee_raw is None else parse_fee(fee_raw),
        duration=None
        if duration_raw is None
        else _with_key("duration", lambda: parse_duration(_text_value("duration", duration_raw))),
        hours=None if hours_raw is None else parse_hours(_text_value("hours", hours_raw)),
        requirements=_string_list("requirements", mapping.get("requirements")),
        channels=_string_list("channels", mapping.get("channels")),
        complaint_response=None
        if complaint_raw is None
        else _with_key(
            "complaint_response",
            lambda: parse_duration(_text_value("complaint_response", complaint_raw)),
        ),
    )


def _with_key(key: str, build: Callable[[], Duration]) -> Duration:
    try:
        return build()
    except PromiseFormatError as exc:
        if exc.key == key:
            raise
        raise PromiseFormatError(key, exc.message) from exc


def iter_day_names(days: frozenset[int], language: str = "id") -> Iterator[str]:
    names = DAY_NAMES_EN if language == "en" else DAY_NAMES_ID
    for day in sorted(days):
        yield names[day]
