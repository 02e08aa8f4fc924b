namespace Claims.Api.Extraction;

/// <summary>Reads the subject of a cue around its verb: a pronoun, a name with its titles, or a title or body noun.</summary>
internal sealed class SubjectParser(ArticleText article, EntityRegistry registry)
{
    private static readonly WordSet Pronouns = new("he she they it we i");
    private static readonly WordSet InvertedPronouns = new("he she they it we");

    /// <summary>The subject ending at token k, right before the verb.</summary>
    public Subject? Before(int k)
    {
        if (k < 0 || !article.Tokens[k].IsOutside) return null;
        if (article.IsPunct(k, ',') && registry.MentionEndingAt(k - 1) is { } appositive && appositive.AppositiveEnd == k)
            return new Subject(SubjectKind.Name, appositive.First, appositive.End, appositive);
        if (article.IsPunct(k, ',')) return SentenceSubject(k);
        if (!article.Tokens[k].IsWord) return null;
        if (Pronouns.Contains(article[k])) return new Subject(SubjectKind.Pronoun, k, k + 1);
        if (registry.MentionEndingAt(k) is { } mention) return new Subject(SubjectKind.Name, mention.First, mention.End, mention);
        var end = k + 1;
        if (!IsHead(k) && article.Is(k - 1, "of") && k >= 2 && article.IsOutsideWord(k - 2) && IsHead(k - 2)) k -= 2; // the chamber of commerce
        if (!IsHead(k)) return null;
        var first = k;
        while (first - 1 >= 0 && article.IsOutsideWord(first - 1) && IsModifier(first - 1)) first--;
        if (article.Is(first - 1, "the") || article.Is(first - 1, "a") || article.Is(first - 1, "an")) first--;
        // "a spokesman for the ministry said": the role before "for" is who spoke.
        if ((article.Is(first - 1, "for") || article.Is(first - 1, "of") || article.Is(first - 1, "at")) && Before(first - 2) is { Kind: SubjectKind.Title } role)
            return role with { End = end };
        return new Subject(SubjectKind.Title, first, end, Head: k);
    }

    /// <summary>The subject starting at token k, right after an inverted verb or "according to".</summary>
    public Subject? After(int k)
    {
        if (!article.IsOutsideWord(k)) return null;
        if (InvertedPronouns.Contains(article[k])) return new Subject(SubjectKind.Pronoun, k, k + 1);
        if (registry.MentionStartingAt(k) is { } mention) return new Subject(SubjectKind.Name, mention.First, mention.End, mention);
        var first = k;
        if (article.Is(k, "the") || article.Is(k, "a") || article.Is(k, "an")) k++;
        if (registry.MentionStartingAt(k) is { } named) return new Subject(SubjectKind.Name, first, named.End, named);
        if (NameWithin(k) is { } described) return new Subject(SubjectKind.Name, first, described.End, described);
        var head = -1;
        while (k < article.Tokens.Count && article.IsOutsideWord(k) && (IsHead(k) || IsModifier(k)))
        {
            if (IsHead(k)) head = k;
            k++;
        }
        if (head < 0) return null;
        var end = head + 1;
        if (article.Is(end, "of") && article.IsOutsideWord(end + 1)) end += 2; // the chamber of commerce
        return new Subject(SubjectKind.Title, first, end, Head: head);
    }

    /// <summary>"said the city's mobility officer, Georg Kellner": a name a few descriptive words on.</summary>
    private NameMention? NameWithin(int k)
    {
        for (var j = k; j < article.Tokens.Count && j < k + 8 && article.Tokens[j].IsOutside; j++)
        {
            if (registry.MentionStartingAt(j) is { } mention) return mention;
            if (article.IsPunct(j, ',')) continue;
            if (!article.Tokens[j].IsWord || ReportingCues.IsCue(article[j]) || article.Is(j, "that") || article.Is(j, "who") || article.Is(j, "and"))
                return null;
        }
        return null;
    }

    /// <summary>"Reyne, a former Army engineer, agreed", "Jinks, who runs the cooperative, warned": the sentence's subject before its commas.</summary>
    private Subject? SentenceSubject(int comma)
    {
        var sentence = article.Sentences[article.SentenceOf[comma]];
        var first = Dateline.End(article, sentence);
        NameMention? mention = null;
        for (var i = registry.MentionIndexAtOrBefore(first + 3); i >= 0 && registry.Mentions[i].First >= first; i--) mention = registry.Mentions[i];
        if (mention is null || mention.End >= comma) return null;
        if (!article.IsPunct(mention.End, ',') && !article.IsPunct(mention.AppositiveEnd, ',')) return null;
        for (var k = mention.End; k < comma; k++)
            if (!article.Tokens[k].IsOutside || (article.Tokens[k].IsWord && ReportingCues.IsCue(article[k]))) return null;
        return new Subject(SubjectKind.Name, mention.First, mention.End, mention);
    }

    private bool IsHead(int k)
    {
        var word = NameFinder.StripPossessive(article[k]);
        return NameFinder.IsPossessive(article[k]) ? false : Titles.IsRoleNoun(word) || Organizations.IsReferringNoun(word) || Titles.IsPluralRole(word);
    }

    private bool IsModifier(int k)
    {
        var word = article[k];
        return Titles.IsQualifier(word) && !article.Is(k, "the") && !article.Is(k, "of") && !article.Is(k, "for") && !article.Is(k, "and")
               || Titles.IsRoleNoun(word) || Organizations.IsNationality(word) || NameFinder.IsPossessive(word) || (article.IsCapitalized(k) && !FunctionWords.IsNotName(word));
    }
}
