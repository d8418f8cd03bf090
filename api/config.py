"""The one settings object. Every field is read from the environment with the ``RAPPORT_``
prefix (``RAPPORT_DATA_DIR``, ``RAPPORT_EMBED_MODEL`` …) and documented in README.md; a
test fails when README and this class disagree."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from api.security import PLACEHOLDER_DIGESTS

REPO_ROOT = Path(__file__).resolve().parents[1]
_HEX64 = re.compile(r"[0-9a-f]{64}")


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Run-time configuration of rapport-qa (CLI and API share it)."""

    # hide_input_in_errors: a rejected setting may be a key; it is never echoed.
    model_config = SettingsConfigDict(env_prefix="RAPPORT_", extra="ignore", hide_input_in_errors=True)

    env: Environment = Field(
        Environment.DEVELOPMENT,
        description="`development` or `production`; production refuses placeholder admin keys.",
    )
    data_dir: Path = Field(
        REPO_ROOT / "data",
        description="Where the index generations live; resolved to an absolute path at start.",
    )
    reports_dir: Path = Field(
        REPO_ROOT / "corpus" / "reports",
        description="Folder of shipped reports that `make run` and `rapport index` (no PATH) index.",
    )
    embed_model: str = Field(
        str(REPO_ROOT / "models" / "multilingual-e5-small"),
        description="Sentence-transformers model name or local folder used for embeddings.",
    )
    chroma_url: str | None = Field(
        None,
        description="URL of a Chroma server (`http://host:port`); unset = embedded store in the data dir.",
    )
    top_k: int = Field(5, ge=1, le=20, description="Citations returned per answer (at most 20).")
    retrieval_k: int = Field(30, ge=5, le=200, description="Candidates each retriever returns before fusion.")
    max_question_chars: int = Field(
        2000, ge=1, le=2000, description="Longest accepted question, in characters (API.md: 2000)."
    )
    max_body_bytes: int = Field(
        64 * 1024, ge=1024, description="Largest accepted JSON request body, in bytes."
    )
    max_upload_bytes: int = Field(
        20 * 1024 * 1024, ge=1024,
        description="Largest accepted report upload (`POST /reports` body), in bytes.",
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="Origins allowed to call the API from a browser (the widget's host pages).",
    )
    log_level: str = Field("INFO", description="Python logging level for the service.")
    app_db: Path | None = Field(
        default=None,
        description="SQLite file of conversations, answers, feedback; unset = `app.sqlite` in the data dir; "
        "not used when RAPPORT_APP_DB_URL is set.",
    )
    app_db_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database for conversations and feedback, e.g. "
        "postgresql+psycopg://user@host/db; unset = SQLite at RAPPORT_APP_DB / <data_dir>/app.sqlite",
    )
    conversation_ttl_seconds: int = Field(
        default=3600, ge=60, description="A conversation expires this many seconds after its last question."
    )
    stream_keepalive_seconds: float = Field(
        default=10.0,
        gt=0,
        le=15,
        description="Longest silence on `/ask/stream` before a `: keep-alive` comment (at most 15).",
    )

    admin_api_keys: list[str] = Field(
        default_factory=list,
        description="SHA-256 hex digests of the admin keys (JSON list); admin endpoints need one of them.",
    )
    widget_api_keys: list[str] = Field(
        default_factory=list,
        description="SHA-256 hex digests of the widget keys (JSON list); see `RAPPORT_REQUIRE_WIDGET_KEY`.",
    )
    require_widget_key: bool = Field(
        False,
        description="When true, `/ask`, `/ask/stream`, `/lessons`, `/projects`, `/figures`, `/feedback` "
        "need a widget (or admin) key.",
    )
    metrics_require_key: bool = Field(False, description="When true, `GET /metrics` needs an admin key.")
    rate_limit_per_minute: int = Field(
        0, ge=0, description="Requests a minute per key or client address (token bucket); 0 = no limit."
    )
    rate_limit_burst: int | None = Field(
        None, ge=1, description="Largest burst a caller may send at once; unset = the per-minute number."
    )
    max_concurrent_answers: int = Field(
        4, ge=1, le=256, description="Answers computed at once per worker; further questions queue."
    )
    queue_timeout_seconds: float = Field(
        30.0, gt=0, le=600, description="Longest wait in the answer queue before 503 `overloaded`."
    )

    @field_validator("admin_api_keys", "widget_api_keys")
    @classmethod
    def _digests(cls, value: list[str]) -> list[str]:
        digests = [v.strip().lower() for v in value]
        if any(not _HEX64.fullmatch(d) for d in digests):
            raise ValueError(
                "API keys are configured as SHA-256 hex digests (64 hex digits), never as the "
                "key itself; make one with: printf %s 'KEY' | sha256sum"
            )
        return digests

    @model_validator(mode="after")
    def _production_keys(self) -> Settings:
        if self.env != Environment.PRODUCTION:
            return self
        if not self.admin_api_keys:
            raise ValueError(
                "RAPPORT_ENV=production needs RAPPORT_ADMIN_API_KEYS (SHA-256 digests of admin keys)"
            )
        if PLACEHOLDER_DIGESTS & {*self.admin_api_keys, *self.widget_api_keys}:
            raise ValueError(
                "RAPPORT_ENV=production refuses placeholder API keys (empty, 'changeme', 'admin' …); "
                "configure the digest of a long random key"
            )
        return self

    @field_validator("data_dir", "reports_dir")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return Path(value).expanduser().resolve()

    @property
    def app_db_path(self) -> Path:
        """Where conversations, answers and feedback are stored."""
        return Path(self.app_db).expanduser().resolve() if self.app_db else self.data_dir / "app.sqlite"

    @property
    def app_db_target(self) -> str:
        """SQLAlchemy URL of the conversation database: ``app_db_url``, else the SQLite file."""
        return self.app_db_url or f"sqlite:///{self.app_db_path}"

    @model_validator(mode="after")
    def _check_top_k(self) -> Settings:
        if self.top_k > self.retrieval_k:
            raise ValueError("RAPPORT_TOP_K must not exceed RAPPORT_RETRIEVAL_K")
        return self


def get_settings() -> Settings:
    """Settings from the environment (a new object each call; the app keeps its own)."""
    return Settings()


def settings_or_exit() -> Settings:
    """Settings for a server or command about to start: invalid settings stop it with one
    clear message per problem (never the rejected value, which may be a key)."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'settings'}: {e['msg'].removeprefix('Value error, ')}"
            for e in exc.errors()
        )
        raise SystemExit(f"rapport-qa will not start: {problems}") from None
