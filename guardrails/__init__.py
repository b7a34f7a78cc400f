"""Pure promise checker: flags answers that contradict a service's advertised promises."""

from guardrails.check import PromiseChecker, Verdict, Violation, check
from guardrails.promises import (
    KNOWN_PROMISE_KEYS,
    Duration,
    Fee,
    OpeningHours,
    PromiseFormatError,
    Promises,
    ServiceStandard,
    TimeSlot,
    parse_duration,
    parse_fee,
    parse_hours,
    parse_promises,
)

__all__ = [
    "KNOWN_PROMISE_KEYS",
    "Duration",
    "Fee",
    "OpeningHours",
    "PromiseChecker",
    "PromiseFormatError",
    "Promises",
    "ServiceStandard",
    "TimeSlot",
    "Verdict",
    "Violation",
    "check",
    "parse_duration",
    "parse_fee",
    "parse_hours",
    "parse_promises",
]
