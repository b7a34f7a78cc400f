"""Read the admin's knowledge folder into validated records (services, maklumat, documents)."""

from bot.knowledge.loader import load_knowledge

__all__ = ["load_knowledge"]
