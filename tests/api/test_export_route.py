"""GET /v1/patients/{id}/export: content types, file names, who may export what."""

from __future__ import annotations

import datetime as dt
import io
import json

import httpx
import icalendar
import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from diary.domain import FixedClock
from diary.export.json_format import load_diary
from diary.factory import Diary
from tests.api.conftest import SignedIn, sign_up
from tests.conftest import TODAY
from tests.export.demo import demo_contents

AS_OF = "2026-01-05"


async def export(
    client: httpx.AsyncClient, patient: SignedIn, caller: SignedIn | None = None, **params: str
) -> httpx.Response:
    headers = (caller or patient).headers
    return await client.get(f"{patient.base}/export", params=params, headers=headers)


@pytest.fixture
def demo_year(diary: Diary, ana: SignedIn) -> SignedIn:
    entries, infusions, _ = demo_contents()
    diary.entries.import_contents(ana.id, entries, infusions)
    return ana


@pytest.mark.parametrize(
    ("format_", "media_type", "suffix"),
    [
        ("pdf", "application/pdf", ".pdf"),
        ("md", "text/markdown; charset=utf-8", ".md"),
        ("csv", "text/csv; charset=utf-8", ".csv"),
        ("json", "application/json", ".json"),
        ("fhir", "application/fhir+json", ".json"),
        ("ics", "text/calendar; charset=utf-8", ".ics"),
    ],
)
async def test_each_format_is_a_named_file(
    client: httpx.AsyncClient, demo_year: SignedIn, format_: str, media_type: str, suffix: str
) -> None:
    answer = await export(client, demo_year, format=format_, to=AS_OF)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == media_type
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="')
    assert disposition.endswith(f'{suffix}"')
    assert "ana" not in disposition.lower()
    assert answer.headers["cache-control"] == "no-store"


async def test_the_files_read_back(
    client: httpx.AsyncClient, demo_year: SignedIn, clock: FixedClock
) -> None:
    insights = (
        await client.get(
            f"{demo_year.base}/insights", params={"as_of": AS_OF}, headers=demo_year.headers
        )
    ).json()
    pdf = await export(client, demo_year, format="pdf", to=AS_OF)
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert f"{insights['relief_days_median']:.1f} days (median)" in text
    fhir = await export(client, demo_year, format="fhir", to=AS_OF)
    assert Bundle.model_validate_json(fhir.content).type == "collection"
    ics = await export(client, demo_year, format="ics", to=AS_OF)
    (event,) = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert event.decoded("dtstart").isoformat() == insights["maintenance"]["discuss_from"]
    document = await export(client, demo_year, format="json", **{"from": "2025-12-01", "to": AS_OF})
    loaded = load_diary(document.text, clock.today())
    assert min(entry.date for entry in loaded.entries) >= dt.date(2025, 12, 1)
    entries_csv = await export(client, demo_year, format="csv")
    assert entries_csv.text.splitlines()[0].startswith("date,pain,pain_worst")


async def test_page_size(client: httpx.AsyncClient, ana: SignedIn) -> None:
    await client.put(f"{ana.base}/entries/{TODAY}", json={"pain": 4}, headers=ana.headers)
    letter = await export(client, ana, format="pdf", page_size="letter")
    page = PdfReader(io.BytesIO(letter.content)).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)


async def test_nobody_else_exports_a_patients_diary(
    client: httpx.AsyncClient, ana: SignedIn, ben: SignedIn
) -> None:
    await client.put(f"{ana.base}/entries/{TODAY}", json={"pain": 4}, headers=ana.headers)
    answer = await export(client, ana, ben, format="pdf")
    assert (answer.status_code, answer.json()) == (404, {"detail": "no such patient"})
    anonymous = await client.get(f"{ana.base}/export", params={"format": "md"})
    assert anonymous.status_code == 401


async def test_clinician_export_covers_the_shared_dates_and_is_logged(
    client: httpx.AsyncClient, demo_year: SignedIn
) -> None:
    doctor = await sign_up(client, "dr.lee@clinic.example", role="clinician")
    window = {"visible_from": "2025-10-01", "visible_to": "2025-11-30"}
    made = await client.post(f"{demo_year.base}/shares", json=window, headers=demo_year.headers)
    await client.post(
        "/v1/shares/accept", json={"code": made.json()["code"]}, headers=doctor.headers
    )
    answer = await export(client, demo_year, doctor, format="json")
    dates = [entry["date"] for entry in json.loads(answer.content)["entries"]]
    assert min(dates) >= "2025-10-01"
    assert max(dates) <= "2025-11-30"
    summary = (await export(client, demo_year, doctor, format="md")).text
    assert "**Period:** 2025-10-01 to 2025-11-30" in summary
    log = (await client.get(f"{demo_year.base}/access-log", headers=demo_year.headers)).json()
    assert [event["action"] for event in log["events"]][-2:] == ["export_json", "export_md"]


async def test_no_calendar_without_a_day_to_discuss(
    client: httpx.AsyncClient, ana: SignedIn
) -> None:
    await client.put(f"{ana.base}/entries/{TODAY}", json={"pain": 4}, headers=ana.headers)
    answer = await export(client, ana, format="ics")
    assert answer.status_code == 404
    assert answer.json()["detail"].startswith("no day to raise maintenance yet")


async def test_bad_parameters(client: httpx.AsyncClient, ana: SignedIn) -> None:
    backwards = await export(
        client, ana, format="pdf", **{"from": "2026-06-10", "to": "2026-06-01"}
    )
    assert backwards.status_code == 422
    assert backwards.json()["detail"][0]["loc"] == ["query", "from"]
    unknown = await export(client, ana, format="docx")
    assert unknown.status_code == 422
    missing = await client.get(f"{ana.base}/export", headers=ana.headers)
    assert missing.status_code == 422


async def test_documented_in_the_openapi(client: httpx.AsyncClient) -> None:
    operation = (await client.get("/openapi.json")).json()["paths"][
        "/v1/patients/{patient_id}/export"
    ]["get"]
    assert set(operation["responses"]["200"]["content"]) == {
        "application/pdf",
        "text/markdown",
        "text/csv",
        "application/json",
        "application/fhir+json",
        "text/calendar",
    }
    assert {"401", "404", "422"} <= set(operation["responses"])
