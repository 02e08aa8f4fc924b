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
    private static readonly WordSet NotClauseOpeners = new("to in on at for with by from of into about after before during since as than like against over under through goodbye hello thanks yes no");
    private static readonly WordSet Determiners = new("the a an his her its their our my your this that these those some many few several all both each every any no");
    public static bool IsVerbForm(ReadOnlySpan<char> word) => IrregularPasts.Contains(word) || FiniteVerbs.Contains(word);

    private static readonly WordSet IrregularPasts = new("""
        fell rose went came took made gave got knew saw left lost won began ran held kept put set cut hit brought bought
        thought found felt meant met paid sent spent stood understood built sold led grew drew chose wrote broke spoke
        became fought caught taught sought shut struck threw wore drove flew forgot hid rode rang sang sank shook stole
        swore tore bore lay lit fed fled bet bound dealt dug hung heard laid lent overcame overtook rebuilt split spread
        sprang stuck stung swept swung withdrew upheld undertook
        """);
    private static readonly WordSet FiniteVerbs = new("would will could can should may might must is are was were has have had did does do won't can't isn't wasn't aren't weren't hasn't haven't didn't doesn't don't shall");

    public List<FoundQuote> Read()
    {
        var drafts = new List<FoundQuote>();
        var groups = 0;
        foreach (var cue in cues)
        {
            if (cue.Colon || cue.Subject is null) continue;
            var sentence = article.Sentences[cue.Sentence];
            if (!cue.AccordingTo && Parenthetical(cue, sentence) is { } halves)
            {
                Add(drafts, cue, halves.Before, ++groups);
                Add(drafts, cue, halves.After, groups);
                continue;
            }
            var clause = cue.AccordingTo ? AccordingToClause(cue, sentence) : Leading(cue, sentence) ?? Trailing(cue, sentence);
            if (clause is { } c) Add(drafts, cue, c, ++groups);
        }
        return drafts;
    }

    private void Add(List<FoundQuote> drafts, CueMatch cue, (int First, int End) clause, int group)
    {
        var (start, end) = Span(clause.First, clause.End);
        if (end > start)
            drafts.Add(new FoundQuote { Kind = QuoteKind.Paraphrase, Start = start, End = end, Token = clause.First, Cue = cue, Resolution = cue.Resolution, Adjacent = true, Group = group });
    }

    /// <summary>"The cost of the signs, he said, would be borne by residents": the cue between commas splits one clause in two.</summary>
    private ((int First, int End) Before, (int First, int End) After)? Parenthetical(CueMatch cue, Sentence sentence)
    {
        var open = cue.Leftmost - 1;
        var close = cue.Inverted ? Math.Max(cue.Rightmost, cue.ComplementStart) : cue.ComplementStart;
        if (cue.Subject is not { Kind: SubjectKind.Pronoun or SubjectKind.Name or SubjectKind.Title } || !article.IsPunct(open, ',') || !article.IsPunct(close, ','))
            return null;
        var first = Dateline.End(article, sentence);
        for (var k = first; k < open; k++)
            if (article.Tokens[k].IsOutside && article.Tokens[k].Kind == TokenKind.Punct && article.Text[article.Tokens[k].Start] is ',' or ';') return null;
        if (Accept(first, open) is not { } before || Accept(close + 1, sentence.End) is not { } after) return null;
        // The second half goes on with the first's verb ("would be borne"), not a clause of its own ("as he warned that",
        // "blaming Senate Republicans").
        return article.IsLower(close + 1) && !Subordinators.Contains(article[close + 1]) && !article[close + 1].EndsWith("ing") ? (before, after) : null;
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
            if (next != cue && next.Sentence == cue.Sentence && next.Leftmost > first && next.Leftmost < end && OpensClause(next.Leftmost))
            {
                end = next.Leftmost;
                break;
            }
        for (var k = first; k < end; k++)
        {
            if (article.IsPunct(k, ':') && article.Tokens[k].IsOutside) { end = k; break; }
            // "told reporters the administration had no objection, but declined to say …": the speaker's own next act.
            if (article.Is(k, "but") && article.Tokens[k].IsOutside && k + 1 < end && IsPastVerb(k + 1)) { end = k; break; }
        }
        return Accept(first, end);
    }

    private bool IsPastVerb(int k) =>
        article.IsLower(k) && (IrregularPasts.Contains(article[k]) || article[k].EndsWith("ed") && article[k].Length > 4);

    /// <summary>", adding that …", "and warned that …": a later cue that opens a clause of its own ends the one before.</summary>
    private bool OpensClause(int k) =>
        k > 0 && (article.IsPunct(k - 1, ',') || article.IsPunct(k - 1, ';') || article.Is(k - 1, "and") || article.Is(k - 1, "but") || article.Is(k - 1, "while"));

    /// <summary>"CLAUSE, X said (on Wednesday).": the cue closes the sentence, or its clause, and a comma opens it.</summary>
    private (int First, int End)? Trailing(CueMatch cue, Sentence sentence)
    {
        var afterCue = cue.Inverted ? Math.Max(cue.Rightmost, cue.ComplementStart) : cue.ComplementStart;
        if (!EndsSentence(afterCue, sentence) && !(article.IsPunct(afterCue, ',') || article.IsPunct(afterCue, ';'))) return null;
        var comma = cue.Leftmost - 1;
        if (comma > 0 && IsStrayMark(comma)) comma--; // "Members voted for the deal,” the union said": a mark that closes nothing
        if (comma <= sentence.First || !(article.IsPunct(comma, ',') || article.IsPunct(comma, '—') || article.IsPunct(comma, '–'))) return null;
        return Accept(Dateline.End(article, sentence), comma);
    }

    private bool IsStrayMark(int k) =>
        article.Tokens[k].Kind == TokenKind.Punct && article.Tokens[k].Length == 1 && QuoteMarks.IsMark(article.Text[article.Tokens[k].Start]);

    private (int First, int End)? AccordingToClause(CueMatch cue, Sentence sentence)
    {
        var after = cue.ComplementStart;
        if (article.IsPunct(after, '(')) // "according to the International Council … (ICES)"
            while (after < sentence.End && !article.IsPunct(after - 1, ')')) after++;
        // "…, according to the campaign group, which published a guide": a relative clause after the source ends nothing.
        if (article.IsPunct(after, ',') && (article.Is(after + 1, "which") || article.Is(after + 1, "who")) && article.IsPunct(cue.First - 1, ','))
            return Accept(Dateline.End(article, sentence), cue.First - 1);
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
        while (end > first && (IsClauseEndPunctuation(end - 1) || Conjunctions.Contains(Word(end - 1)))) end--;
        if (end - first < MinClauseTokens) return null;
        if (article.Tokens[first].Kind == TokenKind.QuoteOpen) return null;
        return (first, end);
    }

    /// <summary>Punctuation that ends a clause, not "%" or a closing parenthesis, which are its own.</summary>
    private bool IsClauseEndPunctuation(int k) =>
        article.Tokens[k].Kind == TokenKind.Punct && article.Text[article.Tokens[k].Start] is not ('%' or ')' or ']');

    private static readonly WordSet Conjunctions = new("and but while as or");
    private static readonly WordSet Subordinators = new("and but while as or because although though after before when since unless if so adding saying");

    private ReadOnlySpan<char> Word(int k) => article.Tokens[k].IsWord ? article[k] : default;

    private bool LooksLikeClause(int first, int end)
    {
        if (!article.IsOutsideWord(first)) return false;
        // "about 120,000 homes are …" is a clause; "about the plan" is not.
        var approximate = first + 1 < end && article.Tokens[first + 1].IsWord && char.IsDigit(article.Text[article.Tokens[first + 1].Start]);
        if (NotClauseOpeners.Contains(article[first]) && !approximate || ReportingCues.IsCue(article[first])) return false;
        for (var k = first + 1; k < end && k < first + 12; k++)
        {
            if (!article.Tokens[k].IsWord) continue;
            var word = article[k];
            if (FiniteVerbs.Contains(word) || IrregularPasts.Contains(word) || (article.IsLower(k) && word.Length > 3 && (word.EndsWith("ed") || word.EndsWith("es"))))
                return true;
            // "the alliance needs": a present verb after a noun, not after a determiner
            if (article.IsLower(k) && word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') && k > first && article.Tokens[k - 1].IsWord
                && !NotClauseOpeners.Contains(article[k - 1]) && !Determiners.Contains(article[k - 1]))
                return true;
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
