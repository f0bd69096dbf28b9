"""Warning flags: every tier, the must-show rules, and flags returned with a save."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diary.analysis import (
    Flag,
    Tier,
    evaluate_flags,
    flags_for_saved_day,
    flags_for_saved_days,
    flags_for_saved_infusion,
)
from diary.analysis.flags_urgent import EMERGENCY_SIGNS
from diary.domain import BloodInUrine, DailyEntry, WarningSign
from diary.simulation import simulate_patient
from tests.analysis.helpers import day, entry, infusions_on

QUIET = {"nausea": 0, "sleep_quality": 7, "bladder_pain": 0}


def rules(flags: list[Flag]) -> set[str]:
    return {flag.rule for flag in flags}


@pytest.mark.parametrize("blood", [BloodInUrine.RED, BloodInUrine.CLOTS])
def test_visible_blood_raises_same_day_flag_on_that_date(blood: BloodInUrine) -> None:
    entries = [entry(d, 5) for d in range(5)] + [entry(5, 5, blood_in_urine=blood)]
    flags = evaluate_flags(entries, [], day(5))
    assert [(f.date, f.tier, f.rule) for f in flags] == [
        (day(5), Tier.SAME_DAY, "same_day.blood_in_urine")
    ]
    assert "contact your clinic" in flags[0].message


@pytest.mark.parametrize("sign", list(EMERGENCY_SIGNS))
def test_every_emergency_sign_raises_emergency_flag(sign: WarningSign) -> None:
    flags = evaluate_flags([entry(0, 5, warning_signs=(sign,))], [], day(0))
    assert [(f.tier, f.rule) for f in flags] == [(Tier.EMERGENCY, f"emergency.{sign.value}")]
    assert "Call emergency services" in flags[0].message
    assert "crisis line" in flags[0].message


def test_simulated_diaries_raise_no_emergency_or_same_day_flags() -> None:
    for seed in range(5):
        simulated = simulate_patient(seed)
        flags = evaluate_flags(simulated.entries, simulated.infusions, simulated.as_of)
        assert {f.tier for f in flags} <= {Tier.REVIEW}


NON_URGENT_SIGNS = [s for s in WarningSign if s not in EMERGENCY_SIGNS]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "pain": st.integers(0, 10),
                "blood": st.sampled_from([None, BloodInUrine.NONE, BloodInUrine.PINK]),
                "signs": st.lists(st.sampled_from(NON_URGENT_SIGNS), max_size=2),
            }
        ),
        min_size=1,
        max_size=30,
    )
)
def test_without_those_inputs_no_emergency_or_blood_flags(rows: list[dict[str, Any]]) -> None:
    entries = [
        DailyEntry(
            date=day(i), pain=r["pain"], blood_in_urine=r["blood"], warning_signs=tuple(r["signs"])
        )
        for i, r in enumerate(rows)
    ]
    flags = evaluate_flags(entries, infusions_on(0), day(len(rows)))
    assert not [f for f in flags if f.tier is Tier.EMERGENCY]
    assert "same_day.blood_in_urine" not in rules(flags)


def test_same_day_rules() -> None:
    entries = [
        entry(0, 5, unable_to_urinate=True),
        entry(1, 5, urination_pain=7, bladder_pain=8),
        entry(2, 5, warning_signs=(WarningSign.DARK_URINE, WarningSign.UPPER_ABDOMINAL_PAIN)),
        entry(3, 5, hallucinations=True, dissociation=8),
        entry(4, 5, nausea=8, vomiting=6),
        entry(30, 5, warning_signs=(WarningSign.UPPER_ABDOMINAL_PAIN,)),
    ]
    flags = evaluate_flags(entries, infusions_on(1), day(30))
    assert {f.tier for f in flags} == {Tier.SAME_DAY}
    assert rules(flags) == {
        "same_day.unable_to_urinate",
        "same_day.urination_pain",
        "same_day.bladder_pain",
        "same_day.dark_urine",
        "same_day.upper_abdominal_pain",
        "same_day.hallucinations",
        "same_day.dissociation",
        "same_day.nausea_vomiting",
    }
    assert [f.date for f in flags if f.rule == "same_day.upper_abdominal_pain"] == [day(2)]


def test_dissociation_on_infusion_day_or_day_after_is_expected() -> None:
    entries = [entry(1, 5, dissociation=9), entry(2, 5, hallucinations=True)]
    assert evaluate_flags(entries, infusions_on(1), day(2)) == []


def test_review_rules_fire_once_per_episode() -> None:
    entries = [entry(d, 5, urinary_urgency=5, nausea=5, sleep_quality=2) for d in range(0, 10)]
    flags = evaluate_flags(entries, [], day(9))
    by_rule = {f.rule: f.date for f in flags}
    assert by_rule == {
        "review.bladder_symptoms": day(2),
        "review.nausea": day(2),
        "review.poor_sleep": day(4),
    }
    assert all(f.tier is Tier.REVIEW for f in flags)


def test_pain_above_baseline_after_a_course() -> None:
    entries = [entry(d, 5) for d in range(0, 20)] + [entry(d, 8) for d in range(21, 26)]
    flags = evaluate_flags(entries, infusions_on(20), day(25))
    assert [(f.rule, f.date) for f in flags] == [("review.pain_above_baseline", day(23))]


def test_shrinking_relief_is_flagged_when_a_booster_follows_the_shortest_soon() -> None:
    """Relief of 21, 11 and 3 days, the next course 14 days after the third: a relief that
    shrank to days is the pattern the flag is for, booster or not (found in review)."""
    pains = dict.fromkeys(range(125), 8)
    for first, last in [(11, 30), (51, 60), (81, 82), (95, 110)]:
        pains.update(dict.fromkeys(range(first, last + 1), 2))
    entries = [entry(d, pain) for d, pain in sorted(pains.items())]
    flags = evaluate_flags(entries, infusions_on(10, 50, 80, 94), day(124))
    shrinking = [f for f in flags if f.rule == "review.relief_shrinking"]
    assert [(f.date, f.message[:55]) for f in shrinking] == [
        (day(83), "Relief got shorter over 3 courses in a row (21, 11, 3 d")
    ]


def test_flags_for_saved_day_returns_what_the_save_raised() -> None:
    entries = [entry(0, 5, nausea=5), entry(1, 5, nausea=5), entry(2, 5, **QUIET)]
    assert flags_for_saved_day(entries, [], day(2)) == []
    saved = entry(2, 5, nausea=5, blood_in_urine=BloodInUrine.RED)
    raised = flags_for_saved_day([*entries[:2], saved], [], day(2))
    assert rules(raised) == {"review.nausea", "same_day.blood_in_urine"}
    assert raised[0].tier is Tier.SAME_DAY


def test_red_urine_on_a_pushed_day_raises_same_day_on_that_date() -> None:
    entries = [entry(d, 5) for d in range(4)] + [entry(4, 5, blood_in_urine=BloodInUrine.RED)]
    raised = flags_for_saved_days(entries, [], {day(3), day(4)})
    assert [(f.date, f.tier, f.rule) for f in raised] == [
        (day(4), Tier.SAME_DAY, "same_day.blood_in_urine")
    ]


@pytest.mark.parametrize("pushed", [(1, 2), (0, 1)])
def test_two_pushed_days_completing_a_bladder_run_raise_the_review(
    pushed: tuple[int, int],
) -> None:
    """Either way round: the run ends on a pushed day, or on a day already stored."""
    entries = [entry(d, 5, bladder_pain=5) for d in range(3)]
    raised = flags_for_saved_days(entries, [], [day(d) for d in pushed])
    assert [(f.date, f.rule) for f in raised] == [(day(2), "review.bladder_symptoms")]


def test_a_day_not_pushed_does_not_bring_its_own_flag() -> None:
    entries = [entry(0, 5, unable_to_urinate=True), entry(1, 5, blood_in_urine=BloodInUrine.RED)]
    assert flags_for_saved_days(entries, [], [day(0)]) == flags_for_saved_day(entries, [], day(0))
    assert [f.rule for f in flags_for_saved_days(entries, [], [day(0)])] == [
        "same_day.unable_to_urinate"
    ]
    assert flags_for_saved_days(entries, [], []) == []


def test_saved_days_flags_come_most_urgent_first_as_evaluate_flags_gives() -> None:
    entries = [
        entry(0, 5, urinary_urgency=5),
        entry(1, 5, urinary_urgency=5, blood_in_urine=BloodInUrine.CLOTS),
        entry(2, 5, urinary_urgency=5, warning_signs=(WarningSign.CHEST_PAIN,)),
    ]
    raised = flags_for_saved_days(entries, [], [day(1), day(2)])
    assert raised == evaluate_flags(entries, [], day(2))
    assert [f.tier for f in raised] == [Tier.EMERGENCY, Tier.SAME_DAY, Tier.REVIEW]


def test_flag_key_is_stable() -> None:
    flag = evaluate_flags([entry(0, 5, unable_to_urinate=True)], [], day(0))[0]
    assert flag.key == f"{dt.date(2024, 1, 1).isoformat()}:same_day.unable_to_urinate"


def test_an_infusion_recorded_after_the_pain_raises_its_flag() -> None:
    """Upper abdominal pain logged on day 50, the infusion of day 45 recorded afterwards: the
    infusion's save raises the same-day flag (it would not exist without it); an infusion a
    month earlier raises nothing."""
    entries = [entry(d, 4) for d in range(40, 52) if d != 50]
    entries.append(entry(50, 4, warning_signs=[WarningSign.UPPER_ABDOMINAL_PAIN]))
    long_ago, recent = infusions_on(10, 45)
    (raised,) = flags_for_saved_infusion(entries, [recent], recent)
    assert (raised.date, raised.tier) == (day(50), "same_day")
    assert raised.rule == "same_day.upper_abdominal_pain"
    assert flags_for_saved_infusion(entries, [long_ago], long_ago) == []
    assert flags_for_saved_infusion(entries, [long_ago, recent], long_ago) == []
