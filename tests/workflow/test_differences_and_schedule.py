"""Word-level differences give back both texts exactly; the schedule reads dates and
recurrences from the sections' fields."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from plugin.workflow.differences import new_text, old_text, word_changes
from plugin.workflow.schedule import dated_items, next_on_or_after, occurrences

TEXT = st.text(alphabet=st.sampled_from(list("ab c\n-.&<é\t")), max_size=60)


@given(TEXT, TEXT)
def test_the_runs_give_back_both_texts_exactly(old, new):
    runs = word_changes(old, new)
    assert old_text(runs) == old and new_text(runs) == new
    assert all(r.text for r in runs)
    assert all(a.op != b.op for a, b in itertools.pairwise(runs))


def test_changes_are_whole_words():
    runs = word_changes("The partners meet monthly.", "The partners meet every week.")
    assert [(r.op, r.text) for r in runs] == [
        ("same", "The partners meet "),
        ("del", "monthly"),
        ("ins", "every week"),
        ("same", "."),
    ]


def test_a_monthly_meeting_on_a_fifth_weekday_falls_on_the_last_one():
    fields = {
        "meetings_and_communication": {
            "meetings": [{"name": "Late", "frequency": "monthly", "first_date": "2027-03-30"}]
        },
        "duration_and_ending": {"end_date": "2027-06-30"},
    }
    [meeting, end] = dated_items(fields)
    assert meeting.recurrence.nth_weekday == (-1, "TU")
    days = list(occurrences(meeting, dt.date(2027, 1, 1), dt.date(2027, 12, 31)))
    last_tuesdays = [(3, 30), (4, 27), (5, 25), (6, 29)]  # by hand, from the calendar
    assert days == [dt.date(2027, m, d) for m, d in last_tuesdays]
    assert end.kind == "end" and end.date == dt.date(2027, 6, 30)
    assert next_on_or_after(meeting, dt.date(2027, 4, 28), 7) is None
    assert next_on_or_after(meeting, dt.date(2027, 5, 20), 7) == dt.date(2027, 5, 25)


def test_undated_or_unreadable_entries_are_left_out():
    fields = {
        "meetings_and_communication": {"meetings": [{"name": "x", "first_date": None}]},
        "review_and_revision": {"next_review": "not a date"},
        "duration_and_ending": {"open_ended": True, "end_date": "2027-01-01"},
    }
    assert dated_items(fields) == []
