"""The fields of an infusion day, with the domain's problems shown beside them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select

from diary.domain import FieldProblem, Infusion, Route
from tui.widgets.common.field_problems import forget_problem
from tui.wording import number

FIELDS = (
    ("date", "Day (YYYY-MM-DD)*"),
    ("route", "Given as"),
    ("dose_mg", "Dose (mg)"),
    ("duration_min", "Minutes it ran"),
    ("notes", "Notes"),
)
ROUTE_NAMES = {
    Route.IV: "IV (into a vein)",
    Route.IM: "IM (into a muscle)",
    Route.SUBCUTANEOUS: "under the skin",
    Route.INTRANASAL: "nasal spray",
    Route.ORAL: "by mouth",
    Route.OTHER: "other",
}


class InfusionForm(Vertical):
    """Reads back raw answers for `diary.domain.parse_infusion`."""

    def __init__(self, infusion: Infusion | None, today: dt.date) -> None:
        super().__init__(id="infusion-form")
        self.infusion, self.today = infusion, today

    def compose(self) -> ComposeResult:
        for name, label in FIELDS:
            with Horizontal(id=f"row-{name}", classes="field-line"):
                yield Label(label, classes="field-label")
                yield self._input(name)

    def _input(self, name: str) -> Input | Select[str]:
        given = self.infusion
        if name == "route":
            options = [(title, route.value) for route, title in ROUTE_NAMES.items()]
            chosen = given.route.value if given else Route.IV.value
            return Select(options, value=chosen, allow_blank=False, compact=True, id=name)
        value: Any = getattr(given, name) if given else (self.today if name == "date" else None)
        text = value.isoformat() if isinstance(value, dt.date) else number(value)
        return Input(text if value is not None else "", compact=True, id=name)

    def answers(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, _ in FIELDS:
            widget = self.query_one(f"#{name}")
            raw = widget.value if isinstance(widget, Select | Input) else None
            text = str(raw).strip() if raw is not None and raw is not Select.NULL else ""
            values[name] = text or None
        return values

    @on(Input.Changed)
    @on(Select.Changed)
    def _answer_changed(self, event: Input.Changed | Select.Changed) -> None:
        forget_problem(self, event.control.id)

    def show_problems(self, problems: Sequence[FieldProblem]) -> list[FieldProblem]:
        """Each problem under its field (the first focused); the ones with no field here."""
        self.query(".field-problem").remove()
        names = {name for name, _ in FIELDS}
        for problem in problems:
            if problem.field in names:
                text = f"⚠ {problem.rule}" + (
                    "" if problem.value is None else f" (you entered {problem.value})"
                )
                label = Label(text, classes=f"field-problem problem-{problem.field}", markup=False)
                self.mount(label, after=self.query_one(f"#row-{problem.field}"))
        placed = [problem for problem in problems if problem.field in names]
        if placed:
            self.query_one(f"#{placed[0].field}").focus()
        return [problem for problem in problems if problem.field not in names]
