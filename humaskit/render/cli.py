"""`humaskit render` command (being written)."""


def render(template: str) -> None:
    """Gambar unggahan bermerek dari templat."""
    raise SystemExit("humaskit render: being written")
