"""The pages and dialogs of the terminal app, one module each."""
