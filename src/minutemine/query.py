"""query (provisional)"""

from __future__ import annotations

import click


@click.command()
def query_command() -> None:
    """Filter the commitments (provisional)."""
    raise click.ClickException("not implemented yet")


@click.command()
def show_command() -> None:
    """Show one row with its source (provisional)."""
    raise click.ClickException("not implemented yet")
