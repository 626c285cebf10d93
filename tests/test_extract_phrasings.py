"""Every PLOVER type in three phrasings (a verb, a noun, a light verb with its noun), and the same acts negated,
hypothetical or merely threatened, through the real pipeline. The sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.models import Extraction

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 6, 14)


def run(nlp, text: str) -> Extraction:  # type: ignore[no-untyped-def]
    return extract_text(nlp, text, PUBLISHED)


PHRASINGS = {
    "AGREE": [
        ("verb", "Ethiopia and Somalia agreed on Thursday to end their dispute over port access.", ("ETH", "SOM")),
        ("noun", "The accord between Armenia and Azerbaijan was signed in Washington on Friday.", ("ARM", "AZE")),
        ("light", "Peru and Ecuador reached a deal on fishing rights after two days of talks.", ("ECU", "PER")),
    ],
    "CONSULT": [
        ("verb", "Japan's prime minister met the president of Indonesia in Jakarta on Monday.", ("IDN", "JPN")),
        ("noun", "Talks between Serbia and Kosovo ended without agreement in Brussels.", ("SRB", "XKX")),
        ("light", "Kenya held consultations with Tanzania on the new railway line.", ("KEN", "TZA")),
    ],
    "SUPPORT": [
        ("verb", "Poland praised Moldova for its reforms at the meeting in Warsaw.", ("POL", "MDA")),
        ("noun", "Norway reaffirmed its backing for Ukraine in a statement on Tuesday.", ("NOR", "UKR")),
        ("light", "Brazil expressed solidarity with Chile after the earthquake.", ("BRA", "CHL")),
    ],
    "CONCEDE": [
        ("verb", "Belarus freed two jailed Lithuanian citizens on Wednesday.", ("BLR", "LTU")),
        ("noun", "The release of three Japanese nationals by North Korea was announced on Monday.", ("PRK", "JPN")),
        ("light", "Venezuela made concessions to Guyana on the disputed border crossing.", ("VEN", "GUY")),
    ],
    "COOPERATE": [
        ("verb", "Vietnam and the Philippines will cooperate on maritime patrols, officials said.", ("PHL", "VNM")),
        ("noun", "Joint naval exercises by India and France began off Goa on Monday.", ("FRA", "IND")),
        ("light", "Sweden and Finland conducted joint air patrols over the Baltic on Monday.", ("FIN", "SWE")),
    ],
    "AID": [
        ("verb", "Japan supplied radar equipment to the Philippines last week.", ("JPN", "PHL")),
        ("noun", "A shipment of German artillery shells to Ukraine arrived on Tuesday.", ("DEU", "UKR")),
        ("light", "The United States provided $500 million in military aid to Taiwan.", ("USA", "TWN")),
    ],
    "RETREAT": [
        ("verb", "Rwanda pulled its forces back from the border with Burundi.", ("RWA", "BDI")),
        ("noun", "The withdrawal of Russian troops from Armenia was completed on Sunday.", ("RUS", "ARM")),
        ("light", "Azerbaijan began a pullout of its soldiers from Armenian territory.", ("AZE", "ARM")),
    ],
    "REQUEST": [
        ("verb", "Lebanon urged Israel to halt its strikes on the south.", ("LBN", "ISR")),
        ("noun", "Sudan's appeal to Egypt for emergency fuel went unanswered.", ("SDN", "EGY")),
        ("light", "Ukraine made a formal request to Germany for more air defence systems.", ("UKR", "DEU")),
    ],
    "ACCUSE": [
        ("verb", "Algeria condemned France over its stance on Western Sahara.", ("DZA", "FRA")),
        ("noun", "China's criticism of Japan over the wastewater release grew sharper on Monday.", ("CHN", "JPN")),
        ("light", "Pakistan lodged a strong protest with Afghanistan over the border shooting.", ("PAK", "AFG")),
    ],
    "REJECT": [
        ("verb", "Israel rejected the proposal from Egypt on Monday.", ("ISR", "EGY")),
        ("noun", "Turkey's veto of Sweden's bid stalled the talks for months.", ("TUR", "SWE")),
        ("light", "Mali issued a flat refusal of the plan put forward by France.", ("MLI", "FRA")),
    ],
    "THREATEN": [
        ("verb", "Iran threatened Israel with a crushing response on Sunday.", ("IRN", "ISR")),
        ("noun", "Russia's warning to Finland over the new bases came on Tuesday.", ("RUS", "FIN")),
        ("light", "China issued an ultimatum to the Philippines over the grounded ship.", ("CHN", "PHL")),
    ],
    "PROTEST": [
        ("verb", "Thousands of Armenians demonstrated against Azerbaijan outside its embassy.", ("ARM", "AZE")),
        ("noun", "Mass protests against Israel took place in Jordan on Friday.", ("JOR", "ISR")),
        ("light", "Serbian students staged a rally against Croatia in Belgrade.", ("SRB", "HRV")),
    ],
    "SANCTION": [
        ("verb", "Canada sanctioned Iran over its drone transfers on Thursday.", ("CAN", "IRN")),
        ("noun", "Britain's new sanctions on Russia took effect on Monday.", ("GBR", "RUS")),
        ("light", "Australia imposed tariffs on China after the dispute.", ("AUS", "CHN")),
    ],
    "MOBILIZE": [
        ("verb", "Russia deployed warships to Cuba for a port call.", ("RUS", "CUB")),
        ("noun", "The deployment of American troops to Poland was completed on Friday.", ("USA", "POL")),
        ("light", "Turkey sent reinforcements to Syria along the border.", ("TUR", "SYR")),
    ],
    "COERCE": [
        ("verb", "Iran seized a British-flagged tanker in the Strait of Hormuz.", ("IRN", "GBR")),
        ("noun", "The arrest of two Estonian citizens by Russia drew condemnation.", ("RUS", "EST")),
        ("light", "China carried out a cyberattack on Taiwan's government networks.", ("CHN", "TWN")),
    ],
    "ASSAULT": [
        ("verb", "Israel bombed targets in Lebanon overnight, the army said.", ("ISR", "LBN")),
        ("noun", "Russia's shelling of Kharkiv continued on Thursday.", ("RUS", "UKR")),
        ("light", "Ukraine launched drone strikes on Russia's oil refineries.", ("UKR", "RUS")),
    ],
}
SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}
CASES = [
    pytest.param(etype, sentence, pair, id=f"{etype}-{kind}")
    for etype, rows in PHRASINGS.items()
    for kind, sentence, pair in rows
]


@pytest.mark.parametrize(("etype", "sentence", "pair"), CASES)
def test_each_type_in_three_phrasings(nlp, etype: str, sentence: str, pair: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    a, b = sorted(pair) if etype in SYMMETRIC else pair
    assert (etype, a, b) in dyads(run(nlp, sentence)), sentence


# The same acts, not done: negated, hypothetical, conditional, or only threatened or planned to be done.
NOT_DONE = [
    ("seen as a threat", "Kenya criticised the dam, viewing it as a threat to Egypt.", ("THREATEN", "KEN", "EGY")),
    ("negated verb", "Germany did not send tanks to Ukraine last week.", ("AID", "DEU", "UKR")),
    ("never", "India has never imposed sanctions on Russia.", ("SANCTION", "IND", "RUS")),
    ("may", "Hungary may block the aid package for Ukraine next month.", ("REJECT", "HUN", "UKR")),
    ("could", "North Korea could send more troops to Russia, analysts said.", ("MOBILIZE", "PRK", "RUS")),
    ("if", "If Iran attacks Israel, the region will be at war.", ("ASSAULT", "IRN", "ISR")),
    ("threatened to", "Turkey threatened to attack Kurdish positions in Syria.", ("ASSAULT", "TUR", "SYR")),
    ("refused", "Austria refused to expel Russian diplomats.", ("SANCTION", "AUT", "RUS")),
    (
        "possibility",
        "Seoul is bracing for the possibility of a North Korean attack on South Korea.",
        ("ASSAULT", "PRK", "KOR"),
    ),
    ("no talks", "No talks between Ethiopia and Eritrea have been held this year.", ("CONSULT", "ERI", "ETH")),
    ("refrained", "Brazil refrained from criticising Russia at the General Assembly.", ("ACCUSE", "BRA", "RUS")),
    ("neither nor", "Brasilia is neither backing Moscow nor Kyiv in the war.", ("SUPPORT", "BRA", "RUS")),
    ("too early to", "Seoul said it was too early to blame Pyongyang for the hacking.", ("ACCUSE", "KOR", "PRK")),
    ("declined to condemn", "Tokyo declined to condemn Beijing over the incident.", ("REJECT", "JPN", "CHN")),
    (
        "withdrawal deadline",
        "Turkey said it would keep troops at three points in Iraq beyond the withdrawal deadline.",
        ("RETREAT", "TUR", "IRQ"),
    ),
]


@pytest.mark.parametrize(("case", "sentence", "dyad"), NOT_DONE, ids=[c[0] for c in NOT_DONE])
def test_acts_not_done_are_not_events(nlp, case: str, sentence: str, dyad: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert dyad not in dyads(run(nlp, sentence)), sentence


def test_a_threat_is_coded_as_a_threat_not_as_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Turkey threatened to attack Kurdish positions in Syria."))
    assert ("THREATEN", "TUR", "SYR") in found
    assert ("ASSAULT", "TUR", "SYR") not in found


def test_the_act_that_did_happen_is_kept_beside_the_one_that_did_not(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Germany did not send tanks to Ukraine, but it delivered air defence systems to Poland."))
    assert ("AID", "DEU", "UKR") not in found
    assert ("AID", "DEU", "POL") in found


# More ways news states each type: the type must be found (the actors are checked in the tests above).
MORE_PHRASINGS = [
    ("CONSULT", "Colombia's foreign minister received the Venezuelan ambassador in Bogota."),
    ("CONSULT", "Japan and South Korea discussed the missile threat during a phone call on Tuesday."),
    ("CONSULT", "The Turkish president spoke by phone with the Greek prime minister."),
    ("CONSULT", "Indian Prime Minister Modi paid a state visit to France last week."),
    ("CONSULT", "Ministers from Brazil and Mexico gathered in Lima for the regional forum."),
    ("CONSULT", "Qatar mediated talks between Israel and Hamas in Doha."),
    ("CONSULT", "The leaders of Vietnam and Laos held a summit in Hanoi."),
    ("CONSULT", "Kenya and Ethiopia resumed negotiations on the border on Friday."),
    ("CONSULT", "Putin welcomed Kim Jong Un to the Kremlin."),
    ("ACCUSE", "Germany criticised Hungary for blocking the sanctions package."),
    ("ACCUSE", "Ukraine blamed Russia for the attack on the power plant."),
    ("ACCUSE", "Poland summoned the Russian ambassador over the drone incursion."),
    ("ACCUSE", "Seoul denounced Pyongyang's latest missile launch as a grave provocation."),
    ("ACCUSE", "China slammed the Philippines for what it called reckless actions at sea."),
    ("ACCUSE", "The Dutch government accused Russia of a cyberattack on its ministries."),
    ("ACCUSE", "Morocco expressed deep concern over Algeria's military build-up."),
    ("SANCTION", "The European Union froze the assets of several Belarusian officials."),
    ("SANCTION", "Lithuania expelled two Russian diplomats on Thursday."),
    ("SANCTION", "Niger suspended its military cooperation with France."),
    ("SANCTION", "Bolivia cut diplomatic ties with Israel over the war."),
    ("SANCTION", "Washington placed export controls on Chinese chipmakers."),
    ("SANCTION", "The United States blacklisted three Iranian shipping firms."),
    ("REQUEST", "France called on Azerbaijan to withdraw its troops."),
    ("REQUEST", "The African Union asked Sudan's army to accept a ceasefire."),
    ("REQUEST", "Kyiv pressed Berlin to deliver Taurus missiles."),
    ("REQUEST", "Egypt appealed to Ethiopia to stop filling the dam."),
    ("THREATEN", "Russia warned Finland of consequences if it joins NATO."),
    ("THREATEN", "Beijing vowed to retaliate against Washington over the new tariffs."),
    ("THREATEN", "North Korea threatened to strike South Korea with nuclear weapons."),
    ("AID", "Germany will send additional Patriot systems to Ukraine, the ministry said."),
    ("AID", "Saudi Arabia deposited $3 billion in the central bank of Pakistan."),
    ("AID", "Turkey delivered armed drones to Ethiopia in 2021."),
    ("AID", "Japan gave Tonga emergency food supplies after the eruption."),
    ("AID", "The United States sold F-16 fighter jets to Argentina."),
    ("AID", "South Korea approved the export of K9 howitzers to Estonia."),
    ("AGREE", "Israel and Hamas agreed to a ceasefire on Wednesday."),
    ("AGREE", "India and China reached an agreement on border patrols."),
    ("AGREE", "Rwanda and Congo signed a peace accord in Washington."),
    ("AGREE", "Morocco and Iran restored diplomatic relations on Monday."),
    ("AGREE", "India voiced concern over the newly signed defence pact between Nepal and China."),
    ("AGREE", "Turkey and Armenia normalised ties after decades of hostility."),
    ("SANCTION", "Ecuador pulled its diplomats out of Mexico after the raid."),
    ("MOBILIZE", "China sent warships near Taiwan after the election."),
    ("MOBILIZE", "Russia massed troops on the border with Ukraine."),
    ("MOBILIZE", "North Korea test-fired a ballistic missile toward Japan."),
    ("ASSAULT", "Pakistan carried out airstrikes on Afghanistan's Khost province."),
    ("ASSAULT", "Azerbaijan shelled Armenian positions along the border."),
    ("ASSAULT", "Houthi rebels fired missiles at Israel on Sunday."),
    ("REJECT", "Ukraine dismissed Russia's peace proposal as a ploy."),
    ("REJECT", "The Philippines rejected China's claim to the shoal."),
    ("REJECT", "Iran snubbed the IAEA's request for access to the site."),
    ("REJECT", "Brazil turned down Germany's request for tank ammunition."),
    ("ACCUSE", "Moscow lashed out at Helsinki over the border closure."),
    ("ACCUSE", "Beijing hit back at Canberra over the new visa rules."),
    ("SUPPORT", "Japan's prime minister thanked India for its help."),
    ("SUPPORT", "Lula praised China's role in the talks."),
    ("SUPPORT", "Saudi Arabia voiced support for Morocco's autonomy plan."),
    ("SUPPORT", "Hungary stood with Serbia during the dispute."),
    ("SANCTION", "Canada slapped tariffs on Chinese steel."),
    ("CONCEDE", "Russia and Ukraine exchanged prisoners of war on Friday."),
    ("CONCEDE", "The United States eased sanctions on Venezuela's oil sector."),
    ("CONCEDE", "Iran released a detained Swedish diplomat."),
    ("COOPERATE", "Egypt and Sudan held joint military drills near the border."),
    ("COOPERATE", "Australia and Japan agreed to share intelligence on Chinese activities."),
    ("COERCE", "Chinese coast guard ships fired water cannon at a Philippine vessel."),
    ("COERCE", "Russia detained a US journalist on espionage charges."),
    ("RETREAT", "India and China completed the disengagement of troops at two friction points."),
    ("RETREAT", "Israel withdrew its forces from Khan Younis."),
]


@pytest.mark.parametrize(("etype", "sentence"), MORE_PHRASINGS)
def test_more_phrasings(nlp, etype: str, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert etype in {e.type for e in run(nlp, sentence).events}, sentence


# Phrasings that name both sides in ways the lexicon's first entries missed: "hold X responsible", "stand by",
# "accept" an accord, "warn X against", protesters placed by where they rally, strikes "inside" a state, children
# returned.
SIDED_PHRASINGS = [
    ("ACCUSE", "IRN", "ISR", "Tehran held Israel responsible for the killing of the nuclear scientist."),
    ("SUPPORT", "DEU", "UKR", "Germany pledged to stand by Ukraine for as long as it takes."),
    ("AGREE", "ISR", "LBN", "Israel and Lebanon accepted a US-brokered ceasefire."),
    ("THREATEN", "CHN", "TWN", "Beijing warned Taipei against any move towards independence."),
    ("PROTEST", "IDN", "ISR", "Protesters rallied in Jakarta against Israel."),
    ("ASSAULT", "PAK", "AFG", "Pakistan carried out air strikes inside Afghanistan."),
    ("CONCEDE", "RUS", "UKR", "Russia returned 20 Ukrainian children."),
    ("SANCTION", "USA", "RUS", "Washington targeted Moscow with fresh sanctions on Friday."),
    ("REJECT", "XKX", "SRB", "Kosovo said it would not accept Serbia's demands."),
    ("REJECT", "VEN", "ICJ", "Venezuela never recognised the ICJ ruling in favour of Guyana."),
    ("AID", "FRA", "UKR", "France delivered fighter jets to Ukraine."),
    ("REJECT", "CHN", "JPN", "China brushed aside Japan's protest over the drills."),
    ("CONCEDE", "USA", "IRN", "Washington unfroze Iranian assets worth $6 billion."),
    ("CONCEDE", "GBR", "MUS", "Britain agreed to cede sovereignty over the Chagos Islands to Mauritius."),
    ("SANCTION", "RUS", "USA", "Moscow barred 500 Americans from entering Russia."),
    ("COOPERATE", "GBR", "JPN", "Britain and Japan will jointly develop a fighter jet."),
    ("COOPERATE", "IND", "USA", "India and the United States agreed to co-produce jet engines."),
    ("COOPERATE", "FRA", "DEU", "France and Germany pooled their resources to build a new tank."),
    ("RETREAT", "USA", "IRQ", "The US-led coalition will end its mission in Iraq by 2025."),
    ("MOBILIZE", "RUS", "BLR", "Russia moved tactical nuclear weapons into Belarus."),
    ("MOBILIZE", "PRK", "RUS", "North Korea supplied troops to Russia."),
    ("AID", "DEU", "UKR", "The first German air-defence missiles reached Ukraine on Tuesday."),
    ("COERCE", "AZE", "ARM", "Azerbaijani soldiers blocked the only road into Armenia on Monday."),
    ("COERCE", "ISR", "PSE", "Israel blocked the aid convoys at the Gaza crossing."),
    ("SANCTION", "CHN", "AUS", "China blocked Australian wine imports for three years."),
    (
        "ACCUSE",
        "DEU",
        "RUS",
        "Germany's foreign ministry said Russian military hackers were behind last month's attack on its servers.",
    ),
]


def test_being_behind_something_good_is_no_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not run(nlp, "Washington said Tokyo was behind the initiative to revive the talks.").events


def test_hit_with_curbs_is_a_sanction_not_an_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "US hits China with new export curbs on chips"))
    assert ("SANCTION", "USA", "CHN") in found
    assert not [d for d in found if d[0] == "ASSAULT"]


def test_acceptance_is_a_rejection_only_when_denied(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not [d for d in dyads(run(nlp, "Kosovo said it would accept Serbia's demands.")) if d[0] == "REJECT"]


@pytest.mark.parametrize(("etype", "source", "target", "sentence"), SIDED_PHRASINGS)
def test_sided_phrasings(nlp, etype: str, source: str, target: str, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, sentence))
    assert (etype, source, target) in found or (etype, target, source) in found, sentence


def test_blocking_a_resolution_stays_a_rejection(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Russia blocked the UN Security Council resolution on Syria."))
    assert found
    assert {d[0] for d in found} == {"REJECT"}


def test_weapons_that_may_arrive_are_no_delivery(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not run(nlp, "British tanks could arrive in Ukraine next spring, officials said.").events


def test_an_accord_one_side_is_pushed_to_sign_is_not_agreed(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, "Brussels is pushing Serbia to sign the agreement with Kosovo.")
    assert not [e for e in found.events if e.type == "AGREE"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Armenia and Azerbaijan shelled each other's border posts overnight.",
        "Thailand and Cambodia launched artillery strikes on one another.",
        "Kyrgyzstan and Tajikistan blamed each other for the border shooting.",
    ],
)
def test_an_act_done_to_each_other_goes_both_ways(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = {d for d in dyads(run(nlp, sentence)) if d[0] in ("ASSAULT", "ACCUSE")}
    assert len({d[0] for d in found}) == 1
    assert {(a, b) for _, a, b in found} == {(a, b) for a in _pair(sentence) for b in _pair(sentence) if a != b}


def _pair(sentence: str) -> set[str]:
    return next(pair for words, pair in MUTUAL_PAIRS.items() if words in sentence)


MUTUAL_PAIRS = {"Armenia": {"ARM", "AZE"}, "Thailand": {"THA", "KHM"}, "Kyrgyzstan": {"KGZ", "TJK"}}


@pytest.mark.parametrize(
    "sentence",
    [
        "Turkey did not attack Greece or threaten Cyprus.",
        "Serbia and Kosovo pledged not to provoke each other or support armed groups across the line.",
        "The two rivals promised not to arm or back separatists in each other's territory, India and Pakistan said.",
    ],
)
def test_or_shares_the_negation_and_a_promise_to_abstain_is_no_support(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert not run(nlp, sentence).events, sentence


@pytest.mark.parametrize(
    ("etype", "source", "target", "sentence"),
    [
        ("AID", "DEU", "UKR", "Ukraine received two air defence systems from Germany in June."),
        ("AID", "USA", "TWN", "Taipei took delivery of the first Abrams battle tanks from the United States."),
        ("AID", "CHN", "KEN", "Kenya secured a fresh loan from China for the railway."),
        ("ACCUSE", "FRA", "ISR", "Israel drew sharp criticism from France over the settlement plan."),
    ],
)
def test_what_the_subject_receives_comes_from_the_sender(  # type: ignore[no-untyped-def]
    nlp, etype: str, source: str, target: str, sentence: str
) -> None:
    found = dyads(run(nlp, sentence))
    assert (etype, source, target) in found, (sentence, found)
    assert not [d for d in found if d[0] == "ASSAULT"]


@pytest.mark.parametrize(
    ("source", "target", "sentence"),
    [
        ("USA", "VEN", "Washington lifted the oil sanctions on Venezuela on Wednesday."),
        ("ARG", "URY", "Argentina lowered its tariffs on Uruguayan rice."),
        ("USA", "SYR", "The United States suspended sanctions on Syria for six months."),
    ],
)
def test_easing_a_sanction_is_a_concession_not_a_sanction(  # type: ignore[no-untyped-def]
    nlp, source: str, target: str, sentence: str
) -> None:
    found = dyads(run(nlp, sentence))
    assert ("CONCEDE", source, target) in found, (sentence, found)
    assert not [d for d in found if d[0] == "SANCTION"]


@pytest.mark.parametrize(
    ("source", "target", "sentence"),
    [
        ("USA", "CUB", "Cuba has lived under American sanctions since the 1960s."),
        ("GBR", "RUS", "Russia remains under sanctions from Britain over the war."),
    ],
)
def test_living_under_sanctions_names_who_bears_them(  # type: ignore[no-untyped-def]
    nlp, source: str, target: str, sentence: str
) -> None:
    assert ("SANCTION", source, target) in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    ("etype", "expected", "sentence"),
    [
        (
            "CONSULT",
            {("CONSULT", a, b) for a, b in [("GHA", "NER"), ("GHA", "SEN"), ("NER", "SEN")]},
            "Ghana's president flew to Dakar on Sunday along with the president of Niger.",
        ),
        (
            "ASSAULT",
            {("ASSAULT", "RUS", "UKR"), ("ASSAULT", "BLR", "UKR")},
            "Russia invaded Ukraine alongside Belarus.",
        ),
    ],
)
def test_who_acts_along_with_the_subject_takes_part(  # type: ignore[no-untyped-def]
    nlp, etype: str, expected: set[tuple[str, str, str]], sentence: str
) -> None:
    assert expected <= {d for d in dyads(run(nlp, sentence)) if d[0] == etype}, sentence


def test_an_act_done_with_another_states_cooperation_joins_them(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Egypt flew its nationals out of Khartoum with Saudi and Emirati cooperation."))
    assert {("COOPERATE", "ARE", "EGY"), ("COOPERATE", "EGY", "SAU")} <= found, found
    assert not dyads(run(nlp, "Egypt flew its nationals out of Khartoum with great care."))


def test_trainers_from_a_state_arriving_in_another_are_a_deployment(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "A first group of military instructors from Turkey arrived in Somalia on Monday."))
    assert ("MOBILIZE", "TUR", "SOM") in found
    assert not dyads(run(nlp, "A first group of students from Turkey arrived in Somalia on Monday."))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Poland said two Belarusian diplomats had been expelled.", {("SANCTION", "POL", "BLR")}),
        ("Canada said the new duties were imposed in coordination with Mexico.", {("COOPERATE", "CAN", "MEX")}),
    ],
)
def test_a_passive_act_a_state_announces_without_an_agent_is_its_own(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= dyads(run(nlp, sentence)), sentence


def test_a_passive_attack_a_state_reports_is_not_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Ukraine said Russian troops had been deployed near Kharkiv and two villages were shelled."))
    assert not [d for d in found if d[1] == "UKR"], found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Yerevan freed four Azerbaijani servicemen on Sunday.", ("CONCEDE", "ARM", "AZE")),
        ("Moscow released a jailed American pilot after two years.", ("CONCEDE", "RUS", "USA")),
        ("Minsk released three detained Lithuanian officers.", ("CONCEDE", "BLR", "LTU")),
    ],
)
def test_releasing_another_states_servicemen_is_a_concession(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway welcomed the opening of talks between Colombia and the ELN in Oslo.",
        "Kazakhstan and Uzbekistan praised the results of the SCO summit in Astana.",
    ],
)
def test_welcoming_talks_backs_no_side(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert not [d for d in dyads(run(nlp, sentence)) if d[0] == "SUPPORT"], sentence


def test_welcoming_a_states_plan_still_backs_it(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("SUPPORT", "FRA", "UKR") in dyads(run(nlp, "France welcomed Ukraine's ten-point peace plan."))


@pytest.mark.parametrize(
    ("sentence", "accused", "court"),
    [
        ("Nicaragua filed a case against Germany at the International Court of Justice.", ("NIC", "DEU"), "ICJ"),
        ("Canada lodged a complaint with the WTO over Chinese duties on canola.", ("CAN", "CHN"), "WTO"),
    ],
)
def test_a_case_filed_at_a_court_accuses_the_defendant_and_asks_the_court(  # type: ignore[no-untyped-def]
    nlp, sentence: str, accused: tuple[str, str], court: str
) -> None:
    found = dyads(run(nlp, sentence))
    assert ("ACCUSE", *accused) in found, (sentence, found)
    assert ("REQUEST", accused[0], court) in found, (sentence, found)
    assert ("ACCUSE", accused[0], court) not in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turkey sent aid to Aleppo after the floods.", ("AID", "TUR", "SYR")),
        ("Egypt sent medical supplies to Rafah on Monday.", ("AID", "EGY", "PSE")),
    ],
)
def test_aid_sent_to_a_city_goes_to_its_state(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Spain was in favour of Moldova joining the European Union.", ("SUPPORT", "ESP", "MDA")),
        ("Italy spoke in favor of Albania's bid at the summit in Rome.", ("SUPPORT", "ITA", "ALB")),
    ],
)
def test_being_in_favour_of_a_state_backs_it(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    ("sentence", "judge", "victim"),
    [
        ("Oman condemned the drone attack on Saudi Arabia.", "OMN", "SAU"),
        ("Belgium welcomed the resolution against Myanmar.", "BEL", "MMR"),
        ("Chile backed the case against Israel at the court in The Hague.", "CHL", "ISR"),
    ],
)
def test_judging_an_act_or_a_text_aimed_at_a_state_does_not_judge_that_state(  # type: ignore[no-untyped-def]
    nlp, sentence: str, judge: str, victim: str
) -> None:
    found = dyads(run(nlp, sentence))
    assert not [d for d in found if d[1:] == (judge, victim)], (sentence, found)


def test_a_judgement_still_names_the_doer_of_the_act_it_judges(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Oman condemned the Iranian drone attack on Saudi Arabia."))
    assert ("ACCUSE", "OMN", "IRN") in found, found
    assert ("ACCUSE", "OMN", "SAU") not in found, found


@pytest.mark.parametrize(
    ("sentence", "expected", "wrong"),
    [
        (
            "Canada condemned Iran for its missile attack on Israel.",
            ("ASSAULT", "IRN", "ISR"),
            ("ASSAULT", "CAN", "ISR"),
        ),
        (
            "Britain sanctioned Belarus over its support for the Russian invasion of Ukraine.",
            ("SANCTION", "GBR", "BLR"),
            ("SUPPORT", "GBR", "RUS"),
        ),
    ],
)
def test_a_possessive_in_the_reason_refers_to_the_state_judged(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str], wrong: tuple[str, str, str]
) -> None:
    found = dyads(run(nlp, sentence))
    assert expected in found, (sentence, found)
    assert wrong not in found, (sentence, found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chile's president is set to meet Argentina's president in Santiago next week.", ("CONSULT", "ARG", "CHL")),
        ("Ghana is expected to sign a trade pact with Nigeria on Monday.", ("AGREE", "GHA", "NGA")),
        ("Laos was forced to hand over the detained Thai fishermen.", ("CONCEDE", "LAO", "THA")),
    ],
)
def test_the_subject_of_a_passive_raising_verb_does_the_act_of_its_infinitive(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


def test_an_infinitive_in_the_passive_keeps_its_subject_as_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Belarus is expected to be sanctioned by Canada this month."))
    assert ("SANCTION", "CAN", "BLR") in found, found
    assert ("SANCTION", "BLR", "CAN") not in found, found


def test_a_conjunct_with_its_own_possessor_is_another_thing_not_another_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kuwait cut ties with Libya over its backing for armed groups and its links with Syria and Iraq."
    found = dyads(run(nlp, text))
    assert ("SANCTION", "KWT", "LBY") in found, found
    assert not [d for d in found if d[0] == "SUPPORT" and d[2] in ("SYR", "IRQ")], found


def test_a_counterpart_in_a_conjunct_still_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Ruto and his Ugandan counterpart Yoweri Museveni agreed on a border deal."))
    assert ("AGREE", "KEN", "UGA") in found, found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Beijing announced that eight Lithuanian firms would face sanctions.", ("SANCTION", "CHN", "LTU")),
        ("Russia said Estonian goods will face tariffs from next month.", ("SANCTION", "RUS", "EST")),
    ],
)
def test_a_sanction_announced_as_undergone_with_no_sender_is_the_announcers(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


def test_a_sanction_undergone_from_a_named_sender_stays_the_senders(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Venezuela said its oil firms faced sanctions from the United States."))
    assert ("SANCTION", "USA", "VEN") in found, found
    assert ("SANCTION", "VEN", "USA") not in found, found


@pytest.mark.parametrize(
    ("sentence", "given", "reversed_"),
    [
        ("Nepal thanked India for the humanitarian aid.", ("AID", "IND", "NPL"), ("AID", "NPL", "IND")),
        ("Moldova praised Romania for its financial aid.", ("AID", "ROU", "MDA"), ("AID", "MDA", "ROU")),
        ("Haiti thanked Kenya for the deployment of police officers.", ("MOBILIZE", "KEN", "HTI"), None),
    ],
)
def test_thanks_for_aid_make_the_one_thanked_the_giver(  # type: ignore[no-untyped-def]
    nlp, sentence: str, given: tuple[str, str, str], reversed_: tuple[str, str, str] | None
) -> None:
    found = dyads(run(nlp, sentence))
    assert given in found, (sentence, found)
    assert reversed_ not in found, (sentence, found)


def test_a_war_between_named_sides_does_not_target_the_place_it_is_fought_in(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Qatar sent aid to Egypt during the Israel-Hamas war in Khan Younis."))
    assert ("AID", "QAT", "EGY") in found, found
    assert not [d for d in found if d[0] == "ASSAULT" and d[2] == "PSE"], found


def test_joint_strikes_on_a_city_still_target_its_state(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Strikes by Russia and Belarus on Kharkiv killed dozens."))
    assert ("ASSAULT", "RUS", "UKR") in found, found


@pytest.mark.parametrize(
    "sentence",
    ["Rwanda sent 300 police officers to Mozambique.", "Senegal sent 200 gendarmes to Gambia."],
)
def test_police_sent_abroad_are_a_deployment(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, sentence))
    assert [d for d in found if d[0] == "MOBILIZE"], (sentence, found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Niger ended its military cooperation with France.", ("SANCTION", "NER", "FRA")),
        ("Gabon ended its defence agreement with France in May.", ("SANCTION", "GAB", "FRA")),
    ],
)
def test_ending_cooperation_or_a_pact_is_a_sanction(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


def test_a_deal_that_ends_talks_is_no_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "The deal ended weeks of talks between Israel and Hamas."))
    assert not [d for d in found if d[0] == "SANCTION"], found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turkey pulled out of the gas deal with Bulgaria.", ("SANCTION", "TUR", "BGR")),
        ("Armenia pulled its troops out of Nagorno-Karabakh.", ("RETREAT", "ARM", "AZE")),
        ("Russia pulled out of Kherson in November.", ("RETREAT", "RUS", "UKR")),
    ],
)
def test_pulling_out_of_a_deal_is_a_sanction_and_out_of_a_place_a_retreat(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Britain airlifted anti-tank missiles to Ukraine.", ("AID", "GBR", "UKR")),
        ("Egypt airdropped aid into Gaza on Sunday.", ("AID", "EGY", "PSE")),
        ("Latvia deported two Russian diplomats.", ("SANCTION", "LVA", "RUS")),
    ],
)
def test_airlifts_are_aid_and_deported_diplomats_an_expulsion(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


def test_an_act_given_as_the_reason_does_not_take_the_judges_sides(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Erdogan lashed out at Israel over the raid."))
    assert ("ACCUSE", "TUR", "ISR") in found, found
    assert ("ASSAULT", "TUR", "ISR") not in found, found


def test_hitting_out_at_a_state_is_an_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Vietnam hit out at China on Monday."))
    assert ("ACCUSE", "VNM", "CHN") in found, found
    assert ("ASSAULT", "VNM", "CHN") not in found, found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Peru and Chile spoke by phone on Monday.", ("CONSULT", "CHL", "PER")),
        ("Boric spoke to Lula by telephone on Friday.", ("CONSULT", "BRA", "CHL")),
    ],
)
def test_speaking_by_phone_is_a_consultation(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Paris sent a letter to Tehran urging the release of two teachers.", ("REQUEST", "FRA", "IRN")),
        ("The French president wrote to Tehran demanding the release of two teachers.", ("REQUEST", "FRA", "IRN")),
        ("Canada delivered a note to Beijing protesting the detention of its citizens.", ("ACCUSE", "CAN", "CHN")),
    ],
)
def test_a_text_sent_to_a_state_is_addressed_to_it(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


def test_a_text_sent_nowhere_has_no_addressee(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not dyads(run(nlp, "Paris sent a letter urging restraint.")), "nobody was written to"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("France gave Niger its full support.", ("SUPPORT", "FRA", "NER")),
        ("Japan offered Kenya a loan of 200 million dollars.", ("AID", "JPN", "KEN")),
    ],
)
def test_the_indirect_object_of_a_light_verb_receives_the_act(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("France has trained thousands of Ukrainian troops since 2022.", {"FRA", "UKR"}),
        ("German instructors trained 2,000 Malian soldiers last year.", {"DEU", "MLI"}),
    ],
)
def test_training_another_state_s_soldiers_is_cooperation(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: set[str]
) -> None:
    found = [e for e in run(nlp, sentence).events if e.type == "COOPERATE"]
    assert found and set(found[0].source + found[0].target) == expected, sentence


def test_training_one_s_own_soldiers_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not run(nlp, "Russia trained its own soldiers near the border.").events


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Niger asked the French ambassador to leave.", ("SANCTION", "NER", "FRA")),
        ("Beijing ordered two Canadian diplomats to leave China by Friday.", ("SANCTION", "CHN", "CAN")),
        ("Kenya gave the Somali envoy 72 hours to leave.", ("SANCTION", "KEN", "SOM")),
        ("Islamabad asked the military advisers of the Indian mission to leave.", ("SANCTION", "PAK", "IND")),
        ("Beijing demanded that Lithuania's envoy leave the country.", ("SANCTION", "CHN", "LTU")),
    ],
)
def test_telling_a_diplomat_to_leave_is_an_expulsion(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


def test_asking_a_diplomat_for_something_else_is_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Niger asked the French ambassador to explain his remarks."))
    assert ("REQUEST", "NER", "FRA") in found and ("SANCTION", "NER", "FRA") not in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("China blamed the tensions on Lithuania's decision.", ("ACCUSE", "CHN", "LTU")),
        ("China blamed the move on Lithuania's decision to host a Taiwanese office.", ("ACCUSE", "CHN", "LTU")),
    ],
)
def test_blaming_something_on_a_state_accuses_it(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Commerce Department added 30 Chinese firms to its export blacklist.", ("SANCTION", "USA", "CHN")),
        ("The EU added four Russian banks to its sanctions list.", ("SANCTION", "EU", "RUS")),
    ],
)
def test_adding_a_state_s_firms_to_a_blacklist_is_a_sanction(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


def test_adding_a_state_to_an_ordinary_list_is_no_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not run(nlp, "Japan added Vietnam to its list of partners.").events


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("ECOWAS gave Mali a deadline of January 1 to free the soldiers.", ("REQUEST", "ECOWAS", "MLI")),
        ("Russia set Ukraine a deadline to leave the region.", ("REQUEST", "RUS", "UKR")),
    ],
)
def test_a_deadline_given_to_a_state_is_a_demand(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    found = dyads(run(nlp, sentence))
    assert expected in found, sentence
    assert ("THREATEN", *expected[1:]) in found, sentence  # and, as an ultimatum is, a threat


@pytest.mark.parametrize(
    "sentence",
    [
        "The EU missed the deadline for its trade deal with Mercosur.",
        "Kenya met the deadline set by the IMF.",
        "Ghana has met the conditions of the IMF loan.",
    ],
)
def test_deadlines_missed_or_met_are_no_events(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert not run(nlp, sentence).events, sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("India said it would support Sri Lanka with loans and debt relief.", ("AID", "IND", "LKA")),
        ("Poland helped Ukraine with ammunition and fuel.", ("AID", "POL", "UKR")),
        ("Japan assisted Turkey with tents and blankets after the quake.", ("AID", "JPN", "TUR")),
    ],
)
def test_support_given_in_money_arms_or_relief_is_aid(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


def test_support_in_words_stays_support(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Britain supports Ukraine's bid to join the alliance."))
    assert ("SUPPORT", "GBR", "UKR") in found and not any(d[0] == "AID" for d in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A cargo of Indian rocket launchers has reached Armenia.", ("AID", "IND", "ARM")),
        ("A shipment of French howitzers arrived in Ukraine on Monday.", ("AID", "FRA", "UKR")),
    ],
)
def test_a_shipment_of_arms_that_arrives_is_a_delivery(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Somalia and Kenya agreed after two days of talks to reopen the border.", {"KEN", "SOM"}),
        ("A Houthi delegation returned to Sanaa after a week of talks with Omani mediators.", {"OMN", "YEM_REB"}),
    ],
)
def test_who_acts_after_a_stretch_of_talks_took_part_in_them(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: set[str]
) -> None:
    talks = [e for e in run(nlp, sentence).events if e.type == "CONSULT"]
    assert talks and set(talks[0].source + talks[0].target) == expected, sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A Danish researcher was detained in Iran in March.", ("COERCE", "IRN", "DNK")),
        ("Two Japanese citizens have been held in China since 2023.", ("COERCE", "CHN", "JPN")),
        ("Anna Lind, a Swedish student arrested in Iran in May 2023, flew home on Friday.", ("COERCE", "IRN", "SWE")),
    ],
)
def test_a_foreigner_held_in_a_state_is_held_by_it(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran held talks with Swedish officials in Muscat.",
        "Ten hostages will be freed in exchange for 300 Palestinians imprisoned in Israel.",
        "Two Iranians were arrested in Iran.",
    ],
)
def test_talks_held_and_captives_described_are_no_capture(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(d[0] == "COERCE" for d in dyads(run(nlp, sentence))), sentence


def test_demanding_that_a_diplomat_explain_is_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Beijing demanded that Lithuania's envoy explain the decision."))
    assert ("REQUEST", "CHN", "LTU") in found and ("SANCTION", "CHN", "LTU") not in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Serbia has not imposed sanctions on Russia for its invasion of Ukraine.", ("ASSAULT", "RUS", "UKR")),
        ("Hungary refused to condemn Russia's invasion of Ukraine.", ("ASSAULT", "RUS", "UKR")),
        ("No country sanctioned Israel over its strikes on Lebanon.", ("ASSAULT", "ISR", "LBN")),
    ],
)
def test_an_act_judged_or_punished_took_place_though_the_judgement_did_not(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("Russia did not announce its withdrawal from Kherson.", ("RETREAT", "RUS", "UKR")),
        ("Serbia has not imposed sanctions on Russia for its invasion of Ukraine.", ("SANCTION", "SRB", "RUS")),
    ],
)
def test_what_is_not_done_stays_undone_beside_a_presupposed_act(  # type: ignore[no-untyped-def]
    nlp, sentence: str, absent: tuple[str, str, str]
) -> None:
    assert absent not in dyads(run(nlp, sentence)), sentence


def test_a_place_under_bombardment_in_a_relative_clause_is_struck(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Aid convoys drove towards Gaza, which is under Israeli bombardment."))
    assert ("ASSAULT", "ISR", "PSE") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("North Korea fired two ballistic missiles into the sea off Japan.", ("MOBILIZE", "PRK", "JPN")),
        ("North Korea launched three missiles near South Korea's waters.", ("MOBILIZE", "PRK", "KOR")),
    ],
)
def test_missiles_fired_into_the_sea_are_a_show_of_force(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    found = dyads(run(nlp, sentence))
    assert expected in found and ("ASSAULT", *expected[1:]) not in found, sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia fired missiles at Kyiv overnight.", ("ASSAULT", "RUS", "UKR")),
        ("Hezbollah fired rockets toward northern Israel.", ("ASSAULT", "LBN_REB", "ISR")),
    ],
)
def test_missiles_fired_at_a_state_are_an_attack(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    ("sentence", "expected", "absent"),
    [
        ("Israel allowed aid into Gaza on Sunday.", ("CONCEDE", "ISR", "PSE"), ("AID", "ISR", "PSE")),
        ("Israel let 200 aid trucks into Gaza.", ("CONCEDE", "ISR", "PSE"), ("AID", "ISR", "PSE")),
        ("Pakistan reopened the border crossing with Afghanistan.", ("CONCEDE", "PAK", "AFG"), None),
        ("Tajik troops opened fire on Kyrgyz border guards.", ("ASSAULT", "TJK", "KGZ"), ("CONCEDE", "TJK", "KGZ")),
    ],
)
def test_letting_aid_or_people_through_is_a_concession(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str], absent: tuple[str, str, str] | None
) -> None:
    found = dyads(run(nlp, sentence))
    assert expected in found and absent not in found, sentence


def test_food_shipped_to_a_state_is_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("AID", "IND", "AFG") in dyads(run(nlp, "India shipped 10,000 tonnes of wheat to Afghanistan."))


@pytest.mark.parametrize(
    ("sentence", "expected", "absent"),
    [
        ("Belarus hosted Russian troops.", ("MOBILIZE", "RUS", "BLR"), ("CONSULT", "BLR", "RUS")),
        ("Belarus hosted Russian tactical nuclear weapons.", ("MOBILIZE", "RUS", "BLR"), ("AID", "RUS", "BLR")),
        ("Ukraine received German tanks last year.", ("AID", "DEU", "UKR"), None),
        ("Indonesia hosted the Australian prime minister.", ("CONSULT", "AUS", "IDN"), None),
    ],
)
def test_troops_or_arms_hosted_are_stationed_and_guests_hosted_are_met(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str], absent: tuple[str, str, str] | None
) -> None:
    found = dyads(run(nlp, sentence))
    assert expected in found and absent not in found, sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("India and the US will share intelligence on Chinese naval movements.", {"IND", "USA"}),
        ("The accord between Israel and the UAE was signed at the White House.", {"ARE", "ISR"}),
    ],
)
def test_a_topic_or_a_venue_is_no_party_to_cooperation_or_an_accord(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: set[str]
) -> None:
    for event in run(nlp, sentence).events:
        assert set(event.source + event.target) == expected, (sentence, event)


def test_a_known_leader_opening_a_sentence_is_found_though_tagged_a_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("CONSULT", "BRA", "CHN") in dyads(run(nlp, "Lula will meet Xi in Beijing next week."))


def test_an_organisation_suspending_a_member_state_sanctions_it(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("SANCTION", "AU", "NER") in dyads(run(nlp, "The African Union suspended Niger after the coup."))


@pytest.mark.parametrize(
    ("sentence", "expected", "absent"),
    [
        ("The US charged three Iranians with hacking.", ("ACCUSE", "USA", "IRN"), ("COERCE", "USA", "IRN")),
        (
            "The US indicted two Chinese hackers for cyberattacks on American firms.",
            ("ACCUSE", "USA", "CHN"),
            ("COERCE", "CHN", "USA"),
        ),
    ],
)
def test_what_a_state_is_charged_with_is_alleged_not_reported(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str], absent: tuple[str, str, str]
) -> None:
    found = dyads(run(nlp, sentence))
    assert expected in found and absent not in found, sentence


@pytest.mark.parametrize(
    "sentence",
    ["Turkey lifted its veto on Sweden's NATO bid.", "Turkey dropped its objection to Sweden's membership."],
)
def test_lifting_a_veto_is_a_concession_and_no_rejection(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, sentence))
    assert ("CONCEDE", "TUR", "SWE") in found and ("REJECT", "TUR", "SWE") not in found, sentence


@pytest.mark.parametrize(
    "sentence",
    ["India and Pakistan exchanged fire across the border.", "India and Pakistan exchanged artillery strikes."],
)
def test_an_exchange_of_fire_is_an_attack_each_way(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, sentence))
    assert {("ASSAULT", "IND", "PAK"), ("ASSAULT", "PAK", "IND")} <= found, sentence


def test_an_exchange_of_prisoners_stays_a_concession(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Russia and Ukraine exchanged prisoners on Friday."))
    assert not any(d[0] == "ASSAULT" for d in found) and any(d[0] == "CONCEDE" for d in found)


def test_troops_fighting_alongside_an_ally_do_not_fight_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "North Korean troops are fighting alongside Russian forces in Kursk."))
    assert ("MOBILIZE", "PRK", "RUS") in found
    assert not any(d[0] == "ASSAULT" for d in found), found


def test_arms_sent_on_are_aimed_where_they_go_not_at_their_maker(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "The US transferred seized Iranian rifles to Ukraine."))
    assert ("AID", "USA", "UKR") in found and ("AID", "USA", "IRN") not in found


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("Macron and Scholz discussed Ukraine.", {"DEU", "FRA"}),
        ("Macron discussed Ukraine with Scholz in Berlin.", {"DEU", "FRA"}),
        ("Macron phoned Netanyahu to urge restraint.", {"FRA", "ISR"}),
        ("Macron called Putin to discuss Ukraine.", {"FRA", "RUS"}),
    ],
)
def test_what_is_discussed_takes_no_part_and_a_call_may_have_a_purpose(  # type: ignore[no-untyped-def]
    nlp, sentence: str, parties: set[str]
) -> None:
    talks = [e for e in run(nlp, sentence).events if e.type == "CONSULT"]
    assert talks and all(set(e.source + e.target) == parties for e in talks), (sentence, talks)


@pytest.mark.parametrize(
    "sentence",
    ["The US designated the Houthis a terrorist organisation.", "The US designated the Houthis as a terrorist group."],
)
def test_designating_a_group_as_terrorist_is_a_sanction(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert ("SANCTION", "USA", "YEM_REB") in dyads(run(nlp, sentence)), sentence


def test_designating_a_host_is_no_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not run(nlp, "The UN designated Kenya as a host country.").events


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ukraine halted the transit of Russian gas.", ("SANCTION", "UKR", "RUS")),
        ("Poland suspended the transit of Belarusian goods.", ("SANCTION", "POL", "BLR")),
        ("Protesters burned the US flag outside the embassy in Tehran.", ("PROTEST", "IRN", "USA")),
        ("Demonstrators in Islamabad burned effigies of the Indian prime minister.", ("PROTEST", "PAK", "IND")),
    ],
)
def test_transit_halted_and_flags_burned(nlp, sentence: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(run(nlp, sentence)), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "A spokesman for the Chinese foreign ministry attacked Washington's hypocrisy.",
        "Iran's foreign ministry spokesman blasted the latest American move as economic terrorism.",
        "North Korea's state newspaper hit out at Seoul over the drills.",
    ],
)
def test_a_voice_attacks_with_words(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, sentence))
    assert {d for d in found if d[0] == "ACCUSE"}
    assert not {d for d in found if d[0] == "ASSAULT"}


def test_forces_a_spokesman_reports_on_still_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Russian forces attacked Kharkiv overnight, the ministry spokesman said."))
    assert ("ASSAULT", "RUS", "UKR") in found


@pytest.mark.parametrize(
    ("sentence", "blamed"),
    [
        ("The Estonian foreign minister said Moscow bore full responsibility for the sabotage attempts.", True),
        ("Kyiv said Russia was responsible for the attack on the dam.", True),
        ("Indian officials said Pakistan had no responsibility for the attack.", False),
        ("Indian officials said Pakistan did not bear responsibility for the bombing.", False),
    ],
)
def test_bearing_responsibility_for_a_hostile_act_is_blame(nlp, sentence: str, blamed: bool) -> None:  # type: ignore[no-untyped-def]
    accused = {d for d in dyads(run(nlp, sentence)) if d[0] == "ACCUSE"}
    assert bool(accused) is blamed


def test_bearing_responsibility_in_the_future_is_a_threat_not_blame(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Beijing said Manila would bear all responsibility for the consequences."))
    assert ("THREATEN", "CHN", "PHL") in found
    assert ("ACCUSE", "CHN", "PHL") not in found


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Latvia declared a Russian diplomat persona non grata on Monday.", ("SANCTION", "LVA", "RUS")),
        ("Washington placed 30 Chinese firms on its export blacklist.", ("SANCTION", "USA", "CHN")),
        ("Egypt and Qatar have been working together to secure a truce.", ("COOPERATE", "EGY", "QAT")),
        ("India and Japan launched a joint initiative on rare earth supplies.", ("COOPERATE", "IND", "JPN")),
        ("Tokyo sent rescue teams to Turkey after the earthquake.", ("AID", "JPN", "TUR")),
    ],
)
def test_more_diplomatic_phrasings(nlp, sentence: str, dyad: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Latvia did not declare the Russian envoy persona non grata.",
        "Germany put its troops on high alert.",
        "India and China may work together on climate.",
    ],
)
def test_near_misses_of_those_phrasings(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, sentence))
    assert not {d for d in found if d[0] in ("SANCTION", "COOPERATE")}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Kenya sought emergency help from the African Union.", ("REQUEST", "KEN", "AU")),
        ("Ottawa has imposed a 100 percent surtax on Chinese steel.", ("SANCTION", "CAN", "CHN")),
        ("Protesters marched on the Turkish embassy in Athens.", ("PROTEST", "GRC", "TUR")),
        ("Finland's security police linked Russian agents to the arson attack.", ("ACCUSE", "FIN", "RUS")),
        ("Britain attributed the cyberattack to Chinese state hackers.", ("ACCUSE", "GBR", "CHN")),
    ],
)
def test_asking_from_taxing_marching_on_and_linking_to(nlp, sentence: str, dyad: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenya sought to improve its ties with the African Union.",
        "Finland's security police linked Russian agents to the arson attack.",
        "The new railway will connect Kenya to Uganda.",
    ],
)
def test_what_those_verbs_do_not_mean(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, sentence))
    assert not {d for d in found if d[0] in ("REQUEST", "ASSAULT", "COOPERATE")}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Thousands of Bangladeshis protested against India in Dhaka.", ("PROTEST", "BGD", "IND")),
        ("Iran ruled out direct negotiations with the United States.", ("REJECT", "IRN", "USA")),
        ("Canada pledged that it would keep backing Ukraine.", ("SUPPORT", "CAN", "UKR")),
        ("The American and Chinese defence chiefs spoke by video link on Friday.", ("CONSULT", "CHN", "USA")),
        ("The Foreign Office announced new measures against Iran.", ("SANCTION", "GBR", "IRN")),
    ],
)
def test_crowds_ruling_out_pledges_video_calls_and_measures(nlp, sentence: str, dyad: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("Japan protested to China over the detention of its citizens.", ("PROTEST", "JPN", "CHN")),
        ("Iran ruled out direct negotiations with the United States.", ("CONSULT", "IRN", "USA")),
        ("Israel refused to rule out a strike on Iran.", ("REJECT", "ISR", "IRN")),
        ("The Foreign Office announced new measures against Iran.", ("THREATEN", "GBR", "IRN")),
    ],
)
def test_readings_those_phrasings_must_not_get(nlp, sentence: str, absent: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert absent not in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("The Chinese embassy said the US was stoking tensions in the region.", ("ACCUSE", "CHN", "USA")),
        ("Erdogan warned Greece that Turkish missiles could reach Athens.", ("THREATEN", "TUR", "GRC")),
        ("The EU wants Beijing to use its influence on Moscow.", ("REQUEST", "EU", "CHN")),
        ("The last American troops left Afghanistan on August 30.", ("RETREAT", "USA", "AFG")),
    ],
)
def test_stoking_warning_of_ones_own_force_wanting_of_another_and_troops_leaving(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("The UN warned Sudan that famine could spread.", "THREATEN"),
        ("The EU does not want China to supply arms to Russia.", "AID"),
        ("Washington wants Israel to sign a deal with Lebanon.", "AGREE"),
        ("The Chinese ambassador left Vilnius on Friday.", "RETREAT"),
    ],
)
def test_warnings_wishes_and_departures_that_are_not_those_acts(nlp, sentence: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(run(nlp, sentence)) if d[0] == absent}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Caracas released six detained Americans after a visit by a US envoy.", ("CONCEDE", "VEN", "USA")),
        ("Chinese coast guard vessels blocked a Philippine resupply mission.", ("COERCE", "CHN", "PHL")),
        ("Israel's envoy to the United Nations slammed the General Assembly vote.", ("ACCUSE", "ISR", "UN")),
        ("EU leaders called for Moscow to return the deported children.", ("REQUEST", "EU", "RUS")),
        ("Thousands of Russian troops arrived in Belarus for joint exercises.", ("MOBILIZE", "RUS", "BLR")),
        ("French citizen Olivier Grondeau has been held in an Iranian prison since 2022.", ("COERCE", "IRN", "FRA")),
    ],
)
def test_releases_blockades_envoys_calls_for_crowds_of_troops_and_named_captives(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("A planned meeting between the Chinese and Indian foreign ministers was cancelled.", "CONSULT"),
        ("Hungary blocked EU aid to Ukraine.", "COERCE"),
        ("EU leaders called for Moscow to return the deported Ukrainian children.", "CONCEDE"),
        ("Russia detained American journalist Evan Gershkovich in March.", "PROTEST"),
    ],
)
def test_cancelled_meetings_vetoes_acts_called_for_and_months(nlp, sentence: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(run(nlp, sentence)) if d[0] == absent}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("The White House said Iran was complicit in the attacks on shipping.", ("ACCUSE", "USA", "IRN")),
        ("Spain recognised the State of Palestine on Tuesday.", ("SUPPORT", "ESP", "PSE")),
        ("Ethiopia and Eritrea ended two decades of hostility with a peace agreement.", ("AGREE", "ERI", "ETH")),
        ("China warned the Philippines to stop its provocations or face consequences.", ("THREATEN", "CHN", "PHL")),
        ("Russia has handed Iran advanced fighter jets, according to Western officials.", ("AID", "RUS", "IRN")),
    ],
)
def test_complicity_recognition_settling_warnings_with_a_price_and_handing_arms(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("Washington decided against new sanctions on Chinese banks.", "SANCTION"),
        ("Britain recognised the threat posed by Russia.", "SUPPORT"),
        ("The UN warned Sudan to protect civilians.", "THREATEN"),
        ("Russia ended the grain deal with Ukraine.", "AGREE"),
    ],
)
def test_deciding_against_recognising_a_threat_and_plain_warnings(nlp, sentence: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(run(nlp, sentence)) if d[0] == absent}


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("China said it had no intention of imposing restrictions on German companies.", "SANCTION"),
        ("Poland raised the possibility of sending troops to Ukraine.", "MOBILIZE"),
        ("Negotiators said a deal between Israel and Hamas was still far off.", "AGREE"),
        ("A deal between Egypt and Ethiopia remains elusive.", "AGREE"),
    ],
)
def test_intentions_possibilities_and_deals_not_made(nlp, sentence: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(run(nlp, sentence)) if d[0] == absent}


def test_a_deal_that_took_effect_was_made(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("AGREE", "EGY", "ETH") in dyads(run(nlp, "The deal between Egypt and Ethiopia took effect on Sunday."))


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Prague was the first capital to expel a Russian diplomat over the arson attack.", ("SANCTION", "CZE", "RUS")),
        ("Mexico was the latest country to impose tariffs on China.", ("SANCTION", "MEX", "CHN")),
    ],
)
def test_the_first_state_to_act_is_the_subject_of_be(nlp, sentence: str, dyad: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    "sentence",
    ["Zelensky says he is ready to meet Putin.", "Iran said it was willing to resume talks with the United States."],
)
def test_being_ready_to_meet_is_no_meeting(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(run(nlp, sentence)) if d[0] == "CONSULT"}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Israel cut off electricity to Gaza.", ("COERCE", "ISR", "PSE")),
        ("Russia cut off gas supplies to Moldova.", ("SANCTION", "RUS", "MDA")),
        ("Chinese warships sailed near Japan's southern islands.", ("MOBILIZE", "CHN", "JPN")),
        ("Russian bombers flew near Alaska on Thursday.", ("MOBILIZE", "RUS", "USA")),
    ],
)
def test_cutting_off_supplies_and_ships_or_planes_moving_near_a_state(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


def test_cutting_off_ties_stays_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Israel cut off ties with Bolivia."))
    assert ("SANCTION", "ISR", "BOL") in found and ("COERCE", "ISR", "BOL") not in found


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("The leaders of Singapore and Malaysia held their annual retreat in Putrajaya.", ("CONSULT", "MYS", "SGP")),
        ("Washington warned Moscow of severe costs if it used a nuclear weapon.", ("THREATEN", "USA", "RUS")),
        ("Russian troops began a retreat from Kherson.", ("RETREAT", "RUS", "UKR")),
    ],
)
def test_a_leaders_retreat_a_warning_of_costs_and_a_retreat_begun(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("The leaders of Singapore and Malaysia held their annual retreat in Putrajaya.", "RETREAT"),
        ("Russian troops began a retreat from Kherson.", "MOBILIZE"),
    ],
)
def test_a_retreat_that_is_a_meeting_or_a_withdrawal_only(nlp, sentence: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(run(nlp, sentence)) if d[0] == absent}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("The US granted Venezuela a temporary sanctions waiver.", ("CONCEDE", "USA", "VEN")),
        ("The US offered Iran sanctions relief.", ("CONCEDE", "USA", "IRN")),
        ("Mongolia refused entry to a group of Russian officials.", ("SANCTION", "MNG", "RUS")),
        ("Israel denied entry to two French lawmakers.", ("SANCTION", "ISR", "FRA")),
    ],
)
def test_sanctions_relief_eases_and_refusing_entry_sanctions(nlp, sentence: str, dyad: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("The US offered Iran sanctions relief.", "SANCTION"),
        ("The US offered Iran sanctions relief.", "AID"),
        ("The US granted Venezuela a temporary sanctions waiver.", "SANCTION"),
    ],
)
def test_sanctions_relief_is_neither_a_sanction_nor_aid(nlp, sentence: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(run(nlp, sentence)) if d[0] == absent}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Niger's junta told French troops to leave the country by the end of the year.", ("REQUEST", "NER", "FRA")),
        ("China told the Philippines to stop its manoeuvres near the shoal.", ("REQUEST", "CHN", "PHL")),
        ("Turkish and Azerbaijani special forces trained together near Baku.", ("COOPERATE", "AZE", "TUR")),
        ("A Russian nuclear-powered submarine docked in Havana.", ("MOBILIZE", "RUS", "CUB")),
        ("Bangkok threatened to shut the border if Phnom Penh did not withdraw.", ("THREATEN", "THA", "KHM")),
    ],
)
def test_telling_a_state_to_act_training_together_docking_and_conditional_threats(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


def test_telling_reporters_asks_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Macron told reporters that France would help Lebanon."))
    assert not {d for d in found if d[0] == "REQUEST"}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Myanmar army shells landed in Thai territory, injuring two villagers.", ("ASSAULT", "MMR", "THA")),
        ("Pakistani shells fell in Indian Kashmir overnight.", ("ASSAULT", "PAK", "IND")),
        ("Russian authorities held a Norwegian fishing boat for two days.", ("COERCE", "RUS", "NOR")),
        ("Iran released the British tanker it had seized.", ("CONCEDE", "IRN", "GBR")),
    ],
)
def test_shells_that_land_strike_and_boats_held_or_freed(nlp, sentence: str, dyad: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, sentence))
    assert dyad in found
    assert not {d for d in found if d[0] == "AID"}  # munitions that land were not delivered


@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        ("Lima declared the Mexican ambassador persona non grata for interfering in Peru's affairs.", True),
        ("Russia expelled two British diplomats over espionage.", True),
        ("The US imposed sanctions on Russia for its interference in the election.", True),
        ("Estonia expelled a Russian diplomat for the second time this year.", False),
    ],
)
def test_a_penalty_for_a_wrong_alleges_the_wrong(nlp, sentence: str, accused: bool) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, sentence))
    assert {d for d in found if d[0] == "SANCTION"}
    assert bool({d for d in found if d[0] == "ACCUSE"}) is accused


def test_a_rally_called_off_did_not_happen(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "A rally against the United States planned for Friday in Tehran was called off."))
    assert not {d for d in found if d[0] == "PROTEST"}


def test_calling_off_talks_suspends_them(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Japan called off talks with China."))
    assert ("SANCTION", "JPN", "CHN") in found and not {d for d in found if d[0] == "CONSULT"}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Germany is sending a second battlegroup to Lithuania.", ("MOBILIZE", "DEU", "LTU")),
        ("American nuclear bombs are stationed in Turkey.", ("MOBILIZE", "USA", "TUR")),
        ("Egypt allowed fuel trucks to enter Gaza on Tuesday.", ("CONCEDE", "EGY", "PSE")),
        ("India is working closely with France on submarine design.", ("COOPERATE", "FRA", "IND")),
    ],
)
def test_units_weapons_based_abroad_access_allowed_and_close_work(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    found = dyads(run(nlp, sentence))
    assert dyad in found
    assert not {d for d in found if d[0] == "AID"}  # weapons based abroad stay their owner's


@pytest.mark.parametrize(
    "sentence",
    [
        "Parliament has yet to approve the tanks for Ukraine.",
        "Kenya is yet to send its police officers to Haiti.",
    ],
)
def test_what_is_yet_to_happen_has_not_happened(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(run(nlp, sentence)) if d[0] in ("AID", "MOBILIZE")}


def test_working_with_a_state_is_not_cooperation_unless_closely(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Analysts said Brazil was working with China on a report."))
    assert not {d for d in found if d[0] == "COOPERATE"}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        (
            "Kenya's president William Ruto, speaking after talks with the Somali president in Nairobi, said "
            "the two countries would reopen the border.",
            ("CONSULT", "KEN", "SOM"),
        ),
        ("Norway has long acted as a mediator between Colombia and Venezuela.", ("CONSULT", "COL", "NOR")),
        ("Qatar, a mediator between Israel and Iran, hosted both delegations.", ("CONSULT", "ISR", "QAT")),
        ("Belarus freed a Polish schoolteacher it had jailed for two years.", ("CONCEDE", "BLR", "POL")),
        ("Venezuela detained a Colombian engineer near the border.", ("COERCE", "VEN", "COL")),
    ],
)
def test_who_speaks_after_talks_mediators_and_people_held_or_freed(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Kenya and Ethiopia concluded three days of talks in Addis Ababa on Friday.", ("CONSULT", "ETH", "KEN")),
        (
            "Seoul said the North had launched two ballistic missiles, calling it a provocation.",
            ("ACCUSE", "KOR", "PRK"),
        ),
        (
            "Thousands of farmers marched through Paris on Sunday to protest against the new tax.",
            ("PROTEST", "FRA", "FRA"),
        ),
        ("Rwandan troops withdrew from several towns in eastern Congo.", ("RETREAT", "RWA", "COD")),
    ],
)
def test_spans_of_talks_the_north_protests_at_home_and_places_left(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


def test_a_protest_abroad_is_not_against_the_protesters_own_state(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Thousands of students marched through Jakarta to protest against Israel's war in Gaza."))
    assert ("PROTEST", "IDN", "IDN") not in found


def test_concerning_as_about_judges_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(
        run(
            nlp,
            "Lula told Biden that Brazil would stand with the United States on issues concerning its core interests.",
        )
    )
    assert ("SUPPORT", "BRA", "USA") in found and not {d for d in found if d[0] == "ACCUSE"}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Korea pledges $2 billion more for Vietnam's railways.", ("AID", "KOR", "VNM")),
        ("Chile, Argentina sign lithium pact.", ("AGREE", "ARG", "CHL")),
        (
            "Israel's security minister visited the Al-Aqsa compound on Sunday. Egypt condemned the visit.",
            ("ACCUSE", "EGY", "ISR"),
        ),
        ("France will cut its troops in Chad by half next year.", ("RETREAT", "FRA", "TCD")),
        ("Spain and Portugal will jointly run the new radar station.", ("COOPERATE", "ESP", "PRT")),
    ],
)
def test_money_pledged_headline_pairs_acts_told_by_verbs_troop_cuts_and_joint_acts(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The president said he was in no hurry to impose sanctions on Venezuela.",
        "Heads of state came together in Geneva on Monday.",
    ],
)
def test_no_hurry_is_no_act_and_coming_together_is_no_cooperation(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(run(nlp, sentence)) if d[0] in ("SANCTION", "COOPERATE")}


def test_the_agents_of_a_passive_act_are_actor_countries(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "The draft, backed by Brazil, Chile and Peru, was put to a vote in Geneva on Tuesday.")
    assert {c.id for c in result.countries} >= {"BRA", "CHL", "PER"}
    places = run(nlp, "The summit was held in Lima, Peru, on Tuesday.")
    assert "PER" not in {c.id for c in places.countries}


def test_a_region_that_describes_a_state_names_no_other_state(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Kenya sent police to Haiti. The peacekeepers will leave the Central African nation next year.")
    assert "CAF" not in {c.id for c in result.countries}
    named = run(nlp, "The Central African Republic signed a security deal with Rwanda on Monday.")
    assert ("AGREE", "CAF", "RWA") in dyads(named)


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("The NATO chief offered Moldova's president his full support.", ("SUPPORT", "NATO", "MDA")),
        (
            "Belize cut its ties with Israel on Friday. Honduras and Colombia recalled their ambassadors.",
            ("SANCTION", "HND", "ISR"),
        ),
    ],
)
def test_a_second_object_read_as_apposition_and_envoys_recalled_from_the_state_just_named(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


def test_an_envoy_recalled_with_no_state_in_sight_makes_no_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(run(nlp, "Peru recalled its ambassador for consultations.")) if d[0] == "SANCTION"}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Hungary discussed gas supplies with Azerbaijan on Monday.", ("CONSULT", "AZE", "HUN")),
        ("In a video call with the Kenyan president, Macron discussed debt relief.", ("CONSULT", "FRA", "KEN")),
        ("Jordan's neighbour Egypt reopened the border crossing with Libya on Sunday.", ("CONCEDE", "EGY", "LBY")),
        ("Spanish and Moroccan police carried out a joint operation against smugglers.", ("COOPERATE", "ESP", "MAR")),
        ("Chile and Peru signed a memorandum on cooperation in fisheries.", ("COOPERATE", "CHL", "PER")),
        ("Two batches of Swedish howitzers were delivered to Ukraine in May.", ("AID", "SWE", "UKR")),
    ],
)
def test_partners_hung_on_topics_calls_as_scenes_passages_joint_operations_and_things_delivered(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Britain is committed to the security of Estonia, its defence secretary said.", ("SUPPORT", "GBR", "EST")),
        ("Canada remains firmly committed to Ukraine's sovereignty.", ("SUPPORT", "CAN", "UKR")),
    ],
)
def test_being_committed_to_a_state_backs_it(nlp, sentence: str, dyad: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert dyad in dyads(run(nlp, sentence))


def test_money_committed_to_a_state_is_no_verbal_support(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "It is the largest package that Norway has committed to Ukraine."))
    assert ("SUPPORT", "NOR", "UKR") not in found


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Somaliland opened a trade office in Taipei last year.", ("COOPERATE", "SOM", "TWN")),
        ("French and Indian pilots began their yearly air drills on Monday.", ("COOPERATE", "FRA", "IND")),
        ("A Qatari plane loaded with medicine landed in Al-Arish, bound for Gaza.", ("AID", "QAT", "PSE")),
    ],
)
def test_offices_opened_drills_held_together_and_goods_carried(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    found = dyads(run(nlp, sentence))
    assert dyad in found
    assert not {d for d in found if d[0] == "MOBILIZE"}


def test_aid_suspended_is_a_sanction_not_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Sweden suspended its development aid to Mali on Friday."))
    assert ("SANCTION", "SWE", "MLI") in found and ("AID", "SWE", "MLI") not in found


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("Ramaphosa and Tinubu spoke on Friday, their second conversation this month.", ("NGA", "ZAF")),
        ("Modi and Sharif exchanged greetings at the summit in Astana.", ("IND", "PAK")),
        ("Petro sat down with Lula in Bogota on Monday.", ("BRA", "COL")),
    ],
)
def test_two_leaders_who_spoke_exchanged_views_or_sat_down_consulted(  # type: ignore[no-untyped-def]
    nlp, sentence: str, pair: tuple[str, str]
) -> None:
    assert ("CONSULT", *pair) in dyads(run(nlp, sentence))


def test_one_state_speaking_to_reporters_consults_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not {d for d in dyads(run(nlp, "Chile spoke to reporters on Friday about Peru.")) if d[0] == "CONSULT"}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Four Chinese shipping firms were added to the EU sanctions list on Friday.", ("SANCTION", "EU", "CHN")),
        ("New British penalties on Iranian oil traders took effect on Monday.", ("SANCTION", "GBR", "IRN")),
        ("Ottawa imposed penalties on Chinese steel makers.", ("SANCTION", "CAN", "CHN")),
        ("Bolivian police stormed the Argentine embassy in La Paz.", ("COERCE", "BOL", "ARG")),
        ("Shells fired by the Pakistani army landed in Indian Kashmir.", ("ASSAULT", "PAK", "IND")),
    ],
)
def test_lists_penalties_raids_and_fire_from_a_named_side(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    found = dyads(run(nlp, sentence))
    assert dyad in found
    assert not {d for d in found if d[0] == "PROTEST"}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Minsk freed three Lithuanians after talks with Vilnius.", ("CONCEDE", "BLR", "LTU")),
        ("Pyongyang granted Swedish diplomats access to the detained student.", ("CONCEDE", "PRK", "SWE")),
        ("The Hungarian parliament ratified Finland's accession to NATO.", ("AGREE", "FIN", "HUN")),
        ("Russia handed over the bodies of 50 Ukrainian soldiers on Friday.", ("CONCEDE", "RUS", "UKR")),
    ],
)
def test_people_named_by_nationality_freed_access_granted_accession_ratified(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


def test_permission_delayed_is_not_granted(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Sri Lanka is delaying granting permission for the Chinese ship to dock."))
    assert not {d for d in found if d[0] == "CONCEDE"}


def test_the_leaders_after_the_presidents_of_two_states_are_those_states(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The presidents of Ghana and Togo met in Lome on Monday. The leaders agreed to open a joint border post."
    assert ("AGREE", "GHA", "TGO") in dyads(run(nlp, text))


def test_support_given_is_the_givers_whoever_its_possessive_seems_to_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The UN chief spoke with Chile's President Gabriel Boric on Tuesday and gave him his full backing."
    found = dyads(run(nlp, text))
    assert ("SUPPORT", "UN", "CHL") in found and ("SUPPORT", "CHL", "UN") not in found


def test_encouraging_a_state_to_act_asks_it_to(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "New Zealand encouraged Fiji to hold talks with its neighbours."))
    assert ("REQUEST", "NZL", "FJI") in found
    assert not dyads(run(nlp, "Peru was encouraged by the progress of its economy."))


def test_a_package_of_sanctions_not_agreed_is_no_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "EU ministers failed to agree on a fresh package of sanctions against Iran on Monday."))
    assert not {d for d in found if d[0] == "SANCTION"}


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Belarus freed a Polish journalist in a swap for a Belarusian spy held in Poland.", ("CONCEDE", "POL", "BLR")),
        ("Tehran accused Riyadh of arming rebels and warned of a firm response.", ("THREATEN", "IRN", "SAU")),
        ("Seoul condemned Pyongyang and urged it to stop the launches.", ("REQUEST", "KOR", "PRK")),
    ],
)
def test_swaps_go_both_ways_and_a_second_speech_act_keeps_its_addressee(  # type: ignore[no-untyped-def]
    nlp, sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(run(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Chile and Argentina set up a joint commission on glaciers.", ("COOPERATE", "ARG", "CHL")),
        ("Iranian hackers knocked Albanian government websites offline.", ("COERCE", "IRN", "ALB")),
    ],
)
def test_joint_bodies_and_sites_knocked_offline(nlp, sentence: str, dyad: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert dyad in dyads(run(nlp, sentence))


def test_leaders_huddling_together_meet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Lula, Ramaphosa and Modi huddled on the red carpet for a few minutes, smiling and chatting."
    assert {("CONSULT", "BRA", "IND"), ("CONSULT", "IND", "ZAF")} <= dyads(run(nlp, text))
