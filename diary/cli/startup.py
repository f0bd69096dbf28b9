"""Start-up imports without the cyclic garbage collector scanning them over and over."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived_imports() -> Iterator[None]:
    """Import inside this block with the collector paused, then freeze what the imports built.

    Importing the diary's libraries creates a few hundred thousand objects (modules, classes,
    functions) that live as long as the process and almost no garbage; the collector would
    scan them again and again while they load (about 40 ms of `diary tui`'s start-up).
    `gc.freeze()` then leaves them out of every later collection, so the full collections
    while the app builds its first page stay short too.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
