"""Share-aware carrier allocation (pure, in memory; the caller persists the result).

Targets: each carrier with a share (60/20/20 ...) is kept at share x orders, within one order plus a
small tolerance band, whenever its capacity and coverage allow. Region preference decides among the
carriers that may take an order: a carrier that prefers the order's region takes it while it is under
its target plus the band; otherwise the carrier furthest below its target takes it. The remainder
(1 - sum of shares) goes to the dynamic carriers, each time to the one with the most spare capacity
now (ties: the one that took fewest). Failing carriers take nothing; the healthy ones' shares are
scaled up to fill the gap (and scaled up when no dynamic carrier takes the remainder).

Coverage: a rule's `coverage` lists the regions a carrier delivers to at all (empty = all). An order
whose region a carrier does not cover never goes to it, whatever its share.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from warehouse_app.errors import StationError
from warehouse_app.promo.carrier_rule import CarrierRule
from warehouse_app.regions import region_of

INF = float("inf")
# preferred-region orders may take a carrier this far (share of all orders) above its target
DEFAULT_BAND = 0.01


def no_capacity_error() -> StationError:
    return StationError(
        "No carrier has capacity left today (or all are failing): raise a capacity or "
        "restore a carrier",
        zh="今天所有快递都已无运力（或均故障）：请提高运力或恢复快递",
    )


@dataclass
class Allocator:
    """rules: the promo's carrier rules; used: capacity used today per carrier; counts: orders each
    carrier already has in this promo (the shares are over these plus what this allocator gives).
    For a failover spread, pass counts={} so the moved orders themselves split by share."""

    rules: list[CarrierRule]
    used: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    band: float = DEFAULT_BAND

    def __post_init__(self) -> None:
        self.healthy = [r for r in self.rules if not r.failing]
        self.codes = [r.carrier for r in self.healthy]
        self.rank = {r.carrier: r.rank for r in self.healthy}
        self.remaining: dict[str, float] = {
            r.carrier: (r.daily_capacity - self.used.get(r.carrier, 0))
            if r.daily_capacity > 0
            else INF
            for r in self.healthy
        }
        k = len(self.healthy)
        pool = [i for i, r in enumerate(self.healthy) if r.share <= 0]  # the remainder's takers
        shares = [max(0.0, r.share) for r in self.healthy]
        total = sum(shares)
        if total > 0 and (not pool or total > 1):
            shares = [s / total for s in shares]  # nobody else takes the rest: scale up
        elif total > 0 and self.rules:
            # a failing carrier's share goes to the healthy ones in proportion
            lost = sum(max(0.0, r.share) for r in self.rules if r.failing)
            if lost and total + lost > 0:
                scale = min(1.0, total + lost) / total if total else 1.0
                shares = [s * scale for s in shares]
        self.share = shares
        self.rem_share = max(0.0, 1.0 - sum(shares)) if pool else 0.0
        if not pool and not total and k:
            pool = list(range(k))  # no shares at all: everything is remainder
            self.rem_share = 1.0
        self.pool = pool
        self.in_pool = [i in pool for i in range(k)]
        self.tot = [int(self.counts.get(c, 0)) for c in self.codes]
        self.n = sum(self.tot)
        self.tot_rem = sum(self.tot[i] for i in pool)
        self.pref: dict[str | None, tuple[int, ...]] = {}
        self.cov: dict[str | None, tuple[int, ...]] = {}
        order = sorted(
            range(k),
            key=lambda i: (
                ("main", "backup", "dynamic").index(self.healthy[i].role),
                self.healthy[i].rank,
            ),
        )
        for reg in (*_ALL_REGIONS, None):
            self.cov[reg] = tuple(
                i
                for i in order
                if not self.healthy[i].coverage
                or (reg is not None and reg in self.healthy[i].coverage)
            )
            self.pref[reg] = tuple(
                i
                for i in self.cov[reg]
                if reg is not None and reg in self.healthy[i].regions and self.share[i] > 0
            )
        self.taken: dict[str, int] = {}
        self.how: dict[str, int] = {}
        self.unplaced = 0
        self._rem = [self.remaining[c] for c in self.codes]

    # ------------------------------------------------------------ the choice

    def _choose(self, region: str | None) -> tuple[int, str]:
        rem = self._rem
        share = self.share
        tot = self.tot
        n1 = self.n + 1
        # a preferred carrier may go this far (orders) above its target: one order or the band
        slack = -max(self.band * n1, 1.0)
        best = -1
        bestd = -INF
        for i in self.pref.get(region, ()):
            if rem[i] >= 1:
                d = share[i] * n1 - tot[i]
                if d > slack and d > bestd:
                    best, bestd = i, d
        if best >= 0:
            return best, "region"
        cov = self.cov.get(region, ())
        for i in cov:
            if rem[i] >= 1 and share[i] > 0:
                d = share[i] * n1 - tot[i]
                if d > bestd:
                    best, bestd = i, d
        if (self.rem_share > 0 and self.rem_share * n1 - self.tot_rem > bestd) or best < 0:
            spare = -1
            for i in cov:
                if (
                    rem[i] >= 1
                    and (self.in_pool[i] or best < 0)
                    and (
                        spare < 0
                        or rem[i] > rem[spare]
                        or (rem[i] == rem[spare] and tot[i] < tot[spare])
                    )
                ):
                    spare = i
            if spare >= 0:
                return spare, "dynamic"
        if best < 0:
            raise no_capacity_error()
        return best, "share"

    def _take(self, i: int, how: str) -> str:
        self._rem[i] -= 1
        self.tot[i] += 1
        self.n += 1
        if self.in_pool[i]:
            self.tot_rem += 1
        c = self.codes[i]
        self.remaining[c] = self._rem[i]
        self.taken[c] = self.taken.get(c, 0) + 1
        self.how[how] = self.how.get(how, 0) + 1
        return c

    def pick(self, region: str | None) -> tuple[str, str]:
        """(carrier, how) for one order of `region`: how is 'region' (its preferred carrier, under
        target), 'share' (the carrier furthest below target) or 'dynamic' (the remainder: most spare
        capacity). Raises StationError when no carrier that covers the region has capacity left."""
        if region not in self.cov:
            region = region_of(region) if region else None
        i, how = self._choose(region)
        return self._take(i, how), how

    def try_pick(self, region: str | None) -> tuple[str, str] | None:
        try:
            return self.pick(region)
        except StationError:
            return None

    def pick_rows(self, rows: Iterable[tuple[int, str | None]]) -> tuple[list[int], list[str], int]:
        """pick() for a stream of (rowid, province), earliest paid first, built for a million rows: each
        result is one int (rowid * len(codes) + carrier index), so the caller sorts plain ints.
        Returns (keys, codes, picks that went by region). An order no carrier covering its region has
        room for is counted in `unplaced` (it waits).

        The same choice as _choose/_take, inlined (a million calls of each were most of the time): the
        per-order work is a few list reads and compares, with the carriers of each region resolved once."""
        codes = self.codes
        k = max(1, len(codes))
        rem, share, tot, in_pool = self._rem, self.share, self.tot, self.in_pool
        rem_share, band = self.rem_share, self.band
        n, tot_rem = self.n, self.tot_rem
        taken = [0] * len(codes)
        how_region = how_share = how_dynamic = 0
        # province -> (preferred, share-takers among the covering, covering), resolved once each
        plan: dict[str | None, tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]] = {}
        keys: list[int] = []
        add = keys.append
        for rowid, province in rows:
            p = plan.get(province)
            if p is None:
                reg = region_of(province)
                cov = self.cov.get(reg, ())
                p = plan[province] = (
                    self.pref.get(reg, ()),
                    tuple(i for i in cov if share[i] > 0),
                    cov,
                )
            pref, sharers, cov = p
            n1 = n + 1
            slack = -band * n1
            if slack > -1.0:
                slack = -1.0
            best = -1
            bestd = -INF
            for i in pref:
                if rem[i] >= 1:
                    d = share[i] * n1 - tot[i]
                    if d > slack and d > bestd:
                        best, bestd = i, d
            if best >= 0:
                how_region += 1
            else:
                for i in sharers:
                    if rem[i] >= 1:
                        d = share[i] * n1 - tot[i]
                        if d > bestd:
                            best, bestd = i, d
                if (rem_share > 0 and rem_share * n1 - tot_rem > bestd) or best < 0:
                    spare = -1
                    for i in cov:
                        if (
                            rem[i] >= 1
                            and (in_pool[i] or best < 0)
                            and (
                                spare < 0
                                or rem[i] > rem[spare]
                                or (rem[i] == rem[spare] and tot[i] < tot[spare])
                            )
                        ):
                            spare = i
                    if spare >= 0:
                        best = spare
                        how_dynamic += 1
                    elif best < 0:
                        self.unplaced += 1  # nobody covering its region has room: it waits
                        continue
                    else:
                        how_share += 1
                else:
                    how_share += 1
            rem[best] -= 1
            tot[best] += 1
            n = n1
            if in_pool[best]:
                tot_rem += 1
            taken[best] += 1
            add(rowid * k + best)
        self.n, self.tot_rem = n, tot_rem
        for i, c in enumerate(codes):
            self.remaining[c] = rem[i]
            if taken[i]:
                self.taken[c] = self.taken.get(c, 0) + taken[i]
        for how, m in (("region", how_region), ("share", how_share), ("dynamic", how_dynamic)):
            if m:
                self.how[how] = self.how.get(how, 0) + m
        return keys, codes, self.how.get("region", 0)

    # ------------------------------------------------------------ reporting

    def targets(self) -> dict[str, float]:
        """Effective target share per healthy carrier (dynamic carriers share the remainder)."""
        out = {c: self.share[i] for i, c in enumerate(self.codes) if not self.in_pool[i]}
        if self.pool:
            each = self.rem_share / len(self.pool)
            out.update({self.codes[i]: each for i in self.pool})
        return out


_ALL_REGIONS = ("east", "north", "south", "central", "southwest", "northeast", "northwest")
