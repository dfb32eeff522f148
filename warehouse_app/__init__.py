"""Packing-station core: domain, store, scan engine, sync and CLI. Never imports Qt."""

__version__ = "0.1.0"
