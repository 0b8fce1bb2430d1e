"""Optional grammar backend: a LanguageTool server, for drafts in a language LanguageTool supports.

``language-tool-python`` (GPL-3.0) is an optional extra (``pip install humaskit[languagetool]``)
and is imported only here, only when a draft needs it. Nothing is downloaded: the library is
only ever pointed at a server named in the guideline or in ``HUMASKIT_LANGUAGETOOL_URL``. When
the library, the server or its answer is missing, lint goes on and says so once.
"""

from __future__ import annotations

import os

from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule

ENV_URL = "HUMASKIT_LANGUAGETOOL_URL"


def _state(guideline) -> dict:
    return {"tools": {}, "down": None}


def _tool(url: str, language: str, timeout: float):
    import language_tool_python

    # The request timeout is a class attribute in language-tool-python; a subclass keeps ours local.
    tool_class = type("HumaskitLanguageTool", (language_tool_python.LanguageTool,), {"_TIMEOUT": timeout})
    return tool_class(language, remote_server=url)


@rule("grammar.languagetool", category="grammar", severity="warning", fixable=True, local=False,
      summary="Tata bahasa menurut LanguageTool (opsional, untuk draf berbahasa lain)",
      wrong="---\nagency: disparbud\nlang: en-US\n---\nThis are the best place to visit in Tasikmalaya.",
      right="---\nagency: disparbud\nlang: en-US\n---\nThis is the best place to visit in Tasikmalaya.")
def languagetool(ctx):
    """Apa yang diperiksa:
    Draf yang front matter-nya menyebut bahasa (`lang: en-US`) yang tercantum di
    `grammar.languages` dikirim ke server LanguageTool (`grammar.languagetool_url` atau variabel
    lingkungan HUMASKIT_LANGUAGETOOL_URL); setiap temuannya menjadi temuan `grammar` dengan
    usulan perbaikan pertama dari LanguageTool. LanguageTool tidak mendukung bahasa Indonesia,
    jadi ini untuk unggahan berbahasa Inggris (misalnya akun pariwisata). Perlu paket opsional
    `pip install humaskit[languagetool]` dan server LanguageTool sendiri; bila salah satunya
    tidak ada atau server tidak menjawab, pemeriksaan ini dilewati dengan satu pemberitahuan.
    Mengapa:
    Unggahan berbahasa asing juga mewakili pemerintah kota; kesalahan tata bahasa di sana sama
    memalukannya.
    """
    settings = ctx.guideline["grammar"]
    language = ctx.draft.lang
    if not language or language not in settings["languages"]:
        return
    url = settings.get("languagetool_url") or os.environ.get(ENV_URL)
    if not url:
        ctx.notice(f"Pemeriksa tata bahasa LanguageTool dilewati untuk draf berbahasa {language}: server belum "
                   f"diatur (grammar.languagetool_url di pedoman atau variabel {ENV_URL}).")
        return
    state = ctx.memo("grammar.languagetool", _state)
    if state["down"]:
        ctx.notice(state["down"])
        return
    try:
        tool = state["tools"].get(language)
        if tool is None:
            tool = state["tools"][language] = _tool(url, language, settings["timeout"])
        matches = tool.check(ctx.caption)
    except ImportError:
        state["down"] = ("Pemeriksa tata bahasa LanguageTool dilewati: paket language-tool-python belum terpasang "
                         "(pip install humaskit[languagetool]).")
    except Exception as exc:  # the library raises its own errors, requests' and ValueError alike
        state["down"] = (f"Pemeriksa tata bahasa LanguageTool dilewati: server {url} tidak menjawab dengan benar "
                         f"({type(exc).__name__}).")
    if state["down"]:
        ctx.notice(state["down"])
        return
    for match in matches:
        start = ctx.base + match.offset  # the server was sent the caption alone
        fix = match.replacements[0] if match.replacements else None
        yield Hit(start, start + match.error_length, f"{match.message} (LanguageTool {match.rule_id})", fix)
