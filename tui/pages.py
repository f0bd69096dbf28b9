"""The app's pages (Textual modes): keys, titles, and where each page's screen lives.

Page screens are imported when first needed, not at start-up: the cold start only pays for
the Today page. `load_page_screen` is also called from a background worker to warm them up.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from diary.domain import Clock
from tui.gateway import DiaryGateway

if TYPE_CHECKING:
    from tui.screens.base import DiaryPage
    from tui.sharing_data import ClinicianGateway, SharingGateway


@dataclass(frozen=True)
class Page:
    mode: str
    key: str
    title: str
    purpose: str
    """What the page is for, as the command palette says it."""
    screen: str
    """`module:Class` of the page's screen."""


@dataclass(frozen=True)
class PageContext:
    """What every page is built with."""

    gateway: DiaryGateway
    clock: Clock
    export_folder: Path
    pages: tuple[Page, ...] = ()
    """The pages of this kind of diary (local, a patient's on a server, a clinician's view)."""
    sharing: SharingGateway | None = None
    """The patient's shares, on a server."""
    clinician: ClinicianGateway | None = None
    """The clinician's list of shared patients, in clinician mode."""
    patient_name: str | None = None
    """Whose diary a clinician is reading."""

    def __post_init__(self) -> None:
        if not self.pages:
            object.__setattr__(self, "pages", PAGES)

    def has_page(self, mode: str) -> bool:
        return any(page.mode == mode for page in self.pages)


PAGES: tuple[Page, ...] = (
    Page("today", "f2", "Today", "Log or change today's entry", "tui.screens.today:TodayScreen"),
    Page(
        "diary",
        "f3",
        "Diary",
        "Every day you logged: edit or delete a day",
        "tui.screens.diary:DiaryScreen",
    ),
    Page(
        "trends",
        "f4",
        "Trends",
        "Pain, mood, sleep and side effects over time",
        "tui.screens.trends:TrendsScreen",
    ),
    Page(
        "relief",
        "f5",
        "Relief",
        "How long relief lasted after each course",
        "tui.screens.relief:ReliefScreen",
    ),
    Page(
        "infusions",
        "f6",
        "Infusions",
        "Your infusion days: add, edit, delete",
        "tui.screens.infusions:InfusionsScreen",
    ),
    Page(
        "export",
        "f7",
        "Export",
        "Write your diary to a PDF, Markdown, CSV, JSON, FHIR or calendar file",
        "tui.screens.export:ExportScreen",
    ),
)
SHARING = Page(
    "sharing",
    "f9",
    "Sharing",
    "Invite a clinician, revoke a share, see who read your diary",
    "tui.screens.sharing:SharingScreen",
)
PATIENTS = Page(
    "patients",
    "f9",
    "Patients",
    "The patients who share their diary with you",
    "tui.screens.patients:PatientsScreen",
)
SERVER_PAGES = (*PAGES, SHARING)
"""A patient's diary on a server: every local page, plus sharing."""
CLINICIAN_PAGES = (PATIENTS, *(page for page in PAGES if page.mode != "today"))
"""A clinician reading a shared diary: no Today page (nothing to log)."""
PAGES_BY_MODE = {page.mode: page for page in (*PAGES, SHARING, PATIENTS)}
PAGE_KEYS = tuple(dict.fromkeys(page.key for page in PAGES_BY_MODE.values()))
HELP_KEY = "f1"
THEME_KEY = "f8"


def load_page_screen(page: Page) -> type[DiaryPage]:
    """The page's screen class, importing its module on first use."""
    module_name, class_name = page.screen.split(":")
    screen: type[DiaryPage] = getattr(importlib.import_module(module_name), class_name)
    return screen
