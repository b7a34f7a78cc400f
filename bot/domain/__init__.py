"""Telegram-free domain: answering, tickets, reports. Imports only the stdlib, guardrails and bot.errors."""
