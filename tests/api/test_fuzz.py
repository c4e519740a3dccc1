"""Property-based fuzzing of every operation from our own OpenAPI document (schemathesis):
whatever the input, no server error, and every answer matches what the document declares."""

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.conftest import create_agreement


def test_no_input_breaks_the_server(app, make_caller):
    caller = make_caller()
    create_agreement(caller)  # so that some generated ids name something
    # The WSGI transport hands bodies over as sent; compression has its own tests over HTTP.
    headers = {"Authorization": f"Bearer {caller.token}", "Accept-Encoding": "identity"}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    # Signing out or revoking a token by id may end the caller's own token: fuzz those last.
    operations.sort(key=lambda op: op.path.endswith(("/sign-out", "/tokens/{token_id}")))

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def fuzz(case):
            response = case.call(headers=headers)
            # Schema-valid data may still be refused on meaning (two parties with one name: 422).
            case.validate_response(
                response, headers=headers, excluded_checks=[positive_data_acceptance]
            )

        fuzz()
