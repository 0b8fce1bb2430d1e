"""`humaskit calendar` commands (being written)."""

import typer

app = typer.Typer(help="Kalender konten bulanan lintas perangkat daerah.", no_args_is_help=True)
