"""A small declarative schema language for the guideline (and other YAML inputs).

Each spec validates a plain value at a key path, records every problem (never stops at
the first), and returns the value with defaults filled in. Problems carry the key path;
the caller maps it to ``file:line:col``. Messages are Indonesian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Callable

from humaskit.errors import did_you_mean

_TYPE_NAMES = {
    str: "teks", int: "bilangan bulat", float: "bilangan", bool: "true/false",
    list: "daftar", dict: "pemetaan (kunci: nilai)",
}


def _type_name(value: Any) -> str:
    if value is None:
        return "kosong"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


@dataclass
class Issue:
    path: tuple
    message: str
    hint: str | None = None


class Context:
    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def error(self, path, message, hint=None) -> None:
        self.issues.append(Issue(tuple(path), message, hint))


class Spec:
    """Base of every spec: ``check(value, path, ctx)`` returns the cleaned value."""

    doc: str = ""
    type_label: str = ""

    def check(self, value, path, ctx: Context):  # pragma: no cover - abstract
        raise NotImplementedError

    def default(self):
        return None


@dataclass
class Str(Spec):
    choices: tuple | None = None
    pattern: str | None = None
    pattern_label: str = ""
    nonempty: bool = True
    type_label: str = "teks"

    def check(self, value, path, ctx):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # "2026" written without quotes is still meant as text
        if not isinstance(value, str):
            ctx.error(path, f"harus berupa teks, bukan {_type_name(value)}.")
            return None
        if self.nonempty and not value.strip():
            ctx.error(path, "tidak boleh kosong.")
        if self.choices and value not in self.choices:
            ctx.error(path, f"nilai '{value}' tidak dikenal; pilihan: {', '.join(self.choices)}.",
                      did_you_mean(value, self.choices))
        if self.pattern and not re.fullmatch(self.pattern, value):
            ctx.error(path, f"nilai '{value}' tidak sesuai format {self.pattern_label or self.pattern}.")
        return value


@dataclass
class Num(Spec):
    integer: bool = True
    min: float | None = None
    max: float | None = None

    @property
    def type_label(self):
        return "bilangan bulat" if self.integer else "bilangan"

    def check(self, value, path, ctx):
        ok = isinstance(value, int) if self.integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok:
            ctx.error(path, f"harus berupa {self.type_label}, bukan {_type_name(value)}.")
            return None
        if value != value or value in (float("inf"), float("-inf")):  # .nan and .inf compare with no bound
            ctx.error(path, f"harus berupa {self.type_label} yang terhingga, bukan {value}.")
            return None
        if self.min is not None and value < self.min:
            ctx.error(path, f"nilai {value} terlalu kecil (minimum {self.min}).")
        if self.max is not None and value > self.max:
            ctx.error(path, f"nilai {value} terlalu besar (maksimum {self.max}).")
        return value


@dataclass
class Bool(Spec):
    type_label: str = "true/false"

    def check(self, value, path, ctx):
        if not isinstance(value, bool):
            ctx.error(path, f"harus berupa true atau false, bukan {_type_name(value)}.")
            return None
        return value


HEX_COLOR = r"#[0-9A-Fa-f]{6}"
HHMM = r"([01]\d|2[0-3]):[0-5]\d"


@dataclass
class Color(Str):
    pattern: str | None = HEX_COLOR
    pattern_label: str = "warna heksadesimal #RRGGBB"
    type_label: str = "warna #RRGGBB"


@dataclass
class Clock(Spec):
    """A time of day written HH:MM (YAML may read 09:00 as a number, so accept both)."""

    type_label: str = "jam HH:MM"

    def check(self, value, path, ctx):
        if isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads 09:00 as a base-60 integer (540).
            value = f"{value // 60:02d}:{value % 60:02d}"
        if isinstance(value, time):
            return value.strftime("%H:%M")
        if not isinstance(value, str) or not re.fullmatch(HHMM, value):
            ctx.error(path, f"harus berupa jam dengan format HH:MM (misalnya 09:00), bukan '{value}'.")
            return None
        return value


@dataclass
class Day(Spec):
    """A calendar date YYYY-MM-DD (or, with ``recurring``, MM-DD every year)."""

    recurring: bool = False
    type_label: str = "tanggal YYYY-MM-DD"

    def check(self, value, path, ctx):
        if isinstance(value, date):
            return value.isoformat()
        text = str(value) if value is not None else ""
        try:
            if self.recurring and re.fullmatch(r"\d{2}-\d{2}", text):
                date.fromisoformat("2024-" + text)  # leap year, so 02-29 is allowed
                return text
            return date.fromisoformat(text).isoformat() if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _bad()
        except ValueError:
            shape = "MM-DD atau YYYY-MM-DD" if self.recurring else "YYYY-MM-DD"
            ctx.error(path, f"tanggal '{text}' tidak valid (format {shape}).")
            return None


@dataclass
class Moment(Spec):
    """A local date and time YYYY-MM-DDTHH:MM (a publish time, the start of a crisis), to the
    minute; ``what`` names it in the message."""

    type_label: str = "tanggal dan jam YYYY-MM-DDTHH:MM"
    what: str = "waktu tayang"

    def check(self, value, path, ctx):
        if isinstance(value, datetime):
            return value.replace(tzinfo=None, second=0, microsecond=0)
        text = str(value)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?", text):
            try:
                return datetime.fromisoformat(text).replace(second=0)
            except ValueError:
                pass
        ctx.error(path, f"{self.what} '{text}' tidak valid; tulis seperti 2026-12-03T09:00.")
        return None


def _bad():
    raise ValueError


@dataclass
class ListOf(Spec):
    item: Spec = field(default_factory=Str)
    min_items: int = 0
    unique: bool = False

    @property
    def type_label(self):
        return f"daftar {self.item.type_label}"

    def default(self):
        return []

    def check(self, value, path, ctx):
        if value is None:
            return []
        if not isinstance(value, list):
            ctx.error(path, f"harus berupa daftar, bukan {_type_name(value)}.")
            return []
        if len(value) < self.min_items:
            ctx.error(path, f"harus berisi minimal {self.min_items} butir.")
        out = [self.item.check(v, path + (i,), ctx) for i, v in enumerate(value)]
        if self.unique:
            seen = set()
            for i, v in enumerate(out):
                marker = v.casefold() if isinstance(v, str) else repr(v)
                if marker in seen:
                    ctx.error(path + (i,), f"'{v}' ditulis lebih dari sekali.")
                seen.add(marker)
        return out


@dataclass
class MapOf(Spec):
    """A mapping with free keys (agency keys, platform names, words) and one value spec."""

    value: Spec = field(default_factory=Str)
    key_pattern: str | None = None
    key_label: str = ""
    key_choices: tuple | None = None

    @property
    def type_label(self):
        return f"pemetaan ke {self.value.type_label}"

    def default(self):
        return {}

    def check(self, value, path, ctx):
        if value is None:
            return {}
        if not isinstance(value, dict):
            ctx.error(path, f"harus berupa pemetaan (kunci: nilai), bukan {_type_name(value)}.")
            return {}
        out = {}
        for key, item in value.items():
            key = str(key)
            if self.key_pattern and not re.fullmatch(self.key_pattern, key):
                ctx.error(path + (key,), f"kunci '{key}' tidak sesuai format {self.key_label or self.key_pattern}.")
            if self.key_choices and key not in self.key_choices:
                ctx.error(path + (key,), f"kunci '{key}' tidak dikenal.", did_you_mean(key, self.key_choices))
            out[key] = self.value.check(item, path + (key,), ctx)
        return out


@dataclass
class Field:
    spec: Spec
    doc: str = ""
    default: Any = None
    required: bool = False


@dataclass
class Section(Spec):
    """A mapping with a fixed set of keys; unknown keys are errors with a did-you-mean."""

    fields: dict[str, Field] = field(default_factory=dict)
    doc: str = ""
    type_label: str = "bagian"
    # Checks that span several fields, run after the fields are clean.
    post: Callable[[dict, tuple, Context], None] | None = None

    def default(self):
        return self.check({}, (), Context())

    def check(self, value, path, ctx):
        if value is None:
            value = {}
        if not isinstance(value, dict):
            ctx.error(path, f"harus berupa pemetaan (kunci: nilai), bukan {_type_name(value)}.")
            value = {}
        out = {}
        for key in value:
            if key not in self.fields:
                ctx.error(path + (key,), f"kunci '{key}' tidak dikenal di sini.", did_you_mean(str(key), self.fields))
        for name, fld in self.fields.items():
            if name in value and value[name] is not None:
                out[name] = fld.spec.check(value[name], path + (name,), ctx)
            elif fld.required:
                ctx.error(path + (name,), f"kunci '{name}' wajib diisi.")
                out[name] = None
            elif fld.default is not None:
                out[name] = fld.default() if callable(fld.default) else fld.default
            else:
                out[name] = fld.spec.default()
        if self.post and not ctx.issues:
            self.post(out, path, ctx)
        return out


@dataclass
class OneOf(Spec):
    """The first spec whose shape accepts the value (e.g. a word, or a word with options)."""

    options: tuple = ()
    label: str = ""

    @property
    def type_label(self):
        return self.label or " atau ".join(o.type_label for o in self.options)

    def default(self):
        return None

    def check(self, value, path, ctx):
        for option in self.options:
            trial = Context()
            out = option.check(value, path, trial)
            if not trial.issues:
                return out
        # Report against the option whose basic type matches, for the clearest message.
        best = self.options[-1] if isinstance(value, dict) else self.options[0]
        return best.check(value, path, ctx)
