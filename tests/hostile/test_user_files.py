"""Files the user owns: --fix respects read-only drafts, symlinks, modes and edits saved in
between; Ctrl-C stops cleanly; humaskit.yaml is found as git finds a repository; every
report names its guideline; counts and operating-system reasons stay right under errors."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from humaskit.errors import HumaskitError, os_reason
from humaskit.fsutil import atomic_write, check_regular, read_user_bytes

FIXABLE = "---\nagency: dinkes\nplatforms: [facebook]\n---\nDinkes menghimbau warga agar waspada. #KotaTasikmalaya\n"


def humaskit(*args, cwd, **kwargs):
    return subprocess.run([sys.executable, "-m", "humaskit", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120, **kwargs)


def digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


# --- --fix and the user's file ---------------------------------------------------------------

def test_fix_leaves_a_read_only_draft_alone_and_counts_it_once(tmp_path):
    locked, other = tmp_path / "terkunci.md", tmp_path / "biasa.md"
    locked.write_text(FIXABLE, encoding="utf-8")
    other.write_text(FIXABLE, encoding="utf-8")
    locked.chmod(0o444)
    done = humaskit("lint", "--fix", "terkunci.md", "biasa.md", cwd=tmp_path)
    out = done.stdout + done.stderr
    assert done.returncode == 2
    assert "terkunci.md: Perbaikan tidak ditulis: Draf hanya dapat dibaca" in out, out
    assert locked.read_text(encoding="utf-8") == FIXABLE and oct(locked.stat().st_mode & 0o777) == "0o444"
    assert "menghimbau" not in other.read_text(encoding="utf-8"), "the writable draft is still fixed"
    assert "2 berkas diperiksa" in out and "1 masalah masukan" in out, out
    assert "Traceback" not in out and no_temp_files(tmp_path)


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link_and_mode(tmp_path):
    real = tmp_path / "asli" / "draf.md"
    real.parent.mkdir()
    real.write_text(FIXABLE, encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "tautan.md"
    link.symlink_to(real)
    done = humaskit("lint", "--fix", "tautan.md", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "mengimbau" in real.read_text(encoding="utf-8")
    assert oct(real.stat().st_mode & 0o777) == "0o640"
    assert no_temp_files(tmp_path)


def test_an_edit_saved_between_read_and_write_is_never_overwritten(tmp_path, monkeypatch):
    """The user saves the draft in an editor while --fix is working on it."""
    import humaskit.lint.fixing as fixing
    from humaskit.lint.api import run_lint

    draft = tmp_path / "draf.md"
    draft.write_text(FIXABLE, encoding="utf-8")
    edited = FIXABLE.replace("waspada", "waspada dan tenang")
    real_fix_text = fixing.fix_text

    def fix_while_the_user_saves(linter, current, *args, **kwargs):
        fixed = real_fix_text(linter, current, *args, **kwargs)
        draft.write_text(edited, encoding="utf-8")
        return fixed

    monkeypatch.setattr(fixing, "fix_text", fix_while_the_user_saves)
    out = __import__("io").StringIO()
    code = run_lint([str(draft)], fix=True, out=out)
    assert code == 2
    assert "berubah sejak dibaca" in out.getvalue() and f"{draft}:" in out.getvalue()
    assert draft.read_text(encoding="utf-8") == edited
    assert no_temp_files(tmp_path)


def test_atomic_write_refuses_a_changed_file_a_device_and_keeps_nothing_behind(tmp_path, monkeypatch):
    path = tmp_path / "berkas.txt"
    path.write_text("lama\n", encoding="utf-8")
    with pytest.raises(HumaskitError, match="berubah sejak dibaca"):
        atomic_write(path, "baru\n", expected="yang lain\n")
    with pytest.raises(HumaskitError, match="bukan berkas biasa"):
        atomic_write("/dev/null", "baru\n")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(HumaskitError) as info:
        atomic_write(path, "baru\n", expected="lama\n")
    assert str(info.value) == f"{path}: Berkas tidak dapat ditulis: ruang disk penuh."
    assert path.read_text(encoding="utf-8") == "lama\n" and no_temp_files(tmp_path)


def test_an_interrupt_inside_atomic_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "berkas.txt"
    path.write_text("lama\n", encoding="utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, "baru\n")
    assert [p.name for p in tmp_path.iterdir()] == ["berkas.txt"]
    assert path.read_text(encoding="utf-8") == "lama\n"


# --- Ctrl-C during a parallel --fix ------------------------------------------------------------

def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _many_drafts(folder: Path, count: int = 2500) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"draf-{i:04}.md").write_text(FIXABLE, encoding="utf-8")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="watches worker processes through /proc")
@pytest.mark.parametrize("moment", ["while linting", "while writing fixes"])
def test_one_ctrl_c_stops_a_parallel_fix_cleanly(tmp_path, moment):
    drafts = tmp_path / "draf"
    _many_drafts(drafts)
    # Bytes, read straight from the pipe: a buffered readline would keep the rest of its chunk from
    # communicate() below and lose part of what the lint wrote.
    proc = subprocess.Popen([sys.executable, "-m", "humaskit", "lint", "--fix", "--jobs", "2", "draf"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    first = b""
    if moment == "while linting":
        while not _children(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _children(proc.pid), "the lint never started its worker processes"
    else:
        while b"\n" not in first and time.monotonic() < deadline:  # once the first fix is written
            chunk = os.read(proc.stderr.fileno(), 65536)
            if not chunk:
                break
            first += chunk
        assert first.startswith("diperbaiki:".encode()), first
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    _, err = proc.communicate(timeout=60)
    err = (first + err).decode("utf-8")
    assert proc.returncode == 130, err[-2000:]
    # What is left once each file's report of its fixes (a "diperbaiki:" line and its indented changes)
    # is taken out: the one word that says the run was stopped.
    lines = [line for line in err.splitlines()
             if not line.startswith("diperbaiki:") and not re.match(r"  \d+:\d+  ", line)]
    assert lines == ["Dihentikan."], lines[:20]
    assert no_temp_files(drafts)
    fixed = None
    for path in drafts.iterdir():  # each draft is the old version or the fixed one, never half
        text = path.read_text(encoding="utf-8")
        if text != FIXABLE:
            fixed = fixed or text
            assert text == fixed and "mengimbau" in text


# --- humaskit.yaml discovery and the guideline in every report ---------------------------------

def _config(folder: Path, guideline: str = "pedoman.yaml") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "humaskit.yaml").write_text(f"guideline: {guideline}\n", encoding="utf-8")
    (folder / guideline).write_text("extends: tasikmalaya\nname: Pedoman Lain\n", encoding="utf-8")


def test_discovery_stops_at_a_git_folder_and_the_home_folder(tmp_path, monkeypatch):
    from humaskit.guideline import find_guideline

    _config(tmp_path)  # above the repository: not this project's guideline
    project = tmp_path / "proyek"
    (project / ".git").mkdir(parents=True)
    (project / "draf").mkdir()
    assert find_guideline(project / "draf") is None
    _config(project)
    assert find_guideline(project / "draf") == project / "pedoman.yaml"

    home = tmp_path / "rumah"
    (home / "kerja").mkdir(parents=True)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    assert find_guideline(home / "kerja") is None  # tmp_path/humaskit.yaml is above home


def test_discovery_never_walks_into_the_filesystem_root_or_its_children():
    from humaskit.guideline.loader import _search_folders

    walked = list(_search_folders(Path("/srv/humas/tidak-ada/draf")))
    assert walked[0] == Path("/srv/humas/tidak-ada/draf")
    assert Path("/srv") not in walked and Path("/") not in walked


def test_a_humaskit_yaml_owned_by_someone_else_is_ignored_with_a_warning(tmp_path, monkeypatch, capsys):
    from humaskit.guideline import find_guideline

    _config(tmp_path)
    owner = (tmp_path / "humaskit.yaml").stat().st_uid
    monkeypatch.setattr(os, "getuid", lambda: owner + 1)
    assert find_guideline(tmp_path) is None
    warning = capsys.readouterr().err
    assert f"peringatan: {tmp_path / 'humaskit.yaml'} diabaikan karena pemiliknya pengguna lain" in warning


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_a_foreign_humaskit_yaml_cannot_switch_rules_off(tmp_path):
    """End to end, as a file another user left in a shared folder: the shipped rules apply."""
    (tmp_path / "humaskit.yaml").write_text("guideline: longgar.yaml\n", encoding="utf-8")
    (tmp_path / "longgar.yaml").write_text("extends: tasikmalaya\nrules:\n  tone.informal-word: off\n",
                                           encoding="utf-8")
    os.chown(tmp_path / "humaskit.yaml", 4242, 4242)
    (tmp_path / "draf.md").write_text(FIXABLE.replace("waspada", "gak panik"), encoding="utf-8")
    done = humaskit("lint", "draf.md", "--format", "json", cwd=tmp_path)
    assert "diabaikan karena pemiliknya pengguna lain (uid 4242)" in done.stderr
    payload = json.loads(done.stdout)
    assert payload["guideline"] == "tasikmalaya"
    assert "tone.informal-word" in {f["rule"] for f in payload["findings"]}


def test_every_report_format_names_the_guideline_relative_to_the_working_folder(tmp_path):
    _config(tmp_path / "proyek")
    (tmp_path / "proyek" / "draf.md").write_text(FIXABLE, encoding="utf-8")
    cwd = tmp_path / "proyek"
    outputs = {fmt: humaskit("lint", "draf.md", "--format", fmt, cwd=cwd).stdout
               for fmt in ("text", "json", "sarif", "github")}
    assert "\npedoman: pedoman.yaml\n" in outputs["text"]
    assert json.loads(outputs["json"])["guideline"] == "pedoman.yaml"
    assert json.loads(outputs["sarif"])["runs"][0]["properties"] == {"guideline": "pedoman.yaml"}
    assert outputs["github"].startswith("::notice title=humaskit::Pedoman: pedoman.yaml\n")
    assert str(tmp_path) not in "".join(outputs.values()), "no machine path in a report"


# --- readers: devices, FIFOs, sizes -----------------------------------------------------------

def test_dev_zero_as_a_draft_a_guideline_and_a_plan_entry_exits_2_quickly(tmp_path):
    plans = tmp_path / "rencana"
    plans.mkdir()
    (plans / "dinkes.yaml").write_text(
        "agency: dinkes\nentries:\n  - id: nol\n    title: Entri dengan draf perangkat\n    platforms: [instagram]\n"
        "    date: 2026-12-10\n    time: '09:00-10:00'\n    draft: /dev/zero\n", encoding="utf-8")
    (tmp_path / "nol.md").symlink_to("/dev/zero")  # a draft's name, a device behind it
    before = digest(tmp_path)
    started = time.monotonic()
    for args, expected in ((["lint", "nol.md"], "nol.md: Draf bukan berkas biasa"),
                           (["lint", "-"], "-: Draf terlalu besar"),
                           (["guideline", "check", "/dev/zero"], "/dev/zero: Berkas pedoman bukan berkas biasa"),
                           (["calendar", "build", "--month", "2026-12", "--plans", "rencana", "--out", "kal"],
                            "/dev/zero")):
        with open("/dev/zero", "rb") as zero:
            done = humaskit(*args, cwd=tmp_path, stdin=zero)
        out = done.stdout + done.stderr
        assert done.returncode == 2 and expected in out, out
        assert "Traceback" not in out
    assert time.monotonic() - started < 60, "nothing read whole"
    assert digest(tmp_path) == before


def test_readers_refuse_special_files_by_type_not_as_missing(tmp_path):
    os.mkfifo(tmp_path / "logo.png")
    for path, expected in ((tmp_path / "logo.png", "bukan berkas biasa"), (tmp_path, "adalah folder"),
                           (tmp_path / "tidak-ada.png", "tidak ditemukan")):
        with pytest.raises(HumaskitError, match=expected):
            check_regular(path, what="Berkas logo")
        with pytest.raises(HumaskitError, match=expected):
            read_user_bytes(path, what="Berkas logo")
    huge = tmp_path / "besar.png"
    with open(huge, "wb") as handle:
        handle.truncate(5 * 1024 ** 3)  # sparse: 5 GB on paper
    with pytest.raises(HumaskitError, match="terlalu besar"):
        read_user_bytes(huge, what="Berkas logo", max_bytes=1_000_000)


def test_a_drafts_image_that_is_a_fifo_device_or_folder_is_unreadable_not_missing(tmp_path):
    os.mkfifo(tmp_path / "pipa.png")
    (tmp_path / "folder.png").mkdir()
    for image, expected in (("pipa.png", "bukan berkas biasa"), ("/dev/zero", "bukan berkas biasa"),
                            ("folder.png", "adalah folder"), ("hilang.png", "tidak ditemukan")):
        (tmp_path / "draf.md").write_text(f"---\nimage: {image}\nalt: Poster\n---\nHalo warga.\n", encoding="utf-8")
        done = humaskit("lint", "--format", "json", "draf.md", cwd=tmp_path)  # a FIFO opened would hang
        found = {f["rule"]: f["message"] for f in json.loads(done.stdout)["findings"]}
        rule = "visual.image-missing" if image == "hilang.png" else "visual.image-unreadable"
        assert expected in found.get(rule, ""), found


def test_operating_system_reasons_are_explained_in_indonesian():
    english = {errno.EEXIST: "File exists", errno.ENOSPC: "No space left on device", errno.EACCES: "Permission denied",
               errno.EROFS: "Read-only file system", errno.EISDIR: "Is a directory"}
    for number, text in english.items():
        reason = os_reason(OSError(number, text))
        assert reason and not set(text.lower().split()) & set(reason.split()), reason
