"""`compute_insights`: the whole analysis behind `diary insights --json` (design.md §4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from diary.analysis.flags import flags_in_view
from diary.analysis.history import median_relief_days, relief_history
from diary.analysis.maintenance import suggest_maintenance
from diary.analysis.models import Insights
from diary.analysis.outcomes import to_insight
from diary.analysis.view import build_view
from diary.domain.entry import DailyEntry
from diary.domain.infusion import Infusion
from diary.domain.settings import AnalysisSettings

DEFAULT_SETTINGS = AnalysisSettings()


def compute_insights(
    entries: Sequence[DailyEntry],
    infusions: Sequence[Infusion],
    as_of: dt.date,
    settings: AnalysisSettings = DEFAULT_SETTINGS,
) -> Insights:
    """Courses, relief, maintenance suggestion and flags as the diary stood at the end of `as_of`.

    Entries and infusions dated after `as_of` are ignored; input order does not matter.
    """
    view = build_view(entries, infusions, as_of, settings)
    median = median_relief_days(relief_history(view.outcomes))
    return Insights(
        as_of=as_of,
        courses=tuple(to_insight(outcome) for outcome in view.outcomes),
        relief_days_median=None if median is None else round(median, 1),
        maintenance=suggest_maintenance(view.outcomes, as_of, settings),
        flags=tuple(flags_in_view(view, settings)),
    )
