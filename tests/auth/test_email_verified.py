"""Whether a provider verified the email is recorded per identity at every sign-in: only a claim
`email_verified` that is exactly true, about the address the token gives. Microsoft Entra sends
no such claim, so its addresses stay unverified (nothing is guessed)."""

import time
import uuid

import pytest
import sqlalchemy as sa
from joserfc import jwt

from auth import identities, oidc_client
from auth.keys import signing_key
from auth.providers import Provider
from plugin.store.db import get_session
from plugin.store.login_models import Identity

GOOGLE = Provider(
    name="google",
    display_name="Google",
    issuer="https://accounts.google.com",
    client_id="agreements.apps.googleusercontent.com",
    client_secret="s",
)
ENTRA = Provider(
    name="entra",
    display_name="Microsoft work or school account",
    issuer="https://login.microsoftonline.com/organizations/v2.0",
    client_id=str(uuid.uuid4()),
    client_secret="s",
)


def sign_in(provider: Provider, **claims) -> Identity:
    """What identities.user_for keeps from these (already validated) ID token claims."""
    session = get_session()
    user = identities.user_for(session, provider, claims)
    session.commit()
    return session.scalar(
        sa.select(Identity).where(Identity.user_id == user.id, Identity.issuer == claims["iss"])
    )


def google(**claims) -> dict:
    return {"iss": GOOGLE.issuer, "sub": uuid.uuid4().hex, **claims}


def email() -> str:
    return f"amina-{uuid.uuid4().hex[:8]}@example.org"


def test_a_true_claim_about_the_address_is_kept(app):
    with app.app_context():
        address = email()
        identity = sign_in(GOOGLE, **google(email=address, email_verified=True))
        assert identity.email == address and identity.email_verified is True
        assert identity.user.email == address
        assert identities.verified_by(get_session(), [identity.user]) == {
            identity.user_id: identity
        }


@pytest.mark.parametrize(
    "claims",
    [
        {"email_verified": False},
        {"email_verified": "true"},  # a string is not the boolean the claim must be
        {"email_verified": 1},
        {},  # no claim: not verified
    ],
)
def test_anything_but_exactly_true_is_not_verified(app, claims):
    with app.app_context():
        identity = sign_in(GOOGLE, **google(email=email(), **claims))
        assert identity.email_verified is False
        assert identities.verified_by(get_session(), [identity.user]) == {}


def test_a_true_claim_without_an_email_verifies_nothing(app):
    with app.app_context():
        identity = sign_in(GOOGLE, **google(preferred_username=email(), email_verified=True))
        assert identity.email is None and identity.email_verified is False
        assert identities.verified_by(get_session(), [identity.user]) == {}


def test_every_sign_in_updates_it(app):
    with app.app_context():
        claims = google(email=email())
        assert sign_in(GOOGLE, **claims, email_verified=True).email_verified is True
        # The provider no longer vouches for it (e.g. the address changed): nor do we.
        later = sign_in(GOOGLE, **claims, email_verified=False)
        assert later.email_verified is False
        assert identities.verified_by(get_session(), [later.user]) == {}


def test_microsoft_entra_addresses_are_not_taken_as_verified(app):
    tenant = str(uuid.uuid4())
    claims = {
        "iss": f"https://login.microsoftonline.com/{tenant}/v2.0",
        "sub": uuid.uuid4().hex,
        "oid": str(uuid.uuid4()),
        "tid": tenant,
        "email": email(),
        "preferred_username": email(),
    }
    with app.app_context():
        identity = sign_in(ENTRA, **claims)
        assert identity.email == claims["email"] and identity.email_verified is False
        # Only the claim itself would count, were Entra ever to send it.
        assert sign_in(ENTRA, **claims, email_verified=True).email_verified is True


def test_a_verified_address_that_is_not_the_one_shown_does_not_count(app):
    """A second user signing in with an address another user already has is shown under a
    placeholder: the provider's word about the other address says nothing about it."""
    with app.app_context():
        address = email()
        first = sign_in(GOOGLE, **google(email=address, email_verified=True))
        second = sign_in(GOOGLE, **google(email=address.upper(), email_verified=True))
        assert second.user_id != first.user_id
        assert second.user.email.endswith("@sign-in.invalid") and second.email_verified
        found = identities.verified_by(get_session(), [first.user, second.user])
        assert found == {first.user_id: first}


def test_the_claim_comes_through_a_validated_id_token(shared_site):
    """As the callback does it: a signed ID token from a live provider, checked against its
    JWKS, then kept. The provider here is a second instance of this app (its own key)."""
    site = shared_site
    provider = Provider(
        name="partner",
        display_name="Riverside Council accounts",
        issuer=site.url,
        client_id="our-client",
        client_secret="s",
    )
    now = int(time.time())
    address = email()
    body = {
        "iss": site.url,
        "aud": "our-client",
        "sub": uuid.uuid4().hex,
        "iat": now,
        "exp": now + 300,
    }
    with site.app.app_context():
        key = signing_key()
        meta = oidc_client.discover(provider)
        for verified in (True, False):
            claims = {**body, "nonce": "n-1", "email": address, "email_verified": verified}
            id_token = jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)
            valid = oidc_client.validate_id_token(provider, meta, {"id_token": id_token}, "n-1")
            assert sign_in(provider, **valid).email_verified is verified
