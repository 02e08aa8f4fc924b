using Claims.Api.Quotes;

namespace Claims.Api.Extraction;

/// <summary>
/// Attributes each quotation: to the cue right after it ("…,” he said) or right before it (He said: “…”), else
/// to a cue elsewhere in its sentence (a fragment in reported speech); a quotation without a cue continues the
/// utterance before it in its paragraph, or the previous speaker (context). A fragment nobody is reported as
/// saying (a scare quote, a title) is no quotation.
/// </summary>
internal sealed class DirectQuotes(ArticleText article, List<CueMatch> cues, SpeakerResolver resolver)
{
    private static readonly WordSet Naming = new("so-called called named dubbed titled entitled term word phrase film movie book novel song album show series play poem documentary slogan motto hashtag headline");

    public List<FoundQuote> Read(Func<int, bool> insideLabel)
    {
        var (opens, lasts) = QuoteTokens();
        var drafts = new List<FoundQuote>();
        FoundQuote? previous = null;
        var groups = 0;
        for (var q = 0; q < article.Quotes.Count; q++)
        {
            var quote = article.Quotes[q];
            var open = opens[q];
            if (open < 0 || insideLabel(quote.Open)) continue;
            var fragment = IsFragment(open, quote);
            var (start, end) = QuoteSpans.Trim(article.Text, quote, fragment);
            if (end <= start) continue;
            var draft = new FoundQuote
            {
                Kind = QuoteKind.Direct, Start = start, End = end, Token = open, Fragment = fragment, Unclosed = quote.Unclosed,
                Chain = quote.Chain, ContinuesPrevious = quote.ContinuesPrevious,
            };
            var (cue, adjacent) = CueFor(open, lasts[q]);
            if (cue is null && ColonCueBefore(open) is { } introduced) (cue, adjacent) = (introduced, true); // "He said:" then the quote's paragraph
            if (cue is null && fragment || fragment && Naming.Contains(WordBefore(open)) && !(cue is { SharesSubject: false, Subject: not null } && cue.First == open - 1)) continue;
            if (MidSentence(open) && LooksLikeName(start, end, capitalisedOnly: true) && WordCount(start, end) <= MaxNameWords) continue; // the association « Cœur de Presqu'île »
            draft.Cue = cue;
            draft.Adjacent = adjacent;
            if (cue is not null) draft.Resolution = cue.Resolution;
            if (previous is not null && SameUtterance(previous, draft, open))
            {
                draft.Group = previous.Group;
                if (cue is null) { draft.Resolution = previous.Resolution; draft.Cue = previous.Cue; draft.Adjacent = previous.Adjacent; }
            }
            else
            {
                draft.Group = ++groups;
                if (cue is null && !fragment) draft.Resolution = Context(previous, open, drafts);
                // "Keeper of the Dark": an unattributed title is no quotation, whoever spoke last.
                if (cue is null && (draft.Resolution.Speaker is null && LooksLikeName(start, end, capitalisedOnly: false) || LooksLikeName(start, end, capitalisedOnly: true)))
                {
                    groups--;
                    continue;
                }
            }
            drafts.Add(draft);
            previous = draft;
        }
        ShareAcrossChains(drafts);
        return drafts;
    }

    /// <summary>The same utterance: a continued paragraph, "“…,” he said, “…”", or "“…,” he said. “…”" in one paragraph.</summary>
    private bool SameUtterance(FoundQuote previous, FoundQuote draft, int open)
    {
        if (draft.ContinuesPrevious && previous.Chain == draft.Chain) return true;
        if (draft.Cue is not null) return draft.Cue == previous.Cue;
        return !draft.Fragment && previous.Cue is not null && previous.Adjacent && article.ParagraphOf(previous.Token) == article.ParagraphOf(open);
    }

    /// <summary>A quotation with no cue of its own continues the speaker of the quotation before it, a paragraph back at most.</summary>
    private Resolution Context(FoundQuote? previous, int open, List<FoundQuote> drafts)
    {
        if (previous?.Resolution.Speaker is { } speaker && article.ParagraphOf(open) - article.ParagraphOf(previous.Token) <= 1)
            return new Resolution(speaker, previous.Resolution.Candidates, Attribution.Context, previous.Resolution.Certainty);
        var none = resolver.Resolve(null, open);
        return none;
    }

    /// <summary>A quotation continued across paragraphs takes the attribution one of its paragraphs has.</summary>
    private static void ShareAcrossChains(List<FoundQuote> drafts)
    {
        foreach (var chain in drafts.Where(d => d.Chain > 0).GroupBy(d => d.Chain))
        {
            var attributed = chain.FirstOrDefault(d => d.Cue is not null);
            if (attributed is null) continue;
            foreach (var draft in chain)
            {
                if (draft.Cue is not null) continue;
                draft.Cue = attributed.Cue;
                draft.Resolution = attributed.Resolution;
                draft.Group = attributed.Group;
            }
            foreach (var draft in chain) draft.Group = chain.First().Group;
        }
    }

    private (CueMatch? Cue, bool Adjacent) CueFor(int open, int last)
    {
        var sentence = article.SentenceOf[open];
        var lastSentence = article.SentenceOf[last];
        CueMatch? before = null, after = null, preceding = null, following = null;
        foreach (var cue in cues)
        {
            if (cue.Sentence < sentence) continue;
            if (cue.Sentence > lastSentence) break;
            if (cue.Leftmost > last && OnlyPunctuation(last + 1, cue.Leftmost) && after is null) after = cue;
            else if (cue.Rightmost <= open && OnlyPunctuationOrThat(Math.Min(cue.ComplementStart, open), open) ) before = cue;
            else if (cue.First < open) preceding = cue;
            else if (cue.First > last && following is null && Trails(cue)) following = cue; // "The “peace plan” failed, he said."
        }
        if (after is not null) return (after, true);
        if (before is not null) return (before, true);
        return (preceding ?? following, false);
    }

    /// <summary>A cue ending its paragraph with a colon ("Stoltenberg told reporters:") introduces the quote opening the next.</summary>
    private CueMatch? ColonCueBefore(int open)
    {
        if (open < 2 || article.Tokens[open - 1].Kind != TokenKind.Break || !article.IsPunct(open - 2, ':')) return null;
        var colon = open - 2;
        foreach (var cue in cues)
            if (cue.Sentence == article.SentenceOf[colon] && (cue.ComplementStart == colon || cue.End == colon + 1)) return cue;
        return null;
    }

    /// <summary>The cue closes its sentence: what comes before it is what it reports.</summary>
    private bool Trails(CueMatch cue)
    {
        var end = article.Sentences[cue.Sentence].End;
        for (var k = Math.Max(cue.Rightmost, cue.ComplementStart); k < end; k++)
            if (!(article.Tokens[k].Kind == TokenKind.Punct)) return false;
        return true;
    }

    private bool OnlyPunctuation(int from, int to)
    {
        if (to - from > 2) return false;
        for (var k = from; k < to; k++)
            if (article.Tokens[k].Kind != TokenKind.Punct) return false;
        return true;
    }

    private bool OnlyPunctuationOrThat(int from, int to)
    {
        if (to - from > 2) return false;
        for (var k = from; k < to; k++)
            if (article.Tokens[k].Kind != TokenKind.Punct && !article.Is(k, "that")) return false;
        return true;
    }

    private bool IsFragment(int open, QuotedSpan quote)
    {
        var sentence = article.Sentences[article.SentenceOf[open]];
        if (open == sentence.First || open == Dateline.End(article, sentence)) return false;
        var previous = article.Tokens[open - 1];
        if (previous.Kind != TokenKind.Word) return false; // after a colon, a comma, a dash, an emoji
        var firstLetter = article.Text.AsSpan(quote.ContentStart, quote.ContentEnd - quote.ContentStart).IndexOfAnyExcept(" \t\"'“‘«»");
        var upper = firstLetter >= 0 && char.IsUpper(article.Text[quote.ContentStart + firstLetter]);
        return !(upper && previous.Kind == TokenKind.Word && (ReportingCues.IsCue(article[open - 1]) || article.Is(open - 1, "that")));
    }

    /// <summary>An unattributed quotation of a few words, or of capitalised words only: a name or a title, not speech.</summary>
    private bool LooksLikeName(int start, int end, bool capitalisedOnly)
    {
        var words = 0;
        var capitalised = 0;
        var small = 0;
        var inWord = false;
        for (var i = start; i < end; i++)
        {
            var letter = char.IsLetterOrDigit(article.Text[i]);
            if (letter && !inWord)
            {
                words++;
                if (char.IsUpper(article.Text[i]) || char.IsDigit(article.Text[i])) capitalised++;
                else if (words > 1 && SmallWord(i)) small++;
            }
            inWord = letter || article.Text[i] is '\'' or '’' or '-';
        }
        return capitalised > 0 && capitalised + small == words || !capitalisedOnly && words <= 3;
    }

    private const int MaxNameWords = 6;

    private bool MidSentence(int open) => open > 0 && article.Tokens[open - 1].Kind == TokenKind.Word && open != article.Sentences[article.SentenceOf[open]].First;

    private int WordCount(int start, int end)
    {
        var words = 0;
        for (var i = start; i < end; i++)
            if (char.IsLetterOrDigit(article.Text[i]) && (i == start || !char.IsLetterOrDigit(article.Text[i - 1]))) words++;
        return words;
    }

    private bool SmallWord(int i)
    {
        var end = i;
        while (end < article.Text.Length && char.IsLetter(article.Text[end])) end++;
        return SmallWords.Contains(article.Text.AsSpan(i, end - i));
    }

    private static readonly WordSet SmallWords = new("of the for a an and in on to at by de la le du des von der van di da");

    private ReadOnlySpan<char> WordBefore(int open) => open > 0 && article.Tokens[open - 1].IsWord ? article[open - 1] : default;

    private (int[] Opens, int[] Lasts) QuoteTokens()
    {
        var opens = new int[article.Quotes.Count];
        var lasts = new int[article.Quotes.Count];
        Array.Fill(opens, -1);
        for (var k = 0; k < article.Tokens.Count; k++)
        {
            var token = article.Tokens[k];
            if (token.Quote < 0) continue;
            if (token.Kind == TokenKind.QuoteOpen) opens[token.Quote] = k;
            lasts[token.Quote] = k;
        }
        return (opens, lasts);
    }
}
