"""Built-in accounts get a verification mail on registering; following its signed link marks the
address verified, and the certificate then says "(verified by this service)"."""

from __future__ import annotations

import re

import sqlalchemy as sa

from auth.identities import email_verifier
from plugin.jobs.worker import run_until_idle
from plugin.store.db import get_session
from plugin.store.mail_models import EmailVerification
from plugin.store.models import User
from tests.auth.conftest import Browser, make_live_app, new_email, register_and_sign_in
from tests.documents.conftest import approve_all, draft_required, partners  # noqa: F401
from tests.documents.test_verified_emails import _approvers
from tests.notifications.conftest import mail_config


def test_registering_mails_a_link_that_verifies_the_address(own_database_url, tmp_path, inbox):
    config = mail_config(own_database_url, inbox.port)
    config.pop("SECRET_KEY"), config.pop("PUBLIC_ORIGIN"), config.pop("TESTING")
    live = make_live_app(own_database_url, tmp_path, **config)
    browser = Browser()
    try:
        email = new_email()
        register_and_sign_in(browser, live.url, email)
        assert inbox.to(email) == []  # the request does not wait for mail
        run_until_idle(live.app)
        (message,) = inbox.to(email)
        assert message.subject == "Confirm your email address"
        link = re.search(rf"{re.escape(live.url)}/mail/verify/\S+", message.part("plain"))[0]
        assert link in message.part("html")

        with live.app.app_context():
            user = get_session().scalar(sa.select(User).where(User.email == email))
            assert email_verifier(get_session(), user) is None
        for bad in (link[:-4], link + "x", f"{live.url}/mail/verify/forged"):
            assert browser.get(bad).status_code == 400
        with live.app.app_context():
            assert email_verifier(get_session(), user) is None
        shown = browser.get(link)
        assert shown.status_code == 200 and "confirmed" in shown.text
        assert browser.get(link).status_code == 200  # following it twice is harmless
        with live.app.app_context():
            assert email_verifier(get_session(), user) == "this service"
    finally:
        browser.close()
        live.stop()


def test_the_certificate_says_verified_by_this_service(app, partners):  # noqa: F811
    owner, fiona, mark = partners.callers.values()
    with app.app_context():
        session = get_session()
        session.add(EmailVerification(user_id=fiona.id, email=fiona.email))
        session.add(EmailVerification(user_id=mark.id, email="old-address@example.org"))
        session.commit()
    draft_required(partners)
    approve_all(partners)
    assert owner.post(f"/agreements/{partners.id}/finalise").status_code == 200
    content = owner.get(f"/agreements/{partners.id}/versions/1/document.docx").data
    assert _approvers(content) == {
        "Joe Lindsay": {f"{owner.email} (not verified)"},
        "Fiona Reid": {f"{fiona.email} (verified by this service)"},
        "Mark Baird": {f"{mark.email} (not verified)"},
    }
    assert fiona.get("/me").json["email_verified_by"] == "this service"
