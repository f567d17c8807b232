"""Version 1 of the public API, mounted at ``/api/v1/`` (docs/api.md)."""

from .app import api

__all__ = ["api"]
