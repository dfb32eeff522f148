"""Sign Windows executables with the station's code-signing certificate (Authenticode).

    python installer/sign.py FILE [FILE ...]

Used for the bundle's .exe files before packing and as makensis' signing hook
(`-DSIGN_CMD="python installer/sign.py"`, which signs the setup and its uninstaller). Only run
when a certificate is configured:
  WS_SIGN_CERT       path to the .pfx (PKCS#12) file
  WS_SIGN_PASSWORD   its password (may be empty)
  WS_SIGN_TIMESTAMP  RFC 3161 timestamp URL (default: none; set it where the network allows)
On Windows it uses signtool (Windows SDK), elsewhere osslsigncode (Debian package).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

NAME = "Warehouse Station"


def sign(path: Path, cert: str, password: str, timestamp: str) -> None:
    if sys.platform == "win32":
        cmd = ["signtool", "sign", "/fd", "SHA256", "/f", cert, "/p", password, "/d", NAME]
        if timestamp:
            cmd += ["/tr", timestamp, "/td", "SHA256"]
        subprocess.run([*cmd, str(path)], check=True)
        return
    tool = shutil.which("osslsigncode")
    if tool is None:
        raise SystemExit("error: osslsigncode is not installed (apt-get install osslsigncode)")
    out = path.with_name(path.name + ".signed")
    cmd = [tool, "sign", "-pkcs12", cert, "-pass", password, "-h", "sha256", "-n", NAME]
    if timestamp:
        cmd += ["-ts", timestamp]
    subprocess.run(
        [*cmd, "-in", str(path), "-out", str(out)], check=True, stdout=subprocess.DEVNULL
    )
    os.replace(out, path)


def main(argv: list[str]) -> int:
    cert = os.environ.get("WS_SIGN_CERT", "")
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    if not cert or not Path(cert).is_file():
        print(f"error: WS_SIGN_CERT must name the .pfx file (got {cert!r})", file=sys.stderr)
        return 1
    for f in argv:
        sign(
            Path(f),
            cert,
            os.environ.get("WS_SIGN_PASSWORD", ""),
            os.environ.get("WS_SIGN_TIMESTAMP", ""),
        )
        print(f"signed {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
