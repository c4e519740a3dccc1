"""Mail speaks in the voice of the agreement's kind, like its documents: a co-working agreement's
messages speak of workers and never of partners; a partnership's of partners."""

import pytest

from plugin.mail.messages import build

BASE = {
    "agreement_title": "Friday detached work",
    "version": 1,
    "link": "https://localhost:3000/pane/#agreement=1",
    "docx": "https://localhost:3000/a.docx",
    "pdf": "https://localhost:3000/a.pdf",
    "inviter": "Amina Shah",
    "party_name": "PC Dan Morrow",
    "role": "approver",
    "expires": "7 January 2027 09:00 UTC",
}


def _words(template, kind):
    message = build(
        template,
        {**BASE, "kind": kind},
        sender="agreements@example.org",
        to="dan@example.org",
        message_id="<1@example.org>",
        unsubscribe=None,
    )
    return message.get_body(("plain",)).get_content()


@pytest.mark.parametrize("template", ["invitation", "finalised"])
def test_a_co_working_agreements_mail_speaks_of_workers(template):
    words = _words(template, "co_working")
    body = words.split("\n--\n")[0]  # the footer names the product, "Partnership Agreements"
    assert "partner" not in body.lower()
    assert (
        ("co-working agreement" in body) if template == "invitation" else ("Every worker" in body)
    )


@pytest.mark.parametrize("template", ["invitation", "finalised"])
def test_a_partnerships_mail_speaks_of_partners(template):
    body = _words(template, "partnership").split("\n--\n")[0]
    assert "partnership agreement" in body if template == "invitation" else "Every partner" in body
