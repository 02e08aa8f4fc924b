using Claims.Api.Quotes;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>
/// Lines up the quotes already stored for a source with the ones extracted from its text, so that reading a stored
/// article again duplicates nothing. An extracted quote that overlaps stored quotes of its kind is shown as those
/// (status stored, in its group, with its cue and attribution); what of its span they leave uncovered stays a new
/// quote if, trimmed as spans are (<see cref="BodyText.Trim"/>), it holds a letter or digit, and for reported speech
/// at least <see cref="MinReportedWords"/> words: the stored rendering of a clause leaves connectives ("though") behind.
/// Every stored quote is in the draft, found by the extractor or not.
/// </summary>
public static class StoredQuoteAlignment
{
    public const int MinReportedWords = 3;

    public static List<DraftQuotation> LineUp(BodyText body, IReadOnlyList<DraftQuotation> extracted, IReadOnlyList<DraftQuotation> stored)
    {
        var quotes = new List<DraftQuotation>();
        var renders = new Dictionary<Guid, DraftQuotation>();
        foreach (var quote in extracted)
        {
            var covering = stored.Where(s => s.Kind == quote.Kind && Overlap(s.Span, quote.Span)).ToList();
            if (covering.Count == 0)
            {
                quotes.Add(quote);
                continue;
            }
            foreach (var s in covering) renders.TryAdd(s.QuoteId!.Value, quote);
            foreach (var piece in Uncovered(quote.Span, covering.Select(s => s.Span)))
                if (body.Trim(piece) is { } span && Stands(quote.Kind, body.At(span))) quotes.Add(quote with { Span = span, Text = body.At(span) });
        }

        var nextGroup = extracted.Select(q => q.Group).DefaultIfEmpty(0).Max() + 1;
        foreach (var s in stored)
        {
            quotes.Add(renders.TryGetValue(s.QuoteId!.Value, out var found)
                ? s with { Group = found.Group, Cue = found.Cue, Attribution = found.Attribution, Confidence = found.Confidence }
                : s with { Group = nextGroup++ });
        }
        return quotes
            .OrderBy(q => q.Span.Start).ThenBy(q => q.Span.End).ThenBy(q => q.Status == DraftQuoteStatus.Stored ? 0 : 1)
            .Select((q, i) => q with { Number = i + 1 })
            .ToList();
    }

    static bool Stands(QuoteKind kind, string text) =>
        kind == QuoteKind.Direct || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit)) >= MinReportedWords;

    static bool Overlap(Span a, Span b) => a.Start < b.End && b.Start < a.End;

    /// <summary>The parts of <paramref name="span"/> outside every one of <paramref name="covered"/>.</summary>
    static IEnumerable<Span> Uncovered(Span span, IEnumerable<Span> covered)
    {
        var at = span.Start;
        foreach (var c in covered.OrderBy(c => c.Start))
        {
            if (c.Start > at) yield return new Span(at, Math.Min(c.Start, span.End));
            at = Math.Max(at, c.End);
            if (at >= span.End) yield break;
        }
        if (at < span.End) yield return new Span(at, span.End);
    }
}
