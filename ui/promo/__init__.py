"""Promo playbook screens for shift leads (logic in warehouse_app.promo)."""

from __future__ import annotations

from ui.promo.screens import (
    CarriersTab,
    PlansTab,
    PromoReviewTab,
    ReturnsTab,
    ShippingTab,
    StockTab,
    lead_tabs,
)

__all__ = [
    "CarriersTab",
    "PlansTab",
    "PromoReviewTab",
    "ReturnsTab",
    "ShippingTab",
    "StockTab",
    "lead_tabs",
]
