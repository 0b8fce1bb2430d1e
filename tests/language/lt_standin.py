"""A STAND-IN for a LanguageTool server (LanguageTool itself cannot be installed here).

It answers ``GET /v2/languages`` and ``POST /v2/check`` on 127.0.0.1 in LanguageTool's JSON
format, with one grammar rule ("This are" → "These are"/"This is"), so the backend's real client
code (language-tool-python) runs against real HTTP.
"""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


def _utf16_offset(text: str, index: int) -> int:
    """LanguageTool (Java) counts offsets in UTF-16 code units."""
    return len(text[:index].encode("utf-16-le")) // 2


class _Handler(BaseHTTPRequestHandler):
    requests: list = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, payload) -> None:
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/v2/languages"):
            self._send([{"name": "English (US)", "code": "en", "longCode": "en-US"},
                        {"name": "English (GB)", "code": "en", "longCode": "en-GB"}])
        else:
            self.send_error(404)

    def do_POST(self):
        if not self.path.startswith("/v2/check"):
            self.send_error(404)
            return
        form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        text = form["text"][0]
        type(self).requests.append(form)
        matches = []
        at = text.find("This are")
        if at != -1:
            matches.append({
                "message": "The verb 'are' does not agree with 'This'.", "shortMessage": "Agreement",
                "replacements": [{"value": "These are"}, {"value": "This is"}],
                "offset": _utf16_offset(text, at), "length": len("This are"),
                "context": {"text": text, "offset": _utf16_offset(text, at), "length": len("This are")},
                "sentence": text,
                "rule": {"id": "THIS_NNS_VB", "description": "agreement", "issueType": "grammar",
                         "category": {"id": "GRAMMAR", "name": "Grammar"}},
                "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
            })
        self._send({"software": {"name": "LanguageTool (stand-in)", "version": "6.5"},
                    "language": {"name": "English (US)", "code": form.get("language", ["en-US"])[0]},
                    "matches": matches})


@contextmanager
def languagetool_standin():
    """Run the stand-in on a free port of 127.0.0.1; yields its base URL."""
    _Handler.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", _Handler.requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
