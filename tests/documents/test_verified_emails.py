"""The certificate says of each approver's email whether a sign-in provider verified it, and
which one (by its display name); the fingerprint covers it, so it cannot change afterwards."""

import pytest
import sqlalchemy as sa

from plugin import create_app
from plugin.catalogue import default_catalogue
from plugin.documents.content import fingerprint
from plugin.documents.records import final_data
from plugin.documents.render import render, template_path
from plugin.store.db import dispose, get_session
from plugin.store.login_models import Identity
from plugin.store.models import Agreement, Document
from tests.documents.conftest import approve_all, binding, draft_required, open_docx

GOOGLE = "https://accounts.google.com"


@pytest.fixture
def app(database_url, tmp_path):
    """The test app with Google configured as a sign-in provider (never called here)."""
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret-key",
            "AUDIT_KEY": "test-audit-key",
            "PUBLIC_ORIGIN": "https://localhost:3000",
            "BUILTIN_PROVIDER": True,
            "OIDC_PROVIDERS": [
                {
                    "name": "google",
                    "display_name": "Google",
                    "issuer": GOOGLE,
                    "client_id": "agreements.apps.googleusercontent.com",
                    "client_secret": "not-used-in-these-tests",
                }
            ],
        }
    )
    app.instance_path = str(tmp_path)
    yield app
    dispose(app)


def _identity(app, user_id: int, email: str, verified: bool) -> None:
    """An identity at Google as a sign-in would have left it (the login has its own tests)."""
    with app.app_context():
        session = get_session()
        session.add(
            Identity(
                user_id=user_id,
                provider="google",
                issuer=GOOGLE,
                subject=f"g-{user_id}",
                email=email,
                email_verified=verified,
            )
        )
        session.commit()


def _approvers(content: bytes) -> dict[str, set[str]]:
    """Approver name -> the email lines the certificate shows for them."""
    table = next(t for t in open_docx(content).tables if t.rows[0].cells[0].text == "Name")
    shown: dict[str, set[str]] = {}
    for row in table.rows[1:]:
        address, standing = row.cells[3].text.split("\n")
        shown.setdefault(row.cells[0].text, set()).add(f"{address} ({standing})")
    return shown


def test_certificate_names_the_provider_that_verified_each_email(app, partners):
    owner, fiona, mark = partners.callers.values()
    # Fiona's Google account vouches for the address shown here (case aside); Mark's vouches
    # for another address only; Joe's Google account did not say it verified his.
    _identity(app, fiona.id, fiona.email.upper(), True)
    _identity(app, mark.id, "mark.baird@elsewhere.example", True)
    _identity(app, owner.id, owner.email, False)
    draft_required(partners)
    approve_all(partners)
    assert owner.post(f"/agreements/{partners.id}/finalise").status_code == 200

    content = owner.get(f"/agreements/{partners.id}/versions/1/document.docx").data
    assert _approvers(content) == {
        "Joe Lindsay": {f"{owner.email} (not verified)"},
        "Fiona Reid": {f"{fiona.email} (verified by Google)"},
        "Mark Baird": {f"{mark.email} (not verified)"},
    }

    with app.app_context():
        session = get_session()
        agreement = session.get(Agreement, partners.id)
        kept = session.scalar(sa.select(Document).where(Document.agreement_id == partners.id))
        names = {"google": "Google"}

        def data():
            return final_data(
                session,
                agreement,
                1,
                default_catalogue(),
                "https://localhost:3000",
                kept.created_at,
                provider_names=names,
                finalised_by=kept.finalised_by,
            )

        before = data()
        assert render(before, template_path("partnership")) == content  # the same bytes again
        assert binding(open_docx(content)).get("fingerprint") == fingerprint(before)

        # Had Fiona's standing been different, so would the fingerprint: it covers it.
        identity = session.scalar(sa.select(Identity).where(Identity.user_id == fiona.id))
        identity.email_verified = False
        session.flush()
        assert fingerprint(data()) != fingerprint(before)
        session.rollback()

    # The final kept is not changed by what happens to the identities later.
    with app.app_context():
        session = get_session()
        session.execute(sa.update(Identity).values(email_verified=False))
        session.commit()
    again = owner.get(f"/agreements/{partners.id}/versions/1/document.docx").data
    assert again == content


def test_me_says_whether_and_by_whom_the_email_is_verified(app, make_caller):
    caller = make_caller("Amina Shah")
    me = caller.get("/me")
    assert me.status_code == 200
    assert me.json["email_verified"] is False and me.json["email_verified_by"] is None
    _identity(app, caller.id, caller.email, True)
    me = caller.get("/me").json
    assert me["email"] == caller.email
    assert me["email_verified"] is True and me["email_verified_by"] == "Google"
