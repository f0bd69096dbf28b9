"""Words for the analysis' numbers that the terminal app and the command line share with
the exports. Kept apart from `wording` so that screens can use them without loading the
appointment summary's code."""

from __future__ import annotations

from diary.analysis import CourseInsight


def count_text(count: int, noun: str) -> str:
    """`1 course`, `3 courses`: a count with its noun (nouns that take an s)."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def days_text(count: int) -> str:
    return count_text(count, "day")


def relief_cell(course: CourseInsight, at_least: str = "at least ") -> str:
    """Relief in a table cell: `34 days`, `at least 20 days`, `ongoing` or `unknown`.

    `at_least` marks a lower bound (the command line's narrow table writes `≥ `).
    """
    days = course.relief_days
    if days is None or not course.relief_days_known:
        return "ongoing" if course.ongoing else "unknown"
    return f"{at_least}{days_text(days)}" if course.censored else days_text(days)
