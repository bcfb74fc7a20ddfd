"""The default, data-driven extractor: predicate patterns over the dependency parse."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..model import ActorRef, AnnotatedArticle, EventMention, Sentence, sha256_hex
from ..text.tree import Tree
from . import abstain, calibration
from . import attributes as attr
from . import precision as prec
from .cameo import best_outcome, cameo_pattern, may_veto, predicate_outcome, specific_outcome
from .ontology import load_cameo_settings, load_ontology, load_patterns, load_precision
from .patterns import Pattern, compiled, for_clauses, in_a_name, match_noun, match_verb, object_heads
from .roles import (
    Mention,
    Roles,
    actor_key,
    actor_mentions,
    group_without_country,
    is_person,
    names_only,
    object_relative,
    placed_groups,
    quoted_spans,
    role_cue,
    stative_passive,
    subject_person,
)

NOUN_LICENCE_DEPS = ("dobj", "nsubjpass", "attr", "nsubj", "ROOT", "appos", "conj")
TRANSPARENT = ("relcl", "conj", "parataxis")  # a trigger under these is its own event
SYMMETRIC_WITH = ("with", "between")
PLACE_PREPS = ("in", "at", "into", "on", "near", "inside", "across", "over", "throughout")
TIME_LABELS = ("DATE", "TIME")
TARGET_PREPS = ("against", "on", "at", "to", "into", "of", "from", "for", "over", "upon")


@dataclass
class Trigger:
    i: int
    pattern: Pattern
    light: int | None = None  # the verb carrying a nominalisation


@dataclass(frozen=True)
class Evidence:
    """What the sentence says about a mention beyond its record: weighs its confidence and whether it
    is kept (see data/precision.yaml)."""

    anaphoric: bool = False  # "the call", "the leaders held ...": an event reported before
    group: bool = False  # told of by a plural subject ("they", "the leaders"): an event of several parties
    commentary: bool = False  # "the call fits into a wider pattern"
    document: bool = False  # "the proposal calls for"
    noun_only: bool = False  # an event noun no verb carries
    hedged: bool = False  # "allegedly", "suspected": only alleged
    possible: bool = False  # "could help", "might meet": what may happen, no act and no stated intent
    reported: bool = False  # reported speech: someone says it happened
    conjecture: bool = False  # a future act no party to it announces ("X would beat Y", "analysts say X will help Y")
    dropped: str | None = None  # why no event is coded: "natural cause", "background"
    recipient_due: bool = True  # a recipient is expected: the type requires one, or the act has a slot for it
    target_guessed: bool = False  # no recipient named in the act's own phrase: a purpose clause's or a place stands in
    pronoun_party: bool = False  # a side is a pronoun resolved to a person another sentence named
    embedded: bool = False  # the act's verb (or its noun's light verb) is not the head of the sentence
    reporting_frame: bool = False  # embedded only as what the sentence's head verb of saying reports ("..., X said")
    titled: frozenset[str] = frozenset()  # actors named with a political office ("Alabama Sen. Jeff Sessions")


CAMEO_USES = ("fallback", "primary", "off", "override", "veto")


class RuleExtractor:
    """Extractor over ``annotated`` sentences; patterns come from ``events/data``. ``cameo`` says how
    the CAMEO verb lexicon is used beside the hand patterns (default: data/cameo.yaml ``use``)."""

    def __init__(self, cameo: str | None = None) -> None:
        compiled()
        self.cameo = cameo or str(load_cameo_settings()["use"])
        if self.cameo not in CAMEO_USES:
            raise ValueError(f"cameo: {self.cameo!r} is not one of {', '.join(CAMEO_USES)}")
        self.ontology = load_ontology()
        self.light_verbs = {str(x) for x in load_patterns()["light_verbs"]}
        self.reporting = {str(x) for x in load_patterns()["reporting_verbs"]}
        self.nominal_heads = {str(x) for x in load_patterns()["nominal_heads"]}
        self.motion_verbs = {str(x) for x in load_patterns()["motion_verbs"]}
        self.occasion_preps = {str(x) for x in load_patterns()["occasion_preps"]}
        self.place_targets = {str(x) for x in load_patterns()["place_target_types"]}
        self.placeless_modes = {str(x) for x in load_precision().get("placeless_modes", [])}
        self.speech_verbs = {str(x) for x in load_cameo_settings()["predication"]["speech_verbs"]}

    def extract(self, annotated: AnnotatedArticle) -> list[EventMention]:
        return [m for m, _ in self.featured(annotated)]

    def featured(self, annotated: AnnotatedArticle) -> list[tuple[EventMention, dict[str, float]]]:
        """The coded mentions (as ``extract``), each with the features its confidence is computed from
        (calibration.features): what the confidence model is fitted on."""
        if abstain.discarded_article(annotated):  # film, sport, celebrity, weather: no political event
            return []
        return [(m, f) for m, ev, f in self.scored(annotated) if _coded(m, ev)]

    def candidates(self, annotated: AnnotatedArticle) -> list[tuple[EventMention, Evidence]]:
        """Every act the patterns find, with the evidence that decides whether it is coded (an audit
        view: ``extract`` keeps those with a participant and no reason to drop them)."""
        return [(m, ev) for m, ev, _ in self.scored(annotated)]

    def scored(self, annotated: AnnotatedArticle) -> list[tuple[EventMention, Evidence, dict[str, float]]]:
        """Every act the patterns find, with its evidence and its confidence's features."""
        mentions = actor_mentions(annotated)
        by_sent: dict[int, list] = {}
        for tok in annotated.tokens:
            by_sent.setdefault(tok.sent, []).append(tok)
        found: list[tuple[EventMention, Evidence]] = []
        antecedent, sole = None, False  # the one person the previous sentence's subject named ("he", "she")
        quoted = quoted_spans(annotated)  # a pronoun in quoted words speaks from the speaker's side
        for s_i, sentence in enumerate(annotated.sentences):
            toks = by_sent.get(s_i, [])
            if not toks:
                continue
            tree = Tree(toks)
            inside = placed_groups([m for m in mentions if sentence.start <= m.start < sentence.end])
            roles = Roles(tree, inside, antecedent, sole, quoted)
            if not abstain.discarded_sentence(sentence.text):
                found += self._sentence(annotated, s_i, sentence, tree, roles)
            antecedent = subject_person(roles)
            sole = names_only(roles, antecedent)
        out: list[tuple[EventMention, Evidence, dict[str, float]]] = []
        for m, ev in found:
            resolved, features = self._resolved(m, ev, [x for x, _, _ in out])
            out.append((resolved, ev, features))
        return out

    # ------------------------------------------------------------------ back-references
    def _resolved(
        self, m: EventMention, ev: Evidence, before: list[EventMention]
    ) -> tuple[EventMention, dict[str, float]]:
        """Participants (and date) of a reference to an event reported earlier; then its confidence (and the
        features it is computed from)."""
        inherited_date = False
        partial = m.symmetric and len(_participants(m)) == 1  # "X had a call" after "X and Y held a call"
        ante = _antecedent(m, before, ev.group) if ev.anaphoric or partial else None
        if ante is not None:
            m = dataclasses.replace(
                m,
                source_actors=ante.source_actors,
                target_actors=ante.target_actors,
                symmetric=ante.symmetric,
                initiator=m.initiator or ante.initiator,
                mode=m.mode or ante.mode,
                cameo=ante.cameo if not m.mode else m.cameo,
            )
            if ante.date and (m.date is None or (m.date_precision == "week" and ante.date_precision == "day")):
                m = dataclasses.replace(
                    m, date=ante.date, date_precision=ante.date_precision, date_implied=ante.date_implied
                )
                inherited_date = True
        if m.mode in self.placeless_modes:
            m = dataclasses.replace(m, location=None)
        features = calibration.features(m, _weak_signs(m, ev, ante is not None, inherited_date), ev)
        return dataclasses.replace(m, confidence=_confidence(features)), features

    # ------------------------------------------------------------------ triggers
    def _triggers(self, tree: Tree, roles: Roles) -> list[Trigger]:
        found = self._pattern_triggers(tree, roles, self.cameo == "primary")
        if not found and self.cameo == "fallback":  # no hand pattern fires in the sentence: the lexicon
            found = {i: Trigger(i, p) for i in tree.tokens if (p := self._lexicon_pattern(tree, i)) is not None}
        return list(found.values())

    def _pattern_triggers(self, tree: Tree, roles: Roles, lexicon_first: bool) -> dict[int, Trigger]:
        found: dict[int, Trigger] = {}
        for i, tok in tree.tokens.items():
            # "detained persons": an adjective, not an act; "Volatiles Investigating Polar ...": a word of a name
            if tok.dep in ("amod", "compound") or in_a_name(tree, i):
                continue
            if tok.pos in ("VERB", "AUX") or tok.tag.startswith("VB"):
                p = self._verb_pattern(tree, i, roles, lexicon_first) or self._predication(tree, i, roles)
                if p is not None and (
                    p.objects or tree.lemma(i) not in self.reporting or p.with_ or p.modal or p.clause_target
                ):
                    found[i] = Trigger(i, p)
            elif tok.pos in ("NOUN", "PROPN"):
                p = match_noun(tree, i)
                if p is not None and self._licensed(tree, i, roles):
                    found[i] = Trigger(i, p, self._light(tree, i))
        for t in list(found.values()):  # "held talks": the verb pattern already covers the noun
            if t.pattern.noun and t.light in found and not found[t.light].pattern.noun:
                if self._sense_by_complement(tree, t, found[t.light]):
                    del found[t.light]  # "opened with a call for the party to unify": an appeal, no phone call
                elif found[t.light].pattern.objects:
                    del found[t.i]
        for t in list(found.values()):
            if _pursues_own_act(tree, t, found):
                del found[t.i]
        return found

    def _lexicon_pattern(self, tree: Tree, v: int) -> Pattern | None:
        tok = tree.tokens[v]
        if tok.dep in ("amod", "compound") or tok.pos != "VERB" or in_a_name(tree, v):
            return None
        p = cameo_pattern(tree, v)
        return p if p is not None and (p.objects or tree.lemma(v) not in self.reporting) else None

    def _verb_pattern(self, tree: Tree, v: int, roles: Roles, lexicon_first: bool) -> Pattern | None:
        """The hand pattern, or with ``lexicon_first`` the CAMEO lexicon's where it lists the verb (it
        then decides, also that the verb codes no event); with ``override`` the lexicon's where one of
        its patterns naming the verb's words fits and the hand pattern names no object words (it then
        decides), the hand pattern elsewhere; with ``veto`` likewise, but only where that pattern codes
        no event."""
        if lexicon_first and tree.tokens[v].pos == "VERB" and best_outcome(tree, v) is not None:
            return cameo_pattern(tree, v)
        hand = match_verb(tree, v, roles.is_actor)
        if hand is None and tree.children(v, "oprd") and tree.tokens[v].pos == "VERB":
            # the naming sense ("called Obama a liar"): the CAMEO patterns naming the predicate say which
            # names are criticism ("CALL * LIAR", "* DICTATOR", "* ILLEGITIMATE": 111; "* CRIMINAL": 1121)
            named = specific_outcome(tree, v)
            return cameo_pattern(tree, v, named) if named is not None else None
        if hand is not None and hand.type == "THREATEN" and prec.past_warning(tree, v):
            # "warned that Trump had elevated the dangers": fault found with the clause's subject, no threat
            rule = f"{hand.rule} + past warning"
            return dataclasses.replace(hand, type="ACCUSE", mode="disapprove", clause_target=True, rule=rule)
        if self.cameo in ("override", "veto") and tree.tokens[v].pos == "VERB" and not (hand and hand.objects):
            # a hand pattern on the lemma alone cannot tell the verb's senses apart ("struck a village",
            # "struck down a law"): a lexicon pattern naming the words around it does -- with "veto" only
            # where it says the verb codes no event ("[---]"), with "override" also which event
            if self.cameo == "veto" and not may_veto(tree, v):
                return hand  # no pattern of the verb coding no event can fit here: nothing to veto
            specific = specific_outcome(tree, v)
            if specific is not None and (self.cameo == "override" or specific.code is None):
                return cameo_pattern(tree, v, specific)
        return hand

    def _predication(self, tree: Tree, v: int, roles: Roles) -> Pattern | None:
        """A verb of saying whose clause says of an actor what the lexicon's naming verbs name or its blaming
        verbs blame for ("said Y was a liar": CALL * LIAR; "tweeted that Y's hostility was a mistake":
        DESCRIBE * (AS MISTAKE); "said Y caused death": BLAME * (FOR DEATH)): the sayer accuses the actor the
        clause's subject names (data/cameo.yaml ``predication``)."""
        if tree.tokens[v].pos != "VERB" or tree.lemma(v) not in self.speech_verbs:
            return None
        for c in tree.children(v, "ccomp"):
            if not any(roles.phrase(s) for s in tree.children(c, "nsubj")):
                continue
            out = predicate_outcome(tree, c)
            p = cameo_pattern(tree, v, out) if out is not None else None
            if out is not None and p is not None:  # the words named are the clause's, not the verb's objects
                rule = f"said:{out.code}:{out.text}"
                return dataclasses.replace(p, objects=frozenset(), clause_target=True, rule=rule)
        return None

    def _light(self, tree: Tree, n: int) -> int | None:
        tok = tree.tokens[n]
        h = tree.head(n)
        if h is None:
            return None
        if tok.dep in ("dobj", "nsubjpass") and tree.lemma(h) in role_cue("causative_verbs"):
            return None  # "the raid drew protests", "sparked clashes": the subject caused it, did not do it
        if tok.dep in ("dobj", "nsubjpass") and tree.lemma(h) in role_cue("reference_verbs"):
            return None  # "citing the attack", "recalled the talks": the subject speaks of it, did not do it
        if tok.dep in ("dobj", "dative") and tree.lemma(h) in role_cue("audience_verbs"):
            return None  # "told a Senate committee hearing": the subject speaks at it, the committee holds it
        if tok.dep in ("dobj", "nsubjpass", "attr", "nsubj") and tree.tokens[h].pos in ("VERB", "AUX"):
            # "the call fits into a pattern", "followed an earlier conversation": a predicate about the
            # event, not the verb carrying it
            # a light verb carries its object ("provided aid"), never its subject ("the offensive will provide
            # the template": a predicate about the offensive, which lends it no tense)
            light = tree.lemma(h) in self.light_verbs and tok.dep != "nsubj"
            carries = light or prec.carries_event(tree, h)
            return h if carries or (tok.dep != "nsubj" and not prec.commentary_verb(tree, h)) else None
        if (
            tok.dep == "pobj"
            and tree.lemma(h) == "of"
            and (up := tree.head(h)) is not None
            and tree.lemma(up) in self.nominal_heads
        ):
            return self._light(tree, up) or up  # "the creation of a zone"
        if tok.dep == "pobj":  # "engaged in talks", "arrived on a visit", "returned for talks"
            p = tree.head(h)
            if tree.lemma(h) in self.occasion_preps:  # "insisted at a rally": the occasion, not the act
                return None
            if p is not None and tree.tokens[p].pos in ("VERB", "AUX") and tree.lemma(p) in self.light_verbs:
                return p
            if p is not None and tree.lemma(p) in self.motion_verbs and tree.lemma(h) in ("for", "on"):
                return p
        return None

    def _licensed(self, tree: Tree, n: int, roles: Roles) -> bool:
        tok = tree.tokens[n]
        if tok.dep in NOUN_LICENCE_DEPS or self._light(tree, n) is not None:
            return True
        owners = tree.children(n, "poss", "amod")
        return any(roles.is_actor(o) for o in owners) or bool(roles.preps(n, ("by", "between")))

    def _governor(self, tree: Tree, t: Trigger, triggers: dict[int, Trigger]) -> int | None:
        """The trigger whose content ``t`` is ("agreed to cooperate", "threatened to attack"), if any."""
        j = t.i
        while True:
            dep = tree.tokens[j].dep
            h = tree.head(j)
            first = _first_conjunct(tree, j)
            if first != j and tree.tokens[first].dep == "xcomp":
                j = first  # "promising to bomb X, ... and deport Y": the conjuncts share the infinitive's governor
                continue
            if h is None or dep in TRANSPARENT or (h in triggers and self._spliced(tree, j, h, triggers[h])):
                return None
            if h in triggers and h != t.light:
                same = triggers[h].pattern.type == t.pattern.type
                purpose = bool(triggers[h].pattern.content) and "to" in tree.child_lemmas(j, "aux")
                return h if dep != "advcl" or same or purpose else None
            if h == t.light and t.light in triggers:
                return h
            j = h

    def _sense_by_complement(self, tree: Tree, noun: Trigger, verb: Trigger) -> bool:
        """A light verb whose pattern reads its object word as an act of another type ("opened with a call": talks)
        carries the noun, whose own complement tells its sense ("a call for the party to unify": an appeal): the
        noun's act is the one coded. A verb acting on the noun's act ("rejected a call for", "accepted demands")
        is no light verb, and stays."""
        light = tree.lemma(verb.i) in self.light_verbs and tree.lemma(noun.i) in verb.pattern.objects
        return light and bool(noun.pattern.with_) and noun.pattern.type != verb.pattern.type

    def _spliced(self, tree: Tree, c: int, h: int, head: Trigger) -> bool:
        """ "Clinton hit Sanders on immigration, she hit him on guns": a finite clause with its own subject before
        the verb it hangs on is no complement of that verb; a complement clause follows its verb, and only direct
        speech is fronted before a verb of saying (Quirk et al. 1985, 16.31; 15.53). The parse made a comma-spliced
        clause the "ccomp" of the next: it is an act of its own, not the content of the other."""
        if tree.tokens[c].dep != "ccomp" or c > h or not tree.children(c, "nsubj"):
            return False
        return tree.lemma(h) not in self.reporting and not (head.pattern.modal or head.pattern.clause_target)

    # ------------------------------------------------------------------ mentions
    def _sentence(
        self, annotated: AnnotatedArticle, s_i: int, sentence: Sentence, tree: Tree, roles: Roles
    ) -> list[tuple[EventMention, Evidence]]:
        triggers = {t.i: t for t in self._triggers(tree, roles) if prec.local_veto(tree, t.i) is None}
        depth = lambda t: (tree.depth(t.light if t.light is not None else t.i), t.i)  # noqa: E731
        governed = {t.i: self._governor(tree, t, triggers) for t in triggers.values()}
        content: dict[int, Trigger] = {}
        for t in sorted(triggers.values(), key=depth):
            if (gov := governed[t.i]) is not None:
                content.setdefault(gov, t)
        kept = [t for t in triggers.values() if governed[t.i] is None and _content_fits(t, content.get(t.i))]
        kept = [t for t in kept if not attr.habitual(tree, t.i, t.light)]
        acts = {x for t in triggers.values() for x in (t.i, t.light) if x is not None}
        kept = [t for t in kept if not prec.under_stance(tree, _anchor(t), acts - {t.i, t.light})]
        kept.sort(key=depth)
        # the next sentence describes the talks mentioned last ("X followed an earlier call between Y and
        # Z. During that discussion, ..."): only that mention takes its topics
        talks = [t.i for t in kept if t.pattern.type == "CONSULT"]
        last_talks = max(talks) if talks else None
        return [
            self._mention(annotated, s_i, sentence, tree, roles, t, content.get(t.i), follow_on=t.i == last_talks)
            for t in kept
        ]

    def _type(self, tree: Tree, t: Trigger, status: str, content: Trigger | None) -> tuple[str, str | None, str]:
        """Type, mode, and the rule that gave them (the pattern, then any override)."""
        p = t.pattern
        type_, mode, rule = p.type, p.mode or self._mode(tree, t), p.rule
        if type_ == "ASSAULT" and prec.verbal_attack(tree, _attack_heads(tree, t)):  # "tweet attacks": criticism
            type_, mode, rule = "ACCUSE", "disapprove", f"{rule} + verbal"
        inner = dict(p.content).get(content.pattern.type) if content is not None else None
        if inner is not None and content is not None:  # "vowed to fight": a threat; "ordered ... to close": coercion
            kept = mode if inner == type_ else None  # "struck to demand X": still a strike
            type_, mode, rule = inner, kept, f"{rule} + content {content.pattern.rule}"
        elif content is not None and _by_means(tree, t, content):  # "hit back by accusing him": an accusation
            type_, mode = content.pattern.type, content.pattern.mode or self._mode(tree, content)
            rule = f"{rule} + means {content.pattern.rule}"
        elif status in ("planned", "hypothetical") and type_ in self.ontology.future_as:
            type_, mode, rule = self.ontology.future_as[type_], None, f"{rule} + future_as {type_}"
        elif status == "denied" and type_ in self.ontology.denied_as:  # "failed to reach agreement"
            type_, mode, rule = self.ontology.denied_as[type_], None, f"{rule} + denied_as {type_}"
        return type_, mode if mode in self.ontology.types[type_].modes else None, rule

    def _mention(
        self,
        annotated: AnnotatedArticle,
        s_i: int,
        sentence: Sentence,
        tree: Tree,
        roles: Roles,
        t: Trigger,
        content: Trigger | None = None,
        follow_on: bool = True,
    ) -> tuple[EventMention, Evidence]:
        text = annotated.article.text
        p = t.pattern
        status = attr.status(tree, t.i, t.light)
        type_, mode, rule = self._type(tree, t, status, content)
        source, target, initiator = self._roles(tree, roles, t)
        alone = _unilateral(tree, t)
        if alone:  # "declared a unilateral ceasefire in south Lebanon": directed to no one
            target = []
        if type_.lower() in role_cue("against_not_recipient"):  # "defended his record against ISIS": ISIS is opposed
            target = [m for m in target if not _opposed(tree, m, _anchor(t))]
        if type_.lower() in role_cue("from_place_types"):  # "their withdrawal from the Bosnian town of Gorazde"
            target = [m for m in target if not _left_from(tree, m, t)]
        if type_ == "ASSAULT" and _attack_between_persons(tree, t, source, target):  # "Sanders attacked Clinton"
            type_, mode, rule = "ACCUSE", "disapprove", f"{rule} + persons"
        joint = not p.symmetric and not target and _reciprocal(tree, roles, t, source)
        guessed = not target and not p.symmetric and not joint and not alone
        if guessed:
            target = self._default_target(tree, roles, t, type_, source)
            target = [m for m in target if not any(prec.same_actor(m.ref, s.ref) for s in source)]
        source, target = _named_actors(source), _named_actors(target)
        mediators = self._mediators(tree, roles, t) if p.symmetric else []
        if mediators:
            source = _merge(source, target, mediators)
            target, mode = [], mode or "third-party"
        anchor = _anchor(t)
        anchors = [x for x in (t.i, t.light) if x is not None] + object_heads(tree, t.i)
        date, precision, implied = attr.event_date(annotated, sentence, tree, anchor, status, anchors)
        ents = [(e.start, e.end, e.label) for e in annotated.entities if sentence.start <= e.start < sentence.end]
        actor_starts = {m.start for m in source}  # a target may be the place itself ("shelled X")
        trigger = tree.span_text(sorted({t.i, *(tree.children(t.i, "prt"))}))
        topic_texts = [sentence.text] + (self._follow_on(annotated, s_i, type_) if follow_on else [])
        quotes = tuple(q.text for q in annotated.quotes if sentence.start <= q.start < sentence.end)
        mention = EventMention(
            id=sha256_hex(f"{annotated.article.id}|{sentence.start}-{sentence.end}|{type_}|{trigger}|{t.i}", 16),
            article_id=annotated.article.id,
            type=type_,
            mode=mode,
            cameo=p.cameo if p.cameo and type_ == p.type else self.ontology.cameo_for(type_, mode),
            source_actors=tuple(m.ref for m in source),
            target_actors=tuple(m.ref for m in target),
            date=date,
            date_precision=precision,
            date_implied=implied,
            status=status,
            topics=attr.topics(topic_texts, attr.free_phrases(tree, anchors, text)),
            sentence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            sentence_index=s_i,
            trigger=trigger,
            location=None if mode in self.placeless_modes else attr.location(tree, anchors, text, ents, actor_starts),
            initiator=initiator,
            reporting_source=attr.reporting_source(tree, anchor, text),
            quotes=quotes,
            symmetric=p.symmetric or joint,
            numbers=attr.numbers(tree, text),
            rule=rule,
        )
        ev = self._evidence(tree, roles, t)
        dropped = self._dropped(annotated, sentence, tree, t, anchors, date) or _negated(status, rule)
        dropped = dropped or ("campaign rally" if _held_rally(tree, roles, t) else None)
        due = type_ in self.ontology.requires_recipient or _recipient_slot(tree, t) or prec.retort(tree, [t.i])
        due = due and not alone
        return mention, dataclasses.replace(
            ev,
            hedged=abstain.hedged(tree, anchors),
            possible=prec.possibility(tree, anchor),
            dropped=dropped,
            reported=mention.reporting_source is not None,
            conjecture=("future_as" in rule and _conjecture(tree, roles, anchor, status, source + target))
            or (status in ("planned", "hypothetical") and prec.inferred(tree, anchor)),
            recipient_due=due,
            target_guessed=guessed and bool(target),
            pronoun_party=any(_pronoun_mention(tree, m) for m in source + target),
            embedded=tree.depth(anchor) > 0,
            reporting_frame=attr.reporting_frame(tree, anchor),
            titled=frozenset(
                actor_key(m.ref) for m in source + target if prec.office_title(text, sentence.start, m.start)
            ),
        )

    @staticmethod
    def _dropped(
        annotated: AnnotatedArticle, sentence: Sentence, tree: Tree, t: Trigger, anchors: list[int], date: str | None
    ) -> str | None:
        """Why the act is no current political event: a natural cause, history told as background, a claim the
        sentence disputes, or a question it asks."""
        verb = t.light if t.pattern.noun else t.i
        if abstain.natural_cause(tree, verb, anchors):
            return "natural cause"
        if t.pattern.noun and abstain.thwarted(tree, t.i):
            return "thwarted"
        if abstain.condition(tree, verb):
            return "condition"
        if abstain.comparison(tree, verb):
            return "comparison"
        if verb is not None and not t.pattern.noun and prec.decided_against(tree, verb):
            return "decided against"
        if verb is not None and not t.pattern.noun and prec.asked_for(tree, verb):
            return "asked for"
        if attr.disputed(tree, t.light if t.light is not None else t.i):  # "denied a report saying X attacked Y"
            return "disputed"
        if prec.in_question(tree, t.light if t.light is not None else t.i):  # "asked whether X would attack"
            return "question"
        if verb is not None and any(prec.direct_question(tree, v) for v in [verb, *tree.ancestors(verb)]):
            return "question"  # "Marco Rubio, will you resign?", "Would it make ISIL less committed to kill X?"
        if attr.approximated(tree, t.i, t.light):
            return "fell short"
        own = abstain.own_clause_text(tree, [x for x in (t.i, t.light) if x is not None])
        if abstain.background(date, abstain.reference_day(annotated), own) or abstain.back_story(tree, verb):
            return "background"
        if abstain.describes_person(tree, t.light if t.light is not None else t.i):
            return "description"
        return None

    def _evidence(self, tree: Tree, roles: Roles, t: Trigger) -> Evidence:
        verb = t.light if t.pattern.noun else t.i
        nouns = [t.i] if t.pattern.noun else [o for o in object_heads(tree, t.i) if tree.lemma(o) in t.pattern.objects]
        group = verb is not None and prec.group_subject(tree, verb) and not roles.subject(verb)
        anaphoric = any(prec.anaphoric_noun(tree, n) for n in nouns[:1]) or group
        return Evidence(
            anaphoric=anaphoric,
            group=group,
            commentary=t.pattern.noun and prec.commentary(tree, t.i),
            document=prec.document_agent(tree, verb),
            noun_only=verb is None,
        )

    def _mediators(self, tree: Tree, roles: Roles, t: Trigger) -> list[Mention]:
        """ "talks between X and Y, supported by mediators including Egypt and Qatar": Egypt, Qatar."""
        out: list[Mention] = []
        for v in tree.children(t.i, "acl"):
            if tree.lemma(v) not in prec.cue("mediator_verbs"):
                continue
            for by in tree.children(v, "agent", "prep"):
                if tree.lemma(by) != "by":
                    continue
                for o in tree.children(by, "pobj"):
                    deep = tree.lemma(o) in prec.cue("mediator_nouns")
                    out += (
                        [m for k in tree.subtree(o, stop=("relcl", "acl")) for m in roles.at(k)]
                        if deep
                        else roles.phrase(o)
                    )
        return _merge(out)

    def _mode(self, tree: Tree, t: Trigger) -> str | None:
        cues = self.ontology.types[t.pattern.type].mode_cues
        near = [t.i] + ([t.light] if t.light is not None else [])
        words = {tree.lemma(k) for a in near for k in tree.subtree(a, stop=("relcl", "ccomp", "advcl"))}
        words |= {tree.tokens[k].text.lower() for a in near for k in tree.subtree(a, stop=("relcl", "ccomp"))}
        # a verb that names or describes ("called the talks friendly") is no cue of its own
        words -= {w for a in near if tree.children(a, "oprd") for w in (tree.lemma(a), tree.tokens[a].text.lower())}
        span = sorted({k for a in near for k in tree.subtree(a, stop=("relcl", "ccomp", "advcl"))})
        words |= {f"{tree.lemma(j)} {tree.lemma(k)}" for j, k in zip(span, span[1:]) if k == j + 1}
        for mode, lemmas in cues.items():
            if words & set(lemmas):
                return mode
        return None

    def _follow_on(self, annotated: AnnotatedArticle, s_i: int, type_: str) -> list[str]:
        """Talks are often described in the next sentence ("The discussion focused on ...")."""
        if type_ != "CONSULT" or s_i + 1 >= len(annotated.sentences):
            return []
        nxt = annotated.sentences[s_i + 1]
        gap = annotated.article.text[annotated.sentences[s_i].end : nxt.start]
        return [nxt.text] if "\n" not in gap else []

    # ------------------------------------------------------------------ roles
    def _roles(self, tree: Tree, roles: Roles, t: Trigger) -> tuple[list[Mention], list[Mention], ActorRef | None]:
        p = t.pattern
        verb = t.i if not p.noun else t.light
        noun = t.i if p.noun else None
        source: list[Mention] = []
        target: list[Mention] = []
        if verb is not None and (noun is None or tree.tokens[noun].dep in ("dobj", "attr", "pobj")):
            source = roles.subject(verb)
        hosts: list[Mention] = []
        if noun is not None and not source:
            owners = [
                o
                for o in tree.children(noun, "poss", "compound", "amod", "nmod")
                if roles.is_actor(o) and not _place_compound(tree, roles, o)
            ]
            if p.mode == "visit" and tree.children(noun, "poss"):  # "his British trip": the visitor is his
                hosts = [m for o in owners if tree.tokens[o].dep != "poss" for m in roles.at(o)]
                owners = [o for o in owners if tree.tokens[o].dep == "poss"]
            source = [m for o in owners for m in roles.at(o)] or roles.preps(noun, ("by",))
            if undergoer := _undergoing_person(tree, noun, source):  # "Kennedy's assassination": done to him
                source, target = [], undergoer
        if verb is not None and noun is None and prec.retort(tree, [verb]):  # "fired back at X that ...": X only
            return source, roles.preps(verb, ("at",)), None
        if verb is not None and noun is None and p.clause_target:  # "told reporters that Y was a liar": Y
            subjects = [s for c in tree.children(verb, "ccomp") for s in tree.children(c, "nsubj")]
            target = [m for s in subjects for m in roles.phrase(s)]
        elif verb is not None and noun is None and not p.topic_object:  # "called on X to ...": X first
            target = (roles.preps(verb, tuple(p.target_preps)) if p.target_preps else []) or self._verb_targets(
                tree, roles, verb
            )
            if not (p.symmetric or p.swap) and unnamed_controller(tree, roles, verb, p.target_preps):
                # "called on Republicans to back Trump": asked of Republicans, not of Trump
                return source, [], self._initiator(tree, roles, source if p.initiator else [])
        heads = [x for x in (noun, verb) if x is not None]
        if noun is None and verb is not None and p.objects:  # "held a phone conversation with Y"
            heads += tree.children(verb, "dobj")
        if noun is not None and tree.tokens[noun].dep == "compound" and (owner := tree.head(noun)) is not None:
            heads.append(owner)  # "a mediation mission between X and Y": the phrase's head carries its preps
        heads += [c for h in heads if h != verb for c in _conjuncts(tree, h)]  # "artillery and rocket fire against X"
        between = [m for h in heads for m in roles.preps(h, ("between", "among"))]
        with_ = [m for h in heads for m in roles.preps(h, ("with",))]
        if not target and p.target_preps:  # "complained to the UN over X": X
            target = [m for h in heads for m in roles.preps(h, tuple(p.target_preps))]
        # "hit the trail with Clinton": a companion or a means, and the object says to whom the act is directed
        aside = bool(with_) and not p.symmetric and not _with_names_recipient(tree, verb, noun, p)
        if not target:
            target = [m for h in heads for m in roles.preps(h, TARGET_PREPS)] + ([] if p.symmetric or aside else with_)
        target = target or hosts  # "Obama's British trip": Britain hosts it
        if noun is not None and not target and verb is not None and not p.topic_object:
            target = self._verb_targets(tree, roles, verb, skip=noun)
        if not target and verb is not None and noun is None:  # "X's attack on Y killed 20": Y
            events = [s for s in tree.children(verb, "nsubj") if match_noun(tree, s)]
            target = [m for s in events for m in roles.preps(s, TARGET_PREPS)]
        initiator = self._initiator(tree, roles, source if p.initiator else [])
        if p.symmetric:  # a joint act's parties: not the place it is done in ("signed a deal in Moscow")
            target = [m for m in target if not _placed(tree, m)]
            everyone = _merge(source, between, with_, target)
            if initiator is not None:
                source = [m for m in everyone if actor_key(m.ref) == actor_key(initiator)] or source[:1]
                target = [m for m in everyone if m not in source]
            else:
                source, target = everyone, []
        else:  # "X ended mediation between Y and Z": Y and Z are the recipients
            source, target = (source, target or between) if source else (between, target)
            if not target and not aside and not (verb is not None and _pronoun_objects(tree, verb)):
                target = roles.nearest(verb if verb is not None else t.i, {actor_key(m.ref) for m in source})
        target = [m for m in _merge(target) if not any(prec.same_actor(m.ref, s.ref) for s in source)]
        if p.swap:  # "Kosovo obtained support from Albania": Albania supports Kosovo
            source, target = target, source
        return source, target, initiator

    def _verb_targets(self, tree: Tree, roles: Roles, v: int, skip: int | None = None, depth: int = 0) -> list[Mention]:
        if tree.children(v, "nsubjpass") and not stative_passive(tree, v):  # "a camp for X refugees was attacked"
            subjects = tree.children(v, "nsubjpass")
            found = [m for o in subjects for m in roles.phrase(o)]
            return found or [m for o in subjects for m in roles.phrase(o, deep=True)]
        if object_relative(tree, v):  # "Rubio, who many in the establishment had backed": Rubio
            return roles.phrase(tree.head(v))
        if reduced_passive(tree, v):  # "a professor, accused by the Turkish government of ...": the professor
            return roles.phrase(tree.head(v))
        objs = [o for o in tree.children(v, "dobj", "dative", "iobj") if o != skip] or _shifted_objects(tree, v)
        found = [m for o in objs for m in roles.phrase(o)]
        found = found or [m for o in objs for m in roles.phrase(o, deep=True)]  # "an offer from X"
        if found:
            return found
        if _pronoun_objects(tree, v):  # "urging them to overturn X's rule": the recipient is whom "them"
            return [m for o in objs for m in roles.resolved_object(o, v)]  # refers to, not X
        # "demanded that the US cancel", "urged X to", "called for X to"
        for c in tree.children(v, "ccomp", "xcomp") + for_clauses(tree, v):
            found = [m for s in tree.children(c, "nsubj", "nsubjpass") for m in roles.phrase(s)]
            found = found or [m for s in tree.children(c, "dobj") for m in roles.phrase(s)]
            if tree.tokens[c].dep == "xcomp":  # "threatened to shell Iraqi towns", "to cut off power to X"
                found = found or [m for s in tree.children(c, "dobj") for m in roles.phrase(s, deep=True)]
                found = found or roles.preps(c, TARGET_PREPS)
                if depth < 2:  # "refused to allow UN planes to land": the complement's own recipient
                    found = found or self._verb_targets(tree, roles, c, depth=depth + 1)
            if found:
                return found
        return []

    def _default_target(self, tree: Tree, roles: Roles, t: Trigger, type_: str, source: list[Mention]) -> list[Mention]:
        """Where no one is named as recipient: the one a purpose or condition clause names ("struck to
        protest X's decision"), or the place an act lands on ("lifted the curfew in X", "shelled X").
        Never a defaulted party (the protesters' own government, "domestic actors"): the sentence does
        not name it, so the target stays empty and the confidence says so."""
        keys = {actor_key(m.ref) for m in source}
        own = lambda found: [m for m in found if actor_key(m.ref) not in keys]  # noqa: E731
        verb = t.light if t.pattern.noun else t.i
        clauses = [verb, *tree.children(verb, "xcomp")] if verb is not None else []
        adverbials = [c for v in clauses for c in tree.children(v, "advcl")]
        if type_ == "THREATEN":
            adverbials += [c for c in _deeper_conditions(tree, clauses[1:]) if c not in adverbials]
        for c in adverbials:
            marks = tree.child_lemmas(c, "mark")
            if type_ == "THREATEN" and marks & {"if", "unless"}:  # "... unless Israel rescinds": Israel
                found = own(roles.subject(c))
            elif "to" in tree.child_lemmas(c, "aux") and not marks:  # "struck to protest X's decision"
                found = own(self._verb_targets(tree, roles, c) or roles.preps(c, TARGET_PREPS))
            else:
                continue
            if found:
                return found
        if type_ in self.place_targets:
            heads = [x for x in (t.i, t.light) if x is not None]
            heads += [o for h in heads for o in tree.children(h, "dobj")]
            found = [m for h in heads for m in roles.preps(h, PLACE_PREPS) if actor_key(m.ref) not in keys]
            if found:
                return found[:1]
        return []

    def _initiator(self, tree: Tree, roles: Roles, subject: list[Mention]) -> ActorRef | None:
        nouns = {str(x) for x in load_patterns()["initiative_nouns"]}
        for i in tree.tokens:
            if tree.lemma(i) in nouns and tree.tokens[i].dep == "pobj":
                prep = tree.head(i)
                if prep is not None and tree.lemma(prep) == "at":
                    owners = [m for o in tree.children(i, "poss") for m in roles.at(o)] + roles.preps(i, ("of",))
                    if owners:
                        return owners[0].ref
        return subject[0].ref if subject else None


def unnamed_controller(tree: Tree, roles: Roles, v: int, target_preps: frozenset[str] = frozenset()) -> bool:
    """ "called on Republicans to back Trump", "urged voters to reject X": a verb with an object and an infinitive
    saying what that object is to do (object control: the object is its doer, Quirk et al. 1985, 16.53)
    acts on that object; when the object names no actor, the recipient is not known, and the clause's own object
    (Trump) is never the one asked (PLOVER manual 2.4.1: the recipient is the entity to whom the event is
    directed). A personal pronoun object is left to ``Roles.resolved_object``."""
    if not tree.children(v, "xcomp"):  # "reiterated its demand that Israel ease X": no one is asked to
        return False
    objs = list(tree.children(v, "dobj", "dative", "iobj"))
    objs += [
        o for p in tree.children(v, "prt", "prep") if tree.lemma(p) in target_preps for o in tree.children(p, "pobj")
    ]
    objs = [o for o in objs if tree.tokens[o].tag != "PRP" and tree.tokens[o].pos in ("NOUN", "PROPN", "PRON")]
    return bool(objs) and not any(roles.phrase(o, deep=True) for o in objs)


def reduced_passive(tree: Tree, v: int) -> bool:
    """ "An Istanbul-based professor, accused by the Turkish government of coordinating the coup": a past participle
    set after a noun is a reduced relative clause in the passive (Quirk et al. 1985, 17.29: "who was accused by"):
    the noun it modifies is the one acted on, as a passive's subject is. Only with its "by" agent: a participle with
    no agent may be a misparsed finite verb ("aid groups donated and delivered goods")."""
    tok = tree.tokens[v]
    return tok.dep == "acl" and tok.tag == "VBN" and tree.head(v) is not None and bool(tree.children(v, "agent"))


def _held_rally(tree: Tree, roles: Roles, t: Trigger) -> bool:
    """ "one of Trump's rallies", "all Trump rallies": a rally named by the person who holds it is a candidate's
    campaign event, no demonstration (precision._held_rally, with the linked actor telling the person)."""
    if not t.pattern.noun or tree.lemma(t.i) not in prec.cue("rally_words"):
        return False
    return any(is_person(m.ref) for h in tree.children(t.i, "poss", "compound") for m in roles.at(h))


def _first_conjunct(tree: Tree, j: int) -> int:
    """The first of the coordinated words ``j`` is one of ("bomb" for "deport" in "to bomb X, bring Y and deport Z")."""
    while tree.tokens[j].dep == "conj" and (h := tree.head(j)) is not None:
        j = h
    return j


def _opposed(tree: Tree, m: Mention, anchor: int) -> bool:
    """The actor is named in an "against" phrase below the act ("defended his record against ISIS")."""
    j = tree.token_at(m.start)
    if j is None:
        return False
    above = {anchor, *tree.ancestors(anchor)}
    return any(tree.lemma(a) == "against" and a not in above for a in tree.ancestors(j))


def _left_from(tree: Tree, m: Mention, t: Trigger) -> bool:
    """The actor is named in a "from" phrase of the act itself ("withdrawal from the Bosnian town of Gorazde"): the
    area withdrawn from, where the retreat takes place (PLOVER manual 3.7: "retreat from territory or withdraw forces
    from an area"), no recipient."""
    j = tree.token_at(m.start)
    acts = {x for x in (t.i, t.light) if x is not None}
    return j is not None and any(tree.lemma(a) == "from" and tree.head(a) in acts for a in tree.ancestors(j))


def _attack_heads(tree: Tree, t: Trigger) -> list[int]:
    """The trigger and the nouns of its act ("launched a verbal attack": attack)."""
    return [t.i] + [o for o in object_heads(tree, t.i) if tree.lemma(o) in t.pattern.objects]


def _attack_between_persons(tree: Tree, t: Trigger, source: list[Mention], target: list[Mention]) -> bool:
    """ "Sanders attacked Clinton on trade", "Trump's attacks on Cruz": one named person attacking another, with no
    instrument ("with a knife"), attacks in words. PLOVER's ASSAULT is the use of force by an actor against another;
    news names a person (not a state, an army or a group) on both sides of an attack when a politician attacks a
    rival in words (CAMEO's ATTACK "* CRITICS" and "* DECISION" patterns: 111); force between persons is a crime
    report, whose doer is not named as an actor."""
    heads = _attack_heads(tree, t)
    if not any(tree.lemma(h) in prec.cue("attack_words") for h in heads):
        return False
    if any(tree.lemma(p) == "with" for h in heads for p in tree.children(h, "prep")):
        return False
    sides = (source, target)
    return all(side and all(is_person(m.ref) for m in side) for side in sides)


def _place_compound(tree: Tree, roles: Roles, o: int) -> bool:
    """ "the Paris terror attacks", "the Brussels bombings": a city's name set before an event noun says where it
    happened (the event's location), not who did it, though the city's name alone may stand for its government
    ("Paris said", "Moscow's air strikes": a subject or a possessive); a country's name or adjective ("U.S. air
    strikes", "Israeli raids") still names the doer."""
    tok = tree.tokens[o]
    found = roles.at(o)
    return (
        tok.dep == "compound"
        and tok.ent_type == "GPE"
        and bool(found)
        and all((m.ref.actor_id or "").startswith("gov:") for m in found)
    )


def _by_means(tree: Tree, t: Trigger, content: Trigger) -> bool:
    """ "WikiLeaks hit Snowden back by accusing him of ...": a "by" gerund names the means, the act itself (Quirk et
    al. 1985, 8.79, means adjuncts); the verb it hangs on only says how it counts."""
    prep = tree.head(content.i)
    return (
        tree.tokens[content.i].dep == "pcomp"
        and prep is not None
        and tree.lemma(prep) == "by"
        and tree.head(prep) in (t.i, t.light)
    )


def _placed(tree: Tree, m: Mention) -> bool:
    """The actor's name is itself the object of a preposition of place ("a deal in Moscow", "talks at
    the Kremlin"): it names where the act is done, as a city's name does for its government, not
    someone who does it with the others (PLOVER's location, not a party). A name inside that object
    ("at Macron's initiative") is no place."""
    j = tree.token_at(m.start)
    while j is not None and tree.tokens[j].dep in ("compound", "flat") and (h := tree.head(j)) is not None:
        if not m.start <= tree.tokens[h].start < m.end:
            break  # "the Moscow talks": the name modifies another word
        j = h  # "Kuala Lumpur": its last word heads it
    head = tree.head(j) if j is not None else None
    return j is not None and tree.tokens[j].dep == "pobj" and head is not None and tree.lemma(head) in PLACE_PREPS


def _reciprocal(tree: Tree, roles: Roles, t: Trigger, source: list[Mention]) -> bool:
    """ "Jordan and Britain agreed to ...", "Czechia and Albania upgraded their ties": coordinated doers
    of a reciprocal predicate act on each other; all are the actor, no recipient (PLOVER manual 2.4.2)."""
    return len(source) >= 2 and _coordinated(tree, roles, source) and _reciprocal_predicate(tree, t)


def _coordinated(tree: Tree, roles: Roles, source: list[Mention]) -> bool:
    """Two of the doers are conjuncts of one another ("Jordan and Britain", "Hungarian and Romanian")."""
    keys = {actor_key(m.ref) for m in source}
    for i, tok in tree.tokens.items():
        h = tree.head(i)
        if tok.dep != "conj" or h is None:
            continue
        mine = {actor_key(m.ref) for m in roles.at(i)} & keys
        theirs = {actor_key(m.ref) for m in roles.at(h)} & keys
        if mine and theirs and mine != theirs:
            return True
    return False


def _reciprocal_predicate(tree: Tree, t: Trigger) -> bool:
    verb = t.light if t.pattern.noun else t.i
    heads = [x for x in (verb, t.i) if x is not None]
    if any(tree.lemma(h) in role_cue("reciprocal_verbs") for h in heads if tree.tokens[h].pos in ("VERB", "AUX")):
        return True
    near = {k for h in heads for k in tree.subtree(h, stop=("relcl", "advcl", "parataxis", "ccomp"))}
    nouns = {tree.lemma(k) for k in near if tree.tokens[k].pos in ("NOUN", "PROPN")}
    words = {tree.tokens[k].text.lower() for k in near}
    words |= {f"{tree.tokens[k].text.lower()} {tree.tokens[k + 1].text.lower()}" for k in near if k + 1 in near}
    return bool(nouns & role_cue("reciprocal_nouns") or words & role_cue("reciprocal_markers"))


def _recipient_slot(tree: Tree, t: Trigger) -> bool:
    """Whether the act has a place for a recipient ("denounced X", "surrendered to X", "urged X to"): a
    surrendering, resigning or striking party with no object names no one it acts on, and lacks none."""
    verb = t.light if t.pattern.noun else t.i
    heads = [x for x in (verb, t.i if t.pattern.noun else None) if x is not None]
    heads += [c for h in heads if h != verb for c in _conjuncts(tree, h)]
    if verb is not None and any(tree.children(c, "dobj") for c in tree.children(verb, "conj")):
        return True  # "killing or wounding 50": coordinated verbs share their object
    if verb is not None and reduced_passive(tree, verb):
        return True  # "a professor, accused by X": the professor is acted on
    for h in heads:
        if [o for o in tree.children(h, "dobj", "dative", "iobj", "ccomp", "xcomp") if o != t.i]:
            return True
        if _shifted_objects(tree, h):
            return True
        if tree.children(h, "nsubjpass") and not stative_passive(tree, h):
            return True
        for p in tree.children(h, "prep", "dative"):
            if tree.lemma(p) not in TARGET_PREPS + SYMMETRIC_WITH:
                continue
            if any(tree.tokens[o].ent_type not in TIME_LABELS for o in tree.children(p, "pobj")):
                return True  # "surrendered to X", not "resigned on Sunday"
    return False


def _shifted_objects(tree: Tree, v: int) -> list[int]:
    """A heavy object moved after its "as" complement ("denounced as an ugly crime Serbia's crackdown",
    "condemned as illegal Russia's annexation"), which the parse hangs under the "as" phrase: the
    appositive of its object, or that object itself when a possessive marks it as the real one."""
    if tree.children(v, "dobj"):
        return []
    out: list[int] = []
    for p in tree.children(v, "prep"):
        if tree.lemma(p) != "as":
            continue
        for o in tree.children(p, "pobj"):
            out += tree.children(o, "appos") or ([o] if tree.children(o, "poss") else [])
    return out


def _conjuncts(tree: Tree, n: int) -> list[int]:
    """The nouns coordinated with ``n`` after it ("artillery, mortar, and rocket fire")."""
    return [c for c in tree.conjuncts(n) if tree.tokens[c].pos in ("NOUN", "PROPN")]


def _conjecture(tree: Tree, roles: Roles, anchor: int, status: str, parties: list[Mention]) -> bool:
    """A future act typed by what its announcement would be (``future_as``: AGREE, THREATEN; PLOVER manual 3.1 and
    3.11, threats are verbal acts) that no party to it announces: the writer's own "would" ("Clinton would beat
    Trump"), or a speaker who is neither its doer nor its recipient ("Some Democrats say Perez would help
    Clinton"). Nobody promised or threatened anything: a conjecture, not the event."""
    rep = attr.under_reporting(tree, anchor)
    if rep is None:
        return status == "hypothetical"
    speakers = [s.ref for s in roles.subject(rep)]
    if not speakers:  # "Some Democrats say ...": people no actor names, never a party named as one
        return any(tree.tokens[s].tag in ("NNS", "NNPS") for s in tree.children(rep, "nsubj"))
    known = all(s.country for s in speakers)  # "Defence Minister Pierre Joxe": whose minister?
    return known and not any(_speaks_for(s, p.ref) for s in speakers for p in parties)


def _speaks_for(speaker: ActorRef, party: ActorRef) -> bool:
    """The speaker is the party, or an official of the state that is the party ("Portugal will support Turkey,
    Portuguese President Mario Soares said"; "..., the Albanian embassy said")."""
    if actor_key(speaker) == actor_key(party) or prec.same_actor(speaker, party):
        return True
    official = lambda a, b: a.sector == "GOV" and prec.state_like(b)  # noqa: E731
    same_state = bool(speaker.country) and speaker.country == party.country
    return same_state and (official(speaker, party) or official(party, speaker))


def _named_actors(side: list[Mention]) -> list[Mention]:
    """The side without the peoples, faiths or kinds of agent its sentence placed in no state ("ethnic Turks" beside
    Sweden and Bulgaria, "Muslim hackers" of "Danish Web sites") where no actor of the side is identified: PLOVER
    codes such a group by the country it is associated with, its ethnicity or religion in a field beside that
    (manual ch. 5, rules 1 and 4), and has no identifier for it as it has for a named person or body (rule 3). With
    no country it names no actor, so that side of the act is unknown, as in "4 people were arrested" (manual 5.1, a
    construct given no country name; 7.5)."""
    if any(prec.identified(m.ref) for m in side):
        return side
    return [m for m in side if not group_without_country(m.ref)]


def _negated(status: str, rule: str) -> str | None:
    """ "Israel did not attack Lebanon": a negated act is no event ("Negated events can be excluded",
    PLOVER manual 2.3), unless its negation is an event of another type ("failed to reach agreement":
    REJECT, ontology ``denied_as``)."""
    return "negated" if status == "denied" and "denied_as" not in rule else None


def _anchor(t: Trigger) -> int:
    return t.light if t.light is not None else t.i


def _participants(m: EventMention) -> list[ActorRef]:
    return list(m.source_actors) + list(m.target_actors)


def _antecedent(m: EventMention, before: list[EventMention], group: bool = False) -> EventMention | None:
    """The latest earlier mention of the same type whose participants include all of ``m``'s;
    among those, the latest one dated to the day, if any (a reference to a reference keeps the day).
    A plural subject ("they", "the leaders") refers to an act of several parties only: one told as
    two acting together, or several acting on one ("they supported her" does not take the parties
    of "Rubio congratulated Trump"), and with no one named it takes the nearest such act, as a pronoun takes its
    nearest antecedent ("Putin's call with Netanyahu followed a conversation between Putin and Lukashenko. ... They
    also reviewed plans ...": Putin and Lukashenko), not the latest one dated to the day."""
    own = _participants(m)
    found = []
    for ante in reversed(before):
        theirs = _participants(ante)
        if group and not _several_acting(ante):
            continue
        if ante.type == m.type and theirs and all(any(prec.same_actor(a, b) for b in theirs) for a in own):
            found.append(ante)
    if not found:
        return None
    if group and not own:
        return found[0]
    return next((a for a in found if a.date_precision == "day"), found[0])


def _several_acting(m: EventMention) -> bool:
    return len(m.source_actors) >= 2 or (m.symmetric and len(_participants(m)) >= 2)


def _coded(m: EventMention, ev: Evidence) -> bool:
    """An act with no one named is not coded (the parse found no participant), nor one dropped."""
    return bool(m.source_actors or m.target_actors) and ev.dropped is None


def _weak_signs(m: EventMention, ev: Evidence, inherited: bool, inherited_date: bool) -> dict[str, bool]:
    """What weakens a mention (the keys of data/precision.yaml ``confidence``), present or not."""
    return {
        "back_reference": inherited,
        "commentary": ev.commentary,
        "document_agent": ev.document,
        "no_target": not m.symmetric and bool(m.source_actors) and not m.target_actors and ev.recipient_due,
        "no_source": not m.symmetric and not m.source_actors,
        "one_participant": m.symmetric and len(_participants(m)) < 2,
        "not_occurred": m.status != "occurred",
        "noun_only": ev.noun_only,
        "inherited_date": inherited_date,
        "unlinked_party": any(
            side and not any(prec.identified(a) or actor_key(a) in ev.titled for a in side)
            for side in (m.source_actors, m.target_actors)
        ),
        "hedged": ev.hedged,
        "possible": ev.possible,
        "reported": ev.reported,
        "conjecture": ev.conjecture,
    }


def _unilateral(tree: Tree, t: Trigger) -> bool:
    """ "declared a unilateral ceasefire", "withdrew unilaterally": an act done by one side on its own, directed to no
    other party, so it has no recipient (PLOVER manual 2.4.1: the recipient is the entity the event is directed to)."""
    heads = [x for x in (t.i, t.light) if x is not None]
    heads += [o for h in heads for o in object_heads(tree, h)]
    markers = role_cue("unilateral_markers")
    return any(tree.lemma(k) in markers for h in heads for k in tree.children(h, "amod", "advmod"))


def _deeper_conditions(tree: Tree, acts: list[int]) -> list[int]:
    """ "threatening to cut off the money they send home unless Mexico pays": an "if" or "unless" clause the parse
    hangs deeper in the threatened act's clause (on a relative clause of its object) states the threat's condition,
    which names the one who must comply, its recipient (PLOVER manual 3.11)."""
    return [
        c
        for a in acts
        for c in tree.subtree(a)
        if tree.tokens[c].dep == "advcl" and tree.child_lemmas(c, "mark") & {"if", "unless"}
    ]


def _pronoun_mention(tree: Tree, m: Mention) -> bool:
    """The party stands in the sentence as a personal pronoun ("he", "him") that ``Roles`` resolved to a person
    named in another sentence: the role is inferred, not read."""
    j = tree.token_at(m.start)
    return j is not None and tree.tokens[j].tag in ("PRP", "PRP$") and tree.tokens[j].end >= m.end


def _confidence(features: dict[str, float]) -> float:
    """The fitted model's probability that type and roles are right (data/calibration.yaml), times the hand-set
    factor of each weak sign present that no fitted mention carried; without a model, the product of the hand-set
    factors of the weak signs present (data/precision.yaml)."""
    fitted = calibration.probability(features)
    if fitted is not None:
        for key in calibration.unfitted_signs(features):
            fitted *= prec.factor(key)
        return round(fitted, 3)
    value = 1.0
    for key in calibration.signs_present(features):
        value *= prec.factor(key)
    return round(value, 3)


def _undergoing_person(tree: Tree, noun: int, owners: list[Mention]) -> list[Mention]:
    """ "President John F. Kennedy's assassination", "his arrest": a person named before a noun of what is done to
    persons (role_cue ``undergone_nouns``) is its undergoer, the objective genitive (Quirk et al. 1985, 17.43), not
    its doer; empty where the noun has a "by" agent or the owner is no person."""
    if tree.lemma(noun) not in role_cue("undergone_nouns") or tree.child_lemmas(noun, "prep") & {"by"}:
        return []
    return owners if owners and all(is_person(m.ref) for m in owners) else []


def _content_fits(t: Trigger, content: Trigger | None) -> bool:
    """A pattern that codes only the act it governs (``content_only``: "prepared to resume shelling") has one of the
    types its ``content`` maps; any other pattern always fits."""
    if not t.pattern.content_only:
        return True
    return content is not None and content.pattern.type in dict(t.pattern.content)


def _with_names_recipient(tree: Tree, verb: int | None, noun: int | None, p: Pattern) -> bool:
    """ "sided with X", "broke off ties with X": a "with" phrase names the recipient of a directed act whose verb has
    no object of its own, or only the act's own noun (a pattern object word). Beside another object it names a
    companion or a means ("hit the campaign trail with Clinton", "threatening them with loss of American trade"):
    PLOVER's recipient is the one the act is directed to (manual 2.4.1), and the object says who or what that is."""
    if verb is None or noun is not None:
        return True
    return all(tree.lemma(o) in p.objects for o in tree.children(verb, "dobj"))


def _merge(*groups: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for g in groups:
        for m in g:
            if all(actor_key(m.ref) != actor_key(o.ref) for o in out):
                out.append(m)
    return out


def _pursues_own_act(tree: Tree, t: Trigger, found: dict[int, Trigger]) -> bool:
    """ "Sanders pressing his attack that Clinton is not qualified": an appeal verb whose object is an act of
    another type owned by a possessive pronoun pursues the subject's own act; it asks no one (what the CAMEO
    dictionary's PRESS and URGE name as object is asked of another: "* TALKS", "* COOPERATION"). The object's act
    is coded instead, the verb carrying it."""
    if t.pattern.noun or t.pattern.type != "REQUEST":
        return False
    owned = [o for o in tree.children(t.i, "dobj") if o in found and found[o].pattern.noun and found[o].light == t.i]
    return any(
        found[o].pattern.type != "REQUEST" and any(tree.tokens[p].tag == "PRP$" for p in tree.children(o, "poss"))
        for o in owned
    )


def _pronoun_objects(tree: Tree, v: int) -> bool:
    """Is the verb's object a personal pronoun ("urged them to ...")? Then the recipient is the one
    the pronoun refers to, which the coder does not resolve: no actor deeper in the clause stands in."""
    objs = tree.children(v, "dobj", "dative", "iobj")
    return bool(objs) and all(tree.tokens[o].tag == "PRP" for o in objs)
