"""The daily entry form, shared by the Today screen and the day editor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from diary.domain import DailyEntry, FieldProblem, WarningSign
from tui.widgets.common.field_problems import forget_problem
from tui.widgets.today.fields import FIELDS, NOT_CARRIED_FROM_YESTERDAY, SECTIONS, SIGN_LABELS
from tui.widgets.today.inputs import FieldRow, read_answer, show_answer
from tui.widgets.today.score_field import ScoreField

AnswerChanged = (
    Input.Changed | Select.Changed | Checkbox.Changed | ScoreField.Changed | TextArea.Changed
)


class EntryForm(VerticalScroll, can_focus=False):
    """Every field of a day; reads back the raw answers, shows the domain's problems."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="entry-form")
        self._shown: dict[str, Any] = {}
        self._yesterday: DailyEntry | None = None

    def compose(self) -> ComposeResult:
        for section in SECTIONS:
            yield Label(section.title, classes="section-title")
            if section.note:
                yield Label(section.note, classes="section-note")
            for field in section.fields:
                yield FieldRow(field)
        yield Label("Warning signs: tick any you had", classes="section-title")
        with Grid(id="warning-signs"):
            for sign, label in SIGN_LABELS.items():
                yield Checkbox(label, compact=True, id=f"sign-{sign.value}")
        yield Label("Notes", classes="section-title")
        yield TextArea(id="notes", classes="notes", show_line_numbers=False, compact=True)

    def field_widget(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    def answers(self) -> dict[str, Any]:
        """The raw answers, keyed by vocabulary name; an empty answer is None."""
        values = {name: read_answer(self.field_widget(name)) for name in FIELDS}
        values["warning_signs"] = [
            sign.value
            for sign in WarningSign
            if self.query_one(f"#sign-{sign.value}", Checkbox).value
        ]
        values["notes"] = read_answer(self.field_widget("notes"))
        return values

    @property
    def has_changes(self) -> bool:
        """Whether the answers differ from the day as it was shown."""
        return self.answers() != self._shown

    def show_entry(self, entry: DailyEntry | None) -> None:
        """Show a stored day (or an empty form), with no problems and no changes."""
        for name in FIELDS:
            show_answer(self.field_widget(name), getattr(entry, name) if entry else None)
        signs = set(entry.warning_signs) if entry else set()
        for sign in WarningSign:
            self.query_one(f"#sign-{sign.value}", Checkbox).value = sign in signs
        show_answer(self.field_widget("notes"), entry.notes if entry else None)
        self.clear_problems()
        self._shown = self.answers()

    def offer_yesterday(self, entry: DailyEntry | None) -> None:
        """Show yesterday's answers beside the fields, without filling anything in."""
        self._yesterday = entry
        for name in FIELDS:
            value = getattr(entry, name) if entry else None
            hint = "" if value is None else f"yesterday {_shown_value(value)}"
            self.query_one(f"#hint-{name}", Label).update(hint)

    def use_yesterday(self) -> int:
        """Fill the empty fields with yesterday's answers; how many were filled."""
        if self._yesterday is None:
            return 0
        filled = 0
        for name in FIELDS.keys() - NOT_CARRIED_FROM_YESTERDAY:
            widget, value = self.field_widget(name), getattr(self._yesterday, name)
            if value is not None and read_answer(widget) is None:
                show_answer(widget, value)
                filled += 1
        return filled

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(ScoreField.Changed)
    @on(TextArea.Changed)
    def _answer_changed(self, event: AnswerChanged) -> None:
        name = event.control.id or ""
        forget_problem(self, "warning_signs" if name.startswith("sign-") else name)

    def show_problems(self, problems: Sequence[FieldProblem]) -> list[FieldProblem]:
        """Put each problem under its field and focus the first; the ones with no field here."""
        self.clear_problems()
        unplaced: list[FieldProblem] = []
        for problem in problems:
            name = problem.field.split(".")[0]
            anchor = self._problem_anchor(name)
            if anchor is None:
                unplaced.append(problem)
                continue
            classes = f"field-problem problem-{name}"
            label = Label(_problem_text(problem), classes=classes, markup=False)
            self.mount(label, after=anchor)
        placed = [problem for problem in problems if problem not in unplaced]
        if placed:
            self._focus_target(placed[0].field.split(".")[0]).focus()
        return unplaced

    def clear_problems(self) -> None:
        self.query(".field-problem").remove()

    def _problem_anchor(self, name: str) -> Widget | None:
        """The widget a problem with field `name` is shown under (None: not on this form)."""
        if name in FIELDS:
            return self.query_one(f"#row-{name}")
        if name == "warning_signs":
            return self.query_one("#warning-signs")
        return self.field_widget("notes") if name == "notes" else None

    def _focus_target(self, name: str) -> Widget:
        if name == "warning_signs":
            return self.query_one("#warning-signs Checkbox")
        return self.field_widget(name)


def _shown_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _problem_text(problem: FieldProblem) -> str:
    shown = "" if problem.value is None else f" (you entered {problem.value})"
    return f"⚠ {problem.rule}{shown}"
