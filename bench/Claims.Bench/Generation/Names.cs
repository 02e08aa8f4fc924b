namespace Claims.Bench.Generation;

/// <summary>The name parts speakers, publishers and places are made of.</summary>
static class Names
{
    public static readonly string[] FirstNames =
    [
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa",
        "Anthony", "Betty", "Mark", "Sandra", "Paul", "Ashley", "Steven", "Emily", "Andrew", "Donna", "Kenneth", "Michelle",
        "Jens", "Angela", "Emmanuel", "Olaf", "Ursula", "Sergei", "Maria", "Dmitry", "Elena", "Antonio", "Giulia", "Pedro",
        "José", "Zoë", "Søren", "Björn", "Ingrid", "François", "Chloé", "Jürgen", "Małgorzata", "Andrzej", "Ayşe", "Mehmet",
        "Fatima", "Ahmed", "Omar", "Layla", "Wei", "Li", "Hiroshi", "Yuki", "Priya", "Rahul", "Amara", "Kwame", "Chidi",
        "Nadia", "Ivan", "Olga", "Pieter", "Anneke", "Lars", "Astrid", "Mateo", "Lucía", "Rafael", "Camila", "Diego", "Sofia",
        "Noah", "Emma", "Liam", "Olivia", "Ethan", "Ava", "Lucas", "Mia", "Hannah", "Samuel", "Grace", "Benjamin", "Chen",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
        "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker",
        "Stoltenberg", "Macron", "Scholz", "Lavrov", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Novak", "Kowalski",
        "Nowak", "Rossi", "Russo", "Ferrari", "Dubois", "Lefèvre", "Moreau", "Laurent", "Ivanov", "Petrov", "Smirnov", "Popov",
        "Kuznetsov", "Yilmaz", "Kaya", "Demir", "Nakamura", "Tanaka", "Suzuki", "Watanabe", "Kim", "Park", "Nguyen", "Tran",
        "Singh", "Patel", "Sharma", "Gupta", "Okafor", "Mensah", "Diallo", "Haddad", "Khalil", "Hansen", "Johansson", "Larsen",
        "Nielsen", "de Vries", "Jansen", "Santos", "Silva", "Pereira", "Costa", "O'Brien", "Murphy", "Kelly", "Walsh", "Byrne",
        "Zhang", "Wang", "Liu", "Yang", "Huang", "Zhao", "Papadopoulos", "Horvath", "Kovač", "Andersen", "Eriksson", "Virtanen",
    ];

    public static readonly string[] Titles =
    [
        "Minister of Foreign Affairs", "Minister of Defence", "Minister of Finance", "Prime Minister", "President",
        "Secretary General", "Spokesperson", "Senator", "Member of Parliament", "Governor", "Mayor", "Ambassador",
        "Chief Economist", "Professor of Economics", "Director", "Chief Executive", "Analyst", "Editor", "Commissioner",
        "Deputy Minister", "General", "Admiral", "Judge", "Activist", "Researcher",
    ];

    public static readonly string[] OrganizationKinds =
    [
        "Institute", "Council", "Foundation", "Association", "Federation", "Union", "Group", "Forum", "Centre", "Alliance",
        "Commission", "Network", "Society", "Agency", "Corporation", "Bank", "Party", "Movement", "Coalition", "Observatory",
    ];

    public static readonly string[] Fields =
    [
        "Energy", "Trade", "Security", "Defence", "Climate", "Health", "Labour", "Finance", "Peace", "Democracy", "Transport",
        "Agriculture", "Technology", "Human Rights", "Foreign Policy", "Economic Research", "Strategic Studies", "Migration",
        "Water", "Education", "Press Freedom", "Arms Control", "Development", "Housing",
    ];

    public static readonly string[] Portfolios =
    [
        "Foreign Affairs", "Defence", "Finance", "Health", "Justice", "Interior", "Energy", "Trade", "Education", "Agriculture",
        "Environment", "Labour", "Transport",
    ];

    public static readonly string[] Cities =
    [
        "Brussels", "Moscow", "Washington", "London", "Paris", "Berlin", "Geneva", "Vienna", "Warsaw", "Kyiv", "Ankara",
        "Beijing", "Tokyo", "New Delhi", "Islamabad", "Nairobi", "Lagos", "Cairo", "Brasília", "Buenos Aires", "Ottawa",
        "Canberra", "Madrid", "Rome", "Stockholm", "Oslo", "Helsinki", "Munich", "New York", "Singapore", "Seoul", "Jakarta",
    ];

    public static readonly string[] PublisherWords =
    [
        "Daily", "Times", "Herald", "Post", "Gazette", "Tribune", "Observer", "Chronicle", "Review", "Journal", "Wire",
        "Dispatch", "Monitor", "Courier", "Standard", "Telegraph", "Report", "Ledger", "Bulletin", "Express",
    ];

    static readonly string[] Onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "th", "sh", "ch"];
    static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ei", "ou"];
    static readonly string[] Codas = ["", "", "n", "r", "l", "s", "m", "th"];

    /// <summary>A made-up proper name such as "Karvolin"; callers make it unique.</summary>
    public static string Invented(Random random)
    {
        var syllables = random.Next(2, 4);
        var word = string.Concat(Enumerable.Range(0, syllables).Select(_ =>
            random.Pick(Onsets) + random.Pick(Vowels) + random.Pick(Codas)));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }
}
