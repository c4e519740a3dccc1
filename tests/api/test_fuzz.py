"""Property-based fuzzing of every operation from our own OpenAPI document (schemathesis), with
all its checks, positive data acceptance included: whatever the input, no server error, every
answer matches what the document declares, and data the document allows is accepted. Prints
its counts in every run."""

import collections

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.core.failures import FailureGroup
from schemathesis.openapi.checks import RejectedPositiveData

from tests.conftest import create_agreement

pytestmark = pytest.mark.slow  # run early (tests/conftest.py)

# Refusals on meaning that a JSON Schema cannot express; the document states each one in words
# (the parties' description, owner_party's description, the Idempotency-Key header's, and the
# upload's media type: a .docx, which random bytes are not).
STATED_IN_WORDS = (
    '"title":"Unusable document"',
    "Each party needs a different name",
    "owner_party must be the position of one of the parties",
    "This Idempotency-Key was already used for a different request",
)


def test_no_input_breaks_the_server_and_allowed_input_is_accepted(app, make_caller, capsys):
    caller = make_caller()
    create_agreement(caller)  # so that some generated ids name something
    # The WSGI transport hands bodies over as sent; compression has its own tests over HTTP.
    headers = {"Authorization": f"Bearer {caller.token}", "Accept-Encoding": "identity"}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    # Signing out or revoking a token by id may end the caller's own token: fuzz those last.
    operations.sort(key=lambda op: op.path.endswith(("/sign-out", "/tokens/{token_id}")))
    counts = collections.Counter()
    problems: list[str] = []

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def fuzz(case):
            response = case.call(headers=headers)
            counts["requests"] += 1
            counts["server errors"] += response.status_code >= 500
            try:
                case.validate_response(response, headers=headers)
            except (FailureGroup, AssertionError) as failed:
                for failure in getattr(failed, "exceptions", [failed]):
                    said = response.text
                    if not isinstance(failure, RejectedPositiveData):
                        counts["schema violations"] += 1
                    elif any(words in said for words in STATED_IN_WORDS):
                        counts["refused on a rule stated in words"] += 1
                        continue
                    else:
                        counts["refused positive cases"] += 1
                    problems.append(f"{case.method} {case.path}: {type(failure).__name__} {said}")

        fuzz()
    with capsys.disabled():  # shown in every run, CI's included
        print(
            f"\nschemathesis: {counts['requests']} requests,"
            f" {counts['server errors']} server errors,"
            f" {counts['schema violations']} schema violations,"
            f" {counts['refused positive cases']} refused positive cases"
            f" ({counts['refused on a rule stated in words']} refused on a rule the document"
            " states in words)"
        )
    assert counts["server errors"] == 0 and not problems, "\n".join(problems[:10])
