"""The README documents every setting and every API route."""

from pathlib import Path

from plugin.settings import DEFAULTS

README = (Path(__file__).parents[1] / "README.md").read_text()


def test_every_setting_is_documented():
    for key in DEFAULTS:
        assert f"PA_{key}" in README, f"PA_{key} is not in the README"


def test_every_api_route_is_documented(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/") and rule.rule != "/api/v1/openapi.json":
            words = [part for part in rule.rule.split("/") if part and not part.startswith("<")]
            assert f"/{words[-1]}" in README, f"{rule.rule} is not in the README"
