"""Shared by the desk tests: the accounts of every role and a client that sends CSRF tokens."""

from __future__ import annotations

import re

PASSWORD = "sandi-rahasia-123"
ACCOUNTS = {  # name: (role, agency)
    "koor": ("koordinator", None),
    "desain": ("desainer", None),
    "siti": ("staf", "dinkes"),
    "budi": ("staf", "dpupr"),
}


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


class Browser:
    """A test client that remembers the page's CSRF token, as a browser's form would send it."""

    def __init__(self, client):
        self.client = client
        self.csrf = None

    def get(self, url, **kwargs):
        response = self.client.get(url, **kwargs)
        match = re.search(r'name="csrf-token" content="([^"]+)"', response.get_data(as_text=True))
        if match:
            self.csrf = match.group(1)
        return response

    def post(self, url, data=None, **kwargs):
        if self.csrf is None:
            self.get("/masuk")
        data = dict(data or {})
        data.setdefault("csrf", self.csrf)
        return self.client.post(url, data=data, **kwargs)

    def api(self, url, body):
        return self.client.post(url, json=body, headers={"X-CSRF-Token": self.csrf or ""})

    def login(self, name, password=PASSWORD):
        self.get("/masuk")
        response = self.post("/masuk", {"nama": name, "sandi": password})
        self.get("/periksa")
        return response
