"""Tokenising free Indonesian/English text into word, number and punctuation tokens with
sentence and clause numbers. Shared by claim extraction and attribution."""

from __future__ import annotations

import re
from itertools import pairwise

from guardrails.numbers import parse_digits

__all__ = ["NEGATORS", "Token", "is_negated", "tokenize"]


class Token:
    """One token. ``low`` is the lowercased text; ``stem`` drops a possessive "-nya"."""

    __slots__ = (
        "clause",
        "clause_end",
        "clause_start",
        "index",
        "kind",
        "low",
        "mention",
        "number",
        "raw",
        "sentence",
        "space_before",
        "stem",
    )

    sentence: int
    clause: int
    clause_start: int
    clause_end: int

    def __init__(
        self, kind: str, raw: str, index: int, space_before: bool, low: str | None = None
    ) -> None:
        if low is None:
            low = raw.lower()
        self.kind = kind  # "num" | "word" | "punct"
        self.raw = raw
        self.low = low
        self.index = index
        self.space_before = space_before
        # sentence, clause, clause_start and clause_end are set by tokenize()
        self.mention = False  # part of a service name or alias (set by the checker)
        self.stem = low
        self.number: float | None = None
        if kind == "num":
            self.number = float(raw) if raw.isdigit() else parse_digits(raw)
        elif kind == "word" and len(low) > 4:
            if low.endswith("nya") and len(low) > 5:
                self.stem = low[:-3]
            elif low.endswith(("ku", "mu")):
                self.stem = low[:-2]

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Token({self.kind}:{self.raw!r} s{self.sentence}c{self.clause})"


# Negators are matched as whole tokens only ("tak" never inside "ditakar", "gak" never in "gakin").
NEGATORS = frozenset(
    {
        "tidak",
        "tak",
        "kagak",
        "kaga",
        "ora",
        "mboten",
        "boten",
        "ndak",
        "nda",
        "gak",
        "ga",
        "gk",
        "nggak",
        "ngga",
        "nggk",
        "ngak",
        "enggak",
        "engga",
        "tdk",
        "bukan",
        "bkn",
        "jangan",
        "jgn",
        "no",
        "not",
        "never",
        "without",
        "tanpa",
        "don't",
        "doesn't",
        "isn't",
        "aren't",
        "won't",
        "cannot",
        "can't",
        "dont",
        "doesnt",
        "isnt",
    }
)

# (substrings that must occur for the rule to apply, pattern, replacement): the substring test
# is a cheap filter so that most answers skip every regular expression.
_SUBSTITUTIONS: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = (
    (
        ("s/d", "s.d", "s .d", "s. d", "s . d"),
        re.compile(r"\bs\s?\.\s?d\b\.?|\bs/d\b", re.IGNORECASE),
        " sd ",
    ),
    (("’", "‘", "`", "´"), re.compile(r"[’‘`´]"), "'"),
    (("–", "—", "−"), re.compile(r"[–—−]"), "-"),
    (("±",), re.compile(r"±"), " sekitar "),
    (("½",), re.compile(r"½"), " setengah "),
    (("&",), re.compile(r"&"), " dan "),
    (("/7", "/ 7"), re.compile(r"\b24\s*/\s*7\b"), " 24 jam setiap hari "),
    (
        ("ampe", "smp", "dengan"),
        re.compile(r"\b(?:sampe|ampe|smpe|smp|sampai\s+dengan)\b", re.IGNORECASE),
        "sampai",
    ),
    (("gratiss",), re.compile(r"\bgratis+\b", re.IGNORECASE), "gratis"),
    (
        ("ty-",),
        re.compile(
            r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
            r"(one|two|three|four|five|six|seven|eight|nine)\b",
            re.IGNORECASE,
        ),
        r"\1 \2",
    ),
    (
        ("midnight", "tengah malam"),
        re.compile(r"\b(?:midnight|tengah\s+malam)(?:\s+12\b)?", re.IGNORECASE),
        "24.00",
    ),
    (
        ("noon", "midday", "tengah"),
        # "12 noon" is one time, not "12" and then "12.00"
        re.compile(r"(?:\b12\s*)?\b(?:noon|midday|tengah\s+hari)\b", re.IGNORECASE),
        "12.00",
    ),
    (("a.m", "p.m", ". m"), re.compile(r"(?<=\d)\s?([ap])\.\s?m\b\.?", re.IGNORECASE), r" \1m "),
    (("a.m", "p.m"), re.compile(r"\b([ap])\.m\.", re.IGNORECASE), r"\1m "),
)

# (skipped gap, token): the gap (spaces, underscores) tells whether a space
# came before the token; findall() hands back plain tuples, cheaper than match objects.
# The gap class lists every character str.isspace() (and so \s) accepts except "\n", plus "_":
# one character class is faster than the alternation (?:[^\S\n]|_).
_GAP = r"[\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000_]"
_TOKEN_RE = re.compile(rf"({_GAP}*)(\d+(?:[.,:]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*|\n|[^\w\s])")
# Which alternative matched follows from the first character (numbers are tried first).
_NUMBER_START = re.compile(r"\d")
_WORD_START = re.compile(r"[^\W\d_]")

_SENTENCE_END = frozenset({".", "!", "?", ";", "\n", "…"})
_ABBREVIATIONS = frozenset(
    {
        "rp",
        "no",
        "jl",
        "jln",
        "dll",
        "dsb",
        "dst",
        "tgl",
        "pkl",
        "hlm",
        "hal",
        "dr",
        "drs",
        "ir",
        "kec",
        "kel",
        "kab",
        "prov",
        "st",
        "sdr",
        "bpk",
        "yth",
        "a",
        "n",
        "u",
        "p",
        "ds",
        "ny",
        "nn",
        "tn",
        "mr",
        "mrs",
        "ms",
        "vs",
        "etc",
        "e",
        "g",
        "i",
    }
)
_CLAUSE_PUNCT = frozenset({",", ":", "(", ")", "[", "]", '"'})
CLAUSE_CONJUNCTIONS = frozenset(
    {
        "tapi",
        "tetapi",
        "namun",
        "sedangkan",
        "sementara",
        "kalau",
        "kalo",
        "klo",
        "jika",
        "jikalau",
        "bila",
        "apabila",
        "padahal",
        "meskipun",
        "walaupun",
        "but",
        "whereas",
        "while",
        "however",
        "if",
        "although",
        "unless",
    }
)

# Day words that may sit on both sides of a comma in a list ("Senin, Rabu, Jumat").
_LIST_DAY_WORDS = frozenset(
    {
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "jum'at",
        "sabtu",
        "minggu",
        "ahad",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)


# Every needle once; plain substring tests are several times faster than one alternation regex.
_ALL_NEEDLES = tuple(dict.fromkeys(n for needles, _, _ in _SUBSTITUTIONS for n in needles))
_ASCII_NEEDLES = tuple(n for n in _ALL_NEEDLES if n.isascii())


def normalise(text: str) -> str:
    lowered = text.lower()
    for needle in _ASCII_NEEDLES if lowered.isascii() else _ALL_NEEDLES:
        if needle in lowered:
            break
    else:
        return text
    for needles, pattern, replacement in _SUBSTITUTIONS:
        if any(needle in lowered for needle in needles):
            text = pattern.sub(replacement, text)
            lowered = text.lower()
    return text


# What a token's text alone decides, kept per distinct text (the same few hundred words and
# numbers recur in every answer; cleared when it grows large): kind, lowercase, stem, number,
# its role for sentence and clause boundaries, a day name, an abbreviation.
_Lexeme = tuple[str, str, str, float | None, int, bool, bool]
_LEXEMES: dict[str, _Lexeme] = {}
_LEXEME_LIMIT = 50_000
_PLAIN, _FULL_STOP, _SENTENCE_MARK, _COMMA, _CLAUSE_MARK, _CONJUNCTION = range(6)


def _lexeme(raw: str) -> _Lexeme:
    low = raw.lower()
    day = low in _LIST_DAY_WORDS
    if _NUMBER_START.match(raw):
        value = float(raw) if raw.isdigit() else parse_digits(raw)
        return "num", low, low, value, _PLAIN, day, False
    if _WORD_START.match(raw):
        stem = low
        if low.endswith("'s") and len(low) > 3:
            stem = low[:-2]  # "the bank's counter"
        elif len(low) > 4:
            if low.endswith("nya") and len(low) > 5:
                stem = low[:-3]
            elif low.endswith(("ku", "mu")):
                stem = low[:-2]
        role = _CONJUNCTION if low in CLAUSE_CONJUNCTIONS else _PLAIN
        return "word", low, stem, None, role, day, low in _ABBREVIATIONS
    if low in _SENTENCE_END:
        role = _FULL_STOP if low == "." else _SENTENCE_MARK
    elif len(low) == 1 and ord(low) >= 0x2190 and low not in "–—−…’‘´":
        # arrows, symbols and emoji close a chat clause ("Sabtu tutup kak 🙏 Senin-Kamis ...")
        role = _CLAUSE_MARK
    elif low == ",":
        role = _COMMA
    elif low in _CLAUSE_PUNCT:
        role = _CLAUSE_MARK
    else:
        role = _PLAIN
    return "punct", low, low, None, role, day, False


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens and number their sentences and clauses (one pass; a boundary
    that depends on the next token is decided when that token arrives)."""
    tokens: list[Token] = []
    append = tokens.append
    sentence = 0
    clause = 0
    index = 0
    pending = _PLAIN  # _FULL_STOP or _COMMA waiting for the next token to decide
    previous_clause = -1
    previous_day = False  # the word before the pending "," is a day name ("Senin, Rabu")
    previous_abbreviation = False
    starts = [0]
    text = normalise(text)
    new_token = object.__new__
    lexemes = _LEXEMES
    if len(lexemes) > _LEXEME_LIMIT:
        lexemes.clear()
    for gap, raw in _TOKEN_RE.findall(text):
        lexeme = lexemes.get(raw)
        if lexeme is None:
            lexeme = lexemes[raw] = _lexeme(raw)
        kind, low, stem, value, role, day, abbreviation = lexeme
        space_before = bool(gap)
        # Built without __init__: this loop is the hottest code of a check.
        token = new_token(Token)
        token.raw = raw
        token.low = low
        token.stem = stem
        token.index = index
        token.space_before = space_before
        token.mention = False
        token.number = value
        token.kind = kind
        if pending:
            if pending == _FULL_STOP:
                # "lapor.go.id": no sentence end when a word or number follows without a space
                if space_before or kind == "punct":
                    sentence += 1
                    clause += 1
                    starts.append(index)
            elif not (day and previous_day):
                clause += 1  # "," except between day names ("Senin, Rabu, Jumat")
                starts.append(index)
            pending = _PLAIN
        elif role == _CONJUNCTION and previous_clause == clause:
            clause += 1
            starts.append(index)
        token.sentence = sentence
        token.clause = clause
        append(token)
        index += 1
        previous_clause = clause
        if kind == "punct":
            if role == _FULL_STOP:
                if not previous_abbreviation:
                    pending = _FULL_STOP
            elif role in (_SENTENCE_MARK, _CLAUSE_MARK):
                sentence += role == _SENTENCE_MARK
                clause += 1
                starts.append(index)
            elif role == _COMMA:
                pending = _COMMA
            previous_abbreviation = False
        else:
            previous_day = day
            # "No. Swim classes are ...": an answer opening with "No." says no, not "Nomor"
            previous_abbreviation = abbreviation and not (index == 1 and low == "no")
    starts.append(index)
    for first, stop in pairwise(starts):
        for token in tokens[first:stop]:
            token.clause_start = first
            token.clause_end = stop
    return tokens


def is_negated(tokens: list[Token], index: int, window: int = 3) -> bool:
    """A negator among the ``window`` tokens before ``index`` in the same clause."""
    clause = tokens[index].clause
    for j in range(index - 1, max(-1, index - 1 - window), -1):
        token = tokens[j]
        if token.clause != clause:
            return False
        if token.low in NEGATORS:
            return True
    return False
