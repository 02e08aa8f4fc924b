namespace Claims.Api.Extraction;

/// <summary>
/// Splits the reporter's text into sentences: at a line break, or after . ! ? … followed by what begins a
/// sentence, except after an abbreviation (Dr., Gen., Jan.) or an initial (J. K.). A quotation is opaque: its own
/// full stops end nothing, but a closing mark after one ends the sentence unless a reporting verb follows
/// ("“Are you sure?” Smith asked.").
/// </summary>
internal static class SentenceSplitter
{
    public static List<Sentence> Split(ArticleText article)
    {
        var tokens = article.Tokens;
        var sentences = new List<Sentence>(tokens.Count / 20 + 4);
        var first = 0;
        var paragraph = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Kind == TokenKind.Break)
            {
                if (k > first) sentences.Add(new(first, k, paragraph));
                first = k + 1;
                paragraph++;
                continue;
            }
            if (!EndsSentence(article, k)) continue;
            sentences.Add(new(first, k + 1, paragraph));
            first = k + 1;
        }
        if (first < tokens.Count) sentences.Add(new(first, tokens.Count, paragraph));
        return sentences;
    }

    private static bool EndsSentence(ArticleText article, int k)
    {
        var token = article.Tokens[k];
        var next = k + 1;
        var atEnd = next >= article.Tokens.Count || article.Tokens[next].Kind == TokenKind.Break;
        switch (token.Kind)
        {
            case TokenKind.QuoteClose:
                return ClosesWithSentenceEnd(article, token) && (atEnd || (BeginsSentence(article, next) && !CueFollows(article, next)));
            case TokenKind.Word when token.IsOutside && Abbreviations.IsDotted(article[k]):
                return !atEnd && (article.Is(next, "The") || (Abbreviations.StartsSentence(article[next]) && article.IsCapitalized(next)) || OpensSentenceQuote(article, next));
            case TokenKind.Punct when token.IsOutside:
                var c = article.Text[token.Start];
                if (c is not ('.' or '!' or '?' or '…')) return false;
                if (atEnd) return false; // the line break ends it
                if (!BeginsSentence(article, next) || article.Tokens[next].Start == token.End) return false; // D-N.M., 3.5
                if (c == '.' && k > 0 && article.Tokens[k - 1].IsWord && article.Tokens[k - 1].End == token.Start)
                {
                    var before = article[k - 1];
                    if (Abbreviations.NeverEndsSentence(before)) return false;
                    if (Abbreviations.MayEndSentence(before)) return Abbreviations.StartsSentence(article[next]);
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>"… at 6 a.m. “Nobody here wants …”": a quotation of several words that opens with a capital.</summary>
    private static bool OpensSentenceQuote(ArticleText article, int k)
    {
        if (article.Tokens[k].Kind != TokenKind.QuoteOpen || k + 2 >= article.Tokens.Count) return false;
        var first = article.Tokens[k + 1];
        return first.IsWord && char.IsUpper(article.Text[first.Start]) && article.Tokens[k + 2].IsWord && article.Tokens[k + 2].Quote == first.Quote;
    }

    private static bool ClosesWithSentenceEnd(ArticleText article, Token close)
    {
        var i = close.Start - 1;
        while (i > 0 && char.IsWhiteSpace(article.Text[i])) i--;
        return i >= 0 && article.Text[i] is '.' or '!' or '?' or '…';
    }

    private static bool BeginsSentence(ArticleText article, int k)
    {
        var token = article.Tokens[k];
        if (token.Kind is TokenKind.QuoteOpen) return true;
        var c = article.Text[token.Start];
        return char.IsUpper(c) || char.IsDigit(c) || c is '(' or '[' or '/' or '—' or '–' or '-';
    }

    /// <summary>A reporting verb within the next few words, before any punctuation: the quote's attribution follows.</summary>
    private static bool CueFollows(ArticleText article, int k)
    {
        for (var j = k; j < article.Tokens.Count && j < k + 6; j++)
        {
            if (!article.Tokens[j].IsWord) return false;
            if (ReportingCues.IsCue(article[j])) return true;
            // Only a speaker may stand between: "Smith asked", "the minister asked", not "He declined to say".
            if (article.IsLower(j) && !article.Is(j, "the") && !Titles.IsRoleNoun(article[j])) return false;
        }
        return false;
    }
}
