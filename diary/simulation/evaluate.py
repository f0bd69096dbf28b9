"""How close the analysis comes to the truth on simulated cohorts (docs/analysis.md, Accuracy).

    python -m diary.simulation.evaluate [patients] [seed]

prints the table for the engine and for the naive method of `diary.simulation.naive`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from diary.analysis.insights import compute_insights
from diary.analysis.models import ResponseClass
from diary.domain.settings import AnalysisSettings
from diary.simulation.naive import naive_courses
from diary.simulation.patient import SimulatedDiary, simulate_patient
from diary.simulation.profile import Strain
from diary.simulation.schedule import Margins

FIXED_INTERVAL_DAYS = 28
WITHIN_DAYS = 2


@dataclass(frozen=True)
class CourseResult:
    """One course as a method saw it."""

    response: ResponseClass
    relief_days: int | None
    censored: bool


@dataclass
class Tally:
    """Running counts for one method."""

    errors: list[int | None] = field(default_factory=list)
    """relief days − truth, for courses whose relief end the diary can show."""
    completed_censored: list[bool] = field(default_factory=list)
    """For the same courses: reported censored ("at least" days, scored as relief days)."""
    completed_lower_bound_holds: list[bool] = field(default_factory=list)
    """For those reported censored: "at least" days ≤ the true relief days."""
    response_hits: list[bool] = field(default_factory=list)
    responded_hits: list[bool] = field(default_factory=list)
    censored_hits: list[bool] = field(default_factory=list)
    gap_censored_hits: list[bool] = field(default_factory=list)
    lower_bound_holds: list[bool] = field(default_factory=list)
    without_baseline: int = 0
    """Courses the diary gives no baseline for, left out of every other measure."""

    def add(self, truth_days: int, censored_by: str | None, seen: CourseResult | None) -> None:
        if seen is None:
            return
        if censored_by is None:
            error = None if seen.relief_days is None else seen.relief_days - truth_days
            self.errors.append(error)
            self.completed_censored.append(seen.censored)
            if seen.censored and seen.relief_days is not None:
                self.completed_lower_bound_holds.append(seen.relief_days <= truth_days)
        elif censored_by == "gap":
            self.gap_censored_hits.append(seen.censored)
        else:
            self.censored_hits.append(seen.censored)
            if seen.relief_days is not None:
                self.lower_bound_holds.append(seen.relief_days <= truth_days)


@dataclass(frozen=True)
class Scores:
    """The accuracy figures of docs/analysis.md for one method."""

    completed_courses: int
    within_2_days: float
    """Relief days within ±2 days of the truth, "at least" days of a censored report included."""
    mean_abs_error: float
    completed_reported_censored: float
    """Share of the completed courses reported censored (0 when there are none)."""
    completed_lower_bound_holds: float
    """Of those, the share whose "at least" days are at most the true relief days."""
    within_2_days_ended: float
    """Reported as ended (not censored) and within ±2 days: a censored report is a miss."""
    response_accuracy: float
    responded_accuracy: float
    responses_judged: int
    censored_recall: float
    censored_courses: int
    gap_censored_recall: float
    gap_censored_courses: int
    lower_bound_holds: float
    without_baseline: int


def _share(hits: Sequence[bool]) -> float:
    return sum(hits) / len(hits) if hits else 1.0


def scores_of(tally: Tally) -> Scores:
    known = [abs(error) for error in tally.errors if error is not None]
    within = [error is not None and abs(error) <= WITHIN_DAYS for error in tally.errors]
    ended = [
        hit and not censored for hit, censored in zip(within, tally.completed_censored, strict=True)
    ]
    return Scores(
        completed_courses=len(tally.errors),
        within_2_days=_share(within),
        mean_abs_error=statistics.fmean(known) if known else 0.0,
        completed_reported_censored=(
            _share(tally.completed_censored) if tally.completed_censored else 0.0
        ),
        completed_lower_bound_holds=_share(tally.completed_lower_bound_holds),
        within_2_days_ended=_share(ended),
        response_accuracy=_share(tally.response_hits),
        responded_accuracy=_share(tally.responded_hits),
        responses_judged=len(tally.response_hits),
        censored_recall=_share(tally.censored_hits),
        censored_courses=len(tally.censored_hits),
        gap_censored_recall=_share(tally.gap_censored_hits),
        gap_censored_courses=len(tally.gap_censored_hits),
        lower_bound_holds=_share(tally.lower_bound_holds),
        without_baseline=tally.without_baseline,
    )


def engine_view(diary: SimulatedDiary, settings: AnalysisSettings) -> dict[dt.date, CourseResult]:
    insights = compute_insights(diary.entries, diary.infusions, diary.as_of, settings)
    return {c.start: CourseResult(c.response, c.relief_days, c.censored) for c in insights.courses}


def naive_view(diary: SimulatedDiary, settings: AnalysisSettings) -> dict[dt.date, CourseResult]:
    found = naive_courses(diary.entries, diary.infusions, diary.as_of, settings)
    return {c.start: CourseResult(c.response, c.relief_days, c.censored) for c in found}


def tally_diary(
    tally: Tally,
    diary: SimulatedDiary,
    seen: dict[dt.date, CourseResult],
    settings: AnalysisSettings,
) -> None:
    judged = courses_with_baseline(diary, settings)
    for truth, has_baseline in zip(diary.courses, judged, strict=True):
        result = seen.get(truth.start)
        if not has_baseline:
            tally.without_baseline += 1
            continue
        tally.add(truth.relief_days, truth.censored_by, result)
        if truth.best_pain is not None and result is not None:
            tally.response_hits.append(result.response is truth.response)
            seen_responded = result.response in (ResponseClass.RESPONSE, ResponseClass.SUBSTANTIAL)
            tally.responded_hits.append(seen_responded == truth.responded)


def courses_with_baseline(diary: SimulatedDiary, settings: AnalysisSettings) -> list[bool]:
    """Whether the diary gives each course a baseline by the rule of design.md §3.

    A course has one when enough entries were logged in the days before it (7 days, else
    14), or when the course before it has one (carried over). A course without one, e.g. a
    first course after two weeks with a single entry, cannot be judged by any method: the
    diary does not say how bad the pain was. Decided from the diary alone, not from what the
    engine reports, so it counts the same courses for every method.
    """
    logged = {entry.date for entry in diary.entries}
    found: list[bool] = []
    for truth in diary.courses:
        own = any(
            sum(truth.start - dt.timedelta(days=back) in logged for back in range(1, days + 1))
            >= settings.baseline_min_entries
            for days in (settings.baseline_days, settings.baseline_wide_days)
        )
        found.append(own or (bool(found) and found[-1]))
    return found


@dataclass(frozen=True)
class PredictionScores:
    """Predicted relief end at the end of a course vs the truth, in days."""

    courses: int
    own_history_mae: float
    fixed_interval_mae: float
    own_history_within_7: float
    fixed_interval_within_7: float


def prediction_errors(diary: SimulatedDiary, settings: AnalysisSettings) -> list[tuple[int, int]]:
    """(own-history error, fixed-28-day error) for each course the diary could predict."""
    errors: list[tuple[int, int]] = []
    for truth in diary.courses:
        if truth.censored or not truth.responded:
            continue
        insights = compute_insights(diary.entries, diary.infusions, truth.end, settings)
        predicted = insights.maintenance.predicted_relief_end
        if predicted is None:
            continue
        fixed = truth.end + dt.timedelta(days=FIXED_INTERVAL_DAYS)
        errors.append(((predicted - truth.relief_end).days, (fixed - truth.relief_end).days))
    return errors


def prediction_scores(errors: Sequence[tuple[int, int]]) -> PredictionScores:
    own = [abs(a) for a, _ in errors]
    fixed = [abs(b) for _, b in errors]
    return PredictionScores(
        courses=len(errors),
        own_history_mae=statistics.fmean(own) if own else 0.0,
        fixed_interval_mae=statistics.fmean(fixed) if fixed else 0.0,
        own_history_within_7=_share([e <= 7 for e in own]),
        fixed_interval_within_7=_share([e <= 7 for e in fixed]),
    )


@dataclass(frozen=True)
class CohortReport:
    patients: int
    courses: int
    engine: Scores
    naive: Scores
    prediction: PredictionScores


def simulate_cohort(
    patients: int,
    seed: int,
    days: int = 365,
    margins: Margins | None = None,
    strain: Strain | None = None,
) -> list[SimulatedDiary]:
    """`patients` diaries, each reproducible from (seed, its number)."""
    return [
        simulate_patient(seed * 1_000_003 + n, days, margins=margins, strain=strain)
        for n in range(patients)
    ]


def evaluate_cohort(
    diaries: Sequence[SimulatedDiary], settings: AnalysisSettings | None = None
) -> CohortReport:
    """Engine and naive method against the truth, and the maintenance prediction."""
    settings = settings or AnalysisSettings()
    engine, naive = Tally(), Tally()
    predictions: list[tuple[int, int]] = []
    for diary in diaries:
        tally_diary(engine, diary, engine_view(diary, settings), settings)
        tally_diary(naive, diary, naive_view(diary, settings), settings)
        predictions.extend(prediction_errors(diary, settings))
    return CohortReport(
        patients=len(diaries),
        courses=sum(len(diary.courses) for diary in diaries),
        engine=scores_of(engine),
        naive=scores_of(naive),
        prediction=prediction_scores(predictions),
    )


def format_report(report: CohortReport) -> str:
    """The Markdown table of docs/analysis.md."""
    rows = [
        ("completed courses", "completed_courses", "{}"),
        ("relief days within ±2 days of truth", "within_2_days", "{:.1%}"),
        ("mean absolute error (days)", "mean_abs_error", "{:.2f}"),
        (
            "completed courses reported censored (scored above by 'at least' days)",
            "completed_reported_censored",
            "{:.1%}",
        ),
        (
            "... their 'at least' days ≤ true relief days",
            "completed_lower_bound_holds",
            "{:.1%}",
        ),
        ("within ±2 days, a censored report counted as a miss", "within_2_days_ended", "{:.1%}"),
        ("responded (response/substantial) vs not: correct", "responded_accuracy", "{:.1%}"),
        ("IMMPACT class (4 classes) correct", "response_accuracy", "{:.1%}"),
        ("courses censored by next course / end of data", "censored_courses", "{}"),
        ("... reported censored", "censored_recall", "{:.1%}"),
        ("... 'at least' days ≤ true relief days", "lower_bound_holds", "{:.1%}"),
        ("courses whose return a gap hides", "gap_censored_courses", "{}"),
        ("... reported censored", "gap_censored_recall", "{:.1%}"),
        ("courses with no baseline in the diary (left out above)", "without_baseline", "{}"),
    ]
    lines = [
        f"{report.patients} patients, {report.courses} courses",
        "",
        "| measure | engine | naive |",
        "|---|---|---|",
    ]
    for label, name, fmt in rows:
        engine, naive = getattr(report.engine, name), getattr(report.naive, name)
        lines.append(f"| {label} | {fmt.format(engine)} | {fmt.format(naive)} |")
    p = report.prediction
    lines += [
        "",
        f"Predicted relief end at course end, {p.courses} courses with ≥ 2 earlier courses:",
        f"own history MAE {p.own_history_mae:.1f} days ({p.own_history_within_7:.0%} within 7),"
        f" fixed {FIXED_INTERVAL_DAYS}-day interval MAE {p.fixed_interval_mae:.1f} days"
        f" ({p.fixed_interval_within_7:.0%} within 7)",
    ]
    return "\n".join(lines)


def _patients(text: str) -> int:
    """The number of patients: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {text!r}")
    return int(text)


def _scale(text: str) -> float:
    """A --*-scale value: a number above 0."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < math.inf:
        raise argparse.ArgumentTypeError(f"must be a number above 0, got {text!r}")
    return value


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m diary.simulation.evaluate",
        description="Engine and naive method against the truth of a simulated cohort.",
    )
    parser.add_argument(
        "patients",
        nargs="?",
        type=_patients,
        default=300,
        help="how many simulated patients (default 300)",
    )
    parser.add_argument(
        "seed", nargs="?", type=int, default=2024, help="the cohort's seed (default 2024)"
    )
    parser.add_argument(
        "--no-margins", action="store_true", help="courses anywhere on the IMMPACT scale"
    )
    parser.add_argument(
        "--noise-scale",
        type=_scale,
        default=1.0,
        metavar="F",
        help="multiply each patient's day-to-day scatter by F",
    )
    parser.add_argument(
        "--missing-scale",
        type=_scale,
        default=1.0,
        metavar="F",
        help="multiply each patient's share of unlogged days by F (at most 60%%)",
    )
    return parser


def main(argv: Sequence[str]) -> None:
    options = _arguments().parse_args(argv[1:])
    margins = Margins(0, 0, 0, 0) if options.no_margins else None
    strain = Strain(noise=options.noise_scale, missing=options.missing_scale)
    cohort = simulate_cohort(options.patients, options.seed, margins=margins, strain=strain)
    sys.stdout.write(format_report(evaluate_cohort(cohort)) + "\n")


if __name__ == "__main__":
    main(sys.argv)
