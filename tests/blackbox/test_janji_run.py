"""Black box: ``janji run`` as a real subprocess, configured only by environment variables,
against a fake Bot API in this test process. Nothing inside the bot is touched; the database is
only read (as an auditor would) to check that an override was logged.

One bot process serves the module (restarted after each SIGKILL); tests run in file order:
answers, a complaint card, a staff reply, a photo, escaping, the guardrail hold + override,
SIGKILL between a staff reply and its relay, SIGKILL in the middle of handling an update (the
test-only ``JANJI_TEST_CRASH_AT`` makes the process kill itself at a named step: a question
whose effects are written but not committed, an officer's reply committed but not yet relayed,
a complaint stored but not yet confirmed to Telegram), 100 citizens at once, the one-minute SLA
(its ticket is opened when the bot starts, so its timers run during the other tests and across
the restarts), then a clean SIGTERM.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import statistics
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.app import CRASH_AT_ENV
from bot.domain.models import Event, EventKind
from tests.conftest import KNOWLEDGE_DIR
from tests.fakes.bot_api import FakeBotAPI
from tests.postgres import throwaway_database

pytestmark = [pytest.mark.slow, pytest.mark.asyncio(loop_scope="module")]

JsonDict = dict[str, Any]

JANJI = str(Path(sys.executable).with_name("janji"))
TOKEN = "7001234567:AAH_blackbox-Token_0123456789abcdefXYZ"
STAFF_CHAT = -1009876543210
OFFICER = 801
SECOND_OFFICER = 802
ADMIN = 899
SLA_CITIZEN = 9001
START_TIMEOUT = 300.0  # the first start builds the index
POSTGRES_ENV = "JANJI_TEST_POSTGRES_URL"

FIGURES: dict[str, Any] = {}


@dataclass
class BlackBox:
    fake: FakeBotAPI
    workdir: Path
    env: dict[str, str]
    database_url: str
    process: asyncio.subprocess.Process | None = None
    starts: int = 0
    sla_ticket: str = ""
    cards: dict[str, int] = field(default_factory=dict)  # ticket number -> card message id
    latencies: list[float] = field(default_factory=list)

    @property
    def log_path(self) -> Path:
        return self.workdir / "janji.log"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    async def start(self, timeout: float = START_TIMEOUT, crash_at: str | None = None) -> None:
        """Start ``janji run`` and wait until it has set its command menu (polling follows).

        ``crash_at``: the process SIGKILLs itself when an update reaches that step of its
        handling (``JANJI_TEST_CRASH_AT``, a test-only hook read by ``bot.app``)."""
        menus_before = len(self.fake.calls_to("setMyCommands", ok_only=True))
        env = {**self.env, CRASH_AT_ENV: crash_at} if crash_at else self.env
        with self.log_path.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                JANJI,
                "run",
                cwd=self.workdir,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        self.starts += 1
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while len(self.fake.calls_to("setMyCommands", ok_only=True)) < menus_before + 2:
            if self.process.returncode is not None:
                raise AssertionError(f"janji run exited early:\n{self.log()[-3000:]}")
            if loop.time() > deadline:
                raise AssertionError(f"janji run did not start:\n{self.log()[-3000:]}")
            await asyncio.sleep(0.1)

    async def signal(self, signum: int, timeout: float = 60.0) -> int:
        assert self.process is not None
        self.process.send_signal(signum)
        return await self.exited(timeout)

    async def exited(self, timeout: float = 60.0) -> int:
        """Wait for the process to end (e.g. to kill itself); returns its exit code."""
        assert self.process is not None
        code = await asyncio.wait_for(self.process.wait(), timeout)
        self.process = None
        return code

    async def restart_crashing_at(self, step: str) -> None:
        """Stop the bot cleanly and start it again with the crash hook armed at ``step``."""
        assert await self.signal(signal.SIGTERM) == 0
        await self.start(crash_at=step)

    async def crashed_at(self, step: str, update_id: int) -> None:
        """The armed process killed itself at ``step`` of ``update_id``."""
        assert await self.exited() == -signal.SIGKILL
        assert f"{CRASH_AT_ENV}: SIGKILL at {step} of update {update_id}" in self.log()

    def confirmed(self, update_id: int) -> bool:
        """Telegram considers the update delivered: it will never send it again."""
        return all(u["update_id"] != update_id for u in self.fake.pending_updates())

    async def events(self, *kinds: EventKind) -> list[Event]:
        """The event log, read as an auditor would."""
        from bot.store import open_store

        store = await open_store(self.database_url)
        try:
            return await store.events(kinds=list(kinds))
        finally:
            await store.close()

    def say(self, user_id: int, text: str | None = None, **options: Any) -> JsonDict:
        options.setdefault("first_name", f"Warga{user_id}")
        return dict(self.fake.inject_message(text, user_id=user_id, **options)["message"])

    async def ask(self, user_id: int, text: str, **options: Any) -> JsonDict:
        started = time.monotonic()
        self.say(user_id, text, **options)
        reply = await self.fake.wait_for_message(user_id, timeout=30)
        self.latencies.append(time.monotonic() - started)
        return reply

    async def staff(self, predicate: Callable[[JsonDict], bool], timeout: float = 30) -> JsonDict:
        return await self.fake.wait_for_message(STAFF_CHAT, predicate, timeout=timeout)

    async def card(self, number: str, timeout: float = 30) -> JsonDict:
        return await self.staff(lambda m: m.get("text", "").startswith(f"🎫 {number}"), timeout)

    def officer_says(
        self, text: str | None, reply_to: int, officer: int = OFFICER, **kw: Any
    ) -> None:
        self.fake.inject_message(
            text,
            user_id=officer,
            chat_id=STAFF_CHAT,
            chat_type="supergroup",
            first_name={OFFICER: "Dewi", SECOND_OFFICER: "Rudi"}[officer],
            reply_to_message_id=reply_to,
            **kw,
        )


def ticket_number(text: str) -> str:
    found = re.search(r"JNJ-\d{6}", text)
    assert found, f"no ticket number in {text!r}"
    return found.group(0)


@pytest_asyncio.fixture(
    scope="module",
    loop_scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)],
)
async def box(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[BlackBox]:
    workdir = tmp_path_factory.mktemp(f"janji-run-{request.param}")
    async with AsyncExitStack() as stack:
        if request.param == "postgresql":
            database_url = await stack.enter_async_context(throwaway_database("janji_blackbox"))
        else:
            database_url = f"sqlite+aiosqlite:///{workdir / 'janji.db'}"
        async for box in _running_box(workdir, database_url):
            yield box
    if FIGURES:
        (workdir / "figures.json").write_text(json.dumps(FIGURES, indent=2))
        print(f"\nblack-box figures ({request.param}): {json.dumps(FIGURES)}")


async def _running_box(workdir: Path, database_url: str) -> AsyncIterator[BlackBox]:
    async with FakeBotAPI(TOKEN, bot_username="janji_blackbox_bot") as fake:
        fake.add_chat(STAFF_CHAT, "supergroup", title="Petugas MPP Sukamaju")
        fake.add_chat_member(STAFF_CHAT, fake.bot_id, "administrator")
        for officer, name in ((OFFICER, "Dewi"), (SECOND_OFFICER, "Rudi")):
            fake.add_chat_member(STAFF_CHAT, officer, first_name=name)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(workdir),
            "LANG": "C.UTF-8",
            # the settings the issue lists
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": fake.base_url,
            "STAFF_CHAT_ID": str(STAFF_CHAT),
            "ADMIN_USER_IDS": str(ADMIN),
            "KNOWLEDGE_DIR": str(KNOWLEDGE_DIR),
            "DATABASE_URL": database_url,
            # the one-minute SLA of the "Done when", checked every second
            "COMPLAINT_RESPONSE_OVERRIDE": "1 menit",
            "SLA_CHECK_SECONDS": "1",
        }
        box = BlackBox(fake, workdir, env, database_url)
        try:
            await box.start()
            # The SLA ticket: opened first, so its one-minute timers run during the other tests.
            reply = await box.ask(SLA_CITIZEN, "saya mau komplain, antreannya tidak jelas dan lama")
            box.sla_ticket = ticket_number(reply["text"])
            yield box
        finally:
            if box.process is not None and box.process.returncode is None:
                box.process.kill()
                await box.process.wait()


SERVICE_QUESTIONS = [
    ("berapa biaya bikin KTP?", "gratis", "disdukcapil/ktp-el.md"),
    ("berapa lama bikin akta kelahiran", "5 hari kerja", "disdukcapil/akta-kelahiran.md"),
    ("jam buka SKCK", "08.00-14.00", "polres/skck.md"),
    ("syarat kartu keluarga apa aja", "Formulir biodata keluarga", "kartu-keluarga.md"),
    ("how much is a passport?", "350.000", "imigrasi/paspor.md"),
]


async def test_questions_about_sample_services_get_the_answer_with_its_source(
    box: BlackBox,
) -> None:
    box.latencies.clear()
    for index, (question, expected, source) in enumerate(SERVICE_QUESTIONS):
        reply = await box.ask(4001 + index, question)
        assert expected in reply["text"], reply["text"]
        assert source in reply["text"]
        assert re.search(r"^(Sumber|Source): ", reply["text"], re.MULTILINE)
    FIGURES["answer_latency_s"] = [round(x, 3) for x in box.latencies]


async def test_a_complaint_is_escalated_and_reaches_the_staff_group_as_a_card(
    box: BlackBox,
) -> None:
    started = time.monotonic()
    reply = await box.ask(4010, "pelayanannya lambat sekali, saya kecewa, petugasnya kasar")
    number = ticket_number(reply["text"])
    assert "Mohon maaf" in reply["text"] and "1 menit" in reply["text"]
    card = await box.card(number)
    FIGURES["complaint_card_latency_s"] = round(time.monotonic() - started, 3)
    box.cards["complaint"] = card["message_id"]
    assert "Pengaduan" in card["text"] and "petugasnya kasar" in card["text"]
    labels = [b["text"] for row in card["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["Ambil", "Selesai"]


async def test_a_staff_reply_reaches_the_citizen(box: BlackBox) -> None:
    box.officer_says("Mohon maaf atas ketidaknyamanannya, akan kami tegur.", box.cards["complaint"])
    relayed = await box.fake.wait_for_message(4010, timeout=30)
    assert relayed["text"].startswith("Petugas Dewi (JNJ-")
    assert relayed["text"].endswith("Mohon maaf atas ketidaknyamanannya, akan kami tegur.")


async def test_a_photo_gets_a_polite_reply(box: BlackBox) -> None:
    started = time.monotonic()
    box.fake.inject_message(user_id=4011, photo=True, first_name="Warga4011")
    reply = await box.fake.wait_for_message(4011, timeout=30)
    FIGURES["photo_reply_latency_s"] = round(time.monotonic() - started, 3)
    assert "hanya dapat membaca pesan teks" in reply["text"]


async def test_user_text_is_escaped_everywhere_it_is_echoed(box: BlackBox) -> None:
    nasty = "tolong <b>cek</b> berkas *_[penting]_* & segera"
    reply = await box.ask(4012, f"/petugas {nasty}", first_name="<b>Tono</b> *_[")
    number = ticket_number(reply["text"])
    card = await box.card(number)
    assert nasty in card["text"] and "<b>Tono</b> *_[" in card["text"]
    assert "entities" not in card
    box.officer_says("<b>Siap</b>, *_[berkas]_* sudah dicek & aman", card["message_id"])
    relayed = await box.fake.wait_for_message(4012, timeout=30)
    assert relayed["text"].endswith("<b>Siap</b>, *_[berkas]_* sudah dicek & aman")
    answer = await box.ask(4015, "berapa biaya <b>SKCK</b> *_[")
    assert "30.000" in answer["text"]


async def test_a_reply_quoting_a_fee_for_a_free_service_is_held_then_overridden(
    box: BlackBox,
) -> None:
    answer = await box.ask(4013, "berapa biaya bikin KTP?")
    box.fake.press_button(4013, answer["message_id"], "🙋 Hubungi petugas")
    opened = await box.fake.wait_for_message(4013, timeout=30)
    number = ticket_number(opened["text"])
    card = await box.card(number)
    box.officer_says("Biaya pembuatan KTP Rp 50.000 ya pak.", card["message_id"])
    notice = await box.staff(lambda m: "DITAHAN" in m.get("text", "") and number in m["text"])
    assert "dijanjikan" in notice["text"] and "Rp 50.000" in notice["text"]
    assert "gratis" in notice["text"].lower() or "Rp 0" in notice["text"]
    box.fake.press_button(STAFF_CHAT, notice["message_id"], "Kirim tetap", from_user_id=OFFICER)
    box.officer_says("Itu denda keterlambatan, bukan biaya KTP", notice["message_id"])
    relayed = await box.fake.wait_for_message(4013, timeout=30)
    assert relayed["text"].endswith("Biaya pembuatan KTP Rp 50.000 ya pak.")
    overridden = await box.staff(
        lambda m: m.get("text", "").startswith("📨") and number in m["text"]
    )
    assert "denda keterlambatan" in overridden["text"]
    # The override is in the event log with the officer and the reason.
    from bot.store import open_store

    store = await open_store(box.database_url)
    try:
        events = await store.events(kinds=[EventKind.REPLY_OVERRIDDEN])
    finally:
        await store.close()
    assert [(e.actor_id, e.data["reason"]) for e in events] == [
        (OFFICER, "Itu denda keterlambatan, bukan biaya KTP")
    ]


async def test_sigkill_between_a_staff_reply_and_its_relay_then_restart_delivers_once(
    box: BlackBox,
) -> None:
    citizen = 4014
    reply = await box.ask(citizen, "/petugas saya mau tanya status berkas pindah datang")
    number = ticket_number(reply["text"])
    card = await box.card(number)
    box.fake.fail_next("sendMessage", 500, times=50)  # Telegram is down for a moment
    box.officer_says("Berkas Anda sudah selesai, silakan diambil.", card["message_id"])

    def relay_failed() -> bool:  # refused calls keep their raw (string) parameters
        return any(
            call.method == "sendMessage"
            and str(call.params.get("chat_id")) == str(citizen)
            and not call.ok
            for call in box.fake.calls
        )

    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    while not relay_failed():
        assert loop.time() < deadline, "the relay was never attempted"
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.3)  # the outbox records the failure; the next try is 2 s away
    assert await box.signal(signal.SIGKILL) == -signal.SIGKILL
    box.fake.clear_faults()
    assert box.fake.sent_texts(citizen) == [reply["text"]]  # not delivered before the kill

    await box.start()
    relayed = await box.fake.wait_for_message(citizen, timeout=60)
    assert relayed["text"].endswith("Berkas Anda sudah selesai, silakan diambil.")
    # Something queued later reaches the same citizen; the relay must not come twice.
    box.fake.press_button(STAFF_CHAT, card["message_id"], "Selesai", from_user_id=OFFICER)
    await box.fake.wait_for_message(citizen, lambda m: "penilaian" in m.get("text", ""), 60)
    texts = box.fake.sent_texts(citizen)
    assert sum("Berkas Anda sudah selesai" in t for t in texts) == 1, texts


async def test_sigkill_while_a_question_is_being_handled_then_restart_answers_it_once(
    box: BlackBox,
) -> None:
    """Killed with the answer's effects written but not committed, after Telegram was told
    the update arrived: before the inbox this question was lost for good."""
    citizen = 4016
    await box.restart_crashing_at("handling")
    update_id = box.fake.inject_message("berapa biaya skck", user_id=citizen)["update_id"]
    await box.crashed_at("handling", update_id)
    assert box.confirmed(update_id), "the kill came before Telegram was told; nothing proven"
    assert box.fake.sent_messages(citizen) == []

    started = time.monotonic()
    await box.start()
    answer = await box.fake.wait_for_message(citizen, timeout=60)
    FIGURES["replayed_answer_after_restart_s"] = round(time.monotonic() - started, 3)
    assert "30.000" in answer["text"]
    later = await box.ask(citizen, "jam buka SKCK")  # anything extra would come before this
    assert "08.00-14.00" in later["text"]
    assert box.fake.sent_texts(citizen) == [answer["text"], later["text"]]
    answered = await box.events(EventKind.QUESTION_ANSWERED)
    assert [e.data["service_id"] for e in answered if e.actor_id == citizen] == ["skck", "skck"]


async def test_sigkill_after_an_officer_reply_is_committed_then_restart_relays_it_once(
    box: BlackBox,
) -> None:
    """Killed after the reply was stored and its relay queued, before either was sent: the
    restart must deliver it, and must not handle the officer's update a second time."""
    citizen = 4017
    reply = await box.ask(citizen, "/petugas KIA anak saya belum jadi, mohon dicek")
    number = ticket_number(reply["text"])
    card = await box.card(number)
    await box.restart_crashing_at("handled")
    update_id = box.fake.inject_message(
        "KIA sudah jadi, silakan diambil di loket 3.",
        user_id=OFFICER,
        chat_id=STAFF_CHAT,
        chat_type="supergroup",
        first_name="Dewi",
        reply_to_message_id=card["message_id"],
    )["update_id"]
    await box.crashed_at("handled", update_id)
    assert box.confirmed(update_id)
    assert box.fake.sent_texts(citizen) == [reply["text"]]  # nothing relayed before the kill

    await box.start()
    relayed = await box.fake.wait_for_message(citizen, timeout=60)
    assert relayed["text"].endswith("KIA sudah jadi, silakan diambil di loket 3.")
    ack = await box.staff(lambda m: m.get("text", "").startswith("✅") and number in m["text"])
    assert ack["reply_to_message"]["from"]["id"] == OFFICER
    box.fake.press_button(STAFF_CHAT, card["message_id"], "Selesai", from_user_id=OFFICER)
    await box.fake.wait_for_message(citizen, lambda m: "penilaian" in m.get("text", ""), 60)
    assert sum("loket 3" in text for text in box.fake.sent_texts(citizen)) == 1
    acks = [t for t in box.fake.sent_texts(STAFF_CHAT) if t.startswith("✅") and number in t]
    assert len(acks) == 1, acks
    replied = await box.events(EventKind.STAFF_REPLIED)
    assert (
        len([e for e in replied if e.actor_id == OFFICER and e.ticket_id == int(number[4:])]) == 1
    )


async def test_sigkill_before_telegram_is_told_then_restart_opens_one_ticket(
    box: BlackBox,
) -> None:
    """Killed right after the update was stored, before the updater confirmed it: Telegram
    sends it again and the inbox replays it; the complaint becomes one ticket, one card, one
    answer."""
    citizen = 4018
    await box.restart_crashing_at("received")
    update_id = box.fake.inject_message(
        "saya kecewa, loket pajak tutup padahal belum jam istirahat", user_id=citizen
    )["update_id"]
    await box.crashed_at("received", update_id)
    assert not box.confirmed(update_id)  # Telegram will send it again as well

    await box.start()
    opened = await box.fake.wait_for_message(citizen, timeout=60)
    number = ticket_number(opened["text"])
    await box.card(number)
    later = await box.ask(citizen, "/status")
    assert number in later["text"]
    assert box.confirmed(update_id)
    assert box.fake.sent_texts(citizen) == [opened["text"], later["text"]]
    cards = [t for t in box.fake.sent_texts(STAFF_CHAT) if t.startswith(f"🎫 {number}")]
    assert len(cards) == 1
    created = await box.events(EventKind.TICKET_CREATED)
    assert len([e for e in created if e.actor_id == citizen]) == 1


async def test_a_hundred_citizens_at_once_each_get_exactly_one_answer_within_rate_limits(
    box: BlackBox,
) -> None:
    questions = [q for q, _, _ in SERVICE_QUESTIONS] + [
        "berapa biaya skck",
        "jam layanan paspor",
        "syarat bikin NIB apa saja",
        "berapa lama uji KIR",
        "biaya kartu kuning berapa",
    ]
    citizens = list(range(10_000, 10_100))
    started = time.monotonic()
    for index, citizen in enumerate(citizens):
        box.say(citizen, questions[index % len(questions)])
    answered_at: dict[int, float] = {}
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 120
    while len(answered_at) < len(citizens) and loop.time() < deadline:
        for citizen in citizens:
            if citizen not in answered_at and box.fake.sent_messages(citizen):
                answered_at[citizen] = time.monotonic() - started
        await asyncio.sleep(0.05)
    assert len(answered_at) == len(citizens), f"unanswered: {set(citizens) - set(answered_at)}"
    await asyncio.sleep(3)  # anything extra would have been sent by now
    counts = {citizen: len(box.fake.sent_messages(citizen)) for citizen in citizens}
    assert set(counts.values()) == {1}, {c: n for c, n in counts.items() if n != 1}
    report = box.fake.rate_report()
    FIGURES["hundred_citizens"] = {
        "last_answer_s": round(max(answered_at.values()), 2),
        "median_answer_s": round(statistics.median(answered_at.values()), 2),
        "sends_total": report.sends,
        "global_max_per_second": report.global_max_per_second,
        "max_private_chat_per_second": report.max_private_chat_per_second,
        "max_group_per_minute": report.max_group_per_minute,
        "rejected_with_429": report.rejected_with_429,
        "violations": len(report.violations),
    }
    assert report.ok, report.violations
    assert report.global_max_per_second <= 30
    assert report.rejected_with_429 == 0


async def test_one_minute_sla_reminder_and_breach_appear_even_across_a_restart(
    box: BlackBox,
) -> None:
    number = box.sla_ticket
    reminder = await box.staff(lambda m: m.get("text", "").startswith(f"⏰ {number}"), 120)
    assert "1 menit" in reminder["text"]
    breach = await box.staff(lambda m: m.get("text", "").startswith(f"🚨 {number}"), 120)
    assert "MELEWATI" in breach["text"]


async def test_sigint_and_sigterm_shut_down_cleanly_without_losing_an_update(
    box: BlackBox,
) -> None:
    for signum, citizen in ((signal.SIGINT, 4020), (signal.SIGTERM, 4021)):
        if box.process is None:
            await box.start()
        box.say(citizen, "berapa biaya skck")
        assert await box.signal(signum) == 0
        answered = bool(box.fake.sent_messages(citizen))
        pending = [
            u
            for u in box.fake.pending_updates()
            if u.get("message", {}).get("chat", {}).get("id") == citizen
        ]
        assert answered or pending, "the last update was neither answered nor left for later"
    log = box.log()
    assert "Traceback" not in log, log[-5000:]
    assert "left running at exit" not in log, log[-5000:]  # every task ended before the exit
    assert TOKEN.split(":", 1)[1] not in log
    assert box.starts == 9  # 1 + one after each of 4 SIGKILLs + 3 armed to crash + 1 here


def _run_janji(env: dict[str, str], cwd: Path) -> tuple[int, str]:
    import subprocess

    done = subprocess.run(
        [JANJI, "run"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    return done.returncode, done.stderr


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN tidak valid"),
        ({"TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}, "tidak dapat dihubungi"),
        ({"KNOWLEDGE_DIR": "/nonexistent/knowledge"}, "Folder pengetahuan tidak ditemukan"),
        ({"TELEGRAM_BOT_TOKEN": "123:wrong"}, "ditolak"),
    ],
    ids=["malformed-token", "unreachable-api", "missing-knowledge", "rejected-token"],
)
async def test_start_up_fails_fast_with_one_clear_line(
    box: BlackBox, change: dict[str, str], expected: str
) -> None:
    env = {**box.env, **change}
    code, stderr = await asyncio.to_thread(_run_janji, env, box.workdir)
    assert code != 0
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("janji: ") and expected in lines[0], stderr
    assert "Traceback" not in stderr
    assert TOKEN.split(":", 1)[1] not in stderr
