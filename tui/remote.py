"""The gateways over a diary server: a patient's own diary, and a clinician's desk.

Both speak the HTTP API of docs/api.md through one `RemoteSession`. A save sends the version
of the day the app loaded (If-Match), so a change made elsewhere since is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import TypeAdapter

from diary.analysis import Flag, Insights, Tier
from diary.domain import DailyEntry, Forbidden, Infusion, InfusionDetails
from diary.export import csv_format
from diary.export.private_files import infusions_path_for, private_file
from tui.gateway import DiaryGateway, DiaryOverview, ExportFormat, ExportRequest, SavedDay
from tui.remote_session import Account, RemoteSession
from tui.sharing_data import AccessLog, Invite, Share, SharedPatient

URGENCY = {Tier.EMERGENCY: 0, Tier.SAME_DAY: 1, Tier.REVIEW: 2}
READ_ONLY = "a clinician can read a shared diary but never change it"
ENTRIES = TypeAdapter(list[DailyEntry])
INFUSIONS = TypeAdapter(list[Infusion])
FLAGS = TypeAdapter(list[Flag] | None)
FLAG_LIST = TypeAdapter(list[Flag])
SHARES = TypeAdapter(list[Share])
PATIENTS = TypeAdapter(list[SharedPatient])


def most_urgent_first(flags: list[Flag]) -> tuple[Flag, ...]:
    return tuple(sorted(flags, key=lambda flag: (URGENCY[flag.tier], -flag.date.toordinal())))


class RemoteGateway:
    """One patient's diary on a server: the patient's own, or a clinician's read-only view."""

    def __init__(
        self,
        session: RemoteSession,
        patient_id: uuid.UUID,
        description: str,
        timezone: str | None = None,
        read_only: bool = False,
    ) -> None:
        self.session = session
        self.patient_id = patient_id
        self._description = description
        self._timezone = timezone
        self._read_only = read_only

    @property
    def description(self) -> str:
        return self._description

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def base(self) -> str:
        return f"/v1/patients/{self.patient_id}"

    def today(self) -> dt.date:
        """The patient's local date (their time zone when known, else this computer's)."""
        if self._timezone is None:
            return self.session.clock.today()
        return self.session.clock.now().astimezone(ZoneInfo(self._timezone)).date()

    def overview(self) -> DiaryOverview:
        today = self.today()
        span = {"to": today.isoformat()}
        entries = ENTRIES.validate_python(self._get("/entries", params=span))
        infusions = INFUSIONS.validate_python(self._get("/infusions", params=span))
        insights = Insights.model_validate(self._get("/insights"))
        return DiaryOverview(
            today=today,
            entries=tuple(entries),
            infusions=tuple(infusions),
            insights=insights,
            open_flags=self._open(insights),
            versions=None if self._read_only else self._versions(span),
        )

    def _versions(self, span: dict[str, str]) -> dict[dt.date, int]:
        answer = self._get("/entries/versions", params=span)
        return {dt.date.fromisoformat(day): int(version) for day, version in answer.items()}

    def _open(self, insights: Insights) -> tuple[Flag, ...]:
        """Open flags as the server keeps them; a clinician sees every flag of the diary."""
        if self._read_only:
            return most_urgent_first(list(insights.flags))
        return self._open_on_server()

    def _open_on_server(self) -> tuple[Flag, ...]:
        """The patient's open flags: acknowledgements are kept on the server."""
        return most_urgent_first(FLAG_LIST.validate_python(self._get("/flags")))

    def _get(self, path: str, **kwargs: Any) -> Any:
        return self.session.request("GET", self.base + path, **kwargs).json()

    def _write(self, method: str, path: str, **kwargs: Any) -> Any:
        if self._read_only:
            raise Forbidden(READ_ONLY)
        answer = self.session.request(method, self.base + path, **kwargs)
        return answer.json() if answer.content else None

    def save_entry(self, entry: DailyEntry, expected_version: int | None = None) -> SavedDay:
        """With `expected_version`, a day changed elsewhere since is refused (HTTP 412)."""
        fields = entry.model_dump(mode="json", exclude={"date"})
        headers = {} if expected_version is None else {"If-Match": f'"{expected_version}"'}
        saved = self._write(
            "PUT", f"/entries/{entry.date.isoformat()}", json=fields, headers=headers
        )
        flags = FLAGS.validate_python(saved["flags"])
        return SavedDay(
            DailyEntry.model_validate(saved["entry"]),
            bool(saved["created"]),
            None if flags is None else most_urgent_first(flags),
            self._open_on_server(),
            int(saved["version"]),
        )

    def delete_entry(self, day: dt.date) -> None:
        self._write("DELETE", f"/entries/{day.isoformat()}")

    def add_infusion(self, details: InfusionDetails) -> Infusion:
        body = details.model_dump(mode="json")
        return _stored_infusion(self._write("POST", "/infusions", json=body))

    def update_infusion(self, infusion_id: uuid.UUID, details: InfusionDetails) -> Infusion:
        body = details.model_dump(mode="json")
        return _stored_infusion(self._write("PUT", f"/infusions/{infusion_id}", json=body))

    def delete_infusion(self, infusion_id: uuid.UUID) -> None:
        self._write("DELETE", f"/infusions/{infusion_id}")

    def acknowledge(self, flag: Flag) -> None:
        """Stored on the server, so the flag stays seen on every device."""
        body = {"date": flag.date.isoformat(), "rule": flag.rule}
        self._write("POST", "/flags/acknowledge", json=body)

    def export(self, request: ExportRequest) -> list[Path]:
        params = {"format": request.format.value, **_span(request)}
        answer = self.session.request("GET", f"{self.base}/export", params=params)
        with private_file(request.path, binary=True) as stream:
            stream.write(answer.content)
        if request.format is not ExportFormat.CSV:
            return [request.path]
        return [request.path, self._export_infusions(request)]

    def _export_infusions(self, request: ExportRequest) -> Path:
        """The API's CSV holds the entries; the infusions go beside them, as a local export."""
        infusions = INFUSIONS.validate_python(self._get("/infusions", params=_span(request)))
        path = infusions_path_for(request.path)
        with private_file(path) as stream:
            csv_format.write_infusions(infusions, stream)
        return path

    # Sharing (the patient's own diary only)

    def create_invite(self, valid_days: int) -> Invite:
        made = self._write("POST", "/shares", json={"valid_days": valid_days})
        return TypeAdapter(Invite).validate_python(made)

    def list_shares(self) -> list[Share]:
        return SHARES.validate_python(self._get("/shares"))

    def revoke_share(self, share_id: uuid.UUID) -> Share:
        return TypeAdapter(Share).validate_python(self._write("DELETE", f"/shares/{share_id}"))

    def access_log(self) -> AccessLog:
        return TypeAdapter(AccessLog).validate_python(self._get("/access-log"))


def _span(request: ExportRequest) -> dict[str, str]:
    """The export's `from`/`to` query parameters, for the days it was limited to."""
    days = (("from", request.start), ("to", request.end))
    return {key: day.isoformat() for key, day in days if day is not None}


class ClinicianDesk:
    """A clinician's view of the server: shared patients, invite codes, read-only diaries."""

    def __init__(self, session: RemoteSession, account: Account) -> None:
        self.session = session
        self.account = account

    @property
    def clinician_name(self) -> str:
        return self.account.name

    def shared_patients(self) -> list[SharedPatient]:
        return PATIENTS.validate_python(
            self.session.request("GET", "/v1/clinician/patients").json()
        )

    def accept_invite(self, code: str) -> Share:
        answer = self.session.request("POST", "/v1/shares/accept", json={"code": code})
        return TypeAdapter(Share).validate_python(answer.json())

    def patient_diary(self, patient: SharedPatient) -> DiaryGateway:
        where = f"{patient.name}'s diary on {self.session.server}, shared with you (read-only)"
        return RemoteGateway(self.session, patient.patient_id, where, read_only=True)


def patient_gateway(session: RemoteSession, account: Account) -> RemoteGateway:
    """The logged-in patient's own diary."""
    where = f"Your diary on {session.server} (signed in as {account.email or account.name})"
    return RemoteGateway(session, account.id, where, account.timezone)


def _stored_infusion(answer: Any) -> Infusion:
    """The infusion of a save's answer; its `flags` reach the pages with the next overview."""
    return Infusion.model_validate({k: v for k, v in answer.items() if k != "flags"})
