"""Hostile YAML through every command that reads YAML: alias bombs, deep nesting, duplicate
keys at any depth, code tags, control characters. Each is refused in bounded time with an
Indonesian message naming the file and line, exit 2, and no file is changed."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings, strategies as st

from humaskit.errors import HumaskitError
from humaskit.yaml_located import MAX_DEPTH, load_located, load_plain

LEVELS = "abcdefghi"


def bomb(indent: str = "") -> str:
    """A 'billion laughs': nine levels of nine aliases, about 1 KB, 9**9 values expanded."""
    lines = [f'{indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip(LEVELS, LEVELS[1:]):
        lines.append(f"{indent}{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


HOSTILE = {
    "alias-bomb": ("extends: tasikmalaya\n" + bomb(), "alias"),
    "deep-nesting": ("extends: tasikmalaya\nx: " + "[" * 5000 + "]" * 5000 + "\n", "bersarang terlalu dalam"),
    "nested-duplicate": ("extends: tasikmalaya\ntone:\n  register: formal\n  register: friendly\n",
                         "Kunci 'register' ditulis dua kali"),
    "python-tag": ("extends: tasikmalaya\ntone: !!python/object/apply:os.system [\"echo hi\"]\n",
                   "!!python/object/apply:os.system' tidak diizinkan"),
    "nul-character": ("extends: tasikmalaya\nx: \"\0\"\n", "karakter yang tidak boleh ada di YAML"),
    "two-documents": ("extends: tasikmalaya\n---\nextends: nasional\n", "lebih dari satu dokumen"),
}


def humaskit(*args, cwd):
    return subprocess.run([sys.executable, "-m", "humaskit", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=60)


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_guideline_is_refused_quickly_in_indonesian(tmp_path, name):
    text, expected = HOSTILE[name]
    path = tmp_path / "pedoman.yaml"
    path.write_text(text, encoding="utf-8")
    before = digest(tmp_path)
    started = time.monotonic()
    done = humaskit("guideline", "check", str(path), cwd=tmp_path)
    assert time.monotonic() - started < 30, "no hang"
    assert done.returncode == 2
    assert f"{path}" in done.stderr and expected in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert digest(tmp_path) == before


@pytest.mark.parametrize("fix", [False, True])
def test_alias_bomb_and_nested_duplicate_in_draft_front_matter(tmp_path, fix):
    (tmp_path / "bom.md").write_text("---\nagency: dinkes\nfields:\n" + bomb("  ") +
                                     "---\nHalo warga. #KotaTasikmalaya\n", encoding="utf-8")
    (tmp_path / "ganda.md").write_text("---\nagency: dinkes\nfields: {judul: A, judul: B}\n---\nHalo warga.\n",
                                       encoding="utf-8")
    before = digest(tmp_path)
    done = humaskit("lint", str(tmp_path), *(["--fix"] if fix else []), cwd=tmp_path)
    out = done.stdout + done.stderr
    assert done.returncode == 2
    assert "bom.md:" in out and "alias" in out
    assert "ganda.md:3:" in out and "Kunci 'judul' ditulis dua kali" in out
    assert "Traceback" not in out
    assert digest(tmp_path) == before


def test_alias_bomb_in_a_calendar_plan(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "dinkes.yaml").write_text("agency: dinkes\n" + bomb(), encoding="utf-8")
    done = humaskit("calendar", "build", "--month", "2026-12", "--plans", str(plans), "--out",
                    str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2 and "dinkes.yaml" in done.stderr and "alias" in done.stderr
    assert "Traceback" not in done.stderr


def test_merge_keys_with_an_override_are_valid():
    value = load_located("base: &b {a: 1, b: 2}\nx:\n  <<: *b\n  b: 3\ny:\n  <<: [*b, {c: 4}]\n  a: 0\n",
                         "t.yaml").value
    assert value["x"] == {"a": 1, "b": 3}
    assert value["y"] == {"a": 0, "b": 2, "c": 4}
    assert load_plain("base: &b {a: 1}\nx:\n  <<: *b\n  a: 2\n")["x"] == {"a": 2}


def test_nesting_within_the_budget_is_fine():
    depth = MAX_DEPTH - 2
    assert load_located("x: " + "[" * depth + "]" * depth, "t.yaml").value is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab:-&*[]{},'\"!#|>\n \t<\0\x1b\u202e9.") + ["<<", "&x ", "*x", "\n  "]),
                max_size=80).map("".join))
def test_the_loader_only_ever_raises_our_error(text):
    started = time.monotonic()
    try:
        load_located(text, "f.yaml")
    except HumaskitError as exc:
        assert exc.problems and all(p.path == "f.yaml" for p in exc.problems)
    assert time.monotonic() - started < 5


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_front_matter_never_raises_anything_but_our_error(body):
    from humaskit.draft import parse_draft

    try:
        parse_draft("---\n" + body + "\n---\nHalo warga.\n", "d.md")
    except HumaskitError as exc:
        assert all(p.path == "d.md" for p in exc.problems)


# --- files that are not files, and sizes checked before reading -------------------------------

def test_fifo_device_and_huge_file_are_refused_without_reading(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipa.md")
    huge = tmp_path / "besar.md"
    with open(huge, "wb") as handle:
        handle.truncate(3 * 1024 ** 3)  # sparse: 3 GB on paper, nothing on disk
    before = {p.name for p in tmp_path.iterdir()} | {"humaskit.yaml"}
    started = time.monotonic()
    done = humaskit("lint", "pipa.md", "besar.md", "--guideline", "/dev/zero", cwd=tmp_path)
    assert done.returncode == 2
    assert "/dev/zero: Berkas pedoman bukan berkas biasa" in done.stderr
    done = humaskit("lint", "pipa.md", "besar.md", cwd=tmp_path)
    out = done.stdout + done.stderr
    assert done.returncode == 2
    assert "pipa.md: Draf bukan berkas biasa" in out
    assert "besar.md: Draf terlalu besar" in out
    (tmp_path / "humaskit.yaml").write_text("guideline: /dev/zero\n", encoding="utf-8")
    done = humaskit("guideline", "check", cwd=tmp_path)  # humaskit.yaml names a device
    assert done.returncode == 2 and "bukan berkas biasa" in done.stderr
    assert time.monotonic() - started < 30, "no hang, nothing read whole"
    assert {p.name for p in tmp_path.iterdir()} == before


def test_operating_system_reasons_are_indonesian():
    import errno

    from humaskit.errors import os_reason

    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "ruang disk penuh"
    assert os_reason(OSError(errno.EEXIST, "File exists")) == "berkas sudah ada"
    assert os_reason(OSError(errno.EROFS, "Read-only file system")) == "sistem berkas hanya dapat dibaca"
