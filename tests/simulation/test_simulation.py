"""The simulator's truth, and the engine's accuracy against it (targets of issue 3)."""

from __future__ import annotations

import dataclasses
import random

import pytest

from diary.analysis import ResponseClass
from diary.domain.settings import AnalysisSettings
from diary.simulation import Margins, simulate_patient
from diary.simulation.curves import PainModel
from diary.simulation.evaluate import (
    CohortReport,
    CourseResult,
    Tally,
    courses_with_baseline,
    evaluate_cohort,
    main,
    scores_of,
    simulate_cohort,
)
from diary.simulation.profile import MAX_MISSING_SHARE, Strain, random_profile
from diary.simulation.schedule import held_relief, plan_courses


def test_same_seed_same_diary() -> None:
    first, again = simulate_patient(11), simulate_patient(11)
    assert first.entries == again.entries
    assert first.infusions == again.infusions
    assert first.courses == again.courses


def test_diary_looks_like_a_real_one() -> None:
    simulated = simulate_patient(3, days=365)
    logged_share = len(simulated.entries) / 365
    assert 0.6 < logged_share < 0.97
    assert simulated.courses, "every simulated patient gets at least one course"
    for truth in simulated.courses:
        assert truth.relief_days >= 1
        assert truth.relief_end > truth.end
    changes = [
        abs(a.pain - b.pain) for a, b in zip(simulated.entries, simulated.entries[1:], strict=False)
    ]
    assert sum(changes) / len(changes) < 2


def test_truth_relief_end_is_first_day_above_70_percent() -> None:
    simulated = simulate_patient(5)
    start = simulated.entries[0].date
    for truth in simulated.courses:
        if truth.censored_by == "end_of_data":
            continue
        threshold = 0.7 * truth.baseline_pain
        offset = (truth.relief_end - start).days
        if truth.censored_by != "next_course":
            assert simulated.underlying_pain[offset] > threshold


def test_true_improvements_keep_clear_of_the_cutoffs() -> None:
    """The margins hold for the truth (against each course's own baseline), not only for the
    planned depth: drift and carried baselines do not bring a course back onto a cut-off.
    Checked on every course whose 14-day window no next course cuts short."""
    margins, checked = Margins(), 0
    for seed in range(30):
        simulated = simulate_patient(seed)
        starts = [truth.start for truth in simulated.courses[1:]]
        for truth, next_start in zip(simulated.courses, [*starts, None], strict=True):
            full_window = next_start is None or (next_start - truth.end).days > 14
            if truth.best_pain is None or not full_window:
                continue
            share = (truth.baseline_pain - truth.best_pain) / truth.baseline_pain
            assert margins.allows(share, truth.baseline_pain), (seed, truth)
            checked += 1
    assert checked > 100


def test_held_relief_keeps_clear_of_the_relief_line() -> None:
    """The level a course holds on its last day of full relief is 12 points clear of the 30%
    line, so its relief end is not a coin toss on noise-free pain either."""
    margins, checked = Margins(), 0
    for seed in range(30):
        rng = random.Random(seed)
        profile = random_profile(rng)
        model = PainModel(profile.baseline_pain, profile.drift_points, rng.uniform(0, 6.28))
        plans = plan_courses(rng, profile, model, 365, 0, margins)
        for index in range(len(plans)):
            held = held_relief(model, tuple(plans[: index + 1]), 365)
            if held is not None:
                assert abs(held * 100 - 30) >= margins.responded_pct, (seed, index, held)
                checked += 1
    assert checked > 100


def test_margins_can_be_switched_off() -> None:
    simulated = simulate_patient(8, margins=Margins(0, 0, 0, 0))
    assert all(isinstance(truth.response, ResponseClass) for truth in simulated.courses)


def test_a_strained_diary_keeps_its_courses_and_noise_free_pain() -> None:
    plain = simulate_patient(6)
    strained = simulate_patient(6, strain=Strain(noise=1.5, missing=2.0))
    assert strained.profile.noise_sd == pytest.approx(plain.profile.noise_sd * 1.5)
    expected_missing = min(MAX_MISSING_SHARE, plain.profile.missing_share * 2)
    assert strained.profile.missing_share == pytest.approx(expected_missing)
    assert [i.date for i in strained.infusions] == [i.date for i in plain.infusions]
    assert strained.underlying_pain == plain.underlying_pain
    assert len(strained.entries) < len(plain.entries)
    noisier = simulate_patient(6, strain=Strain(noise=1.5))
    assert [e.date for e in noisier.entries] == [e.date for e in plain.entries]
    assert noisier.infusions == plain.infusions  # every draw the same, the scatter aside


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        (["5", "1", "--noise-scale", "0"], "--noise-scale: must be a number above 0, got '0'"),
        (["5", "1", "--missing-scale", "x"], "--missing-scale: must be a number above 0, got 'x'"),
        (["0", "1"], "patients: must be a whole number of at least 1, got '0'"),
    ],
)
def test_evaluate_names_a_bad_argument_and_the_rule(
    arguments: list[str], problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["evaluate", *arguments])
    assert stopped.value.code == 2
    assert problem in capsys.readouterr().err


def test_evaluate_prints_the_report_of_a_strained_cohort(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["evaluate", "5", "1", "--noise-scale", "1.5", "--missing-scale", "2"])
    printed = capsys.readouterr().out
    assert printed.startswith("5 patients, ")
    assert "| relief days within ±2 days of truth |" in printed


def test_a_course_without_logged_days_before_it_has_no_baseline() -> None:
    """Only a course the diary gives a baseline for (design.md §3) is scored."""
    simulated = simulate_patient(3, days=365)
    first = simulated.courses[0].start
    quiet = [e for e in simulated.entries if not 0 < (first - e.date).days <= 14]
    assert courses_with_baseline(simulated, AnalysisSettings()) == [True] * len(simulated.courses)
    stripped = dataclasses.replace(simulated, entries=tuple(quiet))
    judged = courses_with_baseline(stripped, AnalysisSettings())
    assert judged[0] is False
    assert judged[1:] == [True] * (len(simulated.courses) - 1)  # later ones: their own days


def test_a_censored_report_of_a_completed_course_is_scored_both_ways() -> None:
    """Its "at least" days count towards within ±2 days; the strict measure counts a miss."""
    tally = Tally()
    tally.add(10, None, CourseResult(ResponseClass.RESPONSE, 9, censored=True))
    tally.add(10, None, CourseResult(ResponseClass.RESPONSE, 11, censored=False))
    tally.add(10, None, CourseResult(ResponseClass.RESPONSE, 14, censored=False))
    tally.add(10, None, CourseResult(ResponseClass.RESPONSE, 12, censored=True))
    scores = scores_of(tally)
    assert scores.within_2_days == pytest.approx(3 / 4)
    assert scores.completed_reported_censored == pytest.approx(2 / 4)
    assert scores.within_2_days_ended == pytest.approx(1 / 4)
    assert scores.completed_lower_bound_holds == pytest.approx(1 / 2)  # 9 ≤ 10, but 12 > 10


@pytest.fixture(scope="module")
def report() -> CohortReport:
    return evaluate_cohort(simulate_cohort(patients=200, seed=2))


# Issue 3 targets: ≥ 95% within ±2 days, MAE ≤ 1.5, responded ≥ 98%, every censored course
# censored. This cohort (seed 2) meets all four (100% of 297 censored courses), but across the
# 49 cohorts of docs/analysis.md censoring measures 99.3–100%, so that floor (99%) guards the
# measured level, not the target.
def test_relief_days_within_two_days_of_truth(report: CohortReport) -> None:
    assert report.engine.completed_courses > 1000
    assert report.engine.within_2_days >= 0.95
    assert report.engine.mean_abs_error <= 1.5


def test_censored_courses_are_reported_censored(report: CohortReport) -> None:
    assert report.engine.censored_courses > 200
    assert report.engine.censored_recall >= 0.99
    assert report.engine.lower_bound_holds == 1.0


def test_response_classification(report: CohortReport) -> None:
    assert report.engine.responded_accuracy >= 0.98
    assert report.engine.response_accuracy > report.naive.response_accuracy


def test_engine_beats_the_naive_method(report: CohortReport) -> None:
    assert report.engine.within_2_days > report.naive.within_2_days
    assert report.engine.mean_abs_error < report.naive.mean_abs_error


def test_own_history_predicts_better_than_a_fixed_interval(report: CohortReport) -> None:
    assert report.prediction.courses > 100
    assert report.prediction.own_history_mae < 0.5 * report.prediction.fixed_interval_mae
