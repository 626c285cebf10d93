"""Readings found by running the extractor on news it had never seen (a set annotated for the purpose, outside the
gold sets): separate encounters, what is agreed against someone, what "meet" satisfies, relative pronouns after a
comma, victims inside what is condemned, acts condemned or asked for, topics of talks, crowds. Through the real
pipeline; the passages are written for these tests (real states, invented events)."""

from __future__ import annotations

from datetime import date

import pytest

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 6, 14)  # a Friday


def found(nlp, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return dyads(extract_text(nlp, text, PUBLISHED))


def consult_pairs(nlp, text: str) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset((a, b)) for kind, a, b in found(nlp, text) if kind == "CONSULT"}


def test_bilateral_meetings_with_two_states_are_two_meetings(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya's foreign minister held bilateral meetings with the foreign ministers of Ghana and Senegal."
    assert consult_pairs(nlp, text) == {frozenset(("KEN", "GHA")), frozenset(("KEN", "SEN"))}


def test_counterparts_of_two_nationalities_are_met_one_by_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru's foreign minister also conferred with his Chilean and Bolivian counterparts on Thursday."
    assert consult_pairs(nlp, text) == {frozenset(("PER", "CHL")), frozenset(("PER", "BOL"))}


def test_a_meeting_with_two_states_of_someone_unplaced_pairs_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    # Who "Dr. Okafor" speaks for is not said: the two states he met did not meet each other.
    text = "Dr. Okafor also conferred with his Ugandan and Rwandan counterparts."
    assert not consult_pairs(nlp, text)


def test_a_joint_meeting_with_a_named_host_still_pairs_everyone(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Egypt hosted the leaders of Sudan and Chad for talks in Cairo on Monday."
    assert frozenset(("SDN", "TCD")) in consult_pairs(nlp, text)


def test_agreeing_on_sanctions_against_a_state_is_no_agreement_with_it(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "EU foreign ministers agreed on Monday on a fresh round of sanctions against Iran.")
    assert ("SANCTION", "EU", "IRN") in got
    assert not [d for d in got if d[0] == "AGREE"]


def test_two_deciders_agreeing_on_sanctions_agree_with_each_other_only(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Canada and Britain agreed on Tuesday on new tariffs against Iran.")
    agree = {frozenset(d[1:]) for d in got if d[0] == "AGREE"}
    assert agree == {frozenset(("CAN", "GBR"))}


def test_a_ceasefire_agreed_is_still_an_agreement(nlp) -> None:  # type: ignore[no-untyped-def]
    agree = {
        frozenset(d[1:])
        for d in found(nlp, "Ethiopia and Eritrea agreed on a ceasefire on Tuesday.")
        if d[0] == "AGREE"
    }
    assert agree == {frozenset(("ETH", "ERI"))}


@pytest.mark.parametrize(
    "text",
    [
        "To meet Ukraine's growing needs on the front, Denmark will keep working with its partners.",
        "Poland said on Monday it had met Lithuania's request for more border guards.",
        "Estonia met its NATO spending target last year.",
    ],
)
def test_meeting_a_need_or_a_target_is_no_meeting(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not consult_pairs(nlp, text)


def test_meeting_a_person_is_still_a_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    assert frozenset(("DEU", "FRA")) in consult_pairs(nlp, "Macron met Scholz in Berlin on Monday.")


def test_which_after_a_state_and_a_comma_is_that_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The dispute raised tensions between Zambia and neighbouring Malawi, which Zambia accused of sheltering "
        "smugglers. Malawi rejected the accusation."
    )
    got = found(nlp, text)
    assert ("ACCUSE", "ZMB", "MWI") in got
    assert ("REJECT", "MWI", "ZMB") in got


def test_victims_inside_what_is_condemned_are_not_accused(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Qatar's foreign ministry condemned the world's silence over the massacre of Sudanese civilians and the "
        "bombing of towns in Chad."
    )
    accused = {d[2] for d in found(nlp, text) if d[0] == "ACCUSE"}
    assert not accused & {"SDN", "TCD"}


def test_the_doer_inside_what_is_condemned_is_still_accused(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("ACCUSE", "TUR", "SYR") in found(nlp, "Turkey condemned the Syrian shelling of Kurdish villages.")


def test_condemning_sanctions_imposes_none(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "China condemned the sanctions against Iran on Thursday.")
    assert not [d for d in got if d[0] == "SANCTION" and d[1] == "CHN"]


def test_support_called_for_is_not_given(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "At the meeting, Zelensky called for Japan's support for the peace formula.")
    assert not [d for d in got if d[0] == "SUPPORT" and d[1] == "JPN"]


def test_support_pledged_is_given(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("SUPPORT", "JPN", "KEN") in found(nlp, "Japan pledged its support for Kenya's bid on Thursday.")


def test_support_and_concern_expressed_together_have_their_own_targets(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Canada expressed support for Ukraine and concern over Russia's actions.")
    assert ("ACCUSE", "CAN", "RUS") in got
    assert ("SUPPORT", "CAN", "UKR") in got
    assert ("ACCUSE", "CAN", "UKR") not in got


def test_what_talks_are_about_takes_no_part_in_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Germany and Poland met in Warsaw on Thursday to discuss Russian drone incursions."
    assert consult_pairs(nlp, text) == {frozenset(("DEU", "POL"))}


def test_a_crowd_that_gathers_protests_and_meets_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hundreds of students gathered outside the Iranian embassy in Paris on Thursday."
    got = found(nlp, text)
    assert not [d for d in got if d[0] == "CONSULT"]


def test_leaders_who_gather_still_meet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The presidents of Kenya and Tanzania gathered in Arusha on Thursday."
    assert frozenset(("KEN", "TZA")) in consult_pairs(nlp, text)


def test_an_official_after_with_his_counterpart_has_that_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The last meeting of his day in Nairobi was with his Ugandan counterpart, John Mulimba."
    people = extract_text(nlp, text, PUBLISHED).people
    assert [(p.name, p.country) for p in people if "Mulimba" in p.name] == [("John Mulimba", "UGA")]


def test_a_title_case_dateline_with_a_date_and_an_agency_is_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Dakar, Mar 3 (APS) The African Union said that it suspended Niger's membership over the coup."
    got = found(nlp, text)
    assert ("SANCTION", "AU", "NER") in got
    assert not [d for d in got if "SEN" in d]


def people_of(nlp, text: str) -> set[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return {(p.name, p.country) for p in extract_text(nlp, text, PUBLISHED).people}


def test_a_list_of_offices_of_states_gives_each_leader_their_own_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The summit in Baku will bring together President of Azerbaijan Ilham Aliyev, President of Georgia "
        "Salome Zourabichvili and President of Turkey Recep Tayyip Erdogan."
    )
    got = people_of(nlp, text)
    assert ("Salome Zourabichvili", "GEO") in got and ("Recep Tayyip Erdogan", "TUR") in got
    assert ("Ilham Aliyev", "AZE") in got


def test_an_envoy_named_with_the_city_of_the_posting_keeps_the_sending_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Italy summoned Dutch ambassador in Rome Maria Jansen on Monday."
    assert ("Maria Jansen", "NLD") in people_of(nlp, text)


def test_names_followed_by_of_and_a_state_take_that_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Kenyan minister thanked her counterparts John Mensah of Liberia and Mamadou Diallo of Guinea."
    assert ("John Mensah", "LBR") in people_of(nlp, text)


def test_a_long_title_before_a_comma_still_gives_the_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The vice president of Chile's supreme court, Ana Lucía Ferrada, announced the ruling on Monday."
    assert ("Ana Lucía Ferrada", "CHL") in people_of(nlp, text)


def test_a_punishment_promised_on_a_condition_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "The United States will impose new tariffs on Mexican goods if Mexico keeps the border open.")
    assert ("THREATEN", "USA", "MEX") in got
    assert ("SANCTION", "USA", "MEX") not in got


def test_a_punishment_announced_without_a_condition_is_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("SANCTION", "USA", "MEX") in found(nlp, "The United States imposed new tariffs on Mexican goods on Monday.")


def test_describing_a_conflict_is_not_fighting_it(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "The African Union has described the war in Sudan as a catastrophe for the region.")
    assert not [d for d in got if d[0] == "ASSAULT" and d[1] == "AU"]


def test_a_complaint_to_the_un_is_a_request_to_it_and_an_accusation_of_the_other(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Armenia filed a complaint with the UN Security Council against Azerbaijan on Monday.")
    assert ("ACCUSE", "ARM", "AZE") in got and ("REQUEST", "ARM", "UNSC") in got
    assert ("ACCUSE", "ARM", "UNSC") not in got


def test_a_base_hosting_foreign_troops_hosts_no_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A drone struck a Syrian base hosting Russian military police and Iranian troops on Sunday."
    assert not consult_pairs(nlp, text)


def test_what_a_state_is_called_on_to_stop_is_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Moscow has called on Berlin to stop arms deliveries to Kyiv.")
    assert ("REQUEST", "RUS", "DEU") in got
    assert not [d for d in got if d[0] in ("SANCTION", "AID")]


def test_a_states_own_ties_judged_judge_that_state_only(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Australia criticised Beijing's deepening ties with Moscow at the forum.")
    assert ("ACCUSE", "AUS", "CHN") in got
    assert ("ACCUSE", "AUS", "RUS") not in got


def test_a_meeting_discussed_is_not_held(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "They also discussed the reopening of the border crossings with the parties, and a meeting between "
        "the leaders of Kenya, Ethiopia and Djibouti."
    )
    assert not consult_pairs(nlp, text)


def test_officials_in_a_state_speak_for_it(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Officials in Brazil and Argentina denounced the new Chinese steel duties on Tuesday.")
    assert ("ACCUSE", "BRA", "CHN") in got and ("ACCUSE", "ARG", "CHN") in got


def test_tariffs_on_goods_from_states_hit_those_states(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "India imposed tariffs on solar panels from China and Vietnam on Friday.")
    assert ("SANCTION", "IND", "CHN") in got and ("SANCTION", "IND", "VNM") in got


def test_the_country_said_to_act_is_the_sayers_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japan's foreign ministry said the country would impose sanctions on three Russian banks."
    assert ("SANCTION", "JPN", "RUS") in found(nlp, text)


def test_a_fronted_phrase_with_on_makes_no_call_on_someone(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On the eve of the national holiday, French President Emmanuel Macron called Kenyan President William Ruto."
    got = found(nlp, text)
    assert frozenset(("FRA", "KEN")) in consult_pairs(nlp, text)
    assert ("REQUEST", "FRA", "KEN") not in got


def test_rallies_in_protest_at_an_act_protest_against_its_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "South Koreans rallied in Seoul on Thursday in protest against Japan's release of the water.")
    assert ("PROTEST", "KOR", "JPN") in got
    assert ("ACCUSE", "KOR", "JPN") not in got


def test_a_march_to_protest_strikes_protests_against_the_striker(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Thousands of people marched in Islamabad to protest the American drone strikes.")
    assert ("PROTEST", "PAK", "USA") in got
    assert ("ACCUSE", "PAK", "USA") not in got


def test_a_diplomatic_protest_stays_an_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Bolivia recalled its ambassador in protest at the Israeli strikes.")
    assert ("ACCUSE", "BOL", "ISR") in got
    assert not [d for d in got if d[0] == "PROTEST"]


def test_support_appealed_for_from_an_ally_is_not_given(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Tajikistan appealed to its ally Russia for military support on Tuesday.")
    assert ("REQUEST", "TJK", "RUS") in got
    assert not [d for d in got if d[0] == "SUPPORT"]


def test_aid_given_to_support_a_state_is_aid_only(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Tanzania donated relief supplies on Friday to support Malawi and Zimbabwe.")
    assert ("AID", "TZA", "MWI") in got and ("AID", "TZA", "ZWE") in got
    assert not [d for d in got if d[0] == "SUPPORT"]


def test_the_condition_of_a_threat_is_not_the_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Israel\'s defence minister said: "If Hezbollah fires at us again, we will hit them hard."'
    got = found(nlp, text)
    assert ("THREATEN", "ISR", "LBN_REB") in got
    assert ("THREATEN", "LBN_REB", "ISR") not in got


def test_an_answer_to_an_invasion_threatens_the_invader_not_the_invaded(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We will answer any further provocation in response to Azerbaijan\'s attack on Armenia," the French '
        "foreign ministry said."
    )
    got = found(nlp, text)
    assert ("THREATEN", "FRA", "AZE") in got
    assert ("THREATEN", "FRA", "ARM") not in got


def test_both_sides_are_the_pair_last_named_together(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Armenia and Azerbaijan clashed overnight on their border. Russia called for calm on Tuesday. "
        "Both sides blamed each other for the fighting."
    )
    got = found(nlp, text)
    assert ("ACCUSE", "ARM", "AZE") in got and ("ACCUSE", "AZE", "ARM") in got
    assert not [d for d in got if d[0] == "ACCUSE" and "RUS" in d]


def test_the_reason_for_sanctions_names_no_one_sanctioned(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Washington has hit Caracas with three rounds of sanctions over the Colombia border crisis.")
    assert ("SANCTION", "USA", "VEN") in got
    assert ("SANCTION", "USA", "COL") not in got


def test_a_denial_of_accusations_levelled_by_a_state_rejects_that_state(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Damascus has firmly rejected the accusations levelled by the French government on Monday.")
    assert ("REJECT", "SYR", "FRA") in got


def test_a_denial_of_what_a_state_claimed_rejects_that_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Uganda denied sending troops into Congo, as claimed by Congolese President Felix Tshisekedi."
    got = found(nlp, text)
    assert ("REJECT", "UGA", "COD") in got
    assert not [d for d in got if d[0] == "MOBILIZE"]


def test_condemning_an_attack_in_a_city_accuses_no_one_there(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Nairobi condemned Sunday's bomb attack in Mogadishu.")
    assert not [d for d in got if d[0] == "ACCUSE" and d[2] == "SOM"]


def test_similar_agreements_with_several_states_are_one_with_each(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Over the past year Morocco has concluded similar accords with Spain, Portugal and Italy."
    agree = {frozenset(d[1:]) for d in found(nlp, text) if d[0] == "AGREE"}
    assert agree == {frozenset(("MAR", "ESP")), frozenset(("MAR", "PRT")), frozenset(("MAR", "ITA"))}


def test_being_met_with_criticism_is_no_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Czech plan was met with criticism in Slovakia and Hungary."
    assert not consult_pairs(nlp, text)


def test_receiving_a_refusal_receives_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Spain said on Friday it had received Morocco's refusal to return the fishing boat."
    assert not consult_pairs(nlp, text)


def test_at_the_request_of_a_state_it_asked_the_one_acting(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Kenya sent troops to Somalia at the request of the African Union.")
    assert ("REQUEST", "AU", "KEN") in got
    assert ("REQUEST", "KEN", "AU") not in got


def test_an_ambassador_of_a_state_to_the_republic_of_another_is_of_the_first(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The treaty was signed by Mr. Hiroshi Tanaka, Ambassador of Japan to the Republic of Kenya."
    assert ("Hiroshi Tanaka", "JPN") in people_of(nlp, text)


def test_the_countries_are_the_states_last_named_together(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Japan, India and Australia held joint naval drills on Monday. "
        "China's defence ministry urged the countries to stop stirring up trouble in the region."
    )
    got = found(nlp, text)
    assert {("REQUEST", "CHN", x) for x in ("JPN", "IND", "AUS")} <= got


def test_a_fronted_participle_by_states_is_done_by_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Designated a terrorist organisation by Britain and Canada, the Houthi movement controls much of northern "
        "Yemen."
    )
    got = found(nlp, text)
    assert ("SANCTION", "GBR", "YEM_REB") in got and ("SANCTION", "CAN", "YEM_REB") in got
    assert not [d for d in got if d[1] == "YEM_REB"]


def test_a_verdict_on_an_attack_judges_the_attacker(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Egypt's ministry described the deadly shelling by Sudan on Chad as an outrage.")
    assert ("ACCUSE", "EGY", "SDN") in got
    assert ("ACCUSE", "EGY", "TCD") not in got


def test_support_for_an_opposition_party_rejects_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Brussels reaffirmed its backing for the Belarusian opposition on Saturday.")
    assert not [d for d in got if d[0] == "REJECT"]


def test_a_warplane_flying_into_airspace_is_no_delivery(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(nlp, "Estonia said a Russian fighter jet flew into its airspace near Vaindloo island on Friday.")
    assert not [d for d in got if d[0] == "AID"]
