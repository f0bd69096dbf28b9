"""`compute_insights`: the §4 JSON document and its invariants (property-based)."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from diary.analysis import compute_insights
from diary.analysis.models import CourseInsight
from diary.simulation import SimulatedDiary, simulate_patient
from tests.analysis.helpers import day

COURSE_KEYS = {
    "start", "end", "infusions", "baseline_pain", "best_pain", "best_relief_pct", "response",
    "responded", "relief_end", "relief_days", "censored", "ongoing",
}  # fmt: skip

SIMULATED = [simulate_patient(seed, days=240) for seed in range(40)]
patients = st.sampled_from(SIMULATED)


def test_courses_built_without_validation_equal_validated_ones() -> None:
    """`trusted` skips pydantic's validation for speed; a pydantic upgrade that changes what
    a model instance holds must fail here, not change the document."""
    for simulated in SIMULATED[:10]:
        insights = compute_insights(simulated.entries, simulated.infusions, simulated.as_of)
        for course in insights.courses:
            validated = CourseInsight.model_validate(course.model_dump())
            assert course == validated
            assert course.model_dump_json() == validated.model_dump_json()
            assert course.model_fields_set == validated.model_fields_set
            assert hash(course) == hash(validated)
            assert repr(course) == repr(validated)


def test_json_document_has_exactly_the_design_shape() -> None:
    simulated = SIMULATED[0]
    document = compute_insights(simulated.entries, simulated.infusions, simulated.as_of)
    dumped = document.model_dump(mode="json")
    assert set(dumped) == {"as_of", "courses", "relief_days_median", "maintenance", "flags"}
    assert dumped["as_of"] == simulated.as_of.isoformat()
    assert all(set(course) == COURSE_KEYS for course in dumped["courses"])
    assert set(dumped["maintenance"]) == {
        "status",
        "predicted_relief_end",
        "discuss_from",
        "message",
    }
    starts = [course["start"] for course in dumped["courses"]]
    assert starts == sorted(starts)


def test_empty_diary() -> None:
    dumped = compute_insights([], [], day(0)).model_dump(mode="json")
    assert dumped["courses"] == []
    assert dumped["flags"] == []
    assert dumped["maintenance"]["status"] == "not_applicable"


@settings(max_examples=25, deadline=None)
@given(patients, st.randoms(use_true_random=False))
def test_row_order_does_not_matter(simulated: SimulatedDiary, rnd: random.Random) -> None:
    entries, infusions = list(simulated.entries), list(simulated.infusions)
    rnd.shuffle(entries)
    rnd.shuffle(infusions)
    as_of = simulated.as_of
    expected = compute_insights(simulated.entries, simulated.infusions, as_of)
    assert compute_insights(entries, infusions, as_of) == expected


@settings(max_examples=25, deadline=None)
@given(patients, st.integers(30, 239))
def test_data_after_as_of_never_changes_the_result(simulated: SimulatedDiary, cut: int) -> None:
    as_of = simulated.as_of - dt.timedelta(days=239 - cut)
    kept_entries = [e for e in simulated.entries if e.date <= as_of]
    kept_infusions = [i for i in simulated.infusions if i.date <= as_of]
    full = compute_insights(simulated.entries, simulated.infusions, as_of)
    assert full == compute_insights(kept_entries, kept_infusions, as_of)


@settings(max_examples=25, deadline=None)
@given(patients)
def test_relief_days_never_negative_and_censored_at_least_observed(
    simulated: SimulatedDiary,
) -> None:
    courses = compute_insights(simulated.entries, simulated.infusions, simulated.as_of).courses
    for course, following in zip(courses, [*courses[1:], None], strict=True):
        assert course.relief_days is None or course.relief_days >= 0
        if course.relief_end is not None:
            assert course.relief_days == (course.relief_end - course.end).days
        if course.censored and following is not None and course.relief_days is not None:
            # Relief was seen through the last logged day before the next course.
            logged = [e.date for e in simulated.entries if course.end < e.date < following.start]
            if logged and course.relief_days == (following.start - course.end).days:
                assert course.relief_days >= (logged[-1] - course.end).days


@settings(max_examples=25, deadline=None)
@given(patients, st.integers(1, 6))
def test_a_later_course_only_changes_an_earlier_one_by_censoring_it(
    simulated: SimulatedDiary, keep: int
) -> None:
    """Analysing with the infusions up to course `keep` vs all: earlier courses agree."""
    full = compute_insights(simulated.entries, simulated.infusions, simulated.as_of).courses
    if len(full) <= keep:
        return
    cut = full[keep].start
    fewer = [i for i in simulated.infusions if i.date < cut]
    partial = compute_insights(simulated.entries, fewer, simulated.as_of).courses
    for before, after in zip(partial[: keep - 1], full[: keep - 1], strict=True):
        assert before == after
    last_before, last_after = partial[keep - 1], full[keep - 1]
    if last_after.relief_end != last_before.relief_end:
        assert last_after.censored
        assert last_after.relief_end is None
