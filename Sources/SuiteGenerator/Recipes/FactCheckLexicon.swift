/// The invented world of the `fact-check` suite: towns, people, firms and novels that exist nowhere else, the
/// relations a claim can state about them, and the values those relations take.
///
/// Nothing here names a real place or person on purpose, so no outside knowledge can decide a claim: only the
/// evidence can. Every list is an array, so that seeded picks are the same on every run.
enum FactCheckLexicon {
    /// What a claim is about.
    enum SubjectKind: CaseIterable {
        case town, person, company, novel
    }

    /// Where a relation's values come from.
    enum ValueKind {
        case province, year, river, speciality, town, profession, instrument, college, product, person
    }

    /// One relation a claim can state, with the wordings claims and evidence use for it.
    struct Relation {
        var subject: SubjectKind
        var values: ValueKind
        /// Wordings in claims, each followed by the value: "lies in the province of".
        var claimPredicates: [String]
        /// Wordings in evidence sentences; all wordings of a relation, in claims and evidence, share its key word
        /// (or its values do, as "river" does), so that a sentence about the relation overlaps the claim.
        var evidencePredicates: [String]
        /// The open question, with `{S}` for the subject: "which province {S} lies in".
        var question: String
    }

    static let relations: [Relation] = [
        Relation(subject: .town, values: .province,
                 claimPredicates: ["lies in the province of", "is located in the province of",
                                   "is part of the province of"],
                 evidencePredicates: ["lies in the province of", "belongs to the province of",
                                      "is counted as part of the province of", "sits in the province of"],
                 question: "which province {S} lies in"),
        Relation(subject: .town, values: .year,
                 claimPredicates: ["was founded in", "was first founded in"],
                 evidencePredicates: ["was founded in", "was first founded in", "was founded by settlers in"],
                 question: "when {S} was founded"),
        Relation(subject: .town, values: .river,
                 claimPredicates: ["stands on", "lies on"],
                 evidencePredicates: ["stands on", "lies on", "was built on the banks of"],
                 question: "which river {S} stands on"),
        Relation(subject: .town, values: .speciality,
                 claimPredicates: ["is known for its", "is best known for its"],
                 evidencePredicates: ["is best known for its", "is known for its", "has long been known for its"],
                 question: "what {S} is known for"),
        Relation(subject: .person, values: .town,
                 claimPredicates: ["was born in"],
                 evidencePredicates: ["was born in", "was born and raised in", "was born in the town of"],
                 question: "where {S} was born"),
        Relation(subject: .person, values: .profession,
                 claimPredicates: ["works as", "works full time as"],
                 evidencePredicates: ["works as", "now works as", "works full time as"],
                 question: "what {S} does for a living"),
        Relation(subject: .person, values: .instrument,
                 claimPredicates: ["plays", "regularly plays"],
                 evidencePredicates: ["plays", "still plays", "regularly plays"],
                 question: "which instrument {S} plays"),
        Relation(subject: .person, values: .college,
                 claimPredicates: ["studied at", "once studied at"],
                 evidencePredicates: ["studied at", "studied for four years at", "studied history at"],
                 question: "where {S} studied"),
        Relation(subject: .company, values: .town,
                 claimPredicates: ["is headquartered in", "has always been headquartered in"],
                 evidencePredicates: ["is headquartered in", "has always been headquartered in",
                                      "is still headquartered in"],
                 question: "where {S} is based"),
        Relation(subject: .company, values: .product,
                 claimPredicates: ["makes", "still makes"],
                 evidencePredicates: ["makes", "mainly makes", "still makes"],
                 question: "what {S} makes"),
        Relation(subject: .company, values: .person,
                 claimPredicates: ["was founded by"],
                 evidencePredicates: ["was founded by", "was founded in a garage by", "was originally founded by"],
                 question: "who founded {S}"),
        Relation(subject: .company, values: .year,
                 claimPredicates: ["opened for business in", "first opened in"],
                 evidencePredicates: ["opened for business in", "first opened in", "opened its doors in"],
                 question: "when {S} opened for business"),
        Relation(subject: .novel, values: .person,
                 claimPredicates: ["was written by", "was written in secret by"],
                 evidencePredicates: ["was written by", "was written in secret by", "was written in one winter by"],
                 question: "who wrote {S}"),
        Relation(subject: .novel, values: .year,
                 claimPredicates: ["was published in", "was first published in"],
                 evidencePredicates: ["was published in", "was first published in",
                                      "was published in a small edition in"],
                 question: "when {S} was published"),
        Relation(subject: .novel, values: .town,
                 claimPredicates: ["is set in"],
                 evidencePredicates: ["is set in", "is set entirely in", "is mostly set in"],
                 question: "where {S} is set"),
    ]

    static let towns = [
        "Varnholt", "Quenmoor", "Tarrowby", "Brasselin", "Ostwick", "Haldenmere", "Pellbrook", "Dunmarrow",
        "Kessington", "Orlavy", "Wrenfield", "Calloway Cross", "Amberlyn", "Stovehaven", "Mirrendale", "Fallowick",
        "Grisholme", "Thornavel", "Lisburrow", "Quillby", "Vesselmoor", "Harrowgate Minor", "Pennistrand",
        "Ilverton", "Sallowmere", "Brackenholt", "Odrenna", "Cauldwick", "Marlowby", "Teskerry", "Yarrowdene",
        "Hobbleford", "Ruvenna", "Elsinmoor", "Gattersby", "Noddingham", "Skellingate", "Barrowvale",
        "Wickenhall", "Pimbrook", "Sorrelby", "Drummelin", "Ashenfold", "Korvath", "Linnethby", "Umbersley",
    ]

    static let provinces = [
        "Ostreva", "Delmark", "Halvane", "Corvenna", "Marrowen", "Vennland", "Aldrecht", "Suvaria", "Orravin",
        "Pelloria", "Sarnhold", "Glimmerfold", "Tessavine", "Brundaval", "Kelmora", "Westerlan",
    ]

    static let rivers = [
        "the river Vell", "the river Orsk", "the river Tamber", "the river Lissom", "the river Karrow",
        "the river Mede", "the river Brannock", "the river Quill", "the river Ossel", "the river Fennick",
        "the river Dorrow", "the river Silvane", "the river Abbet", "the river Yarl",
    ]

    static let specialities = [
        "salt mines", "glassworks", "apple orchards", "lace market", "clock tower", "horse fair",
        "copper foundry", "cheese caves", "paper mills", "lantern festival", "stone bridges", "rose gardens",
        "boatyards", "honey market", "pottery kilns", "wool market", "bell foundry", "herring smokehouses",
    ]

    static let firstNames = [
        "Tilda", "Oren", "Mirela", "Casimir", "Junie", "Anselm", "Rosalind", "Teodor", "Ilse", "Marek", "Odile",
        "Piet", "Saskia", "Bram", "Livia", "Ewald", "Corinna", "Fenwick", "Hedda", "Lucan", "Margit", "Nestor",
        "Philippa", "Ruben", "Sabine", "Tobias", "Valka", "Wendel", "Yvette", "Zoran",
    ]

    static let surnames = [
        "Vantreece", "Oakhollow", "Pellegrine", "Strandberg", "Kettleby", "Morrowdale", "Quillfeather",
        "Dunmore", "Haverlock", "Ashgrove", "Brimble", "Castellane", "Drewitt", "Eberhart", "Fallon-Reyes",
        "Gorrister", "Hollingbrook", "Ingleby", "Jessamine", "Korrigan", "Lambeth-Orr", "Marchbank", "Nettlefold",
        "Ostrander", "Pimlott", "Quarrie", "Rookwood", "Selden", "Thistlewaite", "Underhay",
    ]

    /// Each with its article, as it follows "works as".
    static let professions = [
        "a cartographer", "a clockmaker", "a violin maker", "a beekeeper", "a glassblower", "a ferry pilot",
        "a bookbinder", "a lighthouse keeper", "a stonemason", "a botanist", "a tailor", "a surveyor",
        "a puppeteer", "a locksmith", "an organ tuner", "a potter", "a weaver", "a brewer", "an archivist",
        "a sculptor", "a falconer", "a chemist", "a miller", "a bridge engineer", "a midwife", "a translator",
        "a cooper", "a saddler",
    ]

    static let instruments = [
        "the cello", "the oboe", "the harp", "the accordion", "the bassoon", "the banjo", "the trumpet",
        "the viola", "the flute", "the zither", "the mandolin", "the clarinet", "the harmonica", "the piano",
        "the tuba", "the hurdy-gurdy",
    ]

    static let colleges = [
        "Orrin College", "the Halvane Institute", "Saint Brevard's Academy", "the Quenmoor School of Arts",
        "Marrowen University", "the Kelmora Polytechnic", "Tessavine College", "the Royal Academy of Ostwick",
        "Pellbrook Seminary", "the Westerlan Conservatory", "Dunmarrow Technical College", "Aldrecht University",
    ]

    static let companyStems = [
        "Brightwell", "Korva", "Stennet", "Halloway", "Ormond", "Vesper", "Tallis", "Duvall", "Pinnock", "Grayle",
        "Merriwick", "Arbogast", "Fenmore", "Quillon", "Rasmusen", "Sterling-Pike", "Trevanion", "Ulverstone",
        "Wexley", "Yardley-Bosk", "Cobbett", "Dravenhall", "Esterby", "Larkspur",
    ]

    static let companySuffixes = ["& Sons", "Works", "Company", "Group", "Brothers", "Limited", "Holdings", "& Daughters"]

    static let products = [
        "wool blankets", "ship engines", "bicycle bells", "pocket watches", "canned peaches", "paper lanterns",
        "garden tools", "railway signals", "leather boots", "cough drops", "fishing nets", "ceramic tiles",
        "telescopes", "toy trains", "church bells", "sewing machines", "weather vanes", "copper kettles",
        "rope ladders", "typewriter ribbons",
    ]

    static let novelTitles = [
        "Salt and Lanterns", "A Ledger of Small Winters", "The Glass Ferry", "Under Copper Hill",
        "The Quiet Surveyor", "Nine Bells for Odile", "A House of Borrowed Clocks", "The Orchard Keeper's Debt",
        "Lamplight on the Weir", "The Last Barge", "Wool and Iron", "A Map Without Roads", "The Tinsmith's Daughter",
        "Harbor of Second Chances", "The Long Thaw", "A Season of Kites", "The Bellringer", "Paper Boats",
        "The Saltmarsh Letters", "Seven Doors in Amberlyn", "The Weaver's Accounts", "A Bridge Too Narrow",
        "Rooks Over Varnholt", "The Clockwork Summer",
    ]

    /// Descriptions set off by commas after a subject, which decide nothing.
    static let appositions: [[String]] = [
        ["a small market town", "an old harbor town", "a hill town", "a former mining town", "a quiet border town"],
        ["a well-known figure in the region", "the eldest of four children", "a keen amateur astronomer",
         "a longtime member of the choir"],
        ["a family firm", "a mid-sized manufacturer", "a firm with a long history", "a cooperative"],
        ["a slim novel", "a prize-winning book", "a novel of some four hundred pages", "a long family saga"],
    ]

    /// Openings of plain evidence sentences, which decide nothing.
    static let sourceOpenings = [
        "According to the regional gazetteer", "As local records show", "By most accounts", "In the archives",
        "As the yearbook notes", "According to a guidebook", "As a museum plaque explains",
        "According to the trade register",
    ]

    /// Endings of plain evidence sentences, which decide nothing.
    static let sourceEndings = [
        "as a plaque in the square records", "a fact noted in several guidebooks", "according to the parish books",
        "as the census lists it", "as an old newspaper reported",
    ]
}
