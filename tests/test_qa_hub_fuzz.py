"""QA fuzz of the hub's HTTP API against a real `warehouse-hub serve` process (faults off).

- schemathesis, from the OpenAPI document the hub serves: every operation, with a valid token
  and without one, bounded examples: never a 5xx; without a valid token always 401;
- hypothesis-generated pushes (mostly valid, with junk mixed in): never a 5xx, and the hub's event
  store holds exactly what the 200 answers said they stored: no partial pushes, seqs and uuids
  unique, acked_seq = the highest stored seq.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable

# Bounded by default; QA_FUZZ_SCALE=10 explores ten times as many examples (still derandomized).
SCALE = max(1, int(os.environ.get("QA_FUZZ_SCALE", "1")))

from tests.sync_helpers import Hub

FUZZ = settings(
    max_examples=40 * SCALE,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


class Ctx:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.tokens = {"S1": hub.add_station("S1"), "S2": hub.add_station("S2")}
        self.revoked = hub.add_station("S3")
        hub.storage.revoke_station("S3")
        self.stored: dict[str, int] = {"S1": 0, "S2": 0}  # events the 200 answers said they stored
        self.client = httpx.Client(base_url=hub.url, timeout=30)

    def auth(self, station: str = "S1") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[station]}"}

    def note(self, station: str, r: httpx.Response, path: str, method: str) -> None:
        if method.upper() == "POST" and path.endswith("/events") and r.status_code == 200:
            self.stored[station] += int(r.json()["stored"])


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ctx]:
    # thousands of wrong tokens on purpose: lift the per-address limit (tested on its own)
    h = Hub(
        tmp_path_factory.mktemp("hubfuzz") / "hub",
        faults=False,
        env={"WAREHOUSE_HUB_AUTH_FAIL_LIMIT": "100000000"},
    ).start()
    h.storage.put_records("order", [("O1", {"order_id": "O1", "status": "paid"})])
    c = Ctx(h)
    yield c
    c.client.close()
    h.stop()


@pytest.fixture(scope="module")
def operations(ctx: Ctx) -> list[Any]:
    """The operations of the OpenAPI document the running hub serves (schemathesis's pytest
    plugin does not run under pytest 9 here, so its strategies are driven by hypothesis)."""
    spec = ctx.client.get("/openapi.json").json()
    ops = [r.ok() for r in schemathesis.openapi.from_dict(spec).get_all_operations()]
    assert {(o.method.upper(), o.path) for o in ops} >= {
        ("POST", "/api/v1/events"),
        ("GET", "/api/v1/changes"),
        ("GET", "/api/v1/events/ack"),
    }
    return ops


def _assert_error_shape(r: httpx.Response | Any) -> None:
    if r.status_code >= 400:
        body = r.json()
        assert isinstance(body, dict) and "error" in body, (r.status_code, body)
        assert body["error"]["en"] and body["error"]["zh"], body


def run_unless_unsatisfiable(test: Any) -> None:
    """Negative mode has nothing to break in an operation without parameters: that is fine."""
    try:
        test()
    except Unsatisfiable:
        pass


MODES = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
def test_schema_fuzz_with_a_valid_token_never_5xx(
    ctx: Ctx, operations: list[Any], mode: Any
) -> None:
    for op in operations:

        @FUZZ
        @given(case=op.as_strategy(generation_mode=mode))
        def one(case: Any) -> None:
            r = case.call(base_url=ctx.hub.url, headers=ctx.auth("S1"))
            assert r.status_code < 500, (
                case.method,
                case.path,
                case.query,
                case.body,
                r.status_code,
                r.text[:500],
            )
            _assert_error_shape(r)
            if (
                r.status_code == 200
                and case.method.upper() == "POST"
                and case.path.endswith("/events")
            ):
                ctx.stored["S1"] += int(r.json()["stored"])

        run_unless_unsatisfiable(one)


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
def test_schema_fuzz_without_a_valid_token_is_always_401(
    ctx: Ctx, operations: list[Any], mode: Any
) -> None:
    bad_auth = [
        {},
        {"Authorization": "Bearer nope"},
        {"Authorization": f"Bearer {ctx.revoked}"},
        {"Authorization": ctx.tokens["S1"]},
    ]  # the last: a real token without "Bearer "
    for op in operations:
        if op.path.endswith(("/health", "/ready")):  # public
            continue

        @settings(FUZZ, max_examples=15 * SCALE)
        @given(
            case=op.as_strategy(generation_mode=mode), which=st.sampled_from(range(len(bad_auth)))
        )
        def one(case: Any, which: int) -> None:
            r = case.call(base_url=ctx.hub.url, headers=bad_auth[which])
            assert r.status_code == 401, (
                case.method,
                case.path,
                which,
                r.status_code,
                r.text[:300],
            )
            _assert_error_shape(r)

        run_unless_unsatisfiable(one)


def test_unauthenticated_garbage_bodies_are_401_not_parsed(ctx: Ctx) -> None:
    """Auth comes before the body: a caller without a token learns nothing about the API."""
    for body in (b"{not json", b"\xff\xfe\x00", b"", b"[]", b'{"station_id": 1}'):
        r = ctx.client.post(
            "/api/v1/events", content=body, headers={"Content-Type": "application/json"}
        )
        assert r.status_code == 401, (body, r.status_code, r.text)
        _assert_error_shape(r)


# -- pushes: mostly valid, junk mixed in ------------------------------------------------------

junk_text = st.one_of(
    st.text(max_size=30), st.sampled_from(["\ud800", "x\udfff", "\x00", "A" * 200])
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | junk_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(junk_text, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def pushes(draw: st.DrawFn) -> dict[str, Any]:
    """A push relative to acked seq 0; `shift` moves it after the hub's real acked seq."""
    acked = 0
    n = draw(st.integers(min_value=0, max_value=6))
    seqs = sorted(
        set(
            draw(
                st.lists(
                    st.integers(min_value=acked + 1, max_value=acked + 12), min_size=n, max_size=n
                )
            )
        )
    )
    events: list[Any] = []
    for s in seqs:
        ev: dict[str, Any] = {
            "seq": s,
            "uuid": str(uuid.UUID(int=draw(st.integers(0, 2**20)) + s * 2**40)),
            "type": "test.event",
            "payload": {"n": s},
            "operator": "P1",
            "created_at": "2026-11-11T12:00:00.000Z",
        }
        corrupt = draw(
            st.sampled_from(
                [None] * 6
                + [
                    "seq",
                    "uuid",
                    "type",
                    "payload",
                    "operator",
                    "created_at",
                    "station_id",
                    "drop",
                    "dup_uuid",
                ]
            )
        )
        if corrupt == "seq":
            ev["seq"] = draw(
                st.sampled_from([0, -1, 2**63, 2**64, 10**30, "1", 1.5, None, "ACKED"])
            )
        elif corrupt == "dup_uuid" and events:
            ev["uuid"] = events[0].get("uuid", ev["uuid"])
        elif corrupt == "drop":
            del ev[draw(st.sampled_from(["seq", "uuid", "type", "payload", "created_at"]))]
        elif corrupt == "station_id":
            ev["station_id"] = draw(st.sampled_from(["S2", "", "\ud800"]))
        elif corrupt is not None:
            ev[corrupt] = draw(json_values)
        events.append(ev)
    body: dict[str, Any] = {"station_id": "S1", "after_seq": acked, "events": events}
    twist = draw(st.sampled_from([None] * 5 + ["after_seq", "station_id", "events", "extra"]))
    if twist == "after_seq":
        body["after_seq"] = draw(st.sampled_from(["ACKED+5", -1, 2**63, 2**80, "x", None]))
    elif twist == "station_id":
        body["station_id"] = draw(st.sampled_from(["S2", "", "\ud800", 7]))
    elif twist == "events":
        body["events"] = draw(json_values)
    elif twist == "extra":
        body[draw(junk_text)] = draw(json_values)
    return body


def shift(body: dict[str, Any], acked: int) -> dict[str, Any]:
    def seq(v: Any) -> Any:
        if v == "ACKED":
            return acked
        if v == "ACKED+5":
            return acked + 5
        return v + acked if isinstance(v, int) and not isinstance(v, bool) and 0 < v <= 12 else v

    if isinstance(body.get("after_seq"), (int, str)):
        body["after_seq"] = acked if body["after_seq"] == 0 else seq(body["after_seq"])
    if isinstance(body.get("events"), list):
        for ev in body["events"]:
            if isinstance(ev, dict) and "seq" in ev:
                ev["seq"] = seq(ev["seq"])
    return body


def _post_json(
    client: httpx.Client, path: str, body: Any, headers: dict[str, str]
) -> httpx.Response:
    # json.dumps keeps lone surrogates as \ud800 escapes, exactly what a buggy client would send
    return client.post(
        path,
        content=json.dumps(body).encode(),
        headers={**headers, "Content-Type": "application/json"},
    )


@FUZZ
@given(data=st.data())
def test_fuzzed_pushes_never_5xx_and_store_all_or_nothing(ctx: Ctx, data: st.DataObject) -> None:
    body = shift(data.draw(pushes()), ctx.hub.storage.acked_seq("S1"))
    before = ctx.hub.storage.events("S1", 0, 10**9)
    r = _post_json(ctx.client, "/api/v1/events", body, ctx.auth("S1"))
    assert r.status_code < 500, (body, r.status_code, r.text[:500])
    _assert_error_shape(r)
    after = ctx.hub.storage.events("S1", 0, 10**9)
    if r.status_code == 200:
        out = r.json()
        ctx.stored["S1"] += out["stored"]
        assert len(after) == len(before) + out["stored"]
        assert out["acked_seq"] == (after[-1]["seq"] if after else 0)
    else:
        assert after == before, f"a refused push ({r.status_code}) changed the event store"


@FUZZ
@given(
    since=st.one_of(st.integers(min_value=-(2**70), max_value=2**70), st.text(max_size=30)),
    limit=st.one_of(st.integers(min_value=-(2**70), max_value=2**70), st.text(max_size=30)),
)
def test_fuzzed_pull_and_report_queries_never_5xx(ctx: Ctx, since: Any, limit: Any) -> None:
    for path, params in (
        ("/api/v1/changes", {"since": since, "limit": limit}),
        ("/api/v1/reports/handoffs", {"since": since}),
    ):
        r = ctx.client.get(path, params=params, headers=ctx.auth("S2"))
        assert r.status_code < 500, (path, params, r.status_code, r.text[:300])
        _assert_error_shape(r)


def test_zz_event_store_is_consistent_after_fuzzing(ctx: Ctx) -> None:
    """Runs last in this module: everything the hub holds was acknowledged, once, in order."""
    st_ = ctx.hub.storage
    for station in ("S1", "S2", "S3"):
        evs = st_.events(station, 0, 10**9)
        seqs = [e["seq"] for e in evs]
        assert seqs == sorted(set(seqs))
        assert st_.acked_seq(station) == (seqs[-1] if seqs else 0)
        assert len(evs) == ctx.stored.get(station, 0), (station, len(evs), ctx.stored.get(station))
    uuids = [e["uuid"] for e in st_.events(None, 0, 10**9)]
    assert len(uuids) == len(set(uuids))
    assert Path(ctx.hub.data_dir / "hub.db").exists()
    log = ctx.hub.log_text()
    assert "Traceback" not in log, log[-3000:]


def test_regressions_found_by_fuzzing_are_422_and_store_nothing(ctx: Ctx) -> None:
    """Each of these was a 500 (or a poisoned report) before the fix."""
    acked = ctx.hub.storage.acked_seq("S2")
    good = {
        "uuid": "0190aaaa-0000-7000-8000-00000000f00d",
        "type": "parcel.handed_off",
        "payload": {"carrier": "ZTO"},
        "created_at": "2026-11-11T12:00:00Z",
        "seq": acked + 1,
    }
    bad_bodies = [
        {
            "station_id": "S2",
            "after_seq": acked,
            "events": [{**good, "seq": 2**63}],
        },  # beyond SQLite INTEGER
        {
            "station_id": "S2",
            "after_seq": acked,
            "events": [{**good, "payload": {"carrier": "\ud800"}}],
        },
        {"station_id": "S2", "after_seq": acked, "events": [{**good, "type": "x\udfff"}]},
        {
            "station_id": "S2",
            "after_seq": acked,
            "events": [{**good, "payload": {"carrier": float("nan")}}],
        },
        {
            "station_id": "S2",
            "after_seq": acked,
            "events": [{**good, "payload": {"w": float("inf")}}],
        },
    ]
    before = ctx.hub.storage.events("S2", 0, 10**9)
    for body in bad_bodies:
        r = _post_json(ctx.client, "/api/v1/events", body, ctx.auth("S2"))
        assert r.status_code == 422, (body, r.status_code, r.text)
        _assert_error_shape(r)
    assert ctx.hub.storage.events("S2", 0, 10**9) == before
    r = ctx.client.get("/api/v1/changes", params={"since": 2**63}, headers=ctx.auth("S2"))
    assert r.status_code == 422, r.text
    assert ctx.client.get("/api/v1/reports/handoffs", headers=ctx.auth("S2")).status_code == 200
    r = ctx.client.get(
        "/api/v1/reports/handoffs", params={"since": "yesterday"}, headers=ctx.auth("S2")
    )
    assert r.status_code == 422 and "since" in r.json()["error"]["en"]
