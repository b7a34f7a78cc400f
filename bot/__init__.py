"""janji: a Telegram service desk that keeps an organisation to its advertised promises."""

__version__ = "0.1.0"
