namespace Claims.Api.Extraction;

/// <summary>
/// The dateline that opens a wire story ("BRUSSELS (Sputnik) -", "LONDON —", "Munich (bn) -"), which no clause
/// includes: a place opening the paragraph, then an agency in parentheses or a dash.
/// </summary>
internal static class Dateline
{
    private const int MaxLength = 16;

    /// <summary>The sentence's first token after a dateline, or its first token.</summary>
    public static int End(ArticleText article, Sentence sentence)
    {
        var first = sentence.First;
        if (first >= sentence.End || !article.Tokens[first].IsWord || !article.IsCapitalized(first) || Organizations.IsKnownOrganization(article[first]))
            return first;
        if (first > 0 && article.Tokens[first - 1].Kind != TokenKind.Break) return first;
        var capitals = article.IsAllCaps(first) && article.Tokens[first].Length >= 3;
        var parenthesis = -1;
        for (var k = first + 1; k < sentence.End && k < first + MaxLength; k++)
        {
            if (parenthesis < 0 && article.IsPunct(k, '('))
            {
                if (!capitals && k > first + 3) return first;
                parenthesis = k;
                continue;
            }
            if (parenthesis >= 0 && !article.IsPunct(k, ')')) continue;
            if (article.IsPunct(k, ')'))
            {
                var afterDash = SkipDashes(article, k + 1, sentence.End);
                if (afterDash > k + 1 || capitals) return afterDash < sentence.End ? afterDash : first;
                return first;
            }
            if (IsDash(article, k) && capitals)
            {
                var next = SkipDashes(article, k, sentence.End);
                return next < sentence.End ? next : first;
            }
            if (!capitals && k > first + 3) return first;
        }
        return first;
    }

    private static int SkipDashes(ArticleText article, int k, int end)
    {
        while (k < end && IsDash(article, k)) k++;
        return k;
    }

    private static bool IsDash(ArticleText article, int k) => article.IsPunct(k, '—') || article.IsPunct(k, '–') || article.IsPunct(k, '-');
}
