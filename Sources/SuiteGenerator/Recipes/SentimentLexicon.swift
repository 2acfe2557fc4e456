/// The words and phrases the `sentiment` suite's reviews are built from.
///
/// Opinion phrases are the only thing that decides a review's label, so each list keeps one polarity; negated
/// phrases put a negator (`not`, `never`, `hardly`, `far from`, `anything but`, `by no means`) before a word of
/// the other list ("never dull" beside "dull"), so that a reader that counts polarity words without seeing the
/// negator is caught. Everything else (titles, people,
/// places, plot, facts, opinions about the cinema) appears with either label alike.
enum SentimentLexicon {
    /// One opinion phrase about the film and the polarity it gives the review.
    struct Opinion: Sendable {
        var text: String
        var positive: Bool
        /// Whether a negator flips an evaluative word inside it ("not bad", "hardly brilliant").
        var negated: Bool
        /// Whether a neutral modifier ("truly", "rather") may stand before it: plain evaluative words only.
        var modifiable: Bool
    }

    // MARK: Evaluative words. They complete "the film is ___", "I found it ___" and "the pacing is ___"; the
    // lists are kept short so that each word recurs often enough to be learnt, and variety comes from the
    // frames, the neutral modifiers and the negations instead.

    static let praise = [
        "gripping", "moving", "delightful", "wonderful", "superb", "brilliant", "charming", "hilarious",
        "thrilling", "riveting", "terrific", "engrossing", "lovely", "inventive", "stunning", "heartfelt",
        "excellent", "masterful", "compelling", "captivating", "gorgeous", "witty", "poignant", "outstanding",
    ]

    static let scorn = [
        "dull", "tedious", "boring", "lifeless", "clumsy", "flat", "forgettable", "muddled", "predictable",
        "shallow", "bland", "joyless", "sloppy", "dreary", "hollow", "pointless", "uninspired", "disappointing",
        "incoherent", "plodding", "grating", "limp", "terrible", "bad",
    ]

    /// Noun phrases that judge the film as a whole ("it is a triumph").
    static let praiseNouns = ["a triumph", "a joy to watch", "a masterpiece", "a delight", "a treat", "a pleasure"]

    static let scornNouns = ["a mess", "a chore", "a letdown", "a slog", "a waste of time", "a misfire"]

    /// Negated scorn, which is praise, if mild. A short fixed list rather than every negator with every word,
    /// so that each negated pair recurs often enough for a bag-of-bigrams reader to learn it.
    static let negatedScorn = [
        "not bad", "not bad at all", "never dull", "far from boring", "anything but predictable", "never tedious",
        "by no means forgettable", "hardly shallow", "not bland", "far from disappointing", "never boring",
    ]

    /// Negated praise, which is scorn, however polite.
    static let negatedPraise = [
        "hardly brilliant", "far from gripping", "never moving", "not witty", "anything but charming",
        "hardly inventive", "not compelling", "far from excellent", "by no means wonderful", "never thrilling",
        "not remotely stunning",
    ]

    static let negatedScornNouns = [
        "far from a letdown", "not a waste of time", "hardly a chore", "by no means a mess",
    ]

    static let negatedPraiseNouns = [
        "far from a triumph", "hardly a masterpiece", "not a pleasure", "by no means a delight",
    ]

    /// Words that strengthen an evaluative word without deciding anything; they occur with either label and
    /// are not evidence.
    static let modifiers = ["truly", "utterly", "quite", "genuinely", "simply", "rather", "thoroughly", "so"]

    // MARK: Opinion phrases that complete "the film ___."

    static let praiseActions = [
        "earns every one of its laughs", "kept me on the edge of my seat", "grabs you from the first scene",
        "lingers long after the credits", "rewards every bit of patience", "soars in its final act",
        "never puts a foot wrong", "left me grinning", "won me over completely", "had the whole room cheering",
        "hits every emotional note", "gets better with every scene", "never loses its grip",
        "moved me to tears", "deserves every award it gets", "is worth seeing twice",
    ]

    static let scornActions = [
        "falls apart in the second half", "wastes a talented cast", "drags on far too long", "left me cold",
        "never finds its footing", "outstays its welcome", "goes nowhere", "squanders a promising premise",
        "nearly put me to sleep", "never comes alive", "had me checking my watch", "fumbles every big moment",
        "loses the plot early", "never earns its ending", "insults the audience", "runs out of ideas fast",
    ]

    // MARK: Aspects of the film and what is said of them.

    static let aspects = [
        "the script", "the direction", "the lead performance", "the pacing", "the dialogue", "the editing",
        "the ending", "the humour", "the camera work", "the score", "the central romance", "the second act",
        "the supporting cast", "the screenplay", "the final twist", "the chemistry between the leads",
        "the storytelling", "the action staging",
    ]

    // MARK: Other people's opinions, which the rule ignores.

    static let otherVoices = [
        "A friend told me it was", "Some critics have called it", "The trailer promised something",
        "My brother swore it was", "The poster quote calls it", "A colleague warned me it was",
        "Word of mouth says it is", "My neighbour insisted it was",
    ]

    // MARK: Neutral material: titles, people, places, plot and facts.

    static let titles = [
        "The Salt Road", "Midnight Orchard", "Harbour Lights", "The Long Winter", "Paper Lanterns",
        "A House in Umbria", "The Ninth Floor", "Copper Sky", "The Quiet Crossing", "Northern Line",
        "Glass Houses", "The Cartographer", "Hollow Creek", "Second Spring", "The Lighthouse Keeper",
        "Blue Hour", "The Weight of Rain", "Kingfisher", "Dust and Thunder", "The Last Tram",
        "Small Hours", "The Orchard Thief", "Riverbend", "Station Road", "The Brass Band",
        "Iron Meadow", "The Understudy", "Low Water", "Cold Harvest", "The Night Ferry",
        "Wildflower Summer", "The Signal", "Tin Roof Rain", "The Archivist", "Empty Rooms",
        "Saltwater Saints", "The Tenant", "Far Country", "Clockwork Heart", "Under the Viaduct",
    ]

    static let characters = [
        "Mara", "Tomas", "Elsie", "Darius", "Ines", "Callum", "Noor", "Felix", "Ruth", "Anselm", "Priya",
        "Joaquin", "Greta", "Solomon", "Wren", "Idris", "Lotte", "Marcus", "Ada", "Bram", "Yusuf", "Clara",
        "Oskar", "Hana", "Teodor", "June", "Rafael", "Maeve", "Kofi", "Bettina",
    ]

    static let occupations = [
        "retired lighthouse keeper", "night-shift nurse", "struggling violinist", "small-town sheriff",
        "widowed baker", "teenage chess prodigy", "disgraced chef", "ferry captain", "museum night guard",
        "junior lawyer", "beekeeper", "former boxer", "schoolteacher", "radio presenter", "truck driver",
        "marine biologist", "wedding photographer", "retired spy", "hotel receptionist", "village postman",
        "architect", "circus acrobat", "tax inspector", "war correspondent", "farmer", "piano tuner",
        "taxi driver", "young priest", "forensic accountant", "stage magician",
    ]

    static let places = [
        "coastal Maine", "1970s Lisbon", "a Welsh mining town", "post-war Vienna", "rural Quebec",
        "a Glasgow tower block", "the Scottish Highlands", "a Berlin suburb", "present-day Lagos",
        "a Norwegian fishing village", "1950s Naples", "an Australian sheep station", "downtown Chicago",
        "a Kyoto guesthouse", "a dying seaside resort", "the Texas panhandle", "a Parisian bookshop",
        "an Irish island", "a Yorkshire mill town", "Mexico City", "a remote research station",
        "a Baltic port", "suburban Melbourne", "a Moroccan market town", "a snowed-in mountain hotel",
        "Cold War Prague", "a Cornish harbour", "a Nairobi high school", "a Manila call centre",
        "a Sicilian vineyard",
    ]

    static let plotEvents = [
        "takes in a runaway teenager", "inherits a crumbling farmhouse", "finds a stranger's diary",
        "tries to win back an estranged daughter", "is hired to find a missing painting",
        "agrees to coach a hopeless football team", "witnesses a robbery on the night bus",
        "plans one last trip with an ageing father", "discovers a family secret",
        "enters a baking contest against a sibling", "hides a fugitive in the attic",
        "starts receiving letters from the future", "loses everything in a flood",
        "is wrongly accused of a theft", "sets out to sail around the coast alone",
        "falls for a rival in a local election", "investigates a string of burglaries",
        "tries to keep a failing cinema open", "reunites a band after twenty years",
        "is stranded by a blizzard with three strangers", "goes undercover at a rival firm",
        "searches for a brother who vanished years ago", "opens a restaurant with no money",
        "trains for a marathon after a heart scare", "adopts a difficult dog",
        "must testify against an old friend", "returns home for a funeral", "swaps lives with a twin",
        "takes a job on a night train", "tries to save a village school from closure",
    ]

    static let actors = [
        "Helena Marsh", "Joel Okafor", "Saoirse Brennan", "Viktor Lund", "Amira Haddad", "Dev Raman",
        "Colette Vire", "Owen Pryce", "Lucia Ferrante", "Tobias Engel", "Grace Adeyemi", "Rory Calder",
        "Mei Tanaka", "Sven Ostberg", "Paloma Ruiz", "Ewan Locke", "Nadia Petrova", "Hugo Marchetti",
        "Ingrid Solberg", "Caleb Whitlock", "Farah Siddiqui", "Declan Moss", "Yara Nasser", "Leon Brandt",
        "Sofia Karras", "Ben Achterberg", "Tess Langley", "Malik Osei", "Anouk Visser", "Jonah Reyes",
    ]

    static let directors = [
        "Agnes Halloran", "Thomas Kell", "Rosa Iturbe", "Kenji Aoyama", "Miriam Flood", "Luc Morand",
        "Fatou Diallo", "Piotr Nowak", "Sarah Lindqvist", "Omar Zaki", "Celia Brand", "Ravi Menon",
        "Ulla Berg", "Diego Salas", "Hannah Cole", "Matteo Bruni",
    ]

    static let genres = [
        "a family drama", "a slow-burn thriller", "a romantic comedy", "a coming-of-age story", "a heist film",
        "a period piece", "a road movie", "a ghost story", "a courtroom drama", "a sports film",
        "a science-fiction tale", "a musical", "a war film", "a detective story", "a satire", "a western",
        "a documentary-style drama", "a chamber piece", "a survival story", "a caper",
    ]

    static let releaseFacts = [
        "it opened at a festival last spring", "it was shot in just twenty-six days",
        "it is based on a short story from the 1980s", "it was filmed entirely on location",
        "it arrives in cinemas this Friday", "it is the first feature from a former editor",
        "most of the cast are newcomers", "the score was recorded with a full orchestra",
        "it was filmed in black and white", "it is a remake of a Danish film",
        "the script went through eleven drafts", "it is partly subtitled",
        "it was made on a very small budget", "it is being released straight to streaming in some countries",
        "the director also wrote the screenplay", "it closes a loose trilogy",
    ]

    /// Opinions about the evening rather than the film; the rule ignores them.
    static let venueRemarks = [
        "the popcorn was stale", "the seats in screen two are cramped", "the tickets were overpriced",
        "the auditorium was freezing", "the seats were comfy", "the foyer was spacious",
        "the staff were friendly", "the tickets were cheap", "the people behind me were noisy",
        "the audience was polite", "it was pouring with rain outside", "the car park was full",
        "the coffee in the lobby was excellent", "the adverts beforehand went on forever",
        "the cinema's new sound system is impressive", "the floor was sticky",
        "the usher was rude", "my companion fell asleep", "the bus home was late",
        "the ice cream was lovely",
    ]
}
