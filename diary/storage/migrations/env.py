"""Alembic environment: runs on the connection the caller hands over (see diary.storage.migrate)."""

from alembic import context
from sqlmodel import SQLModel

# Importing the table modules registers their tables on SQLModel.metadata.
import diary.storage.sharing_tables
import diary.storage.tables  # noqa: F401

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
