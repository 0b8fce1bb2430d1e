"""The output folder of `calendar build` and `render`, and the names written into it.

Output names are built from data (size names, slugs, agency keys); each one is checked to
stay a plain file name inside the folder, whatever the data said.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from humaskit.errors import HumaskitError


def slug(text: str, fallback: str) -> str:
    """``text`` as a short ASCII name for a file or an id (lower case, hyphens, at most 60
    characters): "Hari Raya Natal" → "hari-raya-natal"; ``fallback`` when nothing is left."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or fallback


def check_out_dir(out_dir: Path) -> None:
    """--out must be a folder, or not exist yet below a folder (it is then created)."""
    for folder in (out_dir, *out_dir.parents):
        if folder.is_dir():
            return
        if folder.exists() or folder.is_symlink():
            what = "--out harus berupa folder" if folder == out_dir else f"'{folder}' di jalur --out bukan folder"
            raise HumaskitError.single(f"{what}; tunjuk folder keluaran (akan dibuat bila belum ada).",
                                       path=str(out_dir), key="--out")


def output_file(out_dir: Path, name: str) -> Path:
    """``out_dir / name``, refusing a name that is not one plain file name (a bug upstream, or data
    that slipped past validation)."""
    if name in ("", ".", "..") or any(c in name for c in "/\\\0") or Path(name).is_absolute():
        raise HumaskitError.single(f"Nama berkas keluaran '{name}' akan keluar dari folder --out dan ditolak.",
                                   path=str(out_dir), key="--out")
    return out_dir / name
