"""Promise parsing: the typed values the knowledge loader builds from front matter."""

from __future__ import annotations

import pytest

from guardrails import (
    KNOWN_PROMISE_KEYS,
    Duration,
    Fee,
    PromiseFormatError,
    parse_duration,
    parse_fee,
    parse_hours,
    parse_promises,
)

DAY = 24 * 60


@pytest.mark.parametrize(
    ("value", "amounts"),
    [
        (0, {"": 0}),
        (30000, {"": 30000}),
        ("30000", {"": 30000}),
        ("Rp 50.000", {"": 50000}),
        ("Rp50.000,-", {"": 50000}),
        ("gratis", {"": 0}),
        ("Gratis", {"": 0}),
        ("tidak dipungut biaya", {"": 0}),
        ({"sim_a": 80000, "sim_c": "Rp 75.000"}, {"sim_a": 80000, "sim_c": 75000}),
        ({"di_kantor": 0, "di_luar_kantor": 600000}, {"di_kantor": 0, "di_luar_kantor": 600000}),
    ],
)
def test_parse_fee(value: object, amounts: dict[str, int]) -> None:
    assert dict(parse_fee(value).amounts) == amounts


@pytest.mark.parametrize("value", ["lima puluh", "mahal", -5, True, {}, [1, 2], None])
def test_parse_fee_rejects_unreadable_values(value: object) -> None:
    with pytest.raises(PromiseFormatError) as info:
        parse_fee(value)
    assert info.value.key == "fee"
    assert info.value.message


def test_fee_describe_and_free() -> None:
    assert Fee({"": 0}).is_free
    assert Fee({"": 0}).describe() == "gratis"
    assert Fee({"": 0}).describe("en") == "free of charge"
    sim = parse_fee({"sim_a": 80000, "sim_c": 75000})
    assert not sim.is_free
    assert sim.describe() == "Rp 80.000 (SIM A), Rp 75.000 (SIM C)"
    assert parse_fee({"paspor_biasa": 350000}).describe() == "Rp 350.000 (paspor biasa)"
    assert parse_fee(30000).describe() == "Rp 30.000"


def test_fee_is_hashable_and_immutable() -> None:
    fee = parse_fee({"a": 1000})
    assert hash(fee) == hash(parse_fee({"a": 1000}))
    assert fee == parse_fee({"a": 1000})
    with pytest.raises(TypeError):
        fee.amounts["a"] = 5  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("1 hari kerja", 1, "working_days"),
        ("5 (lima) hari kerja", 5, "working_days"),
        ("3 hari", 3, "days"),
        ("14 hari kalender", 14, "days"),
        ("3 jam", 3, "hours"),
        ("30 menit", 30, "minutes"),
        ("1x24 jam", 24, "hours"),
        ("2 x 24 jam", 48, "hours"),
        ("2 minggu", 14, "days"),
        ("1 bulan", 30, "days"),
        ("sehari", 1, "days"),
        ("paling lama 3 jam", 3, "hours"),
        ("tiga hari kerja", 3, "working_days"),
        ("5 working days", 5, "working_days"),
        ("two weeks", 14, "days"),
    ],
)
def test_parse_duration(text: str, amount: float, unit: str) -> None:
    duration = parse_duration(text)
    assert (duration.amount, duration.unit) == (amount, unit)
    assert duration.text == text


@pytest.mark.parametrize("text", ["", "secepatnya", "lima", "3 lembar"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(PromiseFormatError) as info:
        parse_duration(text)
    assert info.value.key == "duration"


def test_working_days_in_calendar_time() -> None:
    five = parse_duration("5 hari kerja")
    assert five.max_calendar_minutes() == 7 * DAY  # a working week is a calendar week
    assert five.min_calendar_minutes() == 5 * DAY
    assert parse_duration("10 hari kerja").max_calendar_minutes() == 14 * DAY
    assert parse_duration("3 hari").max_calendar_minutes() == 3 * DAY
    assert parse_duration("1x24 jam").max_calendar_minutes() == DAY
    assert Duration(5, "working_days").describe() == "5 hari kerja"
    assert Duration(5, "working_days").describe("en") == "5 working days"
    assert Duration(1, "days").describe("en") == "1 day"
    assert parse_duration("1x24 jam").describe() == "1x24 jam"


@pytest.mark.parametrize(
    ("text", "open_at", "closed_at"),
    [
        ("Senin-Jumat 08.00-15.00", [(0, 480), (4, 899)], [(5, 600), (0, 900), (0, 479)]),
        (
            "Senin-Kamis 08.00-15.00, Jumat 08.00-11.00",
            [(3, 890), (4, 600)],
            [(4, 700), (5, 600)],
        ),
        ("Setiap hari 24 jam", [(6, 0), (2, 1439)], []),
        ("Senin-Sabtu 07.30-13.00", [(5, 450)], [(6, 600), (0, 449)]),
        ("Senin s.d. Jumat pukul 08:00 - 15:00 WIB", [(2, 600)], [(5, 600)]),
        ("Selasa, Kamis, Sabtu 08.00-12.00", [(1, 480), (5, 700)], [(0, 600), (2, 600)]),
        ("Monday to Friday 8:00-15:00", [(0, 480)], [(6, 480)]),
        ("Senin-Jumat 08.00-15.00 (istirahat 12.00-13.00)", [(0, 480)], [(5, 600)]),
    ],
)
def test_parse_hours(
    text: str, open_at: list[tuple[int, int]], closed_at: list[tuple[int, int]]
) -> None:
    hours = parse_hours(text)
    for day, minute in open_at:
        assert hours.is_open(day, minute), (day, minute)
    for day, minute in closed_at:
        assert not hours.is_open(day, minute), (day, minute)


def test_hours_describe() -> None:
    assert parse_hours("Senin-Jumat 08.00-15.00").describe() == "Senin-Jumat 08.00-15.00"
    assert parse_hours("Senin-Jumat 08.00-15.00").describe("en") == "Monday-Friday 08.00-15.00"
    assert (
        parse_hours("Senin-Kamis 08.00-15.00, Jumat 08.00-11.00").describe()
        == "Senin-Kamis 08.00-15.00, Jumat 08.00-11.00"
    )
    assert parse_hours("Setiap hari 24 jam").describe() == "Setiap hari 24 jam"


@pytest.mark.parametrize("text", ["kapan saja", "Senin-Jumat", "25.00-26.00", ""])
def test_parse_hours_rejects(text: str) -> None:
    with pytest.raises(PromiseFormatError) as info:
        parse_hours(text)
    assert info.value.key == "hours"


def test_parse_promises_builds_every_key() -> None:
    promises = parse_promises(
        {
            "fee": {"sim_a": 80000, "sim_c": 75000},
            "duration": "1 hari kerja",
            "hours": "Senin-Sabtu 08.00-12.00",
            "requirements": ["KTP-el asli", "SIM lama"],
            "channels": ["Loket Satpas"],
        }
    )
    assert promises.fee is not None and promises.fee.values == {80000, 75000}
    assert promises.duration == Duration(1, "working_days", "1 hari kerja")
    assert promises.hours is not None and promises.hours.open_days == frozenset(range(6))
    assert promises.requirements == ("KTP-el asli", "SIM lama")
    assert promises.channels == ("Loket Satpas",)
    maklumat = parse_promises({"complaint_response": "1x24 jam"})
    assert maklumat.complaint_response is not None
    assert maklumat.complaint_response.max_calendar_minutes() == DAY
    assert {
        "fee",
        "duration",
        "hours",
        "requirements",
        "channels",
        "complaint_response",
    } == KNOWN_PROMISE_KEYS


@pytest.mark.parametrize(
    ("mapping", "key"),
    [
        ({"biaya": 0}, "biaya"),
        ({"fee": "lima puluh"}, "fee"),
        ({"duration": "secepatnya"}, "duration"),
        ({"duration": 5}, "duration"),
        ({"hours": "kapan saja"}, "hours"),
        ({"requirements": {"a": 1}}, "requirements"),
        ({"channels": [["nested"]]}, "channels"),
        ({"complaint_response": "segera"}, "complaint_response"),
    ],
)
def test_parse_promises_names_the_key_at_fault(mapping: dict[str, object], key: str) -> None:
    with pytest.raises(PromiseFormatError) as info:
        parse_promises(mapping)
    assert info.value.key == key
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Gratis (tidak dipungut biaya)", 0),
        ("tidak dipungut biaya apapun", 0),
        ("Rp 10.000/lembar", 10_000),
        ("Rp 30.000 per dokumen", 30_000),
        ("Sesuai PP 60/2016: Rp 350.000", 350_000),
        ("Rp 350.000 (paspor biasa)", 350_000),
    ],
)
def test_fees_written_as_officials_write_them(text: str, amount: int) -> None:
    assert parse_fee(text).amounts == {"": amount}


def test_two_amounts_in_one_fee_text_stay_unreadable() -> None:
    with pytest.raises(PromiseFormatError):
        parse_fee("Rp 50.000 - Rp 100.000")  # a mapping of variants says which is which


@pytest.mark.parametrize("text", ["hari itu juga", "Selesai di hari yang sama", "same day"])
def test_same_day_durations(text: str) -> None:
    assert parse_duration(text).max_calendar_minutes() == 24 * 60


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("Monday-Friday 8am-3pm", "Senin-Jumat 08.00-15.00"),
        ("Senin sampai Jumat jam 8 pagi - jam 3 sore", "Senin-Jumat 08.00-15.00"),
        ("Senin-Jumat pukul 07.30-16.00 WIB", "Senin-Jumat 07.30-16.00"),
        ("Setiap hari jam 7 pagi sampai jam 9 malam", "Setiap hari 07.00-21.00"),
    ],
)
def test_hours_written_with_clock_words(text: str, described: str) -> None:
    assert parse_hours(text).describe("id") == described
