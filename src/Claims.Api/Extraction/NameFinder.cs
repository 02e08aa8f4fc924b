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
            if (Read(article, k, end) is { } mention && !AfterPlacePreposition(article, mention, mentions))
            {
                while (mentions.Count > 0 && mentions[^1].End > mention.First) mentions.RemoveAt(mentions.Count - 1); // "Independent" of "Independent councillor Mo Rahman"
                mention.AppositiveEnd = mention.Kind == SpeakerKind.Person ? Appositive.Read(article, mention) : mention.End;
                mentions.Add(mention);
            }
            k = end;
        }
        return mentions;
    }

    /// <summary>
    /// "in Tallinn", "from Hamburg": one unknown word after a preposition of place is a place; not "according to
    /// Obermaier", nor the surname of a person named before.
    /// </summary>
    private static bool AfterPlacePreposition(ArticleText article, NameMention mention, List<NameMention> before) =>
        mention.First == mention.NameFirst && mention.End - mention.NameFirst == 1 && !mention.Certain && mention.Kind == SpeakerKind.Person
        && (article.Is(mention.First - 1, "in") || article.Is(mention.First - 1, "at") || article.Is(mention.First - 1, "from")
            || article.Is(mention.First - 1, "near") || (article.Is(mention.First - 1, "to") && !article.Is(mention.First - 2, "according"))
            || article.Is(mention.First - 1, "across") || article.Is(mention.First - 1, "of"))
        && !before.Any(m => m.Kind == SpeakerKind.Person && m.NameWordCount > 1 && EntityRegistry.SameName(m.Name.AsSpan(m.Name.LastIndexOf(' ') + 1), mention.Name));

    private static bool StartsName(ArticleText article, int k) =>
        article.IsOutsideWord(k) && (article.IsCapitalized(k) || char.IsDigit(article.Text[article.Tokens[k].Start]) && article.IsAllCaps(k));

    private static int RunEnd(ArticleText article, int start)
    {
        var sentence = article.SentenceOf[start];
        var hasBodyHead = false;
        var e = start;
        while (e < article.Tokens.Count && article.SentenceOf[e] == sentence)
        {
            if (article.IsOutsideWord(e) && article.IsCapitalized(e))
            {
                var word = article[e];
                hasBodyHead |= Organizations.IsGovernmentHead(word) || Organizations.IsOrganizationHead(word);
                e++;
                // "NATO's Stoltenberg" is two names, "St Cuthbert's Hospice" one.
                if (IsPossessive(word) && !(article.IsOutsideWord(e) && article.IsCapitalized(e) && Organizations.IsOrganizationHead(article[e]))) break;
                continue;
            }
            var ofThe = (article.Is(e, "of") || article.Is(e, "for")) && article.Is(e + 1, "the");
            var next = ofThe ? e + 2 : e + 1;
            var nextCapitalized = next < article.Tokens.Count && article.IsOutsideWord(next) && article.IsCapitalized(next);
            if (!nextCapitalized) break;
            // "Ministry of Defence", "Secretary of State", "Department of Health and Social Care", "Minister for the Sea",
            // "Friends of St Cuthbert's Hospice", not "Ted Cruz of Texas"
            var afterHead = e > start && (Titles.IsRoleNoun(article[e - 1]) || Organizations.IsOrganizationHead(article[e - 1]) || Organizations.IsGovernmentHead(article[e - 1]));
            var oneWord = e == start + 1 || (e == start + 2 && FunctionWords.IsNotName(article[start])); // "Friends", "The Friends"
            var bodyAhead = oneWord && !ofThe && !Forenames.IsForename(article[e - 1]) && BodyHeadAhead(article, next); // not "Members of the …"
            if (article.IsOutsideWord(e) && ((FunctionWords.IsParticle(article[e]) && !ofThe)
                || ((article.Is(e, "of") || article.Is(e, "for")) && (afterHead || hasBodyHead || bodyAhead)) || (article.Is(e, "and") && hasBodyHead && !ofThe)))
            {
                e = next;
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

    /// <summary>A body's head word among the few capitalised words from k: "Friends of St Cuthbert's Hospice".</summary>
    private static bool BodyHeadAhead(ArticleText article, int k)
    {
        for (var j = k; j < k + 5 && article.IsOutsideWord(j) && article.IsCapitalized(j); j++)
            if (Organizations.IsOrganizationHead(StripPossessive(article[j])) || Organizations.IsGovernmentHead(article[j])) return true;
        return false;
    }

    private static NameMention? Read(ArticleText article, int start, int end)
    {
        Gender? honorificGender = null;
        var honorific = false;
        var honorificStart = -1;
        var s = start;
        while (s < end)
        {
            var word = article[s];
            if (Titles.IsHonorific(word, out var gender) && s + 1 < end)
            {
                honorific = true;
                if (honorificStart < 0) honorificStart = s;
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
        // "Nimbus Corp." is named "Nimbus", but the mention runs to the suffix, where a verb may follow.
        var mentionEnd = e;
        while (e - s > 1 && NameKinds.IsCorporateSuffix(article[e - 1])) e--;
        // "Halcyon Therapeutics, Inc." is a company too.
        var corporate = e < mentionEnd || (article.IsPunct(mentionEnd, ',') && article.IsOutsideWord(mentionEnd + 1) && NameKinds.IsCorporateSuffix(article[mentionEnd + 1]));
        if (e <= s) return null;

        if (e - s == 1 && NameKinds.IsCorporateSuffix(article[s])) return null; // the "Inc." of "Halcyon Therapeutics, Inc."
        if (NameKinds.OnlyTitleWords(article, s, e) || Appositive.IsPartyTag(article, s) || (NameKinds.IsThing(article, e - 1) && !NameKinds.HasOrganizationHead(article, s, e)) || NameKinds.IsPlace(article, s, e) || (e - s == 1 && Titles.IsPluralRole(article[s]))) return null;
        var nameFirst = TitleEnd(article, s, e);
        if (nameFirst < 0) return null; // "the Mayor of London": a title, no name
        // "Student Jonas Weber": a capitalised word before a forename is a title.
        if (e - nameFirst >= 3 && !Forenames.IsForename(article[nameFirst]) && Forenames.IsForename(article[nameFirst + 1])
            && !FunctionWords.IsParticle(article[nameFirst + 1]) && !NameKinds.HasOrganizationHead(article, nameFirst, e))
            nameFirst++;
        var titleFirst = LowercaseTitleStart(article, s); // "zoo director Anna Berg", "police spokeswoman Sgt. Denise Whitaker"
        var kind = NameKinds.Classify(article, nameFirst, e, titleFirst < nameFirst || honorific, out var certain);
        if (kind == SpeakerKind.Person && nameFirst > s && NameKinds.HasOrganizationHead(article, nameFirst, e)) (kind, nameFirst) = (SpeakerKind.Organization, s);
        if (corporate) kind = SpeakerKind.Organization;
        var mention = new NameMention
        {
            First = honorificStart >= 0 && titleFirst == nameFirst ? honorificStart : titleFirst, NameFirst = nameFirst, End = mentionEnd, Name = NameText(article, nameFirst, e), Kind = kind,
            Certain = certain || corporate || honorific || titleFirst < nameFirst, Gender = honorificGender,
        };
        if (titleFirst < nameFirst) mention.Titles.Add(TitleText(article, titleFirst, nameFirst));
        if (kind == SpeakerKind.Person)
        {
            mention.Gender ??= Forenames.GenderOf(article[nameFirst]);
            for (var t = titleFirst; t < nameFirst && mention.Gender is null; t++) mention.Gender = Titles.GenderOf(article[t]);
        }
        return mention;
    }

    private static bool IsForenameBefore(ArticleText article, int k, int start) => k > start && Forenames.IsForename(article[k - 1]); // Theresa May

    /// <summary>
    /// The first token of the name after titles: after the last role word that has name words after it. A title's
    /// object ("Minister for the Sea Élodie Marchand") leaves the name its forename on, else its last two words; with
    /// one word left ("the Mayor of London") there is no name (-1).
    /// </summary>
    private static int TitleEnd(ArticleText article, int s, int e)
    {
        var lastRole = -1;
        for (var k = s; k < e - 1; k++)
            if (article.Tokens[k].IsWord && Titles.IsRoleNoun(article[k]) && !(k == s && Forenames.IsForename(article[k]) && k > 0 && article.IsLower(k - 1) && Titles.IsRoleNoun(article[k - 1])))
                lastRole = k; // "coach Dean Fuller", but "Mayor Lena Fischer"
        if (lastRole < 0) return s;
        var n = lastRole + 1;
        while (n < e && (article.IsPunct(n, '.') || article.Is(n, "of") || article.Is(n, "for") || article.Is(n, "the")
                         || (Titles.IsQualifier(article[n]) && n + 1 < e) || (Titles.IsRoleNoun(article[n]) && n + 1 < e)))
            n++;
        if (n >= e) return s;
        // "Secretary of State Blinken": the qualifier was the object; "Mayor of London": the next word is.
        if (!(article.Is(n - 1, "of") || article.Is(n - 1, "for") || article.Is(n - 1, "the"))) return n;
        if (e - n == 1) return Forenames.IsForename(article[n]) ? n : -1;
        if (e - n < 3) return n;
        for (var k = n + 1; k < e - 1; k++)
            if (Forenames.IsForename(article[k])) return k;
        return e - 2;
    }

    /// <summary>"Russian foreign minister Sergei Lavrov", "NATO chief Jens Stoltenberg": a lowercase title just before.</summary>
    private static int LowercaseTitleStart(ArticleText article, int nameFirst)
    {
        var k = nameFirst - 1;
        var sawRole = false;
        var nouns = 0; // "zoo director", "works council chair": nouns before the role word
        while (k >= 0 && article.IsOutsideWord(k) && article.SentenceOf[k] == article.SentenceOf[nameFirst])
        {
            var word = article[k];
            if (Titles.IsRoleNoun(word)) sawRole = true;
            else if (sawRole && article.IsLower(k) && nouns < 2 && !FunctionWords.IsNotName(word) && !ReportingCues.IsCue(word) && !Complement.IsPreposition(word)
                     && !word.EndsWith("ed") && !word.EndsWith("ing") && !FunctionWords.IsTimeWord(word) && !ReportedSpeech.IsVerbForm(word))
                nouns++;
            else if (!(sawRole && (Titles.IsQualifier(word) || Organizations.IsNationality(word) || IsPossessive(word)
                                   || article.IsCapitalized(k) && !FunctionWords.IsTimeWord(word) && !FunctionWords.IsNotName(word))))
                break;
            if (article.Is(k, "the") || article.Is(k, "of")) break;
            k--;
        }
        return sawRole ? k + 1 : nameFirst;
    }

    public static bool IsPossessive(ReadOnlySpan<char> word) => word.Length > 2 && word[^1] is 's' && word[^2] is '\'' or '’';

    public static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word) => IsPossessive(word) ? word[..^2] : word;

    internal static string NameText(ArticleText article, int s, int e)
    {
        var text = article.Text[article.Tokens[s].Start..article.Tokens[e - 1].End];
        return IsPossessive(text) ? text[..^2] : text;
    }

    public static string TitleText(ArticleText article, int s, int e) => article.Text[article.Tokens[s].Start..article.Tokens[e - 1].End];
}
