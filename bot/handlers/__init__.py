"""The Telegram layer: the only package that imports ``telegram``.

``bot.handlers.app.build_application`` wires handlers to the desk; ``run_bot`` is ``janji run``.
Handlers parse an update, make one desk call and render the answer (``render``); messages the
desk queues are delivered by the outbox through ``sender.TelegramSender``.
"""
