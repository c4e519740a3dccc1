"""Steps a person takes in the pane's section screen, shared by the browser tests."""

from __future__ import annotations

import re

from playwright.sync_api import expect

JOB_TITLE = "Youth work manager"


def approve_in_bar(page, job_title: str = JOB_TITLE, confirm: bool = True) -> None:
    """Approve from the sticky bar: Approve, tick "I have authority…", give the job title the
    first time it is asked for, and confirm."""
    bar = page.get_by_role("region", name="Approve and move between sections")
    bar.get_by_role("button", name=re.compile(r"^Approve revision")).click()
    authority = bar.get_by_label(re.compile(r"^I have authority to agree this for "))
    expect(authority).to_be_focused()
    authority.check()
    title = bar.get_by_label("Your job title")
    if title.is_visible():
        title.fill(job_title)
    if confirm:
        bar.get_by_role("button", name="Approve", exact=True).click()
