"""Load test of `humaskit serve`: 50 staff linting as they type against a real server on
127.0.0.1, each sending a 300-word caption (a little longer every request, as typing does).
Target: p95 < 100 ms and no error. Bounded: 50 users x 20 requests, 120 s at most.

Run by hand (never in the test suite):  python benchmarks/bench_serve.py [users] [requests]
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
USERS = int(sys.argv[1]) if len(sys.argv) > 1 else 50
REQUESTS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
PASSWORD = "sandi-beban-123"
SENTENCE = ("Dinas Kesehatan mengajak warga datang ke posyandu terdekat pada hari Sabtu pukul 08.00 WIB "
            "untuk imunisasi anak dan pemeriksaan ibu hamil secara gratis. ")
CAPTION = (SENTENCE * 20).strip() + " #KotaTasikmalaya #DinkesTasikmalaya"  # 300 words


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Loopback(http.cookiejar.DefaultCookiePolicy):
    """Send the desk's Secure cookie to http://127.0.0.1, as browsers do (urllib wants https)."""

    def return_ok_secure(self, cookie, request):
        return True


def _session(url: str):
    jar = http.cookiejar.CookieJar(_Loopback())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(url + "/masuk").read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)[1]
    body = urllib.parse.urlencode({"csrf": csrf, "nama": "staf", "sandi": PASSWORD}).encode()
    page = opener.open(url + "/masuk", body).read().decode()
    return opener, re.search(r'name="csrf-token" content="([^"]+)"', page)[1]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = str(Path(folder) / "meja")
        subprocess.run([sys.executable, "-m", "humaskit", "serve", "akun", "tambah", "staf", "--peran", "staf",
                        "--instansi", "dinkes", "--sandi-stdin", "--data", data], input=PASSWORD + "\n",
                       text=True, check=True, cwd=ROOT, capture_output=True)
        port = _port()
        server = subprocess.Popen([sys.executable, "-m", "humaskit", "serve", "--data", data, "--port", str(port),
                                   "--threads", "8"], cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(url + "/masuk", timeout=2)
                    break
                except OSError:
                    time.sleep(0.1)
            sessions = [_session(url) for _ in range(USERS)]
            latencies, errors = [], []

            def staff(opener, csrf: str, n: int) -> None:
                for i in range(REQUESTS):
                    body = json.dumps({"teks": CAPTION[: len(CAPTION) - REQUESTS + i], "agency": "dinkes",
                                       "platforms": ["instagram", "facebook"], "kind": "post"}).encode()
                    request = urllib.request.Request(url + "/api/periksa", body, {
                        "Content-Type": "application/json", "X-CSRF-Token": csrf})
                    start = time.perf_counter()
                    try:
                        answer = json.loads(opener.open(request, timeout=30).read())
                        assert "findings" in answer
                        latencies.append(time.perf_counter() - start)
                    except Exception as exc:  # counted, not raised: the report says how many
                        errors.append(repr(exc))
                    time.sleep(0.25)  # the page's debounce: a request per pause in typing

            # every server thread builds its linter on its first request: warm them all first
            warm = [threading.Thread(target=staff, args=(*s, n)) for n, s in enumerate(sessions[:16])]
            for t in warm:
                t.start()
            for t in warm:
                t.join(timeout=120)
            latencies.clear()
            threads = [threading.Thread(target=staff, args=(*s, n)) for n, s in enumerate(sessions)]
            began = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=120)
            elapsed = time.perf_counter() - began
        finally:
            server.terminate()
            server.wait(timeout=30)
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[int(len(ms) * 0.95) - 1] if ms else float("nan")
    print(f"{USERS} staff x {REQUESTS} requests, 300-word caption: {len(ms)} answers, {len(errors)} errors, "
          f"{len(ms) / elapsed:.0f} requests/s, p50 {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms")
    if errors:
        print("first error:", errors[0])


if __name__ == "__main__":
    main()
