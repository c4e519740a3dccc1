# ruff: noqa: E501  (a table of exact messages, one string each)
"""Each check, with the exact findings it gives: start from a complete example agreement (no
findings at all), change one section's fields, and compare that section's findings in full
(code, severity, message). Cross-section checks see the other sections of the same example."""

import datetime as dt

import pytest
from checks_harness import findings_after as _findings
from checks_harness import tables_beside

from plugin.catalogue import default_catalogue
from plugin.catalogue.checks import code_of

CATALOGUE = default_catalogue()


TABLE = [
    (
        "co_working",
        "co_workers",
        {
            "workers": [
                {
                    "worker": 1,
                    "organisation": "Riverside Council Youth Team",
                    "role": "youth worker",
                }
            ]
        },
        [
            (
                "co_workers.too_few_named",
                "must",
                "A co-working agreement needs at least 2 workers, each named with their organisation; 1 so "
                "far.",
            ),
            (
                "co_workers.worker_without_organisation",
                "should",
                "The organisation PC Dan Morrow works for is not recorded.",
            ),
            ("co_workers.worker_without_role", "should", "PC Dan Morrow's job is not recorded."),
        ],
    ),
    (
        "co_working",
        "co_workers",
        {
            "workers": [
                {
                    "worker": 1,
                    "organisation": "Riverside Council Youth Team",
                    "role": "youth worker",
                },
                {"worker": 2, "role": "police officer"},
            ]
        },
        [
            (
                "co_workers.too_few_named",
                "must",
                "A co-working agreement needs at least 2 workers, each named with their organisation; 1 so "
                "far.",
            ),
            (
                "co_workers.worker_without_organisation",
                "should",
                "The organisation PC Dan Morrow works for is not recorded.",
            ),
        ],
    ),
    (
        "co_working",
        "co_workers",
        {
            "workers": [
                {"worker": 1, "organisation": "Riverside Council Youth Team"},
                {"worker": 2, "role": "police officer", "organisation": "Police Unit"},
            ]
        },
        [("co_workers.worker_without_role", "should", "Amina Shah's job is not recorded.")],
    ),
    (
        "partnership",
        "partners_and_context",
        {"partners": []},
        [
            (
                "partners.party_without_contact",
                "should",
                "Riverside Council Youth Team has no named lead contact.",
            ),
            (
                "partners.party_without_contact",
                "should",
                "Eastfield Community Police Unit has no named lead contact.",
            ),
            (
                "partners.party_without_contact",
                "should",
                "Eastfield High School has no named lead contact.",
            ),
            (
                "partners.party_without_limits",
                "should",
                'Riverside Council Youth Team has not recorded the limits it works within (write "none" if '
                "there are none).",
            ),
            (
                "partners.party_without_limits",
                "should",
                'Eastfield Community Police Unit has not recorded the limits it works within (write "none" '
                "if there are none).",
            ),
            (
                "partners.party_without_limits",
                "should",
                'Eastfield High School has not recorded the limits it works within (write "none" if there '
                "are none).",
            ),
        ],
    ),
    (
        "partnership",
        "partners_and_context",
        {"trust_building": None},
        [
            (
                "partners.trust_plan_missing",
                "should",
                "The partners' past relationship has had difficulties, but no plan for restoring trust has "
                "been recorded.",
            )
        ],
    ),
    (
        "partnership",
        "purpose_and_aims",
        {"purpose_statement": None},
        [("aims.purpose_missing", "must", "The statement of purpose has not been written yet.")],
    ),
    (
        "partnership",
        "purpose_and_aims",
        {"shared_aims": []},
        [("aims.no_shared_aim", "must", "No shared aim has been recorded.")],
    ),
    (
        "partnership",
        "purpose_and_aims",
        {
            "shared_aims": [
                {
                    "aim": "Run a weekly Friday drop-in for young people aged 11 to 18 during "
                    "term time",
                    "success_indicator": "30 sessions",
                },
                {
                    "aim": "Reduce anti-social behaviour involving young people around the "
                    "shopping precinct",
                    "success_indicator": "fewer incidents",
                },
                {"aim": "Build trust between young people and local police officers"},
            ]
        },
        [
            (
                "aims.aim_without_measure",
                "must",
                'The shared aim "Build trust between young people and local police officers" has no measure '
                "of success.",
            )
        ],
    ),
    (
        "partnership",
        "purpose_and_aims",
        {"data_collection": []},
        [
            (
                "aims.no_data_collection",
                "must",
                "Nothing says what information will be collected to show progress, how, or by whom.",
            )
        ],
    ),
    (
        "partnership",
        "purpose_and_aims",
        {"data_collection": [{"what": "Attendance", "by_whom": 1}]},
        [
            (
                "aims.data_collection_incomplete",
                "should",
                'For the item collected "Attendance", fill in "How it is collected" and "Who it is for".',
            )
        ],
    ),
    (
        "partnership",
        "purpose_and_aims",
        {"partner_aims": [{"aim": "Raise confidence"}]},
        [
            (
                "aims.partner_aim_without_partner",
                "should",
                'The partner\'s own aim "Raise confidence" does not say which partner it belongs to.',
            )
        ],
    ),
    (
        "partnership",
        "purpose_and_aims",
        {"confirmed_by": [1, 2]},
        [
            (
                "aims.party_not_confirmed",
                "should",
                "Eastfield High School has not yet confirmed the statement of purpose.",
            )
        ],
    ),
    (
        "partnership",
        "relationship_level",
        {"level": None, "formality": None},
        [
            (
                "level.not_chosen",
                "should",
                "The partners have not yet chosen the level at which they will work together.",
            )
        ],
    ),
    (
        "partnership",
        "relationship_level",
        {"formality": None},
        [
            (
                "level.formality_missing",
                "should",
                "Say how formally the arrangement will be recorded; partners who pool resources usually sign "
                "a written agreement.",
            )
        ],
    ),
    (
        "partnership",
        "relationship_level",
        {"level_by_strand": [{"strand": "Referrals"}]},
        [("level.strand_without_level", "should", 'The strand "Referrals" has no level chosen.')],
    ),
    (
        "partnership",
        "people_served",
        {"target_groups": [], "needs_summary": " "},
        [
            (
                "people.no_target_group",
                "should",
                "No group of people has been named as the focus of the work.",
            ),
            (
                "people.needs_missing",
                "should",
                "There is no summary of what the people served need and hope for.",
            ),
        ],
    ),
    (
        "partnership",
        "people_served",
        {"participant_voice": None, "complaints_route": None},
        [
            (
                "people.young_peoples_voice_missing",
                "should",
                "Nothing says how young people will have a say in shaping the work.",
            ),
            (
                "people.complaints_route_missing",
                "should",
                "Nothing says how young people or their parents can complain about the joint work.",
            ),
        ],
    ),
    (
        "partnership",
        "people_served",
        {"young_people": False, "participant_voice": None, "complaints_route": None},
        [],
    ),
    (
        "partnership",
        "people_served",
        {
            "existing_overlaps": [{"service": "Saturday sport"}],
            "referral_routes": [{"how": "by card", "to_partner": 1}],
        },
        [
            (
                "people.overlap_not_handled",
                "should",
                'Say how the partners will deal with the overlap with the other service "Saturday sport".',
            ),
            (
                "people.referral_route_incomplete",
                "should",
                'For referral route 1, fill in "Partner referring".',
            ),
        ],
    ),
    (
        "partnership",
        "roles_and_responsibilities",
        {
            "lead_partner": None,
            "tasks": [
                {"task": "Run the drop-in", "owner": 1, "due": "2027-01-15"},
                {"task": "Share figures", "owner": 2},
                {"owner": 3, "due": "2027-01-29"},
            ],
        },
        [
            (
                "roles.party_without_responsibility",
                "must",
                "Eastfield Community Police Unit has no named task with a date or how often it is done.",
            ),
            (
                "roles.task_incomplete",
                "should",
                'For the task "Share figures", fill in "Done by" or "How often".',
            ),
            ("roles.no_lead_partner", "should", "No lead partner is named."),
        ],
    ),
    (
        "partnership",
        "resources_and_costs",
        {"contributions": [], "meeting_time": None, "insurance": None},
        [
            (
                "resources.party_without_amount",
                "should",
                "Riverside Council Youth Team has not said how much it is contributing (a sum of money or a "
                "number of hours).",
            ),
            (
                "resources.party_without_amount",
                "should",
                "Eastfield Community Police Unit has not said how much it is contributing (a sum of money or "
                "a number of hours).",
            ),
            (
                "resources.party_without_amount",
                "should",
                "Eastfield High School has not said how much it is contributing (a sum of money or a number "
                "of hours).",
            ),
            (
                "resources.meeting_time_missing",
                "should",
                "There is no estimate of how much time partnership meetings and keeping in touch will take.",
            ),
            (
                "resources.insurance_missing",
                "should",
                "Nothing says whose insurance covers the joint work or who is liable if something goes "
                "wrong.",
            ),
        ],
    ),
    (
        "partnership",
        "information_exchange",
        {"contacts": [], "info_items": [{"item": "Figures", "from_partner": 2}]},
        [
            (
                "information.party_without_contact",
                "should",
                "Riverside Council Youth Team has no named contact person.",
            ),
            (
                "information.party_without_contact",
                "should",
                "Eastfield Community Police Unit has no named contact person.",
            ),
            (
                "information.party_without_contact",
                "should",
                "Eastfield High School has no named contact person.",
            ),
            (
                "information.item_incomplete",
                "should",
                'For the item of information "Figures", fill in "Provided to" and "How often".',
            ),
        ],
    ),
    (
        "partnership",
        "review_and_revision",
        {"next_review": "2026-12-01"},
        [
            (
                "review.before_start",
                "must",
                "The next review (1 December 2026) falls before the agreement starts (4 January 2027).",
            ),
            (
                "review.dates_disagree",
                "must",
                'Another section speaks of the "first review in June 2027", but the next review is set for '
                "1 December 2026: give one date everywhere.",
            ),
        ],
    ),
    (
        "co_working",
        "review_and_revision",
        {"next_review": "2026-12-01"},
        [
            (
                "review.before_start_of_co_working",
                "must",
                "The next review (1 December 2026) falls before the agreement starts (8 January 2027).",
            ),
        ],
    ),
    (
        "partnership",
        "duration_and_ending",
        {"end_date": "2026-12-31"},
        [
            (
                "ending.ends_before_start",
                "must",
                "The agreement ends (31 December 2026) before it starts (4 January 2027).",
            ),
        ],
    ),
    (
        "co_working",
        "duration_and_ending",
        {"end_date": "2026-12-31"},
        [
            (
                "ending.ends_before_start_of_co_working",
                "must",
                "The agreement ends (31 December 2026) before it starts (8 January 2027).",
            ),
        ],
    ),
    (
        "partnership",
        "escalation_and_disagreement",
        {
            "delivery_managers": [
                {"manager": "Joe Lindsay", "role": "Youth Team Manager", "partner": 1},
                {
                    "manager": "Inspector Fiona Reid",
                    "role": "Neighbourhood Inspector",
                    "partner": 2,
                },
                {"manager": "Mark Baird", "role": "Head Teacher", "partner": 3},
            ]
        },
        [
            (
                "escalation.same_person_twice",
                "should",
                'Mark Baird is named in "Managers who step in on delivery problems" and in "Senior '
                'managers at the top of the ladder": each step of the ladder should bring in someone new.',
            ),
        ],
    ),
    (
        "partnership",
        "information_exchange",
        {
            "not_shared": [],
            "sharing_basis": None,
            "data_leads": [],
            "consent": None,
            "retention": None,
            "breach_reporting": None,
        },
        [
            (
                "information.confidentiality_missing",
                "must",
                "Nothing says what is not passed on, for example what a young person tells a youth worker in "
                "confidence.",
            ),
            (
                "information.party_without_data_lead",
                "should",
                "Riverside Council Youth Team has not named who answers for its records.",
            ),
            (
                "information.party_without_data_lead",
                "should",
                "Eastfield Community Police Unit has not named who answers for its records.",
            ),
            (
                "information.party_without_data_lead",
                "should",
                "Eastfield High School has not named who answers for its records.",
            ),
            (
                "information.consent_missing",
                "must",
                "Nothing says how consent is sought or how a young person's capacity to give it is judged.",
            ),
            ("information.retention_missing", "should", "Nothing says how long records are kept."),
            (
                "information.breach_route_missing",
                "must",
                "Nothing says how a breach of personal information is reported.",
            ),
        ],
    ),
    (
        "partnership",
        "meetings_and_communication",
        {"meetings": []},
        [
            ("meetings.none", "must", "No regular meeting has been set up."),
            (
                "meetings.party_never_attends",
                "should",
                "Riverside Council Youth Team does not attend any of the regular meetings.",
            ),
            (
                "meetings.party_never_attends",
                "should",
                "Eastfield Community Police Unit does not attend any of the regular meetings.",
            ),
            (
                "meetings.party_never_attends",
                "should",
                "Eastfield High School does not attend any of the regular meetings.",
            ),
        ],
    ),
    (
        "partnership",
        "meetings_and_communication",
        {
            "meetings": [
                {"frequency": "monthly", "attendees": [1, 2, 3]},
                {
                    "name": "Steering group",
                    "frequency": "monthly",
                    "purpose": "both",
                    "chair": "Joe",
                    "attendees": [1, 2],
                },
            ]
        },
        [
            (
                "meetings.frequency_or_purpose_missing",
                "must",
                'For meeting 1 (not yet named), fill in "What it is for".',
            ),
            ("meetings.no_chair", "should", "Meeting 1 (not yet named) has no chair."),
        ],
    ),
    (
        "partnership",
        "governance_and_decisions",
        {"accountable_persons": [], "decision_method": None, "line_management": []},
        [
            (
                "governance.party_without_accountable_person",
                "should",
                "Riverside Council Youth Team has not named a person who is accountable for the "
                "partnership.",
            ),
            (
                "governance.party_without_accountable_person",
                "should",
                "Eastfield Community Police Unit has not named a person who is accountable for the "
                "partnership.",
            ),
            (
                "governance.party_without_accountable_person",
                "should",
                "Eastfield High School has not named a person who is accountable for the partnership.",
            ),
            (
                "governance.no_decision_method",
                "should",
                "The partners have not said how decisions will be made.",
            ),
            (
                "governance.no_workers_listed",
                "should",
                "No front-line workers are listed with their managers.",
            ),
        ],
    ),
    (
        "partnership",
        "governance_and_decisions",
        {
            "decision_method": "other",
            "line_management": [
                {"worker": "Amina Shah", "manager": "Joe Lindsay"},
                {"manager": "Fiona Reid", "home_agency": 2},
            ],
        },
        [
            (
                "governance.other_method_undescribed",
                "should",
                'Decisions are to be made "in another way", but that way is not described.',
            ),
            (
                "governance.worker_incomplete",
                "should",
                'For the worker "Amina Shah", fill in "Their organisation".',
            ),
        ],
    ),
    (
        "partnership",
        "power_and_voice",
        {"difference_level": None},
        [
            (
                "power.difference_not_stated",
                "should",
                "The partners have not said how far they are unequal in scale, funding and influence.",
            )
        ],
    ),
    (
        "partnership",
        "power_and_voice",
        {"safeguards": []},
        [
            (
                "power.no_safeguard",
                "should",
                "The partners are very unequal in scale or funding, but no safeguard is recorded to make "
                "sure every partner has a fair say.",
            )
        ],
    ),
    (
        "partnership",
        "escalation_and_disagreement",
        {
            "between_meetings_contact": None,
            "escalation_steps": [{"step": "Talk it through"}],
            "delivery_managers": [],
            "senior_managers": [],
        },
        [
            (
                "problems.no_contact_between_meetings",
                "must",
                "Nothing says how a problem that comes up between meetings is raised, and with whom.",
            ),
            (
                "problems.too_few_steps",
                "should",
                "Fewer than 2 steps are set out for dealing with a problem: add at least 2, from the first "
                "conversation up to managers.",
            ),
            (
                "problems.step_without_person",
                "should",
                'The step "Talk it through" does not say which person or role deals with it.',
            ),
            (
                "problems.party_without_delivery_manager",
                "should",
                "Riverside Council Youth Team has not named a manager to help sort out problems in "
                "delivery.",
            ),
            (
                "problems.party_without_delivery_manager",
                "should",
                "Eastfield Community Police Unit has not named a manager to help sort out problems in "
                "delivery.",
            ),
            (
                "problems.party_without_delivery_manager",
                "should",
                "Eastfield High School has not named a manager to help sort out problems in delivery.",
            ),
            (
                "problems.party_without_senior_manager",
                "should",
                "Riverside Council Youth Team has not named the senior manager who settles what its managers "
                "cannot.",
            ),
            (
                "problems.party_without_senior_manager",
                "should",
                "Eastfield Community Police Unit has not named the senior manager who settles what its "
                "managers cannot.",
            ),
            (
                "problems.party_without_senior_manager",
                "should",
                "Eastfield High School has not named the senior manager who settles what its managers "
                "cannot.",
            ),
        ],
    ),
    (
        "partnership",
        "code_of_conduct",
        {"behaviour_commitments": [], "participant_boundaries": [], "applicable_policies": []},
        [
            (
                "conduct.no_commitments",
                "must",
                "No commitments are recorded about how people in the partnership will treat each other.",
            ),
            (
                "conduct.no_shared_responses",
                "should",
                "No agreed responses to situations with participants are recorded, for example what to do "
                "when a young person swears or uses abusive words.",
            ),
            (
                "conduct.party_without_policies",
                "should",
                "Riverside Council Youth Team has not listed the policies or professional codes that apply "
                'to its staff (write "none" if there are none).',
            ),
            (
                "conduct.party_without_policies",
                "should",
                "Eastfield Community Police Unit has not listed the policies or professional codes that "
                'apply to its staff (write "none" if there are none).',
            ),
            (
                "conduct.party_without_policies",
                "should",
                "Eastfield High School has not listed the policies or professional codes that apply to its "
                'staff (write "none" if there are none).',
            ),
        ],
    ),
    (
        "partnership",
        "code_of_conduct",
        {"participant_boundaries": [{"situation": "Swearing"}]},
        [
            (
                "conduct.situation_without_response",
                "should",
                'There is no agreed response for the situation "Swearing".',
            )
        ],
    ),
    (
        "partnership",
        "health_and_safety",
        {
            "risks": [],
            "routine_practices": [],
            "risk_assessment_owner": None,
            "safeguarding_leads": [],
            "concern_reporting": None,
            "disclosure_checks": None,
            "check_in_procedure": None,
        },
        [
            ("safety.no_risks", "must", "No risks of the joint activity are recorded."),
            (
                "safety.no_shared_habits",
                "must",
                "The safety habits that every co-worker must follow are not written down.",
            ),
            (
                "safety.no_risk_assessment_owner",
                "should",
                "No partner is named as owner of the risk assessment.",
            ),
            (
                "safety.party_without_safeguarding_lead",
                "must",
                "Riverside Council Youth Team has not named a safeguarding lead.",
            ),
            (
                "safety.party_without_safeguarding_lead",
                "must",
                "Eastfield Community Police Unit has not named a safeguarding lead.",
            ),
            (
                "safety.party_without_safeguarding_lead",
                "must",
                "Eastfield High School has not named a safeguarding lead.",
            ),
            (
                "safety.no_concern_route",
                "must",
                "Nothing says how a worker reports a worry about a young person's safety.",
            ),
            (
                "safety.no_disclosure_checks",
                "must",
                "Nothing says which workers are members of Disclosure Scotland's PVG scheme or who checks it.",
            ),
            (
                "safety.no_check_in",
                "should",
                "Nothing says how workers check in and out of sessions.",
            ),
        ],
    ),
    (
        "partnership",
        "health_and_safety",
        {"risks": [{"hazard": "Aggression", "owner": 1}]},
        [
            (
                "safety.risk_incomplete",
                "should",
                'For the risk "Aggression", fill in "How it is controlled".',
            )
        ],
    ),
    (
        "partnership",
        "publicity_and_credit",
        {"naming_rule": None, "acknowledgement_wording": None, "approvers": [1]},
        [
            (
                "publicity.no_credit_rule",
                "should",
                "Nothing says whose names go on publicity or how credit is shared, so one organisation or "
                "worker could end up taking it all.",
            ),
            (
                "publicity.party_not_signing_off",
                "should",
                "Eastfield Community Police Unit is not among those who sign off what is said in public "
                "about the joint work.",
            ),
            (
                "publicity.party_not_signing_off",
                "should",
                "Eastfield High School is not among those who sign off what is said in public about the "
                "joint work.",
            ),
        ],
    ),
    (
        "partnership",
        "individual_worker_arrangements",
        {"worker_agreements": [], "no_agreements_reason": None},
        [
            (
                "workers.none_recorded",
                "must",
                "No agreement between co-delivering workers is recorded, and nothing says why none is "
                "needed.",
            )
        ],
    ),
    (
        "partnership",
        "individual_worker_arrangements",
        {"worker_agreements": [{"activity": "Lunch session", "workers": ["Amina"]}]},
        [
            (
                "workers.arrangement_incomplete",
                "should",
                'For the activity delivered together "Lunch session", fill in "What the workers have '
                'agreed", "If one of the workers is absent" and "Date the workers went through their '
                'arrangements together".',
            )
        ],
    ),
    (
        "partnership",
        "monitoring_and_evaluation",
        {"indicators": [], "report_due": None},
        [
            ("evaluation.no_measures", "should", "No measures of progress are recorded."),
            (
                "evaluation.aim_without_measure",
                "should",
                'The shared aim "Run a weekly Friday drop-in for young people aged 11 to 18 during term '
                'time" has no measure of progress here.',
            ),
            (
                "evaluation.aim_without_measure",
                "should",
                'The shared aim "Reduce anti-social behaviour involving young people around the shopping '
                'precinct" has no measure of progress here.',
            ),
            (
                "evaluation.aim_without_measure",
                "should",
                'The shared aim "Build trust between young people and local police officers" has no measure '
                "of progress here.",
            ),
            (
                "evaluation.no_partnership_measure",
                "should",
                "No measure looks at the partnership itself, such as what the partners are learning from "
                "each other or how well they work together.",
            ),
            (
                "evaluation.no_report_date",
                "should",
                "No date is set for a closing report or review when the work ends.",
            ),
        ],
    ),
    (
        "partnership",
        "monitoring_and_evaluation",
        {
            "indicators": [
                {
                    "indicator": "Sessions held",
                    "aim": "Run a weekly Friday drop-in for young people aged 11 to 18 during "
                    "term time.",
                    "type": "output",
                },
                {"indicator": "Smiles", "aim": "Happiness"},
            ],
            "report_lead": None,
        },
        [
            (
                "evaluation.measure_not_linked_to_aim",
                "should",
                'The measure "Smiles" is not linked to one of the shared aims written in "Purpose and aims" '
                '(copy the aim\'s wording into "Shared aim it shows progress on").',
            ),
            (
                "evaluation.aim_without_measure",
                "should",
                'The shared aim "Reduce anti-social behaviour involving young people around the shopping '
                'precinct" has no measure of progress here.',
            ),
            (
                "evaluation.aim_without_measure",
                "should",
                'The shared aim "Build trust between young people and local police officers" has no measure '
                "of progress here.",
            ),
            (
                "evaluation.no_partnership_measure",
                "should",
                "No measure looks at the partnership itself, such as what the partners are learning from "
                "each other or how well they work together.",
            ),
            (
                "evaluation.no_report_writer",
                "should",
                "The end-of-project report has no partner named to write it.",
            ),
        ],
    ),
    (
        "partnership",
        "review_and_revision",
        {"next_review": None, "change_process": None},
        [
            (
                "review.no_next_review",
                "must",
                "No date is set for the next review of this agreement.",
            ),
            (
                "review.no_change_process",
                "should",
                "Nothing says how changes to this agreement are agreed and recorded.",
            ),
        ],
    ),
    (
        "partnership",
        "review_and_revision",
        {
            "next_review": "2028-01-31",
            "change_log": [
                {"change": "Start at 6.30pm", "agreed_by": [1]},
                {"change": "New venue"},
            ],
        },
        [
            (
                "review.after_agreement_ends",
                "must",
                "The next review (31 January 2028) falls after the agreement ends (31 December 2027): bring "
                "it forward, or extend the agreement.",
            ),
            (
                "review.change_without_agreement",
                "should",
                'The change "New venue" does not record which partners agreed it.',
            ),
            (
                "review.change_not_agreed_by_all",
                "must",
                'The change "Start at 6.30pm" is recorded as agreed by Riverside Council Youth Team only; '
                "Eastfield Community Police Unit and Eastfield High School must agree it too before it takes "
                "effect.",
            ),
            (
                "review.dates_disagree",
                "must",
                'Another section speaks of the "first review in June 2027", but the next review is set for '
                "31 January 2028: give one date everywhere.",
            ),
        ],
    ),
    (
        "partnership",
        "duration_and_ending",
        {"end_date": None, "notice_period": None, "exit_handover": [{"item": "Equipment"}]},
        [
            (
                "ending.no_term",
                "should",
                "Neither an end date nor an open-ended arrangement is recorded.",
            ),
            (
                "ending.no_notice_period",
                "should",
                "No notice period is set for a partner that wants to withdraw.",
            ),
            (
                "ending.handover_without_owner",
                "should",
                'No partner is responsible for the item "Equipment" when the arrangement ends.',
            ),
        ],
    ),
    (
        "partnership",
        "duration_and_ending",
        {"end_date": None, "open_ended": True, "continuation_review": None},
        [
            (
                "ending.no_continuation_date",
                "should",
                "The arrangement has no set end date, but no date is set for deciding whether it should "
                "carry on.",
            )
        ],
    ),
    (
        "partnership",
        "information_exchange",
        {
            "lawful_basis": None,
            "special_category": None,
            "controllers": None,
            "access_requests": None,
        },
        [
            (
                "information.basis_missing",
                "must",
                "No lawful basis from UK GDPR Article 6 is chosen for sharing personal information.",
            ),
            (
                "information.special_category_unanswered",
                "must",
                "Nothing says whether health, criminal-offence or other special category information is shared.",
            ),
            (
                "information.controllers_missing",
                "must",
                "Nothing says whether each organisation is a separate controller or they are joint "
                "controllers.",
            ),
            (
                "information.access_requests_missing",
                "must",
                "Nothing says who handles subject access and Freedom of Information (Scotland) requests.",
            ),
        ],
    ),
    (
        "partnership",
        "information_exchange",
        {"special_condition": None, "dpia": None, "dpia_reason": None},
        [
            (
                "information.special_condition_missing",
                "must",
                "Special category information is shared, but no Article 9 and DPA 2018 Schedule 1 condition is recorded.",
            ),
            (
                "information.dpia_missing",
                "should",
                "Nothing says whether a data protection impact assessment was done.",
            ),
        ],
    ),
    (
        "partnership",
        "information_exchange",
        {"dpia_reason": None},
        [
            (
                "information.dpia_reason_missing",
                "should",
                "The DPIA is named but not described, or no reason is given for not needing one.",
            )
        ],
    ),
]


# Checks against "now": the caller passes today; the examples run from January 2027.
TODAY = dt.date(2027, 7, 1)
TABLE_TODAY = [
    (
        "partnership",
        "review_and_revision",
        {
            "next_review": "2027-06-30",
            "change_log": [
                {"change": "Drop-in starts at 6.30pm", "date": "2027-07-02", "agreed_by": [1, 2, 3]}
            ],
        },
        [
            (
                "review.next_review_past",
                "must",
                "The next review date (30 June 2027) has already passed: set the date of the next one.",
            ),
            (
                "review.change_dated_ahead",
                "must",
                'The change "Drop-in starts at 6.30pm" is dated 2 July 2027, which is later than today: a '
                "change is recorded once it has been agreed.",
            ),
        ],
    ),
    (
        "partnership",
        "duration_and_ending",
        {"end_date": "2027-06-28", "continuation_review": "2027-06-15"},
        [
            (
                "ending.end_date_past",
                "must",
                "The agreement's end date (28 June 2027) has already passed: set a new end date or end "
                "the agreement.",
            ),
            (
                "ending.continuation_review_past",
                "must",
                "The date to decide whether to carry on (15 June 2027) has already passed: set a new one.",
            ),
        ],
    ),
]


@pytest.mark.parametrize(("kind", "key", "change", "expected"), TABLE_TODAY)
def test_each_check_against_today_gives_its_exact_finding(kind, key, change, expected):
    got = [(f.code, f.severity, f.message) for f in _findings(kind, key, change, today=TODAY)]
    assert got == expected
    # Without a today from the caller, these checks are skipped: the core reads no clock.
    assert [f.code for f in _findings(kind, key, change)] == []


@pytest.mark.parametrize(("kind", "key", "change", "expected"), TABLE + tables_beside())
def test_each_check_gives_its_exact_finding(kind, key, change, expected):
    got = [(f.code, f.severity, f.message) for f in _findings(kind, key, change)]
    assert got == expected


def test_the_table_covers_every_check():
    # New checks may be tabled in a file of their own beside this one (test_checks_<area>.py).
    rows = TABLE + TABLE_TODAY + tables_beside()
    covered = {code for *_, expected in rows for code, _, _ in expected}
    every = {code_of(s, c) for s in CATALOGUE.sections.values() for c in s.checks}
    assert every - covered == set()


def test_findings_on_hand_edited_text_say_they_judge_the_fields():
    change = {"purpose_statement": None}
    [finding] = _findings("partnership", "purpose_and_aims", change, "Our purpose, typed in Word.")
    assert finding.judges_fields is True
    assert finding.message == (
        "The statement of purpose has not been written yet. (This judges the section's fields: "
        "its text was edited by hand after them.)"
    )
    [plain] = _findings("partnership", "purpose_and_aims", change)
    assert plain.judges_fields is False and "judges" not in plain.message


def test_facts_decide_what_is_required_and_why():
    catalogue = CATALOGUE
    assert "information_exchange" in catalogue.required_sections("partnership", "coordination")
    no_young = catalogue.required_for(
        "partnership", "coordination", {"people_served": {"young_people": False}}
    )
    assert "health_and_safety" not in no_young
    joint = catalogue.required_for(
        "partnership",
        "coordination",
        {
            "partners_and_context": {"joint_delivery": True},
            "people_served": {"young_people": False},
        },
    )
    assert {"health_and_safety", "individual_worker_arrangements"} <= set(joint)
    # OU 3.2's list is required from coordination up, not at networking.
    networking = catalogue.required_sections("partnership", "networking")
    assert "meetings_and_communication" not in networking
    coordination = catalogue.required_sections("partnership", "coordination")
    for key in (
        "roles_and_responsibilities",
        "meetings_and_communication",
        "code_of_conduct",
        "escalation_and_disagreement",
        "review_and_revision",
        "monitoring_and_evaluation",
    ):
        assert key in coordination
        assert any(
            "OU 3.2" in why for why in catalogue.why_required("partnership", "coordination")[key]
        )
    assert "power_and_voice" in catalogue.required_sections("partnership", "cooperation")
    # A co-working agreement is itself the workers' own arrangement: no section asks them for
    # separate worker-level agreements, whatever its facts.
    assert "individual_worker_arrangements" not in catalogue.kinds["co_working"].sections
    assert "individual_worker_arrangements" not in catalogue.required_sections(
        "co_working", "networking"
    )


def test_ou_3_2_musts_are_advice_below_coordination():
    parties = CATALOGUE.example_parties
    empty = {"purpose_and_aims": {"purpose_statement": "Share news."}}
    by_level = {
        level: {
            f.code: f.severity
            for f in CATALOGUE.findings("partnership", empty, parties, level=level)[
                "purpose_and_aims"
            ]
        }
        for level in CATALOGUE.levels
    }
    assert by_level["networking"]["aims.no_data_collection"] == "should"
    assert by_level["coordination"]["aims.no_data_collection"] == "must"
    assert all(levels["aims.no_shared_aim"] == "must" for levels in by_level.values())


def test_a_review_month_written_in_another_section_must_match_the_next_review():
    parties, fields = CATALOGUE.example_fields("partnership")
    context = dict(fields["partners_and_context"])
    context["assumptions_approach"] = "We return to this at the first review in April 2027."
    fields["partners_and_context"] = context
    found = CATALOGUE.findings("partnership", fields, parties)["review_and_revision"]
    assert [(f.code, f.severity, f.message) for f in found] == [
        (
            "review.dates_disagree",
            "must",
            'Another section speaks of the "first review in April 2027", but the next review is set '
            "for 25 June 2027: give one date everywhere.",
        )
    ]
