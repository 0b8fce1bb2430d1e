"""docs/guideline.md, generated from the schema so the reference never drifts from the code."""

from __future__ import annotations

from humaskit.guideline.spec import ListOf, MapOf, OneOf, Section, Spec

INTRO = """# Pedoman (guideline) — format berkas

Dokumen ini dibuat dari skema di kode (`python -m humaskit.guideline.docs > docs/guideline.md`);
jangan diedit langsung: sebuah uji gagal bila dokumen ini tertinggal dari kode.

Pedoman adalah satu dokumen YAML. humaskit membawa contoh lengkap untuk Kota Tasikmalaya
(`guidelines/tasikmalaya.yaml`), yang memperluas pedoman dasar nasional (`guidelines/nasional.yaml`).
Pedoman dipilih dengan urutan ini: opsi `--guideline FILE`; kunci `guideline:` di berkas
`humaskit.yaml` di folder kerja atau folder induknya; pedoman bawaan Kota Tasikmalaya.

## Memperluas pedoman (`extends`)

```yaml
extends: tasikmalaya          # nama pedoman bawaan, atau berkas relatif terhadap berkas ini
tone:
  register: friendly          # menimpa nilai dasar
  allow+: [Sahabat]           # `kunci+:` menambah ke daftar dasar alih-alih menggantinya
```

Pemetaan digabung kunci demi kunci; nilai lain (teks, angka, daftar) diganti, kecuali daftar
dengan `kunci+:` yang ditambahkan. Pedoman perangkat daerah dapat memperluas pedoman kota
dengan cara yang sama.

## Validasi

`humaskit guideline check FILE` memeriksa seluruh berkas sekaligus: setiap kunci yang tidak
dikenal, tipe yang salah, nilai yang tidak valid, dan rujukan ke perangkat daerah, platform,
warna, atau aturan yang tidak ada dilaporkan sebagai `berkas:baris:kolom [kunci] pesan`,
dengan saran kunci terdekat ("Apakah maksud Anda ..."), lalu keluar dengan kode 2.

## Referensi kunci
"""


def _type(spec: Spec) -> str:
    if isinstance(spec, Section):
        return "bagian"
    choices = getattr(spec, "choices", None)
    if choices:
        return "salah satu: " + ", ".join(f"`{c}`" for c in choices)
    return spec.type_label or type(spec).__name__


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def _walk(spec: Spec, path: str, out: list[str]) -> None:
    if isinstance(spec, Section):
        for name, fld in spec.fields.items():
            key = f"{path}.{name}" if path else name
            default = fld.default() if callable(fld.default) else fld.default
            shown = "wajib" if fld.required else (f"`{_value(default)}`" if default not in (None, [], {}) else "")
            out.append(f"| `{key}` | {_type(fld.spec)} | {shown} | {fld.doc} |")
            _walk(fld.spec, key, out)
    elif isinstance(spec, ListOf):
        _walk(spec.item, f"{path}[]", out)
    elif isinstance(spec, MapOf):
        _walk(spec.value, f"{path}.<kunci>", out)
    elif isinstance(spec, OneOf):
        for option in spec.options:
            _walk(option, path, out)


def setting(key: str):
    """The schema's field for a dotted guideline key (``tone.max_emoji``; ``*`` for any key of a
    mapping or item of a list, as in ``platforms.*.max_chars``), or None if there is none."""
    from humaskit.guideline.schema import GUIDELINE

    spec, found = GUIDELINE, None
    for part in key.split("."):
        while isinstance(spec, OneOf):  # the shape with fields, if one has them
            spec = next((o for o in spec.options if isinstance(o, (Section, MapOf, ListOf))), None)
        if isinstance(spec, Section) and part in spec.fields:
            found = spec.fields[part]
            spec = found.spec
        elif part == "*" and isinstance(spec, MapOf):
            spec, found = spec.value, None
        elif part == "*" and isinstance(spec, ListOf):
            spec, found = spec.item, None
        else:
            return None
    return found


def setting_text(key: str) -> str:
    """``key`` as the rule docs show it: its description and its default."""
    fld = setting(key)
    default = fld.default() if callable(fld.default) else fld.default
    shown = f" (bawaan `{_value(default)}`)" if default not in (None, [], {}, "") else ""
    return f"`{key}`{shown}: {fld.doc}"


def guideline_markdown() -> str:
    from humaskit.guideline.schema import GUIDELINE

    rows = ["| kunci | tipe | bawaan | keterangan |", "| --- | --- | --- | --- |"]
    _walk(GUIDELINE, "", rows)
    return INTRO + "\n" + "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(guideline_markdown(), end="")
