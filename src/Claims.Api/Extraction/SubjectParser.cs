namespace Claims.Api.Extraction;

/// <summary>Reads the subject of a cue around its verb: a pronoun, a name with its titles, or a title or body noun.</summary>
internal sealed class SubjectParser(ArticleText article, EntityRegistry registry)
{
    private const int MaxDescription = 8; // words from a determiner to its noun: "A Department of Health and Social Care spokesperson"
    private static readonly WordSet Pronouns = new("he she they it we i");
    private static readonly WordSet InvertedPronouns = new("he she they it we");
    private static readonly WordSet Determiners = new("the a an its his her their our one");
    private static readonly WordSet Linking = new("for of at in from");

    /// <summary>The subject ending at token k, right before the verb.</summary>
    public Subject? Before(int k)
    {
        if (k < 0 || !article.Tokens[k].IsOutside) return null;
        if (article.IsPunct(k, ')')) k = BeforeParenthesis(k); // Thierry Vasseur (LR) called
        if (k < 0) return null;
        if (article.IsPunct(k, ','))
            return registry.MentionEndingAt(k - 1) is { } appositive && appositive.AppositiveEnd == k && (appositive.AppositiveEnd > appositive.End || appositive.TitledBefore)
                ? new Subject(SubjectKind.Name, appositive.First, appositive.End, appositive)
                : SentenceSubject(k);
        if (!article.Tokens[k].IsWord) return null;
        if (Pronouns.Contains(article[k])) return new Subject(SubjectKind.Pronoun, k, k + 1);
        if (registry.MentionEndingAt(k) is { } mention) return new Subject(SubjectKind.Name, mention.First, mention.End, mention);
        var end = k + 1;
        var head = IsHead(k) ? k : Linking.Contains(Word(k - 1)) && k >= 2 && IsHead(k - 2) ? k - 2 : -1; // the embassy in Tallinn
        if (head < 0) return null;
        var first = DescriptionStart(head);
        var indefinite = article.Is(first, "a") || article.Is(first, "an");
        // "a spokeswoman for the airport said": a spokesperson speaks for the body named after it.
        if (Linking.Contains(Word(first - 1)) && first >= 2 && Before(first - 2) is { Kind: SubjectKind.Title } role)
            return IsSpokesperson(role.Head) ? new Subject(SubjectKind.Title, first, end, Head: head) { Indefinite = indefinite, Outer = role.First } : role with { End = end };
        return new Subject(SubjectKind.Title, first, end, Head: head) { Indefinite = indefinite };
    }

    /// <summary>The subject starting at token k, right after an inverted verb or "according to".</summary>
    public Subject? After(int k)
    {
        if (!article.IsOutsideWord(k)) return null;
        // "…,” said he." but not "says they are …"
        if (InvertedPronouns.Contains(article[k])) return article.IsOutsideWord(k + 1) ? null : new Subject(SubjectKind.Pronoun, k, k + 1);
        if (registry.MentionStartingAt(k) is { } mention) return new Subject(SubjectKind.Name, mention.First, mention.End, mention);
        var first = k;
        var indefinite = article.Is(k, "a") || article.Is(k, "an");
        if (Determiners.Contains(article[k])) k++;
        if (registry.MentionStartingAt(k) is { } named) return new Subject(SubjectKind.Name, first, named.End, named);
        if (NameWithin(k) is { } described) return new Subject(SubjectKind.Name, first, described.End, described);
        var head = -1;
        for (var j = k; j < article.Tokens.Count && j < k + 5 && article.IsOutsideWord(j) && !ReportingCues.IsCue(article[j]) && !article.Is(j, "that"); j++)
            if (IsHead(j)) { head = j; if (!IsHead(j + 1)) break; }
        if (head < 0) return null;
        var end = head + 1;
        if (Linking.Contains(Word(end)) && article.IsOutsideWord(end + 1))
        {
            // "a spokeswoman for the airport", "the chamber of commerce"
            if (IsSpokesperson(head) && After(end + 1) is { Kind: SubjectKind.Title or SubjectKind.Name } body) return body with { First = first };
            end += article.Is(end + 1, "the") ? 3 : 2;
        }
        return new Subject(SubjectKind.Title, first, Math.Min(end, article.Tokens.Count), Head: head) { Indefinite = indefinite };
    }

    /// <summary>Where the description ending in the noun at head begins: its determiner or possessive, else its modifiers.</summary>
    private int DescriptionStart(int head)
    {
        for (var j = head - 1; j >= 0 && j >= head - MaxDescription && article.IsOutsideWord(j) && !ReportingCues.IsCue(article[j]); j--)
            if (Determiners.Contains(article[j]) || (NameFinder.IsPossessive(article[j]) && !Linking.Contains(Word(j - 1)))) return j;
        var first = head;
        while (first - 1 >= 0 && article.IsOutsideWord(first - 1) && IsModifier(first - 1)) first--;
        return first;
    }

    private int BeforeParenthesis(int close)
    {
        for (var j = close - 1; j >= 0 && j > close - 6; j--)
            if (article.IsPunct(j, '(')) return j - 1;
        return -1;
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
        if (OpeningSubject(article.SentenceOf[comma]) is not { Name: { } mention } subject || mention.End >= comma) return null;
        if (!article.IsPunct(mention.End, ',') && !article.IsPunct(mention.AppositiveEnd, ',')) return null;
        for (var k = mention.End; k < comma; k++)
            if (!article.Tokens[k].IsOutside || (article.Tokens[k].IsWord && ReportingCues.IsCue(article[k]))) return null;
        return subject;
    }

    /// <summary>The name or pronoun that opens a sentence (after its dateline): the subject of a verb coordinated later.</summary>
    public Subject? OpeningSubject(int sentenceIndex)
    {
        var first = Dateline.End(article, article.Sentences[sentenceIndex]);
        if (article.IsOutsideWord(first) && Pronouns.Contains(article[first])) return new Subject(SubjectKind.Pronoun, first, first + 1);
        NameMention? mention = null;
        for (var i = registry.MentionIndexAtOrBefore(first + 6); i >= 0 && registry.Mentions[i].First >= first; i--) mention = registry.Mentions[i];
        for (var k = first; mention is not null && k < mention.First; k++)
            if (!article.Tokens[k].IsOutside || article.Tokens[k].IsWord && ReportingCues.IsCue(article[k])) mention = null;
        return mention is null ? null : new Subject(SubjectKind.Name, mention.First, mention.End, mention);
    }

    private ReadOnlySpan<char> Word(int k) => k >= 0 && k < article.Tokens.Count && article.Tokens[k].IsWord ? article[k] : default;

    public bool IsSpokesperson(int k) => k >= 0 && Spokespeople.Contains(NameFinder.StripPossessive(article[k]));

    private static readonly WordSet Spokespeople = new("spokesman spokeswoman spokesperson spokespeople spokesmen representative representatives official officials");

    private bool IsHead(int k)
    {
        if (!article.IsOutsideWord(k) || NameFinder.IsPossessive(article[k])) return false;
        var word = article[k];
        return Titles.IsRoleNoun(word) || Organizations.IsReferringNoun(word) || Titles.IsPluralRole(word);
    }

    private bool IsModifier(int k)
    {
        var word = article[k];
        return Titles.IsQualifier(word) || Titles.IsRoleNoun(word) || Organizations.IsNationality(word) || NameFinder.IsPossessive(word)
               || (article.IsCapitalized(k) && !FunctionWords.IsNotName(word));
    }
}
