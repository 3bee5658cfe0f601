"""`dejakit serve`: the web page for people who don't use a terminal."""

from __future__ import annotations

from pathlib import Path

import click

from .common import (
    FILE,
    engine_name_option,
    glossary_files_option,
    handle_errors,
    memory_option,
)

__all__ = ["serve"]


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but this machine needs --token-file or --users-file.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option(
    "--token-file",
    type=FILE,
    default=None,
    help="File holding the access key everyone signs in with (at least 16 characters).",
)
@click.option(
    "--users-file",
    type=FILE,
    default=None,
    help="File with one 'name: key' line per person; the name is recorded with approvals.",
)
@memory_option
@engine_name_option("Engine after the memory, as for dejakit translate.")
@glossary_files_option
@handle_errors
def serve(
    host: str,
    port: int,
    token_file: Path | None,
    users_file: Path | None,
    memory_path: Path | None,
    engine: str,
    glossary_files: tuple[Path, ...],
) -> None:
    """Serve the web page: upload, translate, review and download in a browser.

    Listens on this machine only unless --host says otherwise; then everyone signs in with
    the key in --token-file (or their own key from --users-file).

    \b
        dejakit serve                                       # http://127.0.0.1:8765
        dejakit serve --host 0.0.0.0 --token-file team.token
    """
    from .. import WebConfig, create_app, is_loopback, load_access

    if not is_loopback(host) and token_file is None and users_file is None:
        raise click.UsageError(
            f"--host {host} lets other machines in; give --token-file FILE or --users-file FILE "
            "so they must sign in"
        )
    access = load_access(token_file, users_file)
    config = WebConfig(
        host=host,
        port=port,
        access=access,
        memory_path=memory_path,
        engine=engine,
        glossary_files=glossary_files,
    )
    import uvicorn

    app = create_app(config)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"dejakit: serving http://{shown}:{port}/  (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
