"""The built-in OpenID Connect provider: Authlib's authorization server with the authorization
code grant, PKCE (S256, required), signed ID tokens (RS256) and the userinfo endpoint.

Codes and access tokens are kept as sha256 in the database. A code is claimed atomically on
first use; a second use is refused and revokes what the first use got (RFC 6749 4.1.2).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import time
from typing import ClassVar

import sqlalchemy as sa
from authlib.integrations.flask_oauth2 import AuthorizationServer, ResourceProtector
from authlib.oauth2.rfc6749 import ClientMixin
from authlib.oauth2.rfc6749.errors import InvalidRequestError
from authlib.oauth2.rfc6749.grants import AuthorizationCodeGrant
from authlib.oauth2.rfc6750 import BearerTokenValidator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import OpenIDCode, UserInfo, UserInfoEndpoint
from flask import Flask, current_app, g

from plugin.store.db import get_session
from plugin.store.login_models import AuthorizationCode, OAuthClient, ProviderToken
from plugin.store.models import User, utcnow

from . import keys
from .providers import BUILTIN, BUILTIN_CLIENT_ID, builtin_client_secret, builtin_issuer

log = logging.getLogger(__name__)

SCOPES = ["openid", "email", "profile"]
CODE_LIFETIME = dt.timedelta(minutes=5)
ID_TOKEN_LIFETIME = 600  # seconds
ID_TOKEN_CLAIMS = ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce"]


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


class Client(ClientMixin):
    """A client of the built-in provider: this app (first party, no consent asked) or another
    application registered with `flask oidc-clients add`."""

    def __init__(
        self,
        client_id: str,
        secret_hash: str,
        redirect_uris: list,
        name: str,
        first,
        post_logout_redirect_uris: list | None = None,
    ):
        self.client_id, self.secret_hash, self.name = client_id, secret_hash, name
        self.redirect_uris, self.first_party = list(redirect_uris), first
        self.post_logout_redirect_uris = list(post_logout_redirect_uris or [])
        self.client_metadata: dict = {}

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope):
        return " ".join(s for s in (scope or "").split() if s in SCOPES)

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri in self.redirect_uris  # exact match only

    def check_client_secret(self, client_secret):
        return hmac.compare_digest(digest(client_secret), self.secret_hash)

    def check_endpoint_auth_method(self, method, endpoint):
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


def query_client(client_id: str) -> Client | None:
    app = current_app
    if client_id == BUILTIN_CLIENT_ID:
        issuer = builtin_issuer(app)
        return Client(
            BUILTIN_CLIENT_ID,
            digest(builtin_client_secret(app)),
            [f"{issuer}/auth/callback/{BUILTIN}"],
            app.config["BUILTIN_DISPLAY_NAME"],
            first=True,
        )
    row = get_session().scalar(sa.select(OAuthClient).where(OAuthClient.client_id == client_id))
    if row is None:
        return None
    return Client(
        row.client_id,
        row.secret_hash,
        row.redirect_uris,
        row.name,
        first=False,
        post_logout_redirect_uris=row.post_logout_redirect_uris,
    )


def user_info(user: User, scope: str) -> UserInfo:
    """Claims about `user` for the scopes granted; the subject is the user's id here."""
    scopes = (scope or "").split()
    claims = {"sub": str(user.id)}
    if "profile" in scopes:
        claims["name"] = user.name
    if "email" in scopes:
        # Registration does not prove the address: say so (OIDC Core 5.1).
        claims |= {"email": user.email, "email_verified": False}
    return UserInfo(claims)


class CodeGrant(AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS: ClassVar = ["client_secret_basic", "client_secret_post"]

    def save_authorization_code(self, code, request):
        payload = request.payload
        get_session().add(
            AuthorizationCode(
                code_hash=digest(code),
                client_id=request.client.get_client_id(),
                user_id=request.user.id,
                redirect_uri=payload.redirect_uri or "",
                scope=payload.scope or "",
                nonce=payload.data.get("nonce"),
                code_challenge=payload.data["code_challenge"],
                code_challenge_method=payload.data.get("code_challenge_method") or "S256",
                auth_time=g.provider_auth_time,
                expires_at=utcnow() + CODE_LIFETIME,
            )
        )

    def query_authorization_code(self, code, client):
        session = get_session()
        claimed = session.execute(
            sa.update(AuthorizationCode)
            .where(
                AuthorizationCode.code_hash == digest(code),
                AuthorizationCode.client_id == client.get_client_id(),
                AuthorizationCode.used_at.is_(None),
            )
            .values(used_at=utcnow())
        ).rowcount
        row = session.scalar(
            sa.select(AuthorizationCode).where(
                AuthorizationCode.code_hash == digest(code),
                AuthorizationCode.client_id == client.get_client_id(),
            )
        )
        if row is None:
            log.warning("token request with an unknown code from client %s", client.client_id)
            return None
        if not claimed:
            log.warning(
                "authorization code replayed by client %s: tokens revoked", client.client_id
            )
            session.execute(
                sa.update(ProviderToken)
                .where(ProviderToken.code_id == row.id, ProviderToken.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )
            return None
        if row.expires_at <= utcnow():
            log.warning("expired authorization code from client %s", client.client_id)
            return None
        return row

    def delete_authorization_code(self, authorization_code):
        """Kept, marked used (when claimed), so that a replay is recognised."""

    def authenticate_user(self, authorization_code):
        return get_session().get(User, authorization_code.user_id)


class S256Challenge(CodeChallenge):
    """PKCE is required, with S256 only (RFC 7636; OAuth 2.0 Security BCP)."""

    DEFAULT_CODE_CHALLENGE_METHOD = "S256"
    SUPPORTED_CODE_CHALLENGE_METHOD: ClassVar = ["S256"]

    def validate_code_challenge(self, grant, redirect_uri):
        data = grant.request.payload.data
        if not data.get("code_challenge") or data.get("code_challenge_method") != "S256":
            raise InvalidRequestError(
                "PKCE is required: send code_challenge with code_challenge_method=S256.",
                redirect_uri=redirect_uri,
            )
        super().validate_code_challenge(grant, redirect_uri)

    def get_authorization_code_challenge(self, authorization_code):
        return authorization_code.code_challenge

    def get_authorization_code_challenge_method(self, authorization_code):
        return authorization_code.code_challenge_method


class OpenIDConnect(OpenIDCode):
    """ID tokens signed RS256 with the instance's key. A nonce is optional in the code flow
    (OIDC Core 3.1.2.1; PKCE already binds the code to the request); when sent, it is used once
    and returned in the ID token. This app's own client always sends one."""

    def __init__(self):
        super().__init__(require_nonce=False)

    def exists_nonce(self, nonce, request):
        return bool(
            get_session().scalar(
                sa.select(AuthorizationCode.id).where(
                    AuthorizationCode.client_id == request.payload.client_id,
                    AuthorizationCode.nonce == nonce,
                )
            )
        )

    def resolve_client_private_key(self, client):
        return keys.signing_key()

    def get_client_algorithm(self, client):
        return "RS256"

    def get_encode_header(self, client):
        return {"alg": "RS256", "kid": keys.signing_key().kid}

    def get_client_claims(self, client):
        now = int(time.time())
        return {
            "iss": builtin_issuer(current_app),
            "aud": [client.get_client_id()],
            "iat": now,
            "exp": now + ID_TOKEN_LIFETIME,
        }

    def get_authorization_code_claims(self, authorization_code):
        claims = {"auth_time": authorization_code.auth_time}
        if authorization_code.nonce:
            claims["nonce"] = authorization_code.nonce
        return claims

    def generate_user_info(self, user, scope):
        return user_info(user, scope)


class ProviderTokenValidator(BearerTokenValidator):
    def authenticate_token(self, token_string):
        row = get_session().scalar(
            sa.select(ProviderToken).where(ProviderToken.token_hash == digest(token_string))
        )
        return _Token(row) if row else None


class _Token:
    """An access token of the built-in provider, as Authlib's validator reads it."""

    def __init__(self, row: ProviderToken):
        self.row, self.scope = row, row.scope

    def get_scope(self):
        return self.row.scope

    def is_expired(self):
        return self.row.expires_at <= utcnow()

    def is_revoked(self):
        return self.row.revoked_at is not None

    def get_user(self):
        return self.row.user

    def get_client(self):
        return query_client(self.row.client_id)


class UserInfoAnswer(UserInfoEndpoint):
    def generate_user_info(self, user, scope):
        return user_info(user, scope)

    def get_issuer(self):
        return builtin_issuer(current_app)

    def resolve_private_key(self):
        return keys.signing_key()


def save_token(token: dict, request) -> None:
    get_session().add(
        ProviderToken(
            token_hash=digest(token["access_token"]),
            client_id=request.client.get_client_id(),
            user_id=request.user.id,
            code_id=request.authorization_code.id,
            scope=token.get("scope", ""),
            expires_at=utcnow() + dt.timedelta(seconds=int(token["expires_in"])),
        )
    )


def init_app(app: Flask) -> AuthorizationServer:
    """The provider's Authlib server for `app`, with its signing key loaded (or made)."""
    keys.require_configured_key(app)
    app.config.setdefault("OAUTH2_SCOPES_SUPPORTED", SCOPES)
    app.config.setdefault("OAUTH2_TOKEN_EXPIRES_IN", {"authorization_code": 600})
    server = AuthorizationServer(app, query_client=query_client, save_token=save_token)
    server.register_grant(CodeGrant, [S256Challenge(required=True), OpenIDConnect()])
    protector = ResourceProtector()
    protector.register_token_validator(ProviderTokenValidator())
    server.register_endpoint(UserInfoAnswer(resource_protector=protector))
    app.extensions["oidc_provider"] = server
    return server


def discovery_document(issuer: str) -> dict:
    """OpenID Connect Discovery 1.0 metadata of the built-in provider."""
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/oauth/authorize",
        "token_endpoint": f"{issuer}/oauth/token",
        "userinfo_endpoint": f"{issuer}/oauth/userinfo",
        "jwks_uri": f"{issuer}/oauth/jwks",
        "scopes_supported": SCOPES,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
        "claims_supported": [*ID_TOKEN_CLAIMS, "name", "email", "email_verified"],
        "prompt_values_supported": ["none", "login", "consent"],
        # RP-Initiated Logout 1.0
        "end_session_endpoint": f"{issuer}/oauth/end-session",
    }
