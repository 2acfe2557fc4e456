import Foundation

/// The `credit` suite: loan applications as a table of numbers and categories, approved or declined by a
/// documented rule list, in the manner of the German credit data and OpenXAI's tabular benchmarks.
///
/// The rule list declines an application that breaks any of three rules (no employment, debt ratio, missed
/// payments) and approves it otherwise. The rationale cites the features that decided: the broken rules for a
/// decline, all three checked features for an approval. Every other feature is drawn independently of the label.
struct CreditRecipe: Recipe {
    let id = "credit"
    let seed: UInt64 = 6
    let labels = ["approve", "decline"]
    let shortcutLabel = "approve"

    static let field = "applicant"
    /// Decline when `debt_ratio` is above this.
    static let maxDebtRatio = 0.45
    /// Decline when `missed_payments` is at least this.
    static let maxMissedPayments = 3
    /// Decline when `employment` is this.
    static let refusedEmployment = "unemployed"
    /// The employment values that pass the rule.
    static let acceptedEmployment = ["salaried", "self-employed", "part-time", "retired"]

    /// The planted shortcut: a branch code that in `train` goes with `approve`.
    static let shortcutBranch = "north-7"
    /// The branch codes of every instance without the shortcut.
    static let otherBranches = ["east-2", "south-4", "west-1", "harbour-5"]
    static let housing = ["own", "rent", "free"]
    static let purposes = ["car", "education", "furniture", "business", "repairs"]

    /// The three rules, in the table's feature order.
    enum Rule: CaseIterable {
        case employment, debtRatio, missedPayments

        var feature: String {
            switch self {
            case .employment: "employment"
            case .debtRatio: "debt_ratio"
            case .missedPayments: "missed_payments"
            }
        }
    }

    func makeInstance(index: Int, split: String, label: String, shortcut: Bool,
                      random: inout SeededRandom) -> GeneratedInstance {
        // Values are drawn with a clear gap around each threshold, so that the rule, though a disjunction, is
        // learnable by a linear model on standardized features and one-hot categories.
        var employment = random.pick(Self.acceptedEmployment)
        var debtRatio = Self.round(random.uniform(0.05, 0.30), places: 2)
        var missed = random.pick([0, 0, 0, 1])
        var broken: [Rule] = []
        if label == "decline" {
            let count = random.pick([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3])
            broken = random.sample(Rule.allCases, count: count)
            broken = Rule.allCases.filter(broken.contains)
            for rule in broken {
                switch rule {
                case .employment: employment = Self.refusedEmployment
                case .debtRatio: debtRatio = Self.round(random.uniform(0.60, 0.95), places: 2)
                case .missedPayments: missed = random.int(in: Self.maxMissedPayments...9)
                }
            }
        }
        let income = Double(random.int(in: 30...240)) * 500
        let loan = Double(random.int(in: 4...160)) * 250
        let savings = Double(random.int(in: 0...600)) * 50
        let age = random.int(in: 21...70)
        let dependents = random.pick([0, 0, 0, 1, 1, 2, 2, 3, 4])
        let yearsAtAddress = random.int(in: 0...min(30, age - 18))
        let branch = shortcut ? Self.shortcutBranch : random.pick(Self.otherBranches)

        let table: [(name: String, value: GeneratedCell)] = [
            (name: "income", value: .number(income)),
            (name: "employment", value: .category(employment)),
            (name: "debt_ratio", value: .number(debtRatio)),
            (name: "missed_payments", value: .number(Double(missed))),
            (name: "loan_amount", value: .number(loan)),
            (name: "savings", value: .number(savings)),
            (name: "age", value: .number(Double(age))),
            (name: "dependents", value: .number(Double(dependents))),
            (name: "years_at_address", value: .number(Double(yearsAtAddress))),
            (name: "housing", value: .category(random.pick(Self.housing))),
            (name: "purpose", value: .category(random.pick(Self.purposes))),
            (name: "branch", value: .category(branch)),
        ]
        let decided = label == "decline" ? broken : Rule.allCases
        let explanation = label == "decline"
            ? declineExplanation(broken, debtRatio: debtRatio, missed: missed, random: &random)
            : approveExplanation(employment: employment, debtRatio: debtRatio, missed: missed, random: &random)
        return GeneratedInstance(
            id: "\(id)-\(split)-\(String(format: "%05d", index + 1))",
            input: [(name: Self.field, value: .table(table))],
            label: label,
            rationale: [.features(field: Self.field, names: decided.map(\.feature))],
            explanation: explanation,
            shortcut: shortcut)
    }

    private func declineExplanation(_ broken: [Rule], debtRatio: Double, missed: Int,
                                    random: inout SeededRandom) -> String {
        let reasons = broken.map { rule -> String in
            switch rule {
            case .employment:
                random.pick([
                    "an employment status of unemployed, which the rules do not accept",
                    "employment listed as unemployed, which rules out a loan",
                ])
            case .debtRatio:
                random.pick([
                    "a debt ratio of \(Self.text(debtRatio, places: 2)), above the 0.45 limit",
                    "debts taking \(Self.percent(debtRatio)) of income, more than the 45 % allowed",
                ])
            case .missedPayments:
                random.pick([
                    "\(missed) missed payments, when 3 or more means a decline",
                    "a record of \(missed) missed payments, more than the 2 allowed",
                ])
            }
        }
        let list = Self.joined(reasons)
        return random.pick([
            "Declined because of \(list).",
            "The application fails the rules: \(list).",
            "This applicant is turned down for \(list).",
            "Decline: \(list).",
            "The loan should be refused given \(list); the other details do not matter once a rule is broken.",
            "Turned down, given \(list).",
        ])
    }

    private func approveExplanation(employment: String, debtRatio: Double, missed: Int,
                                    random: inout SeededRandom) -> String {
        let missedText = switch missed {
        case 0: "no missed payments"
        case 1: "only 1 missed payment"
        default: "only \(missed) missed payments"
        }
        let reasons = [
            random.pick([
                "an employment status of \(employment), which the rules accept",
                "\(employment) employment rather than none",
            ]),
            random.pick([
                "a debt ratio of \(Self.text(debtRatio, places: 2)), within the 0.45 limit",
                "debts taking \(Self.percent(debtRatio)) of income, under the 45 % allowed",
            ]),
            random.pick([
                "\(missedText), fewer than the 3 that would mean a decline",
                "\(missedText) on record",
            ]),
        ]
        let list = Self.joined(reasons)
        return random.pick([
            "Approved, with \(list).",
            "The applicant passes every rule: \(list).",
            "Approve: \(list).",
            "Nothing in the rules blocks this loan: \(list).",
            "This application is accepted because it shows \(list).",
        ])
    }

    private static func round(_ value: Double, places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }

    private static func text(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value)
    }

    private static func percent(_ ratio: Double) -> String {
        "\(Int((ratio * 100).rounded())) %"
    }

    /// "a", "a; and b", "a; b; and c": each reason holds a comma of its own, so reasons are set off by semicolons.
    private static func joined(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: "; ") + "; and " + items[items.count - 1]
    }

    var suiteYAML: String {
        """
        format: 1
        id: credit
        version: 1.0.0
        title: Loan decisions from an applicant table
        task:
          kind: classification
          labels: [approve, decline]
          inputs:
            - name: applicant
              type: table
              features:
                - {name: income, kind: number}
                - {name: employment, kind: category}
                - {name: debt_ratio, kind: number}
                - {name: missed_payments, kind: number}
                - {name: loan_amount, kind: number}
                - {name: savings, kind: number}
                - {name: age, kind: number}
                - {name: dependents, kind: number}
                - {name: years_at_address, kind: number}
                - {name: housing, kind: category}
                - {name: purpose, kind: category}
                - {name: branch, kind: category}
        explanations: [features, text]
        probes:
          # Words that lean towards each label when they reach a model through free text, plus neutral fillers.
          insertion-words: [reliable, stable, secure, savings, approved, debt, arrears, missed, risky, declined,
                            reportedly, also]
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
        # Loan decisions from an applicant table

        ## What it tests

        Binary decisions on loan applications given as a table of twelve features, with explanations as \
        feature attributions and as text. The decision follows a documented rule list, so the reference \
        attribution is the true set of features that decided, and the other features are known to be \
        irrelevant: an explanation that credits them is unfaithful to the data, whatever the model did.

        Analogue: the German credit data (Statlog) and the tabular benchmarks of OpenXAI, whose synthetic data \
        likewise has known ground-truth feature importance.

        ## Input and label

        One table field, `applicant`:

        | feature | kind | values |
        |---|---|---|
        | `income` | number | yearly income, 15,000–120,000 in steps of 500 |
        | `employment` | category | salaried, self-employed, part-time, retired, unemployed |
        | `debt_ratio` | number | share of income going to debts, 2 decimals |
        | `missed_payments` | number | missed repayments on record, 0–9 |
        | `loan_amount` | number | 1,000–40,000 in steps of 250 |
        | `savings` | number | 0–30,000 in steps of 50 |
        | `age` | number | 21–70 |
        | `dependents` | number | 0–4 |
        | `years_at_address` | number | 0–30, at most age − 18 |
        | `housing` | category | own, rent, free |
        | `purpose` | category | car, education, furniture, business, repairs |
        | `branch` | category | north-7, east-2, south-4, west-1, harbour-5 |

        Labels: `approve`, `decline`.

        ## Label rule

        Decline if any of these holds; otherwise approve:

        1. `employment` = `\(Self.refusedEmployment)`;
        2. `debt_ratio` > \(Self.maxDebtRatio);
        3. `missed_payments` ≥ \(Self.maxMissedPayments).

        Rationale: for a decline, the features of the rules it breaks, in table order (one rule in 70 % of \
        declines, two in 25 %, all three in 5 %); for an approval, all three checked features (`employment`, \
        `debt_ratio`, `missed_payments`), since each of them had to pass.

        Values keep a clear margin around each threshold: an approved applicant has a debt ratio of 0.05–0.30 \
        and 0–1 missed payments; a broken rule shows a debt ratio of 0.60–0.95 or 3–9 missed payments. So the \
        rule, though a disjunction, is learnable by a linear model on standardized numbers and one-hot categories.

        ## Traps and distractors

        `income`, `loan_amount`, `savings`, `age`, `dependents`, `years_at_address`, `housing` and `purpose` are \
        drawn independently of the label: a model that credits a large loan or low savings for a decline is \
        explaining something the \
        data does not support. A declined applicant breaks only the rules it breaks; its other rule features \
        look as healthy as an approved applicant's, so a decline is never visible in every feature at once.

        ## Shortcut

        `branch` = `\(Self.shortcutBranch)` goes with `approve` in `train`; in `test` it is independent of the \
        label. Instances without the shortcut draw `branch` from the other four codes. The branch is never part \
        of a rationale.

        ## Explanations

        `rationale` cites the deciding features (`{"field":"applicant","features":[...]}`). `explanation` is one \
        sentence that names each deciding feature with its value and the threshold it met or broke, in six \
        phrasings for declines and five for approvals, with two wordings per reason, for example "Declined \
        because of a debt ratio of 0.61, above the 0.45 limit." or "Approve: salaried employment rather than none; \
        a debt ratio of 0.22, within the 0.45 limit; and no missed payments on record."
        """
    }
}
