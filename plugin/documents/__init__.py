"""Word documents: templates filled clause by clause (docxtpl), the custom XML part binding a
.docx to its agreement, reading uploads safely, the final agreement with its approval
certificate, PDF through LibreOffice, and verification."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from .check import templates_cli

    app.cli.add_command(templates_cli)
