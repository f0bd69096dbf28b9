"""Reading and writing the diary's CSV files."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from diary.domain import DailyEntry, Infusion, InvalidInput
from diary.export import csv_format

TODAY = dt.date(2026, 6, 15)


def read(text: str) -> list[DailyEntry]:
    return csv_format.read_entries(io.StringIO(text), TODAY)


def refusal(text: str) -> list[str]:
    with pytest.raises(InvalidInput) as refused:
        read(text)
    return [problem.describe() for problem in refused.value.problems]


class TestReadEntries:
    def test_any_subset_of_columns_in_any_order(self) -> None:
        entries = read("mood,pain,date\n5,3,2026-06-01\n,4,2026-06-02\n")
        assert entries == [
            DailyEntry(date=dt.date(2026, 6, 1), pain=3, mood=5),
            DailyEntry(date=dt.date(2026, 6, 2), pain=4),
        ]

    def test_excel_byte_order_mark_and_crlf(self) -> None:
        raw = "\ufeffdate,pain\r\n2026-06-01,3\r\n".encode()
        stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8-sig", newline="")
        assert csv_format.read_entries(stream, TODAY)[0].pain == 3

    def test_warning_signs_separated_by_semicolons(self) -> None:
        entry = read("date,pain,warning_signs\n2026-06-01,3, chest_pain ; fainting\n")[0]
        assert [sign.value for sign in entry.warning_signs] == ["chest_pain", "fainting"]

    def test_quoted_notes_keep_commas_quotes_and_newlines(self) -> None:
        text = 'date,pain,notes\n2026-06-01,3,"a, ""b""\nc "\n'
        assert read(text)[0].notes == 'a, "b"\nc '

    @pytest.mark.parametrize(
        ("cell", "expected"), [("true", True), ("FALSE", False), ("yes", True), ("0", False)]
    )
    def test_booleans(self, cell: str, expected: bool) -> None:
        assert (
            read(f"date,pain,hallucinations\n2026-06-01,3,{cell}\n")[0].hallucinations is expected
        )

    def test_blank_lines_are_skipped(self) -> None:
        assert len(read("date,pain\n2026-06-01,3\n\n2026-06-02,4\n")) == 2


class TestRefusals:
    def test_every_bad_row_is_reported(self) -> None:
        text = "date,pain,mood\n2026-06-01,3,\n2026-06-02,11,\n2026-06-03,2,x\n2026-99-01,2,\n"
        assert refusal(text) == [
            "row 2, pain: must be a whole number from 0 to 10 (got '11')",
            "row 3, mood: must be a whole number from 0 to 10 (got 'x')",
            "row 4, date: must be a date written YYYY-MM-DD (got '2026-99-01')",
        ]

    def test_missing_and_unknown_columns(self) -> None:
        problems = refusal("date,pian\n2026-06-01,3\n")
        assert problems[0].startswith("header: unknown column (known columns: date, pain,")
        assert problems[0].endswith("(got 'pian')")
        assert problems[1] == "header: lacks a required column (got 'pain')"

    def test_repeated_column(self) -> None:
        assert refusal("date,pain,pain\n2026-06-01,3,4\n") == [
            "header: names this column twice (got 'pain')"
        ]

    def test_repeated_date(self) -> None:
        assert refusal("date,pain\n2026-06-01,3\n2026-06-01,4\n") == [
            "row 2, date: repeats the date of row 1 (one entry per day) (got '2026-06-01')"
        ]

    def test_wrong_number_of_cells(self) -> None:
        assert refusal("date,pain\n2026-06-01,3,9\n") == [
            "row 1, row: has 3 cells but the header has 2 columns"
        ]

    def test_future_day(self) -> None:
        assert refusal("date,pain\n2026-06-16,3\n") == [
            "row 1, date: must not be in the future (today is 2026-06-15) (got '2026-06-16')"
        ]

    def test_empty_file(self) -> None:
        assert refusal("") == ["header: the file is empty"]


class TestWrite:
    def test_header_is_the_vocabulary_in_order(self) -> None:
        out = io.StringIO()
        csv_format.write_entries([], out)
        assert out.getvalue().startswith("date,pain,pain_worst,mood,sleep_hours,")
        assert out.getvalue().rstrip().endswith("rescue_doses,notes")

    def test_numbers_and_flags_written_plainly(self) -> None:
        out = io.StringIO()
        entry = DailyEntry(
            date=dt.date(2026, 6, 1),
            pain=3,
            sleep_hours=7.0,
            hallucinations=False,
            warning_signs=("dark_urine", "fainting"),
        )
        csv_format.write_entries([entry], out)
        row = out.getvalue().splitlines()[1].split(",")
        assert row[4] == "7"
        assert row[7] == "false"
        assert row[16] == "dark_urine;fainting"


class TestInfusions:
    def test_rows_without_id_get_a_new_one(self) -> None:
        text = "date,dose_mg\n2026-06-01,35\n2026-06-02,\n"
        infusions = csv_format.read_infusions(io.StringIO(text), TODAY)
        assert [i.dose_mg for i in infusions] == [35, None]
        assert infusions[0].id != infusions[1].id

    def test_round_trip_keeps_ids(self) -> None:
        original = [Infusion(date=dt.date(2026, 6, 1), dose_mg=35.25, notes="ok, fine")]
        out = io.StringIO()
        csv_format.write_infusions(original, out)
        assert csv_format.read_infusions(io.StringIO(out.getvalue()), TODAY) == original

    def test_bad_route_named(self) -> None:
        with pytest.raises(InvalidInput) as refused:
            csv_format.read_infusions(io.StringIO("date,route\n2026-06-01,iv drip\n"), TODAY)
        assert refused.value.problems[0].describe() == (
            "row 1, route: must be one of: iv, im, subcutaneous, intranasal, oral, other"
            " (got 'iv drip')"
        )


class TestFormulaInjection:
    """Notes that a spreadsheet would run as a formula are neutralised, and come back intact."""

    @pytest.mark.parametrize(
        "note", ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\tx", "'quoted", "''"]
    )
    def test_written_with_a_quote_and_read_back_exactly(self, note: str) -> None:
        entry = DailyEntry(date=dt.date(2026, 6, 1), pain=3, notes=note)
        out = io.StringIO()
        csv_format.write_entries([entry], out)
        cell = next(csv.reader(io.StringIO(out.getvalue().splitlines()[1])))[-1]
        assert cell == "'" + note
        assert read(out.getvalue())[0].notes == note

    def test_plain_notes_are_untouched(self) -> None:
        out = io.StringIO()
        csv_format.write_entries([DailyEntry(date=dt.date(2026, 6, 1), pain=3, notes="ok")], out)
        assert out.getvalue().splitlines()[1].endswith(",ok")

    def test_infusion_notes_too(self) -> None:
        infusion = Infusion(date=dt.date(2026, 6, 1), notes="=cmd|' /C calc'!A0")
        out = io.StringIO()
        csv_format.write_infusions([infusion], out)
        assert ",'=cmd" in out.getvalue()
        assert csv_format.read_infusions(io.StringIO(out.getvalue()), TODAY) == [infusion]
