"""`dejakit models`: list, install, download and remove Argos Translate models."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import PATH, handle_errors

__all__ = ["models"]


@click.group()
def models() -> None:
    """List, install, download and remove Argos Translate models."""


@models.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print packages and routes as JSON.")
@handle_errors
def models_list(as_json: bool) -> None:
    """List installed Argos packages and the de↔ja routes they make."""
    from .. import describe_routes, installed_packages, packages_dir

    packages = installed_packages()
    routes = describe_routes(packages)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "packages_dir": str(packages_dir()),
                    "packages": [
                        {
                            "name": p.name,
                            "from": p.from_code,
                            "to": p.to_code,
                            "version": p.version,
                            "path": str(p.path),
                        }
                        for p in packages
                    ],
                    "routes": routes,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    click.echo(f"packages in {packages_dir()}:")
    for pkg in packages:
        click.echo(f"  {pkg.from_code}→{pkg.to_code}  {pkg.name}  {pkg.version}")
    if not packages:
        click.echo("  (none)")
    click.echo("routes:")
    for line in routes:
        click.echo(f"  {line}")


@models.command("install")
@click.argument("files", nargs=-1, required=True, type=PATH)
@handle_errors
def models_install(files: tuple[Path, ...]) -> None:
    """Install .argosmodel FILES (works offline, e.g. from a USB stick).

    \b
        dejakit models install translate-de_en-1_0.argosmodel translate-en_ja-1_1.argosmodel
    """
    from .. import describe_routes, install_package

    for file in files:
        pkg = install_package(file)
        click.echo(f"{file}: installed {pkg.from_code}→{pkg.to_code} as {pkg.name}")
    for line in describe_routes():
        click.echo(f"  {line}")


@models.command("download")
@click.argument("source", type=click.Choice(["de", "ja", "en"]))
@click.argument("target", type=click.Choice(["de", "ja", "en"]))
@handle_errors
def models_download(source: str, target: str) -> None:
    """Download and install the packages SOURCE→TARGET needs (online; via English).

    \b
        dejakit models download de ja     # fetches de→en and en→ja
    """
    from .. import download_route

    for path in download_route(source, target):
        click.echo(f"installed {path.name}")


@models.command("remove")
@click.argument("name")
@handle_errors
def models_remove(name: str) -> None:
    """Remove the installed package NAME (its folder name, or a pair such as de_en)."""
    from .. import remove_package

    pkg = remove_package(name)
    click.echo(f"removed {pkg.name} ({pkg.from_code}→{pkg.to_code})")
