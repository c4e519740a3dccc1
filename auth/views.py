"""Sign-in pages on our own origin, for the pane in a browser and in the Office dialog:

  /auth/login?next=/pane/…   (browser)   or   /auth/login?dialog=1   (Office dialog)
  -> /auth/start/<provider>  -> the provider  -> /auth/callback/<provider>  -> /auth/complete

/auth/complete hands over a short-lived API token: in the Office dialog with
Office.context.ui.messageParent, in a browser through localStorage. The token never travels in
a URL. Every refusal is logged and shown as a page; nothing is granted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets

import sqlalchemy as sa
from flask import Blueprint, current_app, g, jsonify, redirect, request, session, url_for

from plugin.store.db import get_session, write_session
from plugin.store.login_models import SignIn
from plugin.store.models import utcnow
from plugin.workflow.errors import DomainError

from . import identities, oidc_client, personal_tokens
from .oidc_client import SignInRefused
from .providers import all_providers, builtin_enabled
from .web import FormRefused, csrf_token, page, refused, safe_next

log = logging.getLogger(__name__)

bp = Blueprint(
    "auth",
    __name__,
    url_prefix="/auth",
    template_folder="templates",
    static_folder="static",
    static_url_path="/static",
)
bp.register_error_handler(DomainError, refused)

SIGN_IN_LIFETIME = dt.timedelta(minutes=10)  # from start to callback
HAND_OFF_LIFETIME = dt.timedelta(minutes=2)  # from callback to the token's hand-off


def _state_hash(state: str) -> str:
    return hashlib.sha256(state.encode("utf-8")).hexdigest()


def _callback_url(name: str) -> str:
    return f"{current_app.config['PUBLIC_ORIGIN'].rstrip('/')}/auth/callback/{name}"


def _wanted() -> tuple[str, bool]:
    g.dialog = request.args.get("dialog") == "1"
    return safe_next(request.args.get("next")), g.dialog


@bp.get("/login")
def login():
    """Choose a provider; with only one, go straight to it."""
    next_path, dialog = _wanted()
    providers = all_providers()
    if len(providers) == 1:
        return start(next(iter(providers)))
    return page("auth/choose.html", providers=providers.values(), next=next_path, dialog=dialog)


@bp.get("/start/<string(maxlength=40):name>")
def start(name: str):
    """Begin the authorization code flow: fresh state, nonce and PKCE verifier, kept in the
    database; the state also goes into this browser's session, which the callback checks."""
    next_path, dialog = _wanted()
    provider = all_providers().get(name)
    if provider is None:
        raise SignInRefused(f"There is no sign-in provider called {name!r} here.")
    meta = oidc_client.discover(provider)
    state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
    session_db = write_session()
    session_db.execute(sa.delete(SignIn).where(SignIn.created_at < utcnow() - dt.timedelta(days=1)))
    session_db.add(
        SignIn(
            state_hash=_state_hash(state),
            provider=name,
            nonce=nonce,
            code_verifier=verifier,
            next_path=next_path,
            dialog=dialog,
        )
    )
    session_db.commit()
    session["sign_in"] = state
    url = oidc_client.authorization_url(provider, meta, _callback_url(name), state, nonce, verifier)
    return redirect(url)


def _claim_callback(name: str) -> SignIn:
    """The sign-in this callback finishes. Raises SignInRefused for a missing or wrong state,
    one started in another browser, an expired one, or one already used (a replay)."""
    state = request.args.get("state", "")
    mine = session.get("sign_in", "")
    if mine:  # so that a refusal reaches the pane when this browser's sign-in is a dialog's
        own = get_session().scalar(sa.select(SignIn).where(SignIn.state_hash == _state_hash(mine)))
        g.dialog = bool(own and own.dialog)
    if not state:
        raise SignInRefused("The provider came back without the sign-in's state: start again.")
    if not mine or not hmac.compare_digest(state, mine):
        raise SignInRefused(
            "This sign-in was not started in this browser, or another one replaced it "
            "(state does not match). Start again."
        )
    session_db = write_session()
    claimed = session_db.execute(
        sa.update(SignIn)
        .where(
            SignIn.state_hash == _state_hash(state),
            SignIn.provider == name,
            SignIn.callback_at.is_(None),
            SignIn.created_at > utcnow() - SIGN_IN_LIFETIME,
        )
        .values(callback_at=utcnow())
    ).rowcount
    row = session_db.scalar(sa.select(SignIn).where(SignIn.state_hash == _state_hash(state)))
    session_db.commit()  # a claimed state stays used whatever happens next
    if row is not None:
        g.dialog = row.dialog
    if not claimed:
        raise SignInRefused("This sign-in has expired or was used already. Start again.")
    return row


@bp.get("/callback/<string(maxlength=40):name>")
def callback(name: str):
    """The provider's answer: check state, trade the code, check the ID token, find the user."""
    g.dialog = False
    provider = all_providers().get(name)
    if provider is None:
        raise SignInRefused(f"There is no sign-in provider called {name!r} here.")
    sign_in = _claim_callback(name)
    g.retry_url = url_for(
        "auth.login", next=sign_in.next_path, **({"dialog": 1} if sign_in.dialog else {})
    )
    if error := request.args.get("error"):
        described = request.args.get("error_description", "")[:300]
        raise SignInRefused(f"{provider.display_name} did not sign you in ({error}). {described}")
    code = request.args.get("code")
    if not code:
        raise SignInRefused("The provider came back without a code.")
    meta = oidc_client.discover(provider)
    tokens = oidc_client.exchange(provider, meta, _callback_url(name), code, sign_in.code_verifier)
    claims = oidc_client.validate_id_token(provider, meta, tokens, sign_in.nonce)
    claims = oidc_client.with_userinfo(provider, meta, tokens, claims)
    session_db = write_session()
    user = identities.user_for(session_db, provider, claims)
    session_db.execute(sa.update(SignIn).where(SignIn.id == sign_in.id).values(user_id=user.id))
    session_db.commit()
    log.info("user %s signed in through %s", user.id, provider.name)
    return redirect(url_for("auth.complete"))


@bp.get("/complete")
def complete():
    """Hand the signed-in user's new API token to the pane, once, from this browser only."""
    state = session.pop("sign_in", None)
    if not state:
        raise SignInRefused("There is no finished sign-in in this browser. Start again.")
    session_db = write_session()
    handed = session_db.execute(
        sa.update(SignIn)
        .where(
            SignIn.state_hash == _state_hash(state),
            SignIn.user_id.is_not(None),
            SignIn.handed_off_at.is_(None),
            SignIn.callback_at > utcnow() - HAND_OFF_LIFETIME,
        )
        .values(handed_off_at=utcnow())
    ).rowcount
    row = session_db.scalar(sa.select(SignIn).where(SignIn.state_hash == _state_hash(state)))
    if not handed or row is None:
        session_db.commit()
        raise SignInRefused("This sign-in was not finished, or its token was handed over already.")
    g.dialog = row.dialog
    token, expires_at = personal_tokens.issue_sign_in(session_db, row.user_id)
    session_db.commit()
    return page(
        "auth/complete.html",
        token=token,
        expires_at=expires_at,
        next=safe_next(row.next_path),
        dialog=row.dialog,
    )


@bp.get("/tokens")
def tokens_page():
    """A page to create personal access tokens for scripts (it calls the API with the pane's
    token from localStorage)."""
    return page("auth/tokens.html")


@bp.get("/sign-out")
def sign_out_form():
    """What the pane needs to end the built-in provider's session in this browser after it has
    revoked its API token: where to post, and this browser's CSRF token for that form. JSON,
    for a same-origin fetch only (a page elsewhere cannot read the answer: no CORS, and a
    browser that says the request is cross-site is refused)."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        raise FormRefused("This address answers the pane on this site only.")
    enabled = builtin_enabled(current_app)
    response = jsonify(
        {
            "provider_sign_out": "/oauth/logout" if enabled else None,
            "csrf": csrf_token() if enabled else None,
        }
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
