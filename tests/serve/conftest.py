"""The desk over a real data folder and the shipped guideline, with one account per role."""

from __future__ import annotations

import re

import pytest

from humaskit.clikit import resolve_guideline

PASSWORD = "sandi-rahasia-123"
ACCOUNTS = {  # name: (role, agency)
    "koor": ("koordinator", None),
    "desain": ("desainer", None),
    "siti": ("staf", "dinkes"),
    "budi": ("staf", "dpupr"),
}


@pytest.fixture(scope="session")
def guideline():
    return resolve_guideline(None)


@pytest.fixture
def data_dir(tmp_path, guideline):
    from humaskit.serve.desk import Desk

    folder = tmp_path / "data"
    desk = Desk(folder, create=True)
    for name, (role, agency) in ACCOUNTS.items():
        desk.add_user(name, role, agency, PASSWORD, guideline)
    desk.close()
    return folder


@pytest.fixture
def clock():
    class Clock:
        now = 1_800_000_000.0

        def __call__(self):
            return self.now

    return Clock()


@pytest.fixture
def app(data_dir, guideline, clock):
    from humaskit.serve.app import create_app

    application = create_app(data_dir, guideline, secure_cookies=False, clock=clock)
    application.config["TESTING"] = True
    return application


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


@pytest.fixture
def browser(app):
    def make(name=None):
        b = Browser(app.test_client())
        if name:
            assert b.login(name).status_code == 302
        return b
    return make
