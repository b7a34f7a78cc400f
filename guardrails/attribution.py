"""Which service a claim speaks about.

Service names and aliases are compiled once into a token-sequence index; mentions are found
with longest match on word tokens (case-insensitive, whole tokens, hyphens and slashes ignored,
a possessive "-nya" dropped). A mention that is a requirement ("bawa fotokopi KK", "KTP asli",
"NIK KTP") does not change the topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from guardrails.claims import (
    AFTER_WORDS,
    ANCILLARY_WORDS,
    COMPLETION_WORDS,
    COUNTER_WORDS,
    DAY_WORDS,
    FEE_WORDS,
    FILLERS,
    LIKE_WORDS,
    OPEN_WORDS,
    UNIT_WORDS,
)
from guardrails.promises import ServiceStandard, variant_label
from guardrails.text import Token, tokenize

__all__ = ["Attributor", "Mention", "ServiceIndex", "attribute"]

# Words of administrative language that open many service names ("Penerbitan Paspor").
GENERIC_NAME_PREFIXES = frozenset(
    [
        "penerbitan",
        "pembuatan",
        "pengurusan",
        "permohonan",
        "layanan",
        "pelayanan",
        "pendaftaran",
        "pengajuan",
        "pencatatan",
        "validasi",
    ]
)
# Words the claim extractor gives a meaning of their own ("kerja", "hari", "biaya"...).
COMMON_CLAIM_WORDS = frozenset(
    {
        *ANCILLARY_WORDS,
        *COMPLETION_WORDS,
        *DAY_WORDS,
        *FEE_WORDS,
        *FILLERS,
        *OPEN_WORDS,
        *UNIT_WORDS,
    }
    | {"kerja", "working", "kalender", "rumah", "anak", "orang", "keluarga", "usaha", "tanah"}
)
GENERIC_SERVICE_WORDS = frozenset(
    [
        # what any service handles: never a distinctive word of one ("antar berkas")
        "berkas",
        "dokumen",
        "document",
        "documents",
        "verifikasi",
        "verification",
        "data",
        "usul",
        "usulan",
        "izin",
        "ijin",
        "surat",
        "kartu",
        "layanan",
        "pelayanan",
        "penerbitan",
        "pembuatan",
        "pendaftaran",
        "pengajuan",
        "permohonan",
        "tes",
        "test",
        "cek",
        "akta",
        "akte",
        "sertifikat",
        "certificate",
        "rekomendasi",
        "keterangan",
        "pengesahan",
        "perpanjangan",
        "perpanjang",
        "validasi",
        "daftar",
        "pencatatan",
        "permit",
        "license",
        "licence",
        "card",
        "letter",
        "registration",
        "renewal",
        "report",
        "service",
        "baru",
        "bikin",
        "buat",
        "urus",
        "lama",
        "hilang",
        "rusak",
        "ulang",
        "cetak",
        "nomor",
        "number",
        "tanda",
        "kantor",
        "dinas",
        "untuk",
        "bagi",
        "dengan",
        "yang",
        "from",
        "with",
        "pemeriksaan",
        "pengujian",
        "check",
        "checkup",
        "application",
    ]
)
REQUIREMENT_BEFORE = frozenset(
    [
        "fotokopi",
        "fotocopy",
        "fc",
        "copy",
        "salinan",
        "scan",
        "asli",
        "bawa",
        "membawa",
        "dibawa",
        "bawakan",
        "lampirkan",
        "melampirkan",
        "lampiran",
        "siapkan",
        "menyiapkan",
        "syarat",
        "syaratnya",
        "persyaratan",
        "pakai",
        "pake",
        "memakai",
        "menggunakan",
        "berdasarkan",
        "sesuai",
        "nik",
        "nomor",
        "no",
        "data",
        "bring",
        "using",
        "with",  # "free for students with a library card": the card is a condition
        "dengan",
        "dgn",
        "upload",
        "unggah",
        "serahkan",
        "menyerahkan",
        "tunjukkan",
        "menunjukkan",
        "sertakan",
        "of",
        "original",
        "photocopy",
        "scanned",
    ]
)
REQUIREMENT_AFTER = frozenset(
    [
        "asli",
        "lama",
        "orang",
        "ortu",
        "suami",
        "istri",
        "ayah",
        "ibu",
        "pemohon",
        "pemilik",
        "wali",
        "penjamin",
        "original",
        "copy",
        "kedua",
        "photocopy",
    ]
)
LIST_LINKS = frozenset({",", "dan", "serta", "atau", "/", "and", "or"})
_SKIPPED_PUNCT = frozenset({"-", "/", "'"})
_PAREN_RE = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True, slots=True)
class Mention:
    candidates: frozenset[str]
    start: int  # token index
    end: int  # one past the last token
    strong: bool
    sentence: int
    clause: int


def _key(text: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(text) if t.kind != "punct")


_RATE_LEADS = frozenset({"per", "tiap", "setiap", "each", "every"})


def service_phrases(standard: ServiceStandard) -> set[tuple[str, ...]]:
    """Token keys naming a service: its name, the name without parentheses, the parenthetical
    short names, the name without a generic first word, its aliases."""
    phrases: set[tuple[str, ...]] = set()
    name = standard.name
    texts = [*standard.aliases]
    bare_name = _PAREN_RE.sub(" ", name).strip()
    texts.append(bare_name)
    rates_only = True  # "Fisioterapi (per sesi)": the name is written without its rate
    for inner in _PAREN_RE.findall(name):
        # "(KTP-el)", "(SKCK)" are short names; "(3 tahun)", "(per sesi)", "(AK/1)"'s "1" are not
        lead: tuple[str, ...] = ()
        for part in re.split(r"[/,;]| atau | or ", inner):
            key = _key(part)
            first = next(iter(key), None)
            if first is None or first.isdigit() or first in _RATE_LEADS:
                continue
            if len(key) == 1 and len(first) <= 2:
                # "(Paket A/B/C)": "B" is "Paket B", never a name alone
                if lead:
                    texts.append(" ".join((*lead[:-1], first)))
                continue
            lead = key
            texts.append(part)
            rates_only = False
    if not rates_only:
        texts.append(name)
    words = bare_name.split()
    if len(words) > 1 and words[0].lower() in GENERIC_NAME_PREFIXES:
        texts.append(" ".join(words[1:]))
    for text in texts:
        key = _key(text)
        # "(AK/1)" splits into "AK" and "1": a number alone names nothing ("jam 1").
        if key and not all(word.isdigit() for word in key):
            phrases.add(key)
    known_tokens = {token for key in phrases for token in key}
    fee = standard.promises.fee
    if fee is not None:
        for variant in fee.amounts:
            if not variant:
                continue
            key = variant_key(variant)
            if len(key) >= 2 and set(key) & known_tokens:
                phrases.add(key)
    return phrases


_UNIT_TAIL = frozenset({"per", "m2", "m3", "m", "meter", "unit", "lembar", "orang"})


def variant_key(variant: str) -> tuple[str, ...]:
    """Tokens naming a fee variant, without a per-unit tail: "rumah_tinggal_per_m2" ->
    ("rumah", "tinggal")."""
    key = list(_key(variant_label(variant)))
    if "per" in key:
        key = key[: key.index("per")]
    while key and key[-1] in _UNIT_TAIL:
        key.pop()
    return tuple(key)


# Words for "a test" that people swap freely in service names ("tes air" for "uji air").
_TEST_WORDS = ("uji", "tes", "test", "cek", "check", "periksa", "pemeriksaan", "pengujian")


def _reworded_names(table: dict[tuple[str, ...], set[str]]) -> dict[tuple[str, ...], str]:
    """Names with their word for "a test" swapped for another ("tes air" for the alias "uji
    air"), where the new form names exactly one service and is not already a name. (Shortened
    names were measured too: "x-ray" of "x-ray reading" and "court fee" of "court fee refund"
    named the wrong service more often than the right one.)"""
    found: dict[tuple[str, ...], set[str]] = {}
    for key, ids in table.items():
        if len(key) < 2:
            continue
        for position, word in enumerate(key):
            if word in _TEST_WORDS:
                for other in _TEST_WORDS:
                    if other != word:
                        form = (*key[:position], other, *key[position + 1 :])
                        found.setdefault(form, set()).update(ids)
    return {
        form: next(iter(ids)) for form, ids in found.items() if len(ids) == 1 and form not in table
    }


class ServiceIndex:
    """Compiled name/alias matcher over a set of service standards."""

    def __init__(self, standards: Iterable[ServiceStandard]) -> None:
        standards = list(standards)
        table: dict[tuple[str, ...], set[str]] = {}
        acronyms: set[tuple[str, ...]] = set()
        words: set[tuple[str, ...]] = set()
        for standard in standards:
            for key in service_phrases(standard):
                table.setdefault(key, set()).add(standard.service_id)
            for alias in (*standard.aliases, *_PAREN_RE.findall(standard.name)):
                key = _key(alias)
                if len(key) == 1 and alias.strip().isupper():
                    acronyms.add(key)
                else:
                    words.add(key)
        for key, service_id in _reworded_names(table).items():
            table[key] = {service_id}
        self.vocabulary = frozenset(word for key in table for word in key if not word.isdigit())
        owners: dict[str, set[str]] = {}
        for key, ids in table.items():
            for word in key:
                owners.setdefault(word, set()).update(ids)
        # Words of fee variants ("trombosit" of a blood request priced per bag type).
        variant_owners: dict[str, set[str]] = {}
        for standard in standards:
            fee = standard.promises.fee
            for variant in fee.amounts if fee is not None else ():
                for word in variant_key(variant):
                    variant_owners.setdefault(word, set()).add(standard.service_id)
        # A word found in one service's names only ("catin"): names that service when no full
        # name or alias is written ("cek catin" for "cek kesehatan catin").
        self._distinctive = {
            word: frozenset(ids)
            for word, ids in owners.items()
            if len(ids) == 1
            # a word naming another service's fee variant points at no one service
            and not (variant_owners.get(word, set()) - ids)
            and len(word) >= 3
            and word.isalpha()
            and word not in GENERIC_SERVICE_WORDS
            and word not in COMMON_CLAIM_WORDS
        }
        # English cognates of distinctive words, by their first seven letters once spelt the
        # Indonesian way ("legalisation" ~ "legalisir", "inspection" ~ "inspeksi").
        self._cognates: dict[str, frozenset[str]] = {}
        for word, owners_of in self._distinctive.items():
            prefix = cognate_key(word)
            if prefix is not None:
                self._cognates[prefix] = self._cognates.get(prefix, frozenset()) | owners_of
        # One-word acronyms that are also ordinary words when written "Sip," at a sentence start.
        self._acronyms = frozenset(acronyms - words)
        self._by_first: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
        for key, ids in table.items():
            self._by_first.setdefault(key[0], []).append((key, frozenset(ids)))
        for entries in self._by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    def loose_mentions(
        self, tokens: Sequence[Token], taken: frozenset[int], short: bool = False
    ) -> list[Mention]:
        """Single distinctive words of a service name outside the full mentions. Three-letter
        words ("lab") only when ``short``: the caller keeps to the services a question names,
        since a short word is more often an ordinary one."""
        found = []
        for token in tokens:
            if token.kind != "word" or token.index in taken:
                continue
            if len(token.low) < 4 and not short:
                continue
            following = token.index + 1
            if (
                token.low in COUNTER_WORDS
                and following < len(tokens)
                and tokens[following].kind == "num"
            ):
                continue  # "near Gate 3", "Loket 2": a place
            ids = self._distinctive.get(token.low) or self._distinctive.get(token.stem)
            if ids is None and len(token.low) >= 7 and any(m in token.low for m in _ENGLISH_MARKS):
                key = cognate_key(token.low)
                ids = self._cognates.get(key) if key is not None else None
            if ids is not None:
                found.append(
                    Mention(ids, token.index, token.index + 1, True, token.sentence, token.clause)
                )
        return found

    def mentions(self, tokens: Sequence[Token]) -> list[Mention]:
        stream = [t for t in tokens if not (t.kind == "punct" and t.low in _SKIPPED_PUNCT)]
        found: list[Mention] = []
        count = len(stream)
        by_first = self._by_first
        # Only tokens that may open a name or alias are tried (found in one C-level pass).
        openers = [
            p
            for p, t in enumerate(stream)
            if t.kind != "punct" and (t.low in by_first or t.stem in by_first)
        ]
        resume = 0
        for p in openers:
            if p < resume:
                continue
            token = stream[p]
            entries = by_first.get(token.low)
            if entries is None and token.stem != token.low:
                entries = by_first.get(token.stem)
            matched = None
            if entries:
                for key, ids in entries:
                    length = len(key)
                    if p + length > count:
                        continue
                    ok = True
                    for offset in range(length):
                        candidate = stream[p + offset]
                        if (
                            candidate.low != key[offset]
                            and candidate.stem != key[offset]
                            and _singular(candidate.low) != key[offset]
                        ):
                            ok = False
                            break
                        if offset and candidate.sentence != token.sentence:
                            ok = False
                            break
                    if ok:
                        matched = (key, ids, stream[p + length - 1].index + 1)
                        break
            if matched is None:
                continue
            key, ids, end = matched
            if key in self._acronyms and _interjection(tokens, token):
                continue
            found.append(Mention(ids, token.index, end, True, token.sentence, token.clause))
            resume = p + len(key)
        return _mark_requirements(
            tokens, [m for m in found if not _in_an_institution_name(tokens, m)]
        )


_COGNATE_RULES: tuple[tuple[str, str], ...] = (
    ("ction", "ksi"),
    ("tion", "si"),
    ("ph", "f"),
    ("th", "t"),
    ("qu", "kw"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "s"),
)
# Spellings Indonesian words do not have (the answer's word must show one to be a cognate:
# "penyelesaian" is no "penyelenggaraan").
_ENGLISH_MARKS = ("tion", "ph", "th", "x", "q", "z", "c")


def cognate_key(word: str) -> str | None:
    """The first seven letters of an ASCII word spelt the Indonesian way: English
    "legalisation", "legalization" and Indonesian "legalisasi", "legalisir" share "legalis"."""
    if not word.isascii() or not word.isalpha() or len(word) < 7:
        return None
    w = word.lower()
    for old, new in _COGNATE_RULES:
        w = w.replace(old, new)
    out: list[str] = []
    for i, ch in enumerate(w):
        if ch == "c":
            ch = "s" if i + 1 < len(w) and w[i + 1] in "eiy" else "k"
        if out and out[-1] == ch:
            continue  # double letters: "commission" ~ "komisi"
        out.append(ch)
    key = "".join(out)
    return key[:7] if len(key) >= 7 else None


def _singular(low: str) -> str:
    """An English plural of a name word ("recommendations" for "recommendation")."""
    if len(low) > 4 and low.endswith("s") and not low.endswith("ss") and low.isascii():
        if low.endswith(("sses", "shes", "ches", "xes")):
            return low[:-2]  # "classes", "matches", "boxes"
        return low[:-1]
    return low


_INTERJECTION_FOLLOWERS = frozenset(
    {",", "!", ".", "pak", "bu", "mas", "mbak", "dok", "kak", "bang", "deh", "dong", "ya", "lah"}
)


def _interjection(tokens: Sequence[Token], token: Token) -> bool:
    """ "Sip, ..." / "Sip pak": an acronym alias written as a word at a sentence start."""
    raw = token.raw
    if raw.isupper() or (not raw[:1].isupper() and raw != raw.lower()):
        return False
    index = token.index
    if index > 0 and tokens[index - 1].sentence == token.sentence:
        return False
    following = tokens[index + 1].low if index + 1 < len(tokens) else "."
    return following in _INTERJECTION_FOLLOWERS


_BRING_WORDS = frozenset(
    {"bawa", "bring", "siapkan", "lampirkan", "sertakan", "membawa", "prepare", "attach"}
)
_SECTION_HEADS = frozenset(
    {
        "persyaratan",
        "syarat",
        "syaratnya",
        "requirements",
        "requirement",
        "documents",
        "document",
        "dokumen",
        "berkas",
        "bawa",
        "bring",
        "lampiran",
        "lampirkan",
    }
)


def _requirement_sections(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans of a list under a "Persyaratan:" / "Documents required:" heading, up to the next
    heading ("Biaya:", "Fee:") or a blank line: services named there are requirements."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    count = len(tokens)
    for i, token in enumerate(tokens):
        low = token.low
        if low == ":" and i > 0:
            heads = [tokens[j].low for j in range(max(0, i - 4), i) if tokens[j].kind == "word"]
            if any(w in _SECTION_HEADS for w in heads[-3:]):
                if start is None:
                    start = i + 1
            elif start is not None and heads:
                spans.append((start, max(start, i - len(heads))))
                start = None
        elif low == "\n" and start is not None and i + 1 < count and tokens[i + 1].low == "\n":
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, count))
    return spans


_INSTITUTIONS = frozenset(
    {"puskesmas", "rs", "rsud", "rsia", "rsu", "rsgm", "rsj", "rumah", "dinas", "kantor", "balai"}
    | {"upt", "uptd", "badan", "lembaga"}
)


_AT_WORDS = frozenset({"di", "ke", "at", "in"})


def _in_an_institution_name(tokens: Sequence[Token], mention: Mention) -> bool:
    """ "Puskesmas Rawat Inap Muara Lintang", "di Kolam Renang Tirta Jati": a service's name
    inside the name of an institution or place (capitalised, after its kind or after "di"/"at",
    followed by a capitalised name), not the service."""
    start, end = mention.start, mention.end
    if start == 0 or (
        tokens[start - 1].low not in _INSTITUTIONS
        # "Kursus Renang di Kolam Renang Tirta Jati": a place's proper name after "di"
        and not (tokens[start - 1].low in _AT_WORDS and end - start >= 2)
    ):
        return False
    if not all(t.raw[:1].isupper() for t in tokens[start:end] if t.kind == "word"):
        return False
    return end < len(tokens) and tokens[end].kind == "word" and tokens[end].raw[:1].isupper()


_TO_WORDS = frozenset({"ke", "to", "kepada", "into"})
_ARTICLES = frozenset({"the", "a", "an", "our", "your"})
_HOME_WORDS = frozenset({"pulang", "home"})


def _destination(tokens: Sequence[Token], start: int) -> bool:
    """ "bring them to the fish health clinic": where things are brought, not a thing to bring."""
    j = start - 1
    if j >= 0 and tokens[j].low in _ARTICLES:
        j -= 1
    return j >= 0 and tokens[j].low in _TO_WORDS


def _mark_requirements(tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    previous: Mention | None = None
    sections: list[tuple[int, int]] = []
    if mentions and any(t.low in _SECTION_HEADS for t in tokens):
        sections = _requirement_sections(tokens)
    for mention in mentions:
        start, end = mention.start, mention.end
        clause = tokens[start].clause
        weak = any(a <= start < b for a, b in sections)
        for j in range(start - 1, max(-1, start - 3), -1):
            if tokens[j].clause != clause and tokens[j].low != ",":
                break
            if tokens[j].low in REQUIREMENT_BEFORE:
                weak = True
                break
        if not weak and not _destination(tokens, start):
            # "bring the tickets and your NPWPD", "Bawa KTP + NPWPD + desain": a list to bring
            sentence = tokens[start].sentence
            depth = 0
            for j in range(start - 1, max(-1, start - 24), -1):
                if tokens[j].sentence != sentence:
                    break
                if (
                    tokens[j].clause != tokens[j + 1].clause
                    and tokens[j].low not in LIST_LINKS
                    and tokens[j + 1].low not in LIST_LINKS
                    and tokens[j].low not in ("+", "&", ":", "(", ")")
                ):
                    break  # "Bring 2 copies to room 105 🙂 once registered ...": a new clause
                if tokens[j].low == ")":
                    depth += 1
                elif tokens[j].low == "(":
                    if depth == 0:
                        break  # "(dibantu gratis oleh Posbakum)": an aside, not an item to bring
                    depth -= 1
                if tokens[j].low in _BRING_WORDS and not (
                    # "pinjem bawa pulang", "take it home": carried home, not brought along
                    j + 1 < len(tokens) and tokens[j + 1].low in _HOME_WORDS
                ):
                    weak = True
                    break
        if not weak:
            for j in range(end, min(len(tokens), end + 2)):
                if tokens[j].low in REQUIREMENT_AFTER:
                    weak = True
                    break
                if tokens[j].kind == "punct" and tokens[j].low != "-":
                    break
        if (
            not weak
            and previous is not None
            and not previous.strong
            and previous.sentence == mention.sentence
        ):
            between = [t.low for t in tokens[previous.end : start]]
            if 0 < len(between) <= 2 and all(w in LIST_LINKS for w in between):
                weak = True
        current = Mention(
            mention.candidates, start, end, not weak, mention.sentence, mention.clause
        )
        out.append(current)
        previous = current
    # A mention weak by list position but followed by its own requirement-free clause stays weak;
    # the first item of a list ending in a requirement word ("KTP dan KK asli") is weak too.
    for n in range(len(out) - 1):
        first, second = out[n], out[n + 1]
        if first.strong and not second.strong and first.sentence == second.sentence:
            between = [t.low for t in tokens[first.end : second.start]]
            if 0 < len(between) <= 2 and all(w in LIST_LINKS for w in between):
                out[n] = Mention(
                    first.candidates, first.start, first.end, False, first.sentence, first.clause
                )
    return out


def resolve(candidates: frozenset[str], preferred: Sequence[str]) -> str | None:
    if len(candidates) == 1:
        return next(iter(candidates))
    for service_id in preferred:
        if service_id in candidates:
            return service_id
    return None


class Attributor:
    """Attribution for one answer: the resolved strong mentions are computed once."""

    __slots__ = ("loose", "question_services", "service_id", "strong", "tokens")

    def __init__(
        self,
        tokens: Sequence[Token],
        mentions: Sequence[Mention],
        *,
        service_id: str | None,
        question_services: Sequence[str],
        loose: Sequence[Mention] = (),
    ) -> None:
        preferred = [s for s in (service_id, *question_services) if s]
        # A distinctive word two services share names one only when the caller or the question
        # settles which (picking from the set would depend on the hash seed)
        self.loose = [
            (m, chosen) for m in loose if (chosen := resolve(m.candidates, preferred)) is not None
        ]
        self.tokens = tokens
        self.service_id = service_id
        self.question_services = question_services
        self.strong: list[tuple[Mention, str]] = []
        for mention in mentions:
            if mention.strong:
                resolved = resolve(mention.candidates, preferred)
                if resolved is not None:
                    self.strong.append((mention, resolved))

    def _located(self, mention: Mention) -> bool:
        start = mention.start
        return (
            start > 0
            and self.tokens[start - 1].low in ("ke", "di", "at", "to", "in")
            and self.tokens[start - 1].sentence == mention.sentence
        )

    def _possessed(self, mention: Mention) -> bool:
        """ "submit your Paket B diploma for legalisation": a thing the citizen holds, beside
        the service given."""
        start = mention.start
        return start > 0 and self.tokens[start - 1].low in ("your", "my")

    def compared(self, mention: Mention) -> bool:
        """ "80rb sama kayak KIR biasa", "same as the regular test": a service named to compare
        with."""
        start = mention.start
        before = [t.low for t in self.tokens[max(0, start - 3) : start]]
        return bool(before) and before[-1] in LIKE_WORDS and ("sama" in before or "same" in before)

    def _left_out(self, mention: Mention) -> bool:
        start = mention.start
        return start > 0 and self.tokens[start - 1].low in _WITHOUT

    def _counted_from(self, mention: Mention) -> bool:
        """ "issued within 10 working days after sampling": the service the time counts from."""
        start = mention.start
        return start > 0 and self.tokens[start - 1].low in _AFTER

    def _beneficiary(self, mention: Mention) -> bool:
        start = mention.start
        return (
            start > 0
            and self.tokens[start - 1].low in _FOR_WORDS
            and self.tokens[start - 1].sentence == mention.sentence
        )

    def owner(self, index: int) -> str | None:
        """The service a claim at token ``index`` speaks about, or None: the nearest service named
        in its clause, else in its sentence; else the given service; else the last one named
        before; else the question's; else the only one named in the answer."""
        token = self.tokens[index]
        strong = self.strong
        same_clause = [(m, s) for m, s in strong if m.clause == token.clause]
        if not same_clause:
            same_clause = [(m, s) for m, s in self.loose if m.clause == token.clause]
        if len(same_clause) > 1:
            # "blood test without MCU is Rp65k": a service named as left out is not the subject
            kept = [ms for ms in same_clause if not self._left_out(ms[0])]
            same_clause = kept or same_clause
        if same_clause and self.service_id is not None:
            # "Datang ke Puskeswan Senin-Sabtu": a service named as the place to go, beside the
            # service asked about
            named = [
                ms
                for ms in same_clause
                if not (
                    self._located(ms[0])
                    or self._possessed(ms[0])
                    or self.compared(ms[0])
                    or self._counted_from(ms[0])
                )
            ]
            if not named:
                return self.service_id
            same_clause = named
        if same_clause:
            best = min(same_clause, key=lambda ms: (_distance(ms[0], index), ms[0].start > index))
            return best[1]
        same_sentence = [(m, s) for m, s in strong if m.sentence == token.sentence]
        if not same_sentence:
            same_sentence = [(m, s) for m, s in self.loose if m.sentence == token.sentence]
        if same_sentence and self.service_id is not None:
            same_sentence = [ms for ms in same_sentence if not self._possessed(ms[0])]
            if not same_sentence:
                return self.service_id
        if same_sentence:
            # "SKBN tidak wajib untuk catin, tetapi biayanya ...": a service named after
            # "untuk/for" is whom it is for, not the subject, when the sentence names another.
            subjects = [ms for ms in same_sentence if not self._beneficiary(ms[0])]
            if subjects:
                same_sentence = subjects
            before = [ms for ms in same_sentence if ms[0].end <= index]
            if not before and self.service_id is not None:
                # "Paling lami 2 minggu, engke dikabaran ku PPL": named after, in another clause
                return self.service_id
            return before[-1][1] if before else same_sentence[0][1]
        if self.service_id is not None:
            return self.service_id
        earlier = [s for m, s in strong if m.sentence < token.sentence]
        if earlier:
            return earlier[-1]
        if len(self.question_services) == 1:
            return self.question_services[0]
        everywhere = {s for _, s in strong}
        return everywhere.pop() if len(everywhere) == 1 else None


_FOR_WORDS = frozenset({"untuk", "utk", "bagi", "buat", "for"})
_AFTER = AFTER_WORDS | {"following", "pasca"}
_WITHOUT = frozenset({"without", "tanpa", "selain", "besides", "except", "kecuali", "excluding"})
_BOTH_WORDS = frozenset(
    {"dua2nya", "duanya", "keduanya", "dua-duanya", "both", "semuanya", "sama2", "all"}
)


def sentences_about_all(tokens: Sequence[Token]) -> frozenset[int]:
    """Sentences whose claims speak of every service named ("SIPB sama NIB dua2nya buka
    sabtu", "both desks are open until 4pm"); "dua-duanya" ends in "duanya", "dua2nya" is
    tokenized "dua", "2", "nya"."""
    return frozenset(
        t.sentence
        for k, t in enumerate(tokens)
        # "no charge at all" is no "all of them"
        if (t.low in _BOTH_WORDS and not (t.low == "all" and k > 0 and tokens[k - 1].low == "at"))
        or (
            t.low == "dua"
            and k + 2 < len(tokens)
            and tokens[k + 1].low == "2"
            and tokens[k + 2].low == "nya"
        )
    )


def attribute(
    index: int,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    *,
    service_id: str | None,
    question_services: Sequence[str],
) -> str | None:
    """The service a claim at token ``index`` speaks about, or None."""
    return Attributor(
        tokens, mentions, service_id=service_id, question_services=question_services
    ).owner(index)


def _distance(mention: Mention, index: int) -> int:
    if mention.end <= index:
        return index - mention.end
    return mention.start - index
