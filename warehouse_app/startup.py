"""The one start-up place: which policies a station process runs with.

Every entry point calls `wire()` before it touches data: `warehouse-station` (CLI, headless
station, terminal demo), the window (`ui.app`), the hub CLI, benchmarks and the test suite. The
promo playbook's rules join the core here, explicitly, not as a side effect of an import.
"""

from __future__ import annotations

from warehouse_app.policies import Policies, install


def standard_policies() -> Policies:
    """The promo playbook's oversell guard, its order-intake hooks and its demo data."""
    from warehouse_app.promo.demo_data import extend
    from warehouse_app.promo.intake import (
        count_upstream_carriers,
        refresh_oversell,
        release_cancelled,
    )
    from warehouse_app.promo.stock import bind_allowed

    return Policies(
        bind_checks=(bind_allowed,),
        after_apply=(refresh_oversell, count_upstream_carriers, release_cancelled),
        demo_extensions=(extend,),
    )


def wire() -> Policies:
    """Install the standard policies for this process; returns them."""
    p = standard_policies()
    install(p)
    return p
