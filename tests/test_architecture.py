"""Dependencies point inward: the domain and the analysis import no storage, web or UI code."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FORBIDDEN = ("sqlmodel", "sqlalchemy", "alembic", "fastapi", "starlette", "textual", "typer")


@pytest.mark.parametrize("package", ["diary.domain", "diary.analysis"])
def test_pure_layer_imports_no_framework(package: str) -> None:
    code = (
        f"import json, sys, {package}; "
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []
