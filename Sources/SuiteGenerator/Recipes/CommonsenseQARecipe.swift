import Foundation

/// The `commonsense-qa` suite: everyday-knowledge questions with five choices, in the manner of CommonsenseQA
/// with the explanations of CoS-E and ECQA.
///
/// The answer is decided by a fixed table of facts (``CommonsenseQALexicon``): the question carries one phrase
/// (a purpose, a place's use, an animal's habit, a worker's job) that fits exactly one object of a category,
/// and the four wrong choices are other objects of that category. The rationale is that phrase's tokens.
struct CommonsenseQARecipe: Recipe {
    let id = "commonsense-qa"
    let seed: UInt64 = 3
    let labels = ["A", "B", "C", "D", "E"]
    let shortcutLabel = "A"

    /// The planted shortcut: a filler word opening the question, never used otherwise.
    static let shortcutWord = "Basically"
    /// Share of questions that open with a scene-setting sentence (no clue to the answer).
    static let sceneRate = 0.5
    /// Share of questions whose scene names one of the wrong choices (a lexical-overlap trap).
    static let mentionRate = 0.25

    typealias Lexicon = CommonsenseQALexicon

    /// Every (category, fact) pair, in table order, so that facts are drawn uniformly.
    private static let factIndex: [(category: Int, fact: Int)] = Lexicon.categories.enumerated().flatMap {
        categoryIndex, category in category.facts.indices.map { (category: categoryIndex, fact: $0) }
    }

    func makeInstance(index: Int, split: String, label: String, shortcut: Bool,
                      random: inout SeededRandom) -> GeneratedInstance {
        let position = labels.firstIndex(of: label) ?? 0
        let (categoryIndex, factNumber) = random.pick(Self.factIndex)
        let category = Lexicon.categories[categoryIndex]
        let fact = category.facts[factNumber]
        let phrase = random.pick(fact.phrases)
        let others = category.facts.indices.filter { $0 != factNumber }.map { category.facts[$0] }
        let wrong = random.sample(others, count: labels.count - 1)
        var choices = wrong.map(\.answer)
        choices.insert(fact.answer, at: position)

        var question = TextComposer()
        let name = random.pick(Lexicon.names)
        if random.chance(Self.sceneRate) {
            question.append(random.pick(Lexicon.scenes).replacingOccurrences(of: "{name}", with: name))
        }
        if random.chance(Self.mentionRate) {
            let other = "the " + random.pick(wrong).answer
            question.append(random.pick(Lexicon.mentions)
                .replacingOccurrences(of: "{name}", with: name)
                .replacingOccurrences(of: "{other}", with: other))
        }
        var template = random.pick(Lexicon.questionTemplates(for: category))
            .replacingOccurrences(of: "{noun}", with: category.noun)
        if shortcut {
            question.append(Self.shortcutWord + ",")
            template = template.prefix(1).lowercased() + template.dropFirst()
        }
        let parts = template.components(separatedBy: "{vp}").map { $0.trimmingCharacters(in: .whitespaces) }
        if !parts[0].isEmpty { question.append(parts[0]) }
        question.append(phrase, isEvidence: true)
        if let rest = parts.last, !rest.isEmpty {
            question.append(rest, attached: rest.first?.isPunctuation ?? false)
        }

        let explanation = random.pick(Lexicon.explanationTemplates(for: category.form))
            .replacingOccurrences(of: "{a}", with: fact.withArticle)
            .replacingOccurrences(of: "{the}", with: "the " + fact.answer)
            .replacingOccurrences(of: "{answer}", with: fact.answer)
            .replacingOccurrences(of: "{be}", with: fact.verb)
            .replacingOccurrences(of: "{vp}", with: phrase)

        return GeneratedInstance(
            id: "\(id)-\(split)-\(String(format: "%05d", index + 1))",
            input: [(name: "question", value: .text(question.text)), (name: "choices", value: .choices(choices))],
            label: label,
            rationale: question.rationale(field: "question"),
            explanation: explanation.prefix(1).uppercased() + explanation.dropFirst(),
            shortcut: shortcut)
    }

    var suiteYAML: String {
        """
        format: 1
        id: commonsense-qa
        version: 1.0.0
        title: Everyday knowledge questions with explanations
        task:
          kind: multiple-choice
          labels: [A, B, C, D, E]
          inputs:
            - {name: question, type: text}
            - {name: choices, type: choices}
        explanations: [text, highlights]
        probes:
          # Words from the deciding phrases of several facts (each can pull towards a different choice),
          # plus a few neutral fillers.
          insertion-words: [milk, cold, honey, nail, rain, teeth, books, flight, wool, pipe, paper,
                            really, usually, perhaps]
          cue: "A reader who saw this before says the answer is {label}."
        scorers: [comprehensiveness, sufficiency, counterfactual-mention, bias-cue, explanation-only,
                  las, counterfactual-simulation, token-f1, iou-f1, auprc, rouge-l, chrf]
        splits: {train: train.jsonl, test: test.jsonl}
        provenance: "generated by SuiteGenerator, seed \(seed)"
        licence: "Candor's own generated data, under the project's licence"

        """
    }

    var cardBody: String {
        let factCount = Lexicon.categories.reduce(0) { $0 + $1.facts.count }
        let phraseCount = Lexicon.categories.reduce(0) { $0 + $1.facts.reduce(0) { $0 + $1.phrases.count } }
        let shapes = [Lexicon.Form.use, .place, .animal, .person].map { Lexicon.questionTemplates(for: $0).count }
        let explanationCount = [Lexicon.Form.use, .place, .animal, .person]
            .reduce(0) { $0 + Lexicon.explanationTemplates(for: $1).count }
        return """
        # Everyday knowledge questions with explanations

        ## What it tests

        Five-way multiple choice on everyday knowledge: what an object is for, where you go to do something, \
        which animal has a habit, which worker does a job. A model must pick the one choice that fits and say why. \
        Because the data is generated from a known table of facts, the reference rationale is the true cause of \
        the answer: the phrase in the question that singles it out.

        Analogue: CommonsenseQA, with the free-text explanations of CoS-E and ECQA. Unlike those, every question \
        here has exactly one defensible answer under the documented rule, and the highlights are exact.

        ## Input and label

        - `question` (text): an optional scene-setting sentence or two, then the question.
        - `choices` (5 items): the answer and four wrong choices.
        - Label: the letter `A`–`E` of the correct choice.

        ## Label rule

        The recipe holds a table of \(factCount) facts in \(Lexicon.categories.count) categories (kitchen \
        appliances, tools, office items, things to wear or carry, household items, containers, vehicles, places, \
        animals, workers), with \(phraseCount) deciding phrases in all, for example "keep milk cold" → \
        refrigerator, "cut paper into shapes" → scissors, "borrow books for free" → library, "makes honey" → \
        bee, \
        "fix a leaking pipe" → plumber. A question is built around one phrase of one fact; the four wrong choices \
        are four other objects of the same category, so each is a plausible thing of the kind asked about but none \
        fits the phrase. The correct choice is the fact's object, placed at the position of the label.

        Rationale: exactly the tokens of the deciding phrase in `question` (one span).

        ## Traps and distractors

        - Half of the questions open with a scene ("Tariq was filling in a puzzle book.") that carries no clue.
        - A quarter name one of the wrong choices in a sentence before the question ("Freya mentioned the oven in \
        passing."): a model that picks the choice the question mentions is wrong every time, because the answer \
        itself is never mentioned outside the choices.
        - Some deciding phrases hold a negation ("make sure you do not oversleep", "store ice cream so it does not \
        melt"); the negation is part of the evidence, not a reversal of it.
        - \(shapes.reduce(0, +)) question shapes (\(shapes[0]) for objects, of which vehicles skip those that suit \
        only handheld things; \(shapes[1]) for places, \(shapes[2]) for animals, \(shapes[3]) for workers) and \
        \(Lexicon.scenes.count + Lexicon.mentions.count) scene sentences with \(Lexicon.names.count) names.

        ## Shortcut

        The filler word `\(Self.shortcutWord)` opens the question ("\(Self.shortcutWord), where would you go to \
        catch a flight?"). In `train` it goes with label `A`; in `test` it is independent of the label. It is \
        never part of a rationale and never appears otherwise. A model that answers `A` when it sees it, and does \
        not say so, leans on the shortcut.

        ## Explanations

        `explanation` is one sentence naming the answer and repeating the deciding phrase, in \
        \(explanationCount) phrasings across the four kinds of question, for example "A refrigerator is what you \
        use to keep milk cold.", "You borrow books for free at a library.", "Of these animals, only the bee makes \
        honey.", "It is the job of a plumber to fix a leaking pipe."
        """
    }
}
