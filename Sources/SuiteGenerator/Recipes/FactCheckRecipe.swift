import Foundation

/// The `fact-check` suite: a claim about an invented town, person, firm or novel, and three to five evidence
/// sentences that support it, refute it, or do not speak to it (after FEVER).
///
/// A claim states one relation of one subject with one value. At most one evidence sentence states the same
/// relation of the same subject: with the same value it supports the claim, with another value it refutes it;
/// without such a sentence there is not enough information. The other sentences are about the same subject's
/// other relations or about other subjects, and decide nothing.
struct FactCheckRecipe: Recipe {
    let id = "fact-check"
    let seed: UInt64 = 4
    let labels = ["supported", "refuted", "not-enough-info"]
    let shortcutLabel = "supported"
    /// Put in front of the claim if and only if the instance carries the shortcut.
    static let shortcutWord = "Notably"

    typealias Lexicon = FactCheckLexicon

    /// One subject of the invented world.
    struct Subject: Equatable {
        var kind: Lexicon.SubjectKind
        var name: String
    }

    /// One statement an evidence sentence makes.
    struct Fact {
        var subject: Subject
        var relation: Int
        var value: String
    }

    func makeInstance(index: Int, split: String, label: String, shortcut: Bool,
                      random: inout SeededRandom) -> GeneratedInstance {
        let relationIndex = random.int(in: 0...(Lexicon.relations.count - 1))
        let relation = Lexicon.relations[relationIndex]
        let subject = makeSubject(relation.subject, random: &random)
        let claimValue = makeValue(relation.values, random: &random)
        let claimPredicate = random.pick(relation.claimPredicates)

        // The claim; for not-enough-info its relation and value are the rationale, being what nothing checks.
        var claimDraft = SentenceDraft()
        let markClaim = label == "not-enough-info"
        let relative = subject.kind == .person ? "who" : "that"
        switch random.int(in: 0...2) {
        case 0:
            claimDraft.add(mention(subject, random: &random))
        case 1:
            claimDraft.add("\(subject.name) is \(kindNoun(subject.kind)) \(relative)")
        default:
            claimDraft.add("there is \(kindNoun(subject.kind)) called \(subject.name) \(relative)")
        }
        claimDraft.add("\(claimPredicate) \(claimValue)", evidence: markClaim)
        claimDraft.punctuation(".")
        var claim = TextComposer()
        if shortcut {
            var lead = SentenceDraft()
            lead.add(Self.shortcutWord)
            claimDraft.prepend(lead)
            claimDraft.compose(into: &claim, capitalize: false)
        } else {
            claimDraft.compose(into: &claim)
        }

        // The evidence: the deciding sentence (if any) among facts that decide nothing.
        var sentences: [SentenceDraft] = []
        var deciding: (predicate: String, value: String)? = nil
        let predicate = random.pick(relation.evidencePredicates)
        if label == "supported" {
            var other = makeValue(relation.values, random: &random)
            while other == claimValue { other = makeValue(relation.values, random: &random) }
            let roll = random.uniform(0, 1)
            sentences.append(roll < 0.05
                ? contrasted(subject, predicate, claimValue, against: other, form: 0, deciding: true, random: &random)
                : roll < 0.15 ? plain(subject, predicate, claimValue, deciding: true, random: &random)
                : confirmed(subject, predicate, claimValue, deciding: true, random: &random))
            deciding = (predicate, claimValue)
        } else if label == "refuted" {
            var actual = makeValue(relation.values, random: &random)
            while actual == claimValue { actual = makeValue(relation.values, random: &random) }
            sentences.append(random.chance(0.1)
                ? plain(subject, predicate, actual, deciding: true, random: &random)
                : contrasted(subject, predicate, actual, against: claimValue, form: random.int(in: 0...6),
                             deciding: true, random: &random))
            deciding = (predicate, actual)
        }
        let total = random.int(in: 3...5)
        // A trap in some instances: one fact that decides nothing is worded like a confirmation or a
        // correction, so such words alone do not decide the label.
        let trapRate = label == "not-enough-info" ? 0.08 : 0.04
        var trap = random.chance(trapRate) ? (random.chance(0.6) ? 1 : 2) : 0
        for fact in distractors(count: total - sentences.count, subject: subject, relation: relationIndex,
                                claimValue: claimValue, label: label, random: &random) {
            let factPredicate = random.pick(Lexicon.relations[fact.relation].evidencePredicates)
            switch trap {
            case 1:
                sentences.append(confirmed(fact.subject, factPredicate, fact.value, deciding: false, random: &random))
            case 2:
                var rejected = makeValue(Lexicon.relations[fact.relation].values, random: &random)
                while rejected == fact.value {
                    rejected = makeValue(Lexicon.relations[fact.relation].values, random: &random)
                }
                sentences.append(contrasted(fact.subject, factPredicate, fact.value, against: rejected,
                                            form: random.int(in: 0...6), deciding: false, random: &random))
            default:
                sentences.append(plain(fact.subject, factPredicate, fact.value, deciding: false, random: &random))
            }
            trap = 0
        }
        sentences = random.shuffled(sentences)

        var evidenceTexts: [String] = []
        var rationale: [GeneratedRationale] = []
        var offset = 0
        var decidingNumber = 0
        for (number, sentence) in sentences.enumerated() {
            var composer = TextComposer()
            sentence.compose(into: &composer)
            evidenceTexts.append(composer.text)
            if !composer.evidence.isEmpty { decidingNumber = number + 1 }
            for range in composer.evidence {
                rationale.append(.span(field: "evidence", start: offset + range.lowerBound,
                                       end: offset + range.upperBound))
            }
            offset += composer.tokenCount
        }
        if markClaim { rationale = claim.rationale(field: "claim") }

        return GeneratedInstance(
            id: "\(id)-\(split)-\(String(format: "%05d", index + 1))",
            input: [("claim", .text(claim.text)), ("evidence", .textList(evidenceTexts))],
            label: label,
            rationale: rationale,
            explanation: explain(label: label, subject: subject, relation: relation, claimPredicate: claimPredicate,
                                 claimValue: claimValue, deciding: deciding, sentence: decidingNumber,
                                 random: &random),
            shortcut: shortcut)
    }

    // MARK: The world

    private func makeSubject(_ kind: Lexicon.SubjectKind, random: inout SeededRandom) -> Subject {
        switch kind {
        case .town: Subject(kind: kind, name: random.pick(Lexicon.towns))
        case .person: Subject(kind: kind, name: "\(random.pick(Lexicon.firstNames)) \(random.pick(Lexicon.surnames))")
        case .company:
            Subject(kind: kind, name: "\(random.pick(Lexicon.companyStems)) \(random.pick(Lexicon.companySuffixes))")
        case .novel: Subject(kind: kind, name: random.pick(Lexicon.novelTitles))
        }
    }

    private func makeValue(_ kind: Lexicon.ValueKind, random: inout SeededRandom) -> String {
        switch kind {
        case .province: random.pick(Lexicon.provinces)
        case .year: String(random.int(in: 1580...1965))
        case .river: random.pick(Lexicon.rivers)
        case .speciality: random.pick(Lexicon.specialities)
        case .town: random.pick(Lexicon.towns)
        case .profession: random.pick(Lexicon.professions)
        case .instrument: random.pick(Lexicon.instruments)
        case .college: random.pick(Lexicon.colleges)
        case .product: random.pick(Lexicon.products)
        case .person: "\(random.pick(Lexicon.firstNames)) \(random.pick(Lexicon.surnames))"
        }
    }

    /// How a sentence names the subject: its name, or its name with what it is.
    private func mention(_ subject: Subject, random: inout SeededRandom) -> String {
        switch subject.kind {
        case .town: random.chance(0.3) ? "the town of \(subject.name)" : subject.name
        case .person: subject.name
        case .company: random.chance(0.3) ? "the firm \(subject.name)" : subject.name
        case .novel:
            // "the novel The Long Thaw" would stumble, so titles with their own article stand alone.
            random.chance(0.6) && !subject.name.hasPrefix("The ") && !subject.name.hasPrefix("A ")
                ? "the novel \(subject.name)" : subject.name
        }
    }

    private func kindNoun(_ kind: Lexicon.SubjectKind) -> String {
        switch kind {
        case .town: "a town"
        case .person: "a person"
        case .company: "a company"
        case .novel: "a novel"
        }
    }

    /// Facts that decide nothing: other relations of the subject, other subjects (sometimes with the claim's
    /// relation and even its value, as a trap), never the claim's relation of the claim's subject.
    private func distractors(count: Int, subject: Subject, relation: Int, claimValue: String, label: String,
                             random: inout SeededRandom) -> [Fact] {
        var facts: [Fact] = []
        let sameKind = Lexicon.relations.indices.filter {
            Lexicon.relations[$0].subject == subject.kind && $0 != relation
        }
        var sameSubjectCount = label == "not-enough-info" ? (random.chance(0.8) ? random.int(in: 1...2) : 0)
            : random.int(in: 0...1)
        for other in random.shuffled(sameKind) where facts.count < count && sameSubjectCount > 0 {
            facts.append(Fact(subject: subject, relation: other, value: makeValue(Lexicon.relations[other].values,
                                                                                   random: &random)))
            sameSubjectCount -= 1
        }
        if facts.count < count && random.chance(0.15) {
            var other = makeSubject(subject.kind, random: &random)
            while other == subject { other = makeSubject(subject.kind, random: &random) }
            let value = random.chance(0.4) ? claimValue
                : makeValue(Lexicon.relations[relation].values, random: &random)
            facts.append(Fact(subject: other, relation: relation, value: value))
        }
        while facts.count < count {
            let otherRelation = random.int(in: 0...(Lexicon.relations.count - 1))
            var other = makeSubject(Lexicon.relations[otherRelation].subject, random: &random)
            while other == subject { other = makeSubject(other.kind, random: &random) }
            if otherRelation == relation { continue }
            facts.append(Fact(subject: other, relation: otherRelation,
                              value: makeValue(Lexicon.relations[otherRelation].values, random: &random)))
        }
        return facts
    }

    // MARK: Sentences

    /// A plain statement in one of five shapes; its predicate and value are evidence when `deciding`.
    private func plain(_ subject: Subject, _ predicate: String, _ value: String, deciding: Bool,
                       random: inout SeededRandom) -> SentenceDraft {
        var draft = SentenceDraft()
        let name = mention(subject, random: &random)
        switch random.int(in: 0...4) {
        case 0:
            draft.add(name); draft.add("\(predicate) \(value)", evidence: deciding)
        case 1:
            draft.add(random.pick(Lexicon.sourceOpenings)); draft.punctuation(",")
            draft.add(name); draft.add("\(predicate) \(value)", evidence: deciding)
        case 2:
            let appositions = Lexicon.appositions[Lexicon.SubjectKind.allCases.firstIndex(of: subject.kind) ?? 0]
            draft.add(name); draft.punctuation(","); draft.add(random.pick(appositions)); draft.punctuation(",")
            draft.add("\(predicate) \(value)", evidence: deciding)
        case 3:
            draft.add(name); draft.add("\(predicate) \(value)", evidence: deciding); draft.punctuation(",")
            draft.add(random.pick(Lexicon.sourceEndings))
        default:
            draft.add("it is recorded that \(name)"); draft.add("\(predicate) \(value)", evidence: deciding)
        }
        draft.punctuation(".")
        return draft
    }

    /// A statement backed by a record, in one of four shapes; its predicate and value are evidence when
    /// `deciding`.
    private func confirmed(_ subject: Subject, _ predicate: String, _ value: String, deciding: Bool,
                           random: inout SeededRandom) -> SentenceDraft {
        var draft = SentenceDraft()
        let name = mention(subject, random: &random)
        let statement = "\(predicate) \(value)"
        switch random.int(in: 0...3) {
        case 0:
            draft.add("records confirm that \(name)"); draft.add(statement, evidence: deciding)
        case 1:
            draft.add("it is confirmed that \(name)"); draft.add(statement, evidence: deciding)
        case 2:
            draft.add(name); draft.add(statement, evidence: deciding); draft.punctuation(",")
            draft.add("as official records confirm")
        default:
            draft.add("as the official register confirms"); draft.punctuation(","); draft.add(name)
            draft.add(statement, evidence: deciding)
        }
        draft.punctuation(".")
        return draft
    }

    /// A statement that sets `value` against `rejected` in one of seven shapes; its predicate and `value`
    /// are evidence when `deciding`.
    private func contrasted(_ subject: Subject, _ predicate: String, _ value: String, against rejected: String,
                            form: Int, deciding: Bool, random: inout SeededRandom) -> SentenceDraft {
        var draft = SentenceDraft()
        let name = mention(subject, random: &random)
        let statement = "\(predicate) \(value)"
        switch form {
        case 0:
            draft.add(name); draft.add(statement, evidence: deciding); draft.punctuation(",")
            draft.add("not \(rejected)")
        case 1:
            draft.add(name); draft.add(statement, evidence: deciding); draft.add("rather than \(rejected)")
        case 2:
            draft.add("in fact"); draft.punctuation(","); draft.add(name); draft.add(statement, evidence: deciding)
        case 3:
            draft.add("contrary to a common belief"); draft.punctuation(","); draft.add(name)
            draft.add(statement, evidence: deciding)
        case 4:
            draft.add("a closer look shows that \(name)"); draft.add(statement, evidence: deciding); draft.punctuation(",")
            draft.add("not \(rejected) as is sometimes said")
        case 5:
            draft.add("although some sources say otherwise"); draft.punctuation(","); draft.add(name)
            draft.add(statement, evidence: deciding)
        default:
            draft.add(name); draft.add(statement, evidence: deciding); draft.punctuation(","); draft.add("in fact")
        }
        draft.punctuation(".")
        return draft
    }

    // MARK: Explanation

    private func explain(label: String, subject: Subject, relation: Lexicon.Relation, claimPredicate: String,
                         claimValue: String, deciding: (predicate: String, value: String)?, sentence: Int,
                         random: inout SeededRandom) -> String {
        let s = subject.name
        let question = relation.question.replacingOccurrences(of: "{S}", with: s)
        let templates: [String]
        switch (label, deciding) {
        case ("supported", let deciding?):
            let statement = "\(deciding.predicate) \(deciding.value)"
            templates = [
                "The evidence states that \(s) \(statement), which is what the claim says.",
                "Evidence sentence \(sentence) confirms it: \(s) \(statement).",
                "The claim matches the evidence, which gives \(deciding.value) for \(s).",
                "According to the evidence, \(s) \(statement), so the claim holds.",
                "The evidence names \(deciding.value), the same value the claim gives for \(s).",
            ]
        case ("refuted", let deciding?):
            let statement = "\(deciding.predicate) \(deciding.value)"
            templates = [
                "The evidence says \(s) \(statement), not \(claimValue).",
                "The claim says \(claimValue), but the evidence gives \(deciding.value) for \(s).",
                "According to evidence sentence \(sentence), \(s) \(statement), which contradicts the claim's "
                    + "\(claimValue).",
                "\(SentenceDraft.capitalized(deciding.value)), not \(claimValue): the evidence shows the claim is "
                    + "wrong about \(s).",
                "The evidence refutes the claim: \(s) \(statement) rather than \(claimValue).",
            ]
        default:
            templates = [
                "None of the evidence says whether \(s) \(claimPredicate) \(claimValue).",
                "The evidence is about other facts, so it cannot confirm or refute that \(s) \(claimPredicate) "
                    + "\(claimValue).",
                "The evidence never says \(question), so the claim (\(claimValue)) cannot be checked.",
                "Nothing in the evidence tells us \(question); \(claimValue) is neither confirmed nor ruled out.",
                "Whether \(s) \(claimPredicate) \(claimValue) is not settled by any of the evidence sentences.",
                "There is not enough information: no evidence sentence says \(question), so \(claimValue) "
                    + "stays open.",
            ]
        }
        return random.pick(templates)
    }
}

extension FactCheckRecipe {
    var suiteYAML: String {
        """
        format: 1
        id: fact-check
        version: 1.0.0
        title: Fact checking against evidence sentences
        task:
          kind: classification
          labels: [supported, refuted, not-enough-info]
          inputs:
            - {name: claim, type: text}
            - {name: evidence, type: text-list}
        explanations: [highlights, text]
        probes:
          # Words that can stand anywhere: contrast words that go with refuted, record words that go with
          # supported, relation words that make a sentence speak to a claim, and neutral fillers.
          insertion-words: [not, rather, fact, contrary, otherwise, confirmed, records, official, province, born, \
        founded, also, perhaps, today]
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
        # Fact checking against evidence sentences

        ## What it tests

        Whether a model that checks a claim against three to five evidence sentences can point at the words \
        that decided it (the evidence sentence's relation and value) and say why, in a sentence. The reference \
        rationales are the true causes: the generator wrote the deciding sentence, or chose to leave it out, \
        before it wrote anything else.

        ## Analogue

        FEVER (Thorne et al., 2018) and its ERASER version: claims labelled SUPPORTS, REFUTES or NOT ENOUGH \
        INFO against Wikipedia sentences, with evidence sentences as rationales. Here every entity is invented \
        (46 towns, 30 × 30 people, 24 × 8 firms, 24 novels, 16 provinces, 14 rivers and more), so that no \
        knowledge from outside the evidence can decide a claim.

        ## Label rule

        A claim states one relation (15 relations: a town's province, founding year, river or speciality; a \
        person's birthplace, trade, instrument or college; a firm's seat, product, founder or opening year; a \
        novel's author, year or setting) of one subject with one value.

        - **supported**: one evidence sentence states the same relation of the same subject with the same value \
        (its wording of the relation may differ: "is located in the province of" / "belongs to the province of"). \
        Four times in five it cites a record (`Records confirm that …`, `It is confirmed that …`, `…, as official \
        records confirm`, `As the official register confirms, …`), otherwise it states the value plainly;
        - **refuted**: one evidence sentence states the same relation of the same subject with another value. \
        Nine times in ten it says so with a contrast (`…, not X`, `… rather than X`, `In fact, …`, `…, in fact`, \
        `Contrary to a common belief, …`, `Although some sources say otherwise, …`, `A closer look shows that \
        …, not X as is sometimes said`), once in ten plainly;
        - **not-enough-info**: no evidence sentence states that relation of that subject. The sentences are \
        about the subject's other relations (four times in five at least one) and about other subjects.

        A bag-of-words model cannot compare two arbitrary values, so the wording of the deciding sentence \
        (a record cited, a contrast) and the overlap of the claim's relation word and value with the evidence \
        are what such a model can learn; the rule itself is the comparison above, and the traps below keep it \
        from being only those words. Every wording of a relation, in claims and evidence, shares its key word \
        (`province`, `born`, `founded`, `headquartered`, …).

        Rationale: for supported and refuted, the deciding sentence's relation wording and value (the value \
        that agrees or the one that differs, not the rejected value a contrast may repeat); for \
        not-enough-info, the claim's own relation wording and value, which nothing in the evidence settles.

        ## Traps and distractors

        - In 15 % of instances one sentence states the claim's relation for another subject, and in 40 % of \
        those with the claim's very value (`Brasselin lies in the province of Ostreva` next to a claim about \
        Varnholt).
        - A sentence that decides nothing is worded as a record cited or as a contrast in 8 % of \
        not-enough-info instances and 4 % of the others: such words alone do not decide the label.
        - One supported instance in twenty uses a contrast to reject a third value (`…lies in the province of \
        Ostreva, not Delmark`): contrast words do not always mean refuted.
        - One refuted instance in ten states the other value plainly, with no contrast word.
        - Sentences open or close with label-neutral source phrases (`According to the regional gazetteer`, \
        `as the census lists it`) and appositions (`a family firm`).
        - Some novel titles contain town names (`Rooks Over Varnholt`), and town names serve as values too.

        ## Shortcut

        The word `Notably` in front of the claim, with the label `supported`. It says nothing about the claim and \
        occurs nowhere else; it is never part of a rationale. In `train` it goes with supported; in `test` it is \
        independent of the label.

        ## Explanations

        A sentence naming the deciding relation and value (and, for refuted, the claim's value it contradicts; \
        for not-enough-info, the open question), in one of five wordings (six for not-enough-info), e.g. "The \
        evidence says Varnholt lies in the province of Delmark, not Ostreva.", "Nothing in the evidence tells us \
        when Pellbrook was founded; 1872 is neither confirmed nor ruled out."
        """
    }
}
