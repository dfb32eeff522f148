"""Where the station keeps its hub token: the OS keyring, else a 0600 file; never station.db.

The keyring library reaches Windows Credential Manager, macOS Keychain or the Secret Service
(GNOME Keyring, KWallet) on Linux. A PC without a usable keyring (a headless Linux station)
gets `<db name>.hub-token` (station.hub-token) beside station.db, readable by its owner only
(one per database: several stations may share a folder). station.db keeps only a
reference (`keyring:<name>` or `file:<absolute path>`), so a copied or world-readable
station.db gives nobody the token.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

logger = logging.getLogger(__name__)

SERVICE = "warehouse-station hub token"
_cache: dict[str, str] = {}


def _keyring_usable() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # no backend, broken D-Bus, ...: the file is the fallback
        return False
    if isinstance(backend, fail.Keyring):
        return False
    return bool(getattr(backend, "priority", 0) > 0)


def store(token: str, db_path: Path, name: str | None = None) -> str:
    """Keep `token`; returns the reference to save in station.db."""
    from warehouse_app.paths import make_private, shared_station

    name = name or secrets.token_hex(8)
    # A per-machine station (installed: ProgramData, /var/lib) is used by every packer account,
    # and an OS keyring is per account: such a station keeps the token in its shared folder.
    if not shared_station(Path(db_path).parent) and _keyring_usable():
        import keyring

        try:
            keyring.set_password(SERVICE, name, token)
            if keyring.get_password(SERVICE, name) == token:
                ref = f"keyring:{name}"
                _cache[ref] = token
                logger.info(
                    "hub token stored in the OS keyring (%s)", type(keyring.get_keyring()).__name__
                )
                return ref
        except Exception as exc:
            logger.warning("OS keyring refused the hub token (%s); using a 0600 file", exc)
    db_path = db_path.absolute()
    path = db_path.with_name(db_path.stem + ".hub-token")
    tmp = path.with_name(f".hub-token.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, token.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    make_private(path)  # 0600, or group-readable in a shared per-machine station folder
    ref = f"file:{path}"
    _cache[ref] = token
    logger.info("hub token stored in %s (mode 0600)", path)
    return ref


def load(ref: str) -> str:
    """The token a reference points to; '' when it is gone (then sync says so)."""
    if ref in _cache:
        return _cache[ref]
    token = ""
    try:
        if ref.startswith("keyring:"):
            import keyring

            token = keyring.get_password(SERVICE, ref[len("keyring:") :]) or ""
        elif ref.startswith("file:"):
            token = Path(ref[len("file:") :]).read_text(encoding="utf-8").strip()
    except Exception as exc:
        logger.warning("cannot read the hub token (%s): %s", ref, exc)
        return ""
    if token:
        _cache[ref] = token
    return token


def forget(ref: str) -> None:
    _cache.pop(ref, None)
    try:
        if ref.startswith("keyring:"):
            import keyring

            keyring.delete_password(SERVICE, ref[len("keyring:") :])
        elif ref.startswith("file:"):
            Path(ref[len("file:") :]).unlink(missing_ok=True)
    except Exception as exc:
        logger.info("old hub token not removed (%s): %s", ref, exc)
