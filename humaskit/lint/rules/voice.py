"""One voice across agencies: declared here so that it has an id, docs and a severity like every
rule; the comparison itself (humaskit.voice) runs over all the drafts of a lint run at once."""

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
