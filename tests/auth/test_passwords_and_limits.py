"""Local accounts: Argon2id hashes, registration rules, and password attempts rate-limited in
the database, per account and per client address (so every process sees the same count)."""

import re
from html import unescape

import pytest
import sqlalchemy as sa
from argon2 import extract_parameters

from auth import passwords
from plugin import create_app
from plugin.store import users
from plugin.store.db import dispose, get_session
from plugin.store.login_models import LoginAttempt
from plugin.store.models import User
from tests.auth.conftest import PASSWORD, live_config, new_email


@pytest.fixture
def make_app(database_url, tmp_path):
    made = []

    def make(**config):
        app = create_app(live_config(database_url, **config))
        app.instance_path = str(tmp_path)
        made.append(app)
        return app

    yield make
    for app in made:
        dispose(app)


def account(app, password=PASSWORD) -> str:
    with app.app_context():
        session = get_session()
        email = new_email()
        user = users.create_user(session, email, "Jo Bloggs")
        user.password_hash = passwords.hash_password(password)
        session.commit()
        return email


def try_password(client, email, password, ip="10.0.0.1"):
    page = client.get("/oauth/login", environ_base={"REMOTE_ADDR": ip})
    csrf = unescape(re.search(r'name="csrf" value="([^"]*)"', page.text)[1])
    return client.post(
        "/oauth/login",
        data={"csrf": csrf, "email": email, "password": password, "return": "/oauth/authorize"},
        environ_base={"REMOTE_ADDR": ip},
    )


def test_hashes_are_argon2id_and_old_werkzeug_ones_still_verify():
    stored = passwords.hash_password(PASSWORD)
    assert stored.startswith("$argon2id$")
    assert passwords.verify(stored, PASSWORD) and not passwords.verify(stored, PASSWORD + "!")
    from werkzeug.security import generate_password_hash

    old = generate_password_hash(PASSWORD)
    assert passwords.verify(old, PASSWORD) and passwords.needs_rehash(old)
    assert not passwords.verify(None, PASSWORD)


def test_production_hashes_with_rfc_9106_parameters_and_those_hashes_verify(real_password_hasher):
    # The suite hashes with a cheaper Argon2id (tests/conftest.py); this is the real one.
    real = real_password_hasher
    assert (real.time_cost, real.memory_cost, real.parallelism) == (3, 64 * 1024, 4)
    assert real.type.name == "ID"
    stored = real.hash(PASSWORD)
    assert passwords.verify(stored, PASSWORD) and not passwords.verify(stored, PASSWORD + "!")
    # The hash a missing account is checked against costs what a real account's check costs.
    dummy = extract_parameters(passwords.DUMMY_HASH)
    made = extract_parameters(stored)
    assert dummy == made


def test_old_hash_is_upgraded_at_sign_in(make_app):
    app = make_app()
    with app.app_context():
        session = get_session()
        email = new_email()
        users.create_user(session, email, "Old Hash", PASSWORD)  # werkzeug's scrypt (CLI path)
        session.commit()
    assert try_password(app.test_client(), email, PASSWORD).status_code == 302
    with app.app_context():
        user = get_session().scalar(sa.select(User).where(User.email == email))
        assert user.password_hash.startswith("$argon2id$")


def test_brute_force_on_one_account_is_stopped(make_app, caplog):
    app = make_app(LOGIN_MAX_FAILURES_PER_ACCOUNT=3)
    email = account(app)
    client = app.test_client()
    for n in range(3):
        answer = try_password(client, email, f"guess number {n}")
        assert answer.status_code == 401 and "not right" in answer.text
    blocked = try_password(client, email, PASSWORD)  # even the right password now
    assert blocked.status_code == 429 and "Too many failed sign-ins" in blocked.text
    assert "too many failures" in caplog.text
    # Counted in the database: another app process refuses too.
    other = make_app(LOGIN_MAX_FAILURES_PER_ACCOUNT=3)
    assert try_password(other.test_client(), email, PASSWORD).status_code == 429
    # Another account from another address is not affected.
    assert try_password(client, account(app), PASSWORD, ip="10.0.0.2").status_code == 302


def test_a_stranger_elsewhere_cannot_lock_the_owner_out(make_app):
    app = make_app(LOGIN_MAX_FAILURES_PER_ACCOUNT=3, LOGIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES=6)
    email = account(app)
    client = app.test_client()
    assert try_password(client, email, PASSWORD, ip="10.1.1.1").status_code == 302  # the owner
    for n in range(3):
        assert try_password(client, email, f"guess {n}", ip="10.6.6.6").status_code == 401
    assert try_password(client, email, PASSWORD, ip="10.6.6.6").status_code == 429  # the stranger
    assert try_password(client, email, PASSWORD, ip="10.1.1.2").status_code == 302  # the owner
    # Spread over many addresses, guesses reach the account's ceiling: new addresses are refused,
    # but the owner's usual address still gets in.
    for n in range(6):
        try_password(client, email, f"guess {n}", ip=f"10.7.7.{n}")
    assert try_password(client, email, PASSWORD, ip="10.8.8.8").status_code == 429
    assert try_password(client, email, PASSWORD, ip="10.1.1.1").status_code == 302


def test_brute_force_from_one_address_is_stopped(make_app):
    app = make_app(LOGIN_MAX_FAILURES_PER_IP=4)
    client = app.test_client()
    for _ in range(4):
        assert try_password(client, new_email(), "wrong password", ip="10.9.9.9").status_code == 401
    assert try_password(client, account(app), PASSWORD, ip="10.9.9.9").status_code == 429
    assert try_password(client, account(app), PASSWORD, ip="10.9.9.8").status_code == 302
    with app.app_context():
        failures = get_session().scalar(
            sa.select(sa.func.count()).where(LoginAttempt.ip == "10.9.9.9", ~LoginAttempt.succeeded)
        )
        assert failures == 4  # a refused attempt is not even tried


def test_forms_need_their_csrf_token(make_app):
    app = make_app()
    client = app.test_client()
    client.get("/oauth/login")
    answer = client.post("/oauth/login", data={"email": account(app), "password": PASSWORD})
    assert answer.status_code == 400 and "did not come from this site" in answer.text


@pytest.mark.parametrize(
    ("fields", "message", "status"),
    [
        ({"password": "short"}, "at least 10 characters", 422),
        ({"password_again": "something else"}, "differ", 422),
        ({"name": ""}, "Enter your name", 422),
        ({"email": "not-an-email"}, "Enter your email", 422),
    ],
)
def test_registration_refuses_bad_input(make_app, fields, message, status):
    app = make_app()
    client = app.test_client()
    page = client.get("/oauth/register")
    csrf = unescape(re.search(r'name="csrf" value="([^"]*)"', page.text)[1])
    email = new_email()
    data = {"csrf": csrf, "email": email, "name": "N", "password": PASSWORD}
    data |= {"password_again": data["password"], **fields}
    if "password" in fields and "password_again" not in fields:
        data["password_again"] = fields["password"]
    answer = client.post("/oauth/register", data=data)
    assert answer.status_code == status and message in answer.text
    with app.app_context():
        assert get_session().scalar(sa.select(User).where(User.email == email)) is None


def test_registration_can_be_closed(make_app):
    app = make_app(BUILTIN_REGISTRATION=False)
    answer = app.test_client().get("/oauth/register")
    assert answer.status_code == 400 and "Registration is closed" in answer.text


def test_behind_a_proxy_each_client_address_counts(make_app):
    app = make_app(LOGIN_MAX_FAILURES_PER_IP=2, PROXY_HOPS=1)
    client = app.test_client()

    def attempt(email, password, client_ip):
        page = client.get("/oauth/login")
        csrf = unescape(re.search(r'name="csrf" value="([^"]*)"', page.text)[1])
        return client.post(
            "/oauth/login",
            data={"csrf": csrf, "email": email, "password": password},
            headers={"X-Forwarded-For": client_ip},
            environ_base={"REMOTE_ADDR": "10.0.0.100"},  # the proxy
        )

    for _ in range(2):
        assert attempt(new_email(), "wrong password", "203.0.113.7").status_code == 401
    assert attempt(account(app), PASSWORD, "203.0.113.7").status_code == 429
    assert attempt(account(app), PASSWORD, "203.0.113.8").status_code == 302
