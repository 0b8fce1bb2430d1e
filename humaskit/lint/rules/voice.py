"""One voice across agencies: declared here so that it has an id, docs and a severity like every
rule; the facts are read and compared by humaskit.voice, over all the drafts of a lint run at once
(add_findings)."""

from __future__ import annotations

from humaskit.lint.registry import rule

_RIGHT = ("---\nagency: diskominfo\nevent: Vaksinasi Massal Desember\npublish: 2026-11-29T09:00\n---\n"
          "Jangan lewatkan vaksinasi massal pada 1 Desember 2026 pukul 08.00 WIB di Gedung Dakwah Kota Tasikmalaya. "
          "#KotaTasikmalaya #DiskominfoTasikmalaya")


@rule("voice.conflict", category="voice", severity="error", scope="folder", example_files="voice",
      summary="Fakta berbeda antardraf tentang acara yang sama",
      wrong=_RIGHT.replace("1 Desember", "2 Desember"), right=_RIGHT)
def conflict(ctx):
    """Apa yang diperiksa:
    Draf yang membahas acara yang sama (nama yang sama di `event:`, atau kampanye yang sama, pada
    bulan yang sama) harus menyebut fakta yang sama: tanggal, jam, tempat, nomor telepon, dan
    jumlah uang (Rp). Bila satu draf menulis 1 Desember dan draf perangkat daerah lain menulis
    2 Desember, kedua draf dilaporkan dengan berkas dan barisnya. Diperiksa saat `humaskit lint`
    membaca beberapa draf sekaligus (sebuah folder) dan oleh `humaskit calendar check`. Draf yang
    hanya berbagi kampanye dilaporkan sebagai peringatan, karena kampanye bisa memuat beberapa acara.
    Contoh salah di bawah dibaca bersama draf Dinkes tentang acara yang sama, yang menulis
    "1 Desember 2026 pukul 08.00 WIB di Gedung Dakwah Kota Tasikmalaya".
    Mengapa:
    Komunikasi yang tidak seragam antarinstansi membingungkan warga dan merusak kepercayaan:
    warga yang datang pada tanggal yang salah menyalahkan pemerintah kota, bukan satu dinas.
    """
    return ()


def add_findings(report, linter, options: dict) -> None:
    """Add the conflicts between the drafts of one lint run to its report, as findings of the
    active folder rule (voice.conflict) in both files."""
    active = next((a for a in linter.active if a.rule.scope == "folder"), None)
    # Only drafts that name an event or a campaign can conflict; the others are not parsed again.
    candidates = [r for r in report.files if "event:" in r.text or "campaign:" in r.text]
    if active is None or len(candidates) < 2:
        return
    from humaskit.errors import HumaskitError
    from humaskit.draft import LineIndex, parse_draft
    from humaskit.lint.suppress import is_suppressed, suppressions
    from humaskit.lint.finding import Finding
    from humaskit.voice import conflicts, located

    drafts, results = [], {}
    for result in candidates:
        try:
            drafts.append(parse_draft(result.text, result.path, guideline=linter.guideline, **options))
        except HumaskitError:
            continue
        results[result.path] = result

    def where(draft, fact):
        return f"{draft.path}:{located(draft, fact)[0]}"

    touched = set()
    for conflict in conflicts(drafts, linter.guideline):
        severity = conflict.severity if active.severity == active.rule.severity else active.severity
        message = conflict.message(linter.guideline, where)
        for draft, fact in (conflict.first, conflict.second):
            line, column, end_line, end_column = located(draft, fact)
            if "humaskit-" in draft.text and is_suppressed(suppressions(draft, LineIndex.of(draft.text)),
                                                             active.rule, line):
                continue
            results[draft.path].findings.append(Finding(
                path=draft.path, line=line, column=column, end_line=end_line, end_column=end_column,
                rule=active.rule.id, category=active.rule.category, severity=severity, message=message, fix=None,
                start=fact.start, end=fact.end))
            touched.add(draft.path)
    for path in touched:
        results[path].findings.sort(key=Finding.sort_key)
