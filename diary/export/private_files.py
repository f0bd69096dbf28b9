"""Writing export files: readable by their owner only, whole or not at all.

Used by `diary export` and by the terminal UI's export page (docs/data.md, "Exports are
private files").
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


def infusions_path_for(entries_path: Path) -> Path:
    """Where a CSV export puts the infusions: beside the entries, `-infusions` added."""
    return entries_path.with_name(f"{entries_path.stem}-infusions{entries_path.suffix or '.csv'}")


@contextmanager
def private_file(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """Write `path` readable by its owner only, whole or not at all (temp file, then rename).

    Text is written as UTF-8 with line ends kept as given; `binary` writes bytes.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    encoding, newline = (None, None) if binary else ("utf-8", "")
    try:
        with os.fdopen(descriptor, "wb" if binary else "w", -1, encoding, None, newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
