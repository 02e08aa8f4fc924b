using Claims.Api.Quotes;
using Claims.Api.Sources;
using Claims.Api.Speakers;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>
/// What a commit writes, and writing it in the caller's transaction through the normal tables, so that the database's
/// triggers check every span, group every quote into its statement and write the change events, as on any write; and
/// the resources' own validators check the rows first, as the API's writes do.
/// </summary>
public static class DraftCommit
{
    /// <summary>
    /// The quotes a commit writes: those accepted, and with <paramref name="minConfidence"/> the pending ones at or
    /// above it that have a speaker.
    /// </summary>
    public static IEnumerable<DraftQuotation> Chosen(DraftDocument document, double? minConfidence) => document.Quotes.Where(q =>
        q.Status == DraftQuoteStatus.Accepted
        || q.Status == DraftQuoteStatus.Pending && q.Speaker is not null && q.Confidence >= minConfidence);

    /// <summary>A new speaker as the speakers API takes it: the draft's name, kind and first title; the slug is derived.</summary>
    public static SpeakerRequest SpeakerOf(DraftSpeaker speaker) => new(speaker.Name, null, speaker.Kind, speaker.Titles.FirstOrDefault());

    public static SourceRequest SourceOf(DraftSource source) =>
        new(source.Url, source.Title, source.Publisher, source.PublishedOn, source.Language, source.Body);

    /// <summary>A quote as the quotes API takes it, said on the day its source was published: the nearest date an article gives.</summary>
    public static QuoteRequest QuoteOf(DraftQuotation quote, Guid speakerId, Guid sourceId, DraftSource source) =>
        new(speakerId, sourceId, quote.Text, quote.Kind, source.PublishedOn, null, quote.Span);

    static readonly SpeakerRequestValidator Speakers = new();
    static readonly QuoteRequestValidator Quotes = new();

    public static async Task<(StoredDraft? Committed, ProblemHttpResult? Refusal)> RunAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, StoredDraft draft, double? minConfidence, CancellationToken ct)
    {
        var document = draft.Document;
        var chosen = Chosen(document, minConfidence).ToList();
        var speakerOf = document.Speakers.ToDictionary(s => s.Number);
        var errors = new Dictionary<string, string[]>();
        foreach (var quote in chosen.Where(q => q.Speaker is null))
            errors[$"quotes/{quote.Number}/speaker"] = [$"Quote {quote.Number} is accepted but has no speaker: give it one, or reject it."];
        if (errors.Count > 0) return (null, DraftAnswers.Invalid(errors));

        var newSpeakers = chosen.Select(q => speakerOf[q.Speaker!.Value]).Where(s => s.Match is null).DistinctBy(s => s.Number)
            .ToDictionary(s => s.Number, _ => Guid.CreateVersion7());
        var source = document.Source;
        var sourceId = source.SourceId ?? Guid.CreateVersion7();
        Guid SpeakerIdOf(DraftQuotation q) => speakerOf[q.Speaker!.Value].Match?.Id ?? newSpeakers[q.Speaker!.Value];
        foreach (var number in newSpeakers.Keys)
            Check(Speakers.Validate(SpeakerOf(speakerOf[number])), $"speakers/{number}", errors);
        var quoteIds = chosen.ToDictionary(q => q.Number, _ => Guid.CreateVersion7());
        foreach (var quote in chosen)
            Check(Quotes.Validate(QuoteOf(quote, SpeakerIdOf(quote), sourceId, source)), $"quotes/{quote.Number}", errors);
        if (errors.Count > 0) return (null, DraftAnswers.Invalid(errors));

        var (action, refusal) = await WriteSourceAsync(conn, tx, draft, sourceId, ct);
        if (refusal is not null) return (null, refusal);
        var created = new List<CommittedSpeaker>();
        var speakers = document.Speakers.ToList();
        foreach (var (number, id) in newSpeakers)
        {
            var request = SpeakerOf(speakerOf[number]);
            var slug = await Slugs.FreeSlugAsync(conn, SlugTable.Speaker, request.Name!, ct);
            var stored = await conn.QuerySingleAsync<SpeakerResponse>(new CommandDefinition(
                SpeakerStore.InsertSql, SpeakerStore.Parameters(id, slug, request), tx, cancellationToken: ct));
            created.Add(new CommittedSpeaker(number, id, stored.Slug, $"/v1/speakers/{stored.Slug}"));
            speakers[speakers.FindIndex(s => s.Number == number)] = speakerOf[number] with { Match = new SpeakerRef(id, stored.Slug, stored.Name) };
        }
        foreach (var quote in chosen)
            await conn.ExecuteAsync(new CommandDefinition(QuoteStore.InsertSql,
                QuoteStore.Parameters(quoteIds[quote.Number], QuoteOf(quote, SpeakerIdOf(quote), sourceId, source)), tx, cancellationToken: ct));

        var result = new CommitResult(new CommittedSource(sourceId, $"/v1/sources/{sourceId}", action), created,
            chosen.Select(q => new CommittedQuote(q.Number, quoteIds[q.Number], $"/v1/quotes/{quoteIds[q.Number]}")).ToList(), DateTime.UtcNow);
        var quotes = document.Quotes
            .Select(q => quoteIds.TryGetValue(q.Number, out var id) ? q with { Status = DraftQuoteStatus.Stored, QuoteId = id } : q).ToList();
        var committed = draft with
        {
            Status = DraftStatus.Committed, Result = result, SourceId = sourceId,
            Document = document with { Source = source with { SourceId = sourceId }, Speakers = speakers, Quotes = quotes },
        };
        return (await DraftStore.SaveAsync(conn, tx, committed, ct), null);
    }

    /// <summary>
    /// A new source is created; a stored one is locked, and must be as the draft found it (a source updated since may
    /// hold another text, and a commit writes quotes against the draft's). A stored one with no text yet gets the draft's
    /// through the source update, whose trigger checks the spans of the quotes it already has.
    /// </summary>
    static async Task<(CommittedAction, ProblemHttpResult?)> WriteSourceAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, StoredDraft draft, Guid sourceId, CancellationToken ct)
    {
        var source = draft.Document.Source;
        if (source.SourceId is null)
        {
            await conn.ExecuteAsync(new CommandDefinition(SourceStore.InsertSql, SourceStore.Parameters(sourceId, SourceOf(source)), tx, cancellationToken: ct));
            return (CommittedAction.Created, null);
        }
        var stored = await conn.QuerySingleOrDefaultAsync<SourceState>(new CommandDefinition(
            "SELECT updated_at, body FROM source WHERE id = @sourceId FOR UPDATE", new { sourceId }, tx, cancellationToken: ct));
        if (stored is not { } row || row.UpdatedAt != draft.SourceUpdatedAt || row.Body != source.Body && row.Body.Length > 0)
            return (default, DraftAnswers.Conflict(
                $"Source {sourceId} {(stored is null ? "was deleted" : "changed")} since the draft was made; nothing was written. " +
                "Make a new draft of the article to read it as it is now."));
        if (row.Body.Length > 0) return (CommittedAction.Unchanged, null);
        await SourceStore.Instance.UpdateAsync(conn, tx, sourceId, SourceOf(source), ct);
        return (CommittedAction.Updated, null);
    }

    sealed record SourceState(DateTime UpdatedAt, string Body);

    static void Check(FluentValidation.Results.ValidationResult result, string at, Dictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in result.ToErrors()) errors[$"{at}/{field}"] = messages;
    }
}
