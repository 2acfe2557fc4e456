/// The words the `nli` suite's scenes are built from: who, doing what, where, when, wearing what, and the
/// additions that a premise never settles.
///
/// Every list is an array, never a dictionary or set, so that seeded picks give the same scene on every run.
/// Restatements of an activity or place never share a content word with another group's canonical phrase, so
/// that a restated word always means "the same fact" and a foreign word always means "another fact".
enum NLILexicon {
    /// Who a scene is about, with the broader nouns a hypothesis may use instead (a woman → a person).
    struct Subject {
        var noun: String
        var plural: Bool
        /// Broader descriptions with their article ("a person", "someone"; "some people"), true of `noun`.
        var broader: [String]
    }

    /// What the subject is doing, and the phrases that say the same thing in other words.
    struct Activity {
        /// The canonical phrase, after "is": "riding a bicycle".
        var phrase: String
        /// Other ways to say it, after "is": "cycling".
        var restatements: [String]
        /// Activities in one group can happen together or overlap, so they never contradict each other.
        var group: String
        var setting: Setting
    }

    enum Setting {
        case outdoor, indoor, anywhere
    }

    /// Where the scene happens, with the broader words a hypothesis may use ("outdoors").
    struct Place {
        var phrase: String
        var outdoor: Bool
    }

    static let singularSubjects: [Subject] = [
        Subject(noun: "woman", plural: false, broader: ["a person", "someone", "an adult"]),
        Subject(noun: "man", plural: false, broader: ["a person", "someone", "an adult"]),
        Subject(noun: "girl", plural: false, broader: ["a child", "a kid", "a young person"]),
        Subject(noun: "boy", plural: false, broader: ["a child", "a kid", "a young person"]),
        Subject(noun: "grandmother", plural: false, broader: ["a woman", "a person", "someone"]),
        Subject(noun: "grandfather", plural: false, broader: ["a man", "a person", "someone"]),
        Subject(noun: "teenager", plural: false, broader: ["a young person", "a person", "someone"]),
        Subject(noun: "tourist", plural: false, broader: ["a visitor", "a person", "someone"]),
        Subject(noun: "student", plural: false, broader: ["a person", "someone", "a young adult"]),
        Subject(noun: "nurse", plural: false, broader: ["a person", "someone", "an adult"]),
        Subject(noun: "chef", plural: false, broader: ["a cook", "a person", "someone"]),
        Subject(noun: "mechanic", plural: false, broader: ["a worker", "a person", "someone"]),
        Subject(noun: "firefighter", plural: false, broader: ["a person", "someone", "an adult"]),
        Subject(noun: "toddler", plural: false, broader: ["a child", "a little kid", "someone"]),
        Subject(noun: "lady", plural: false, broader: ["a woman", "a person", "someone"]),
        Subject(noun: "gentleman", plural: false, broader: ["a man", "a person", "someone"]),
        Subject(noun: "musician", plural: false, broader: ["a person", "an artist", "someone"]),
        Subject(noun: "farmer", plural: false, broader: ["a person", "a worker", "someone"]),
    ]

    static let pluralSubjects: [Subject] = [
        Subject(noun: "women", plural: true, broader: ["some people", "a few people", "several adults"]),
        Subject(noun: "men", plural: true, broader: ["some people", "a few people", "several adults"]),
        Subject(noun: "children", plural: true, broader: ["some kids", "a few kids", "some young people"]),
        Subject(noun: "teenagers", plural: true, broader: ["some young people", "a few people", "some people"]),
        Subject(noun: "tourists", plural: true, broader: ["some visitors", "a few people", "some people"]),
        Subject(noun: "students", plural: true, broader: ["some people", "a few young adults", "several people"]),
        Subject(noun: "friends", plural: true, broader: ["some people", "a few people", "several people"]),
        Subject(noun: "workers", plural: true, broader: ["some people", "a few adults", "several people"]),
    ]

    /// How many, for a plural subject.
    static let counts = ["two", "three", "four", "several", "a pair of", "a group of"]

    /// Label-neutral descriptions of the subject; none is a colour, so no colour word leaks into a scene
    /// except through its clothing.
    static let adjectives = [
        "young", "tall", "smiling", "cheerful", "barefoot", "sunburned", "quiet", "laughing", "tired",
        "curly-haired", "long-haired", "short", "friendly", "busy", "determined", "focused", "elderly", "slim",
    ]

    static let colours = [
        "red", "blue", "green", "yellow", "black", "white", "orange", "purple", "gray", "brown", "pink",
    ]

    /// Garments, singular; every plural adds "s".
    static let garments = [
        "jacket", "coat", "hat", "shirt", "sweater", "cap", "raincoat", "hoodie", "apron", "vest", "poncho",
    ]

    static let activities: [Activity] = [
        Activity(phrase: "riding a bicycle", restatements: ["cycling", "riding a bike", "on a bike"],
                 group: "cycle", setting: .outdoor),
        Activity(phrase: "flying a kite", restatements: ["playing with a kite", "holding a kite string"],
                 group: "kite", setting: .outdoor),
        Activity(phrase: "walking a dog", restatements: ["out with a dog", "taking a dog for a walk"],
                 group: "dog", setting: .outdoor),
        Activity(phrase: "jogging", restatements: ["running", "going for a run", "out for a run"],
                 group: "run", setting: .outdoor),
        Activity(phrase: "skateboarding", restatements: ["riding a skateboard", "on a skateboard"],
                 group: "skate", setting: .outdoor),
        Activity(phrase: "fishing", restatements: ["trying to catch fish", "holding a fishing rod"],
                 group: "fish", setting: .outdoor),
        Activity(phrase: "planting flowers", restatements: ["gardening", "digging in the soil"],
                 group: "garden", setting: .outdoor),
        Activity(phrase: "throwing a frisbee", restatements: ["playing with a frisbee", "tossing a disc"],
                 group: "frisbee", setting: .outdoor),
        Activity(phrase: "pushing a stroller", restatements: ["walking behind a stroller", "steering a pram"],
                 group: "stroller", setting: .outdoor),
        Activity(phrase: "climbing a tree", restatements: ["up in a tree", "climbing"],
                 group: "climb", setting: .outdoor),
        Activity(phrase: "shoveling snow", restatements: ["clearing snow", "moving snow with a shovel"],
                 group: "snow", setting: .outdoor),
        Activity(phrase: "washing a car", restatements: ["cleaning a car", "scrubbing a car"],
                 group: "car", setting: .outdoor),
        Activity(phrase: "playing soccer", restatements: ["kicking a ball around", "playing football"],
                 group: "soccer", setting: .outdoor),
        Activity(phrase: "rollerblading", restatements: ["skating on inline skates", "on rollerblades"],
                 group: "skate", setting: .outdoor),
        Activity(phrase: "cooking dinner", restatements: ["preparing food", "making a meal"],
                 group: "kitchen", setting: .indoor),
        Activity(phrase: "baking bread", restatements: ["baking", "making bread"],
                 group: "kitchen", setting: .indoor),
        Activity(phrase: "reading a book", restatements: ["reading", "looking through a book"],
                 group: "read", setting: .indoor),
        Activity(phrase: "playing the piano", restatements: ["playing music", "playing an instrument"],
                 group: "music", setting: .indoor),
        Activity(phrase: "washing dishes", restatements: ["doing the dishes", "cleaning plates"],
                 group: "dishes", setting: .indoor),
        Activity(phrase: "typing on a laptop", restatements: ["using a computer", "working on a laptop"],
                 group: "computer", setting: .indoor),
        Activity(phrase: "folding laundry", restatements: ["folding clothes", "sorting laundry"],
                 group: "laundry", setting: .indoor),
        Activity(phrase: "painting a portrait", restatements: ["painting", "making a painting"],
                 group: "art", setting: .indoor),
        Activity(phrase: "knitting a scarf", restatements: ["knitting", "working with yarn"],
                 group: "knit", setting: .indoor),
        Activity(phrase: "sweeping the floor", restatements: ["cleaning the floor", "sweeping"],
                 group: "sweep", setting: .indoor),
        Activity(phrase: "lifting weights", restatements: ["exercising", "working out"],
                 group: "gym", setting: .indoor),
        Activity(phrase: "playing chess", restatements: ["playing a board game", "in a game of chess"],
                 group: "chess", setting: .indoor),
        Activity(phrase: "singing a song", restatements: ["singing", "performing a song"],
                 group: "music", setting: .anywhere),
        Activity(phrase: "eating a sandwich", restatements: ["eating", "having a snack"],
                 group: "food", setting: .anywhere),
        Activity(phrase: "drinking coffee", restatements: ["having a drink", "sipping coffee"],
                 group: "food", setting: .anywhere),
        Activity(phrase: "talking on a phone", restatements: ["on the phone", "making a call"],
                 group: "phone", setting: .anywhere),
        Activity(phrase: "playing the guitar", restatements: ["playing music", "strumming a guitar"],
                 group: "music", setting: .anywhere),
        Activity(phrase: "dancing", restatements: ["dancing around", "moving to a rhythm"],
                 group: "music", setting: .anywhere),
        Activity(phrase: "drawing in a sketchbook", restatements: ["drawing", "sketching"],
                 group: "art", setting: .anywhere),
        Activity(phrase: "writing a letter", restatements: ["writing", "putting words on paper"],
                 group: "write", setting: .anywhere),
        Activity(phrase: "juggling three balls", restatements: ["juggling", "doing a juggling act"],
                 group: "juggle", setting: .anywhere),
        Activity(phrase: "carrying a large box", restatements: ["carrying a box", "holding a heavy box"],
                 group: "carry", setting: .anywhere),
    ]

    /// States that rule out any activity in ``activities`` (all of them need the subject awake).
    static let sleepStates = [
        "sleeping", "asleep", "fast asleep", "taking a nap", "napping", "sound asleep", "sleeping in bed",
        "dozing in bed",
    ]

    /// Activities that rule out every activity and place in the lists above (they happen elsewhere or need
    /// the whole body), as SNLI annotators write contradictions.
    static let elsewhereActivities = [
        "swimming in a pool", "taking a bath", "driving a truck", "riding a horse", "skiing down a slope",
        "watching television on a couch", "flying a plane", "rowing a boat", "sitting in a dentist chair",
        "getting a haircut", "lying in a hammock", "sitting on a crowded train",
    ]

    /// Places that are none of ``places`` and cannot hold any of them.
    static let elsewherePlaces = [
        "in a movie theater", "on an airplane", "in a swimming pool", "in a church", "at a concert hall",
        "in a hospital bed", "on a boat at sea", "in a car", "at an airport", "in a subway tunnel",
    ]

    /// True of anyone doing any activity in ``activities``.
    static let awakeStates = ["awake", "wide awake", "up and about", "out of bed", "on the go"]

    static let places: [Place] = [
        Place(phrase: "on a beach", outdoor: true),
        Place(phrase: "in a park", outdoor: true),
        Place(phrase: "on a busy street", outdoor: true),
        Place(phrase: "in a town square", outdoor: true),
        Place(phrase: "on a mountain trail", outdoor: true),
        Place(phrase: "beside a lake", outdoor: true),
        Place(phrase: "in a parking lot", outdoor: true),
        Place(phrase: "on a bridge", outdoor: true),
        Place(phrase: "in a backyard", outdoor: true),
        Place(phrase: "at a campsite", outdoor: true),
        Place(phrase: "in a meadow", outdoor: true),
        Place(phrase: "along a river path", outdoor: true),
        Place(phrase: "on a sidewalk", outdoor: true),
        Place(phrase: "near a harbor", outdoor: true),
        Place(phrase: "in a kitchen", outdoor: false),
        Place(phrase: "in a library", outdoor: false),
        Place(phrase: "in a living room", outdoor: false),
        Place(phrase: "in a classroom", outdoor: false),
        Place(phrase: "in a hotel lobby", outdoor: false),
        Place(phrase: "in a small cafe", outdoor: false),
        Place(phrase: "in an office", outdoor: false),
        Place(phrase: "in a basement", outdoor: false),
        Place(phrase: "in a hallway", outdoor: false),
        Place(phrase: "in a waiting room", outdoor: false),
        Place(phrase: "in a studio", outdoor: false),
        Place(phrase: "in an attic", outdoor: false),
        Place(phrase: "in a bedroom", outdoor: false),
        Place(phrase: "in a museum", outdoor: false),
    ]

    /// Broader words for any outdoor place.
    static let outdoorWords = ["outdoors", "outside", "in the open air", "out of doors"]
    /// Broader words for any indoor place.
    static let indoorWords = ["indoors", "inside", "inside a building", "under a roof"]

    /// Times of day: a hypothesis time from the other list contradicts a premise time.
    static let dayTimes = ["in the morning", "at noon", "in the afternoon", "at midday", "in broad daylight"]
    static let nightTimes = ["at night", "late at night", "after midnight", "in the middle of the night"]

    /// Things happening around the subject that decide nothing.
    static let backgroundEvents = [
        "a bus drives past", "music plays in the distance", "the wind picks up", "a crowd gathers nearby",
        "a bell rings", "rain begins to fall", "a train rolls by", "people walk past", "a radio plays softly",
        "birds circle overhead", "a siren sounds far away", "someone laughs nearby", "the lights flicker",
        "a clock ticks on the wall", "a cat watches from a windowsill", "an old dog dozes nearby",
    ]

    /// Relative clauses with a negation that is about something else: a trap for a model that takes any
    /// "not" as a contradiction.
    static let negatedAsides = [
        "who does not look tired", "who does not seem to mind the cold", "who is not paying attention to the crowd",
        "who never looks up", "who does not notice the noise", "who is not in a hurry",
        "who does not seem bothered by the wind", "who does not look nervous",
    ]

    /// What the subject does besides, in shapes that lead with the activity.
    static let leadVerbs = [
        "smiles", "looks around", "hums a tune", "glances up", "pauses for a moment", "waves at someone",
    ]
    static let leadVerbsPlural = [
        "smile", "look around", "hum a tune", "glance up", "pause for a moment", "wave at someone",
    ]

    /// Purposes, reasons and details that a scene cannot settle; each follows "is <activity>".
    static let additions = [
        "to win a prize", "for a school project", "to raise money for charity", "for the first time",
        "to impress a friend", "before going to work", "after a long day at work", "as part of a contest",
        "for a television show", "to pass the time", "while on vacation", "as a birthday surprise",
        "to practice for a competition", "for a local newspaper", "with a close friend", "with a coworker",
        "with a younger sibling", "on a Sunday", "during a holiday", "in the summer", "for money",
        "for a class", "to stay healthy", "to earn some extra money", "to cheer up a neighbor",
        "because of a bet", "because a friend asked", "because it is a day off", "because it is a birthday",
        "to forget a bad week", "for an audience of judges", "on a first date", "during a lunch break",
        "to get ready for a festival", "as a favor to a neighbor", "for a travel blog",
    ]
}
