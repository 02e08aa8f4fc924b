using System.Globalization;
using Claims.Api.Quotes;
using Claims.Api.Speakers;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>
/// Puts together a draft from what the extractor found, the stored speakers matched to its speakers, and the quotes
/// already stored for its source, lined up with the extracted ones (see <see cref="StoredQuoteAlignment"/>). Draft
/// speakers and quotes are numbered from 1: speakers in the extractor's order, then the stored quotes' speakers no
/// extracted one matched; quotes in span order.
/// </summary>
public static class DraftBuilder
{
    public static DraftDocument Build(
        DraftSource source, ExtractedArticle extracted, IReadOnlyDictionary<int, SpeakerMatching.Candidate> matches,
        IReadOnlyList<StoredArticle.Quote> stored, double? minConfidence)
    {
        var body = new BodyText(source.Body);
        var numberOf = new Dictionary<int, int>();
        var speakers = new List<DraftSpeaker>();
        foreach (var speaker in extracted.Speakers)
        {
            numberOf[speaker.Id] = speakers.Count + 1;
            speakers.Add(new DraftSpeaker(speakers.Count + 1, speaker.Name, speaker.Kind, speaker.Titles, speaker.Gender, speaker.Mentions,
                matches.GetValueOrDefault(speaker.Id)?.Ref));
        }

        var storedQuotes = stored.Select(q => new DraftQuotation(0, q.Kind, q.Text, q.Span,
            SpeakerFor(speakers, q.Speaker, q.SpeakerKind, q.SpeakerTitle), [], null,
            Attribution.None, 1, 0, DraftQuoteStatus.Stored, q.Id)).ToList();

        var warnings = extracted.Warnings.ToList();
        var kept = new List<DraftQuotation>();
        foreach (var quote in extracted.Quotes.OrderBy(q => q.Span.Start).ThenBy(q => q.Span.End))
        {
            if (quote.Confidence < minConfidence)
            {
                warnings.Add(new ExtractionWarning("below-min-confidence",
                    string.Create(CultureInfo.InvariantCulture, $"A {quote.Kind.ToDb()} quote with confidence {quote.Confidence:0.###}, below minConfidence {minConfidence}, is left out."),
                    quote.Span));
                continue;
            }
            kept.Add(new DraftQuotation(0, quote.Kind, quote.Text, quote.Span, quote.Speaker is { } s ? numberOf[s] : null,
                quote.Candidates.Select(c => c with { Speaker = numberOf[c.Speaker] }).ToList(), quote.Cue, quote.Attribution,
                quote.Confidence, quote.Group, DraftQuoteStatus.Pending));
        }

        return new DraftDocument(source, speakers, StoredQuoteAlignment.LineUp(body, kept, storedQuotes), warnings);
    }

    /// <summary>The number of the draft speaker that is this stored speaker, added to the draft if none is yet.</summary>
    public static int SpeakerFor(List<DraftSpeaker> speakers, SpeakerRef stored, SpeakerKind kind, string? title)
    {
        if (speakers.Find(s => s.Match?.Id == stored.Id) is { } matched) return matched.Number;
        var number = speakers.Select(s => s.Number).DefaultIfEmpty(0).Max() + 1;
        speakers.Add(new DraftSpeaker(number, stored.Name, kind, title is null ? [] : [title], null, [], stored));
        return number;
    }
}
