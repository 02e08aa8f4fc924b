namespace Claims.Api.Extraction;

/// <summary>Where a cue's reported clause begins: after adverbials ("on Wednesday", "in a statement") and "that".</summary>
internal static class Complement
{
    private static readonly WordSet Settings = new("statement interview briefing conference post video message letter speech address tweet email call remarks comments");

    private static readonly WordSet Prepositions = new("at on in after before during following from to with without about over under for by since until amid despite");

    public static bool IsSetting(ReadOnlySpan<char> word) => Settings.Contains(word) || word is "report" or "document" or "filing" or "notice";

    public static bool IsPreposition(ReadOnlySpan<char> word) => Prepositions.Contains(word);

    public static int Start(ArticleText article, int k, out bool hasThat)
    {
        hasThat = false;
        // "said at the time that", "said after the meeting that": a phrase before "that" is no part of the clause.
        if (article.IsOutsideWord(k) && Prepositions.Contains(article[k]))
            for (var j = k + 1; j < article.Tokens.Count && j <= k + 6 && article.IsOutsideWord(j); j++)
                if (article.Is(j, "that")) { hasThat = true; return j + 1; }
        while (k < article.Tokens.Count && article.Tokens[k].IsOutside)
        {
            var next = Adverbial(article, k);
            if (next > k) { k = next; continue; }
            if (article.IsPunct(k, ',') && article.Is(k + 1, "however") && article.IsPunct(k + 2, ',')) { k += 3; continue; }
            break;
        }
        if (article.Is(k, "that") && article.Tokens[k].IsOutside)
        {
            hasThat = true;
            k++;
        }
        return k;
    }

    /// <summary>The token after an adverbial at k ("Wednesday", "on Wednesday", "in a statement", "to reporters"), or k.</summary>
    private static int Adverbial(ArticleText article, int k)
    {
        if (!article.IsOutsideWord(k)) return k;
        if (FunctionWords.IsTimeWord(article[k])) return k + 1;
        if ((article.Is(k, "on") || article.Is(k, "late") || article.Is(k, "early") || article.Is(k, "this") || article.Is(k, "last")) && article.IsOutsideWord(k + 1) && FunctionWords.IsTimeWord(article[k + 1]))
            return k + 2;
        if ((article.Is(k, "late") || article.Is(k, "early")) && article.Is(k + 1, "on") && article.IsOutsideWord(k + 2) && FunctionWords.IsTimeWord(article[k + 2]))
            return k + 3; // "late on Thursday"
        if (article.Is(k, "in") || article.Is(k, "on") || article.Is(k, "at") || article.Is(k, "during") || article.Is(k, "to") || article.Is(k, "after") || article.Is(k, "from"))
        {
            var j = k + 1;
            if (article.Is(j, "a") || article.Is(j, "an") || article.Is(j, "the") || article.Is(j, "his") || article.Is(j, "her") || article.Is(j, "its")) j++;
            var start = j;
            while (j < article.Tokens.Count && j < start + 4 && article.IsOutsideWord(j) && (article.IsCapitalized(j) || Settings.Contains(article[j]) || article.Is(j, "news") || article.Is(j, "press") || article.Is(j, "joint") || article.Is(j, "televised") || article.Is(j, "written") || article.Is(j, "reporters") || article.Is(j, "journalists")))
                j++;
            if (j > start && (Settings.Contains(article[j - 1]) || article.IsCapitalized(j - 1) || article.Is(j - 1, "reporters") || article.Is(j - 1, "journalists")))
                return j;
        }
        return k;
    }
}
