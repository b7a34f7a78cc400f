"""The Telegram layer: the only package that imports ``telegram``.

``bot.handlers.app.build_application`` wires handlers to the desk; ``run_bot`` is ``janji run``.
Handlers parse an update and make one desk call, which queues the answer in the update's own
transaction (so a replayed update never answers twice); every queued message, answers included,
is delivered by the outbox through ``sender.TelegramSender``, rendered by ``render``.
"""
