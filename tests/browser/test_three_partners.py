"""Three partners, three browser contexts, one agreement, all in the web pane. Each person signs
in through the built-in provider's own pages (register; Joe also signs out and back in with his
password); no token is made behind the pane's back. Then: create, invite, join by the links,
draft every required section through the form (with its live preview), resolve a save conflict,
ask for changes, record the reason to accept what the checks still ask for, approve, finalise,
download the final .docx and read it back, read the audit trail. Screenshots and axe-core on
each screen."""

from __future__ import annotations

import re
import uuid
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from playwright.sync_api import expect

from plugin import create_app
from plugin.catalogue import default_catalogue
from plugin.documents.content import SHORT_HASH
from plugin.workflow.text import normalise
from tests.auth.conftest import PASSWORD, Live
from tests.browser.chromium import WIDE, needs_chromium, screenshot, serious_violations
from tests.browser.conftest import PaneUser
from tests.browser.steps import approve_in_bar
from tests.conftest import http_client

pytestmark = [needs_chromium, pytest.mark.browser]

TITLE = "Eastfield youth diversion"
PARTIES = [
    "Riverside Council Youth Team",
    "Eastfield Community Police Unit",
    "Eastfield High School",
]
THEIRS = "The partners divert young people from anti-social behaviour (Joe's wording)."
REASON = "Each partner's own lead is named in its staff handbook; we keep them there."
MINE = "The partners give young people in Eastfield safe places to go on Friday evenings."


@pytest.fixture
def site(database_url, tmp_path):
    """The app on a live server whose public origin is its own address, as deployed: the
    built-in provider's issuer and redirects are that address. On http://localhost Chromium
    keeps the session's Secure cookies (a secure context)."""
    live = Live(host="localhost")
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret-key-three-partners",
            "AUDIT_KEY": "test-audit-key",
        }
    )
    app.instance_path = str(tmp_path)
    live.serve(app)
    yield live
    live.stop()


@pytest.fixture
def person(browser, site):
    """Someone with a browser context of their own and nobody signed in yet."""
    contexts = []

    def make(name: str, width: int = WIDE) -> PaneUser:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, accept_downloads=True
        )
        contexts.append(context)
        context.route("https://appsforoffice.microsoft.com/**", lambda route: route.abort())
        page = context.new_page()
        page.set_default_timeout(15_000)
        user = PaneUser(context, page, site.url, token="", user_id=0, name=name)
        user.email = f"{name.split()[0].lower()}-{uuid.uuid4().hex[:8]}@example.org"
        return user

    yield make
    for context in contexts:
        context.close()


def came_back_signed_in(user: PaneUser, site) -> None:
    """Back in the pane from the provider, with the token the hand-off left."""
    user.page.wait_for_url(f"{site.url}/pane/")
    expect(user.page.get_by_text(f"Signed in as {user.name}")).to_be_visible()
    user.token = user.page.evaluate("localStorage.getItem('pa.token')")
    assert user.token and user.token.startswith("pat_")
    assert user.token not in user.page.url


def register(user: PaneUser, site) -> None:
    """From the pane's Sign in button through the provider's registration and back."""
    expect(user.page.get_by_role("heading", name="Sign in")).to_be_visible()
    user.page.get_by_role("button", name="Sign in").click()
    user.page.wait_for_url(re.compile(r"/oauth/"))
    user.page.click("text=Register")
    user.page.fill("input[name=name]", user.name)
    user.page.fill("input[name=email]", user.email)
    user.page.fill("input[name=password]", PASSWORD)
    user.page.fill("input[name=password_again]", PASSWORD)
    user.page.click("button[type=submit]")
    came_back_signed_in(user, site)


def sign_in_again(user: PaneUser, site) -> None:
    """Signed out, then back in with the email and password through the provider's form."""
    user.page.get_by_role("button", name="Sign out").click()
    expect(user.page.get_by_role("status")).to_have_text("You are signed out.")
    # Signing out ended the provider's own session too: it asks for his email and password.
    user.page.get_by_role("button", name="Sign in").click()
    user.page.wait_for_url(re.compile(r"/oauth/"))
    user.page.fill("input[name=email]", user.email)
    user.page.fill("input[name=password]", PASSWORD)
    user.page.click("button[type=submit]")
    came_back_signed_in(user, site)


def check_accessible(page, screen: str) -> None:
    problems = serious_violations(page)
    assert not problems, f"axe on the {screen} screen: {problems}"


def create_agreement(page) -> None:
    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("How closely you will work together").select_option("coordination")
    for label, name in zip(("Your organisation", "Partner 2", "Partner 3"), PARTIES, strict=True):
        page.get_by_label(label, exact=True).fill(name)
    page.get_by_role("button", name="Start the agreement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def invite(page, party: str) -> str:
    page.get_by_label("They will speak for").select_option(label=party)
    page.get_by_label("They can").select_option("approver")
    link = page.get_by_label("Send this link to them (it works once)")
    before = link.input_value()
    page.get_by_role("button", name="Create an invitation link").click()
    expect(link).not_to_have_value(before)
    expect(link).to_have_value(re.compile(r"/pane/#invitation=[\w-]+$"))
    return link.input_value()


def open_section(page, key: str) -> None:
    page.locator(f"button[data-section='{key}']").click()
    expect(page.locator("#screen-section")).to_be_visible()


def back_to_sections(page) -> None:
    page.get_by_role("button", name="All sections").click()
    expect(page.locator("#screen-agreement")).to_be_visible()


def fill_every_field(page, words: str) -> None:
    """Fill the generated form the way a person would: one item in each list of records, then
    every box, date, number, choice and tick box."""
    form = page.locator("#section-fields")
    adders = form.get_by_role("button", name=re.compile(r"^Add an entry to "))
    for i in range(adders.count()):
        adders.nth(i).click()
    for i, box in enumerate(form.locator("input[type=text]").all()):
        box.fill(f"{words} {i + 1}")
    for box in form.locator("textarea").all():
        box.fill(f"{words}, in more detail")
    for box in form.locator("input[type=date]").all():
        box.fill("2027-03-01")
    for box in form.locator("input[type=number]").all():
        box.fill("4")
    for select in form.locator("select").all():
        select.select_option(index=1)
    for tick in form.get_by_role("checkbox").all():
        # Ticked from the keyboard (Space), as many people tick boxes: a pointer's click lands
        # where the box was when it set off, and the findings the live preview puts under the
        # fields above can move the form meanwhile (one run saw a click change nothing).
        if not tick.is_checked():
            tick.press(" ")
        expect(tick).to_be_checked()


def draft_section(page, key: str, words: str) -> None:
    open_section(page, key)
    fill_every_field(page, words)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status")).to_have_text(re.compile(r"Saved as revision 1\."))
    # What was saved comes back into the form: the fields round-trip through the API.
    first = page.locator("#section-fields input[type=text]").first
    if first.count():
        expect(first).to_have_value(re.compile(re.escape(words)))
    expect(page.locator("#section-text")).not_to_have_value("")


def approve_section(page, key: str) -> None:
    open_section(page, key)
    approve_in_bar(page)
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^You approved revision"))
    back_to_sections(page)


def approve_step_by_step(page, keys: list[str]) -> None:
    """Approve each section in turn from the sticky bar, moving on with "Next section"."""
    open_section(page, keys[0])
    for n, key in enumerate(keys):
        expect(page.get_by_role("heading", level=1)).to_have_text(
            default_catalogue().section(key).title
        )
        approve_in_bar(page)
        expect(page.get_by_role("status")).to_have_text(re.compile(r"^You approved revision"))
        if n + 1 < len(keys):
            page.get_by_role("button", name=re.compile(r"^Next section: ")).click()
    back_to_sections(page)


def open_wording(page) -> None:
    """Open the fold with the clause preview and the free-text wording."""
    fold = page.locator("#wording")
    if fold.get_attribute("expanded") is None:  # Fluent's accordion item
        page.get_by_role("button", name="Clause preview and wording").click()


def section_status(page, key: str):
    return page.locator(f"button[data-section='{key}'] .badge")


def state_of(api, aid: int) -> dict:
    return api.get(f"/agreements/{aid}").json()


def must_findings(api, aid: int) -> list[str]:
    """Sections with a `must` finding nobody has accepted yet."""
    return [
        s["key"]
        for s in state_of(api, aid)["sections"]
        if any(f["severity"] == "must" and not f["accepted"] for f in s["findings"])
    ]


def sdt_texts(body) -> dict[str, str]:
    """Each content control's tag and its text, paragraph by paragraph."""
    out = {}
    for sdt in body.iter(qn("w:sdt")):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        if tag is None:
            continue
        paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in sdt.iter(qn("w:p"))]
        out[tag.get(qn("w:val"))] = "\n".join(paragraphs)
    return out


def check_final_document(document, state: dict) -> None:
    """Every drafted section's title and agreed text in its `pa:<key>` content control, and
    the approval certificate naming each partner's approver and the hash of what they approved."""
    body = document.element.body
    paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    text = "\n".join(paragraphs)
    assert TITLE in text
    controls = sdt_texts(body)
    drafted = [s for s in state["sections"] if s["revision"]]
    assert drafted
    for section in drafted:
        assert section["title"] in text, section["title"]
        laid = controls[f"pa:{section['key']}"]
        assert normalise(laid) == section["revision"]["text"], section["key"]
    assert normalise(MINE) in normalise(controls["pa:purpose_and_aims"])
    after = text[text.index("Approval certificate") :]
    for party in PARTIES:
        assert party in after
    for name in ("Joe Lindsay", "Fiona Reid", "Mark Baird"):
        assert name in after
    for section in drafted:
        assert section["revision"]["sha256"][:SHORT_HASH] in after, section["key"]
    if any(f["accepted"] for s in state["sections"] for f in s["findings"]):
        assert f"Accepted because: {REASON}" in after


def test_three_partners_finish_an_agreement_in_the_web_pane(site, person):
    live_server = site.url
    required = default_catalogue().required_sections("partnership", "coordination")
    joe = person("Joe Lindsay")
    fiona = person("Fiona Reid")
    mark = person("Mark Baird", width=320)

    # Joe registers with the built-in provider, signs out, and signs in again with his password.
    joe.open()
    check_accessible(joe.page, "sign-in")
    register(joe, site)
    first_token = joe.token
    sign_in_again(joe, site)
    assert joe.token != first_token
    assert http_client(live_server, first_token).get("/me").status_code == 401  # revoked

    # Joe starts the agreement.
    expect(joe.page.get_by_role("heading", name="Your agreements")).to_be_visible()
    check_accessible(joe.page, "agreement list")
    screenshot(joe.page, "01-agreements")
    create_agreement(joe.page)
    expect(joe.page.locator("#agreement-progress-words")).to_have_text(
        f"0 of {len(required)} required sections approved by every partner"
    )
    for key in required:
        expect(section_status(joe.page, key)).to_have_text("No text yet")
    # Where am I: nothing done, every required section waits for Joe's party, one next step.
    expect(joe.page.locator("#count-done")).to_have_text("0")
    expect(joe.page.locator("#count-mine")).to_have_text(str(len(required)))
    expect(joe.page.get_by_role("button", name=re.compile(r"^Next: Draft “"))).to_be_visible()

    # He invites the police and the school; they open their links and join.
    police_link = invite(joe.page, PARTIES[1])
    school_link = invite(joe.page, PARTIES[2])
    assert police_link.startswith(f"{live_server}/pane/#invitation=") and police_link != school_link
    expect(joe.page.locator("#party-list")).to_contain_text(
        "Eastfield High School: nobody has joined yet (an invitation is waiting to be used)"
    )
    check_accessible(joe.page, "agreement")
    screenshot(joe.page, "02-agreement-invited")
    for person, link, party in ((fiona, police_link, PARTIES[1]), (mark, school_link, PARTIES[2])):
        person.page.goto(link)  # not signed in yet: the pane keeps the invitation meanwhile
        expect(person.page.locator("#sign-in-invitation")).to_be_visible()
        register(person, site)
        expect(person.page.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(person.page.locator("#agreement-meta")).to_contain_text(f"you speak for {party}")
        assert "invitation" not in person.page.url  # the token leaves the address bar
    expect(joe.page.locator("#party-list")).to_contain_text("Fiona Reid")  # seen by polling
    expect(joe.page.locator("#party-list")).to_contain_text("Mark Baird")
    # Each party now has its own approver: Joe invites only to his own, and is told why.
    expect(joe.page.locator("#invite-party option")).to_have_text([PARTIES[0]])
    expect(joe.page.locator("#invite-limits")).to_contain_text(
        f"{PARTIES[1]} decides who speaks for it: ask one of its approvers to invite them."
    )

    # Every required section is drafted through the form; the partners share the work.
    drafters = {"roles_and_responsibilities": fiona, "meetings_and_communication": mark}
    for key in required:
        person = drafters.get(key, joe)
        draft_section(person.page, key, f"Drafted by {person.name}")
        if key == required[0]:
            expect(person.page.locator("#preview-text")).not_to_be_empty()  # the live preview
            check_accessible(person.page, "section editor")
            screenshot(person.page, "03-section-editor")
        back_to_sections(person.page)
    # What the partners answered can make more sections required (joint delivery, say).
    api = http_client(live_server, joe.token)
    aid = api.get("/agreements").json()["agreements"][0]["id"]
    required = [s["key"] for s in state_of(api, aid)["sections"] if s["required"]]
    for key in required:
        if not next(s for s in state_of(api, aid)["sections"] if s["key"] == key)["revision"]:
            draft_section(joe.page, key, f"Drafted by {joe.name}")
            back_to_sections(joe.page)
    assert [s["key"] for s in state_of(api, aid)["sections"] if s["required"]] == required
    expect(section_status(mark.page, required[-1])).to_have_text(
        "Draft: waiting for all 3 partners to approve"
    )

    # A conflict: Fiona rewords the aims, reloads (her words survive), Joe saves first.
    open_section(fiona.page, "purpose_and_aims")
    open_wording(fiona.page)
    fiona.page.get_by_label("Clause text").fill(MINE)
    fiona.page.reload()  # back where she was, with what she typed
    expect(fiona.page.get_by_role("heading", level=1)).to_have_text(
        default_catalogue().section("purpose_and_aims").title
    )
    expect(fiona.page.get_by_label("Clause text")).to_have_value(MINE)
    expect(fiona.page.locator("#draft-note")).to_be_visible()
    open_section(joe.page, "purpose_and_aims")
    open_wording(joe.page)
    joe.page.get_by_label("Clause text").fill(THEIRS)
    joe.page.get_by_role("button", name="Save", exact=True).click()
    expect(joe.page.get_by_role("status")).to_have_text("Saved as revision 2.")
    fiona.page.get_by_role("button", name="Save", exact=True).click()
    conflict = fiona.page.get_by_role("group", name=re.compile("Someone saved this section"))
    expect(conflict).to_be_visible()
    expect(fiona.page.locator("#conflict-theirs")).to_have_text(THEIRS)
    expect(fiona.page.locator("#conflict-mine")).to_have_text(MINE)
    expect(fiona.page.locator("#conflict-theirs-by")).to_have_text(
        "Revision 2, saved by Joe Lindsay"
    )
    check_accessible(fiona.page, "save conflict")
    screenshot(fiona.page, "04-conflict")
    fiona.page.get_by_role("button", name="Save my version instead").click()
    expect(fiona.page.get_by_role("status")).to_have_text("Saved as revision 3.")
    expect(conflict).to_be_hidden()
    aims = {s["key"]: s for s in api.get(f"/agreements/{aid}").json()["sections"]}
    assert aims["purpose_and_aims"]["revision"]["text"] == normalise(MINE)
    assert aims["purpose_and_aims"]["revision"]["number"] == 3
    back_to_sections(fiona.page)
    back_to_sections(joe.page)

    # The school asks for a change; everyone sees it; approving settles the school's request.
    open_section(mark.page, "review_and_revision")
    mark.page.get_by_role("button", name="Request changes").click()
    mark.page.get_by_label("What needs to change?").fill("Add the date of the first review.")
    mark.page.get_by_role("button", name="Ask for changes").click()
    expect(mark.page.locator("#change-requests")).to_contain_text(
        "Eastfield High School asks for changes: “Add the date of the first review.”"
    )
    back_to_sections(mark.page)
    expect(section_status(joe.page, "review_and_revision")).to_have_text(
        "Changes requested by Eastfield High School"
    )
    screenshot(joe.page, "05-changes-requested")

    # Everyone approves every required section (the police withdraw once and approve again).
    for key in required:
        approve_section(fiona.page, key)
    open_section(fiona.page, required[0])
    fiona.page.get_by_role("button", name="Withdraw our approval").click()
    expect(fiona.page.get_by_role("status")).to_have_text("Your approval is withdrawn.")
    expect(fiona.page.locator("#approval-list")).to_contain_text(
        "Eastfield Community Police Unit: not approved yet"
    )
    back_to_sections(fiona.page)
    approve_section(fiona.page, required[0])
    approve_step_by_step(mark.page, required)
    expect(section_status(joe.page, required[0])).to_have_text("Waiting for 1 of 3 partners")
    expect(
        joe.page.get_by_role("button", name="Finalise the agreement", exact=True)
    ).to_be_disabled()
    for key in required:
        approve_section(joe.page, key)
    for key in required:
        expect(section_status(joe.page, key)).to_have_text("Approved by all partners")

    # Joe finalises; the others see it is final.
    # What the checks still ask for and the partners accept as it is: Joe records their reason
    # in the section editor (a `must` finding blocks finalising until then).
    for key in must_findings(api, aid):
        open_section(joe.page, key)
        check_accessible(joe.page, "section editor with findings")
        screenshot(joe.page, f"05b-findings-{key}")
        joe.page.get_by_role("heading", name=re.compile("^What the checks say")).click()
        accept = joe.page.locator("#findings details.accept")
        while accept.count():
            accept.first.locator("summary").click()
            accept.first.get_by_label(re.compile("Why do the partners accept")).fill(REASON)
            accept.first.get_by_role("button", name="Record the reason").click()
            expect(joe.page.get_by_role("status")).to_have_text(
                re.compile("The reason is recorded")
            )
        expect(joe.page.locator("#findings")).to_contain_text(f"“{REASON}”")
        back_to_sections(joe.page)
    expect(joe.page.locator("#readiness-words")).to_have_text(
        "Every partner has approved every required section. It can be finalised."
    )
    joe.page.get_by_role("button", name="Next: Finalise the agreement").click()
    finalise = joe.page.get_by_role("button", name="Finalise the agreement", exact=True)
    expect(finalise).to_be_focused()
    finalise.click()
    expect(joe.page.locator("#agreement-progress-words")).to_have_text(
        "Final: version 1 was agreed by every partner"
    )
    expect(mark.page.locator("#agreement-progress-words")).to_have_text(
        "Final: version 1 was agreed by every partner"
    )
    check_accessible(joe.page, "final agreement")
    check_accessible(mark.page, "final agreement at 320 px")
    screenshot(mark.page, "06-final")

    # The audit trail, with its hash chain verified by the server.
    joe.page.get_by_role("button", name="Show the audit trail").click()
    expect(joe.page.locator("#audit-chain")).to_contain_text("are intact")
    assert joe.page.locator("#audit-list li").count() > len(required) * 4
    aims_title = default_catalogue().section("purpose_and_aims").title
    roles_title = default_catalogue().section("roles_and_responsibilities").title
    expect(joe.page.locator("#audit-list")).to_contain_text(
        f"Wrote revision 3 of “{aims_title}” (Fiona Reid, "
    )
    expect(joe.page.locator("#audit-list")).to_contain_text(
        "Joined for Eastfield High School (Mark Baird, "
    )
    expect(joe.page.locator("#audit-list")).to_contain_text(
        f"Recorded Riverside Council Youth Team's reason to accept a check on “{roles_title}”: "
        f"“{REASON}” (Joe Lindsay, "
    )
    screenshot(joe.page, "07-audit")

    # The final .docx, fetched by the pane with the bearer token and saved by the browser.
    with mark.page.expect_download() as waiting:
        mark.page.get_by_role("button", name="Download the final agreement (.docx)").click()
    assert zipfile.is_zipfile(waiting.value.path())
    check_final_document(docx.Document(waiting.value.path()), state_of(api, aid))
    with mark.page.expect_download(timeout=120_000) as waiting:  # LibreOffice makes it
        mark.page.get_by_role("button", name="Download the final agreement (PDF)").click()
    assert waiting.value.path().read_bytes()[:5] == b"%PDF-"

    # Polling asked with If-None-Match, and the server had nothing new to say at least once.
    assert any(status == 304 for status, _ in joe.state_reads)
    assert all(sent for status, sent in joe.state_reads if status == 304)
    for person in (joe, fiona, mark):
        assert person.uncaught == [], f"{person.name}: {person.uncaught}"
