"""ID token checks of the OpenID Connect client, against a live provider's real JWKS: tokens
from another issuer, for another audience, expired, unsigned or signed by another key, with a
wrong nonce, and Microsoft Entra's multi-tenant issuer (checked, never switched off)."""

import time
import uuid

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from auth import oidc_client
from auth.keys import signing_key
from auth.oidc_client import ENTRA_TEMPLATE, SignInRefused
from auth.providers import Provider

TENANT = str(uuid.uuid4())
OID = str(uuid.uuid4())


@pytest.fixture
def site(shared_site):
    return shared_site


@pytest.fixture
def provider(site):
    return Provider(
        name="example",
        display_name="Example",
        issuer=site.url,
        client_id="our-client",
        client_secret="s",
    )


@pytest.fixture
def meta(site, provider):
    with site.app.app_context():
        return oidc_client.discover(provider)


def token(site, key=None, header=None, **claims) -> str:
    now = int(time.time())
    body = {"iss": site.url, "aud": "our-client", "sub": "42", "iat": now, "exp": now + 300}
    body |= {"nonce": "n-1", **claims}
    body = {k: v for k, v in body.items() if v is not None}
    with site.app.app_context():
        key = key or signing_key()
        return jwt.encode(header or {"alg": "RS256", "kid": key.kid}, body, key)


def check(site, provider, meta, id_token, nonce="n-1"):
    with site.app.app_context():
        return oidc_client.validate_id_token(provider, meta, {"id_token": id_token}, nonce)


def test_a_good_token_passes(site, provider, meta):
    claims = check(site, provider, meta, token(site))
    assert claims["sub"] == "42"
    assert oidc_client.identity_key(provider, claims) == (site.url, "42")


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        ({"iss": "https://evil.example"}, "different provider"),
        ({"aud": "someone-else"}, "another application"),
        ({"aud": ["someone-else", "our-client"], "azp": "someone-else"}, "authorised party"),
        ({"exp": int(time.time()) - 3600}, "expired"),
        ({"nonce": "n-2"}, "nonce"),
        ({"nonce": None}, "nonce"),
        ({"sub": None}, "sub"),
    ],
)
def test_bad_claims_are_refused(site, provider, meta, claims, message):
    with pytest.raises(SignInRefused, match=message):
        check(site, provider, meta, token(site, **claims))


def test_signature_by_another_key_is_refused(site, provider, meta):
    stranger = RSAKey.generate_key(2048)
    with site.app.app_context():
        kid = signing_key().kid  # the stranger even claims the provider's key id
    forged = token(site, key=stranger, header={"alg": "RS256", "kid": kid})
    with pytest.raises(SignInRefused, match="signature"):
        check(site, provider, meta, forged)


def test_unsigned_token_is_refused(site, provider, meta):
    good = token(site)
    header, payload, _ = good.split(".")
    unsigned = "eyJhbGciOiJub25lIn0." + payload + "."
    with pytest.raises(SignInRefused, match="signature"):
        check(site, provider, meta, unsigned)
    assert header  # the real one had a header naming RS256


def test_discovery_must_name_the_configured_issuer(site, provider):
    wrong = Provider(**{**provider.__dict__, "issuer": site.url.replace("127.0.0.1", "localhost")})
    with site.app.app_context(), pytest.raises(SignInRefused, match="another issuer"):
        oidc_client.discover(wrong)


# Microsoft Entra, multi-tenant: the metadata's issuer is a template naming {tenantid}.


@pytest.fixture
def entra(provider):
    return Provider(
        **{**provider.__dict__, "issuer": "https://login.microsoftonline.com/organizations/v2.0"}
    )


def entra_issuer(tenant: str) -> str:
    return f"https://login.microsoftonline.com/{tenant}/v2.0"


def test_entra_issuer_is_the_template_with_the_tokens_tenant(site, entra, meta):
    entra_meta = {**meta, "issuer": ENTRA_TEMPLATE}
    claims = check(
        site, entra, entra_meta, token(site, iss=entra_issuer(TENANT), tid=TENANT, oid=OID)
    )
    assert oidc_client.identity_key(entra, claims) == (entra_issuer(TENANT), OID)


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        ({"iss": entra_issuer(str(uuid.uuid4())), "tid": TENANT}, "different provider"),
        ({"iss": entra_issuer("{tenantid}"), "tid": "{tenantid}"}, "valid Microsoft Entra tenant"),
        ({"iss": entra_issuer(TENANT), "tid": None}, "valid Microsoft Entra tenant"),
        ({"iss": "https://evil.example/" + TENANT + "/v2.0", "tid": TENANT}, "different provider"),
    ],
)
def test_entra_issuer_mismatch_is_refused(site, entra, meta, claims, message):
    entra_meta = {**meta, "issuer": ENTRA_TEMPLATE}
    with pytest.raises(SignInRefused, match=message):
        check(site, entra, entra_meta, token(site, oid=OID, **claims))


def test_entra_tenants_can_be_limited(site, entra, meta):
    only = Provider(**{**entra.__dict__, "allowed_tenants": (str(uuid.uuid4()),)})
    entra_meta = {**meta, "issuer": ENTRA_TEMPLATE}
    with pytest.raises(SignInRefused, match="not allowed"):
        check(site, only, entra_meta, token(site, iss=entra_issuer(TENANT), tid=TENANT, oid=OID))


def test_entra_user_is_known_by_object_id(site, entra, meta):
    entra_meta = {**meta, "issuer": ENTRA_TEMPLATE}
    claims = check(site, entra, entra_meta, token(site, iss=entra_issuer(TENANT), tid=TENANT))
    with pytest.raises(SignInRefused, match="oid"):
        oidc_client.identity_key(entra, claims)


def test_template_issuer_only_for_entra(site, provider, meta):
    """A non-Entra provider whose metadata names a {tenantid} template is not trusted."""
    with pytest.raises(SignInRefused, match="different provider"):
        check(
            site,
            provider,
            {**meta, "issuer": ENTRA_TEMPLATE},
            token(site, iss=entra_issuer(TENANT), tid=TENANT),
        )
