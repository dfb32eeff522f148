"""The Qt desktop app (the only package that imports PySide6). See ui/app.py to start it."""

from ui import qtcompat as _qtcompat  # noqa: F401  (binding work-arounds before any widget exists)
