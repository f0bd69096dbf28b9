"""Entries, infusions and insights over HTTP, and who may reach them."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tests.api.conftest import SignedIn, sign_up
from tests.conftest import TODAY

WEEK = [TODAY - dt.timedelta(days=n) for n in range(7)]


async def put_day(
    client: httpx.AsyncClient, who: SignedIn, day: dt.date, **fields: object
) -> httpx.Response:
    return await client.put(f"{who.base}/entries/{day}", json=fields, headers=who.headers)


class TestEntries:
    async def test_week_of_entries(self, client: httpx.AsyncClient, ana: SignedIn) -> None:
        for pain, day in enumerate(WEEK):
            assert (await put_day(client, ana, day, pain=pain, mood=5)).status_code == 201
        listed = await client.get(
            f"{ana.base}/entries",
            headers=ana.headers,
            params={"from": str(WEEK[3]), "to": str(WEEK[1])},
        )
        assert [e["date"] for e in listed.json()] == [str(WEEK[3]), str(WEEK[2]), str(WEEK[1])]
        one = await client.get(f"{ana.base}/entries/{WEEK[0]}", headers=ana.headers)
        assert one.json()["pain"] == 0

    async def test_put_again_replaces_the_day(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        await put_day(client, ana, TODAY, pain=4, mood=2)
        again = await put_day(client, ana, TODAY, pain=6)
        assert again.status_code == 200
        assert (again.json()["version"], again.json()["entry"]["mood"]) == (2, None)

    async def test_save_answers_with_its_flags(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        saved = await put_day(client, ana, TODAY, pain=4, blood_in_urine="clots")
        assert [f["tier"] for f in saved.json()["flags"]] == ["same_day"]

    async def test_bad_values_named_by_field(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        answer = await put_day(client, ana, TODAY, pain=11, nausea=-1)
        assert answer.status_code == 422
        problems = {tuple(d["loc"]): d["msg"] for d in answer.json()["detail"]}
        assert problems == {
            ("body", "pain"): "must be a whole number from 0 to 10",
            ("body", "nausea"): "must be a whole number from 0 to 10",
        }

    async def test_future_day_refused_in_the_patients_time_zone(
        self, client: httpx.AsyncClient
    ) -> None:
        """At noon UTC it is already tomorrow in Kiribati (UTC+14)."""
        kiri = await sign_up(client, "kiri@example.org", timezone="Pacific/Kiritimati")
        tomorrow = TODAY + dt.timedelta(days=1)
        assert (await put_day(client, kiri, tomorrow, pain=3)).status_code == 201
        ana = await sign_up(client, "ana2@example.org", timezone="Europe/London")
        refused = await put_day(client, ana, tomorrow, pain=3)
        assert refused.status_code == 422
        assert refused.json()["detail"][0]["loc"] == ["body", "date"]

    async def test_delete_then_404(self, client: httpx.AsyncClient, ana: SignedIn) -> None:
        await put_day(client, ana, TODAY, pain=4)
        gone = await client.delete(f"{ana.base}/entries/{TODAY}", headers=ana.headers)
        assert gone.status_code == 204
        missing = await client.get(f"{ana.base}/entries/{TODAY}", headers=ana.headers)
        assert missing.status_code == 404
        assert missing.json() == {"detail": f"no entry for {TODAY}"}


class TestInfusions:
    async def test_crud(self, client: httpx.AsyncClient, ana: SignedIn) -> None:
        added = await client.post(
            f"{ana.base}/infusions", headers=ana.headers, json={"date": str(WEEK[2]), "dose_mg": 35}
        )
        assert added.status_code == 201
        infusion_id = added.json()["id"]
        changed = await client.put(
            f"{ana.base}/infusions/{infusion_id}",
            headers=ana.headers,
            json={"date": str(WEEK[2]), "dose_mg": 50, "route": "im"},
        )
        assert (changed.json()["dose_mg"], changed.json()["route"]) == (50, "im")
        listed = await client.get(f"{ana.base}/infusions", headers=ana.headers)
        assert [i["id"] for i in listed.json()] == [infusion_id]
        deleted = await client.delete(f"{ana.base}/infusions/{infusion_id}", headers=ana.headers)
        assert deleted.status_code == 204
        again = await client.get(f"{ana.base}/infusions/{infusion_id}", headers=ana.headers)
        assert again.status_code == 404

    async def test_an_infusion_recorded_late_answers_with_the_flag_it_raised(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        """Upper abdominal pain logged yesterday; the infusion of 5 days ago recorded after:
        the infusion's answer carries the same-day flag, as an entry's save would."""
        pain = await put_day(client, ana, WEEK[1], pain=4, warning_signs=["upper_abdominal_pain"])
        assert pain.json()["flags"] == []  # no infusion known yet
        added = await client.post(
            f"{ana.base}/infusions", headers=ana.headers, json={"date": str(WEEK[5])}
        )
        assert added.status_code == 201
        (flag,) = added.json()["flags"]
        assert (flag["date"], flag["tier"]) == (str(WEEK[1]), "same_day")
        assert flag["rule"] == "same_day.upper_abdominal_pain"
        changed = await client.put(
            f"{ana.base}/infusions/{added.json()['id']}",
            headers=ana.headers,
            json={"date": str(WEEK[5]), "dose_mg": 40},
        )
        assert [f["rule"] for f in changed.json()["flags"]] == ["same_day.upper_abdominal_pain"]


async def test_insights_document(client: httpx.AsyncClient, ana: SignedIn) -> None:
    await put_day(client, ana, WEEK[1], pain=5)
    answer = await client.get(
        f"{ana.base}/insights", headers=ana.headers, params={"as_of": str(WEEK[1])}
    )
    assert answer.status_code == 200
    assert answer.json()["as_of"] == str(WEEK[1])
    assert set(answer.json()) == {"as_of", "courses", "relief_days_median", "maintenance", "flags"}


PATIENT_ROUTES = [
    ("GET", "/entries"),
    ("GET", f"/entries/{TODAY}"),
    ("PUT", f"/entries/{TODAY}"),
    ("DELETE", f"/entries/{TODAY}"),
    ("GET", "/infusions"),
    ("POST", "/infusions"),
    ("GET", "/infusions/00000000-0000-4000-8000-000000000000"),
    ("GET", "/insights"),
]


@pytest.mark.parametrize(("method", "path"), PATIENT_ROUTES)
async def test_another_patient_gets_404(
    client: httpx.AsyncClient, ana: SignedIn, ben: SignedIn, method: str, path: str
) -> None:
    await put_day(client, ana, TODAY, pain=4)
    body = {"pain": 1} if method == "PUT" else {"date": str(TODAY)}
    answer = await client.request(
        method,
        ana.base + path,
        headers=ben.headers,
        json=body if method in {"PUT", "POST"} else None,
    )
    assert answer.status_code == 404
    assert answer.json() == {"detail": "no such patient"}
    anonymous = await client.request(method, ana.base + path)
    assert anonymous.status_code == 401


async def test_clinician_has_no_access_without_a_share(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    doctor = await sign_up(client, "dr@example.org", role="clinician")
    answer = await client.get(f"{ana.base}/entries", headers=doctor.headers)
    assert answer.status_code == 404


class TestEdges:
    async def test_oversized_body_413(self, client: httpx.AsyncClient, ana: SignedIn) -> None:
        answer = await client.put(
            f"{ana.base}/entries/{TODAY}",
            headers=ana.headers,
            content=b"{" + b" " * (2 * 1024 * 1024) + b"}",
        )
        assert answer.status_code == 413
        assert answer.json()["detail"].startswith("request body larger than")

    async def test_json_everywhere_and_no_store(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        unknown = await client.get("/nowhere")
        assert unknown.status_code == 404
        assert unknown.headers["content-type"] == "application/json"
        answer = await client.get(f"{ana.base}/entries", headers=ana.headers)
        assert answer.headers["cache-control"] == "no-store"

    async def test_invalid_json_body(self, client: httpx.AsyncClient, ana: SignedIn) -> None:
        answer = await client.put(
            f"{ana.base}/entries/{TODAY}",
            headers={**ana.headers, "content-type": "application/json"},
            content=b"\xff\xfe{",
        )
        assert answer.status_code == 400
        assert "detail" in answer.json()

    async def test_health(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/healthz")).json() == {"status": "ok"}


class TestVersions:
    """A phone that read a day can make its save conditional on nobody changing it since."""

    async def test_if_match_saves_from_the_version_read(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        await put_day(client, ana, TODAY, pain=4)
        read = await client.get(f"{ana.base}/entries/{TODAY}", headers=ana.headers)
        assert read.headers["etag"] == '"1"'
        saved = await client.put(
            f"{ana.base}/entries/{TODAY}",
            json={"pain": 5},
            headers={**ana.headers, "If-Match": read.headers["etag"]},
        )
        assert (saved.status_code, saved.headers["etag"]) == (200, '"2"')

    async def test_a_day_changed_since_is_not_overwritten(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        await put_day(client, ana, TODAY, pain=4)
        await put_day(client, ana, TODAY, pain=6)  # another device
        stale = await client.put(
            f"{ana.base}/entries/{TODAY}",
            json={"pain": 1},
            headers={**ana.headers, "If-Match": '"1"'},
        )
        assert stale.status_code == 412
        kept = await client.get(f"{ana.base}/entries/{TODAY}", headers=ana.headers)
        assert kept.json()["pain"] == 6

    async def test_versions_of_every_day(self, client: httpx.AsyncClient, ana: SignedIn) -> None:
        await put_day(client, ana, WEEK[1], pain=4)
        await put_day(client, ana, WEEK[0], pain=4)
        await put_day(client, ana, WEEK[0], pain=5)
        versions = await client.get(f"{ana.base}/entries/versions", headers=ana.headers)
        assert versions.json() == {str(WEEK[1]): 1, str(WEEK[0]): 2}

    async def test_bad_if_match_named(self, client: httpx.AsyncClient, ana: SignedIn) -> None:
        answer = await client.put(
            f"{ana.base}/entries/{TODAY}",
            json={"pain": 1},
            headers={**ana.headers, "If-Match": "yesterday"},
        )
        assert answer.status_code == 422
        (problem,) = answer.json()["detail"]
        assert problem["loc"] == ["header", "if-match"]  # not "body" (found in review)
        assert problem["msg"] == 'must be a version number such as "3"'
        assert problem["input"] == "yesterday"


async def test_open_flags_and_marking_one_seen(client: httpx.AsyncClient, ana: SignedIn) -> None:
    await put_day(client, ana, TODAY, pain=4, blood_in_urine="red", unable_to_urinate=True)
    flags = (await client.get(f"{ana.base}/flags", headers=ana.headers)).json()
    assert [f["tier"] for f in flags] == ["same_day", "same_day"]
    seen = await client.post(
        f"{ana.base}/flags/acknowledge",
        headers=ana.headers,
        json={"date": str(TODAY), "rule": flags[0]["rule"]},
    )
    assert seen.status_code == 200
    left = (await client.get(f"{ana.base}/flags", headers=ana.headers)).json()
    assert [f["rule"] for f in left] == [flags[1]["rule"]]
    missing = await client.post(
        f"{ana.base}/flags/acknowledge",
        headers=ana.headers,
        json={"date": str(TODAY), "rule": "emergency.seizure"},
    )
    assert missing.status_code == 404
