"""The offline sync protocol through the real app."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from diary.factory import Diary
from diary.services.unit_of_work import UnitOfWork
from tests.api.conftest import SignedIn, sign_up

DAY = "2026-06-01"


def entry_change(
    day: str, pain: int, base: int | None = None, op: str = "upsert"
) -> dict[str, Any]:
    data = {"pain": pain} if op == "upsert" else None
    return {"table": "entries", "op": op, "id": day, "base_version": base, "data": data}


async def push(
    client: httpx.AsyncClient, who: SignedIn, changes: list[dict[str, Any]], key: str | None = None
) -> httpx.Response:
    headers = {**who.headers, "Idempotency-Key": key or uuid.uuid4().hex}
    return await client.post("/v1/sync/push", json={"changes": changes}, headers=headers)


async def pull(
    client: httpx.AsyncClient, who: SignedIn, cursor: int = 0, limit: int = 200
) -> dict[str, Any]:
    answer = await client.get(
        "/v1/sync/pull", headers=who.headers, params={"cursor": cursor, "limit": limit}
    )
    assert answer.status_code == 200, answer.text
    page: dict[str, Any] = answer.json()
    return page


async def test_first_sync_then_incremental(client: httpx.AsyncClient, ana: SignedIn) -> None:
    assert await pull(client, ana) == {"changes": [], "cursor": 0, "has_more": False}
    pushed = await push(client, ana, [entry_change(DAY, 5), entry_change("2026-06-02", 4)])
    assert [r["status"] for r in pushed.json()["results"]] == ["applied", "applied"]
    first = await pull(client, ana)
    assert [(c["id"], c["version"], c["data"]["pain"]) for c in first["changes"]] == [
        (DAY, 1, 5),
        ("2026-06-02", 1, 4),
    ]
    await client.put(f"{ana.base}/entries/{DAY}", json={"pain": 7}, headers=ana.headers)
    later = await pull(client, ana, first["cursor"])
    assert [(c["id"], c["version"]) for c in later["changes"]] == [(DAY, 2)]


async def test_replayed_push_gives_the_same_answer_and_no_second_row(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    infusion = {
        "table": "infusions",
        "op": "upsert",
        "id": str(uuid.uuid4()),
        "base_version": None,
        "data": {"date": DAY, "dose_mg": 35},
    }
    changes = [entry_change(DAY, 5), infusion]
    first = await push(client, ana, changes, key="phone-1-batch-0001")
    again = await push(client, ana, changes, key="phone-1-batch-0001")
    assert again.json() == first.json()
    infusions = await client.get(f"{ana.base}/infusions", headers=ana.headers)
    assert len(infusions.json()) == 1
    assert len((await pull(client, ana))["changes"]) == 2


async def test_same_key_with_another_body_is_refused(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    await push(client, ana, [entry_change(DAY, 5)], key="phone-1-batch-0002")
    other = await push(client, ana, [entry_change(DAY, 6)], key="phone-1-batch-0002")
    assert other.status_code == 409


async def test_same_change_again_is_a_duplicate(client: httpx.AsyncClient, ana: SignedIn) -> None:
    await push(client, ana, [entry_change(DAY, 5)])
    again = await push(client, ana, [entry_change(DAY, 5)])
    assert again.json()["results"][0]["status"] == "duplicate"


async def test_stale_edit_conflicts_with_the_servers_row(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    await push(client, ana, [entry_change(DAY, 5)])  # version 1
    await push(client, ana, [entry_change(DAY, 6, base=1)])  # version 2 from device A
    stale = await push(client, ana, [entry_change(DAY, 2, base=1)])  # device B saw version 1
    result = stale.json()["results"][0]
    assert result["status"] == "conflict"
    assert (result["server"]["version"], result["server"]["data"]["pain"]) == (2, 6)


async def test_delete_wins_over_a_stale_edit(client: httpx.AsyncClient, ana: SignedIn) -> None:
    await push(client, ana, [entry_change(DAY, 5)])
    deleted = await push(client, ana, [entry_change(DAY, 0, base=1, op="delete")])
    assert deleted.json()["results"][0] == {
        "table": "entries",
        "id": DAY,
        "status": "applied",
        "version": 2,
        "server": None,
        "reason": None,
    }
    stale = await push(client, ana, [entry_change(DAY, 8, base=1)])
    assert stale.json()["results"][0]["status"] == "conflict"
    assert stale.json()["results"][0]["server"]["op"] == "delete"
    tombstones = [c for c in (await pull(client, ana))["changes"] if c["op"] == "delete"]
    assert tombstones == [
        {"table": "entries", "op": "delete", "id": DAY, "version": 2, "data": None}
    ]
    revived = await push(client, ana, [entry_change(DAY, 3, base=2)])
    assert revived.json()["results"][0]["status"] == "applied"


async def test_bad_items_are_rejected_with_a_reason(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    answer = await push(
        client,
        ana,
        [
            entry_change(DAY, 11),
            entry_change("tomorrow", 3),
            entry_change("2026-06-20", 3),
            {"table": "infusions", "op": "upsert", "id": "not-a-uuid", "data": {"date": DAY}},
            entry_change("2026-06-03", 4),
        ],
    )
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 4 + ["applied"]
    assert results[0]["reason"] == "pain: must be a whole number from 0 to 10 (got 11)"
    assert results[2]["reason"].startswith("date: must not be in the future")


async def test_pages_follow_the_cursor(client: httpx.AsyncClient, ana: SignedIn) -> None:
    days = [f"2026-05-{n:02d}" for n in range(1, 26)]
    await push(client, ana, [entry_change(day, 3) for day in days])
    seen, cursor, has_more = [], 0, True
    while has_more:
        page = await pull(client, ana, cursor, limit=10)
        seen += [c["id"] for c in page["changes"]]
        cursor, has_more = page["cursor"], page["has_more"]
    assert seen == days


async def test_limits_and_roles(client: httpx.AsyncClient, ana: SignedIn) -> None:
    too_many = await push(client, ana, [entry_change(DAY, 1)] * 501)
    assert too_many.status_code == 422
    no_key = await client.post("/v1/sync/push", json={"changes": []}, headers=ana.headers)
    assert no_key.status_code == 422
    doctor = await sign_up(client, "dr@example.org", role="clinician")
    assert (await client.get("/v1/sync/pull", headers=doctor.headers)).status_code == 403


async def test_each_patient_pulls_only_their_own(
    client: httpx.AsyncClient, ana: SignedIn, ben: SignedIn
) -> None:
    await push(client, ana, [entry_change(DAY, 5)])
    assert (await pull(client, ben))["changes"] == []


def red_urine_change(day: str, pain: int = 4) -> dict[str, Any]:
    change = entry_change(day, pain)
    change["data"]["blood_in_urine"] = "red"
    return change


async def test_push_answers_with_the_flags_its_entries_raised(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    answer = await push(client, ana, [entry_change("2026-05-31", 5), red_urine_change(DAY)])
    assert answer.status_code == 200, answer.text
    flags = answer.json()["flags"]
    assert [(f["date"], f["tier"], f["rule"]) for f in flags] == [
        (DAY, "same_day", "same_day.blood_in_urine")
    ]
    assert "contact your clinic" in flags[0]["message"]


async def test_ordinary_push_answers_no_flags(client: httpx.AsyncClient, ana: SignedIn) -> None:
    answer = await push(client, ana, [entry_change(DAY, 5)])
    assert answer.json()["flags"] == []


async def test_replay_gives_the_same_results_and_works_the_flags_out_again(
    client: httpx.AsyncClient, ana: SignedIn, diary: Diary
) -> None:
    changes = [red_urine_change(DAY)]
    first = await push(client, ana, changes, key="phone-1-batch-0003")
    again = await push(client, ana, changes, key="phone-1-batch-0003")
    assert again.json() == first.json()
    assert [f["rule"] for f in again.json()["flags"]] == ["same_day.blood_in_urine"]
    with UnitOfWork(diary.engine, read_only=True) as uow:
        stored = uow.idempotency.get(ana.id, "phone-1-batch-0003")
        assert stored is not None
        assert stored.response == {"results": first.json()["results"]}  # flags never stored
    await client.put(f"{ana.base}/entries/{DAY}", json={"pain": 4}, headers=ana.headers)
    later = await push(client, ana, changes, key="phone-1-batch-0003")
    assert later.json() == {"results": first.json()["results"], "flags": []}  # the diary now


async def test_changes_not_applied_raise_no_flag(client: httpx.AsyncClient, ana: SignedIn) -> None:
    rejected = await push(client, ana, [red_urine_change(DAY, pain=11)])
    assert rejected.json()["results"][0]["status"] == "rejected"
    assert rejected.json()["flags"] == []
    await push(client, ana, [red_urine_change(DAY)])
    duplicate = await push(client, ana, [red_urine_change(DAY)])
    assert duplicate.json()["results"][0]["status"] == "duplicate"
    assert duplicate.json()["flags"] == []
    conflict = await push(client, ana, [red_urine_change(DAY, pain=6)])
    assert conflict.json()["results"][0]["status"] == "conflict"
    assert conflict.json()["flags"] == []


async def test_deletes_and_infusions_raise_no_flag(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    await push(client, ana, [red_urine_change(DAY)])
    deleted = await push(client, ana, [entry_change(DAY, 0, base=1, op="delete")])
    assert deleted.json()["results"][0]["status"] == "applied"
    assert deleted.json()["flags"] == []
    infusion_id = str(uuid.uuid4())
    infusion = {"table": "infusions", "op": "upsert", "id": infusion_id, "data": {"date": DAY}}
    added = await push(client, ana, [infusion])
    assert added.json()["results"][0]["status"] == "applied"
    assert added.json()["flags"] == []


async def test_push_stands_when_flags_cannot_be_worked_out(
    client: httpx.AsyncClient, ana: SignedIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: the analysis fails after the commit; the push must still stand."""

    def broken(*_args: object) -> list[object]:
        raise RuntimeError("analysis fault")

    monkeypatch.setattr("diary.services.diary.flags_for_saved_days", broken)
    answer = await push(client, ana, [red_urine_change(DAY)])
    assert answer.status_code == 200, answer.text
    assert answer.json()["flags"] is None
    assert answer.json()["results"][0]["status"] == "applied"
    assert [c["id"] for c in (await pull(client, ana))["changes"]] == [DAY]
