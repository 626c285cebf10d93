"""Names with two readings, decided by the rest of the story: "Chad" a parser took for a person is the state in a
story that calls its people Chadian; "Brussels" is the EU in a story about the EU, Belgium in one about Belgium.
Through the real pipeline; the passages are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 6, 14)


def test_an_ambiguous_name_is_the_state_when_the_story_names_the_state_otherwise(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chadian officials were furious. Chad expelled the French ambassador on Friday."
    assert ("SANCTION", "TCD", "FRA") in dyads(extract_text(nlp, text, PUBLISHED))


def test_an_ambiguous_name_alone_stays_unread(nlp) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(nlp, "Chad Johnson met reporters in Paris on Monday.", PUBLISHED)
    assert "TCD" not in {c.iso3 for c in found.countries}


@pytest.mark.parametrize(
    ("lead", "actor"),
    [
        ("The European Union prepared its answer on Monday.", "EU"),
        ("Belgium prepared its answer on Monday.", "BEL"),
    ],
)
def test_brussels_takes_the_reading_the_story_names(nlp, lead: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    text = f"{lead} Brussels condemned the Chinese export controls on gallium."
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert ("ACCUSE", actor, "CHN") in found


@pytest.mark.parametrize(
    ("text", "actor", "described"),
    [
        ("NATO member Turkey accused Greece of provocations in the Aegean.", "TUR", "NATO"),
        ("Fellow EU member Hungary blocked the new package against Russia.", "HUN", "EU"),
        ("Estonia, a NATO and EU member, shut its border with Russia on Monday.", "EST", "NATO"),
        ("Latvia, a member of the EU, shut its border with Belarus on Monday.", "LVA", "EU"),
    ],
)
def test_an_epithet_before_a_name_describes_the_actor_and_does_not_act(
    nlp, text: str, actor: str, described: str
) -> None:  # type: ignore[no-untyped-def]
    sources = {d[1] for d in dyads(extract_text(nlp, text, PUBLISHED))}
    assert actor in sources
    assert described not in sources


def test_sanctions_blocked_are_not_imposed(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "Hungary blocked the sanctions on Russia at the summit.", PUBLISHED))
    assert ("REJECT", "HUN", "RUS") in found
    assert ("SANCTION", "HUN", "RUS") not in found


def test_brussels_alone_is_the_eu_whose_seat_it_is(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "Brussels urged Tbilisi to drop the foreign agents law.", PUBLISHED))
    assert ("REQUEST", "EU", "GEO") in found


@pytest.mark.parametrize(
    "text",
    [
        "Israel pressed ahead with its offensive against Hezbollah.",
        "Russia pushed on with its assault on eastern Ukraine.",
    ],
)
def test_going_on_with_an_act_is_no_appeal(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] == "REQUEST"]


def test_pressing_a_state_is_still_an_appeal(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "The United States pressed Israel to open more crossings into Gaza.", PUBLISHED))
    assert ("REQUEST", "USA", "ISR") in found


def test_accusations_traded_go_both_ways(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kyrgyzstan and Tajikistan traded accusations over the border shooting on Thursday."
    found = {d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] == "ACCUSE"}
    assert found == {("ACCUSE", "KGZ", "TJK"), ("ACCUSE", "TJK", "KGZ")}


@pytest.mark.parametrize(
    "text",
    [
        "Moscow threatened a complete break in contacts with Vilnius.",
        "Algeria announced a rupture of relations and contacts with Morocco.",
    ],
)
def test_contacts_broken_off_are_no_meeting(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("The foreign ministers of Brazil and Mexico agreed to work together on regional crises such as the unrest "
         "in Haiti and the border dispute involving Venezuela.", {"BRA", "MEX"}),
        ("The ministers agreed to cooperate on global challenges such as the war in Sudan and Iran's nuclear "
         "program.", set()),
    ],
)  # fmt: skip
def test_states_given_as_examples_of_a_topic_are_not_parties(nlp, text: str, parties: set[str]) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert {a for d in found for a in d[1:]} == parties


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India gifted two patrol boats to the Maldives.", ("AID", "IND", "MDV")),
        ("India gifts 1,000 tonnes of rice to Malawi.", ("AID", "IND", "MWI")),
        ("India handed over two patrol boats to the Maldives on Monday.", ("AID", "IND", "MDV")),
        ("Iran handed over the seized fishing boat to Pakistan.", ("CONCEDE", "IRN", "PAK")),
    ],
)
def test_warships_given_are_aid_and_a_seized_boat_handed_back_a_concession(nlp, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert found == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing's second shipment of earthquake relief supplies reached Nepal on Sunday.", ("AID", "CHN", "NPL")),
        ("Japanese emergency assistance arrived in Tonga after the eruption.", ("AID", "JPN", "TON")),
        ("American humanitarian aid arrived in Lviv on Monday.", ("AID", "USA", "UKR")),
    ],
)
def test_relief_of_one_state_arriving_in_another_is_aid_to_it(nlp, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


def test_relief_arriving_from_no_named_state_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert dyads(extract_text(nlp, "Relief supplies reached Gaza on Monday.", PUBLISHED)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poland welcomed Germany's decision to send tanks to Ukraine.", ("AID", "DEU", "UKR")),
        ("The move by Peru to recall its ambassador from Mexico surprised observers.", ("SANCTION", "PER", "MEX")),
    ],
)
def test_whose_decision_it_is_does_what_it_decides(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert expected in found
    assert next(e for e in extract_text(nlp, text, PUBLISHED).events if e.type == expected[0]).confidence >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "Germany's offer to send tanks to Ukraine was never taken up.",
        "Russia's threat to cut gas supplies to Moldova alarmed the EU.",
    ],
)
def test_an_offer_or_a_threat_to_act_is_not_the_act(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] in ("AID", "SANCTION")}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a clause of its own, with its subject, tells another act
        ("Beijing announced sanctions after the US sold missiles to Taiwan.", ("SANCTION", "CHN", "TWN")),
        # a phrase that says when is no side of the act
        ("Israel slammed Bolivia's decision to cut diplomatic ties after a deadly Hamas attack.",
         ("SANCTION", "BOL", "PSE_REB")),
    ],
)  # fmt: skip
def test_what_happened_before_or_after_an_act_is_not_its_target(nlp, text, wrong) -> None:  # type: ignore[no-untyped-def]
    assert wrong not in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    "text",
    [
        "Washington placed Cuba on its list of state sponsors of terrorism on Monday.",
        "Cuba was put back on the US list of state sponsors of terrorism.",
    ],
)
def test_a_state_put_on_a_list_of_sponsors_of_terrorism_is_sanctioned(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert ("SANCTION", "USA", "CUB") in dyads(extract_text(nlp, text, PUBLISHED))


def test_a_list_of_anything_else_is_no_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The organisers added Cuba to the list of countries taking part in the games."
    assert not dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China sent dozens of warplanes near Taiwan on Sunday.", ("MOBILIZE", "CHN", "TWN")),
        ("Russia flew two strategic bombers near Japan on Tuesday.", ("MOBILIZE", "RUS", "JPN")),
        ("China sailed an aircraft carrier group around Taiwan this week.", ("MOBILIZE", "CHN", "TWN")),
        ("The US flew more than 200 tonnes of weapons to Israel in October.", ("AID", "USA", "ISR")),
    ],
)
def test_weapons_sent_near_a_state_are_a_show_of_force_and_to_it_a_delivery(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert expected in found
    other = "AID" if expected[0] == "MOBILIZE" else "MOBILIZE"
    assert (other, expected[1], expected[2]) not in found


def test_no_interest_in_talks_is_no_talks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kim Yo Jong said Pyongyang had no interest in talks with Seoul."
    assert not {d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] == "CONSULT"}


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        ("Amman condemned the shelling and urged Israel to stop the offensive.", "JOR"),
        ("Egypt strongly condemned the incursion on Monday and called on Israel to withdraw immediately.", "EGY"),
    ],
)
def test_the_act_condemned_is_that_of_the_state_told_to_undo_it(nlp, text, accuser) -> None:  # type: ignore[no-untyped-def]
    assert ("ACCUSE", accuser, "ISR") in dyads(extract_text(nlp, text, PUBLISHED))


def test_a_body_asked_to_act_is_not_the_one_condemned(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Egypt condemned the attack and urged the UN Security Council to act."
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert ("REQUEST", "EGY", "UNSC") in found and ("ACCUSE", "EGY", "UNSC") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qatar sent a plane carrying forty tonnes of food and medicine to Lebanon.", ("AID", "QAT", "LBN")),
        ("India dispatched a naval ship carrying relief supplies to Myanmar after the earthquake.",
         ("AID", "IND", "MMR")),
    ],
)  # fmt: skip
def test_a_vehicle_sent_with_goods_is_aid_not_a_deployment(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert expected in found and ("MOBILIZE", expected[1], expected[2]) not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The European Union disbursed a further two billion euros to Moldova on Friday.", ("AID", "EU", "MDA")),
        ("Japan will lend Vietnam 40 billion yen for the metro line.", ("AID", "JPN", "VNM")),
    ],
)
def test_money_disbursed_or_lent_in_any_currency_is_aid(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


def test_things_delivered_come_from_the_agent_of_their_participle(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A batch of armed drones provided by Turkey was delivered to Somalia's army last week."
    assert ("AID", "TUR", "SOM") in dyads(extract_text(nlp, text, PUBLISHED))


def test_troops_leaving_their_own_base_leave_no_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "UN peacekeepers withdrew from their last base in Ituri province, handing it to Congolese forces."
    assert not {d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] == "SANCTION"}


def test_a_state_ending_its_membership_of_a_bloc_leaves_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Burkina Faso ended its membership of ECOWAS in January."
    assert ("SANCTION", "BFA", "ECOWAS") in dyads(extract_text(nlp, text, PUBLISHED))


def test_a_gerund_after_a_passive_is_active(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Brazil's president was received at the White House on Friday, meeting the US president for an hour."
    assert ("CONSULT", "BRA", "USA") in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    "text",
    [
        "Syria granted OPCW inspectors access to the site for the first time in a year.",
        "Damascus allowed the OPCW access to the site on Monday.",
    ],
)
def test_access_granted_is_a_concession_to_those_let_in(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert ("CONCEDE", "SYR", "OPCW") in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya and Somalia held three days of talks in Nairobi.", ("CONSULT", "KEN", "SOM")),
        ("Jordanian and Iraqi special forces wrapped up two weeks of joint counterterrorism drills near the border.",
         ("COOPERATE", "IRQ", "JOR")),
    ],
)  # fmt: skip
def test_an_act_measured_in_days_or_weeks_is_done_by_the_verb_s_subject(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


def test_months_of_war_are_not_waged_by_whoever_speaks_after_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "After fifteen months of war, President Biden proposed moving aid through Egypt."
    assert not {d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] == "ASSAULT"}


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan placed its air force on high alert along the eastern border with India.",
        "Pakistan put its troops on high alert along the border with India on Friday.",
    ],
)
def test_forces_put_on_alert_at_a_border_are_mobilised_against_the_neighbour(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert ("MOBILIZE", "PAK", "IND") in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hundreds of Canadians protested outside the US consulate in Toronto against American tariffs.",
         ("PROTEST", "CAN", "USA")),
        ("Thousands of pro-Ukrainian demonstrators marched through central Berlin against Russia's war.",
         ("PROTEST", "DEU", "RUS")),
        ("Hundreds of anti-French protesters rallied in Niamey on Sunday.", ("PROTEST", "NER", "FRA")),
    ],
)  # fmt: skip
def test_a_crowd_protests_as_the_people_of_where_it_marches(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert expected in found
    assert not {d for d in found if d[0] == "ACCUSE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Macron assured Moldova of France's full support on Tuesday.", ("SUPPORT", "FRA", "MDA")),
        ("Japan's prime minister assured Manila of Tokyo's full solidarity over the maritime dispute.",
         ("SUPPORT", "JPN", "PHL")),
        ("Kenya's bid for the AU commission chair was endorsed by ECOWAS leaders at their summit.",
         ("SUPPORT", "ECOWAS", "KEN")),
    ],
)  # fmt: skip
def test_support_assured_or_endorsed_goes_to_the_one_assured_or_endorsed(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


def test_abusing_a_power_attacks_no_one_and_the_court_is_the_court_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States condemned the International Criminal Court on Thursday. It criticized the court for "
        "abusing its power by issuing warrants against Israeli leaders."
    )
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert ("ACCUSE", "USA", "ICC") in found
    assert not {d for d in found if d[0] == "ASSAULT" or d[2] == "ISR"}


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        ("Hundreds of U.S. Marines arrived in Guyana on Tuesday for joint training.", ("MOBILIZE", "USA", "GUY"), None),
        ("Poland took delivery of its first batch of K2 tanks from South Korea on Monday.", ("AID", "KOR", "POL"),
         ("AID", "POL", "KOR")),
    ],
)  # fmt: skip
def test_troops_arriving_and_arms_taken_delivery_of(nlp, text, expected, wrong) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert expected in found and wrong not in found


def test_two_states_each_freeing_prisoners_is_an_exchange(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Armenia and Azerbaijan each freed 30 prisoners on Friday."
    assert ("CONCEDE", "ARM", "AZE") in dyads(extract_text(nlp, text, PUBLISHED))


def test_trucks_carrying_food_let_into_a_place_are_a_concession(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Israel allowed trucks carrying flour into Gaza on Monday."
    assert ("CONCEDE", "ISR", "PSE") in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Tehran court sentenced a French teacher to six years in prison for spying.", ("COERCE", "IRN", "FRA")),
        ("A Minsk court convicted two Lithuanian citizens of smuggling on Monday.", ("COERCE", "BLR", "LTU")),
        ("Japan unveiled a $2 billion package for Ukraine on Friday.", ("AID", "JPN", "UKR")),
    ],
)
def test_foreigners_sentenced_and_money_packages(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


def test_a_court_sentencing_its_own_citizen_is_no_event_between_states(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A Russian court sentenced the Russian opposition leader to 19 years in prison."
    assert not dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    "text",
    [
        "Niger accused Benin of shooting down a drone and recalled its ambassador from Cotonou.",
        "Niger accused Benin of arming the rebels and expelled its ambassador.",
    ],
)
def test_a_finite_verb_after_accused_of_doing_goes_with_the_accuser(nlp, text) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert ("SANCTION", "NER", "BEN") in found and ("SANCTION", "BEN", "NER") not in found


def test_states_that_set_up_a_joint_force_to_fight_a_third_cooperate_and_fight_no_one_among_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Benin, Niger and Nigeria set up a joint force of 3,000 troops to fight armed groups across their borders."
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert ("COOPERATE", "BEN", "NER") in found
    assert not {d for d in found if d[0] == "ASSAULT"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cuba has remained under several layers of US sanctions since 1962.", ("SANCTION", "USA", "CUB")),
        ("North Korea has faced several rounds of UN sanctions since 2006.", ("SANCTION", "UN", "PRK")),
    ],
)
def test_a_state_under_layers_or_rounds_of_sanctions_undergoes_them(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


def test_a_passive_s_agent_hung_on_its_object_still_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Cuba was designated a state sponsor of terrorism by the United States in 1982."
    assert ("SANCTION", "USA", "CUB") in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cuba has remained under US sanctions since 1962.", "1962"),
        ("Leaders of Kenya and Somalia held their first meeting since 2020 on Monday.", "2024-06-10"),
    ],
)
def test_since_dates_the_start_of_a_lasting_state_not_a_new_act(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract_text(nlp, text, PUBLISHED).events
    assert event.date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("French troops vacated two military sites in Abidjan on Friday.", ("RETREAT", "FRA", "CIV")),
        ("Russian forces vacated their positions near Kherson.", ("RETREAT", "RUS", "UKR")),
        ("Russian border guards left their posts at Armenia's border with Turkey on Wednesday.",
         ("RETREAT", "RUS", "ARM")),
    ],
)  # fmt: skip
def test_troops_or_guards_that_vacate_or_leave_posts_in_a_state_withdraw_from_it(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iranian hackers breached Israeli water utility networks last year.", ("COERCE", "IRN", "ISR")),
        ("Russian hackers attacked Lithuanian government websites on Monday.", ("COERCE", "RUS", "LTU")),
        ("Japan and Australia have stepped up intelligence sharing on maritime threats.", ("COOPERATE", "AUS", "JPN")),
        ("Algeria handed over a shipment of fuel to the Tunisian army on Monday.", ("AID", "DZA", "TUN")),
    ],
)
def test_cyber_intrusions_intelligence_sharing_and_goods_handed_over(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert expected in found
    assert not {d for d in found if d[0] == "ASSAULT"}


def test_a_state_named_as_an_issue_is_a_topic_not_a_party(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Beijing warned that provocations on the Taiwan issue would be met with a strong response from China."
    assert not {d for d in dyads(extract_text(nlp, text, PUBLISHED)) if "TWN" in d}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India blocked 59 Chinese apps on Monday.", ("SANCTION", "IND", "CHN")),
        ("Russia blocked Ukrainian ships from leaving the port.", ("COERCE", "RUS", "UKR")),
    ],
)
def test_blocking_a_state_s_apps_is_a_ban_and_its_ships_a_blockade(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert expected in found and not {d for d in found if d[0] == "REJECT"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China protested against the arrival of a US destroyer in the Philippine port of Subic.",
         ("MOBILIZE", "USA", "PHL")),
        ("The arrival of Russian troops in Mali was confirmed on Monday.", ("MOBILIZE", "RUS", "MLI")),
    ],
)  # fmt: skip
def test_the_arrival_of_a_state_s_troops_or_warships_is_a_deployment(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


def test_the_arrival_of_a_delegation_is_no_deployment(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The arrival of the Chinese delegation in Hanoi was delayed."
    assert not {d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] == "MOBILIZE"}


@pytest.mark.parametrize(
    ("text", "judged", "bystander"),
    [
        # the buyer of a judged transfer is not the one judged (the "to" hung on the noun or on the verb)
        ("Moscow has long denounced Western weapons deliveries to Kyiv.", None, "UKR"),
        ("Beijing sharply criticised the French arms sales to Taipei.", "FRA", "TWN"),
        ("China expressed firm opposition to weapons sales to Taiwan.", None, "TWN"),
        # the states an owned decision lets act are not judged: its owner is
        ("Beijing protested the Czech government's decision to allow Taiwan to open a trade office.", "CZE", "TWN"),
        ("China denounced the small republic's move to let Taipei set up a mission in its capital.", None, "TWN"),
        ("Moscow condemned the neighbour's decision to let American troops use its bases.", None, "USA"),
        # those the charge names beside the accused are not accused
        ("Ankara jailed the journalists it had accused of spying for Greece.", None, "GRC"),
        ("Rabat accused Algiers of arming separatists backed by Iran.", "DZA", "IRN"),
    ],
)
def test_who_a_judged_act_names_besides_its_doer_is_not_judged(nlp, text, judged, bystander) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    judging = {d for d in found if d[0] in ("ACCUSE", "REJECT")}
    assert not any(d[2] == bystander for d in judging), found
    if judged is not None:
        assert any(d[2] == judged for d in judging), found


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("Moscow resumed military cooperation with Pyongyang last week.", ("COOPERATE", "PRK", "RUS"), None),
        ("Ankara and Cairo revived their defence cooperation in the spring.", ("COOPERATE", "EGY", "TUR"), None),
        # ties restored are an agreement, no second act of cooperation
        ("Qatar and Bahrain restored relations on Thursday.", ("AGREE", "BHR", "QAT"), ("COOPERATE", "BHR", "QAT")),
    ],
)
def test_cooperation_taken_up_again_is_cooperation(nlp, text, expected, not_expected) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert expected in found
    if not_expected is not None:
        assert not_expected not in found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Canadian instructors have trained hundreds of Ukrainian recruits since the spring.", ("CAN", "UKR")),
        ("Polish officers trained three hundred Ukrainian cadets near Lublin.", ("POL", "UKR")),
    ],
)
def test_training_another_state_s_recruits_or_pilots_is_cooperation(nlp, text, pair) -> None:  # type: ignore[no-untyped-def]
    assert ("COOPERATE", *sorted(pair)) in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A cargo containing Belarusian artillery shells has reached Russia, officials said.", ("AID", "BLR", "RUS")),
        ("A freighter loaded with Chinese medical supplies arrived in Serbia on Tuesday.", ("AID", "CHN", "SRB")),
    ],
)
def test_goods_a_cargo_or_ship_carries_are_delivered_where_it_arrives(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


def test_a_state_s_mission_that_opens_in_another_is_cooperation(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "A new Chinese embassy opened in Honiara in 2020.", PUBLISHED))
    assert ("COOPERATE", "CHN", "SLB") in found


def test_an_embassy_opening_fire_is_no_mission_opened(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "Guards at the Iranian embassy in Baghdad opened fire on the crowd.", PUBLISHED))
    assert not any(d[0] == "COOPERATE" for d in found), found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Canberra and Washington agreed to set up a combined intelligence centre in Darwin.", ("AUS", "USA")),
        ("Tokyo and Manila launched a joint investigation into the collision at sea.", ("JPN", "PHL")),
        ("Greece and Cyprus inaugurated a joint search and rescue facility on Crete.", ("CYP", "GRC")),
    ],
)
def test_a_joint_or_combined_institution_is_cooperation(nlp, text, pair) -> None:  # type: ignore[no-untyped-def]
    assert ("COOPERATE", *pair) in dyads(extract_text(nlp, text, PUBLISHED))


def test_a_joint_statement_is_no_cooperation(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "Seoul and Tokyo issued a joint statement on trade.", PUBLISHED))
    assert not any(d[0] == "COOPERATE" for d in found), found


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "Ukraine's EU membership talks were stalled for a year by objections from Hungary.",
            ("REJECT", "HUN", "UKR"),
            ("REJECT", "HUN", "EU"),
        ),
        ("Vetoes from Russia have blocked the Georgian application.", ("REJECT", "RUS", "GEO"), None),
    ],
)
def test_an_objection_that_stalls_a_bid_rejects_its_owner(nlp, text, expected, not_expected) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert expected in found
    if not_expected is not None:
        assert not_expected not in found


def test_praise_of_a_friendship_backs_the_partner_it_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A senior Chinese general said the new pier stood for the unbreakable friendship between China and Laos."
    assert ("SUPPORT", "CHN", "LAO") in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "not_done"),
    [
        ("Minsk said it reserved the right to impose countermeasures on Warsaw.", ("SANCTION", "BLR", "POL")),
        ("Ankara said it kept the option to send more troops to Libya.", ("MOBILIZE", "TUR", "LBY")),
    ],
)
def test_an_act_one_keeps_the_right_or_option_to_do_is_not_done(nlp, text, not_done) -> None:  # type: ignore[no-untyped-def]
    assert not_done not in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "The International Court of Justice opened hearings on the request for emergency measures "
            "filed by Ukraine.",
            ("REQUEST", "UKR", "ICJ"),
            ("REQUEST", "ICJ", "UKR"),
        ),
        (
            "Seoul threatened to file a complaint with the World Trade Organization against the Japanese curbs.",
            ("THREATEN", "KOR", "JPN"),
            ("THREATEN", "KOR", "WTO"),
        ),
    ],
)
def test_who_files_a_request_or_complaint_and_where(nlp, text, expected, not_expected) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert expected in found
    assert not_expected not in found


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "Biden said he would order the lifting of US sanctions on Venezuela's oil sector.",
            ("CONCEDE", "USA", "VEN"),
            ("SANCTION", "USA", "VEN"),
        ),
        (
            "The EU approved the easing of sanctions on Syria's banks.",
            ("CONCEDE", "EU", "SYR"),
            ("SANCTION", "EU", "SYR"),
        ),
    ],
)
def test_the_lifting_or_easing_of_sanctions_is_a_concession(nlp, text, expected, not_expected) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert expected in found
    assert not_expected not in found


def test_a_convoy_of_trucks_carrying_goods_is_a_delivery(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Qatar dispatched a convoy of 30 lorries carrying flour and blankets to Lebanon on Sunday."
    assert ("AID", "QAT", "LBN") in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hundreds of students rallied in Dhaka on Friday, chanting slogans against New Delhi.",
            ("PROTEST", "BGD", "IND"),
        ),
        (
            "Thousands of protesters gathered in Tehran on Sunday, burning effigies of Netanyahu.",
            ("PROTEST", "IRN", "ISR"),
        ),
    ],
)
def test_a_crowd_s_slogans_and_burned_effigies_name_whom_it_protests(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paris scaled back its military presence in Niger last autumn.", ("RETREAT", "FRA", "NER")),
        ("Washington is drawing down its forces in Iraq, the Pentagon said.", ("RETREAT", "USA", "IRQ")),
        ("Moscow began reducing its military footprint in Syria after the fall of Assad.", ("RETREAT", "RUS", "SYR")),
    ],
)
def test_a_presence_scaled_back_or_forces_drawn_down_is_a_withdrawal(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


def test_reducing_imports_is_no_withdrawal(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "Japan reduced its imports of Russian coal.", PUBLISHED))
    assert not any(d[0] == "RETREAT" for d in found), found
