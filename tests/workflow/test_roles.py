"""Who may change who speaks for a party (plugin/workflow/roles.py), for every role."""

import pytest

from plugin.workflow import roles
from plugin.workflow.errors import Conflict, Forbidden

MINE, OTHER = 1, 2

# (role, acting for the party itself?, the party has an approver?, allowed?)
TABLE = [
    ("owner", True, True, True),
    ("owner", False, False, True),  # the owner may invite a party's first members
    ("owner", False, True, False),  # ...until the party has its own approver
    ("approver", True, True, True),
    ("approver", False, False, False),
    ("approver", False, True, False),
    ("editor", True, True, False),
    ("editor", True, False, False),
    ("editor", False, False, False),
    ("viewer", True, True, False),
    ("viewer", True, False, False),
    ("viewer", False, False, False),
]


@pytest.mark.parametrize(("role", "own", "has_approver", "allowed"), TABLE)
def test_who_may_manage_a_party(role, own, has_approver, allowed):
    party = MINE if own else OTHER
    assert roles.may_manage_party(role, MINE, party, has_approver) is allowed
    if allowed:
        roles.require_manage_party(role, MINE, party, has_approver, "Police Unit")
    else:
        with pytest.raises(Forbidden):
            roles.require_manage_party(role, MINE, party, has_approver, "Police Unit")


@pytest.mark.parametrize(
    ("role", "approvers", "refused"),
    [("approver", 1, True), ("approver", 2, False), ("editor", 1, False), ("viewer", 0, False)],
)
def test_a_party_keeps_its_last_approver(role, approvers, refused):
    if refused:
        with pytest.raises(Conflict, match="Police's last approver"):
            roles.require_party_keeps_an_approver(role, approvers, "Police")
    else:
        roles.require_party_keeps_an_approver(role, approvers, "Police")


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Police", "P\u043elice", True),  # Cyrillic о
        ("Police Unit", "POLICE  UNIT", True),
        ("Eastfield", "Eastfie1d", True),  # digit one for l
        ("Police Unit", "Health Unit", False),
        ("Youth Team", "Youth Teams", False),
    ],
)
def test_party_names_compare_by_their_confusable_skeleton(one, other, same):
    from plugin.workflow.names import party_name_key

    assert (party_name_key(one) == party_name_key(other)) is same


@pytest.mark.parametrize("char", ["\u200b", "\u200d", "\ufeff", "\u00ad", "\x85", "\x9b", "\x07"])
def test_names_refuse_format_and_control_characters(char):
    import re

    from plugin.workflow.names import name_pattern, refuse_hidden_characters

    with pytest.raises(ValueError, match=f"U\\+{ord(char):04X}"):
        refuse_hidden_characters(f"Youth{char}Team")
    assert not re.match(name_pattern(), f"Youth{char}Team")
    assert re.match(name_pattern(), "Youth Team")


def test_the_written_out_hidden_ranges_are_what_unicode_data_gives():
    """The table names.py keeps (so that no process scans every code point as it starts) is
    exactly the scan's result in its Unicode version; in another version the scan is used."""
    import unicodedata

    from plugin.workflow import names

    scanned = names._scan_hidden_ranges()
    if unicodedata.unidata_version == names.HIDDEN_RANGES_UNICODE:
        assert list(names.HIDDEN_RANGES) == scanned
    assert names._hidden_ranges() == scanned
