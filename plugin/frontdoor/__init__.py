"""The front door: `/` tells a newcomer what this is, how to sign in, and how to add it to Word."""

from __future__ import annotations

from flask import Blueprint, Flask, render_template

bp = Blueprint(
    "frontdoor",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/frontdoor/static",
)


@bp.get("/")
def home():
    return render_template("frontdoor/home.html")


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
