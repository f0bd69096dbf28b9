"""`python -m diary` runs the `diary` command."""

from diary.cli import main

main()
