"""The command line: a thin layer over the library.  Each command's docstring is its --help."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .ingest import DEFAULT_MAX_BYTES

out_option = click.option("--out", "out", default="outputs", show_default=True,
                          type=click.Path(file_okay=False), help="Folder of the dataset tables.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minutemine")
def main() -> None:
    """Mine council meeting papers for commitments: requests, assurances, decisions, money, deadlines."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@out_option
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Files larger than this are skipped with an error row.")
@click.option("--max-pages", default=2000, show_default=True, help="PDFs with more pages than this are skipped with an error row.")
@click.option("--model", default="", help="Optional installed spaCy pipeline (e.g. en_core_web_sm) to add PERSON/ORG entities.")
@click.option("-w", "--workers", default=0, show_default="all cores", help="Parallel processes for ingest/segment/extract.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run the per-document stages locally or as tasks on a Dask cluster.")
@click.option("--scheduler", default="", help="Dask scheduler address for --executor dask, e.g. tcp://10.0.0.5:8786 "
              "(wait for it: MINUTEMINE_DASK_CONNECT_TIMEOUT seconds, default 20).")
@click.option("--no-cache", is_flag=True, help="Reprocess every file, ignoring the cache.")
@click.option("--cache-dir", default="", type=click.Path(file_okay=False), show_default="OUT/.cache",
              help="Folder of the per-paper cache, keyed by content and pipeline version.")
@click.option("--timeout", default=600.0, show_default=True,
              help="Seconds one file may take before it becomes an error row (0: no limit).")
@click.option("--format", "formats", multiple=True, type=click.Choice(["csv", "parquet"]), default=("csv",),
              show_default=True, help="Table formats to write (repeatable). SQLite is always written.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
def run(paths: tuple[str, ...], out: str, max_bytes: int, max_pages: int, model: str, workers: int,
        executor: str, scheduler: str, no_cache: bool, cache_dir: str, timeout: float, formats: tuple[str, ...], quiet: bool) -> None:
    """Process papers (default: corpus/) and write documents, items, commitments and links CSVs.

    Example:

        minutemine run corpus/ --out outputs/
    """
    from .pipeline import Settings, run as run_pipeline

    paths = paths or ("corpus",)
    for p in paths:
        if not Path(p).exists():
            raise click.ClickException(f"no such file or folder: {p}")
    if executor == "dask" and not scheduler:
        raise click.ClickException("--executor dask needs --scheduler ADDRESS, e.g. tcp://10.0.0.5:8786")
    settings = Settings(max_bytes=max_bytes, max_pages=max_pages, model=model, workers=workers,
                        executor=executor, scheduler=scheduler, use_cache=not no_cache,
                        cache_dir=cache_dir, timeout=timeout,
                        formats=tuple(dict.fromkeys(("csv",) + formats)), quiet=quiet)
    try:
        summary = run_pipeline(paths, out, settings)
    except ConnectionError as exc:  # the Dask scheduler is unreachable or its address is malformed
        raise click.ClickException(str(exc)) from exc
    if not quiet:
        click.echo(summary.line(), err=True)
    if summary.files_ok == 0:
        raise click.ClickException("no file could be processed (see documents.csv for why)")


@main.command()
def schema() -> None:
    """Print the JSON Schema of every output table, generated from the pydantic models.

    Example:

        minutemine schema > schema.json
    """
    from .models import TABLES

    click.echo(json.dumps({name: model.model_json_schema() for name, model in TABLES.items()}, indent=2))


# Commands that live with the module they drive, so each can grow without touching this file.
from .evaluate import eval_command  # noqa: E402
from .query import query_command  # noqa: E402
from .show import show_command  # noqa: E402
from .report import report_command  # noqa: E402

main.add_command(query_command, "query")
main.add_command(show_command, "show")
main.add_command(report_command, "report")
main.add_command(eval_command, "eval")

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
