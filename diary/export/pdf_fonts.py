"""The PDF's fonts: DejaVu Sans Condensed, shipped in this package and embedded in each PDF.

A machine with only pip has no system fonts, and the PDF's 14 standard fonts cover Latin-1
only, so a patient's note in Polish, Greek or Russian would be lost. DejaVu covers those
scripts (not Chinese, Japanese or Korean), its licence allows shipping it, and reportlab
embeds only the glyphs a document uses (a few tens of kilobytes).
"""

from __future__ import annotations

import functools
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DiarySans"
BOLD = "DiarySans-Bold"
FONT_FILES = {REGULAR: "DejaVuSansCondensed.ttf", BOLD: "DejaVuSansCondensed-Bold.ttf"}


@functools.cache
def register_fonts() -> None:
    """Make the fonts known to reportlab (once per process)."""
    folder = resources.files("diary.export").joinpath("fonts")
    for name, file_name in FONT_FILES.items():
        with resources.as_file(folder.joinpath(file_name)) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    family = {"normal": REGULAR, "bold": BOLD, "italic": REGULAR, "boldItalic": BOLD}
    pdfmetrics.registerFontFamily(REGULAR, **family)
