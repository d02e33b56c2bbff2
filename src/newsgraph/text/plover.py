"""The PLOVER event ontology as newsgraph reads it: types, quad classes, and the words that signal them.

The lexicons are written from the PLOVER codebook's definitions (types, modes and their
"potential ambiguities"), not mined from any evaluation data. Each line is ``words: TYPE[:mode]``;
a verb is matched by its lemma, with a particle or preposition where the meaning needs one
("call for", "pull out"), and a light verb ("hold", "impose", "launch") takes its type from its
object noun ("hold talks", "impose sanctions", "launch an attack").
"""

from __future__ import annotations

import re

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

QUAD = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation", "COOPERATE": "material_cooperation", "AID": "material_cooperation",
    "RETREAT": "material_cooperation", "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict", "THREATEN": "verbal_conflict", "PROTEST": "material_conflict",
    "SANCTION": "material_conflict", "MOBILIZE": "material_conflict", "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}  # fmt: skip

# Names older PLOVER drafts (and coded data made with them) use.
OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "YIELD": "CONCEDE",
}

COOPERATIVE = frozenset(t for t, q in QUAD.items() if q.endswith("cooperation"))


def _table(spec: str) -> dict[str, str]:
    """``word, word, ...: LABEL`` entries (an entry may run over lines) as ``{word: LABEL}``."""
    out = {}
    for words, label in re.findall(r"([^:]+):\s*([A-Z]+)\b", spec):
        for w in words.split(","):
            w = " ".join(w.split())
            if w:
                out[w] = label
    return out


# Verb lemmas (optionally with a particle or preposition) that are events by themselves.
VERBS = _table(
    """
    agree, promise, pledge, commit, accept, settle, invite, propose, offer, volunteer: AGREE
    meet, meet with, visit, host, discuss, negotiate, consult, confer, talk with, talk to, hold talks,
        telephone, phone, mediate, parley, receive: CONSULT
    apologize, apologise, praise, welcome, commend, endorse, back, support, applaud, hail, laud, thank,
        congratulate, defend, recognize, recognise, forgive, ratify, approve, reaffirm, sign, normalize,
        normalise, salute, stand by, side with, rally behind: SUPPORT
    concede, yield, pardon, amnesty, acquit, regret, relent, compromise, back down, give in, cede,
        soften, exonerate: CONCEDE
    cooperate, collaborate, extradite, partner, coordinate, work with, team up, share: COOPERATE
    aid, assist, donate, fund, finance, rescue, shelter, bail out, subsidize, subsidise, lend, provide,
        supply, deliver, evacuate: AID
    withdraw, retreat, pull out, pull back, release, free, repatriate, disarm, demobilize, demobilise,
        surrender, resign, step down, relinquish, hand over, lift, ease: RETREAT
    demand, urge, ask, request, appeal, call for, call on, call upon, press, plead, petition, implore,
        beseech, exhort, insist, beg, order, pressure, pressurize, pressurise: REQUEST
    accuse, blame, criticize, criticise, condemn, denounce, decry, deplore, slam, blast, charge, allege,
        sue, indict, investigate, probe, prosecute, complain, object, rebuke, reprimand, censure,
        castigate, lambaste, assail, fault, chide, scold, question, summon, impeach, disapprove,
        lash out, hit out: ACCUSE
    reject, refuse, decline, veto, oppose, defy, rebuff, spurn, snub, turn down, dismiss, repudiate,
        resist, cancel, boycott talks, walk out, deny, renege, back out, violate, breach, flout: REJECT
    threaten, warn, menace, intimidate: THREATEN
    protest, demonstrate, rally, march, picket, riot, boycott, strike, go on strike, walk out on,
        block: PROTEST
    sanction, embargo, expel, sever, suspend, recall, downgrade, freeze, halt, cut off, break off,
        convict, fine, penalize, penalise, blacklist, prohibit: SANCTION
    mobilize, mobilise, deploy, mass, station, reinforce, patrol, muster, strengthen: MOBILIZE
    arrest, detain, jail, imprison, seize, confiscate, raid, ban, outlaw, censor, deport, evict,
        blockade, restrict, occupy, annex, sentence, apprehend, round up, crack down, shut down,
        expropriate, nationalize, nationalise, intern: COERCE
    attack, kill, bomb, shell, shoot, assault, invade, ambush, clash, fight, battle, wound, injure,
        murder, assassinate, massacre, behead, torture, rape, beat, stab, destroy, demolish, raze,
        explode, detonate, bombard, hack, hack into, kidnap, abduct, hijack, execute, slay, lynch, storm,
        strafe, torch, loot, gun down, open fire, fire on, fire at, capture, overrun, besiege,
        shoot down, target, strike at, hit, pound, burn, blow up, abuse, break into: ASSAULT
    """
)

# Event nouns: as the object of a light verb ("hold talks"), or standing alone in a role that
# reports an event ("the summit took place", "after the talks", "the attack killed").
NOUNS = _table(
    """
    agreement, deal, accord, treaty, pact, truce, memorandum, compromise, settlement, promise, pledge,
        offer, invitation, commitment, readiness, willingness, intention: AGREE
    summit, talks, meeting, negotiation, negotiations, consultation, consultations, visit, conversation,
        discussion, discussions, mediation, dialogue, conference, phone call, telephone call: CONSULT
    support, praise, recognition, endorsement, solidarity, gratitude, condolences, congratulations: SUPPORT
    concession, apology, regret, amnesty, pardon: CONCEDE
    cooperation, exercises, drills, maneuvers, manoeuvres, operation, patrols, collaboration,
        intelligence: COOPERATE
    aid, assistance, help, grant, loan, loans, credit, supplies, asylum, refuge, relief, donation,
        funding, funds, money, food, medicine, weapons, arms, ammunition, equipment: AID
    withdrawal, pullout, release, retreat, ceasefire, cease-fire, resignation, evacuation, access,
        prisoners, hostages, troops, forces, soldiers, observers, inspectors, monitors: RETREAT
    demand, demands, request, appeal, call, calls, plea: REQUEST
    accusation, accusations, allegation, allegations, charges, lawsuit, suit, complaint, investigation,
        probe, inquiry, criticism, condemnation, concern, concerns, outrage, anger, disappointment,
        opposition, protest: ACCUSE
    rejection, refusal, veto: REJECT
    threat, threats, warning, warnings, ultimatum: THREATEN
    protest, protests, demonstration, demonstrations, rally, rallies, march, riot, riots, strike,
        strikes, boycott, sit-in, hunger strike, general strike, walkout, blockade: PROTEST
    sanctions, embargo, expulsion, ties, relations, contacts: SANCTION
    deployment, buildup, build-up, mobilization, mobilisation, reinforcements, alert: MOBILIZE
    arrest, arrests, detention, crackdown, curfew, ban, raid, raids, emergency, martial law, blockade,
        censorship, restrictions, control, siege: COERCE
    attack, attacks, airstrike, airstrikes, air strike, air strikes, bombing, bombings, shelling,
        assault, invasion, massacre, killing, killings, assassination, offensive, hack, hacking,
        cyberattack, cyberattacks, cyber attack, cyber attacks, ransomware attack, ambush, clashes,
        clash, fighting, battle, war, strike, strikes, shooting, explosion, blast, rocket attack,
        missile strike, drone strike, fire, hostage, torture, abuse, abuses, cleansing, ethnic cleansing,
        atrocities: ASSAULT
    """
)

# Nouns that stand alone as an event report (subject of "took place", after "during the ...").
STANDALONE_NOUNS = frozenset(
    """
    summit talks meeting negotiations consultations visit conversation discussions dialogue
    attack attacks airstrike airstrikes bombing bombings shelling assault invasion massacre killing killings
    assassination offensive hack hacking cyberattack cyberattacks ambush clashes clash fighting shooting
    protest protests demonstration demonstrations rally rallies riot riots strike strikes boycott sit-in
    walkout
    sanctions embargo arrest arrests crackdown curfew deployment buildup withdrawal pullout ceasefire
    cease-fire
    raid raids torture cleansing atrocities
    """.split()
)

# Light verbs: the event is their object noun. Some change what the noun means.
LIGHT_VERBS = frozenset(
    """
    hold have conduct stage launch carry mount wage begin start resume continue organize organise lead
    make issue file open impose lift ease sign reach conclude strike provide send deliver give grant offer
    extend pledge declare announce order approve call go take set express voice raise step seal broker
    restore establish normalize normalise cut sever break suspend halt freeze end deploy mass move put
    unleash spark trigger stage join enter receive seek reiterate repeat renew lodge upgrade boost increase
    build
    allow admit engage participate cancel prohibit violate breach
    """.split()
)

# (light verb, object noun class) pairs whose type differs from the noun's own.
LIGHT_OVERRIDES: dict[tuple[str, str], str] = {
    ("lift", "SANCTION"): "RETREAT", ("ease", "SANCTION"): "RETREAT", ("lift", "COERCE"): "CONCEDE",
    ("ease", "COERCE"): "CONCEDE", ("lift", "PROTEST"): "RETREAT", ("end", "PROTEST"): "CONCEDE",
    ("end", "COERCE"): "RETREAT", ("end", "SANCTION"): "RETREAT", ("sign", "AGREE"): "SUPPORT",
    ("ratify", "AGREE"): "SUPPORT", ("lodge", "PROTEST"): "ACCUSE", ("lodge", "ACCUSE"): "ACCUSE",
    ("reiterate", "PROTEST"): "ACCUSE", ("upgrade", "SANCTION"): "SUPPORT",
    ("downgrade", "SANCTION"): "SANCTION", ("cancel", "PROTEST"): "CONCEDE",
    ("call off", "PROTEST"): "CONCEDE", ("cancel", "COERCE"): "CONCEDE", ("cancel", "CONSULT"): "REJECT",
    ("call off", "CONSULT"): "REJECT", ("cancel", "AGREE"): "REJECT", ("prohibit", "AID"): "SANCTION",
    ("violate", "RETREAT"): "ASSAULT", ("breach", "RETREAT"): "ASSAULT", ("violate", "AGREE"): "REJECT",
    ("breach", "AGREE"): "REJECT", ("receive", "RETREAT"): "RETREAT", ("allow", "RETREAT"): "RETREAT",
    ("admit", "RETREAT"): "RETREAT", ("strengthen", "RETREAT"): "MOBILIZE",
    ("boost", "RETREAT"): "MOBILIZE", ("increase", "RETREAT"): "MOBILIZE",
    ("build", "RETREAT"): "MOBILIZE", ("reinforce", "RETREAT"): "MOBILIZE",
    ("station", "RETREAT"): "MOBILIZE", ("engage", "RETREAT"): "ASSAULT", ("offer", "AID"): "AGREE",
    ("offer", "CONSULT"): "AGREE", ("pledge", "AID"): "AGREE", ("promise", "AID"): "AGREE",
    ("offer", "COOPERATE"): "AGREE", ("send", "RETREAT"): "MOBILIZE", ("deploy", "RETREAT"): "MOBILIZE",
    ("mass", "RETREAT"): "MOBILIZE", ("move", "RETREAT"): "MOBILIZE", ("put", "MOBILIZE"): "MOBILIZE",
    ("cut", "SANCTION"): "SANCTION", ("sever", "SANCTION"): "SANCTION", ("break", "SANCTION"): "SANCTION",
    ("restore", "SANCTION"): "SUPPORT", ("establish", "SANCTION"): "SUPPORT",
    ("normalize", "SANCTION"): "SUPPORT", ("normalise", "SANCTION"): "SUPPORT",
    ("resume", "SANCTION"): "SUPPORT", ("cut", "AID"): "SANCTION", ("suspend", "AID"): "SANCTION",
    ("halt", "AID"): "SANCTION", ("freeze", "AID"): "SANCTION", ("end", "AID"): "SANCTION",
    ("suspend", "CONSULT"): "SANCTION", ("halt", "CONSULT"): "SANCTION",
    ("suspend", "COOPERATE"): "SANCTION", ("halt", "COOPERATE"): "SANCTION",
    ("freeze", "COOPERATE"): "SANCTION", ("end", "COOPERATE"): "SANCTION",
    ("cut", "COOPERATE"): "SANCTION", ("suspend", "AGREE"): "SANCTION", ("end", "ASSAULT"): "RETREAT",
    ("halt", "ASSAULT"): "RETREAT", ("take", "RETREAT"): "ASSAULT", ("take", "ASSAULT"): "ASSAULT",
    ("take", "COERCE"): "COERCE", ("set", "ASSAULT"): "ASSAULT", ("open", "ASSAULT"): "ASSAULT",
    ("open", "ACCUSE"): "ACCUSE", ("launch", "ACCUSE"): "ACCUSE", ("receive", "AID"): "AID",
    ("seek", "AID"): "REQUEST", ("seek", "CONSULT"): "REQUEST", ("join", "ASSAULT"): "ASSAULT",
    ("enter", "CONSULT"): "CONSULT", ("enter", "AGREE"): "AGREE", ("release", "RETREAT"): "RETREAT",
    ("free", "RETREAT"): "RETREAT",
}  # fmt: skip

# Verbs whose event is their complement: "threatened to attack", "vowed to help", "urged X to withdraw".
INTENT_VERBS = frozenset("vow pledge promise swear".split())
PLAN_VERBS = frozenset(
    "plan intend prepare decide aim expect hope want wish seek mean agree offer propose invite".split()
)
DENY_VERBS = frozenset("deny".split())
REPORT_VERBS = frozenset(
    "say tell state add note claim report announce confirm insist "
    "argue believe think stress reiterate assert write".split()
)
ALLEGE_VERBS = frozenset("accuse allege claim charge blame suspect".split())

# Senses that depend on the object: "deny the allegations" is no rejection, "deny a visa" is.
DENY_REJECT_OBJECTS = frozenset(
    "request demand application access entry permission visa visas "
    "appeal bid proposal offer allocation permit license licence "
    "approval".split()
)
# What "block" stops: a road is a protest's obstruction; a resolution is a rejection.
BLOCKED_PLACES = frozenset(
    "road roads street streets bridge bridges highway highways "
    "entrance entrances traffic transport railway railways port "
    "ports border crossing crossings access route routes motorway "
    "square".split()
)

# ASSAULT and COERCE modes from the words of the sentence, most specific first.
MODE_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "cyber",
        frozenset(
            "cyber cyberattack cyberattacks cyber-attack hack hacked "
            "hacking hacker hackers ransomware malware computer computers "
            "network networks systems server servers ddos phishing "
            "website websites data breach cybercrime".split()
        ),
    ),
    ("suicide-attack", frozenset("suicide bomber bombers".split())),
    (
        "explosives",
        frozenset(
            "bomb bombs bombing bombed explosive explosives ied ieds "
            "blast landmine mine mines grenade grenades car-bomb".split()
        ),
    ),
    ("drone", frozenset("drone drones uav uavs".split())),
    (
        "aerial",
        frozenset(
            "airstrike airstrikes air warplane warplanes jets jet "
            "helicopter helicopters aircraft bomber".split()
        ),
    ),
    (
        "heavy-weapons",
        frozenset(
            "artillery rocket rockets mortar mortars tank tanks shell "
            "shells shelling missile missiles howitzer".split()
        ),
    ),
    ("unconventional", frozenset("chemical nuclear sarin chlorine biological radiological".split())),
    ("crowd-control", frozenset("tear teargas water-cannon cannon cannons rubber".split())),
    (
        "abduct",
        frozenset(
            "kidnap kidnapped kidnapping abduct abducted abduction hijack hijacked hostage hostages".split()
        ),
    ),
    ("torture", frozenset("torture tortured torturing".split())),
    ("sexual", frozenset("rape raped sexual".split())),
    ("targeted", frozenset("assassinate assassinated assassination execute executed execution".split())),
    (
        "firearms",
        frozenset(
            "gun guns gunmen gunman gunfire shot shoot shooting shot rifle rifles pistol fire fired".split()
        ),
    ),
    (
        "primitive",
        frozenset(
            "knife knives machete machetes stab stabbed stabbing "
            "stones rocks arson torched burned burnt".split()
        ),
    ),
    ("beat", frozenset("beat beaten beating".split())),
)
COERCE_MODES = {
    "arrest": "arrest", "detain": "arrest", "jail": "arrest", "imprison": "arrest", "sentence": "arrest",
    "apprehend": "arrest", "round up": "arrest", "intern": "arrest", "seize": "seize",
    "confiscate": "seize", "raid": "seize", "occupy": "seize", "annex": "seize", "expropriate": "seize",
    "nationalize": "seize", "nationalise": "seize", "ban": "restrict", "outlaw": "restrict",
    "restrict": "restrict", "blockade": "restrict", "block": "restrict", "crack down": "restrict",
    "censor": "censor", "shut down": "censor", "deport": "deport", "evict": "deport", "expel": "deport",
    "curfew": "curfew", "martial law": "martial-law", "emergency": "martial-law",
}  # fmt: skip
PROTEST_MODES = {
    "riot": "riot", "riots": "riot", "strike": "strike", "strikes": "strike", "go on strike": "strike",
    "walkout": "strike", "general strike": "strike", "hunger strike": "hunger", "boycott": "boycott",
    "blockade": "obstruct", "block": "obstruct", "sit-in": "obstruct", "demonstrate": "demo",
    "demonstration": "demo", "demonstrations": "demo", "rally": "demo", "rallies": "demo", "march": "demo",
    "protest": "demo", "protests": "demo", "picket": "demo",
}  # fmt: skip
CONSULT_MODES = {
    "visit": "visit",
    "host": "visit",
    "receive": "visit",
    "telephone": "phone",
    "phone": "phone",
    "phone call": "phone",
    "telephone call": "phone",
    "call": "phone",
    "mediate": "third-party",
    "mediation": "third-party",
}

# Who strikes: workers strike, armies strike targets.
WORKER_WORDS = frozenset(
    "worker workers union unions employee employees staff teacher "
    "teachers miner miners doctor doctors nurse nurses driver "
    "drivers pilot pilots student students dockers".split()
)
# Objects that make "withdraw"/"pull out" a sanction (leaving talks, a treaty) and not a retreat.
INSTITUTION_WORDS = frozenset(
    "treaty agreement deal accord talks negotiations organization "
    "organisation pact alliance convention council union court "
    "membership mission program programme process".split()
)
DIPLOMAT_WORDS = frozenset(
    "ambassador ambassadors diplomat diplomats envoy envoys embassy consul consulate attache staff".split()
)
MILITARY_WORDS = frozenset(
    "troops forces soldiers army armies military units tanks warships "
    "ships battalion battalions brigade brigades division divisions "
    "fighters militia militias navy aircraft jets missiles artillery "
    "police".split()
)
PEACE_WORDS = frozenset("peacekeepers peacekeeping".split())
