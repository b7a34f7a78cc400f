"""The labelled answer sets: format, size, mix, and the accuracy bar on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from guardrails import PromiseChecker, parse_promises
from tests.guardrails.guardrail_eval import (
    DEV_SET,
    HELDOUT2_SET,
    HELDOUT_SET,
    KNOWLEDGE,
    SAMPLE_SERVICES,
    evaluate,
    load_records,
    sample_standards,
)

REQUIRED = {"id", "answer", "service_id", "question", "expected", "fields", "style", "lang"}


def _check_format(records: list[dict[str, object]]) -> None:
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for record in records:
        assert record.keys() >= REQUIRED, record["id"]
        assert record["expected"] in ("ok", "contradiction")
        assert record["style"] in ("bot", "officer")
        assert record["lang"] in ("id", "en")
        fields = record["fields"]
        assert isinstance(fields, list)
        assert set(fields) <= {"fee", "duration", "hours"}
        assert bool(fields) == (record["expected"] == "contradiction"), record["id"]


def test_dev_set_format_and_mix() -> None:
    records = load_records(DEV_SET)
    _check_format(records)
    assert len(records) >= 150
    share = sum(r["expected"] == "contradiction" for r in records) / len(records)
    assert 0.35 <= share <= 0.55
    assert {r["style"] for r in records} == {"bot", "officer"}
    assert {r["lang"] for r in records} == {"id", "en"}
    known = {s["service_id"] for s in SAMPLE_SERVICES}
    assert all(r["service_id"] in known for r in records if r["service_id"] is not None)


def test_heldout_set_format() -> None:
    records = load_records(HELDOUT_SET)
    _check_format(records)
    assert len(records) >= 60
    for record in records:
        ids = {s["service_id"] for s in record["standards"]}
        assert ids.isdisjoint({s["service_id"] for s in SAMPLE_SERVICES})
        if record["service_id"] is not None:
            assert record["service_id"] in ids


def test_dev_set_meets_the_bar() -> None:
    result = evaluate(load_records(DEV_SET), sample_standards())
    report = {k: v for k, v in result.items() if k != "errors"}
    assert result["precision"] >= 0.97, report
    assert result["recall"] >= 0.95, report
    assert result["field_accuracy"] >= 0.97, report


def test_second_heldout_set_format() -> None:
    records = load_records(HELDOUT2_SET)
    _check_format(records)
    assert {str(r["id"])[0] for r in records} == {"q", "r"}


@pytest.mark.parametrize(
    ("path", "prefix"),
    [(HELDOUT_SET, p) for p in "hkmnp"] + [(HELDOUT2_SET, p) for p in "qr"],
)
def test_heldout_sets_do_not_regress(path: Path, prefix: str) -> None:
    """One batch per fictional knowledge base (h, k, m, n, p). Each batch was scored once, blind,
    before any tuning on it (figures in docs/guardrails.md); the checker was then improved on
    the general causes of its errors. This floor keeps those gains from slipping back."""
    records = [r for r in load_records(path) if str(r["id"]).startswith(prefix)]
    assert len(records) >= 60
    result = evaluate(records)
    report = {k: v for k, v in result.items() if k != "errors"}
    assert result["precision"] >= 0.95, report
    assert result["recall"] >= 0.95, report
    assert result["field_accuracy"] >= 0.97, report


BLIND_SETS = Path(__file__).resolve().parents[2] / "eval"


@pytest.mark.parametrize(
    ("name", "floor"),
    # Blind sets over three new organisations each, written by helpers who never read the
    # checker; each was scored once blind (its README keeps that figure) and then used to mend
    # general causes. The floors keep the gains; blind sets 3 and 7-13 were the last ones
    # measured blind (their remaining errors: docs/guardrails.md). The claim filter is trained
    # on all of these sets, so their figures now are development figures, not estimates.
    [
        ("blind2", 0.97),
        ("blind4", 0.97),
        ("blind5", 0.94),  # 0.95 until session 6: the filter at 0.3 trades recall for precision
        ("blind6", 0.95),
        ("blind3", 0.90),
        ("blind7", 0.90),
        ("blind8", 0.90),
        ("blind9", 0.90),
        ("blind10", 0.80),
        ("blind11", 0.90),
        ("blind12", 0.95),
        ("blind13", 0.93),
        # blind14-16 were scored once blind with one checker (ab2b598); 15 and 16 were then used
        # for mending, 14 never was
        ("blind14", 0.96),
        ("blind15", 0.90),
        ("blind16", 0.95),
        # scored once blind with 9b45573, then used for mending
        ("blind17", 0.90),
        ("blind18", 0.88),
        # the last ones scored blind (ee7f6df); kept as found, one cause mended
        ("blind19", 0.90),
        ("blind20", 0.90),
        # scored once blind with c77430e (session 4), then used for mending
        ("blind21", 0.92),
        ("blind22", 0.90),
        ("blind23", 0.93),
        ("blind24", 0.92),
        # scored once blind with 0fcecac (session 4), then used for mending
        ("blind25", 0.93),
        ("blind26", 0.90),
        ("blind27", 0.90),
        ("blind28", 0.92),
        # scored once blind with 6c8f139 (session 4), then used for mending
        ("blind29", 0.93),
        ("blind30", 0.92),
        ("blind31", 0.86),
        ("blind32", 0.91),
        # scored once blind with 7e2e08a (session 4), used for mending in session 5
        ("blind33", 0.92),
        ("blind34", 0.90),
        ("blind35", 0.93),
        ("blind36", 0.92),
        # scored once blind with c7adf31 (session 5), then used for mending
        ("blind37", 0.93),
        ("blind38", 0.93),
        ("blind39", 0.90),
        ("blind40", 0.90),
        # the last ones scored blind (ecbc4b9, blind41-48), kept as found
        ("blind41", 0.95),
        ("blind42", 0.90),
        ("blind43", 0.92),
        ("blind44", 0.92),
        ("blind45", 0.90),
        ("blind46", 0.92),
        ("blind47", 0.93),
        ("blind48", 0.92),
        # the last ones scored blind (bddf2d1), kept as found
        ("blind49", 0.90),
        ("blind50", 0.92),
        ("blind51", 0.92),
        ("blind52", 0.90),
        # scored once blind with a75f10e (session 6), kept as found; in the filter's training since fabc150
        ("blind53", 0.91),
        ("blind54", 0.87),
        ("blind55", 0.92),
        ("blind56", 0.90),  # 0.91 at its blind run (a75f10e); the 0.3 filter: recall 0.907
        ("blind57", 0.92),
        ("blind58", 0.93),
        ("blind59", 0.95),
        ("blind60", 0.90),
        # scored once blind with fabc150 (session 6), kept as found; since session 7 the sets
        # from here on are read and in the training of the longer answers' claim filter
        ("blind61", 0.90),
        ("blind62", 0.86),
        ("blind63", 0.92),
        ("blind64", 0.91),
        ("blind65", 0.96),
        ("blind66", 0.90),
        ("blind67", 0.92),
        ("blind68", 0.93),
        # scored once blind with the same checker, fabc150 (session 6), kept as found
        ("blind69", 0.86),
        ("blind70", 0.92),
        ("blind71", 0.91),
        ("blind72", 0.93),
        ("blind73", 0.91),
        ("blind74", 0.92),
        ("blind75", 0.88),
        ("blind76", 0.93),
        # scored once blind with ab844b1 (session 6: the rescue model), kept as found
        ("blind77", 0.95),
        ("blind78", 0.97),
        ("blind79", 0.96),
        ("blind80", 0.94),
        ("blind81", 0.93),
        ("blind82", 0.95),
        ("blind83", 0.91),
        ("blind84", 0.91),
        # scored once blind with the same checker, ab844b1, kept as found
        ("blind85", 0.92),
        ("blind86", 0.92),
        ("blind87", 0.96),
        ("blind88", 0.87),
        ("blind89", 0.89),
        ("blind90", 0.92),
        ("blind91", 0.91),
        ("blind92", 0.95),
        # scored once blind with 1a1b74b (session 6: the rescue model at 0.5), kept as found
        ("blind93", 0.92),
        ("blind94", 0.90),
        ("blind95", 0.94),
        ("blind96", 0.91),
        ("blind97", 0.94),
        ("blind98", 0.93),
        ("blind99", 0.96),
        ("blind100", 0.90),
        # scored once blind with f908f8c (session 7: hours rescued, unnamed services guessed),
        # then read and trained on (the longer answers' claim filter)
        ("blind101", 0.95),
        ("blind102", 0.91),
        ("blind103", 0.95),
        ("blind104", 0.97),
        ("blind105", 0.95),
        ("blind106", 0.94),
        ("blind107", 0.93),
        ("blind108", 0.91),
        ("blind109", 0.92),
        ("blind110", 0.96),
        ("blind111", 0.92),
        ("blind112", 0.93),
        ("blind113", 0.96),
        ("blind114", 0.95),
        ("blind115", 0.96),
        ("blind116", 0.95),
        # scored once blind with fd878c5 (session 7's final checker: the claim filter in two),
        # kept as found
        ("blind117", 0.93),
        ("blind118", 0.94),
        ("blind119", 0.93),
        ("blind120", 0.92),
        ("blind121", 0.94),
        ("blind122", 0.94),
        ("blind123", 0.96),
        ("blind124", 0.94),
        ("blind125", 0.95),
        ("blind126", 0.91),
        ("blind127", 0.94),
        ("blind128", 0.93),
        ("blind129", 0.95),
        ("blind130", 0.95),
        ("blind131", 0.94),
        ("blind132", 0.87),
    ],
)
def test_blind_sets_do_not_regress(name: str, floor: float) -> None:
    records = load_records(BLIND_SETS / f"guardrail_{name}.jsonl")
    assert len(records) >= 250
    _check_format(records)
    result = evaluate(records)
    report = {k: v for k, v in result.items() if k != "errors"}
    assert result["precision"] >= floor, report
    assert result["recall"] >= floor, report
    assert result["field_accuracy"] >= floor, report


def test_snapshot_agrees_with_the_knowledge_folder() -> None:
    """The labelled set is scored against a snapshot of knowledge/; the promises must match."""
    yaml = pytest.importorskip("yaml")
    files = sorted(Path(KNOWLEDGE).rglob("*.md"))
    if not files:
        pytest.skip("knowledge/ is empty")
    found = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        meta = yaml.safe_load(text.split("---", 2)[1])
        if isinstance(meta, dict) and "promises" in meta and meta.get("id") != "maklumat":
            found[meta["id"]] = parse_promises(meta["promises"])
    for service in SAMPLE_SERVICES:
        promises = parse_promises(service["promises"])
        actual = found.get(service["service_id"])
        assert actual is not None, service["service_id"]
        assert (actual.fee, actual.duration, actual.hours) == (
            promises.fee,
            promises.duration,
            promises.hours,
        ), service["service_id"]


def test_official_knowledge_text_is_never_flagged() -> None:
    """Every paragraph of the knowledge folder restates its own standard: no contradiction."""
    yaml = pytest.importorskip("yaml")
    checker = PromiseChecker(sample_standards())
    known = {s["service_id"] for s in SAMPLE_SERVICES}
    paragraphs = 0
    for path in sorted(Path(KNOWLEDGE).rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        service_id = None
        if text.startswith("---"):
            _, front, text = text.split("---", 2)
            meta = yaml.safe_load(front)
            if isinstance(meta, dict) and meta.get("id") in known:
                service_id = meta["id"]
        for paragraph in (p.strip() for p in text.split("\n\n")):
            if not paragraph:
                continue
            paragraphs += 1
            verdict = checker.check(paragraph, service_id=service_id)
            assert verdict.ok, (path.name, paragraph, verdict.explanation)
    if paragraphs == 0:
        pytest.skip("knowledge/ is empty")
