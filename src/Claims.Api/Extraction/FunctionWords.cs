namespace Claims.Api.Extraction;

/// <summary>Capitalised words that are never part of a name: sentence openers, pronouns, months, days.</summary>
internal static class FunctionWords
{
    private static readonly WordSet NotNames = new("""
        The A An This That These Those He She It They We I You His Her Its Their Our My Your Him Them Us Me But And Or
        So Yet If When While After Before As At In On Of For With By From To Into During Since Although Though However
        Meanwhile Also Then There Here What Who Whom Whose Why How Where Which Asked According Speaking Some Many Most
        Other Such No Not Yes All Both Each Every Any Neither Either Nor Now Today Yesterday Tomorrow Later Earlier
        Last Next First Still Even Only Just Instead Despite Because Unless Until Once Over Under Between Among Against
        About Through Without Within Along Across Around Behind Beyond Toward Towards Upon Like Unlike Than Whether
        Thus Hence Therefore Moreover Furthermore Indeed Nevertheless Nonetheless Otherwise Sources Officials Critics
        Analysts Experts Residents Witnesses Observers Updated Update Reporting Editing Writing Additional Photo Read
        January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul
        Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Q A Mr Mrs Ms Dr Ok OK Oh
        Well Please Thank Thanks Let Let's Don't Can't Won't It's That's There's We're They're I'm Would Could Should Will
        Can Must Did Does Do Is Are Was Were Has Have Had Shall Might One Two Three Four
        Five Six Seven Eight Nine Ten Eleven Twelve Dozens Hundreds Thousands Millions Several Few Half
        """);

    private static readonly WordSet NameParticles = new("de van von der den del della di da du dos das le la bin ibn al el ter ten zu y bint");

    private static readonly WordSet TimeWords = new("""
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday today yesterday tonight morning afternoon evening
        night week month year earlier later last recently previously weekend
        """);

    /// <summary>A word that opens no name; "US" and "WHO" in capitals are a country and a body, not "us" and "who".</summary>
    public static bool IsNotName(ReadOnlySpan<char> word) =>
        NotNames.Contains(word) && !(IsCapitals(word) && (Organizations.IsCountry(word) || Organizations.IsKnownOrganization(word)));

    private static bool IsCapitals(ReadOnlySpan<char> word) => word.Length >= 2 && !word.ContainsAnyInRange('a', 'z');
    public static bool IsParticle(ReadOnlySpan<char> word) => NameParticles.Contains(word);
    public static bool IsTimeWord(ReadOnlySpan<char> word) => TimeWords.Contains(word);
}
