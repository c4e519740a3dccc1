"""Password hashing for local accounts: Argon2id (argon2-cffi, RFC 9106 parameters).

Hashes made earlier by werkzeug (scrypt, e.g. by `flask users create`) still verify and are
replaced by an Argon2id hash at the next successful sign-in.
"""

from __future__ import annotations

import contextlib

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from werkzeug.security import check_password_hash

# RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes), argon2-cffi's default.
_hasher = PasswordHasher()
# Verified against when the account does not exist, so both answers take the same time: a hash
# made once with _hasher's parameters (a verification's cost is set by the parameters in the
# hash) and written out, so that no process spends 0.1 s making it as it starts. A test checks
# that its parameters are still _hasher's.
DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$VSE/BS0TdHmK8YFlfNP8Jw"
    "$QSpgo473Qu/FFVy99V2LpZN3xbrZfkVP95sxCpKD5pY"
)
_DUMMY = DUMMY_HASH

MIN_LENGTH = 10
MAX_LENGTH = 200


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify(stored: str | None, password: str) -> bool:
    """True when `password` matches `stored`; False for a missing or unreadable hash."""
    if not stored:
        _spend_time(password)
        return False
    if stored.startswith("$argon2"):
        try:
            return _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    return check_password_hash(stored, password)


def _spend_time(password: str) -> None:
    with contextlib.suppress(VerificationError):
        _hasher.verify(_DUMMY, password + "\0")


def needs_rehash(stored: str) -> bool:
    return not stored.startswith("$argon2") or _hasher.check_needs_rehash(stored)


def problem_with(password: str, email: str) -> str | None:
    """Why a new password is refused (NIST SP 800-63B: length, not composition rules)."""
    if len(password) < MIN_LENGTH:
        return f"Choose a password of at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"Choose a password of at most {MAX_LENGTH} characters."
    if password.strip().lower() == email.strip().lower():
        return "Choose a password that is not your email address."
    return None
