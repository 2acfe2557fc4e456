/// The world-knowledge table behind the `commonsense-qa` suite, and the words its questions are built from.
///
/// Every fact names one object and the phrases that single it out among the other objects of its category;
/// a question is built around one phrase, and its four wrong choices are other objects of the same category,
/// so every choice is plausible for the kind of thing asked about but only one fits the phrase.
enum CommonsenseQALexicon {
    /// How a question asks for an object of a category, which decides the grammar of its phrases.
    enum Form: Sendable {
        /// "What would you use to *cut paper*?" — an infinitive verb phrase.
        case use
        /// "Where would you go to *borrow books*?" — an infinitive verb phrase.
        case place
        /// "Which animal *makes honey*?" — a third-person verb phrase.
        case animal
        /// "Who would you call to *fix a leaking pipe*?" — an infinitive verb phrase.
        case person
    }

    /// A group of objects of one kind; the wrong choices of a question come from the same category.
    struct Category: Sendable {
        var form: Form
        /// How the questions may name the kind ("tool", "appliance", …).
        var noun: String
        /// Whether its objects are picked up by hand; questions about the others avoid "grab", "fetch" and the like.
        var isHandheld = true
        var facts: [Fact]
    }

    /// One object and the phrases that only it, among its category, fits.
    struct Fact: Sendable {
        var answer: String
        /// Whether the name is a plural ("scissors"), which takes no article and a plural verb.
        var isPlural: Bool
        var phrases: [String]

        init(_ answer: String, plural: Bool = false, _ phrases: [String]) {
            self.answer = answer
            self.isPlural = plural
            self.phrases = phrases
        }

        /// The name with its indefinite article: "a kettle", "an oven", "scissors".
        var withArticle: String {
            if isPlural { return answer }
            let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
            return (vowels.contains(answer.first ?? "x") ? "an " : "a ") + answer
        }

        /// "is" or "are", agreeing with the name.
        var verb: String { isPlural ? "are" : "is" }
    }

    static let categories: [Category] = [
        Category(form: .use, noun: "appliance", facts: [
            Fact("refrigerator", ["keep milk cold", "stop fresh meat from spoiling", "chill a bottle of juice"]),
            Fact("oven", ["bake a loaf of bread", "roast a chicken for dinner", "bake a birthday cake"]),
            Fact("toaster", ["brown slices of bread for breakfast", "make crispy toast"]),
            Fact("kettle", ["boil water for tea", "heat water for instant coffee"]),
            Fact("freezer", ["make ice cubes", "store ice cream so it does not melt", "keep frozen peas hard"]),
            Fact("microwave", ["reheat leftovers in two minutes", "warm up a bowl of soup quickly"]),
            Fact("blender", ["make a fruit smoothie", "puree vegetables into a soup"]),
            Fact("dishwasher", ["clean a stack of dirty plates", "wash the dishes without scrubbing by hand"]),
            Fact("washing machine", ["wash muddy clothes", "clean a pile of laundry"]),
        ]),
        Category(form: .use, noun: "tool", facts: [
            Fact("scissors", plural: true, ["cut paper into shapes", "trim a piece of ribbon"]),
            Fact("hammer", ["drive a nail into a board", "knock a nail into the wall"]),
            Fact("screwdriver", ["turn a screw", "loosen the screws on a cabinet hinge"]),
            Fact("saw", ["cut a plank of wood in half", "cut through a thick branch"]),
            Fact("shovel", ["dig a hole in the garden", "clear snow from the path"]),
            Fact("ladder", ["reach a high shelf", "climb up to clean the gutters"]),
            Fact("wrench", ["tighten a bolt", "grip and turn a rusty nut"]),
            Fact("tape measure", ["measure the length of a room", "check how wide a doorway is"]),
            Fact("drill", ["make a hole in a brick wall", "bore holes for wall plugs"]),
            Fact("paintbrush", ["paint a wooden fence", "put a fresh coat of paint on a door"]),
        ]),
        Category(form: .use, noun: "office item", facts: [
            Fact("eraser", ["rub out pencil marks", "remove a mistake made in pencil"]),
            Fact("stapler", ["fasten sheets of paper together", "pin a stack of pages at the corner"]),
            Fact("ruler", ["draw a straight line", "underline a title neatly"]),
            Fact("envelope", ["send a letter by post", "seal a card before mailing it"]),
            Fact("calculator", ["add up a long list of numbers", "work out a sum quickly"]),
            Fact("calendar", ["note the date of an appointment", "see which day of the week a date falls on"]),
            Fact("glue stick", ["stick a photo onto card", "attach paper cutouts to a poster"]),
            Fact("highlighter", ["mark important lines in a textbook",
                                 "make key sentences stand out in bright colour"]),
            Fact("notebook", ["jot down notes during a lecture", "write a diary entry"]),
        ]),
        Category(form: .use, noun: "item", facts: [
            Fact("umbrella", ["stay dry in the rain", "avoid getting soaked in a shower of rain"]),
            Fact("sunglasses", plural: true, ["protect your eyes from bright sunlight",
                                              "stop the sun from dazzling you"]),
            Fact("gloves", plural: true, ["keep your hands warm", "protect your fingers from the frost"]),
            Fact("belt", ["hold up loose trousers", "keep your jeans from slipping down"]),
            Fact("watch", ["tell the time on your wrist", "check the hour without a phone"]),
            Fact("swimsuit", ["go swimming at the pool", "swim laps in the sea"]),
            Fact("apron", ["keep your clothes clean while cooking", "protect a shirt from kitchen splashes"]),
            Fact("helmet", ["protect your head when cycling", "guard your skull on a building site"]),
            Fact("scarf", ["keep your neck warm", "wrap up your throat against a cold wind"]),
        ]),
        Category(form: .use, noun: "household item", facts: [
            Fact("toothbrush", ["clean your teeth", "brush your teeth before bed"]),
            Fact("towel", ["dry yourself after a shower", "dry your hands after washing them"]),
            Fact("comb", ["untangle your hair", "tidy a messy parting"]),
            Fact("mirror", ["see your own reflection", "check how your outfit looks"]),
            Fact("pillow", ["rest your head while sleeping", "prop up your head in bed"]),
            Fact("broom", ["sweep the kitchen floor", "brush dead leaves off the porch"]),
            Fact("vacuum cleaner", ["remove dust from the carpet", "suck crumbs out of a rug"]),
            Fact("lamp", ["light up a dark room", "read at night without straining your eyes"]),
            Fact("key", ["unlock the front door", "open a locked drawer"]),
            Fact("alarm clock", ["wake up on time", "make sure you do not oversleep"]),
            Fact("bin", ["throw away rubbish", "get rid of empty wrappers"]),
        ]),
        Category(form: .use, noun: "container", facts: [
            Fact("vase", ["hold a bunch of cut flowers", "display fresh tulips on a table"]),
            Fact("wallet", ["carry cash and bank cards", "keep banknotes in your pocket"]),
            Fact("suitcase", ["pack clothes for a long trip", "bring your belongings on a holiday flight"]),
            Fact("bucket", ["carry water to wash the car", "fetch water from a well"]),
            Fact("piggy bank", ["save coins at home", "put spare change aside for later"]),
            Fact("lunchbox", ["take sandwiches to school", "pack a midday meal for work"]),
            Fact("basket", ["carry apples picked in an orchard", "take a picnic to the park"]),
            Fact("teapot", ["brew and pour tea for guests", "let tea leaves steep before serving"]),
        ]),
        Category(form: .use, noun: "vehicle", isHandheld: false, facts: [
            Fact("bicycle", ["pedal to work along a cycle lane", "ride on two wheels by pedalling"]),
            Fact("boat", ["cross a lake", "sail out to an island"]),
            Fact("airplane", ["fly across an ocean", "travel to another continent in hours"]),
            Fact("ambulance", ["rush an injured person to hospital", "carry a patient with the siren on"]),
            Fact("fire engine", ["put out a burning house", "bring hoses and water to a blaze"]),
            Fact("tractor", ["plough a field", "pull a trailer of hay across a farm"]),
            Fact("submarine", ["travel deep under the sea", "explore the ocean floor underwater"]),
        ]),
        Category(form: .place, noun: "place", facts: [
            Fact("library", ["borrow books for free", "return an overdue novel"]),
            Fact("bank", ["open a savings account", "deposit a cheque"]),
            Fact("pharmacy", ["fill a prescription", "buy medicine for a cough"]),
            Fact("bakery", ["buy fresh bread and pastries", "order a cake for a party"]),
            Fact("post office", ["mail a parcel abroad", "buy stamps for letters"]),
            Fact("airport", ["catch a flight", "check in for a plane to another country"]),
            Fact("hospital", ["have an operation", "see a surgeon after an accident"]),
            Fact("museum", ["look at ancient fossils", "see old paintings and statues"]),
            Fact("gym", ["lift weights", "work out on a treadmill"]),
            Fact("cinema", ["watch a new film on a big screen", "see a movie with popcorn"]),
            Fact("gas station", ["fill the car with fuel", "top up the tank before a road trip"]),
            Fact("zoo", ["see lions and elephants", "watch the penguins being fed"]),
        ]),
        Category(form: .animal, noun: "animal", facts: [
            Fact("cow", ["gives us milk for cheese", "is milked on dairy farms"]),
            Fact("bee", ["makes honey", "collects nectar and pollen from flowers"]),
            Fact("sheep", ["grows wool that is sheared in spring", "gives us wool for jumpers"]),
            Fact("hen", ["lays eggs for breakfast", "sits on a nest of eggs in the coop"]),
            Fact("spider", ["spins a web to catch flies", "weaves silk threads in a corner"]),
            Fact("beaver", ["builds dams across rivers", "gnaws down trees with its teeth"]),
            Fact("camel", ["crosses the desert without drinking for days", "stores fat in a hump"]),
            Fact("owl", ["hunts mice at night", "can turn its head almost all the way round"]),
            Fact("chameleon", ["changes colour to match its surroundings",
                               "catches insects with a long sticky tongue"]),
            Fact("kangaroo", ["carries its young in a pouch", "hops across the Australian outback"]),
            Fact("woodpecker", ["pecks holes in tree trunks", "drums on bark to find insects"]),
            Fact("squirrel", ["buries nuts to eat in winter", "stores acorns in hidden spots"]),
        ]),
        Category(form: .person, noun: "worker", facts: [
            Fact("doctor", ["treat a high fever", "examine a patient with a bad cough"]),
            Fact("dentist", ["fix a painful toothache", "fill a cavity in a molar"]),
            Fact("firefighter", ["rescue a cat from a burning building", "put out a kitchen fire"]),
            Fact("plumber", ["fix a leaking pipe", "unblock a clogged sink"]),
            Fact("mechanic", ["repair a car engine", "replace worn brake pads"]),
            Fact("pilot", ["fly a passenger jet", "land a plane safely"]),
            Fact("teacher", ["help a child learn to read", "mark a class's homework"]),
            Fact("electrician", ["fix faulty wiring", "install a new light switch"]),
            Fact("vet", ["treat a sick dog", "vaccinate a kitten"]),
            Fact("locksmith", ["open a door when you are locked out", "change the locks on a house"]),
            Fact("chef", ["cook a three course dinner in a restaurant", "plan a restaurant menu"]),
            Fact("tailor", ["shorten a pair of trousers", "sew a suit to measure"]),
        ]),
    ]

    /// Words of question shapes that only suit something picked up by hand.
    static let handheldWords = ["grab", "fetch", "reach for", "handy"]

    /// Question shapes for a category: its form's shapes, less those that only suit handheld objects.
    static func questionTemplates(for category: Category) -> [String] {
        questionTemplates(for: category.form).filter { template in
            category.isHandheld || !handheldWords.contains { template.contains($0) }
        }
    }

    /// Question shapes per form; `{vp}` is the deciding phrase and `{noun}` the category's noun.
    static func questionTemplates(for form: Form) -> [String] {
        switch form {
        case .use:
            [
                "What would you use to {vp}?",
                "Which {noun} do you use to {vp}?",
                "If you wanted to {vp}, which of these would you reach for?",
                "What is the right {noun} to {vp}?",
                "You need to {vp}. What do you grab?",
                "What {noun} is made to {vp}?",
                "To {vp}, what would most people use?",
                "Someone asks you to {vp}; which {noun} do you fetch?",
                "Which of these helps you {vp}?",
                "What should you get if you have to {vp}?",
                "Which {noun} would be handy to {vp}?",
            ]
        case .place:
            [
                "Where would you go to {vp}?",
                "Where can you {vp}?",
                "If you want to {vp}, where should you head?",
                "Which place lets you {vp}?",
                "To {vp}, where would you go?",
                "You need to {vp}. Where do you go?",
                "What is the usual place to {vp}?",
                "Where do people go when they want to {vp}?",
            ]
        case .animal:
            [
                "Which animal {vp}?",
                "What creature {vp}?",
                "Name the animal that {vp}.",
                "Which of these animals {vp}?",
                "What kind of animal {vp}?",
                "Of these creatures, which one {vp}?",
                "Can you tell which animal {vp}?",
            ]
        case .person:
            [
                "Who would you call to {vp}?",
                "Which worker would you ask to {vp}?",
                "If you needed someone to {vp}, who would you hire?",
                "Whose job is it to {vp}?",
                "Who is trained to {vp}?",
                "You need someone to {vp}. Who do you ask?",
                "Which professional can {vp}?",
            ]
        }
    }

    /// Reference explanations per form. `{a}` is the answer with its article, `{the}` with "the", `{be}` its
    /// verb, `{vp}` the deciding phrase; a leading placeholder is capitalised by the recipe.
    static func explanationTemplates(for form: Form) -> [String] {
        switch form {
        case .use:
            [
                "{a} {be} what you use to {vp}.",
                "You {vp} with {a}.",
                "People use {a} to {vp}; none of the other choices does that.",
                "To {vp} you need {a}, and the other options are not made for it.",
                "The question is about how to {vp}, which is the job of {a}.",
                "{the} {be} the only choice that can {vp}.",
            ]
        case .place:
            [
                "{a} is where you go to {vp}.",
                "You {vp} at {a}.",
                "People go to {a} to {vp}; the other places are for other things.",
                "To {vp}, you would visit {a}.",
                "The place to {vp} is {a}, not any of the other options.",
            ]
        case .animal:
            [
                "It is the {answer} that {vp}.",
                "{a} {vp}, which none of the other animals does.",
                "Of these animals, only the {answer} {vp}.",
                "The question describes an animal that {vp}: that is the {answer}.",
                "{the} is known as the animal that {vp}.",
            ]
        case .person:
            [
                "{a} is the person you call to {vp}.",
                "It is the job of {a} to {vp}.",
                "You would ask {a} to {vp}; the other workers do different jobs.",
                "To {vp}, you need {a}.",
                "{a} is trained to {vp}, unlike the others.",
            ]
        }
    }

    /// First names for the scene-setting sentences.
    static let names = [
        "Maya", "Tom", "Priya", "Lukas", "Amara", "Diego", "Hannah", "Kenji", "Sofia", "Omar", "Grace", "Mateo",
        "Leila", "Ben", "Chloe", "Ravi", "Ines", "Jonas", "Zoe", "Samuel", "Nadia", "Felix", "Aisha", "Hugo",
        "Yara", "Oliver", "Mei", "Tariq", "Elena", "Kwame", "Freya", "Noah", "Lucia", "Ivan", "Rosa", "Ethan",
    ]

    /// Scene-setting sentences that carry no clue about any answer; `{name}` is a first name.
    static let scenes = [
        "{name} was chatting with a neighbour.",
        "{name} had a long day and a simple question.",
        "It was a quiet Sunday, and {name} was curious.",
        "{name} is writing a quiz for some friends.",
        "{name} was helping a younger cousin with homework.",
        "On the train home, {name} started to wonder.",
        "{name} and a friend were playing a trivia game.",
        "{name} asked the class a warm-up question.",
        "During the lunch break, {name} posed a riddle.",
        "{name} was filling in a puzzle book.",
        "A new colleague asked {name} something simple.",
        "{name} was reading a picture book to a child.",
        "While waiting for the bus, {name} thought of a question.",
        "{name} wanted to test a little brother.",
        "At the family dinner, {name} started a guessing game.",
        "{name} is learning English and practising everyday words.",
        "{name} was making flash cards for a student.",
        "Over coffee, {name} asked an easy one.",
        "{name} found this question on the back of a cereal box.",
        "{name} was preparing questions for a school fair.",
        "After the meeting, {name} asked something off topic.",
        "{name} was looking through an old workbook.",
        "The teacher gave {name} one more question.",
        "{name} hosts a radio phone-in quiz.",
        "{name} wrote this on the whiteboard.",
        "To pass the time, {name} asked a question.",
        "{name} was sorting out a box of old quiz cards.",
        "{name} is checking that a game's questions are fair.",
    ]

    /// Sentences that name a wrong choice, a trap for a reader who picks whichever choice the question
    /// mentions; `{name}` is a first name and `{other}` a wrong choice with "the".
    static let mentions = [
        "{name} had just been talking about {other}.",
        "{name} mentioned {other} in passing.",
        "Earlier, {name} read a short article about {other}.",
        "{name} had drawn a picture of {other} that morning.",
        "{name} once wrote a story about {other}.",
        "A friend of {name} had asked about {other} the day before.",
    ]
}
