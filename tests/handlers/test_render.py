"""Rendering desk text for Telegram: escaping, splitting, keyboards."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.models import Button
from bot.handlers.render import (
    MESSAGE_LIMIT,
    escape,
    keyboard,
    messages,
    service_action,
    service_digest,
    split_text,
)
from tests.fakes.bot_api import parse_formatted_text


@given(st.text())
def test_escaped_text_reads_back_exactly_as_written(text: str) -> None:
    plain, entities = parse_formatted_text(escape(text), "HTML", None)
    assert entities == []
    assert plain == text.strip() or plain == text  # Telegram trims outer whitespace


def test_escape_leaves_markdown_characters_alone() -> None:
    assert escape("*_[ <b>x</b> & ]") == "*_[ &lt;b&gt;x&lt;/b&gt; &amp; ]"


def test_short_text_is_one_piece() -> None:
    assert split_text("Biaya KTP-el: gratis.") == ["Biaya KTP-el: gratis."]


def test_long_text_splits_at_sentence_ends_below_the_limit() -> None:
    sentence = "Syarat pertama adalah membawa KTP asli dan fotokopi. "
    text = sentence * 200
    pieces = split_text(text)
    assert len(pieces) > 1
    assert all(len(piece) <= MESSAGE_LIMIT for piece in pieces)
    assert all(piece.endswith(".") for piece in pieces)
    assert " ".join(pieces) == text.strip()


def test_paragraphs_are_preferred_over_sentences() -> None:
    text = ("a" * 2500) + ".\n\n" + ("b" * 2500) + "."
    assert split_text(text) == ["a" * 2500 + ".", "b" * 2500 + "."]


def test_text_without_any_break_is_cut_hard() -> None:
    pieces = split_text("x" * 9000)
    assert [len(p) for p in pieces] == [4000, 4000, 1000]


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=12000))
def test_split_never_loses_words_or_exceeds_the_limit(text: str) -> None:
    pieces = split_text(text)
    assert all(0 < len(piece) <= MESSAGE_LIMIT for piece in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())  # nothing lost or moved


def test_buttons_go_with_the_last_piece() -> None:
    rendered = messages("kalimat. " * 1000, ((Button("Ya", "fb:up:1"),),))
    assert len(rendered) == 3
    assert [m.markup is not None for m in rendered] == [False, False, True]


def test_callback_data_over_64_bytes_is_refused() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        keyboard(((Button("x", "claim:" + "9" * 60),),))


def test_long_service_ids_get_a_digest_action() -> None:
    assert service_action("ktp-el") == "svc:ktp-el"
    long_id = "izin-" + "sangat-panjang-" * 5
    action = service_action(long_id)
    assert action == f"svh:{service_digest(long_id)}"
    assert len(action.encode()) <= 64
