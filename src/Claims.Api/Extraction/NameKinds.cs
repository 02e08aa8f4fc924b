using Claims.Api.Speakers;

namespace Claims.Api.Extraction;

/// <summary>What a run of capitalised words is: a person, a body, a government, or a thing or place that says nothing.</summary>
internal static class NameKinds
{
    private static readonly WordSet CorporateSuffixes = new("Inc Ltd Corp Co LLC Plc PLC AG SA GmbH NV");

    /// <summary>"Nimbus Corp.", "Halcyon Therapeutics, Inc.": words that end a company's name.</summary>
    public static bool IsCorporateSuffix(ReadOnlySpan<char> word) => CorporateSuffixes.Contains(word);

    /// <summary>"the Secretary-General", "Foreign Minister": a title with no name is a title, not a name.</summary>
    public static bool OnlyTitleWords(ArticleText article, int s, int e)
    {
        for (var k = s; k < e; k++)
            if (article.Tokens[k].IsWord && !Titles.IsRoleNoun(article[k]) && !Titles.IsQualifier(article[k])) return false;
        return true;
    }

    /// <summary>"INF Treaty", "Minsk Agreement": named things, which say nothing.</summary>
    public static bool IsThing(ArticleText article, int last) => Things.Contains(NameFinder.StripPossessive(article[last]));

    public static bool IsPlace(ArticleText article, int s, int e)
    {
        if (e - s == 1 && Places.Contains(NameFinder.StripPossessive(article[s]))) return true;
        // The dateline's city: "BRUSSELS, Feb. 12" or "BRUSSELS (Reuters)" opening a paragraph.
        if (s > 0 && article.Tokens[s - 1].Kind != TokenKind.Break || e - s > 3 || (e - s == 1 && Organizations.IsKnownOrganization(article[s]))) return false;
        for (var k = s; k < e; k++)
            if (!article.IsAllCaps(k) || article.Tokens[k].Length < 3) return false;
        return article.IsPunct(e, ',') || article.IsPunct(e, '(') || article.IsPunct(e, '—') || article.IsPunct(e, '–') || article.IsPunct(e, '-');
    }

    private static readonly WordSet Things = new("""
        Treaty Agreement Accord Accords Act Convention Summit War Missile Missiles Program Programme Plan Initiative Deal
        Pact Declaration Protocol Charter Bill Law Resolution Strategy Doctrine Operation Crisis Conference Forum Games
        Cup Championship Prize Award Day Week Street Avenue Square Road Sea Ocean River Island Islands Mountains
        Bridge Building Tower Region Province District County State City Valley Strait Gulf
        """);

    private static readonly WordSet Places = new("""
        Europe Asia Africa Antarctica Arctic Americas Brussels Geneva Vienna Strasbourg Munich Davos Hague Crimea
        Donbas Donbass Gaza Kashmir Balkans Caucasus Baltics Scandinavia Siberia Sahel Levant Midwest
        """);

    public static SpeakerKind Classify(ArticleText article, int s, int e, bool titled, out bool certain)
    {
        certain = true;
        var single = e - s == 1;
        for (var k = s; k < e; k++)
        {
            var word = NameFinder.StripPossessive(article[k]);
            if (Organizations.IsGovernmentHead(word) || Organizations.IsKnownGovernment(word)) return SpeakerKind.Government;
        }
        if (IsWhiteHouse(article, s, e) || (single && Organizations.IsCountry(NameFinder.StripPossessive(article[s]))) || Organizations.IsMultiWordCountry(NameFinder.NameText(article, s, e)))
            return SpeakerKind.Government;
        if (HasOrganizationHead(article, s, e)) return SpeakerKind.Organization;
        if (single && (Organizations.IsKnownOrganization(NameFinder.StripPossessive(article[s])) || (article.IsAllCaps(s) && article.Tokens[s].Length is >= 3 and <= 6 && !titled)))
            return SpeakerKind.Organization;
        certain = titled || Forenames.IsForename(article[s]) || (!single && article.IsCapitalized(e - 1));
        return SpeakerKind.Person;
    }

    public static bool HasOrganizationHead(ArticleText article, int s, int e)
    {
        for (var k = s; k < e; k++)
            if (Organizations.IsOrganizationHead(NameFinder.StripPossessive(article[k])) || (k > s && Organizations.IsKnownOrganization(article[k]))) return true;
        return false;
    }

    public static bool IsWhiteHouse(ArticleText article, int s, int e) =>
        e - s >= 2 && ((article.Is(s, "White") && article.Is(s + 1, "House")) || (article.Is(s, "Downing") && article.Is(s + 1, "Street"))
                       || (article.Is(s, "State") && article.Is(s + 1, "Department")));
}
