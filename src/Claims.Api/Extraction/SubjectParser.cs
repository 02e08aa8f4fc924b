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
        if (!article.Tokens[k].IsWord) return null;
        if (Pronouns.Contains(article[k])) return new Subject(SubjectKind.Pronoun, k, k + 1);
        if (registry.MentionEndingAt(k) is { } mention) return new Subject(SubjectKind.Name, mention.First, mention.End, mention);
        if (!IsHead(k)) return null;
        var first = k;
        while (first - 1 >= 0 && article.IsOutsideWord(first - 1) && IsModifier(first - 1)) first--;
        if (article.Is(first - 1, "the") || article.Is(first - 1, "a") || article.Is(first - 1, "an")) first--;
        // "a spokesman for the ministry said": the role before "for" is who spoke.
        if ((article.Is(first - 1, "for") || article.Is(first - 1, "of") || article.Is(first - 1, "at")) && Before(first - 2) is { Kind: SubjectKind.Title } role)
            return role with { End = k + 1 };
        return new Subject(SubjectKind.Title, first, k + 1, Head: k);
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
        var head = -1;
        while (k < article.Tokens.Count && article.IsOutsideWord(k) && (IsHead(k) || IsModifier(k)))
        {
            if (IsHead(k)) head = k;
            k++;
        }
        return head < 0 ? null : new Subject(SubjectKind.Title, first, head + 1, Head: head);
    }

    private bool IsHead(int k)
    {
        var word = NameFinder.StripPossessive(article[k]);
        return NameFinder.IsPossessive(article[k]) ? false : Titles.IsRoleNoun(word) || Organizations.IsReferringNoun(word) || IsPluralRole(word);
    }

    private bool IsModifier(int k)
    {
        var word = article[k];
        return Titles.IsQualifier(word) && !article.Is(k, "the") && !article.Is(k, "of") && !article.Is(k, "for") && !article.Is(k, "and")
               || Titles.IsRoleNoun(word) || Organizations.IsNationality(word) || NameFinder.IsPossessive(word) || (article.IsCapitalized(k) && !FunctionWords.IsNotName(word));
    }

    /// <summary>"officials", "analysts": plural roles that speak but are nobody in particular.</summary>
    private static bool IsPluralRole(ReadOnlySpan<char> word) => word.Length > 3 && word[^1] == 's' && Titles.IsRoleNoun(word[..^1]);
}
