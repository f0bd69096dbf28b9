"""The maintenance suggestion: now, soon, not yet, not applicable."""

from __future__ import annotations

from diary.analysis import MaintenanceStatus, compute_insights
from diary.domain import DailyEntry, Infusion
from tests.analysis.helpers import day, entries_from, infusions_on


def three_courses(last_day: int) -> tuple[list[DailyEntry], list[Infusion]]:
    """Courses on days 20, 60 and 100; relief lasts 20 days each time; pain 7 otherwise."""
    pains = {}
    for d in range(0, last_day + 1):
        relieved = any(start < d <= start + 20 for start in (20, 60, 100))
        pains[d] = 3 if relieved else 7
    return entries_from(sorted(pains.items())), infusions_on(20, 60, 100)


def test_no_course_is_not_applicable() -> None:
    entries, _ = three_courses(10)
    maintenance = compute_insights(entries, [], day(10)).maintenance
    assert maintenance.status is MaintenanceStatus.NOT_APPLICABLE


def test_prediction_from_own_history_gives_not_yet_then_soon() -> None:
    entries, infusions = three_courses(150)
    early = compute_insights(entries, infusions, day(105)).maintenance
    assert early.status is MaintenanceStatus.NOT_YET
    assert early.predicted_relief_end == day(121)
    assert early.discuss_from == day(114)
    later = compute_insights(entries, infusions, day(115)).maintenance
    assert later.status is MaintenanceStatus.SOON


def test_relief_over_is_now_and_wording_only_suggests() -> None:
    entries, infusions = three_courses(150)
    maintenance = compute_insights(entries, infusions, day(150)).maintenance
    assert maintenance.status is MaintenanceStatus.NOW
    text = maintenance.message.lower()
    assert "consider raising a maintenance session with your clinician" in text
    assert "you need" not in text
    assert "book" not in text


def test_non_response_suggests_reviewing_the_treatment() -> None:
    entries = entries_from((d, 7) for d in range(0, 80))
    maintenance = compute_insights(entries, infusions_on(20), day(79)).maintenance
    assert maintenance.status is MaintenanceStatus.NOT_APPLICABLE
    assert "reviewing the treatment" in maintenance.message


def test_too_early_to_tell_still_follows_the_history_dates() -> None:
    """One usual entry after the third course: its response is not known yet, but the
    earlier courses' relief (8 days) still dates the suggestion; `soon` once the date to
    raise it has come, never `not_yet` with that date already past (found in review)."""
    pains = {d: 3 if any(start < d <= start + 8 for start in (20, 60)) else 7 for d in range(101)}
    entries = entries_from([*sorted(pains.items()), (102, 7)])
    infusions = infusions_on(20, 60, 100)
    for as_of, status in ((100, MaintenanceStatus.NOT_YET), (102, MaintenanceStatus.SOON)):
        insights = compute_insights(entries, infusions, day(as_of))
        assert insights.courses[-1].response == "insufficient_data"
        maintenance = insights.maintenance
        assert maintenance.status is status
        assert maintenance.discuss_from == day(102)
        assert "too early to tell" in maintenance.message


def test_a_prediction_already_past_is_told_in_the_past() -> None:
    """Relief outlasting the usual: the suggestion stays `soon`, and does not say relief
    "may fade" on a day already gone (found by trying the demo diary as a new user)."""
    pains = {
        d: 3 if any(start < d <= start + 20 for start in (20, 60)) or d > 100 else 7
        for d in range(131)
    }
    entries, infusions = entries_from(sorted(pains.items())), infusions_on(20, 60, 100)
    on_the_day = compute_insights(entries, infusions, day(121)).maintenance
    assert on_the_day.predicted_relief_end == day(121)
    assert f"may fade around {day(121).isoformat()}" in on_the_day.message
    later = compute_insights(entries, infusions, day(130)).maintenance
    assert later.status is MaintenanceStatus.SOON
    assert later.predicted_relief_end == day(121)
    assert "may fade" not in later.message
    assert f"would have faded around {day(121).isoformat()}" in later.message
    assert "lasted longer so far" in later.message
    assert "consider raising a maintenance session with your clinician now" in later.message


def test_a_prediction_past_with_no_entries_since_does_not_claim_longer_relief() -> None:
    """Relief seen until day 108, then nothing logged: the diary cannot say relief outlasted
    the predicted day 121 (found in review)."""
    pains = {d: 3 if any(start < d <= start + 20 for start in (20, 60)) else 7 for d in range(101)}
    pains |= dict.fromkeys(range(101, 109), 3)
    entries, infusions = entries_from(sorted(pains.items())), infusions_on(20, 60, 100)
    maintenance = compute_insights(entries, infusions, day(130)).maintenance
    assert maintenance.status is MaintenanceStatus.SOON
    assert maintenance.predicted_relief_end == day(121)
    assert "lasted longer" not in maintenance.message
    assert f"shows relief until {day(108).isoformat()} and nothing since" in maintenance.message
