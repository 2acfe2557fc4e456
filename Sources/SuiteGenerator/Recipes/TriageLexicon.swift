/// The words and phrases the `triage` suite's patient messages are built from.
///
/// Complaints are graded in three levels; each is written so that it completes "I have ___" and "she has ___"
/// alike. The negated and past-history lists deliberately share words with the current complaints of a higher
/// level ("no chest pain" beside "crushing chest pain"), so that a reader who matches symptom words without
/// reading the negation or the tense is caught.
enum TriageLexicon {
    /// A complaint that needs emergency care now.
    static let emergency = [
        "crushing chest pain", "chest pain spreading into the left arm and jaw",
        "heavy pressure in the chest and a cold sweat", "severe shortness of breath",
        "such trouble breathing that speaking is hard", "blue lips and a struggle to get air",
        "sudden numbness down one side of the face", "slurred speech that came on suddenly",
        "a drooping face and a weak arm", "a sudden, explosive headache, the worst ever",
        "swelling of the throat after a wasp sting", "bleeding that will not stop even with pressure",
        "fresh blood in the vomit", "sudden loss of vision in one eye",
        "confusion, a stiff neck and a high fever", "a seizure that lasted over five minutes",
        "chest pain with fainting", "a racing heart and blackouts", "severe bleeding from a gash on the thigh",
        "sudden weakness in both legs", "a purple rash that does not fade under a glass, with a fever",
        "a severe burn covering most of one arm", "black, tarry stools and fainting",
        "sudden, tearing pain through to the back", "a swollen tongue and wheezing after eating nuts",
        "drowsiness so deep that waking up is hard", "a head injury followed by repeated vomiting",
        "a grey colour and pauses in breathing", "sudden chest tightness and gasping",
        "coughing up bright red blood",
    ]

    /// A complaint that needs to be seen today.
    static let urgent = [
        "a fever of 39 degrees for three days", "a high fever that has lasted since the weekend",
        "a deep cut across the palm", "a painful, swollen ankle after a fall",
        "burning when passing urine and pain in the lower back", "an earache that keeps getting worse",
        "vomiting that has gone on for two days", "a rash that is spreading fast",
        "a wound that looks red, hot and infected", "a sore throat with white spots and a fever",
        "sharp pain low on the right side of the belly", "a twisted knee that cannot take any weight",
        "a migraine that has not eased in two days", "a cough with green phlegm and a temperature",
        "a red, painful eye", "stitches that have come open", "blood in the urine",
        "a dog bite on the forearm", "a blistering burn from a kettle", "painful swelling in one calf",
        "a swollen, bent wrist after a fall", "a tooth abscess with a swollen jaw",
        "diarrhoea for four days", "shingles spreading near the eye", "a fish bone stuck in the throat",
        "a deep splinter that has gone septic",
    ]

    /// A complaint or request that can wait for a routine appointment.
    static let routineComplaints = [
        "a mild rash on the forearm", "a bit of a runny nose", "dry, itchy skin", "mild heartburn after meals",
        "a stiff shoulder", "occasional trouble sleeping", "a wart on one finger", "mild hay fever",
        "some ear wax build-up", "a slight cough that is nearly gone", "a sore back after gardening",
        "a small bruise on the shin", "mild dandruff", "cold sores now and then", "an ingrown toenail",
        "a bit of tiredness in the afternoons", "a mild sore throat", "tension headaches now and then",
        "a verruca", "cracked heels",
    ]

    /// Routine requests; they complete "I'd like to book ___".
    static let routineRequests = [
        "a repeat prescription for the blood pressure pills", "a flu jab", "a sick note for work",
        "a routine blood test", "a medication review", "travel vaccinations before a trip abroad",
        "a check on a mole that has not changed", "a referral letter for the physio",
        "a copy of the last test results", "a hearing test", "an annual asthma review",
        "a renewal of the inhaler prescription", "the second dose of the shingles vaccine",
        "a fitness form signed for the swimming club", "a chat about stopping smoking",
        "a review of the cholesterol results",
    ]

    // MARK: Denied complaints, which the rule ignores. They complete "there is no ___".

    static let deniedEmergency = [
        "chest pain", "shortness of breath", "trouble breathing", "numbness in the face", "slurred speech",
        "blood in the vomit", "fainting", "confusion", "swelling of the throat", "loss of vision",
        "heavy bleeding", "pressure in the chest", "weakness on one side", "seizure activity",
        "blueness around the lips",
    ]

    static let deniedUrgent = [
        "fever", "vomiting", "blood in the urine", "swelling", "sign of infection", "diarrhoea", "ear pain",
        "pus", "green phlegm", "belly pain", "high temperature",
    ]

    static let deniedRoutine = ["rash", "cough", "itching", "heartburn", "sore throat", "runny nose"]

    // MARK: Past complaints that have resolved, which the rule ignores.

    static let pastEmergency = [
        "crushing chest pain", "a seizure", "severe shortness of breath", "a mini-stroke",
        "swelling of the throat after a wasp sting", "heavy bleeding after an operation",
        "sudden numbness in the face", "coughing up blood",
    ]

    static let pastUrgent = [
        "a deep cut across the palm", "a high fever", "a kidney infection", "a broken wrist",
        "an infected wound", "a tooth abscess", "a dog bite", "a fever of 40 degrees",
    ]

    static let pastWhen = [
        "back in 2019", "last winter", "two years ago", "some years ago", "in 2021", "the summer before last",
        "about five years ago", "in 2016",
    ]

    // MARK: People and everyday detail.

    static let firstNames = [
        "Ana", "Tom", "Priya", "George", "Leila", "Martin", "Hannah", "Kwame", "Sofia", "Peter", "Aisha",
        "Daniel", "Rosa", "Hamid", "Lucy", "Sean", "Mina", "Oliver", "Fatima", "Jack", "Irene", "Nikhil",
        "Beth", "Carlos", "Zara", "Alan", "Yuki", "Rhys", "Olga", "Samir",
    ]

    static let surnames = [
        "Petrescu", "Hughes", "Nair", "Baptiste", "Kowalski", "Adebayo", "Lindgren", "O'Neill", "Moreau",
        "Shah", "Fraser", "Costa", "Okonjo", "Berg", "Whitaker", "Rahman", "Dubois", "Evans", "Ito", "Morgan",
    ]

    static let doctors = ["Patel", "Green", "Okafor", "Marsh", "Lindqvist", "Rowe", "Haddad", "Chen", "Doyle"]

    /// Relatives a message may be about: the relation and its pronoun forms.
    static let relatives: [(relation: String, female: Bool, child: Bool)] = [
        ("mother", true, false), ("father", false, false), ("wife", true, false), ("husband", false, false),
        ("daughter", true, true), ("son", false, true), ("sister", true, false), ("brother", false, false),
        ("grandmother", true, false), ("grandfather", false, false), ("partner", true, false),
        ("partner", false, false),
    ]

    static let medicines: [(medicine: String, condition: String)] = [
        ("metformin", "diabetes"), ("levothyroxine", "an underactive thyroid"), ("amlodipine", "blood pressure"),
        ("a statin", "cholesterol"), ("a steroid inhaler", "asthma"), ("omeprazole", "acid reflux"),
        ("sertraline", "low mood"), ("a water pill", "swollen ankles"),
        ("eye drops", "glaucoma"),
    ]

    static let streets = [
        "High Street", "Station Road", "Mill Lane", "Church Street", "Park Avenue", "the market square",
    ]

    /// Scheduling and contact details, the same for every level.
    static let schedules = [
        "I work nights, so mornings are best for a call back.", "I can come in any day after three.",
        "I am away from the 12th to the 19th.", "Mondays and Thursdays are easiest for me.",
        "A phone call would suit me better than a video call.", "My mobile number is on file.",
        "I don't drive, so a slot that fits the bus times would help.",
        "I finish work at five most days.", "I'm at home all day tomorrow.",
        "Please use the landline, the mobile signal here is poor.",
    ]

    /// Politeness and apologies, the same for every level.
    static let pleasantries = [
        "Sorry to bother you.", "Thank you for all your help last time.", "I hope you're all keeping well.",
        "I know you're very busy.", "Apologies for the long message.", "The receptionist suggested I write in.",
        "I wasn't sure whether to phone or write.", "I've not been in touch for a while.",
    ]

    static let closings = [
        "Please let me know what to do.", "What should we do?", "Please advise.", "Who should I speak to?",
        "Could someone get back to me?", "Any advice would be welcome.", "What would you suggest?",
        "I'd be grateful for your guidance.",
    ]

    static let greetings = [
        "Hello,", "Hi,", "Good morning,", "Good afternoon,", "To the clinic team,", "Hi there,",
        "Dear practice nurse,", "Good evening,",
    ]

    static let signOffs = ["Thanks,", "Best wishes,", "Kind regards,", "Many thanks,", "Regards,", "Thank you,"]
}
