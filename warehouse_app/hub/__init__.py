"""The upstream hub: HTTP API, storage and admin CLI (no Qt)."""
