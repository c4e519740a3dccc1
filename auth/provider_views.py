"""The built-in provider's HTTP side: discovery, JWKS, authorize (with its login, registration
and consent pages), token and userinfo. Registered only when the built-in provider is on."""

from __future__ import annotations

import logging
import time
from urllib.parse import urlencode

import sqlalchemy as sa
from authlib.oauth2 import OAuth2Error
from flask import Blueprint, current_app, g, redirect, request, session
from joserfc import jwt
from joserfc.errors import JoseError

from plugin.notifications import ask_to_verify
from plugin.store import users
from plugin.store.db import get_session, write_session
from plugin.store.models import User
from plugin.workflow.errors import Conflict, DomainError

from . import passwords, ratelimit
from .keys import public_jwks, signing_key
from .providers import builtin_issuer
from .server import discovery_document, query_client
from .web import FormRefused, check_csrf, page, refused, safe_next

log = logging.getLogger(__name__)

bp = Blueprint("provider", __name__, template_folder="templates")
bp.register_error_handler(DomainError, refused)


def _server():
    return current_app.extensions["oidc_provider"]


def signed_in_user() -> User | None:
    """Who is signed in at the built-in provider in this browser (its own session)."""
    state = session.get("provider")
    if not state:
        return None
    user = get_session().get(User, state["user"])
    g.provider_auth_time = state["auth_time"]
    return user


def _sign_in_here(user: User) -> None:
    session["provider"] = {"user": user.id, "auth_time": int(time.time()), "fresh": True}


def _back_to(default: str = "/oauth/authorize") -> str:
    return safe_next(request.values.get("return"), default)


@bp.get("/.well-known/openid-configuration")
def discovery():
    return discovery_document(builtin_issuer(current_app))


@bp.get("/oauth/jwks")
def jwks():
    return public_jwks(signing_key())


@bp.route("/oauth/authorize", methods=["GET", "POST"])
def authorize():
    user = signed_in_user()
    prompts = request.values.get("prompt", "").split()
    fresh = bool(session.get("provider", {}).get("fresh"))
    if user is not None and "login" in prompts and not fresh:
        user = None  # the client asked for the password again (prompt=login)
    try:
        grant = _server().get_consent_grant(end_user=user)
    except OAuth2Error as error:
        log.warning("authorization request refused: %s", error.error)
        if error.redirect_uri:
            return _server().handle_error_response(request, error)
        detail = error.description or error.error
        raise FormRefused(f"This sign-in request is not valid: {detail}") from None
    if user is None:
        return redirect("/oauth/login?" + urlencode({"return": request.full_path}))
    client = grant.client
    if request.method == "GET" and not client.first_party:
        return page("auth/consent.html", client=client, user=user, scopes=grant.request.scope)
    if request.method == "POST":
        check_csrf()
        if request.form.get("decision") != "allow":
            user = None
    if "provider" in session:
        session["provider"] = {**session["provider"], "fresh": False}
    write_session()
    response = _server().create_authorization_response(grant_user=user, grant=grant)
    get_session().commit()
    return response


def _with_query(url: str, **params) -> str:
    params = {k: v for k, v in params.items() if v}
    if not params:
        return url
    return url + ("&" if "?" in url else "?") + urlencode(params)


def _id_token_claims(hint: str) -> dict | None:
    """The claims of an ID token this provider signed (expired ones too: OIDC RP-Initiated
    Logout 1.0, section 2), or None when it is not one."""
    try:
        token = jwt.decode(hint, signing_key(), algorithms=["RS256"])
    except (JoseError, ValueError):
        return None
    claims = token.claims
    if claims.get("iss") != builtin_issuer(current_app):
        return None
    return claims


@bp.route("/oauth/end-session", methods=["GET", "POST"])
def end_session():
    """RP-Initiated Logout 1.0: end the provider's session in this browser, then go back to the
    client's `post_logout_redirect_uri` (with `state`) when the client registered it exactly;
    else show a page. Without an ID token naming the signed-in user, the person confirms first."""
    hint = request.values.get("id_token_hint", "")
    claims = _id_token_claims(hint) if hint else None
    audience = claims.get("aud") if claims else None
    audience = audience[0] if isinstance(audience, list) and len(audience) == 1 else audience
    client_id = request.values.get("client_id") or audience
    if claims is not None and audience != client_id:
        raise FormRefused("The sign-out request names two different applications.")
    client = query_client(client_id) if isinstance(client_id, str) and client_id else None
    target = request.values.get("post_logout_redirect_uri") or None
    state = request.values.get("state") or None
    user = signed_in_user()
    named = claims is not None and (user is None or str(claims.get("sub")) == str(user.id))
    if request.method == "POST":
        check_csrf()
    elif not named and user is not None:
        return page("auth/end_session.html", client=client, target=target, state=state)
    session.pop("provider", None)
    if target and client is not None and target in client.post_logout_redirect_uris:
        return redirect(_with_query(target, state=state))
    if target:
        log.warning("post_logout_redirect_uri not registered for client %s", client_id)
    return page("auth/signed_out.html")


@bp.post("/oauth/token")
def token():
    write_session()  # a code is claimed atomically: one use only
    response = _server().create_token_response()
    get_session().commit()
    return response


@bp.route("/oauth/userinfo", methods=["GET", "POST"])
def userinfo():
    return _server().create_endpoint_response("userinfo")


@bp.route("/oauth/login", methods=["GET", "POST"])
def login():
    context = {"back": _back_to(), "email": ""}
    if request.method == "GET":
        return page("auth/login.html", **context)
    check_csrf()
    email = users.normalise_email(request.form.get("email", ""))[:254]
    password = request.form.get("password", "")[: passwords.MAX_LENGTH + 1]
    context["email"] = email
    ip = request.remote_addr or "unknown"
    session_db = write_session()
    ratelimit.check(session_db, email, ip)
    user = session_db.scalar(sa.select(User).where(User.email == email))
    ok = passwords.verify(user.password_hash if user else None, password)
    ratelimit.record(session_db, email, ip, ok)
    if not ok:
        session_db.commit()
        log.warning("failed sign-in at the built-in provider for %r from %s", email, ip)
        return page("auth/login.html", 401, error="The email or password is not right.", **context)
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    ask_to_verify(session_db, user)  # mailed by a job once this commits (#14)
    session_db.commit()
    _sign_in_here(user)
    return redirect(context["back"])


@bp.route("/oauth/register", methods=["GET", "POST"])
def register():
    if not current_app.config["BUILTIN_REGISTRATION"]:
        raise FormRefused("Registration is closed here; ask your administrator for an account.")
    context = {"back": _back_to(), "email": "", "name": ""}
    if request.method == "GET":
        return page("auth/register.html", **context)
    check_csrf()
    email = request.form.get("email", "").strip()[:254]
    name = request.form.get("name", "").strip()[:200]
    password = request.form.get("password", "")
    context |= {"email": email, "name": name}
    problem = None
    if "@" not in email or len(email) < 3:
        problem = "Enter your email address."
    elif not name:
        problem = "Enter your name."
    elif password != request.form.get("password_again", ""):
        problem = "The two passwords differ."
    else:
        problem = passwords.problem_with(password, email)
    if problem:
        return page("auth/register.html", 422, error=problem, **context)
    session_db = write_session()
    try:
        user = users.create_user(session_db, email, name)
    except Conflict:
        return page(
            "auth/register.html",
            409,
            error="There is already an account with this email: sign in instead.",
            **context,
        )
    user.password_hash = passwords.hash_password(password)
    ask_to_verify(session_db, user)  # mailed by a job once this commits (#14)
    session_db.commit()
    log.info("new local account %s", user.id)
    _sign_in_here(user)
    return redirect(context["back"])


@bp.post("/oauth/logout")
def logout():
    """End the built-in provider's session in this browser (API tokens are revoked apart)."""
    check_csrf()
    session.pop("provider", None)
    return page("auth/signed_out.html")
