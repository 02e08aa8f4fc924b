namespace Claims.Api.Extraction;

/// <summary>
/// Finds the reporting cues of each sentence and their subjects: "X said", "said X", "X told reporters",
/// "according to X", "X went on to say", "X was quoted as saying", a colon after a sentence's subject.
/// </summary>
internal sealed class CueFinder(ArticleText article, SubjectParser subjects)
{
    private static readonly WordSet Determiners = new("the a an his her its their this these those such our my your of to in no any");
    private static readonly WordSet SkippedBeforeVerb = new("""
        also later then further again previously repeatedly reportedly has have had was is were will would could may
        might did does do once earlier recently publicly separately privately already often has since still now just
        himself herself itself themselves initially subsequently originally elsewhere simply flatly
        """);

    public List<CueMatch> FindAll()
    {
        var cues = new List<CueMatch>();
        for (var s = 0; s < article.Sentences.Count; s++) Find(s, cues);
        return cues;
    }

    private void Find(int sentenceIndex, List<CueMatch> cues)
    {
        var sentence = article.Sentences[sentenceIndex];
        var firstOfSentence = cues.Count;
        for (var k = sentence.First; k < sentence.End; k++)
        {
            if (!article.IsOutsideWord(k)) continue;
            CueMatch? cue = null;
            if (article.Is(k, "according") && article.Is(k + 1, "to"))
                cue = AccordingTo(sentenceIndex, k);
            else if ((article.Is(k, "went") || article.Is(k, "goes") || article.Is(k, "go")) && article.Is(k + 1, "on") && article.Is(k + 2, "to") && ReportingCues.IsCue(article[k + 3]))
                cue = Verb(sentenceIndex, k, k + 4, CueTraits.BareClause | CueTraits.ThatClause);
            else if (ReportingCues.TryGet(article[k], out var traits) && !article.IsCapitalized(k) && !Determiners.Contains(Previous(k)) && !IsPassive(k) && !IsNoun(k))
                cue = Verb(sentenceIndex, k, k + 1, traits);
            if (cue is null) continue;
            if (cue.Subject is null && (cue.Traits.HasFlag(CueTraits.Participle) || cues.Count > firstOfSentence))
            {
                // ", saying …" continues the sentence's subject: the cue's before it, else the name that opens the sentence.
                cue.Subject = cues.Count > firstOfSentence ? cues[^1].Subject : subjects.OpeningSubject(sentenceIndex);
                cue.SharesSubject = true;
            }
            // "Errazuriz declined to comment but said that …": a coordinated verb shares the sentence's subject.
            if (cue.Subject is null && (article.Is(cue.First - 1, "but") || article.Is(cue.First - 1, "and")))
            {
                cue.Subject = subjects.OpeningSubject(sentenceIndex);
                cue.SharesSubject = true;
            }
            cues.Add(cue);
            k = Math.Max(k, cue.End - 1);
        }
        if (cues.Count == firstOfSentence) AddColonIntroductions(sentenceIndex, cues);
    }

    /// <summary>A quotation opens at k, or at the start of the next paragraph.</summary>
    private bool OpensQuote(int k) =>
        k < article.Tokens.Count && (article.Tokens[k].Kind == TokenKind.QuoteOpen
            || (article.Tokens[k].Kind == TokenKind.Break && k + 1 < article.Tokens.Count && article.Tokens[k + 1].Kind == TokenKind.QuoteOpen));

    /// <summary>"Stoltenberg was blunt: “We will respond.”" A colon before a quote introduces the sentence's subject.</summary>
    private void AddColonIntroductions(int sentenceIndex, List<CueMatch> cues)
    {
        var sentence = article.Sentences[sentenceIndex];
        for (var k = sentence.First + 1; k < sentence.End; k++)
        {
            if (!article.IsPunct(k, ':') || !article.Tokens[k].IsOutside || !OpensQuote(k + 1)) continue;
            var first = Dateline.End(article, sentence);
            Subject? subject = null;
            for (var c = k - 1; c > first && subject is null; c--)
                if (article.IsPunct(c, ',') && article.Tokens[c].IsOutside) subject = subjects.After(c + 1); // "Asked whether …, Vandermeer was careful:"
            subject ??= subjects.After(first);
            if (subject is null || subject.End > k) return;
            cues.Add(new CueMatch { Sentence = sentenceIndex, First = k, End = k + 1, Traits = CueTraits.None, Subject = subject, Colon = true, ComplementStart = k + 1 });
            return;
        }
    }

    /// <summary>"had been told", "was asked": the subject heard, it did not speak ("it was said" and "was quoted as saying" aside).</summary>
    private bool IsPassive(int k) =>
        // "Wrona, asked about the tiebreak, was brief"
        (article.Is(k, "asked") && article.IsPunct(k - 1, ',') && (article.Is(k + 1, "about") || article.Is(k + 1, "whether") || article.Is(k + 1, "if") || article.Is(k + 1, "to") || article.Is(k + 1, "why") || article.Is(k + 1, "how")))
        ||
        article.Is(k - 1, "been") || article.Is(k - 1, "being") || article.Is(k - 1, "be")
        || ((article.Is(k - 1, "was") || article.Is(k - 1, "were") || article.Is(k - 1, "is") || article.Is(k - 1, "are"))
            && (article.Is(k, "told") || article.Is(k, "asked") || article.Is(k, "called") || article.Is(k, "described") || article.Is(k, "accused")));

    private static readonly WordSet NounLike = new("states claims reports notes comments remarks promises posts calls statements tells says writes warns");

    /// <summary>"in three states", "the reports": a form that is also a plural noun is a verb only after a subject.</summary>
    private bool IsNoun(int k)
    {
        if (!NounLike.Contains(article[k]) || k == 0 || !article.Tokens[k - 1].IsWord) return false;
        var previous = article[k - 1];
        return article.IsLower(k - 1) && !(previous is "he" or "she" or "it" or "they" or "also" or "still" or "now" or "often")
               && !Titles.IsRoleNoun(previous) && !Organizations.IsReferringNoun(previous) && !Titles.IsPluralRole(previous);
    }

    private ReadOnlySpan<char> Previous(int k) => k > 0 && article.Tokens[k - 1].IsWord ? article[k - 1] : default;

    private CueMatch AccordingTo(int sentence, int k)
    {
        var subject = subjects.After(k + 2);
        var cue = new CueMatch { Sentence = sentence, First = k, End = k + 2, Traits = CueTraits.BareClause, Subject = subject, AccordingTo = true };
        cue.ComplementStart = subject is null ? k + 2 : Math.Max(subject.End, subject.Name?.AppositiveEnd ?? 0);
        return cue;
    }

    private CueMatch Verb(int sentence, int first, int end, CueTraits traits)
    {
        // "was quoted as saying": the subject is before "was quoted".
        var verbFirst = first;
        if (article.Is(first - 1, "as") && article.Is(first - 2, "quoted")) verbFirst = first - 2;
        var before = SkipBackward(verbFirst - 1);
        var subject = subjects.Before(before);
        var inverted = false;
        if (subject is null && !traits.HasFlag(CueTraits.Participle) && InversionAllowed(before, sentence))
        {
            subject = subjects.After(end);
            // "said the government was watching": a subject followed by its own verb is the clause's, not the cue's.
            if (subject is not null && article.IsOutsideWord(subject.End) && ReportedSpeech.IsVerbForm(article[subject.End])) subject = null;
            inverted = subject is not null;
        }
        subject ??= inverted ? null : subjects.PluralOpening(sentence, verbFirst);
        if (article.Is(first, "quoted") && subjects.After(first + 1) is { } quoted && article.Is(quoted.End, "as"))
        {
            subject = quoted; // TASS quoted Peskov as saying
            end = quoted.End + 2;
        }
        if (subject is { Kind: SubjectKind.Pronoun } && article.Is(subject.First, "it") && article.Is(verbFirst - 1, "was"))
            subject = null; // it was said
        var cueEnd = traits.HasFlag(CueTraits.Object) && !inverted ? ObjectEnd(end) : end;
        var cue = new CueMatch { Sentence = sentence, First = verbFirst, End = cueEnd, Traits = traits, Subject = subject, Inverted = inverted };
        cue.ComplementStart = Complement.Start(article, inverted ? cue.Rightmost : cueEnd, out var hasThat);
        cue.HasThat = hasThat;
        return cue;
    }

    private int SkipBackward(int k)
    {
        while (k >= 0 && article.Tokens[k].IsOutside)
        {
            if (article.Tokens[k].IsWord && (SkippedBeforeVerb.Contains(article[k]) || (FunctionWords.IsTimeWord(article[k]) && !article.IsLower(k) && !article.Is(k - 1, "on"))))
            {
                k--;
                continue;
            }
            if (article.Tokens[k].IsWord && FunctionWords.IsTimeWord(article[k]) && article.Is(k - 1, "on")) { k -= 2; continue; }
            // "He, however, said"
            if (article.IsPunct(k, ',') && article.Is(k - 1, "however") && article.IsPunct(k - 2, ',')) { k -= 3; continue; }
            break;
        }
        return k;
    }

    /// <summary>"…,” said X" and ", said X, …": the verb comes right after a quote, a comma or the sentence start.</summary>
    private bool InversionAllowed(int before, int sentence)
    {
        if (before < article.Sentences[sentence].First) return true;
        var token = article.Tokens[before];
        return token.Kind == TokenKind.QuoteClose || article.IsPunct(before, ',') || article.IsPunct(before, '—') || article.IsPunct(before, '–');
    }

    /// <summary>"told reporters", "told the BBC", "told TASS", "told him": the hearer, before the reported clause.</summary>
    private int ObjectEnd(int k)
    {
        if (!article.IsOutsideWord(k) || article.Is(k, "that")) return k;
        // "told the meeting that", "told analysts on a call that": the hearer is whatever comes before "that".
        for (var j = k + 1; j < article.Tokens.Count && j <= k + 6 && article.IsOutsideWord(j); j++)
            if (article.Is(j, "that")) return j;
        if (article.Is(k, "the") || article.Is(k, "a") || article.Is(k, "an"))
        {
            var j = k + 1;
            while (j < article.Tokens.Count && j < k + 4 && article.IsOutsideWord(j) && (article.IsCapitalized(j) || Hearers.Contains(article[j]))) j++;
            return j > k + 1 ? j : k;
        }
        if (article.IsCapitalized(k) && !FunctionWords.IsNotName(article[k]))
        {
            var j = k;
            while (j < article.Tokens.Count && article.IsOutsideWord(j) && article.IsCapitalized(j)) j++;
            return j;
        }
        return Hearers.Contains(article[k]) || article.Is(k, "him") || article.Is(k, "her") || article.Is(k, "them") || article.Is(k, "us") || article.Is(k, "me") ? k + 1 : k;
    }

    private static readonly WordSet Hearers = new("""
        reporters journalists lawmakers legislators parliament delegates supporters students crowd audience news
        conference briefing press newspaper broadcaster agency channel committee senators congress members viewers
        listeners attendees diplomats officials ministers colleagues workers voters residents television radio court
        jury judge jurors tribunal hearing inquiry inquest magistrates mps senators meeting assembly panel summit rally
        councillors congregation chamber analysts investors shareholders staff employees
        """);
}
