"""The word classes the event rules read (ingest/events.py): which lemmas start, type, block or qualify an event.

Kept apart from the rules so that the rules read as logic and the vocabularies can be reviewed as lists.
"""

from __future__ import annotations

import re

# Nouns for fighting between sides, where a place named is the theatre: "the Israel-Hamas war in Gaza".
WAR_NOUNS = frozenset({"war", "conflict", "fighting", "hostilities", "battle", "warfare"})
# Verbs whose subject wages the war they govern: "launched a war in Yemen", "is waging war in Sudan".
WAGING_VERBS = frozenset(
    {"wage", "launch", "start", "begin", "fight", "escalate", "unleash", "conduct", "lead", "pursue"}
)
# What a call to stop fighting asks for: "an end to the war", "a halt to the attacks". (A bare call for a ceasefire
# is often made to no side in particular, or to one the text names elsewhere.)
STOP_NOUNS = frozenset({"end", "halt", "cessation", "stop"})
# "a break in contacts", "a rupture of relations": what ends, not what is held.
RUPTURE_NOUNS = frozenset({"break", "rupture", "breakdown", "severance", "freeze"})
# "patrol boats", "naval vessels": craft given as arms, not boats seized and handed back.
MILITARY_MODIFIERS = frozenset({"patrol", "naval", "navy", "military", "interceptor", "landing", "attack", "offshore"})
# "pressed ahead with", "pushed on with": going on with something, not pressing anyone.
ONWARD_PARTICLES = frozenset({"on", "ahead", "forward"})
VIOLENCE_NOUNS = frozenset({"violence", "killing", "clash", "attack", "strike", "bloodshed", "hostility", "offensive"})
# "X and Y exchanged prisoners", "X and Y clashed": one act done to each other.
RECIPROCAL_LEMMAS = frozenset({"exchange", "swap", "trade", "clash", "fight", "skirmish"})
# "recalled its ambassador for consultations": the diplomatic idiom for calling an envoy home in protest; the
# consultations are its stated purpose at home, not talks with the other state.
RECALL_VERBS = frozenset({"recall", "withdraw", "summon", "call"})
# Verbal reactions to another's act: their target is whoever did the act.
JUDGEMENT_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
ACT_NOUNS = frozenset(
    {"decision", "move", "action", "step", "policy", "plan", "proposal", "measure", "behaviour", "incident"}
)
# Endings that make a noun of a verb: "execute" -> "execution", "arrest" -> "arrest", "seize" -> "seizure".
NOMINAL_SUFFIXES = frozenset({"", "e", "ion", "tion", "ation", "ment", "al", "ure", "ing"})
# Verbs that ask for an act: what they govern is requested, not done ("urged X to withdraw").
DEMAND_VERBS = frozenset(
    {
        "demand",
        "urge",
        "ask",
        "request",
        "press",
        "insist",
        "appeal",
        "encourage",
        "implore",
        "pressure",
        "push",
        "lobby",
    }
)
# "called for X's support", "appealed for aid": what is asked for is not given.
ASKING_FOR_VERBS = DEMAND_VERBS | {"call", "seek", "plead", "beg", "clamour", "clamor"}
# Denials and doubted hearsay: what is denied or only rumoured did not (as far as the text asserts) happen.
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "rebuff", "disprove", "dispute", "debunk"})
HEARSAY_NOUNS = frozenset(
    {"report", "rumour", "rumor", "claim", "allegation", "accusation", "suggestion", "speculation", "assertion"}
)
FALSITY_WORDS = frozenset(
    {
        "false",
        "untrue",
        "baseless",
        "unfounded",
        "fabricated",
        "fabrication",
        "fake",
        "lie",
        "nonsense",
        "groundless",
        "hoax",
        "misinformation",
        "disinformation",
        "absurd",
        "ridiculous",
        "unconfirmed",
        "unverified",
        "invention",
        "fiction",
        "fantasy",
        "speculation",
    }
)
# CAMEO verb types trusted as weak triggers for verbs the project's lexicon lacks: the types where the converted
# dictionary added more true events than false ones on the development folds (scripts/eval_cv.py).
CAMEO_TYPES = frozenset({"ACCUSE", "ASSAULT", "THREATEN"})
# Verbs of answering an act: a threat to answer is aimed at whoever acted ("vowed to respond").
ANSWER_VERBS = frozenset({"respond", "retaliate", "react", "reply", "avenge", "answer", "hit"})
ANSWER_NOUNS = frozenset({"response", "retaliation", "reprisal", "revenge", "countermeasure", "riposte"})
# Verbs that let something in: "allowed aid into Gaza" is a concession by the one who allows it.
PERMIT_VERBS = frozenset({"allow", "let", "permit"})
# Verbs of the project's lexicon whose other readings the CAMEO patterns still know ("opened fire").
FALLBACK_TO_CAMEO = frozenset({"open", "reopen", "engage"}) | PERMIT_VERBS
# Verbs that ease what a sanction noun names: "lifted sanctions", "lowered tariffs", "relaxed the embargo".
EASING_VERBS = frozenset(
    {"lift", "ease", "lower", "cut", "reduce", "remove", "relax", "loosen", "scrap", "drop", "waive", "suspend", "end"}
)
# Acts whose doer, when a passive leaves it unnamed, is the state announcing them ("X said Y's envoy was expelled").
SPEAKER_DOER_TYPES = frozenset({"SANCTION", "CONCEDE", "COOPERATE", "REJECT"})
# Doers that can only attack with words: "the ministry's spokesman blasted Washington's move", "the party paper
# hit out at Seoul".
VOICE_NOUNS = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "statement",
        "newspaper",
        "editorial",
        "commentary",
        "commentator",
        "ambassador",
        "envoy",
        "diplomat",
        "media",
    }
)
# Courts and trade tribunals: where a case is filed, not whom it accuses.
COURTS = frozenset({"ICJ", "ICC", "WTO", "COE", "UN", "UNSC", "UNHRC"})  # and the UN bodies a complaint is filed with
FILING_NOUNS = frozenset({"lawsuit", "suit", "complaint", "case", "petition", "appeal", "dispute"})
# A state's missions abroad: "employees of the Russian embassy" serve Russia.
MISSION_NOUNS = frozenset({"embassy", "consulate", "mission", "legation", "chancery"})
# The grounds of a mission: "the embassy compound", "the premises of the consulate".
GROUNDS_NOUNS = frozenset({"compound", "premises", "building", "gate", "gates", "residence"})
# Where a crowd goes when it protests at a mission: "outside the embassy", "towards the High Commission".
MISSION_PREPS = frozenset(
    {"outside", "at", "to", "towards", "toward", "upon", "on", "near", "around", "before", "in", "into", "front"}
)
# What a crowd does at a mission, besides the words of protest themselves (those are triggers of their own).
CROWD_ACTION_VERBS = frozenset(
    {
        "gather",
        "come",
        "descend",
        "converge",
        "throng",
        "surround",
        "besiege",
        "hurl",
        "pelt",
        "throw",
        "burn",
        "torch",
        "chant",
        "assemble",
        "congregate",
        "mass",
        "swarm",
        "picket",
        "vandalise",
        "vandalize",
        "encircle",
        "attack",
        "breach",
        "enter",
    }
)
# Nouns that count what follows "of": "a group of instructors", "a batch of tanks".
QUANTITY_NOUNS = frozenset(
    {
        "group",
        "total",
        "team",
        "batch",
        "contingent",
        "number",
        "unit",
        "detachment",
        "squadron",
        "cargo",
        "shipment",
        "consignment",
        "load",
        "convoy",
        "thousand",
        "hundred",
        "dozen",
        "million",
    }
)
# Verbs whose subject takes delivery of what a sender ("from") sends: "received tanks from the US".
RECEIPT_VERBS = frozenset({"receive", "get", "obtain", "acquire", "accept", "host"})
DELIVERY_NOUNS = frozenset({"delivery", "shipment", "consignment", "batch", "supply"})
# Types of promises and help: a promise to abstain from something is none of them.
COOPERATIVE_TYPES = frozenset({"SUPPORT", "AGREE", "COOPERATE", "AID"})
# Types whose trigger, when its own phrases name one side or none, may take the clause's subject and the actors
# inside the trigger's phrase instead (ArgumentFinder.clause_sides): on the development folds these added more
# true pairs than false ones; for the others (CONSULT, ASSAULT, SUPPORT, AID...) the looser reading mostly guessed.
LOOSE_TYPES = frozenset({"ACCUSE", "AGREE", "REJECT", "REQUEST", "SANCTION", "MOBILIZE", "RETREAT"})
# Words before a date that make it an end or a due date: "until 2028", "through March", "by the end of May".
TERMS_NOUNS = frozenset({"ultimatum", "deadline"})
DEADLINE_WORDS = frozenset({"until", "till", "through", "deadline"})
# "by 2026", "by the end of March": words that may stand between "by" and the time it sets as a limit.
BY_LIMIT_WORDS = frozenset({"the", "end", "close", "middle", "start", "beginning", "early", "late", "mid", "of", "-"})
# "ordered the ambassador to leave": verbs that send another state's diplomats away, and the going itself.
EXPULSION_VERBS = frozenset({"order", "ask", "tell", "give", "instruct", "direct", "request", "summon", "demand"})
DEPARTURE_VERBS = frozenset({"leave", "depart", "quit", "exit", "go", "fly"})
# Nouns that may name an agreement or a transfer: "the deal" after an arms sale.
TRANSACTION_NOUNS = frozenset({"deal", "package", "sale", "contract"})
# How far back (in tokens) "the move" may point to the act it names.
REFERENCE_REACH = 120
# How far back "these attacks" may point to an act of the kind it names, when none is within REFERENCE_REACH.
STORY_REACH = 400
# A concession undoes an act reported before it: a release undoes a detention, a lifting undoes a sanction. When its
# own sentence leaves out who concedes or to whom ("The blockade was lifted", "the fishermen were freed"), they are
# the doer and the target of the act undone.
UNDONE_TYPES: dict[str, tuple[str, ...]] = {
    "prisoner release": ("COERCE",),
    "concession": ("SANCTION",),
    "easing": ("SANCTION",),
    "access": ("SANCTION",),
}
HELD_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
UNDOING_LEMMAS = frozenset({"lift", "ease", "relax", "release", "free", "reopen", "unfreeze"})
# Verbs that, under "refused to", undo the refusal: "refused to rule out", "declined to exclude".
NEGATING_COMPLEMENTS = frozenset({"rule", "exclude", "deny", "dismiss"})
# Judging or telling another state declined is no rejection of it: "declined to condemn Beijing", "refused to comment".
DECLINED_JUDGEMENTS = frozenset(
    {"condemn", "criticise", "criticize", "blame", "comment", "confirm", "name", "say", "identify", "specify"}
)
# Adjuncts that set a real scene for another act: "during his visit", "after the talks".
SCENE_PREPS = frozenset({"during", "after", "following", "since", "amid", "before", "at"})
# Judgements and penalties whose object or reason is an act that happened: "condemned the invasion", "sanctions
# over the annexation".
FACTIVE_HEADS = frozenset(
    {
        "condemn",
        "denounce",
        "criticise",
        "criticize",
        "blame",
        "punish",
        "sanction",
        "penalise",
        "penalize",
        "praise",
        "applaud",
        "welcome",
        "protest",
        "deplore",
        "regret",
    }
)
# Verbs whose "of", "with" or "for" phrase is the act alleged: "charged X with hacking".
CHARGING_VERBS = frozenset({"accuse", "charge", "indict", "convict", "suspect", "prosecute", "sue", "sentence"})
# What one "meets" without meeting anyone.
MET_TERMS = frozenset(
    {
        "deadline",
        "target",
        "goal",
        "demand",
        "requirement",
        "criterion",
        "criteria",
        "condition",
        "obligation",
        "need",
        "expectation",
        "standard",
        "threshold",
        "quota",
        "commitment",
        "cost",
        "challenge",
        "end",
        "fate",
        "request",
        "benchmark",
        "objective",
    }
)
GUEST_NOUNS = frozenset(
    {"delegation", "counterpart", "president", "minister", "leader", "king", "premier", "envoy", "emir", "chancellor"}
)
GROWTH_VERBS = frozenset(
    {
        "deepen",
        "strengthen",
        "expand",
        "boost",
        "enhance",
        "improve",
        "forge",
        "build",
        "develop",
        "bolster",
        "grow",
        "widen",
        "broaden",
        "upgrade",
        "intensify",
        "cement",
        "tighten",
        "warm",
        "form",
        "launch",
        "sign",
        "increase",
        "step",  # "stepped up cooperation"
    }
)
# Cooperation taken up again: "resumed security cooperation with Madrid" (ties restored are an agreement, read from
# the verb).
RESUMING_VERBS = frozenset({"resume", "restore", "revive", "renew", "reinstate"})
RELATION_NOUNS = frozenset({"relation", "tie", "relationship"})
GROWTH_MODIFIERS = frozenset({"deepening", "growing", "budding", "closer", "strategic", "expanding", "burgeoning"})
BILATERAL_VERBS = frozenset({"call", "phone", "telephone", "contact", "speak", "talk", "ring", "conversation"})
PARTICIPATION_VERBS = frozenset({"involve", "join", "participate", "attend", "take", "enter", "include"})
MODALS_HYPOTHETICAL = frozenset({"could", "might", "may", "would", "should", "must"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
SAY_VERBS = frozenset({"say", "announce", "tell", "state", "confirm", "report", "add", "declare", "indicate", "note"})
# "pledged that it would back Ukraine": a promise reports its own future, as saying does.
PROMISING_SAY_VERBS = SAY_VERBS | {"pledge", "promise", "assure", "reaffirm", "reiterate"}
PLAN_VERBS = frozenset(
    {
        "plan",
        "expect",
        "schedule",
        "set",
        "intend",
        "prepare",
        "aim",
        "propose",
        "agree",
        "hope",
        "want",
        "seek",
        "vow",
        "pledge",
        "promise",
        "decide",
        "announce",
        "invite",
        "due",
        "slate",
        "look",
    }
)
# What a warned party is told it will undergo: "or face consequences", "pay the price".
BORNE_VERBS = frozenset({"face", "pay", "bear", "suffer", "risk", "expect", "await"})
# Verbs that decide or argue against an act, which then is not done: "decided against new sanctions".
AGAINST_VERBS = frozenset({"decide", "vote", "argue", "advise", "rule", "opt", "caution"})
# Nouns that ease what their "sanctions" modifier names: "sanctions relief", "a sanctions waiver".
RELIEF_NOUNS = frozenset({"relief", "waiver", "exemption", "easing", "removal", "lifting", "suspension"})
# "ready to meet", "willing to talk": a readiness, not the act.
WILLING_WORDS = frozenset({"ready", "willing", "eager", "keen"})
# What is said of a deal that has not been made: "remains elusive", "is still far off".
UNMADE_WORDS = frozenset(
    {"far", "elusive", "unlikely", "distant", "remote", "impossible", "off", "uncertain", "close", "near", "imminent"}
)
# Verbs that close a conflict by the means named with "with": "ended the war with a peace deal".
SETTLING_VERBS = frozenset({"end", "settle", "resolve", "close", "conclude", "seal", "formalise", "formalize"})
# "wants Beijing to press Moscow": what another is wished to do is asked for, not done.
WISH_VERBS = frozenset({"want", "wish", "prefer"})
NEGATING_VERBS = frozenset(
    {
        "fail",
        "refuse",
        "decline",
        "deny",
        "avoid",
        "stop",
        "halt",
        "cancel",
        "postpone",
        "delay",
        "block",
        "veto",
        "thwart",
        "scrap",
        "refrain",
        "abstain",
    }
)
# With their particle, these negate what they govern: "ruled out talks with Washington", "counted out a deal".
# ("called off the rally", "holding off on new sanctions")
NEGATING_PHRASALS = {"rule": "out", "count": "out", "call": "off", "hold": "off"}
IRREALIS_NOUNS = frozenset(
    {
        "right",  # "reserves the right to take retaliatory measures": a threat, not the measures
        "option",
        "possibility",
        "prospect",
        "risk",
        "likelihood",
        "chance",
        "fear",
        "threat",
        "speculation",
        "hope",
        "idea",
        "proposal",
        "plan",
        "call",
        "danger",
        "rumor",
        "rumour",
        "question",
        "need",
        "bid",
        "effort",
        "attempt",
        "opportunity",
        "way",
        "veto",  # "its veto on aid to Ukraine": the aid is blocked
        "objection",
        "intention",  # "had no intention of imposing restrictions"
        "intent",
        "willingness",
        "readiness",
        "hurry",  # "in no hurry to impose new sanctions"
        "rush",
        "wish",  # "his wish to meet the Japanese premier"
        "desire",
        "cancellation",  # "since the cancellation of the talks": they did not take place
        "postponement",
        "break",  # "a complete break in contacts"
    }
)
# Opinions and attempts: "analysts believe X will attack", "X sought to cultivate ties".
OPINION_VERBS = frozenset(
    {
        "believe",
        "think",
        "hope",
        "fear",
        "worry",
        "doubt",
        "speculate",
        "suspect",
        "wonder",
        "seek",
        "try",
        "attempt",
        "consider",
        "weigh",
        "mull",
        "contemplate",
        "threaten",
        "need",
    }
)
# Talking about an act is not doing it: "negotiate the withdrawal of troops" (but a deal negotiated is a deal).
DELIBERATION_VERBS = frozenset({"negotiate", "discuss", "propose", "debate"})
PLANNED_MODIFIERS = frozenset(
    {
        "planned",
        "upcoming",
        "proposed",
        "scheduled",
        "expected",
        "next",
        "future",
        "possible",
        "potential",
        "prospective",
        "forthcoming",
    }
)
GROUP_WORDS = frozenset(
    {
        "they",
        "leader",
        "country",
        "nation",
        "ally",
        "side",
        "pair",
        "government",
        "party",
        "both",
        "two",
        "three",
        "neighbor",
        "neighbour",
        "we",
        "partner",
        "state",
        "economy",
        "member",
    }
)
REALIS_VERBS = frozenset(
    {
        "sign",
        "reach",
        "strike",
        "seal",
        "agree",
        "conclude",
        "announce",
        "broker",
        "approve",
        "ratify",
        "finalize",
        "finalise",
        "clinch",
        "secure",
        "implement",
        "hold",
        "take",
        "come",
        "enter",
        "go",
        "honor",
        "honour",
        "observe",
        "begin",
        "start",
        "break",
        "violate",
        "extend",
        "negotiate",
        "mediate",
    }
)

# Sport: teams named after their states "beat", "crush" and "defeat" each other in matches that are no attacks.
SPORT_WORDS = frozenset(
    {
        "tournament",
        "championship",
        "qualifier",
        "semi-final",
        "semifinal",
        "quarter-final",
        "quarterfinal",
        "league",
        "match",
        "goal",
        "penalty",
        "penalties",
        "olympics",
        "olympic",
        "marathon",
        "medal",
        "striker",
        "goalkeeper",
        "coach",
        "innings",
        "wicket",
        "cricket",
        "football",
        "soccer",
        "rugby",
        "tennis",
        "basketball",
        "hockey",
        "world cup",
        "squad",
        "fixture",
        "scoreline",
        "stadium",
        "referee",
        "midfielder",
        "sprint",
    }
)
SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b(?!\s*(?:vote|votes|decision|ruling|majority))")
# Prepositions that give the reason for a penalty: "expelled for spying", "sanctions over the annexation".
REASON_PREPS = frozenset({"for", "over"})
# Objects that make a CAMEO verb no act on anyone: "abusing its power", "exceeded its authority".
ABSTRACT_OBJECTS = frozenset(
    {"power", "authority", "position", "office", "privilege", "mandate", "trust", "discretion"}
)
# "assured Poland of Germany's support": verbs whose object is told of the support it has.
ASSURING_VERBS = frozenset({"assure", "reassure", "promise", "guarantee"})
# Where weapons sent go when they make a show of force, not a delivery: "sent warplanes near Taiwan".
SHOW_OF_FORCE_PREPS = frozenset({"near", "around", "off", "toward", "towards", "close"})
# Who takes part in an act named by a noun, besides its owner: "the deal with Taiwan", "the strikes by Israel".
PARTY_PREPS = frozenset({"by", "with", "between"})
# What munitions do when they arrive: they strike, they are not delivered.
IMPACT_VERBS = frozenset({"land", "fall", "hit", "strike", "explode", "crash", "slam"})
# "will jointly buy submarines", "build the plant together": any act two states do as one is cooperation (but
# "came together", "brought together" is a meeting, read elsewhere).
JOINT_ADVERBS = frozenset({"jointly", "together"})
GATHERING_VERBS = frozenset({"come", "bring", "get", "put", "stand", "pull"})
# Verbs whose negation is a rejection: "will not accept", "does not recognise".
ACCEPTANCE_VERBS = frozenset({"accept", "recognise", "recognize", "acknowledge", "endorse", "approve"})
TRAVEL_VERBS = frozenset({"travel", "arrive", "fly", "head", "land", "come", "go", "journey"})
ENVOY_NOUNS = frozenset(
    {
        "delegation",
        "envoy",
        "minister",
        "president",
        "leader",
        "premier",
        "king",
        "emir",
        "chancellor",
        "team",
        "official",
        "diplomat",
        "negotiator",
        "representative",
        "secretary",
        "ambassador",
        "mission",
        "prince",
    }
)
# Wrongs done to someone, named inside what is condemned: "the genocide against Palestinians" names its victims.
WRONG_NOUNS = frozenset(
    {"genocide", "crime", "massacre", "atrocity", "persecution", "oppression", "occupation", "siege", "discrimination"}
)
# Who gathers in a crowd, not for a meeting: "hundreds of demonstrators gathered outside the embassy".
CROWD_NOUNS = frozenset(
    {"protester", "demonstrator", "crowd", "activist", "marcher", "rioter", "mob", "student", "worker", "supporter"}
)
# Acts that, promised on a condition ("will impose tariffs if ..."), are threats.
PUNISHMENT_TYPES = frozenset({"SANCTION", "ASSAULT", "COERCE"})
# What a protest is "at" or "against": "in protest at the closure of the consulate".
AIMED_PREPS = frozenset({"at", "against", "over"})
# "as claimed by X", "the allegations made by X": who made the claim that is denied.
CLAIM_VERBS = frozenset({"claim", "allege", "assert", "suggest", "report", "say", "level", "make", "raise", "voice"})
# What a state "is met with" is a reaction to it, not a meeting: "was met with criticism in France".
REACTION_NOUNS = frozenset(
    {
        "criticism",
        "opposition",
        "resistance",
        "skepticism",
        "scepticism",
        "condemnation",
        "silence",
        "approval",
        "praise",
        "anger",
        "outrage",
        "protest",
        "protests",
        "response",
        "force",
        "fire",
        "suspicion",
        "concern",
        "derision",
        "hostility",
        "indifference",
    }
)
# "bilateral meetings with A and B", "similar agreements with A, B and C": one with each, not all together.
ONE_BY_ONE_WORDS = frozenset({"bilateral", "separate", "similar", "respective", "individual"})
# What a state's aircraft or drones do of their own when they cross a border: an incursion, not a delivery.
INCURSION_VERBS = frozenset({"fly", "stray", "intrude", "penetrate", "violate", "overfly"})

# Auxiliaries that foretell rather than report: "the agreements will strengthen relations".
FORETELLING_AUX = frozenset({"will", "would", "could", "may", "might", "should", "'ll", "can"})
# A worry about a state of affairs blames no one: "concern over the unrest in Venezuela", "over tensions between".
CONCERN_PREPS = frozenset({"over", "about", "at", "regarding", "on"})
SITUATION_NOUNS = frozenset(
    {"situation", "tension", "unrest", "development", "crisis", "instability", "stalemate", "deadlock"}
)
CHANGE_NOUNS = frozenset({"aggravation", "deterioration", "escalation", "worsening", "rise", "increase"})
# "would defend itself": an act on oneself backs no one else.
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself"})
