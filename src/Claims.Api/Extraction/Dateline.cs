namespace Claims.Api.Extraction;

/// <summary>The dateline that opens a wire story ("BRUSSELS (Sputnik) -", "LONDON —"), which no clause includes.</summary>
internal static class Dateline
{
    private const int MaxLength = 16;

    /// <summary>The sentence's first token after a dateline, or its first token.</summary>
    public static int End(ArticleText article, Sentence sentence)
    {
        var first = sentence.First;
        if (first >= sentence.End || !article.Tokens[first].IsWord || !article.IsAllCaps(first) || article.Tokens[first].Length < 3
            || Organizations.IsKnownOrganization(article[first]))
            return first;
        if (first > 0 && article.Tokens[first - 1].Kind != TokenKind.Break) return first;
        var insideParentheses = false;
        for (var k = first + 1; k < sentence.End && k < first + MaxLength; k++)
        {
            if (article.IsPunct(k, '(')) insideParentheses = true;
            if (insideParentheses && !article.IsPunct(k, ')')) continue;
            if (article.IsPunct(k, ')') || article.IsPunct(k, '—') || article.IsPunct(k, '–') || article.IsPunct(k, '-'))
            {
                var next = k + 1;
                while (next < sentence.End && (article.IsPunct(next, '—') || article.IsPunct(next, '–') || article.IsPunct(next, '-'))) next++;
                return next < sentence.End ? next : first;
            }
        }
        return first;
    }
}
