"""evaluate (provisional)"""

from __future__ import annotations

import click


@click.command()
def eval_command() -> None:
    """Score outputs against a gold set (provisional)."""
    raise click.ClickException("not implemented yet")
