using System.Text.Json;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Quotes;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>
/// A reviewer's quote, changed or added. Its words are the body's: a <c>span</c> must lie in the body and its text is
/// the body's text there; a <c>text</c> given alone must occur in the body (the occurrence nearest the quote's span is
/// taken); given both, they must agree. A stored quote is the knowledge base's, and is changed there.
/// </summary>
public static class DraftQuoteEdits
{
    /// <summary>A quote as the request that would write it: what a merge patch applies to.</summary>
    public static DraftQuoteRequest AsRequest(DraftQuotation quote) =>
        new(quote.Status, quote.Speaker is { } s ? JsonSerializer.SerializeToElement(s, AppJsonContext.Default.Int32) : null, quote.Kind, quote.Span, quote.Text);

    /// <summary>
    /// The draft with <paramref name="current"/> changed by <paramref name="request"/>, or a new quote added when it is
    /// null. <paramref name="spanGiven"/> and <paramref name="textGiven"/> say which of the two the client set.
    /// </summary>
    public static async Task<(DraftDocument?, ProblemHttpResult?)> ApplyAsync(
        NpgsqlConnection conn, StoredDraft draft, DraftQuotation? current, DraftQuoteRequest request, bool spanGiven, bool textGiven, CancellationToken ct)
    {
        if (current is { Status: DraftQuoteStatus.Stored })
            return (null, DraftAnswers.Conflict($"Quote {current.Number} is stored, as quote {current.QuoteId}: change it through /v1/quotes/{current.QuoteId}."));

        var document = draft.Document;
        var errors = new Dictionary<string, string[]>();
        var (span, text) = Words(new BodyText(document.Source.Body), current, request, spanGiven, textGiven, errors);
        if (request.Status == DraftQuoteStatus.Stored)
            errors["status"] = ["Only a commit stores a quote: a reviewer sets pending, accepted or rejected."];
        var speakers = document.Speakers.ToList();
        var speaker = await SpeakerOfAsync(conn, speakers, request.Speaker, errors, ct);
        if (errors.Count > 0) return (null, DraftAnswers.Invalid(errors));

        var quote = current is null
            ? new DraftQuotation(document.Quotes.Select(q => q.Number).DefaultIfEmpty(0).Max() + 1, request.Kind ?? QuoteKind.Direct, text!, span!,
                speaker, [], null, Attribution.None, 1, document.Quotes.Select(q => q.Group).DefaultIfEmpty(0).Max() + 1,
                request.Status ?? DraftQuoteStatus.Accepted)
            : current with
            {
                Kind = request.Kind ?? current.Kind, Text = text!, Span = span!, Speaker = speaker, Status = request.Status ?? DraftQuoteStatus.Pending,
            };
        if (document.Quotes.FirstOrDefault(q => q.Number != quote.Number && q.Status != DraftQuoteStatus.Rejected && quote.Status != DraftQuoteStatus.Rejected
                && q.Span == quote.Span && q.Kind == quote.Kind && q.Speaker == quote.Speaker) is { } same)
            return (null, DraftAnswers.Conflict($"Quote {same.Number} already is this quotation (its span, kind and speaker): review that one instead."));
        var quotes = document.Quotes.Where(q => q.Number != quote.Number).Append(quote)
            .OrderBy(q => q.Span.Start).ThenBy(q => q.Span.End).ThenBy(q => q.Number).ToList();
        return (document with { Speakers = speakers, Quotes = quotes }, null);
    }

    static (Span?, string?) Words(
        BodyText body, DraftQuotation? current, DraftQuoteRequest request, bool spanGiven, bool textGiven, Dictionary<string, string[]> errors)
    {
        if (spanGiven)
        {
            if (request.Span is not { } span)
                errors["span"] = ["A quote has a span: give one that lies in the body."];
            else if (!body.Holds(span))
                errors["span"] = [$"The span [{span.Start}, {span.End}) does not lie in the body, which has {body.Length} code points."];
            else if (textGiven && request.Text != body.At(span))
                errors["text"] = [$"'text' is not the body's text at the span, which is \"{body.At(span)}\"."];
            else
                return (span, body.At(span));
            return (null, null);
        }
        if (textGiven)
        {
            if (request.Text is { } text && body.Find(text, current?.Span.Start ?? 0) is { } found) return (found, text);
            errors["text"] = ["'text' does not occur in the body: a quote's words are the article's, exactly."];
            return (null, null);
        }
        if (current is null) errors["span"] = ["Give the quote's 'span' in the body, or its 'text', or both."];
        return (current?.Span, current?.Text);
    }

    /// <summary>
    /// The draft speaker a request names: a draft speaker's number, or a stored speaker's id or slug (added to the draft
    /// if no draft speaker is that one yet); null for none.
    /// </summary>
    static async Task<int?> SpeakerOfAsync(
        NpgsqlConnection conn, List<DraftSpeaker> speakers, JsonElement? speaker, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        switch (speaker)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var n):
                if (speakers.Exists(s => s.Number == n)) return n;
                errors["speaker"] = [$"The draft has no speaker {n}."];
                return null;
            case { ValueKind: JsonValueKind.String } name when name.GetString() is { Length: > 0 and <= Slugs.MaxLength } idOrSlug:
                if (await SpeakerMatching.FindAsync(conn, idOrSlug, ct) is { } stored)
                    return DraftBuilder.SpeakerFor(speakers, stored.Ref, stored.Kind, stored.Title);
                errors["speaker"] = [$"There is no stored speaker '{idOrSlug}'."];
                return null;
            default:
                errors["speaker"] = ["'speaker' is a draft speaker's number, a stored speaker's id or slug, or null."];
                return null;
        }
    }
}
