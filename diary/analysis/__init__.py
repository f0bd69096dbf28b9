"""Pure analysis of a diary: courses, baseline, relief, maintenance suggestion and flags.

Imports only the standard library, pydantic and `diary.domain`; no storage, web or UI.
"""

from diary.analysis.flags import (
    evaluate_flags,
    flags_for_saved_day,
    flags_for_saved_days,
    flags_for_saved_infusion,
)
from diary.analysis.insights import compute_insights
from diary.analysis.models import (
    CourseInsight,
    Flag,
    Insights,
    Maintenance,
    MaintenanceStatus,
    ResponseClass,
    Tier,
)
from diary.domain.settings import AnalysisSettings

__all__ = [
    "AnalysisSettings",
    "CourseInsight",
    "Flag",
    "Insights",
    "Maintenance",
    "MaintenanceStatus",
    "ResponseClass",
    "Tier",
    "compute_insights",
    "evaluate_flags",
    "flags_for_saved_day",
    "flags_for_saved_days",
    "flags_for_saved_infusion",
]
