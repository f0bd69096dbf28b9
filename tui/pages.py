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
        "Write your diary to a CSV or JSON file",
        "tui.screens.export:ExportScreen",
    ),
)
PAGES_BY_MODE = {page.mode: page for page in PAGES}
HELP_KEY = "f1"
THEME_KEY = "f8"


def load_page_screen(page: Page) -> type[DiaryPage]:
    """The page's screen class, importing its module on first use."""
    module_name, class_name = page.screen.split(":")
    screen: type[DiaryPage] = getattr(importlib.import_module(module_name), class_name)
    return screen
