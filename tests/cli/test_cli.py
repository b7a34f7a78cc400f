"""The command line is a contract that scripts rely on: run it as a user would, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "knowledge"


def janji(
    args: list[str], tmp: Path, stdin: str = "", timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "INDEX_DIR": str(tmp / "index"),
        "KNOWLEDGE_DIR": str(SAMPLE),
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'janji.db'}",
        "TELEGRAM_BOT_TOKEN": "",
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli")


def test_index_prints_a_summary_then_ask_jsonl_answers_in_order(workdir: Path) -> None:
    built = janji(["index"], workdir)
    assert built.returncode == 0, built.stderr
    assert "berkas baru" in built.stdout and "potongan" in built.stdout
    lines = [
        json.dumps({"id": "a", "question": "berapa biaya bikin KTP?"}),
        "this is not json",
        json.dumps(
            {"id": "b", "question": "udah 3 minggu KK saya belum jadi, padahal janjinya 3 hari"}
        ),
        json.dumps({"id": 7, "question": 42}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c", "question": "How much is a passport?"}),
        "",
    ]
    result = janji(["ask", "--jsonl"], workdir, "\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "b", 7, None, "c"]
    first = out[0]
    assert set(first) == {"id", "answer", "escalate", "reason", "sources", "guardrail"}
    assert first["escalate"] is False and first["reason"] is None
    assert first["sources"][0] == {
        "service_id": "ktp-el",
        "file": "disdukcapil/ktp-el.md",
        "score": first["sources"][0]["score"],
    }
    assert isinstance(first["sources"][0]["score"], float)
    assert first["guardrail"] == {"verdict": "ok", "violations": []}
    assert "gratis" in first["answer"].lower()
    assert "error" in out[1] and "error" in out[3] and "error" in out[4]
    assert out[2]["escalate"] is True and out[2]["reason"] == "complaint"
    assert out[5]["answer"].startswith("Fee for")


def test_ask_with_a_question_prints_a_readable_answer(workdir: Path) -> None:
    result = janji(["ask", "syarat perpanjang SIM apa aja?"], workdir)
    assert result.returncode == 0, result.stderr
    assert "Persyaratan Perpanjangan SIM" in result.stdout
    assert "Sumber:" in result.stdout


def test_chat_reads_piped_input_and_exits_at_end(workdir: Path) -> None:
    result = janji(["chat"], workdir, "berapa biaya bikin KTP?\n\nI want to talk to a human\n")
    assert result.returncode == 0, result.stderr
    assert "gratis" in result.stdout.lower()
    assert "officer" in result.stdout


def test_index_stops_on_a_bad_file_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "ok.md").write_text(
        (SAMPLE / "polres" / "skck.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "rusak.md").write_text(
        "---\nid: rusak\npromises:\n  fee: mahal\n---\n", encoding="utf-8"
    )
    result = janji(["index", "--knowledge", str(folder)], tmp_path)
    assert result.returncode != 0
    assert "rusak.md:4" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "index" / "snapshot.json").exists()


def test_check_jsonl_contract(workdir: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": 1,
                "answer": "bayar 50rb aja ke saya biar cepat",
                "service_id": "ktp-el",
                "question": None,
            }
        ),
        json.dumps(
            {"id": 2, "answer": "KTP-el gratis, selesai 1 hari kerja.", "service_id": "ktp-el"}
        ),
        json.dumps({"id": 3, "answer": 5}),
        "{broken",
    ]
    result = janji(["check", "--jsonl"], workdir, "\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out] == [1, 2, 3, None]
    assert out[0]["verdict"] == "contradiction"
    assert out[0]["violations"][0]["field"] == "fee"
    assert out[0]["violations"][0]["service_id"] == "ktp-el"
    assert out[0]["explanation"]
    assert out[1] == {"id": 2, "verdict": "ok", "violations": [], "explanation": None}
    assert "error" in out[2] and "error" in out[3]


def test_check_readable_verdict(workdir: Path) -> None:
    bad = janji(["check", "selesai 2 minggu ya bu", "--service", "akta-kelahiran"], workdir)
    assert bad.returncode == 1
    assert "BERTENTANGAN" in bad.stdout and "5 hari kerja" in bad.stdout
    good = janji(["check", "akta kelahiran gratis", "--service", "akta-kelahiran"], workdir)
    assert good.returncode == 0 and good.stdout.startswith("OK")
    unknown = janji(["check", "gratis", "--service", "tidak-ada"], workdir)
    assert unknown.returncode == 2 and "tidak-ada" in unknown.stderr


def test_eval_reports_the_figures(workdir: Path) -> None:
    result = janji(["eval", str(ROOT / "eval" / "questions.jsonl"), "--json"], workdir)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["hit@1"] >= 0.95 and report["escalation"]["f1"] >= 0.85
