"""Test doubles that sit at the network edge (the fake Telegram Bot API and friends)."""
