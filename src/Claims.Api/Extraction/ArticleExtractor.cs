using Claims.Api.Quotes;

namespace Claims.Api.Extraction;

/// <summary>Finds the quotations of an article and who said them (see docs/extraction.md).</summary>
public static class ArticleExtractor
{
    public static ExtractedArticle Extract(string text)
    {
        var article = new ArticleText(text);
        var registry = new EntityRegistry(article, NameFinder.Find(article));
        var subjects = new SubjectParser(article, registry);
        var cues = new CueFinder(article, subjects).FindAll();
        var resolver = new SpeakerResolver(article, registry, subjects);
        foreach (var cue in cues)
        {
            cue.Resolution = resolver.Resolve(cue.Subject, cue.Subject?.First ?? cue.First);
            if (cue.Resolution.Speaker is { } speaker) speaker.QuoteCount++;
        }
        var labelled = InterviewLabels.Find(article, registry);
        var drafts = new DirectQuotes(article, cues, resolver).Read(position => labelled.Any(l => l.Start <= position && position < l.End));
        drafts.AddRange(labelled);
        drafts.AddRange(new ReportedSpeech(article, cues).Read());
        drafts.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
        return ExtractionResult.Build(article, registry, drafts);
    }
}
