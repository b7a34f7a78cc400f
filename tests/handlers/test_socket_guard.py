"""The suite's socket guard (tests/conftest.py): only the loopback interface is reachable."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import ExternalConnectionRefused


@pytest.mark.parametrize("address", [("93.184.216.34", 80), ("10.0.0.1", 5432)])
def test_connections_outside_this_machine_are_refused(address: tuple[str, int]) -> None:
    with socket.socket() as sock, pytest.raises(ExternalConnectionRefused):
        sock.connect(address)


def test_loopback_is_allowed() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket() as client:
            client.connect(server.getsockname())
