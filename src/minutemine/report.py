"""report (provisional)"""

from __future__ import annotations

import click


@click.command()
def report_command() -> None:
    """Write the HTML tracker (provisional)."""
    raise click.ClickException("not implemented yet")
