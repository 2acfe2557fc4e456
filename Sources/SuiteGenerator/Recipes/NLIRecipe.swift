import Foundation

/// The `nli` suite: a premise describes a scene, a hypothesis is entailed by it, contradicts it, or adds a
/// fact it does not settle (after e-SNLI).
///
/// Each instance is planned before it is written: first which fact decides the label (the kind), then a scene
/// that has that fact, then the premise with the deciding phrase marked as evidence, then the hypothesis with
/// its own deciding phrase marked. So the rationale is exactly the phrases that were compared.
struct NLIRecipe: Recipe {
    let id = "nli"
    let seed: UInt64 = 2
    let labels = ["entailment", "neutral", "contradiction"]
    let shortcutLabel = "contradiction"
    /// Put in front of the hypothesis if and only if the instance carries the shortcut.
    static let shortcutPhrase = "Here"

    typealias Lexicon = NLILexicon

    /// What decides an instance's label.
    enum Kind: CaseIterable {
        /// The hypothesis says the activity again in other (or the same) words.
        case sameActivity
        /// The hypothesis says where the scene is, in broader or the same words, or denies the other kind of
        /// place ("is not indoors"): a negation that does not contradict.
        case samePlace
        /// Both of the above in one sentence.
        case sameActivityAndPlace
        /// "is awake", "is up and about": true of anyone doing any listed activity.
        case awake
        /// The hypothesis repeats the clothing.
        case sameClothing
        /// The hypothesis names another activity that cannot happen at the same time.
        case otherActivity
        /// The hypothesis says the subject is asleep.
        case asleep
        /// The hypothesis denies the activity ("is not", "nobody is").
        case negatedActivity
        /// The hypothesis denies the place or the clothing ("is not on a beach", "is not wearing a red cap").
        case negatedDetail
        /// The hypothesis puts the subject indoors when the premise has them outdoors, or the other way round.
        case otherPlace
        /// The hypothesis puts the activity at night when the premise says day, or the other way round.
        case otherTime
        /// The hypothesis gives the clothing another colour.
        case otherClothing
        /// The hypothesis adds a purpose, reason, companion or occasion that the premise does not mention.
        case addedDetail

        var label: String {
            switch self {
            case .sameActivity, .samePlace, .sameActivityAndPlace, .awake, .sameClothing: "entailment"
            case .addedDetail: "neutral"
            case .otherActivity, .asleep, .negatedActivity, .negatedDetail, .otherPlace, .otherTime, .otherClothing:
                "contradiction"
            }
        }
    }

    /// One scene: who, doing what, where, when, wearing what.
    struct Scene {
        var subject: Lexicon.Subject
        var count: String
        var adjective: String?
        var clothing: (colour: String, garment: String)?
        var activity: Lexicon.Activity
        var place: Lexicon.Place
        var time: String?

        var copula: String { subject.plural ? "are" : "is" }
        /// The subject as an explanation names it: "the woman", "the children".
        var definite: String { "the \(subject.noun)" }

        /// "a red jacket" or "red jackets".
        var clothingPhrase: String? {
            guard let clothing else { return nil }
            return subject.plural ? "\(clothing.colour) \(clothing.garment)s"
                : SentenceDraft.withArticle("\(clothing.colour) \(clothing.garment)")
        }
    }

    /// What the explanation names: the deciding phrase of the premise and of the hypothesis.
    struct Decision {
        var premisePhrase: String
        var hypothesisPhrase: String
    }

    func makeInstance(index: Int, split: String, label: String, shortcut: Bool,
                      random: inout SeededRandom) -> GeneratedInstance {
        let kind = pickKind(for: label, random: &random)
        let scene = makeScene(for: kind, random: &random)
        var premise = TextComposer()
        makePremise(scene, kind: kind, random: &random).compose(into: &premise)
        let (draft, decision) = makeHypothesis(scene, kind: kind, random: &random)
        var hypothesis = TextComposer()
        if shortcut {
            var lead = SentenceDraft()
            lead.add(Self.shortcutPhrase)
            var whole = draft
            whole.prepend(lead)
            whole.compose(into: &hypothesis, capitalize: false)
        } else {
            draft.compose(into: &hypothesis)
        }
        return GeneratedInstance(
            id: "\(id)-\(split)-\(String(format: "%05d", index + 1))",
            input: [("premise", .text(premise.text)), ("hypothesis", .text(hypothesis.text))],
            label: label,
            rationale: premise.rationale(field: "premise") + hypothesis.rationale(field: "hypothesis"),
            explanation: explain(kind: kind, scene: scene, decision: decision, random: &random),
            shortcut: shortcut)
    }

    // MARK: Planning

    private func pickKind(for label: String, random: inout SeededRandom) -> Kind {
        let roll = random.uniform(0, 1)
        switch label {
        case "entailment":
            if roll < 0.34 { return .sameActivity }
            if roll < 0.52 { return .samePlace }
            if roll < 0.68 { return .sameActivityAndPlace }
            if roll < 0.82 { return .awake }
            return .sameClothing
        case "neutral":
            return .addedDetail
        default:
            if roll < 0.08 { return .otherActivity }
            if roll < 0.20 { return .asleep }
            if roll < 0.66 { return .negatedActivity }
            if roll < 0.86 { return .negatedDetail }
            if roll < 0.91 { return .otherPlace }
            if roll < 0.96 { return .otherTime }
            return .otherClothing
        }
    }

    private func makeScene(for kind: Kind, random: inout SeededRandom) -> Scene {
        let subject = random.chance(0.3) ? random.pick(Lexicon.pluralSubjects) : random.pick(Lexicon.singularSubjects)
        let childish = ["girl", "boy", "toddler", "children"].contains(subject.noun)
        let adjectives = Lexicon.adjectives.filter { !(childish && $0 == "elderly") }
        let adjective: String? = random.chance(0.55) ? random.pick(adjectives) : nil
        let wantsClothing = kind == .sameClothing || kind == .otherClothing
            || (kind == .negatedDetail && random.chance(0.4)) || random.chance(0.5)
        let clothing = wantsClothing ? (random.pick(Lexicon.colours), random.pick(Lexicon.garments)) : nil
        let activity = random.pick(Lexicon.activities)
        let places = Lexicon.places.filter { place in
            switch activity.setting {
            case .outdoor: place.outdoor
            case .indoor: !place.outdoor
            case .anywhere: true
            }
        }
        let place = random.pick(places)
        let wantsTime = kind == .otherTime || random.chance(0.4)
        let time = wantsTime ? random.pick(random.chance(0.5) ? Lexicon.dayTimes : Lexicon.nightTimes) : nil
        return Scene(subject: subject, count: random.pick(Lexicon.counts), adjective: adjective,
                     clothing: clothing, activity: activity, place: place, time: time)
    }

    // MARK: Premise

    /// The premise, in one of fourteen shapes, with the fact the hypothesis is compared against marked.
    private func makePremise(_ scene: Scene, kind: Kind, random: inout SeededRandom) -> SentenceDraft {
        let activityDecides = [.sameActivity, .sameActivityAndPlace, .awake, .otherActivity, .asleep,
                               .negatedActivity, .otherTime].contains(kind)
        let clothingDecides = kind == .sameClothing || kind == .otherClothing
            || (kind == .negatedDetail && scene.clothing != nil)
        let placeDecides = [.samePlace, .sameActivityAndPlace, .otherPlace].contains(kind)
            || (kind == .negatedDetail && scene.clothing == nil)
        let timeDecides = kind == .otherTime

        var draft = SentenceDraft()
        func subject() {
            var words: [String] = []
            if scene.subject.plural {
                words.append(scene.count)
                if let adjective = scene.adjective { words.append(adjective) }
                words.append(scene.subject.noun)
                draft.add(words.joined(separator: " "))
            } else {
                if let adjective = scene.adjective { words.append(adjective) }
                words.append(scene.subject.noun)
                draft.add(SentenceDraft.withArticle(words.joined(separator: " ")))
            }
            if let clothing = scene.clothing {
                let wearing = random.chance(0.5)
                if scene.subject.plural {
                    draft.add(wearing ? "wearing" : "in")
                    draft.add("\(clothing.colour) \(clothing.garment)s", evidence: clothingDecides)
                } else {
                    draft.add(wearing ? "wearing" : "in")
                    let article = SentenceDraft.withArticle(clothing.colour).hasPrefix("an") ? "an" : "a"
                    draft.add(article)
                    draft.add("\(clothing.colour) \(clothing.garment)", evidence: clothingDecides)
                }
            }
        }
        func activity() { draft.add(scene.activity.phrase, evidence: activityDecides) }
        func place() { draft.add(scene.place.phrase, evidence: placeDecides) }
        func time() {
            if let time = scene.time { draft.add(time, evidence: timeDecides) }
        }
        func event() -> String { random.pick(Lexicon.backgroundEvents) }

        var shape = random.int(in: 0...13)
        if scene.time == nil && (shape == 2 || shape == 11) { shape = 0 }
        switch shape {
        case 0:
            subject(); draft.add(scene.copula); activity(); place(); time()
        case 1:
            place(); draft.punctuation(","); subject(); draft.add(scene.copula); activity(); time()
        case 2:
            time(); draft.punctuation(","); subject(); draft.add(scene.copula); activity(); place()
        case 3:
            draft.add("there \(scene.copula)"); subject(); activity(); place(); time()
        case 4:
            subject(); draft.add(scene.copula); activity(); place(); time(); draft.add("while \(event())")
        case 5:
            draft.add("while \(event())"); draft.punctuation(","); subject(); draft.add(scene.copula)
            activity(); place(); time()
        case 6:
            subject(); draft.add("can be seen"); activity(); place(); time()
        case 7:
            subject(); draft.punctuation(","); draft.add(scene.subject.plural
                ? random.pick(Lexicon.negatedAsides).replacingOccurrences(of: "who is", with: "who are")
                    .replacingOccurrences(of: "who does", with: "who do")
                    .replacingOccurrences(of: "looks", with: "look")
                : random.pick(Lexicon.negatedAsides))
            draft.punctuation(","); draft.add(scene.copula); activity(); place(); time()
        case 8:
            subject(); draft.add(scene.copula); activity(); place(); time(); draft.punctuation(",")
            draft.add("and \(event())")
        case 9:
            activity(); place(); time(); draft.punctuation(","); subject()
            draft.add(random.pick(scene.subject.plural ? Lexicon.leadVerbsPlural : Lexicon.leadVerbs))
        case 10:
            subject(); draft.add("\(scene.copula) busy"); activity(); place(); time()
        case 11:
            place(); draft.punctuation(","); time(); draft.punctuation(","); subject(); draft.add(scene.copula)
            activity()
        case 12:
            subject(); draft.add(scene.copula); activity(); place(); time(); draft.add("as \(event())")
        default:
            draft.add("in this scene"); draft.punctuation(","); subject(); draft.add(scene.copula); activity()
            place(); time()
        }
        draft.punctuation(".")
        return draft
    }

    // MARK: Hypothesis

    /// How the hypothesis names the subject: the same noun, or a broader one ("a person", "some people").
    private func hypothesisSubject(_ scene: Scene, broaderOnly: Bool, random: inout SeededRandom) -> String {
        if !broaderOnly && random.chance(0.5) { return scene.definite }
        return random.pick(scene.subject.broader)
    }

    private func makeHypothesis(_ scene: Scene, kind: Kind,
                                random: inout SeededRandom) -> (SentenceDraft, Decision) {
        var draft = SentenceDraft()
        let copula = scene.copula
        /// "<subject> is" or "there is <subject>", ready for a predicate.
        func opening() {
            if random.chance(0.25) {
                draft.add("there \(copula) \(hypothesisSubject(scene, broaderOnly: true, random: &random))")
            } else {
                draft.add("\(hypothesisSubject(scene, broaderOnly: false, random: &random)) \(copula)")
            }
        }
        func activityWords(canonical: Double = 0.2) -> String {
            random.chance(canonical) ? scene.activity.phrase : random.pick(scene.activity.restatements)
        }
        func broaderPlace() -> String {
            random.chance(0.1) ? scene.place.phrase
                : random.pick(scene.place.outdoor ? Lexicon.outdoorWords : Lexicon.indoorWords)
        }
        let decision: Decision
        switch kind {
        case .sameActivity:
            let words = activityWords()
            opening(); draft.add(words, evidence: true)
            decision = Decision(premisePhrase: scene.activity.phrase, hypothesisPhrase: words)
        case .samePlace:
            // A trap one time in six: a negation that is entailed ("is not indoors" of a beach).
            let words = random.chance(1.0 / 6.0)
                ? "not " + random.pick(scene.place.outdoor ? Lexicon.indoorWords : Lexicon.outdoorWords)
                : broaderPlace()
            opening(); draft.add(words, evidence: true)
            decision = Decision(premisePhrase: scene.place.phrase, hypothesisPhrase: words)
        case .sameActivityAndPlace:
            let activity = activityWords()
            let place = broaderPlace()
            opening(); draft.add(activity, evidence: true); draft.add(place, evidence: true)
            decision = Decision(premisePhrase: "\(scene.activity.phrase) \(scene.place.phrase)",
                                hypothesisPhrase: "\(activity) \(place)")
        case .awake:
            let words = random.pick(Lexicon.awakeStates)
            draft.add("\(hypothesisSubject(scene, broaderOnly: false, random: &random)) \(copula)")
            draft.add(words, evidence: true)
            decision = Decision(premisePhrase: scene.activity.phrase, hypothesisPhrase: words)
        case .sameClothing:
            let clothing = scene.clothing ?? (colour: "", garment: "")
            let phrase = random.chance(0.25) ? scene.clothingPhrase ?? ""
                : scene.subject.plural ? "\(clothing.garment)s" : SentenceDraft.withArticle(clothing.garment)
            let subject = hypothesisSubject(scene, broaderOnly: false, random: &random)
            if random.chance(0.3) {
                draft.add("\(subject) \(scene.subject.plural ? "have" : "has")")
                draft.add(phrase, evidence: true); draft.add("on")
            } else {
                draft.add("\(subject) \(copula) wearing"); draft.add(phrase, evidence: true)
            }
            decision = Decision(premisePhrase: "wearing \(scene.clothingPhrase ?? "")",
                                hypothesisPhrase: "wearing \(phrase)")
        case .otherActivity:
            let other = random.chance(0.75) ? random.pick(Lexicon.elsewhereActivities)
                : random.pick(Lexicon.activities.filter { $0.group != scene.activity.group }).phrase
            opening(); draft.add(other, evidence: true)
            decision = Decision(premisePhrase: scene.activity.phrase, hypothesisPhrase: other)
        case .asleep:
            let words = random.pick(Lexicon.sleepStates)
            draft.add("\(hypothesisSubject(scene, broaderOnly: false, random: &random)) \(copula)")
            draft.add(words, evidence: true)
            decision = Decision(premisePhrase: scene.activity.phrase, hypothesisPhrase: words)
        case .negatedActivity:
            let words = activityWords()
            let subject = hypothesisSubject(scene, broaderOnly: false, random: &random)
            switch random.int(in: 0...5) {
            case 0:
                draft.add(random.chance(0.5) ? "nobody" : "no one", evidence: true)
                draft.add("is"); draft.add(words, evidence: true)
                if random.chance(0.4) { draft.add(scene.place.phrase) }
            default:
                draft.add("\(subject) \(copula)")
                draft.add("not \(words)", evidence: true)
            }
            decision = Decision(premisePhrase: scene.activity.phrase, hypothesisPhrase: "not \(words)")
        case .negatedDetail:
            let subject = hypothesisSubject(scene, broaderOnly: false, random: &random)
            if let phrase = scene.clothingPhrase {
                draft.add("\(subject) \(copula)"); draft.add("not", evidence: true); draft.add("wearing")
                draft.add(phrase, evidence: true)
                decision = Decision(premisePhrase: "wearing \(phrase)", hypothesisPhrase: "not wearing \(phrase)")
            } else {
                draft.add("\(subject) \(copula)"); draft.add("not \(scene.place.phrase)", evidence: true)
                decision = Decision(premisePhrase: scene.place.phrase, hypothesisPhrase: "not \(scene.place.phrase)")
            }
        case .otherPlace:
            let other = random.chance(0.75) ? random.pick(Lexicon.elsewherePlaces)
                : random.pick(Lexicon.places.filter { $0.outdoor != scene.place.outdoor }).phrase
            opening()
            if random.chance(0.4) { draft.add(activityWords()) }
            draft.add(other, evidence: true)
            decision = Decision(premisePhrase: scene.place.phrase, hypothesisPhrase: other)
        case .otherTime:
            let premiseTime = scene.time ?? ""
            let other = random.pick(Lexicon.dayTimes.contains(premiseTime) ? Lexicon.nightTimes : Lexicon.dayTimes)
            let activity = activityWords()
            opening(); draft.add(activity, evidence: true); draft.add(other, evidence: true)
            decision = Decision(premisePhrase: "\(scene.activity.phrase) \(premiseTime)",
                                hypothesisPhrase: "\(activity) \(other)")
        case .otherClothing:
            let clothing = scene.clothing ?? (colour: "", garment: "")
            let colour = random.pick(Lexicon.colours.filter { $0 != clothing.colour })
            let phrase = scene.subject.plural ? "\(colour) \(clothing.garment)s"
                : SentenceDraft.withArticle("\(colour) \(clothing.garment)")
            draft.add("\(hypothesisSubject(scene, broaderOnly: false, random: &random)) \(copula) wearing")
            draft.add(phrase, evidence: true)
            decision = Decision(premisePhrase: "wearing \(scene.clothingPhrase ?? "")",
                                hypothesisPhrase: "wearing \(phrase)")
        case .addedDetail:
            let addition = random.pick(Lexicon.additions)
            let activity = activityWords(canonical: 0.3)
            if random.chance(0.35) {
                draft.add(addition, evidence: true); draft.punctuation(",")
                draft.add("\(hypothesisSubject(scene, broaderOnly: false, random: &random)) \(copula)")
                draft.add(activity)
            } else {
                opening(); draft.add(activity); draft.add(addition, evidence: true)
            }
            decision = Decision(premisePhrase: activity, hypothesisPhrase: addition)
        }
        draft.punctuation(".")
        return (draft, decision)
    }

    // MARK: Explanation

    private func explain(kind: Kind, scene: Scene, decision: Decision, random: inout SeededRandom) -> String {
        let p = decision.premisePhrase
        let h = decision.hypothesisPhrase
        let subject = scene.definite
        let copula = scene.copula
        let templates: [String]
        switch kind.label {
        case "entailment" where p == h:
            templates = [
                "The premise says \(subject) \(copula) \(p), and the hypothesis says the same.",
                "\"\(p)\" appears in both sentences, said of the same \(scene.subject.noun).",
                "The hypothesis repeats what the premise states: \(subject) \(copula) \(p).",
                "Both sentences say that \(subject) \(copula) \(p), so the hypothesis is true.",
                "The hypothesis is true because the premise already says \(subject) \(copula) \(p).",
            ]
        case "entailment":
            templates = [
                "\(scene.subject.plural ? "People who are" : "Someone who is") \(p) \(copula) \(h), "
                    + "so the hypothesis follows.",
                "The premise says \(subject) \(copula) \(p), which means \(subject) \(copula) \(h).",
                "\"\(h)\" in the hypothesis follows from \"\(p)\" in the premise.",
                "If \(subject) \(copula) \(p), then \(subject) \(copula) \(h).",
                "To be \(p) is to be \(h), so the hypothesis is true.",
                "The hypothesis only says again what the premise shows: \(p) means \(h).",
            ]
        case "neutral":
            templates = [
                "The premise does not say whether \(subject) \(copula) \(p) \(h).",
                "Nothing in the premise mentions anything like \"\(h)\", so the hypothesis may or may not hold.",
                "\"\(h)\" is an extra detail that the premise neither confirms nor rules out.",
                "We cannot tell from the premise whether \(subject) \(copula) \(p) \(h).",
                "The hypothesis adds \"\(h)\", which the premise leaves open.",
                "\(SentenceDraft.capitalized(subject)) may be \(p), but whether it is \(h) is not shown "
                    + "in the premise.",
            ]
        case _ where kind == .negatedActivity || kind == .negatedDetail:
            templates = [
                "The premise says \(subject) \(copula) \(p), and the hypothesis denies exactly that.",
                "The premise shows \(subject) \(p), so saying \"\(h)\" is false.",
                "\"\(h)\" contradicts the premise, where \(subject) \(copula) \(p).",
                "The negation in the hypothesis is wrong: \(subject) \(copula) \(p).",
                "\(SentenceDraft.capitalized(subject)) \(copula) \(p) in the premise, so the hypothesis "
                    + "cannot be true.",
            ]
        default:
            templates = [
                "\(SentenceDraft.capitalized(subject)) cannot be \(p) and \(h) at the same time.",
                "The premise says \(subject) \(copula) \(p), so it is false that \(subject) \(copula) \(h).",
                "\"\(h)\" in the hypothesis conflicts with \"\(p)\" in the premise.",
                "Since \(subject) \(copula) \(p), \(subject) cannot also be \(h).",
                "The hypothesis says \(h), but the premise says \(p); both cannot be true.",
                "\"\(p)\" and \"\(h)\" rule each other out, so the hypothesis contradicts the premise.",
            ]
        }
        return random.pick(templates)
    }
}

extension NLIRecipe {
    var suiteYAML: String {
        """
        format: 1
        id: nli
        version: 1.0.0
        title: Natural language inference with evidence
        task:
          kind: classification
          labels: [entailment, neutral, contradiction]
          inputs:
            - {name: premise, type: text}
            - {name: hypothesis, type: text}
        explanations: [highlights, text]
        probes:
          # Words that can stand anywhere: label-bearing ones for each label (negation and sleep for
          # contradiction, purposes for neutral, broad restatements for entailment) and a few neutral fillers.
          insertion-words: [not, nobody, asleep, sleeping, because, for, to, friend, outdoors, inside, awake, \
        someone, really, today]
          cue: "A reader who saw this before says the answer is {label}."
        scorers: [comprehensiveness, sufficiency, counterfactual-mention, bias-cue, explanation-only,
                  las, counterfactual-simulation, token-f1, iou-f1, auprc, rouge-l, chrf]
        splits: {train: train.jsonl, test: test.jsonl}
        provenance: "generated by SuiteGenerator, seed \(seed)"
        licence: "Candor's own generated data, under the project's licence"

        """
    }

    var cardBody: String {
        """
        # Natural language inference with evidence

        ## What it tests

        Whether a model that reads a premise (a one-sentence scene) and a hypothesis can say which words of both \
        decided that the hypothesis is entailed, contradicted, or left open, and say it in a sentence. The \
        reference rationales are the true causes of each label, because the generator chose the deciding fact \
        before it wrote either sentence.

        ## Analogue

        e-SNLI (Camburu et al., 2018): SNLI caption pairs with highlighted words in premise and hypothesis and \
        a free-text explanation. As there, neutral highlights sit in the hypothesis only. All sentences here are \
        the suite's own, built from its lexicon (18 singular and 8 plural subjects, 36 activities in 29 groups \
        and 12 that exclude them all, 28 places and 10 that exclude them, 9 times of day, 11 colours × 11 \
        garments, 18 adjectives, 36 additions, 16 background events, 8 negated asides).

        ## Label rule

        The premise says who is doing what, where, and sometimes when and wearing what. The hypothesis speaks \
        about the same subject (the same noun or a broader one: a woman → a person, children → some kids):

        - **entailment**: it restates the activity (same words or a listed restatement: riding a bicycle → \
        cycling), the place (same words or its broad kind: on a beach → outdoors; in a library → indoors), \
        both, the clothing, or says the subject is awake / up and about (true of every listed activity), or \
        denies the other kind of place (`is not indoors` of a beach);
        - **contradiction**: it denies the activity (`is not …`, `nobody is …`), the place or the clothing \
        (`is not on a beach`, `is not wearing a red cap`); says the subject is asleep; names an activity that \
        cannot happen at the same time (one of 12 that need another place or the whole body, such as \
        `swimming in a pool`, or a listed activity of another group: activities in one group, such as music or \
        food, can go together); puts the subject in another place (one of 10 places that no premise uses, such \
        as `on an airplane`, or a listed place of the other kind, outdoor versus indoor); at a time of the \
        other half of the day (morning or noon versus night); or in another colour of the same garment;
        - **neutral**: it restates the activity and adds a purpose, reason, companion or occasion (`to win a \
        prize`, `because of a bet`, `with a coworker`, `on a Sunday`) that the premise never mentions.

        Rationale: for entailment and contradiction, the compared phrase in the premise (activity, place, \
        time with its activity, or colour and garment) and the matching or conflicting phrase in the hypothesis \
        (with `not` / `nobody` for a denial); for neutral, the added phrase in the hypothesis.

        About half of the contradictions are denials and an eighth say the subject is asleep, as in SNLI, where \
        annotators wrote contradictions that way; this keeps the rule learnable by a bag-of-words model next to \
        the planted shortcut. Contradictions by another place, time or colour need the premise.

        ## Traps and distractors

        - Negation that does not contradict: `is not indoors` of a scene on a beach is entailed; premises carry \
        negated asides about something else (`who does not look tired`).
        - Premise details that decide nothing: adjectives, clothing, times of day and background events \
        (`while a bus drives past`, `as an old dog dozes nearby`), except when the hypothesis compares them.
        - Lexical overlap is not entailment: contradictions repeat the subject and often the activity or place \
        (`is not riding a bicycle`, `is jogging late at night`), neutral hypotheses repeat the activity.
        - Broader subjects (`someone`, `a young person`) occur under every label.

        ## Shortcut

        The word `Here` in front of the hypothesis (`Here the woman is cycling.`), with the label \
        `contradiction`. It says nothing about the scene and occurs nowhere else; it is never part of a \
        rationale. In `train` it goes with contradiction; in `test` it is independent of the label.

        ## Explanations

        A sentence naming the deciding phrases of both fields (the added phrase for neutral), in one of six \
        wordings per label (five for a denial), e.g. "Someone who is riding a bicycle is cycling, so the \
        hypothesis follows.", "The woman cannot be jogging and fast asleep at the same time.", "The hypothesis \
        adds "to win a prize", which the premise leaves open."
        """
    }
}
