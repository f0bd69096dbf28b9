"""The one place the terminal app is built, for the `diary tui` command and for the tests."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from diary.domain import Clock
from diary.factory import Diary
from tui.app import DiaryApp
from tui.gateway import DiaryGateway, DiaryOverview
from tui.local import LocalGateway
from tui.pages import PAGES, PageContext

if TYPE_CHECKING:  # the server mode (and httpx) is loaded only when asked for
    from tui.remote_session import RemoteSession
    from tui.server_app import ServerApp


def make_app(
    gateway: DiaryGateway,
    clock: Clock,
    export_folder: Path | None = None,
    overview: DiaryOverview | None = None,
) -> DiaryApp:
    """The app over `gateway`; exports go to `export_folder` (default: your home folder).

    Pass the diary's `overview` when it is at hand (a local diary reads it in a few
    milliseconds) and the first page shows it in its first frame; otherwise a worker reads it.
    """
    context = PageContext(gateway, clock, export_folder or Path.home(), PAGES)
    return DiaryApp(context, overview)


def make_server_app(
    session: RemoteSession, clock: Clock, export_folder: Path | None = None
) -> ServerApp:
    """The app on a diary server: a login screen, then the patient's or clinician's pages."""
    from tui.server_app import ServerApp

    return ServerApp(session, clock, export_folder or Path.home())


def local_gateway(diary: Diary, where: str) -> LocalGateway:
    """The gateway over an open local diary, for its one patient."""
    patient: uuid.UUID = diary.accounts.local_patient_id()
    return LocalGateway(diary, patient, where)


def demo_gateway(diary: Diary) -> LocalGateway:
    """A freshly generated demo diary in `diary` (which must be empty)."""
    from tui.demo import fill_demo_diary  # the simulator is needed for the demo only

    fill_demo_diary(diary)
    return local_gateway(diary, "A demo diary in a temporary file: nothing you enter is kept.")
