"""Load a guideline: read YAML with positions, resolve ``extends``, validate everything at once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from humaskit.errors import HumaskitError, Problem, did_you_mean
from humaskit.resources import shipped_guideline, shipped_guideline_names

CONFIG_NAME = "humaskit.yaml"
CONFIG_KEYS = ("guideline", "aduan_db")  # aduan_db: the complaint database (humaskit aduan)

# The names that drafts, plans and templates refer to: where the guideline lists each, and
# what a message calls it.
NAMES = {"agency": (("agencies",), "perangkat daerah"), "platform": (("platforms",), "platform"),
         "campaign": (("hashtags", "campaigns"), "kampanye"),
         "shared_account": (("calendar", "shared_accounts"), "akun bersama")}


@dataclass(frozen=True)
class Guideline:
    """A validated guideline: plain data with defaults filled, and where each key came from."""

    data: dict
    source: Path
    positions: dict = field(default_factory=dict, repr=False, compare=False)
    chain: tuple = field(default=(), repr=False, compare=False)  # every file read, for cache checks
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    @property
    def agencies(self) -> dict:
        return self.data["agencies"]

    @property
    def platforms(self) -> dict:
        return self.data["platforms"]

    @property
    def base_dir(self) -> Path:
        return self.source.parent

    def where(self, *path) -> dict:
        """Problem location (file, line, column, key) of a key path in the guideline."""
        from humaskit.yaml_located import where

        return where(self.positions, path, str(self.source))

    def derived(self, key: str, build):
        """A value computed from this guideline (a merged lexicon), built once however many
        rules ask for it."""
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = build(self)
            return value

    def __getstate__(self) -> dict:
        # Derived values are rebuilt by the code that reads them, never taken from a cache.
        return {**self.__dict__, "_derived": {}}

    @property
    def label(self) -> str:
        """How reports name this guideline: a shipped one by its name (as ``extends:`` names
        it), any other by its path relative to the working folder (so a report reads the same
        on every machine)."""
        if shipped_guideline(self.source.stem) == self.source:
            return self.source.stem
        try:
            return os.path.relpath(self.source)
        except ValueError:  # another drive on Windows
            return str(self.source)

    def unknown(self, what: str, name) -> tuple[str, str | None] | None:
        """When ``name`` is not an ``agency``, ``platform``, ``campaign`` or ``shared_account``
        of this guideline: the problem to report (message, "apakah maksud Anda" hint). One
        wording for drafts, plans, crisis windows and graphics."""
        keys, label = NAMES[what]
        known = self.data
        for key in keys:
            known = known[key]
        if not name or name in known:
            return None
        return f"{label} '{name}' tidak ada di pedoman.", did_you_mean(str(name), known)

    def severity(self, rule_id: str, default: str) -> str:
        """The severity the guideline gives a rule, else ``default``. A renamed rule's old id in
        the guideline's ``rules:`` was turned into its new one when the guideline was read."""
        return self.data["rules"].get(rule_id, default)


def _read(path: Path) -> str:
    from humaskit.fsutil import read_user_text

    return read_user_text(path, what="Berkas pedoman").removeprefix("\ufeff")


def _resolve_base(name: str, relative_to: Path, at: dict) -> Path:
    candidate = (relative_to.parent / name)
    if candidate.is_file():
        return candidate
    shipped = shipped_guideline(name.removesuffix(".yaml"))
    if shipped:
        return shipped
    raise HumaskitError([Problem(
        f"Pedoman dasar '{name}' tidak ditemukan (dicari relatif terhadap berkas ini dan di pedoman bawaan).",
        hint=did_you_mean(name, shipped_guideline_names()), **at)])


def _merge(base: Any, over: Any, base_pos: dict, over_pos: dict, path: tuple) -> Any:
    """Overlay ``over`` on ``base``: mappings merge key by key, anything else is replaced;
    ``key+:`` appends to the base's list instead. Positions follow the values they describe."""
    if not (isinstance(base, dict) and isinstance(over, dict)):
        _move_positions(over_pos, base_pos, path, path, offset=0)
        return over
    out = dict(base)
    for key, value in over.items():
        name = key[:-1] if isinstance(key, str) and key.endswith("+") else key
        current = out.get(name)
        if name != key and isinstance(current, list) and isinstance(value, list):
            _move_positions(over_pos, base_pos, path + (key,), path + (name,), offset=len(current))
            out[name] = current + value
        elif name in out and isinstance(current, dict) and isinstance(value, dict):
            out[name] = _merge(current, value, base_pos, over_pos, path + (name,))
        else:
            _move_positions(over_pos, base_pos, path + (key,), path + (name,), offset=0)
            out[name] = value
    return out


def _move_positions(src: dict, dst: dict, old: tuple, new: tuple, offset: int) -> None:
    """Copy the positions under ``old`` in ``src`` to ``new`` in ``dst``; with no offset the
    value was replaced, so the base's positions under it go first."""
    n = len(old)
    if not offset:
        for key in [k for k in dst if k[:len(new)] == new and len(k) > len(new)]:
            del dst[key]
    for key, pos in src.items():
        if key[:n] == old:
            rest = key[n:]
            if not rest and offset:
                continue  # the list keeps the base's own position
            if offset and isinstance(rest[0], int):
                rest = (rest[0] + offset,) + rest[1:]
            dst[new + rest] = pos


def _load_raw(path: Path, chain: tuple, seen: list | None = None) -> tuple[dict, dict]:
    from humaskit.yaml_located import load_located

    path = path.resolve()
    if path in chain:
        raise HumaskitError.single("Pedoman saling memperluas (extends melingkar).", path=str(path))
    if seen is not None:
        seen.append(path)
    located = load_located(_read(path), str(path))
    value = located.value if located.value is not None else {}
    if not isinstance(value, dict):
        raise HumaskitError([Problem("Pedoman harus berupa pemetaan YAML (kunci: nilai).", **located.where(()))])
    extends = value.get("extends") or []
    if isinstance(extends, str):
        extends = [extends]
    merged: dict = {}
    positions: dict = {}
    if isinstance(extends, list):
        for i, name in enumerate(extends):
            at = located.where(("extends", i) if isinstance(value.get("extends"), list) else ("extends",))
            base, base_pos = _load_raw(_resolve_base(str(name), path, at), chain + (path,), seen)
            merged = _merge(merged, base, positions, base_pos, ())
    own = {k: v for k, v in value.items() if k != "extends"}
    merged = _merge(merged, own, positions, located.positions, ())
    positions[()] = located.positions.get((), (str(path), 1, 1))
    return merged, positions


def load_guideline(path: str | os.PathLike | None = None) -> Guideline:
    """Load and validate a guideline file (the shipped Kota Tasikmalaya one by default)."""
    from humaskit.guideline.cache import cached_load

    path = Path(path) if path else shipped_guideline()
    return cached_load(path, _load_uncached)


def _load_uncached(path: Path) -> Guideline:
    from humaskit.guideline.schema import GUIDELINE
    from humaskit.guideline.spec import Context
    from humaskit.guideline.crosscheck import cross_check
    from humaskit.yaml_located import where

    files: list = []
    raw, positions = _load_raw(path, (), files)
    raw.pop("extends", None)
    ctx = Context()
    data = GUIDELINE.check(raw, (), ctx)
    cross_check(data, ctx)
    if ctx.issues:
        raise HumaskitError([
            Problem(issue.message, hint=issue.hint, **where(positions, issue.path, str(path)))
            for issue in ctx.issues
        ])
    return Guideline(data=data, source=path.resolve(), positions=positions, chain=tuple(files))


def resolve_guideline(option: str | os.PathLike | None = None) -> Guideline:
    """The guideline a command uses: ``option`` (its --guideline), else the one named by the nearest
    humaskit.yaml (see :func:`find_guideline`), else the shipped Kota Tasikmalaya pedoman."""
    return load_guideline(option or find_guideline())


def find_guideline(start: Path | None = None) -> Path | None:
    """The guideline named by the nearest ``humaskit.yaml`` in ``start`` or a parent.

    Looked for as git looks for a repository, so a file someone else left in a shared
    folder (say ``/tmp``) cannot replace the guideline and switch rules off: the search
    stops at a folder holding ``.git``, at the home folder, and below the top-level folders
    (``/tmp`` and ``/`` are looked in only when the search starts there), and a
    ``humaskit.yaml`` owned by another user is ignored with a warning on stderr."""
    found = find_config(start)
    if found is None:
        return None
    folder, value, located = found
    name = value.get("guideline")
    if not isinstance(name, str) or not name.strip():
        raise HumaskitError([Problem("kunci 'guideline' wajib berisi nama berkas pedoman.",
                                     **located.where(("guideline",)))])
    target = folder / name
    if target.exists():  # a device or FIFO is refused by the reader, as not a regular file
        return target
    shipped = shipped_guideline(name.removesuffix(".yaml"))
    if shipped:
        return shipped
    raise HumaskitError([Problem(f"Pedoman '{name}' tidak ditemukan.", **located.where(("guideline",)))])


def find_config(start: Path | None = None):
    """(folder, values, located) of the nearest ``humaskit.yaml`` (searched as find_guideline
    says), or None; ``located.where(key_path)`` places a key for error messages."""
    here = (start or Path.cwd()).resolve()
    for folder in _search_folders(here):
        config = folder / CONFIG_NAME
        if config.exists() and not config.is_dir() and _owned_by_user(config):
            from humaskit.frontmatter import Reading

            located = Reading(_read(config), str(config))  # mostly one simple line, read without PyYAML
            value = located.value if isinstance(located.value, dict) else {}
            unknown = [k for k in value if k not in CONFIG_KEYS]
            if unknown:
                raise HumaskitError([Problem(f"kunci '{k}' tidak dikenal di {CONFIG_NAME}.",
                                             hint=did_you_mean(str(k), CONFIG_KEYS),
                                             **located.where((k,))) for k in unknown])
            return folder, value, located
    return None


def _search_folders(here: Path):
    """``here``, then its parents up to the first one that ends a search (see find_guideline)."""
    try:
        home = Path.home().resolve()
    except (KeyError, RuntimeError, OSError):  # no home folder known
        home = None
    folder = here
    while True:
        yield folder
        if folder == home or (folder / ".git").exists():
            return
        folder = folder.parent
        if len(folder.parts) <= 2:  # "/" or a folder right below it, such as /tmp or /home
            return


def _owned_by_user(config: Path) -> bool:
    """False, with a warning, for a ``humaskit.yaml`` that another user owns (as git's
    ``safe.directory`` check): that user could otherwise choose this user's rules."""
    import sys

    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: no owner ids to compare
        return True
    try:
        owner = os.stat(config).st_uid
    except OSError:
        return True  # the reader reports what is wrong with it
    if owner == getuid():
        return True
    print(f"peringatan: {config} diabaikan karena pemiliknya pengguna lain (uid {owner}), bukan Anda; "
          "pakai --guideline untuk memakainya dengan sengaja.", file=sys.stderr)
    return False
