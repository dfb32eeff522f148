"""Running a multi-statement SQL script inside a migration's transaction."""

from __future__ import annotations

import sqlite_utils


def exec_script(db: sqlite_utils.Database, script: str) -> None:
    """Statement by statement: sqlite3's executescript would COMMIT the migration's transaction
    (and with it the atomicity of schema change + tracking row). Statements end with ';' + newline."""
    for stmt in script.split(";\n"):
        if stmt.strip():
            db.execute(stmt)
