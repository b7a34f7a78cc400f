"""Stemmed tokens for the lexical side: Sastrawi stemming on top of bot.domain.textnorm."""

from __future__ import annotations

from functools import lru_cache

from bot.domain.textnorm import STOPWORDS, raw_tokens


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    if len(token) <= 3 or token.isdigit() or not token.isalpha():
        return token
    stemmed: str = _stemmer().stem(token)
    # Guard against over-stemming into a fragment (pengecekan -> kece is still consistent on
    # both sides; but never stem down to 1-2 letters).
    return stemmed if len(stemmed) >= 3 else token


def index_tokens(text: str, protected: frozenset[str] = frozenset()) -> list[str]:
    """Tokens for BM25: slang expanded, stopwords dropped, stemmed unless protected."""
    return [
        token if token in protected else stem(token)
        for token in raw_tokens(text)
        if token not in STOPWORDS
    ]
