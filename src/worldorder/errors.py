"""The exceptions worldorder raises.

    WorldorderError                 base of everything we raise on purpose
    ├── InputError                  an input cannot be read; the batch goes on without it
    │   ├── UnreadableInput         missing path, permission, unreachable URL, too large, binary, bad UTF-8
    │   └── MalformedInput          a JSON Lines line or an HTML page that holds no article
    ├── StoreError                  the database cannot be opened or written, or its file is damaged
    │   └── StoreBusy               another process holds the file (an ingest writing); try again
    └── ConfigError                 a setting or a user data file is invalid

Every message is one line that a user can act on; the CLI prints it after the input's name.
"""

from __future__ import annotations


class WorldorderError(Exception):
    """Base of every error worldorder raises on purpose."""


class InputError(WorldorderError):
    """An input cannot be turned into documents."""


class UnreadableInput(InputError):
    """The bytes of an input could not be had or are not text."""


class MalformedInput(InputError):
    """The input was read but does not hold what its kind promises."""


class StoreError(WorldorderError):
    """The database cannot be opened or written."""


class StoreBusy(StoreError):
    """Another process holds the database file for longer than we waited."""


class ConfigError(WorldorderError):
    """A setting or a user-supplied data file is invalid."""
