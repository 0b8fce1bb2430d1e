"""Property tests for the language rules: any mix of their triggers lints, every span lies in
the file, and --fix settles (fixing twice changes nothing more than fixing once)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from humaskit.guideline import load_guideline
from humaskit.draft import parse_draft
from humaskit.lint.engine import Linter
from humaskit.lint.fixing import fix_text

TRIGGERS = st.sampled_from([
    "anak anak", "ibu2", "ah ah ah", "kamipun", "hasil nya", "KTP-nya", "rumah-nya", "dikantor", "kerumah",
    "di unduh", "di atas", "masyarkat", "pemerintha", "03 des 2026", "3/12/2026", "Rp25000", "Rp. 5.000,-",
    "rp 1,5 juta", "5 petugas", "kepala dinas Kesehatan", "camat Tawang", "pukul 08.00-12.00", "jam 7 pagi",
    "08:00 WIB", "pukul 01:35:20", "dll..", "d.l.l", "Yth", "yang yang", "hari ini ,", "Jumat, 19 Desember 2026",
    "Senin (19/12/2026)", "Kamis 12 Desember", ".", "!", "?", "\n", "\r\n", " ", "https://x.go.id/a.b", "#Tag",
    "@akun", "🎉", "e\u0301", "2026", "07.00", "dr.", "Syarat :", "bukan urusan kami", "terima kasih",
])
CAPTIONS = st.lists(st.one_of(TRIGGERS, st.text(max_size=6)), max_size=30).map(" ".join)
FRONT = st.sampled_from(["", "---\nagency: dinkes\npublish: 2026-12-10T09:00\n---\n",
                         "---\r\nkind: reply\r\nagency: dishub\r\n---\r\n"])
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LINTER = Linter(load_guideline(), select=("grammar", "spelling", "reply", "tone.long-sentence"))


@SETTINGS
@given(FRONT, CAPTIONS)
def test_spans_lie_inside_the_caption(front, caption):
    text = front + caption
    draft = parse_draft(text, "a.md", guideline=LINTER.guideline)
    for f in LINTER.lint_draft(draft).findings:
        assert draft.body_start <= f.start <= f.end <= len(text), f
        assert f.message


@SETTINGS
@given(FRONT, CAPTIONS)
def test_fixing_settles(front, caption):
    text = front + caption
    once = fix_text(LINTER, parse_draft(text, "a.md", guideline=LINTER.guideline))
    twice = fix_text(LINTER, parse_draft(once, "a.md", guideline=LINTER.guideline))
    assert twice == once
    assert once.startswith(front)  # fixes never touch the front matter
