using Claims.Api.Speakers;

namespace Claims.Api.Extraction;

/// <summary>
/// Finds the names in the reporter's text: runs of capitalised words (with particles, initials and "of" inside a
/// body's name), split into the titles before the name and the name, classified as person, organisation or
/// government, with an appositive title after it when one follows.
/// </summary>
internal static class NameFinder
{
    public static List<NameMention> Find(ArticleText article)
    {
        var mentions = new List<NameMention>();
        var tokens = article.Tokens;
        var k = 0;
        while (k < tokens.Count)
        {
            if (!StartsName(article, k)) { k++; continue; }
            var end = RunEnd(article, k);
            if (Read(article, k, end) is { } mention && !AfterPlacePreposition(article, mention))
            {
                while (mentions.Count > 0 && mentions[^1].End > mention.First) mentions.RemoveAt(mentions.Count - 1); // "Independent" of "Independent councillor Mo Rahman"
                mention.AppositiveEnd = mention.Kind == SpeakerKind.Person ? Appositive.Read(article, mention) : mention.End;
                mentions.Add(mention);
            }
            k = end;
        }
        return mentions;
    }

    /// <summary>"in Tallinn", "from Hamburg": one unknown word after a preposition of place is a place.</summary>
    private static bool AfterPlacePreposition(ArticleText article, NameMention mention) =>
        mention.First == mention.NameFirst && mention.End - mention.NameFirst == 1 && !mention.Certain && mention.Kind == SpeakerKind.Person
        && (article.Is(mention.First - 1, "in") || article.Is(mention.First - 1, "at") || article.Is(mention.First - 1, "from")
            || article.Is(mention.First - 1, "near") || article.Is(mention.First - 1, "to") || article.Is(mention.First - 1, "across"));

    private static bool StartsName(ArticleText article, int k) =>
        article.IsOutsideWord(k) && (article.IsCapitalized(k) || char.IsDigit(article.Text[article.Tokens[k].Start]) && article.IsAllCaps(k));

    private static int RunEnd(ArticleText article, int start)
    {
        var sentence = article.SentenceOf[start];
        var hasHead = false;
        var e = start;
        while (e < article.Tokens.Count && article.SentenceOf[e] == sentence)
        {
            if (article.IsOutsideWord(e) && article.IsCapitalized(e))
            {
                var word = article[e];
                hasHead |= Organizations.IsGovernmentHead(word) || Organizations.IsOrganizationHead(word) || Titles.IsRoleNoun(word);
                e++;
                if (IsPossessive(word)) break;
                continue;
            }
            var nextCapitalized = e + 1 < article.Tokens.Count && article.IsOutsideWord(e + 1) && article.IsCapitalized(e + 1);
            if (!nextCapitalized) break;
            if (article.IsOutsideWord(e) && (FunctionWords.IsParticle(article[e]) || (hasHead && (article.Is(e, "of") || article.Is(e, "for") || article.Is(e, "and")))))
            {
                e++;
                continue;
            }
            // The dot of an initial or an abbreviated title: J. K. Rowling, Sen. Warren.
            if (article.IsPunct(e, '.') && e > start && article.Tokens[e - 1].End == article.Tokens[e].Start
                && (article.Tokens[e - 1].Length == 1 || Titles.IsRoleNoun(article[e - 1]) || Titles.IsHonorific(article[e - 1], out _)))
            {
                e++;
                continue;
            }
            break;
        }
        return e;
    }

    private static NameMention? Read(ArticleText article, int start, int end)
    {
        Gender? honorificGender = null;
        var honorific = false;
        var s = start;
        while (s < end)
        {
            var word = article[s];
            if (Titles.IsHonorific(word, out var gender) && s + 1 < end)
            {
                honorific = true;
                honorificGender ??= gender;
                s += article.IsPunct(s + 1, '.') ? 2 : 1;
                continue;
            }
            if (FunctionWords.IsNotName(word) || article.IsPunct(s, '.') || (s + 1 == end && Organizations.IsNationality(word) && !Organizations.IsCountry(word) && !Organizations.IsKnownOrganization(word) && !Organizations.IsKnownGovernment(word))) { s++; continue; }
            break;
        }
        var e = end;
        while (e > s && (article.IsPunct(e - 1, '.') || FunctionWords.IsTimeWord(article[e - 1]) || FunctionWords.IsNotName(article[e - 1]) && !IsForenameBefore(article, e - 1, s)))
            e--;
        var corporate = false;
        while (e - s > 1 && CorporateSuffixes.Contains(article[e - 1])) { e--; corporate = true; }
        if (e <= s) return null;

        if (OnlyTitleWords(article, s, e) || IsThing(article, e - 1) || IsPlace(article, s, e) || (e - s == 1 && Titles.IsPluralRole(article[s]))) return null;
        var nameFirst = TitleEnd(article, s, e);
        // "Student Jonas Weber": a capitalised word before a forename is a title.
        if (e - nameFirst >= 3 && !Forenames.IsForename(article[nameFirst]) && Forenames.IsForename(article[nameFirst + 1])
            && !FunctionWords.IsParticle(article[nameFirst + 1]))
            nameFirst++;
        var titleFirst = s;
        if (nameFirst == s) titleFirst = LowercaseTitleStart(article, s);
        var kind = Classify(article, nameFirst, e, titleFirst < nameFirst || honorific, out var certain);
        if (kind == SpeakerKind.Person && nameFirst > s && HasOrganizationHead(article, nameFirst, e)) (kind, nameFirst) = (SpeakerKind.Organization, s);
        if (corporate) kind = SpeakerKind.Organization;
        var mention = new NameMention
        {
            First = titleFirst, NameFirst = nameFirst, End = e, Name = NameText(article, nameFirst, e), Kind = kind,
            Certain = certain || honorific || titleFirst < nameFirst, Gender = honorificGender,
        };
        if (titleFirst < nameFirst) mention.Titles.Add(TitleText(article, titleFirst, nameFirst));
        if (kind == SpeakerKind.Person)
        {
            mention.Gender ??= Forenames.GenderOf(article[nameFirst]);
            for (var t = titleFirst; t < nameFirst && mention.Gender is null; t++) mention.Gender = Titles.GenderOf(article[t]);
        }
        return mention;
    }

    /// <summary>"the Secretary-General", "Foreign Minister": a title with no name is a title, not a name.</summary>
    private static bool OnlyTitleWords(ArticleText article, int s, int e)
    {
        for (var k = s; k < e; k++)
            if (article.Tokens[k].IsWord && !Titles.IsRoleNoun(article[k]) && !Titles.IsQualifier(article[k])) return false;
        return true;
    }

    /// <summary>"INF Treaty", "Minsk Agreement": named things, which say nothing.</summary>
    private static bool IsThing(ArticleText article, int last) => Things.Contains(StripPossessive(article[last]));

    private static bool IsPlace(ArticleText article, int s, int e)
    {
        if (e - s == 1 && Places.Contains(StripPossessive(article[s]))) return true;
        // The dateline's city: "BRUSSELS, Feb. 12" or "BRUSSELS (Reuters)" opening a paragraph.
        return e - s == 1 && article.IsAllCaps(s) && article.Tokens[s].Length > 3 && !Organizations.IsKnownOrganization(article[s])
               && (s == 0 || article.Tokens[s - 1].Kind == TokenKind.Break) && (article.IsPunct(e, ',') || article.IsPunct(e, '('));
    }

    private static readonly WordSet CorporateSuffixes = new("Inc Ltd Corp LLC Plc PLC AG SA GmbH NV");

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

    private static bool IsForenameBefore(ArticleText article, int k, int start) => k > start && Forenames.IsForename(article[k - 1]); // Theresa May

    /// <summary>The first token of the name after titles: after the last role word that has name words after it.</summary>
    private static int TitleEnd(ArticleText article, int s, int e)
    {
        var lastRole = -1;
        for (var k = s; k < e - 1; k++)
            if (article.Tokens[k].IsWord && Titles.IsRoleNoun(article[k])) lastRole = k;
        if (lastRole < 0) return s;
        var n = lastRole + 1;
        while (n < e && (article.IsPunct(n, '.') || article.Is(n, "of") || article.Is(n, "for") || article.Is(n, "the")
                         || (Titles.IsQualifier(article[n]) && n + 1 < e) || (Titles.IsRoleNoun(article[n]) && n + 1 < e)))
            n++;
        return n < e ? n : s;
    }

    /// <summary>"Russian foreign minister Sergei Lavrov", "NATO chief Jens Stoltenberg": a lowercase title just before.</summary>
    private static int LowercaseTitleStart(ArticleText article, int nameFirst)
    {
        var k = nameFirst - 1;
        var sawRole = false;
        while (k >= 0 && article.IsOutsideWord(k) && article.SentenceOf[k] == article.SentenceOf[nameFirst])
        {
            var word = article[k];
            if (Titles.IsRoleNoun(word)) sawRole = true;
            else if (!(sawRole && (Titles.IsQualifier(word) || Organizations.IsNationality(word) || IsPossessive(word) || article.IsCapitalized(k))))
                break;
            if (article.Is(k, "the") || article.Is(k, "of")) break;
            k--;
        }
        return sawRole ? k + 1 : nameFirst;
    }

    private static SpeakerKind Classify(ArticleText article, int s, int e, bool titled, out bool certain)
    {
        certain = true;
        var single = e - s == 1;
        for (var k = s; k < e; k++)
        {
            var word = StripPossessive(article[k]);
            if (Organizations.IsGovernmentHead(word) || Organizations.IsKnownGovernment(word)) return SpeakerKind.Government;
        }
        if (IsWhiteHouse(article, s, e) || (single && Organizations.IsCountry(StripPossessive(article[s]))) || Organizations.IsMultiWordCountry(NameText(article, s, e)))
            return SpeakerKind.Government;
        if (HasOrganizationHead(article, s, e)) return SpeakerKind.Organization;
        if (single && (Organizations.IsKnownOrganization(StripPossessive(article[s])) || (article.IsAllCaps(s) && article.Tokens[s].Length <= 6 && !titled)))
            return SpeakerKind.Organization;
        certain = titled || Forenames.IsForename(article[s]) || (!single && article.IsCapitalized(e - 1));
        return SpeakerKind.Person;
    }

    private static bool HasOrganizationHead(ArticleText article, int s, int e)
    {
        for (var k = s; k < e; k++)
            if (Organizations.IsOrganizationHead(StripPossessive(article[k])) || (k > s && Organizations.IsKnownOrganization(article[k]))) return true;
        return false;
    }

    private static bool IsWhiteHouse(ArticleText article, int s, int e) =>
        e - s >= 2 && ((article.Is(s, "White") && article.Is(s + 1, "House")) || (article.Is(s, "Downing") && article.Is(s + 1, "Street"))
                       || (article.Is(s, "State") && article.Is(s + 1, "Department")));

    public static bool IsPossessive(ReadOnlySpan<char> word) => word.Length > 2 && word[^1] is 's' && word[^2] is '\'' or '’';

    public static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word) => IsPossessive(word) ? word[..^2] : word;

    private static string NameText(ArticleText article, int s, int e)
    {
        var text = article.Text[article.Tokens[s].Start..article.Tokens[e - 1].End];
        return IsPossessive(text) ? text[..^2] : text;
    }

    public static string TitleText(ArticleText article, int s, int e) => article.Text[article.Tokens[s].Start..article.Tokens[e - 1].End];
}
