using Claims.Api.Quotes;
using Claims.Api.Speakers;

namespace Claims.Api.Extraction;

/// <summary>
/// Interview and transcript lines, "STOLTENBERG: We will respond." or "Q: Will you?": the rest of the paragraph
/// is a direct quote of the labelled speaker, found by name or surname among the article's entities. "Q:" is the
/// interviewer and "A:" the interviewee, when the introduction names them ("interviewed by Jane Doe", "our
/// correspondent Jane Doe", "an interview with the minister, Sam Roe").
/// </summary>
internal static class InterviewLabels
{
    private const int MaxLabelWords = 4;
    private static readonly WordSet NotLabels = new("""
        title url publisher published language note update updated editor editor's related source sources photo
        caption watch read subscribe correction disclaimer warning tags topics image video listen location date time
        category keywords advertisement share contact email phone tel fax website follow credit credits
        """);
    private static readonly WordSet Interviewers = new("q question interviewer reporter host moderator journalist");
    private static readonly WordSet Answers = new("a answer");
    private static readonly WordSet Journalists = new("""
        reporter reporters correspondent journalist editor interviewer host presenter anchor columnist writer broadcaster
        """);
    private static readonly WordSet InterviewWords = new("interview interviews interviewed interviewing questions questioned conversation conducted spoke talked");

    public static List<FoundQuote> Find(ArticleText article, EntityRegistry registry)
    {
        var drafts = new List<FoundQuote>();
        var answers = new List<FoundQuote>();
        var questions = new List<FoundQuote>();
        var labels = new List<(int First, int Colon)>();
        for (var k = 0; k < article.Tokens.Count; k++)
            if ((k == 0 || article.Tokens[k - 1].Kind == TokenKind.Break) && LabelEnd(article, k) is var colon && colon >= 0)
                labels.Add((k, colon));
        foreach (var (k, colon) in labels)
        {
            // A lone "Stoltenberg: NATO will respond" is a headline; a transcript has several labels, or capitals, or Q and A.
            if (labels.Count < 2 && !Interviewers.Contains(article[k]) && !Answers.Contains(article[k]) && !AllCapitals(article, k, colon)) continue;
            var paragraphEnd = colon + 1;
            while (paragraphEnd < article.Tokens.Count && article.Tokens[paragraphEnd].Kind != TokenKind.Break) paragraphEnd++;
            var (start, end) = QuoteSpans.Trim(article.Text, article.Tokens[colon].End, article.Tokens[paragraphEnd - 1].End);
            if (end <= start) continue;
            var draft = new FoundQuote
            {
                Kind = QuoteKind.Direct, Start = start, End = end, Token = k,
                Cue = new CueMatch { Sentence = article.SentenceOf[k], First = k, End = colon + 1, Traits = CueTraits.None, Subject = new Subject(SubjectKind.Label, k, colon) },
                Adjacent = true,
            };
            if (colon - k == 1 && Answers.Contains(article[k])) answers.Add(draft);
            else if (colon - k == 1 && Interviewers.Contains(article[k])) questions.Add(draft);
            else draft.Resolution = Resolve(article, registry, k, colon);
            drafts.Add(draft);
        }
        if (labels.Count == 0) return drafts;
        var (interviewer, introduced) = (questions.Count > 0 || answers.Count > 0) ? Introduction(article, registry, labels[0].First) : (null, null);
        // Named labels say who answers; else the introduction does, less surely.
        var interviewee = Interviewee(article, drafts);
        var certainty = interviewee is null ? 0.5 : 1;
        interviewee ??= introduced;
        Assign(answers, interviewee, certainty);
        // An interviewer whose lines carry their name asks none of the "Q:" lines (viewers' questions, a producer's).
        if (interviewer is not null && drafts.Any(d => d.Resolution.Speaker == interviewer)) interviewer = null;
        Assign(questions, interviewer, 0.5);
        return drafts;
    }

    private static void Assign(List<FoundQuote> lines, Entity? speaker, double certainty)
    {
        foreach (var line in lines)
        {
            line.Resolution = speaker is null ? new(null, [], Attribution.Label, 1) : new(speaker, [(speaker, 1.0)], Attribution.Label, certainty);
            speaker?.References.Add((line.Token, line.Token + 1, MentionKind.Label));
        }
    }

    /// <summary>
    /// Who asks and who answers, from the people the introduction names before the first label: the interviewer is
    /// named "by" in a sentence about the interview, or with a journalist's title ("our correspondent Jane Doe", "The
    /// presenter is Paul Haverford"); the interviewee is the person named most often of the others.
    /// </summary>
    private static (Entity? Interviewer, Entity? Interviewee) Introduction(ArticleText article, EntityRegistry registry, int end)
    {
        Entity? interviewer = null;
        var people = new List<Entity>();
        foreach (var mention in registry.Mentions)
        {
            if (mention.First >= end) break;
            if (mention.Entity is not { IsPerson: true } person) continue;
            if (!people.Contains(person)) people.Add(person);
            if (interviewer is null && (IsJournalist(article, mention, person) || article.Is(mention.First - 1, "by") && AboutInterview(article, mention.First)))
                interviewer = person;
        }
        var interviewee = people.Where(p => p != interviewer && p.Certain).OrderByDescending(p => p.NameMentions.Count).FirstOrDefault();
        return (interviewer, interviewee);
    }

    private static bool IsJournalist(ArticleText article, NameMention mention, Entity person)
    {
        if (person.Titles.Any(t => t.Split(' ').Any(w => Journalists.Contains(w)))) return true;
        // "The presenter is Paul Haverford", "The interview was conducted by …"
        return article.Is(mention.First - 1, "is") && article.IsOutsideWord(mention.First - 2) && Journalists.Contains(article[mention.First - 2]);
    }

    private static bool AboutInterview(ArticleText article, int token)
    {
        var sentence = article.Sentences[article.SentenceOf[token]];
        for (var k = sentence.First; k < sentence.End; k++)
            if (article.IsOutsideWord(k) && InterviewWords.Contains(article[k])) return true;
        return false;
    }

    private static bool AllCapitals(ArticleText article, int first, int end)
    {
        for (var k = first; k < end; k++)
            if (article.Tokens[k].IsWord && !article.IsAllCaps(k)) return false;
        return true;
    }

    /// <summary>Who "A:" is: of the named labels, the one whose lines ask fewest questions.</summary>
    private static Entity? Interviewee(ArticleText article, List<FoundQuote> drafts) =>
        drafts.Where(d => d.Resolution.Speaker is not null)
            .GroupBy(d => d.Resolution.Speaker!)
            .OrderBy(g => g.Count(d => article.Text[d.End - 1] == '?') / (double)g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();

    /// <summary>The colon of a label opening the paragraph at token k, or -1.</summary>
    private static int LabelEnd(ArticleText article, int k)
    {
        if (!article.IsOutsideWord(k) || !article.IsCapitalized(k)) return -1;
        if (FunctionWords.IsNotName(article[k]) && !Interviewers.Contains(article[k]) && !Answers.Contains(article[k])) return -1;
        var j = k;
        while (j < article.Tokens.Count && j < k + MaxLabelWords && article.IsOutsideWord(j) && (article.IsCapitalized(j) || FunctionWords.IsParticle(article[j])))
        {
            if (ReportingCues.IsCue(article[j]) || NotLabels.Contains(article[j])) return -1;
            j++;
        }
        if (!article.IsPunct(j, ':') || j + 1 >= article.Tokens.Count || article.Tokens[j + 1].Kind == TokenKind.Break) return -1;
        return j;
    }

    private static Resolution Resolve(ArticleText article, EntityRegistry registry, int first, int colon)
    {
        var label = article.Text[article.Tokens[first].Start..article.Tokens[colon - 1].End];
        if (colon - first == 1 && Interviewers.Contains(label)) return new(null, [], Attribution.Label, 1);
        Entity? speaker = null;
        // A person of that name or surname first: the label's own capitals ("HAVER") may have been read as a body's name.
        for (var i = registry.Entities.Count - 1; i >= 0 && speaker is null; i--)
        {
            var entity = registry.Entities[i];
            if (entity.IsPerson && (EntityRegistry.SameName(entity.Name, label) || EntityRegistry.SameName(entity.Surname, label))) speaker = entity;
        }
        for (var i = registry.Entities.Count - 1; i >= 0 && speaker is null; i--)
            if (EntityRegistry.SameName(registry.Entities[i].Name, label)) speaker = registry.Entities[i];
        if (speaker is null)
        {
            speaker = new Entity(registry.Entities.Count, SpeakerKind.Person, Names.Cased(label)) { Certain = true };
            registry.Entities.Add(speaker);
        }
        speaker.References.Add((first, colon, MentionKind.Label));
        speaker.QuoteCount++;
        return new(speaker, [(speaker, 1.0)], Attribution.Label, 1);
    }
}
