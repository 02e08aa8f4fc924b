namespace Claims.Api.Extraction;

/// <summary>The words of people's titles and roles ("NATO Secretary General", "the minister") and honorifics.</summary>
internal static class Titles
{
    /// <summary>Words that head a role: "the minister said", "Secretary General Jens Stoltenberg".</summary>
    private static readonly WordSet RoleNouns = new("""
        president vice-president president-elect minister ministers secretary secretary-general director-general general
        chancellor senator representative congressman congresswoman governor mayor ambassador envoy spokesman spokeswoman
        spokesperson chairman chairwoman chair chairperson chief director commissioner admiral colonel lieutenant captain
        sergeant major commander judge justice professor king queen prince princess pope cardinal bishop rabbi imam sheikh
        ceo cfo coo officer official leader head speaker premier emir sultan coach manager analyst economist founder
        co-founder editor correspondent attorney prosecutor lawyer adviser advisor counsel aide negotiator diplomat
        lawmaker legislator mp mep chancellor-elect marshal superintendent inspector detective sheriff treasurer
        governor-general counsellor councillor councilman councilwoman alderman executive researcher scientist expert
        professor deputy ombudsman rapporteur registrar auditor comptroller surgeon doctor cllr pensioner archivist
        curator historian epidemiologist physician nurse teacher pilot engineer farmer driver author writer novelist
        artist musician singer actor actress trainer player forward winger referee umpire headteacher dean provost
        rector lecturer biologist chemist physicist astronomer meteorologist forecaster strategist consultant banker
        investor trader broker entrepreneur activist campaigner organiser organizer volunteer priest pastor vicar
        fellow economist hydrologist psychologist psychiatrist architect planner inspector commentator pundit
        student striker keeper midfielder defender goalkeeper boss captain reporter journalist presenter columnist
        interviewer candidate nominee incumbent challenger designer critic ecologist beekeeper bowler batsman batter
        skipper all-rounder chef surveyor paramedic firefighter constable warden ranger pharmacist midwife dentist vet
        veterinarian headmaster headmistress msp peer delegate mediator landlord tenant
        """);

    /// <summary>Words that qualify a role without heading it: "Deputy Foreign Minister", "former president".</summary>
    private static readonly WordSet Qualifiers = new("""
        vice deputy acting former interim foreign defence defense finance interior health trade economy economic energy
        state press executive special high permanent first prime senior chief general assistant associate top lead
        principal national regional local military civilian presidential parliamentary junior under minority majority
        supreme federal provincial affairs security
        justice education environment transport labour labor agriculture culture information digital home
        """);

    /// <summary>Abbreviated titles written before a name: Sen. Elizabeth Warren, Gen. Mark Milley.</summary>
    private static readonly WordSet Abbreviated = new("Sen Rep Gov Gen Lt Col Capt Cpt Sgt Maj Adm Cmdr Cdr Amb Atty Pres Supt Det Insp Rev Hon Prof Dr Brig Cpl Pvt Msgr");

    private static readonly WordMap<Gender?> Honorifics = new(
    [
        new("Mr", Gender.Male), new("Mrs", Gender.Female), new("Ms", Gender.Female), new("Miss", Gender.Female),
        new("Mx", null), new("Sir", Gender.Male), new("Dame", Gender.Female), new("Lord", Gender.Male),
        new("Lady", Gender.Female), new("Madam", Gender.Female), new("Mme", Gender.Female), new("Herr", Gender.Male),
        new("Frau", Gender.Female), new("Dr", null), new("Prof", null),
    ]);

    private static readonly WordMap<Gender> GenderedRoles = new(
        ("spokeswoman chairwoman congresswoman businesswoman councilwoman queen princess duchess baroness countess empress "
         + "actress stateswoman").Split(' ').Select(w => new KeyValuePair<string, Gender>(w, Gender.Female))
        .Concat(("spokesman chairman congressman businessman councilman king prince duke baron emperor pope statesman "
                 + "sheikh emir sultan").Split(' ').Select(w => new KeyValuePair<string, Gender>(w, Gender.Male))));

    private static readonly Dictionary<string, string> Expansions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Gov"] = "governor", ["Sen"] = "senator", ["Rep"] = "representative", ["Gen"] = "general", ["Lt"] = "lieutenant",
        ["Col"] = "colonel", ["Capt"] = "captain", ["Cpt"] = "captain", ["Sgt"] = "sergeant", ["Maj"] = "major",
        ["Adm"] = "admiral", ["Cmdr"] = "commander", ["Cdr"] = "commander", ["Amb"] = "ambassador", ["Atty"] = "attorney",
        ["Pres"] = "president", ["Prof"] = "professor", ["Dr"] = "doctor", ["Cllr"] = "councillor", ["Supt"] = "superintendent",
        ["Det"] = "detective", ["Insp"] = "inspector", ["Rev"] = "reverend", ["Brig"] = "brigadier", ["Cpl"] = "corporal",
    };

    /// <summary>The word an abbreviated title stands for: Gov → governor.</summary>
    public static string Expand(string word) => Expansions.TryGetValue(word, out var full) ? full : word;

    public static bool IsRoleNoun(ReadOnlySpan<char> word) => RoleNouns.Contains(word) || Abbreviated.Contains(word) || HyphenatedRole(word) || ByItsEnding(word);

    /// <summary>"glaciologist", "paediatrician", "statistician": the endings of professions.</summary>
    private static bool ByItsEnding(ReadOnlySpan<char> word) =>
        word.Length > 7 && (word.EndsWith("ologist", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ician", StringComparison.OrdinalIgnoreCase));

    /// <summary>"officials", "prosecutors": plural roles that speak but are nobody in particular.</summary>
    public static bool IsPluralRole(ReadOnlySpan<char> word) =>
        word.Length > 3 && word[^1] == 's' && (RoleNouns.Contains(word[..^1]) || PluralRoles.Contains(word));

    private static readonly WordSet PluralRoles = new("lawmakers prosecutors diplomats officials analysts experts investigators residents witnesses critics sources police authorities economists scientists researchers campaigners protesters organisers organizers");

    private static readonly WordSet NotTheOffice = new("shadow former ex deputy vice acting interim assistant");

    /// <summary>Words that make a title another office than the one without them: shadow, former, deputy.</summary>
    public static bool IsNotTheOffice(string word) => NotTheOffice.Contains(word);

    public static bool IsQualifier(ReadOnlySpan<char> word) => Qualifiers.Contains(word);

    public static bool IsHonorific(ReadOnlySpan<char> word, out Gender? gender) => Honorifics.TryGet(word, out gender);

    public static Gender? GenderOf(ReadOnlySpan<char> role) => GenderedRoles.TryGet(role, out var gender) ? gender : null;

    /// <summary>Deputy-Secretary-General, Vice-Chancellor: a role word after the last hyphen.</summary>
    private static bool HyphenatedRole(ReadOnlySpan<char> word)
    {
        var hyphen = word.LastIndexOf('-');
        return hyphen > 0 && hyphen < word.Length - 1 && RoleNouns.Contains(word[(hyphen + 1)..]);
    }
}
