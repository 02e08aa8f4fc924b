namespace Claims.Api.Extraction;

/// <summary>A title written after a name between commas: "Jens Stoltenberg, NATO's secretary general, said".</summary>
internal static class Appositive
{
    private const int MaxLength = 12;

    /// <summary>Adds the appositive title to the mention and returns the token after it, or the mention's end.</summary>
    public static int Read(ArticleText article, NameMention mention)
    {
        var comma = mention.End;
        if (!article.IsPunct(comma, ',')) return mention.End;
        var first = comma + 1;
        if (article.Is(first, "the") || article.Is(first, "a") || article.Is(first, "an")) first++;
        var sawRole = false;
        var k = first;
        while (k < article.Tokens.Count && k < first + MaxLength && article.IsOutsideWord(k) && article.SentenceOf[k] == article.SentenceOf[comma])
        {
            var word = article[k];
            if (ReportingCues.IsCue(word) || article.Is(k, "who") || article.Is(k, "which")) return mention.End;
            sawRole |= Titles.IsRoleNoun(word);
            k++;
        }
        if (!sawRole || k == first) return mention.End;
        var last = k;
        // "Stoltenberg, NATO's secretary general, said": the title ends at the comma, the full stop or the quote.
        if (k < article.Tokens.Count && article.Tokens[k].IsOutside && article.Tokens[k].Kind == TokenKind.Punct
            && article.Text[article.Tokens[k].Start] is not (',' or '.' or ';' or ')' or '-' or '—' or '–'))
            return mention.End;
        mention.Titles.Add(NameFinder.TitleText(article, first, last));
        return last;
    }
}
