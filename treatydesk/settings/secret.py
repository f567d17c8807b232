"""A per-installation secret key for local use, kept under ``var/`` with owner-only access."""

import secrets
from pathlib import Path


def local_secret_key(var_dir: Path) -> str:
    """Return the secret key stored in ``var_dir``, creating it on first use."""
    path = Path(var_dir) / "secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()
