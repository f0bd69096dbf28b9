"""`diary tui` in a real pseudo-terminal, its output read back by a terminal emulator (pyte).

Textual's headless test driver styles the pages as the snapshot tests show them; a real
terminal once showed the Today page with its text in the background colour (the app marked
the first page's styles current too early). Only a real terminal shows that.
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pyte
import pytest

COLUMNS, LINES = 110, 34
QUIT = b"\x11"  # ctrl+q
STARTUP_SECONDS = 60.0
QUIET_SECONDS = 1.0
"""The app has drawn its page when nothing more arrives for this long."""


class Terminal:
    """A pseudo-terminal running a command, and what a terminal would show of its output."""

    def __init__(self, command: list[str], cwd: Path) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        environ = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=environ,
            start_new_session=True,
        )
        os.close(slave)

    def read_until_quiet(self, shows: str) -> None:
        """Feed the output to the emulator until `shows` is on screen and drawing stops."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], QUIET_SECONDS)
            if ready:
                self.stream.feed(os.read(self.master, 65536))
            elif shows in self.text():
                return
        pytest.fail(f"{shows!r} never appeared; the screen shows:\n{self.text()}")

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def colours_of(self, text: str) -> tuple[str, str]:
        """(foreground, background) of the first character of `text` on screen."""
        for y, line in enumerate(self.screen.display):
            x = line.find(text)
            if x >= 0:
                cell = self.screen.buffer[y][x]
                return cell.fg, cell.bg
        raise AssertionError(f"{text!r} is not on screen:\n{self.text()}")

    def close(self) -> None:
        os.write(self.master, QUIT)
        try:
            self.process.wait(timeout=20)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            os.close(self.master)


@pytest.fixture
def demo_in_a_terminal(tmp_path: Path) -> Iterator[Terminal]:
    command = [sys.executable, "-m", "diary", "--db", str(tmp_path / "unused.db"), "tui", "--demo"]
    terminal = Terminal(command, tmp_path)
    try:
        yield terminal
    finally:
        terminal.close()


def test_the_first_page_text_is_visible_in_a_terminal(demo_in_a_terminal: Terminal) -> None:
    demo_in_a_terminal.read_until_quiet(shows="Pain (average)")
    for text in ("How was the day", "Pain (average)", "Worst pain", "Sleep quality"):
        foreground, background = demo_in_a_terminal.colours_of(text)
        assert foreground != background, f"{text!r} is drawn in its background colour"
