"""The `diary` command, run in-process on real diary files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import stat
import subprocess
import sys
from pathlib import Path

from diary.storage.migrate import head_revision
from tests.conftest import TODAY
from tests.factories import daily_entries, infusions_every
from tests.services.test_transfer import csv_files


def test_log_then_list_today(run) -> None:  # type: ignore[no-untyped-def]
    logged = run("log", "--pain", "5", "--mood", "6", "--warning-sign", "dark_urine")
    assert logged.exit_code == 0, logged.output
    assert "Logged 2026-06-15: pain 5, mood 6, warning_signs dark_urine" in logged.output
    listed = run("entries", "--json")
    assert json.loads(listed.output)["pain"] == 5


def test_log_again_updates_only_given_fields(run) -> None:  # type: ignore[no-untyped-def]
    run("log", "--date", "2026-06-10", "--pain", "5", "--nausea", "3")
    updated = run("log", "--date", "2026-06-10", "--sleep-hours", "7.25", "--clear", "nausea")
    assert updated.exit_code == 0, updated.output
    entry = json.loads(run("entries", "--json").output)
    assert (entry["pain"], entry["sleep_hours"], entry["nausea"]) == (5, 7.25, None)


def test_bad_value_refused_with_field_and_rule(run) -> None:  # type: ignore[no-untyped-def]
    refused = run("log", "--pain", "11")
    assert refused.exit_code == 1
    assert "pain: must be a whole number from 0 to 10 (got 11)" in refused.output
    assert "nothing was written" in refused.output
    assert run("entries", "--json").output == ""


def test_refusals_name_the_option_given(run) -> None:  # type: ignore[no-untyped-def]
    """The command line names its own options, not the fields behind them (found by a
    new user: `sleep_hours: ...` and `warning_signs.0: ...`)."""
    refusals = {
        ("--pain", "5", "--sleep-hours", "25"): "--sleep-hours: must be a number of hours",
        ("--pain", "5", "--warning-sign", "foo"): "--warning-sign: each sign must be one of",
        ("--mood", "5"): "--pain: is required for a day not logged yet",
    }
    for arguments, wording in refusals.items():
        refused = run("log", *arguments)
        assert refused.exit_code == 1, refused.output
        assert wording in " ".join(refused.output.split()), refused.output
    assert run("entries", "--json").output == ""


def test_a_number_that_is_not_whole_is_refused_with_the_rule(run) -> None:  # type: ignore[no-untyped-def]
    refusals = {
        ("--pain", "5.5"): "must be a whole number from 0 to 10 (got '5.5')",
        ("--pain", "5", "--vomiting", "1.5"): "must be a whole number of episodes",
        ("--pain", "5", "--sleep-hours", "seven"): "must be a number of hours from 0 to 24",
    }
    for arguments, wording in refusals.items():
        refused = run("log", *arguments)
        assert refused.exit_code == 2, refused.output
        text = " ".join(refused.output.replace("│", " ").split())
        assert wording in text, refused.output
        assert "Input should be" not in text
    assert run("entries", "--json").output == ""


def test_infusion_refusals_name_the_option_and_the_rule(run) -> None:  # type: ignore[no-untyped-def]
    refusals = {
        ("--dose-mg", "0"): (1, "--dose-mg: must be a number of milligrams greater than 0"),
        ("--route", "foo"): (1, "--route: must be one of: iv, im"),
        ("--duration-min", "1.5"): (2, "must be a whole number of minutes from 1 to 1440"),
        ("--dose-mg", "lots"): (2, "must be a number of milligrams"),
    }
    for arguments, (code, wording) in refusals.items():
        refused = run("infusion", "add", *arguments)
        assert refused.exit_code == code, refused.output
        text = " ".join(refused.output.replace("│", " ").split())
        assert wording in text, refused.output
        assert "Input should be" not in text
    assert "0 infusions" in run("infusion", "list").output


def test_an_infusion_recorded_late_shows_the_flag_it_raised(run) -> None:  # type: ignore[no-untyped-def]
    """Upper abdominal pain logged on 14 June; the infusion of 10 June recorded after it."""
    logged = run(
        "log", "--date", "2026-06-14", "--pain", "4", "--warning-sign", "upper_abdominal_pain"
    )
    assert "Contact" not in logged.output
    added = run("infusion", "add", "--date", "2026-06-10")
    assert added.exit_code == 0, added.output
    text = " ".join(added.output.split())
    assert "2026-06-14" in text
    assert "upper abdominal pain 4 days after an infusion" in text
    assert text.index("2026-06-14") < text.index("Recorded infusion")  # flags come first


def test_a_number_is_written_plainly(run) -> None:  # type: ignore[no-untyped-def]
    """Python would read "5_0" as 50 and " 5" as 5; the diary refuses what was typed."""
    for typed in ("5_0", " 5", "٥"):
        refused = run("log", "--pain", typed)
        assert refused.exit_code == 2, refused.output
        assert f"(got {typed!r})" in " ".join(refused.output.replace("│", " ").split())


def test_import_refuses_row_40_and_writes_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    entries_csv, _ = csv_files(daily_entries(60, TODAY, seed=2), [])
    rows = list(csv.reader(io.StringIO(entries_csv)))
    rows[40][1] = "11"
    path = tmp_path / "bad.csv"
    with path.open("w", newline="") as stream:
        csv.writer(stream).writerows(rows)
    refused = run("import", "--entries", str(path))
    assert refused.exit_code == 1
    assert "row 40, pain: must be a whole number from 0 to 10 (got '11')" in refused.output
    assert run("entries", "--all", "--json").output == ""


def test_export_import_round_trip_through_files(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    entries_csv, infusions_csv = csv_files(
        daily_entries(400, TODAY, seed=4), infusions_every(6, dt.date(2025, 6, 2), 6, seed=4)
    )
    (tmp_path / "in.csv").write_text(entries_csv, newline="")
    (tmp_path / "in-inf.csv").write_text(infusions_csv, newline="")
    imported = run(
        "import", "--entries", str(tmp_path / "in.csv"), "--infusions", str(tmp_path / "in-inf.csv")
    )
    assert "Imported 400 entries and 30 infusions." in imported.output
    exported = run("export", "--format", "csv", "--out", str(tmp_path / "out" / "diary.csv"))
    assert exported.exit_code == 0, exported.output
    out_entries = tmp_path / "out" / "diary.csv"
    out_infusions = tmp_path / "out" / "diary-infusions.csv"
    assert out_entries.read_bytes().decode() == entries_csv
    assert out_infusions.read_bytes().decode() == infusions_csv
    assert stat.S_IMODE(out_entries.stat().st_mode) == 0o600


def test_json_export_into_a_new_diary(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("log", "--date", "2026-06-01", "--pain", "4", "--notes", "first day")
    run("infusion", "add", "--date", "2026-05-30", "--dose-mg", "35")
    run("export", "--format", "json", "--out", str(tmp_path / "all.json"))
    other = {"DIARY_DB": str(tmp_path / "other.db")}
    assert run("import", "--json", str(tmp_path / "all.json"), environ=other).exit_code == 0
    run("export", "--format", "json", "--out", str(tmp_path / "again.json"), environ=other)
    first, again = (json.loads((tmp_path / n).read_text()) for n in ("all.json", "again.json"))
    assert first == again
    assert first["entries"][0]["notes"] == "first day"


def test_export_range(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for day in ("2026-06-01", "2026-06-02", "2026-06-03"):
        run("log", "--date", day, "--pain", "3")
    run(
        "export",
        "--format",
        "json",
        "--from",
        "2026-06-02",
        "--to",
        "2026-06-02",
        "--out",
        str(tmp_path / "one.json"),
    )
    document = json.loads((tmp_path / "one.json").read_text())
    assert [e["date"] for e in document["entries"]] == ["2026-06-02"]


def test_delete_asks_first(run) -> None:  # type: ignore[no-untyped-def]
    run("log", "--date", "2026-06-01", "--pain", "4")
    assert run("delete", "2026-06-01", stdin="n\n").exit_code == 1
    assert run("entries", "--all", "--json").output != ""
    assert run("delete", "2026-06-01", stdin="y\n").exit_code == 0
    assert run("entries", "--all", "--json").output == ""


def test_infusions_and_courses(run) -> None:  # type: ignore[no-untyped-def]
    for day in ("2026-06-01", "2026-06-02", "2026-06-05"):
        assert run("infusion", "add", "--date", day, "--dose-mg", "35").exit_code == 0
    courses = run("courses")
    assert "2026-06-01" in courses.output
    assert "2026-06-05" in courses.output
    assert "1 course" in courses.output
    assert "1 courses" not in courses.output
    assert "(s)" not in courses.output
    assert "105" in courses.output


def test_bad_date_option_named(run) -> None:  # type: ignore[no-untyped-def]
    refused = run("log", "--pain", "3", "--date", "15/06/2026")
    assert refused.exit_code == 2
    assert "must be a date written YYYY-MM-DD" in refused.output


def test_db_option_overrides_environment(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("--db", str(tmp_path / "chosen.db"), "log", "--pain", "2")
    assert (tmp_path / "chosen.db").exists()
    assert run("entries", "--json").output == ""


def test_db_upgrade_and_status(run) -> None:  # type: ignore[no-untyped-def]
    head = head_revision()
    assert f"from empty to {head}" in run("db", "upgrade").output
    assert f"Schema: {head} (latest: {head})" in run("db", "status").output


def test_installed_console_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "diary", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "import" in result.stdout


def test_flags_shown_before_the_saved_line(run) -> None:  # type: ignore[no-untyped-def]
    logged = run("log", "--pain", "4", "--warning-sign", "chest_pain")
    assert logged.exit_code == 0, logged.output
    assert logged.output.index("EMERGENCY") < logged.output.index("Logged 2026-06-15")
    assert "diary flags ack 2026-06-15:emergency.chest_pain" in logged.output


def test_flags_listed_and_acknowledged(run) -> None:  # type: ignore[no-untyped-def]
    run("log", "--pain", "4", "--blood-in-urine", "clots")
    assert "same_day.blood_in_urine" in run("flags").output
    acknowledged = run("flags", "ack", "2026-06-15:same_day.blood_in_urine")
    assert acknowledged.exit_code == 0, acknowledged.output
    assert "No open warning flags." in run("flags").output
    assert run("flags", "ack", "2026-06-15:nonsense").exit_code == 1


def test_insights_json_document(run) -> None:  # type: ignore[no-untyped-def]
    run("log", "--date", "2026-06-01", "--pain", "6")
    run("infusion", "add", "--date", "2026-06-02")
    document = json.loads(run("insights", "--json", "--as-of", "2026-06-10").output)
    assert set(document) == {
        "as_of",
        "courses",
        "relief_days_median",
        "maintenance",
        "flags",
    }
    assert document["as_of"] == "2026-06-10"
    assert set(document["courses"][0]) == {
        "start",
        "end",
        "infusions",
        "baseline_pain",
        "best_pain",
        "best_relief_pct",
        "response",
        "responded",
        "relief_end",
        "relief_days",
        "censored",
        "ongoing",
    }
    assert set(document["maintenance"]) == {
        "status",
        "predicted_relief_end",
        "discuss_from",
        "message",
    }
    assert "Maintenance" in run("insights").output


def test_insights_on_the_day_of_an_infusion_says_ongoing_not_zero_days(run) -> None:  # type: ignore[no-untyped-def]
    for day in range(1, 8):
        run("log", "--date", f"2026-06-{day:02d}", "--pain", "6")
    run("infusion", "add", "--date", "2026-06-08")
    table = run("insights", "--as-of", "2026-06-08").output
    assert "ongoing" in table
    assert "0 days" not in table
    course = json.loads(run("insights", "--json", "--as-of", "2026-06-08").output)["courses"][0]
    assert (course["relief_days"], course["censored"], course["ongoing"]) == (0, True, True)


def test_insights_after_one_ordinary_day_is_too_early_then_one_day(run) -> None:  # type: ignore[no-untyped-def]
    """One usual score after a course: too early to call; a second one: no change, 1 day."""
    for day in range(1, 8):
        run("log", "--date", f"2026-06-{day:02d}", "--pain", "7")
    run("infusion", "add", "--date", "2026-06-08")
    run("log", "--date", "2026-06-09", "--pain", "7")
    early = run("insights", "--as-of", "2026-06-09").output
    assert "ongoing" in early
    assert "insufficient data" in early
    assert "too early to tell" in early
    run("log", "--date", "2026-06-10", "--pain", "7")
    table = run("insights", "--as-of", "2026-06-10").output
    assert " 1 day " in table
    assert "none" in table
