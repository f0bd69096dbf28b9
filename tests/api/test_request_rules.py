"""A refused request names the field and states its rule in the diary's words, never pydantic's."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from diary.api.app import create_app
from diary.api.params import PARAMETER_RULES, REQUEST_RULES
from diary.domain import InfusionDetails
from diary.domain.validation import FIELD_RULES, INFUSION_RULES
from diary.factory import Diary
from tests.api.conftest import SignedIn
from tests.conftest import TODAY

DAY_RULE = "must be a date written YYYY-MM-DD"
IMPOSSIBLE_DAYS = ["2026-13-40", "2026-02-30", "2026-00-10"]


async def problems(answer: httpx.Response) -> dict[tuple[str | int, ...], str]:
    assert answer.status_code == 422, answer.text
    return {tuple(item["loc"]): item["msg"] for item in answer.json()["detail"]}


@pytest.mark.parametrize("day", IMPOSSIBLE_DAYS)
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_an_impossible_day_in_the_path_states_the_rule(
    client: httpx.AsyncClient, ana: SignedIn, method: str, day: str
) -> None:
    body = {"pain": 3} if method == "PUT" else None
    answer = await client.request(
        method, f"{ana.base}/entries/{day}", json=body, headers=ana.headers
    )
    assert await problems(answer) == {("path", "day"): DAY_RULE}
    assert answer.json()["detail"][0]["input"] == day


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("entries", "from"),
        ("entries", "to"),
        ("entries/versions", "from"),
        ("infusions", "to"),
        ("insights", "as_of"),
        ("export", "from"),
        ("export", "to"),
    ],
)
async def test_an_impossible_day_in_the_query_states_the_rule(
    client: httpx.AsyncClient, ana: SignedIn, path: str, name: str
) -> None:
    query = {name: "2026-13-40", **({"format": "json"} if path == "export" else {})}
    answer = await client.get(f"{ana.base}/{path}", params=query, headers=ana.headers)
    assert await problems(answer) == {("query", name): DAY_RULE}


async def test_an_impossible_day_in_a_share_states_the_rule(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    body = {"ends_on": "2026-13-40", "visible_from": "2026-02-30", "valid_days": 1.5}
    answer = await client.post(f"{ana.base}/shares", json=body, headers=ana.headers)
    assert await problems(answer) == {
        ("body", "ends_on"): DAY_RULE,
        ("body", "visible_from"): DAY_RULE,
        ("body", "valid_days"): "must be a whole number of days from 1 to 30",
    }


@pytest.mark.parametrize("score", [5.5, "5.5", "five", 11, -1])
async def test_a_score_that_is_not_a_whole_number_from_0_to_10(
    client: httpx.AsyncClient, ana: SignedIn, score: Any
) -> None:
    answer = await client.put(
        f"{ana.base}/entries/{TODAY}", json={"pain": score, "mood": score}, headers=ana.headers
    )
    assert await problems(answer) == {
        ("body", "pain"): "must be a whole number from 0 to 10",
        ("body", "mood"): "must be a whole number from 0 to 10",
    }


async def test_a_push_without_an_idempotency_key_is_refused_as_documented(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    change = {"table": "entries", "op": "upsert", "id": str(TODAY), "data": {"pain": 4}}
    answer = await client.post("/v1/sync/push", json={"changes": [change]}, headers=ana.headers)
    assert answer.status_code == 422
    assert answer.json() == {
        "detail": [
            {
                "loc": ["header", "idempotency-key"],
                "msg": "is required",
                "type": "missing",
                "input": None,
            }
        ]
    }
    assert (await client.get(f"{ana.base}/entries", headers=ana.headers)).json() == []


@pytest.mark.parametrize("key", ["short", "k" * 201])
async def test_an_idempotency_key_of_the_wrong_length_states_the_rule(
    client: httpx.AsyncClient, ana: SignedIn, key: str
) -> None:
    headers = {**ana.headers, "Idempotency-Key": key}
    answer = await client.post("/v1/sync/push", json={"changes": []}, headers=headers)
    assert await problems(answer) == {
        ("header", "idempotency-key"): "must be 8 to 200 characters, one per batch"
    }


async def test_sync_numbers_state_their_rules(client: httpx.AsyncClient, ana: SignedIn) -> None:
    pulled = await client.get(
        "/v1/sync/pull", params={"cursor": "1.5", "limit": "0"}, headers=ana.headers
    )
    assert await problems(pulled) == {
        ("query", "cursor"): PARAMETER_RULES["cursor"],
        ("query", "limit"): "must be a whole number from 1 to 1000",
    }
    change = {"table": "diary", "op": "put", "id": "x" * 65, "base_version": 1.5}
    headers = {**ana.headers, "Idempotency-Key": "batch-0001"}
    pushed = await client.post("/v1/sync/push", json={"changes": [change]}, headers=headers)
    assert await problems(pushed) == {
        ("body", "changes", 0, "table"): "must be one of: entries, infusions",
        ("body", "changes", 0, "op"): "must be one of: upsert, delete",
        ("body", "changes", 0, "id"): PARAMETER_RULES["id"],
        ("body", "changes", 0, "base_version"): PARAMETER_RULES["base_version"],
    }


async def test_ids_and_export_choices_state_their_rules(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    infusion = await client.get(f"{ana.base}/infusions/not-a-uuid", headers=ana.headers)
    assert await problems(infusion) == {("path", "infusion_id"): "must be a UUID"}
    exported = await client.get(
        f"{ana.base}/export", params={"format": "doc", "page_size": "a5"}, headers=ana.headers
    )
    assert await problems(exported) == {
        ("query", "format"): "must be one of: pdf, md, csv, json, fhir, ics",
        ("query", "page_size"): "must be one of: a4, letter",
    }


def request_body_dates(document: dict[str, Any]) -> set[str]:
    """The name of every date field a request body can hold, nested models included."""
    schemas = document["components"]["schemas"]
    found: dict[str, Any] = {}
    todo = [
        body["content"][kind]["schema"]
        for path in document["paths"].values()
        for op in path.values()
        if (body := op.get("requestBody"))
        for kind in body["content"]
    ]
    while todo:
        schema = todo.pop()
        if ref := schema.get("$ref"):
            todo.append(schemas[ref.rsplit("/", 1)[-1]])
        for name, field in schema.get("properties", {}).items():
            if name not in found:
                found[name] = field
                todo.append(field)
        todo.extend([*schema.get("anyOf", []), *filter(None, [schema.get("items")])])
    return {name for name, field in found.items() if is_date(field)}


def is_date(field: dict[str, Any]) -> bool:
    return "date" in {kind.get("format") for kind in [field, *field.get("anyOf", [])]}


def test_every_parameter_and_body_date_has_a_stated_rule(diary: Diary) -> None:
    """A parameter or date field added later without a rule would answer in pydantic's words."""
    document = create_app(diary).openapi()
    operations = [op for path in document["paths"].values() for op in path.values()]
    # If-Match is free text, checked by its route with its own message.
    parameters = {p["name"] for op in operations for p in op.get("parameters", [])} - {"if-match"}
    assert parameters <= REQUEST_RULES.keys()
    assert request_body_dates(document) >= {"date", "ends_on", "visible_from", "visible_to"}
    assert request_body_dates(document) <= REQUEST_RULES.keys()


def test_the_api_rules_replace_one_field_rule_only_and_infusions_keep_theirs() -> None:
    """The rules are keyed by field name, so a name shared by two fields gets one rule: only
    `id` is worded for the API (a sync row's id), and every infusion field's rule is the one
    the infusion rules give (found in review: they could drift apart)."""
    assert set(FIELD_RULES) & set(PARAMETER_RULES) == {"id"}
    for name in InfusionDetails.model_fields:
        assert REQUEST_RULES[name] == INFUSION_RULES[name], name


async def test_a_body_that_is_not_json_says_so_in_the_diary_s_words(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    answer = await client.put(
        f"{ana.base}/entries/{TODAY}",
        content=b'{"pain": 4,',
        headers={**ana.headers, "content-type": "application/json"},
    )
    ((where, rule),) = (await problems(answer)).items()
    assert where[0] == "body"
    assert rule.startswith("must be valid JSON (")
    assert "JSON decode error" not in rule
