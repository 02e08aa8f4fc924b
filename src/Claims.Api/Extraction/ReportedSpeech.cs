using Claims.Api.Quotes;

namespace Claims.Api.Extraction;

/// <summary>
/// Reported speech around a cue: "X said (that) CLAUSE", "CLAUSE, X said", "According to X, CLAUSE" and
/// "CLAUSE, according to X". The span is the clause without the cue, the speaker, "that" and its final
/// punctuation; a clause that is only a direct quotation is the quotation's, not reported speech.
/// </summary>
internal sealed class ReportedSpeech(ArticleText article, List<CueMatch> cues)
{
    private const int MinClauseTokens = 3;
    private static readonly WordSet ClauseOpeners = new("he she it they we i there this these those the a an his her its their our some many no all both any every such one two several most none each either neither");
    private static readonly WordSet FiniteVerbs = new("would will could can should may might must is are was were has have had did does do won't can't isn't wasn't aren't weren't hasn't haven't didn't doesn't don't shall");

    public List<DraftQuote> Read()
    {
        var drafts = new List<DraftQuote>();
        foreach (var cue in cues)
        {
            if (cue.Colon || cue.Subject is null) continue;
            var sentence = article.Sentences[cue.Sentence];
            var clause = cue.AccordingTo ? AccordingToClause(cue, sentence) : Leading(cue, sentence) ?? Trailing(cue, sentence);
            if (clause is not { } c) continue;
            var (start, end) = Span(c.First, c.End);
            if (end <= start) continue;
            drafts.Add(new DraftQuote { Kind = QuoteKind.Paraphrase, Start = start, End = end, Token = c.First, Cue = cue, Resolution = cue.Resolution, Adjacent = true });
        }
        return drafts;
    }

    /// <summary>"X said (that) CLAUSE": from the complement to the end of the sentence, or to the next cue's comma.</summary>
    private (int First, int End)? Leading(CueMatch cue, Sentence sentence)
    {
        if (cue.Inverted) return null;
        var first = cue.ComplementStart;
        if (first >= sentence.End || !article.Tokens[first].IsOutside && article.Tokens[first].Kind != TokenKind.QuoteOpen) return null;
        var wantsThat = !cue.Traits.HasFlag(CueTraits.BareClause);
        if (!cue.Traits.HasFlag(CueTraits.ThatClause) && !cue.Traits.HasFlag(CueTraits.BareClause)) return null;
        if (wantsThat && !cue.HasThat) return null;
        if (!cue.HasThat && !LooksLikeClause(first, sentence.End)) return null;
        var end = sentence.End;
        foreach (var next in cues)
            if (next != cue && next.Sentence == cue.Sentence && next.Leftmost > first && next.Leftmost < end) { end = next.Leftmost; break; }
        for (var k = first; k < end; k++)
            if (article.IsPunct(k, ':') && article.Tokens[k].IsOutside) { end = k; break; }
        return Accept(first, end);
    }

    /// <summary>"CLAUSE, X said (on Wednesday).": the cue closes the sentence and a comma opens it.</summary>
    private (int First, int End)? Trailing(CueMatch cue, Sentence sentence)
    {
        var afterCue = cue.Inverted ? Math.Max(cue.Rightmost, cue.ComplementStart) : cue.ComplementStart;
        if (!EndsSentence(afterCue, sentence)) return null;
        var comma = cue.Leftmost - 1;
        if (comma <= sentence.First || !(article.IsPunct(comma, ',') || article.IsPunct(comma, '—') || article.IsPunct(comma, '–'))) return null;
        return Accept(Dateline.End(article, sentence), comma);
    }

    private (int First, int End)? AccordingToClause(CueMatch cue, Sentence sentence)
    {
        var after = cue.ComplementStart;
        if (cue.First <= Dateline.End(article, sentence) + 1 && article.IsPunct(after, ','))
            return Accept(after + 1, sentence.End);
        if (EndsSentence(after, sentence) && article.IsPunct(cue.First - 1, ','))
            return Accept(Dateline.End(article, sentence), cue.First - 1);
        return null;
    }

    private bool EndsSentence(int k, Sentence sentence)
    {
        for (; k < sentence.End; k++)
            if (!(article.Tokens[k].Kind == TokenKind.Punct && article.Text[article.Tokens[k].Start] is '.' or '!' or '?')) return false;
        return true;
    }

    /// <summary>A clause of a few words that is not one direct quotation from its start to its end.</summary>
    private (int First, int End)? Accept(int first, int end)
    {
        while (end > first && article.Tokens[end - 1].Kind == TokenKind.Punct) end--;
        if (end - first < MinClauseTokens) return null;
        if (article.Tokens[first].Kind == TokenKind.QuoteOpen) return null;
        return (first, end);
    }

    private bool LooksLikeClause(int first, int end)
    {
        if (!article.IsOutsideWord(first)) return false;
        if (!(ClauseOpeners.Contains(article[first]) || article.IsCapitalized(first) || char.IsDigit(article.Text[article.Tokens[first].Start]))) return false;
        for (var k = first + 1; k < end && k < first + 12; k++)
        {
            if (!article.Tokens[k].IsWord) continue;
            var word = article[k];
            if (FiniteVerbs.Contains(word) || (article.IsLower(k) && word.Length > 3 && (word.EndsWith("ed") || word.EndsWith("es")))) return true;
        }
        return false;
    }

    private (int Start, int End) Span(int first, int end)
    {
        var last = end - 1;
        var stop = article.Tokens[last].End;
        return QuoteSpans.Trim(article.Text, article.Tokens[first].Start, stop);
    }
}
