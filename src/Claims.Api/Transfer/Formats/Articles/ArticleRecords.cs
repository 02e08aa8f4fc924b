using System.Globalization;
using System.Text.Json.Nodes;
using Claims.Api.Drafts;
using Claims.Api.Extraction;
using Claims.Api.Speakers;

namespace Claims.Api.Transfer.Formats.Articles;

/// <summary>
/// The records an article's draft adds, as its commit would write them (<see cref="DraftCommit"/>): the source, each
/// new speaker once per import, and the quotes that have a speaker and at least the minimum confidence (all, without
/// one); the others are left out and noted as skipped. Quotes already stored, lined up in the draft, are not brought
/// again. Ids are stable, by URL, speaker slug and quote span, so importing the same articles again changes nothing.
/// A new quote joins the statement it renders, by the rule the quote trigger applies (0012's statement_of), among the
/// stored quotes and those of the articles before it in the import (not those of its own article).
/// </summary>
sealed class ArticleRecords(double? minConfidence, ImportNotes notes)
{
    readonly HashSet<string> speakersGiven = new(StringComparer.Ordinal);
    readonly Dictionary<Guid, List<Given>> quotesGiven = [];
    readonly HashSet<(Guid Speaker, string Words)> wordsGiven = [];

    /// <summary>A quote brought by an earlier article: its speaker, content words (a tsvector's text) and statement.</summary>
    sealed record Given(Guid Id, Guid Speaker, string Words, Guid Statement);

    sealed record Grouped(Guid StatementId, string Words);

    const string StatementsSql = """
        SELECT statement_of(q.id, q.speaker_id, w.words, @GivenIds, @GivenSpeakers, @GivenWords::tsvector[], @GivenStatements) AS statement_id,
               w.words::text AS words
        FROM unnest(@Ids, @SpeakerIds, @Texts) WITH ORDINALITY AS q(id, speaker_id, text, n)
        CROSS JOIN LATERAL (SELECT to_tsvector('english', q.text) AS words) AS w
        ORDER BY q.n
        """;

    public async Task<List<ImportRecord>> OfAsync(NpgsqlConnection conn, string origin, MadeDraft draft, CancellationToken ct)
    {
        var (document, source) = (draft.Document, draft.Document.Source);
        var sourceId = source.SourceId ?? Id("source", source.Url);
        var records = new List<ImportRecord> { SourceRecord(origin, sourceId, source) };

        var chosen = DraftCommit.Chosen(document, minConfidence ?? 0).ToList();
        foreach (var left in document.Quotes.Where(q => q.Status == DraftQuoteStatus.Pending).Except(chosen))
            notes.Skip($"{origin} quote {left.Number}", left.Speaker is null
                ? $"Left out: the article does not say who said \"{Short(left.Text)}\"."
                : string.Create(CultureInfo.InvariantCulture, $"Left out: confidence {left.Confidence:0.###} is below {minConfidence} (\"{Short(left.Text)}\")."));

        var speakers = document.Speakers.ToDictionary(s => s.Number);
        var speakerIds = new List<Guid>();
        foreach (var quote in chosen)
        {
            var speaker = speakers[quote.Speaker!.Value];
            if (speaker.Match is { } stored)
            {
                speakerIds.Add(stored.Id);
                continue;
            }
            var request = DraftCommit.SpeakerOf(speaker);
            var slug = Slugs.Slugify(request.Name!);
            speakerIds.Add(Id("speaker", slug));
            if (speakersGiven.Add(slug)) records.Add(SpeakerRecord(origin, Id("speaker", slug), slug, request));
        }

        var quoteIds = chosen.Select((q, i) => Id("quote", $"{source.Url}\n{q.Kind.ToDb()}\n{q.Span.Start}\n{q.Span.End}\n{speakerIds[i]}")).ToArray();
        var statements = await StatementsAsync(conn, quoteIds, speakerIds, chosen.Select(q => q.Text).ToArray(), ct);
        for (var i = 0; i < chosen.Count; i++)
            records.Add(QuoteRecord($"{origin} quote {chosen[i].Number}", quoteIds[i], statements[i], DraftCommit.QuoteOf(chosen[i], speakerIds[i], sourceId, source)));
        return records;
    }

    /// <summary>The statement of each quote, in one query; the quotes are then among those given for the articles after.</summary>
    async Task<List<Guid>> StatementsAsync(NpgsqlConnection conn, Guid[] ids, List<Guid> speakerIds, string[] texts, CancellationToken ct)
    {
        if (ids.Length == 0) return [];
        var given = speakerIds.Distinct().SelectMany(s => quotesGiven.GetValueOrDefault(s) ?? []).ToList();
        var grouped = (await conn.QueryAsync<Grouped>(new CommandDefinition(StatementsSql, new
        {
            Ids = ids, SpeakerIds = speakerIds.ToArray(), Texts = texts,
            GivenIds = given.Select(g => g.Id).ToArray(), GivenSpeakers = given.Select(g => g.Speaker).ToArray(),
            GivenWords = given.Select(g => g.Words).ToArray(), GivenStatements = given.Select(g => g.Statement).ToArray(),
        }, cancellationToken: ct))).AsList();
        // A quote of the same speaker and words as one given is in its statement: it would add nothing to the candidates.
        for (var i = 0; i < ids.Length; i++)
        {
            if (!wordsGiven.Add((speakerIds[i], grouped[i].Words))) continue;
            if (!quotesGiven.TryGetValue(speakerIds[i], out var ofSpeaker)) quotesGiven[speakerIds[i]] = ofSpeaker = [];
            ofSpeaker.Add(new Given(ids[i], speakerIds[i], grouped[i].Words, grouped[i].StatementId));
        }
        return grouped.Select(g => g.StatementId).ToList();
    }

    static ImportRecord SourceRecord(string origin, Guid id, DraftSource source)
    {
        var request = DraftCommit.SourceOf(source);
        return ImportRecord.Known("source", new JsonObject
        {
            ["id"] = id.ToString(),
            ["url"] = request.Url,
            ["title"] = request.Title,
            ["publisher"] = request.Publisher,
            ["publishedOn"] = Date(request.PublishedOn),
            ["language"] = request.Language,
            ["body"] = request.Body,
        }, origin);
    }

    static ImportRecord SpeakerRecord(string origin, Guid id, string slug, SpeakerRequest request) => ImportRecord.Known("speaker", new JsonObject
    {
        ["id"] = id.ToString(),
        ["slug"] = slug,
        ["name"] = request.Name,
        ["kind"] = (request.Kind ?? SpeakerKind.Person).ToDb(),
        ["title"] = request.Title,
    }, origin);

    static ImportRecord QuoteRecord(string origin, Guid id, Guid statementId, Quotes.QuoteRequest request) => ImportRecord.Known("quote", new JsonObject
    {
        ["id"] = id.ToString(),
        ["speakerId"] = request.SpeakerId.ToString(),
        ["sourceId"] = request.SourceId.ToString(),
        ["kind"] = request.Kind?.ToDb(),
        ["text"] = request.Text,
        ["saidOn"] = Date(request.SaidOn),
        ["span"] = new JsonObject { ["start"] = request.Span!.Start, ["end"] = request.Span.End },
        ["statementId"] = statementId.ToString(),
    }, origin);

    static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";

    static Guid Id(string kind, string key) => StableIds.For(ArticlesFormat.FormatName, kind, key);
}
