"""Suite-wide fixtures and guards.

- Sockets may only connect to the loopback interface (127.0.0.0/8, ::1) or Unix sockets: a test
  that would reach the internet fails at once instead of hanging or leaking traffic.
- ``engine``: the real answer engine over the sample ``knowledge/`` folder, built once per test
  session (loading the embedding model costs seconds; answering costs milliseconds). Tests build
  their own store and desk on it (``bot.app.open_desk(settings, engine=engine)``).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bot.config import Settings

if TYPE_CHECKING:
    from bot.app import Engine

REPO = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = REPO / "knowledge"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


class ExternalConnectionRefused(ConnectionRefusedError):
    """A test tried to connect outside this machine."""


_original_connect = socket.socket.connect
_original_connect_ex = socket.socket.connect_ex


def _checked(address: Any, family: int) -> None:
    if family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
        raise ExternalConnectionRefused(f"tests may only connect to 127.0.0.1, not {address!r}")


def _guarded_connect(self: socket.socket, address: Any) -> None:
    _checked(address, self.family)
    _original_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    _checked(address, self.family)
    return _original_connect_ex(self, address)


def pytest_configure(config: pytest.Config) -> None:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign,assignment]


def pytest_unconfigure(config: pytest.Config) -> None:
    socket.socket.connect = _original_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _original_connect_ex  # type: ignore[method-assign]


def engine_settings(index_dir: Path, **overrides: Any) -> Settings:
    """Settings for tests: nothing read from ``.env`` or the environment's janji variables."""
    values: dict[str, Any] = {
        "knowledge_dir": KNOWLEDGE_DIR,
        "index_dir": index_dir,
        "database_url": f"sqlite+aiosqlite:///{index_dir.parent / 'janji.db'}",
        "telegram_bot_token": None,
        "staff_chat_id": None,
        "complaint_response_override": None,
        "chroma_host": None,
        "webhook_url": None,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def engine_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("engine") / "index"


@pytest.fixture(scope="session")
def engine(engine_index_dir: Path) -> Iterator[Engine]:
    """The answer engine over the sample knowledge, built once per session."""
    from bot.app import open_engine

    yield open_engine(engine_settings(engine_index_dir))
