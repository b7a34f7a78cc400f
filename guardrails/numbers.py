"""Numbers as Indonesians and English speakers write them: digits with either separator
convention, number words ("tiga ratus lima puluh ribu", "one and a half million"), slang
amounts ("goceng", "ceban") and Rupiah amounts ("Rp 350.000,-", "350rb", "1,5 juta").

Pure functions over strings; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "MAGNITUDE_WORDS",
    "NUMBER_WORDS",
    "SLANG_AMOUNTS",
    "format_rupiah",
    "parse_amount_text",
    "parse_digits",
    "parse_number_words",
]

# Units and teens that stand for a value on their own.
NUMBER_WORDS: dict[str, float] = {
    # Indonesian
    "nol": 0,
    "kosong": 0,
    "satu": 1,
    "dua": 2,
    "rong": 2,  # Javanese "rong minggu"
    "duo": 2,  # Minang
    "tiga": 3,
    "telung": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "setengah": 0.5,
    "seperempat": 0.25,
    # English
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "half": 0.5,
}

# Words that multiply everything written before them in the group.
MAGNITUDE_WORDS: dict[str, int] = {
    "ribu": 1_000,
    "rb": 1_000,
    "rebu": 1_000,
    "ribuan": 1_000,
    "k": 1_000,
    "thousand": 1_000,
    "juta": 1_000_000,
    "jutaan": 1_000_000,
    "rebuan": 1_000,
    "jt": 1_000_000,
    "jeti": 1_000_000,
    "million": 1_000_000,
    "mio": 1_000_000,
    "miliar": 1_000_000_000,
    "milyar": 1_000_000_000,
    "m": 1_000_000_000,
    "billion": 1_000_000_000,
    "triliun": 1_000_000_000_000,
    "trillion": 1_000_000_000_000,
}

# "se-" words: one of the magnitude (seribu = 1.000, sejuta = 1.000.000, seratus = 100).
_SE_WORDS: dict[str, int] = {
    "seratus": 100,
    "seribu": 1_000,
    "sejuta": 1_000_000,
    "semiliar": 1_000_000_000,
    "semilyar": 1_000_000_000,
}

# Street slang for amounts (Jakarta Hokkien loans), in Rupiah.
SLANG_AMOUNTS: dict[str, int] = {
    "seceng": 1_000,
    "ceceng": 1_000,
    "goceng": 5_000,
    "ceban": 10_000,
    "noban": 20_000,
    "goban": 50_000,
    "cepek": 100,
    "gopek": 500,
}

_DIGITS_RE = re.compile(r"^\d+(?:[.,]\d+)*$")


def parse_digits(text: str) -> float | None:
    """Parse a digit string in Indonesian or English convention.

    "350.000" and "350,000" are 350000; "1,5" and "1.5" are 1.5; "350.000,00" is 350000;
    "1.500.000" is 1500000. A separator followed by exactly three digits (and repeated
    consistently) is a thousands separator; otherwise it is a decimal mark.
    """
    text = text.strip()
    if not _DIGITS_RE.match(text):
        return None
    # Trailing ",-" / ",00" style cents are cut by the caller; handle ",00" here too.
    parts = re.split(r"([.,])", text)
    numbers = parts[0::2]
    seps = parts[1::2]
    if not seps:
        return float(numbers[0])
    # Cents: a final separator with two digits after a thousands group ("350.000,00").
    if len(seps) >= 2 and len(numbers[-1]) == 2 and seps[-1] != seps[-2]:
        numbers = numbers[:-1]
        seps = seps[:-1]
    if len(set(seps)) == 1 and all(len(n) == 3 for n in numbers[1:]) and len(numbers[0]) <= 3:
        # Thousands groups ("350.000", "1,500,000"), unless it is a single group after a
        # leading zero ("0.500" reads as a decimal).
        if numbers[0] == "0":
            return float(numbers[0] + "." + "".join(numbers[1:]))
        return float("".join(numbers))
    if len(seps) == 1:
        return float(numbers[0] + "." + numbers[1])
    # Mixed: "1.500,5" (id) or "1,500.5" (en): the last separator is the decimal mark.
    if len(set(seps)) == 2 and seps[-1] != seps[0] and all(len(n) == 3 for n in numbers[1:-1]):
        return float("".join(numbers[:-1]) + "." + numbers[-1])
    return None


def parse_number_words(words: Sequence[str], start: int = 0) -> tuple[float, int] | None:
    """Read a number written in words from ``words[start:]``.

    Returns (value, number of words consumed) or None when no number word starts there.
    "tiga ratus lima puluh ribu" -> 350000; "satu setengah juta" -> 1500000;
    "two hundred and fifty thousand" -> 250000; "dua belas" -> 12.
    """
    total = 0.0
    group = 0.0
    pending = 0.0
    consumed = 0
    seen = False
    i = start
    while i < len(words):
        word = words[i]
        if word in NUMBER_WORDS and word not in ("half",):
            value = NUMBER_WORDS[word]
            if value == 0.5 and word == "setengah" and pending:
                pending += 0.5
            elif value < 1 and seen and not pending and group:
                pending = value
            elif pending and value >= 1:
                # "dua tiga" is two numbers, not one.
                if pending >= 20 and value < 10 and pending % 10 == 0:
                    pending += value  # English "twenty five"
                else:
                    break
            else:
                pending = value
            seen = True
        elif word == "half" and (seen or (i > start and words[i - 1] in ("a", "an"))):
            pending += 0.5
            seen = True
        elif word == "belas" and seen and 1 <= pending <= 9:
            group += 10 + pending
            pending = 0
        elif word == "puluh" and seen and 1 <= pending <= 9:
            group += pending * 10
            pending = 0
        elif word in ("ratus", "hundred") and seen and 0 < pending <= 9:
            group += pending * 100
            pending = 0
        elif word in _SE_WORDS:
            value = _SE_WORDS[word]
            if value >= 1000:
                total += (group + pending + 1) * value if (group or pending) else value
                group = pending = 0
            else:
                group += value
            seen = True
        elif (
            word
            in ("ribu", "juta", "miliar", "milyar", "triliun", "thousand", "million", "billion")
            and seen
        ):
            multiplier = MAGNITUDE_WORDS[word]
            amount = group + pending
            if amount == 0:
                break
            total += amount * multiplier
            group = pending = 0
        elif (
            word in ("point", "koma")
            and seen
            and i + 1 < len(words)
            and NUMBER_WORDS.get(words[i + 1], 10) < 10
        ):
            # "three point one million", "satu koma lima juta": digits after the point
            digits = ""
            while i + 1 < len(words) and NUMBER_WORDS.get(words[i + 1], 10) < 10:
                digits += str(int(NUMBER_WORDS[words[i + 1]]))
                i += 1
            pending += float("0." + digits)
        elif (
            word == "and"
            and seen
            and i + 1 < len(words)
            and (words[i + 1] in NUMBER_WORDS or words[i + 1] == "a")
        ) or (word == "a" and seen and i + 1 < len(words) and words[i + 1] == "half"):
            pass
        else:
            break
        i += 1
        consumed = i - start
    if not seen:
        return None
    # Do not swallow a trailing connector.
    while consumed and words[start + consumed - 1] in ("and", "a"):
        consumed -= 1
    return total + group + pending, consumed


_AMOUNT_TEXT_RE = re.compile(
    r"^\s*(?:rp\.?|idr)?\s*(?P<num>\d+(?:[.,]\d+)*)\s*(?:,-|,—)?\s*(?P<mag>[a-z]+)?\s*(?:rupiah)?\s*$"
)


def parse_amount_text(text: str) -> int | None:
    """Parse a whole string that is one Rupiah amount ("Rp 50.000", "50rb", "1,5 juta",
    "tiga ratus ribu rupiah"). Returns whole Rupiah or None."""
    lowered = text.strip().lower()
    match = _AMOUNT_TEXT_RE.match(lowered)
    if match:
        value = parse_digits(match.group("num"))
        if value is None:
            return None
        mag = match.group("mag")
        if mag:
            if mag not in MAGNITUDE_WORDS:
                return None
            value *= MAGNITUDE_WORDS[mag]
        return round(value)
    all_words = re.findall(r"[a-z]+", lowered)
    words = [w for w in all_words if w not in ("rp", "idr", "rupiah")]
    if len(words) == 1 and words[0] in SLANG_AMOUNTS:
        return SLANG_AMOUNTS[words[0]]
    parsed = parse_number_words(words)
    if parsed is None or parsed[1] != len(words):
        return None
    # "lima puluh" alone is not an amount of money; "lima puluh ribu (rupiah)" is.
    money_marked = len(words) < len(all_words) or any(
        w in MAGNITUDE_WORDS or w in _SE_WORDS for w in words
    )
    return round(parsed[0]) if money_marked else None


def format_rupiah(amount: int) -> str:
    """50000 -> "Rp 50.000"."""
    return "Rp " + f"{amount:,}".replace(",", ".")
