"""The OpenID Connect client: one code path for every provider, the built-in one included.

Authorization code flow with PKCE (S256), state and nonce; the ID token's signature is checked
against the provider's JWKS, then its issuer, audience, expiry and nonce. Microsoft Entra's
multi-tenant metadata names its issuer `https://login.microsoftonline.com/{tenantid}/v2.0`: the
token's `tid` is put into that template and the result compared exactly with `iss`.

Raises SignInRefused (400) for anything a provider or a callback gets wrong, and
ProviderUnavailable (502) when a provider cannot be reached.
"""

from __future__ import annotations

import logging
import re

import requests
from authlib.common.security import is_secure_transport
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc6749.errors import OAuth2Error
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import ExpiredTokenError, InvalidClaimError, JoseError, MissingClaimError
from joserfc.jwk import KeySet

from plugin.workflow.errors import DomainError

from .providers import ENTRA_HOST, Provider

log = logging.getLogger(__name__)

TIMEOUT = 10  # seconds, for each call to a provider
SIGNING_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384"]
TENANT_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ENTRA_TEMPLATE = f"https://{ENTRA_HOST}/{{tenantid}}/v2.0"
LEEWAY = 60  # seconds of clock difference allowed between us and the provider
CLAIM_PROBLEMS = {
    "iss": "The sign-in token was issued by a different provider than the one asked (issuer).",
    "aud": "The sign-in token was issued for another application (audience).",
    "azp": "The sign-in token was issued for another application (authorised party).",
    "nonce": "The sign-in token does not belong to this sign-in (nonce).",
    "sub": "The sign-in token names no user (subject).",
    "iat": "The sign-in token has no valid issue time.",
    "exp": "The sign-in token has expired.",
    "at_hash": "The sign-in token does not match its access token (at_hash).",
}


class SignInRefused(DomainError):
    status = 400
    title = "Sign-in refused"


class ProviderUnavailable(DomainError):
    status = 502
    title = "Sign-in provider unavailable"


def _get_json(provider: Provider, url: str) -> dict:
    if not is_secure_transport(url):
        raise SignInRefused(f"{provider.display_name} gave an address that is not https: {url}")
    try:
        response = requests.get(url, timeout=TIMEOUT, verify=provider.ca_bundle or True)
        response.raise_for_status()
        data = response.json()
    except (requests.RequestException, ValueError) as exc:
        log.warning("sign-in provider %s: %s failed: %s", provider.name, url, exc)
        raise ProviderUnavailable(
            f"{provider.display_name} could not be reached; try again later."
        ) from None
    if not isinstance(data, dict):
        raise ProviderUnavailable(f"{provider.display_name} answered with something unexpected.")
    return data


def discover(provider: Provider) -> dict:
    """The provider's metadata, checked: its issuer is the configured one (or, for Entra's
    multi-tenant endpoints, the `{tenantid}` template), its endpoints are https."""
    meta = _get_json(provider, provider.discovery_url)
    issuer = meta.get("issuer")
    if issuer != provider.issuer and not (provider.entra and issuer == ENTRA_TEMPLATE):
        log.warning("provider %s: metadata names issuer %r", provider.name, issuer)
        raise SignInRefused(
            f"{provider.display_name}'s metadata names another issuer; sign-in is not possible."
        )
    for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not isinstance(meta.get(key), str) or not is_secure_transport(meta[key]):
            raise SignInRefused(f"{provider.display_name}'s metadata lacks an https {key}.")
    return meta


def _client(provider: Provider, meta: dict, redirect_uri: str) -> OAuth2Session:
    methods = meta.get("token_endpoint_auth_methods_supported", ["client_secret_basic"])
    method = "client_secret_basic" if "client_secret_basic" in methods else "client_secret_post"
    client = OAuth2Session(
        provider.client_id,
        provider.client_secret,
        scope=provider.scope,
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        token_endpoint_auth_method=method,
    )
    return client


def authorization_url(
    provider: Provider, meta: dict, redirect_uri: str, state: str, nonce: str, verifier: str
) -> str:
    """Where to send the browser: the provider's authorization endpoint with PKCE and nonce."""
    client = _client(provider, meta, redirect_uri)
    url, _ = client.create_authorization_url(
        meta["authorization_endpoint"], state=state, code_verifier=verifier, nonce=nonce
    )
    return url


def exchange(provider: Provider, meta: dict, redirect_uri: str, code: str, verifier: str) -> dict:
    """Trade the code (with the PKCE verifier) for tokens at the token endpoint."""
    client = _client(provider, meta, redirect_uri)
    try:
        return dict(
            client.fetch_token(
                meta["token_endpoint"],
                grant_type="authorization_code",
                code=code,
                code_verifier=verifier,
                timeout=TIMEOUT,
                verify=provider.ca_bundle or True,
            )
        )
    except (OAuthError, OAuth2Error) as exc:
        error = getattr(exc, "error", "error")
        log.warning("provider %s refused the code: %s", provider.name, exc)
        raise SignInRefused(
            f"{provider.display_name} refused the sign-in code ({error}). It may have been "
            "used already or have expired: start the sign-in again."
        ) from None
    except requests.RequestException as exc:
        log.warning("provider %s: token endpoint failed: %s", provider.name, exc)
        raise ProviderUnavailable(
            f"{provider.display_name} could not be reached; try again later."
        ) from None


def expected_issuer(provider: Provider, meta: dict, claims: dict) -> str:
    """The issuer the token must name: the metadata's, with Entra's {tenantid} filled in."""
    template = meta["issuer"]
    if template != ENTRA_TEMPLATE or not provider.entra:
        return template  # compared as it is: a literal "{tenantid}" matches no real issuer
    tenant = claims.get("tid")
    if not isinstance(tenant, str) or not TENANT_ID.match(tenant):
        raise SignInRefused("The sign-in token names no valid Microsoft Entra tenant (tid).")
    if provider.allowed_tenants and tenant not in provider.allowed_tenants:
        raise SignInRefused("Your organisation's Microsoft Entra tenant is not allowed here.")
    return template.replace("{tenantid}", tenant)


def validate_id_token(provider: Provider, meta: dict, tokens: dict, nonce: str) -> dict:
    """The ID token's claims, once its signature, issuer, audience, expiry and nonce hold."""
    id_token = tokens.get("id_token")
    if not isinstance(id_token, str):
        raise SignInRefused(f"{provider.display_name} sent no ID token.")
    keys = KeySet.import_key_set(_get_json(provider, meta["jwks_uri"]))
    try:
        token = jwt.decode(id_token, keys, algorithms=SIGNING_ALGORITHMS)
    except (JoseError, ValueError) as exc:
        log.warning("provider %s: ID token signature refused: %s", provider.name, exc)
        raise SignInRefused(
            "The sign-in token's signature does not verify with the provider's keys."
        ) from None
    claims = CodeIDToken(
        token.claims,
        token.header,
        options={
            "iss": {"essential": True, "value": expected_issuer(provider, meta, token.claims)},
            "aud": {"essential": True, "value": provider.client_id},
            "sub": {"essential": True},
        },
        params={
            "nonce": nonce,
            "client_id": provider.client_id,
            "access_token": tokens.get("access_token"),
        },
    )
    try:
        claims.validate(leeway=LEEWAY)
    except ExpiredTokenError:
        raise SignInRefused(CLAIM_PROBLEMS["exp"]) from None
    except (InvalidClaimError, MissingClaimError) as exc:
        log.warning("provider %s: ID token claim %s refused", provider.name, exc.claim)
        detail = CLAIM_PROBLEMS.get(exc.claim, f"The sign-in token's {exc.claim} is not valid.")
        raise SignInRefused(detail) from None
    except JoseError as exc:
        raise SignInRefused(f"The sign-in token is not valid ({exc.error}).") from None
    return dict(claims)


PROFILE_CLAIMS = ("name", "email", "email_verified", "preferred_username")


def with_userinfo(provider: Provider, meta: dict, tokens: dict, claims: dict) -> dict:
    """The claims, completed from the userinfo endpoint when the ID token lacks the name or the
    email (a provider may put only `sub` in it: OIDC Core 5.4). Userinfo is used only when its
    `sub` is the ID token's (OIDC Core 5.3.2); the ID token's own claims win."""
    endpoint, access_token = meta.get("userinfo_endpoint"), tokens.get("access_token")
    if ("name" in claims and "email" in claims) or not endpoint or not access_token:
        return claims
    if not is_secure_transport(endpoint):
        raise SignInRefused(f"{provider.display_name}'s metadata lacks an https userinfo.")
    try:
        response = requests.get(
            endpoint,
            headers={"Authorization": f"Bearer {access_token}", "Accept": "application/json"},
            timeout=TIMEOUT,
            verify=provider.ca_bundle or True,
        )
        response.raise_for_status()
        info = response.json()
    except (requests.RequestException, ValueError) as exc:
        log.warning("provider %s: userinfo failed: %s", provider.name, exc)
        return claims  # sign-in goes on with what the ID token says
    if not isinstance(info, dict) or str(info.get("sub")) != str(claims.get("sub")):
        log.warning("provider %s: userinfo names another subject; ignored", provider.name)
        return claims
    return {**{k: info[k] for k in PROFILE_CLAIMS if k in info}, **claims}


def identity_key(provider: Provider, claims: dict) -> tuple[str, str]:
    """(issuer, subject) naming the user for good: for Entra the issuer names the tenant and
    the subject is the object id `oid` (stable across applications, unlike `sub`)."""
    if provider.entra:
        oid = claims.get("oid")
        if not isinstance(oid, str) or not oid:
            raise SignInRefused("The Microsoft Entra token names no user object (oid).")
        return claims["iss"], oid
    return claims["iss"], str(claims["sub"])
