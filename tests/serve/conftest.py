"""The desk over a real data folder and the shipped guideline, with one account per role."""

from __future__ import annotations

import pytest

from deskhelp import ACCOUNTS, PASSWORD, Browser
from humaskit.guideline import resolve_guideline


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


@pytest.fixture
def browser(app):
    def make(name=None):
        b = Browser(app.test_client())
        if name:
            assert b.login(name).status_code == 302
        return b
    return make
