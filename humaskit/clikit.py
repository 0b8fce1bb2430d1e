"""Shared CLI plumbing: turn user-input errors into an Indonesian message and exit code 2."""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager

from humaskit.errors import HumaskitError


def print_problems(error: HumaskitError) -> None:
    for problem in error.problems:
        print(f"galat: {problem.render()}", file=sys.stderr)


@contextmanager
def user_errors():
    """Wrap a command body: a HumaskitError becomes its message on stderr and exit 2."""
    import typer

    try:
        yield
    except HumaskitError as error:
        print_problems(error)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        print("Dihentikan.", file=sys.stderr)
        raise typer.Exit(130) from None


HELP_TEXT = "Tampilkan bantuan ini lalu keluar."
# The help screens' own words, which the CLI framework writes in English.
_HELP_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "Argumen",
    "OPTIONS_PANEL_TITLE": "Opsi",
    "COMMANDS_PANEL_TITLE": "Perintah",
    "ERRORS_PANEL_TITLE": "Galat",
    "REQUIRED_LONG_STRING": "[wajib]",
    "DEFAULT_STRING": "[bawaan: {}]",
    "ENVVAR_STRING": "[variabel lingkungan: {}]",
    "DEPRECATED_STRING": "(usang) ",
    "ABORTED_TEXT": "Dihentikan.",
    "RICH_HELP": "Lihat [blue]'{command_path} {help_option}'[/] untuk bantuan.",
}


def localise_help() -> None:
    """Make every help screen Indonesian: "Penggunaan", "Opsi", "[wajib]" and the help
    option's own line. Help is rendered on demand, so the rendering module is patched only
    when a help screen is about to be drawn; a lint run never imports it."""
    from typer import core

    try:
        from typer._click import formatting
    except ImportError:  # typer before 0.24 runs on click itself
        from click import formatting

    write_usage = formatting.HelpFormatter.write_usage

    def indonesian_usage(self, prog, args="", prefix=None):
        return write_usage(self, prog, args, "Penggunaan: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = indonesian_usage
    for cls in (core.TyperCommand, core.TyperGroup):
        cls.format_help = _indonesian_help(cls.format_help)


def _indonesian_help(format_help):
    def wrapper(self, ctx, formatter):
        from typer import rich_utils

        for name, words in _HELP_WORDS.items():
            setattr(rich_utils, name, words)
        self.options_metavar = "[OPSI]"
        if hasattr(self, "subcommand_metavar"):
            self.subcommand_metavar = "PERINTAH [ARGUMEN]..."
        help_option = self.get_help_option(ctx)
        if help_option is not None:
            help_option.help = HELP_TEXT
        return format_help(self, ctx, formatter)

    return wrapper


def usage_error_types():
    """The CLI framework's usage-error and abort classes (typer vendors click since 0.24)."""
    from typer import Abort

    try:
        from typer._click.exceptions import UsageError
    except ImportError:  # typer before 0.24 runs on click itself
        from click.exceptions import UsageError
    return UsageError, Abort


_NOT_A_NUMBER = re.compile(r"'(.*)' is not a valid (int|integer|float)(?: range)?\.?")
_OUT_OF_RANGE = re.compile(r"(.*) is not in the range (.*?)\.?")


def _bad_value(message: str) -> str:
    """Click's English for a bad option value, said in Indonesian where we know the shape."""
    m = _NOT_A_NUMBER.fullmatch(message)
    if m:
        return f"'{m.group(1)}' bukan {'bilangan' if m.group(2) == 'float' else 'bilangan bulat'}."
    m = _OUT_OF_RANGE.fullmatch(message)
    if m:
        limits = m.group(2)
        for pattern, words in ((r"x>=(\S+)", "minimal {0}"), (r"x<=(\S+)", "maksimal {0}"),
                               (r"(\S+)<=x<=(\S+)", "antara {0} dan {1}")):
            bound = re.fullmatch(pattern, limits)
            if bound:
                limits = words.format(*bound.groups())
                break
        return f"{m.group(1)} di luar batas ({limits})."
    return message


def usage_message(exc) -> str:
    """An Indonesian rendering of a command-line usage error."""
    from humaskit.errors import did_you_mean

    name = type(exc).__name__
    ctx = getattr(exc, "ctx", None)
    where = f" Lihat '{ctx.command_path} --help'." if ctx is not None else ""
    if name == "NoSuchOption":
        possible = getattr(exc, "possibilities", None) or []
        hint = f" Apakah maksud Anda '{sorted(possible)[0]}'?" if possible else ""
        return f"Opsi '{exc.option_name}' tidak dikenal.{hint}{where}"
    if name == "MissingParameter":
        param = getattr(exc, "param", None)
        label = (param.human_readable_name if param is not None else "") or "argumen"
        return f"'{label.upper() if not label.startswith('-') else label}' wajib diisi.{where}"
    if name == "BadParameter":
        param = getattr(exc, "param", None)
        hint = getattr(exc, "param_hint", None) or (
            "/".join(param.opts) if param is not None and getattr(param, "opts", None) else "")
        return f"Nilai tidak valid untuk {hint or 'opsi'}: {_bad_value(exc.message)}{where}"
    message = (exc.format_message() if hasattr(exc, "format_message") else str(exc)).strip()
    needs_value = re.match(r"Option '(.+?)' requires an argument", message)
    if needs_value:
        return f"Opsi '{needs_value.group(1)}' memerlukan nilai.{where}"
    command = re.match(r"No such command '(.+?)'", message)
    if command and ctx is not None:
        known = list(getattr(ctx.command, "commands", {}) or {})
        hint = did_you_mean(command.group(1), known)
        return f"Perintah '{command.group(1)}' tidak dikenal.{' ' + hint if hint else ''}{where}"
    if not message:
        return f"Perintah belum lengkap.{where}"
    return f"Penggunaan perintah salah: {message}{where}"
