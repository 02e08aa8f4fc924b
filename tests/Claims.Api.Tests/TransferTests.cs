using System.IO.Pipelines;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Claims.Api.Changes;
using Claims.Api.Entities;
using Claims.Api.Infrastructure.Database;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Reviews;
using Claims.Api.Tests.Infrastructure;
using static Claims.Api.Tests.Infrastructure.Ndjson;
using Claims.Api.Transfer;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Claims.Api.Tests;

public sealed class TransferTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static readonly string[] TypeOrder = ["speaker", "source", "entity", "claim", "review", "quote", "stance", "claimLink", "mention"];

    const string SeedQuoteId = "01a20244-e8a4-76bf-9275-d086581d785d"; // Stoltenberg in TASS, span [267, 393)

    [Fact]
    public async Task TheExportIsTheKnowledgeBaseInDependencyOrderOneRecordALine()
    {
        var response = await api.Reader().GetAsync("/v1/export");
        var records = Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var ranks = records.Select(r => Array.IndexOf(TypeOrder, r.Type)).ToList();
        Assert.DoesNotContain(-1, ranks);
        Assert.Equal(ranks.Order(), ranks);
        foreach (var type in TypeOrder[..7])
        {
            var ids = records.Where(r => r.Type == type).Select(r => r.Data["id"]!.GetValue<string>()).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        }
        Assert.Equal(await CountsAsync("speaker", "source", "entity", "claim", "review", "quote", "stance", "claim_link", "quote_entity + claim_entity"),
            TypeOrder.Select(t => (long)records.Count(r => r.Type == t)).ToArray());
        var stoltenberg = records.Single(r => r.Type == "speaker" && (string?)r.Data["slug"] == Seeded.Stoltenberg).Data;
        Assert.Equal("NATO Secretary General", (string?)stoltenberg["title"]);
        Assert.NotNull(stoltenberg["createdAt"]);
        var quote = records.Single(r => r.Type == "quote" && (string?)r.Data["id"] == SeedQuoteId).Data;
        Assert.Equal(267, (int)quote["span"]!["start"]!);
        Assert.NotNull(quote["statementId"]);
        Assert.False((bool)quote["statementPinned"]!);
        Assert.Contains(records, r => r.Type == "source" && (string?)r.Data["url"] == Seeded.TassUrl && ((string)r.Data["body"]!).Length > 1000);
        Assert.Contains(records, r => r.Type == "mention" && (string?)r.Data["origin"] == "auto" && r.Data["quoteId"] is not null);
    }

    [Fact]
    public async Task AFileWithOneBadLineWritesNothingAndNamesThatLine()
    {
        var before = await StateAsync();
        var (speaker, source) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        var response = await ImportAsync(api.Writer(),
            Record("speaker", new { id = speaker, slug = $"importer-{speaker:N}", name = "Importer" }),
            Record("source", new { id = source, url = $"https://example.org/{source:N}", body = "He said: \"We will build it.\" Then left." }),
            Record("quote", new { id = Guid.CreateVersion7(), speakerId = speaker, sourceId = source, text = "We will build it.", span = new { start = 0, end = 17 } }),
            Record("claim", new { id = Guid.CreateVersion7(), slug = $"imports-are-atomic-{speaker:N}", text = "Imports are atomic." }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "line 3");
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Contains("which is not the quote's text", problem.GetProperty("errors").GetProperty("line 3")[0].GetString());
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task EveryBadLineOfAFileIsNamedWithItsReason()
    {
        var stoltenberg = await IdOfAsync($"/v1/speakers/{Seeded.Stoltenberg}");
        var putin = await IdOfAsync("/v1/speakers/vladimir-putin");
        var tass = await TassAsync();
        var (speaker, claim) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var before = await StateAsync();

        var response = await ImportAsync(api.Writer(),
            "{not json",
            """{"type":"robot","data":{}}""",
            Record("speaker", new { id = Guid.CreateVersion7(), name = "No Slug" }),
            Record("speaker", new { id = Guid.CreateVersion7(), slug = "Not A Slug", name = "Bad Slug" }),
            Record("speaker", new { id = speaker, slug = $"twice-{speaker:N}", name = "Twice" }),
            Record("speaker", new { id = speaker, slug = $"again-{speaker:N}", name = "Twice" }),
            Record("quote", new { id = Guid.CreateVersion7(), speakerId = Guid.CreateVersion7(), sourceId = tass, text = "x" }),
            Record("quote", new { id = Guid.CreateVersion7(), speakerId = stoltenberg, sourceId = tass, text = "far", span = new { start = 900000, end = 900003 } }),
            Record("claim", new { id = claim, slug = $"evidence-{claim:N}", text = "A claim with bad evidence." }),
            Record("stance", new { id = Guid.CreateVersion7(), claimId = claim, speakerId = putin, position = "asserts", quoteId = Guid.Parse(SeedQuoteId) }),
            Record("mention", new { entityId = Guid.CreateVersion7(), quoteId = Guid.Parse(SeedQuoteId), claimId = claim }),
            Record("claim", new { id = Guid.CreateVersion7(), slug = $"coloured-{claim:N}", text = "Coloured.", colour = "red" }),
            Record("claimLink", new { fromClaimId = claim, toClaimId = claim, kind = "supports" }),
            Record("quote", new { id = Guid.CreateVersion7(), speakerId = stoltenberg, sourceId = tass, text = "x", saidOn = "12/02/2020" }),
            Record("claim", new { id = Guid.CreateVersion7(), slug = $"{Guid.CreateVersion7()}", text = "A slug that reads as an id." }));

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        (int Line, string Reason)[] expected =
        [
            (1, "not valid JSON"), (2, "Unknown type 'robot'"), (3, "'slug' is required"), (4, "'slug' must be lower-case"),
            (6, "also on line 5"), (7, "There is no speaker"), (8, "lies outside the source text"), (10, "said by another speaker"),
            (11, "exactly one of 'quoteId' and 'claimId'"), (12, "Unknown field 'colour'"), (13, "cannot be linked to itself"),
            (14, "'saidOn' must be a date"), (15, "'slug' must not be a UUID"),
        ];
        foreach (var (line, reason) in expected)
        {
            Assert.True(errors.TryGetProperty($"line {line}", out var messages), $"no error for line {line}: {errors}");
            Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(reason));
        }
        Assert.Equal(expected.Length, errors.EnumerateObject().Count());
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceChangesNothingTheSecondTime()
    {
        var violation = await IdOfAsync($"/v1/claims/{Seeded.ViolationClaim}");
        var (speaker, source, entity, claim, quote) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        const string body = "At the briefing: \"We will talk about the Zircon missile.\" Nothing more.";
        string[] file =
        [
            Record("speaker", new { id = speaker, slug = $"twice-{speaker:N}", name = "Twice Imported", kind = "government", aliases = new[] { "TI" }, party = "none", state = "Texas" }),
            Record("source", new { id = source, url = $"https://example.org/twice/{source:N}", publisher = "Example", publishedOn = "2024-05-01", body }),
            Record("entity", new { id = entity, slug = $"zircon-{entity:N}", name = "Zircon", aliases = new[] { "3M22" } }),
            Record("claim", new { id = claim, slug = $"zircon-is-hypersonic-{claim:N}", text = "The Zircon missile is hypersonic.", topics = new[] { "defense", "russia" } }),
            Record("review", new
            {
                id = Guid.CreateVersion7(), claimId = claim, publisherName = "Misbar", publisherSite = "misbar.com", url = $"https://misbar.com/twice/{claim:N}",
                title = "Zircon", reviewedOn = "2024-05-02", language = "ar", ratingText = "مضلل", rating = "mostlyFalse",
            }),
            Record("quote", new { id = quote, speakerId = speaker, sourceId = source, text = "We will talk about the Zircon missile.", saidOn = "2024-05-01", span = new { start = 18, end = 56 } }),
            Record("stance", new { id = Guid.CreateVersion7(), claimId = claim, speakerId = speaker, position = "asserts", quoteId = quote, saidOn = "2024-05-01", context = "a briefing" }),
            Record("claimLink", new { fromClaimId = claim, toClaimId = violation, kind = "supports" }),
            Record("mention", new { entityId = entity, quoteId = quote, origin = "auto" }),
            Record("mention", new { entityId = entity, claimId = claim, origin = "auto" }),
            Record("mention", new { entityId = entity, claimId = violation }),
        ];

        var first = await (await ImportAsync(api.Writer(), file)).ReadAsync<ImportReport>();
        var between = await StateAsync();
        var second = await (await ImportAsync(api.Writer(), file)).ReadAsync<ImportReport>();

        Assert.All(Counts(first)[..8], c => Assert.Equal(new ImportCounts(1, 0, 0), c));
        Assert.Equal(new ImportCounts(3, 0, 0), first.Mention);
        Assert.All(Counts(second)[..8], c => Assert.Equal(new ImportCounts(0, 0, 1), c));
        Assert.Equal(new ImportCounts(0, 0, 3), second.Mention);
        Assert.Equal(new AutoMentions(0, 0), second.AutoMentions);
        Assert.Equal(between, await StateAsync());
        var stored = await (await api.Reader().GetAsync($"/v1/quotes/{quote}")).ReadAsync<QuoteResponse>();
        Assert.Equal(new Span(18, 56), stored.Span);
        Assert.Equal(quote, stored.StatementId);
    }

    [Fact]
    public async Task ExportImportIntoAnEmptyDatabaseAndExportAgainIsTheSameBytes()
    {
        // State the seed lacks: a statement merged by hand, a mention removed by hand and one added by hand.
        var writer = api.Writer();
        var kalibr = await (await writer.PostJsonAsync("/v1/entities", new { name = "Kalibr" })).ReadAsync<EntityResponse>(HttpStatusCode.Created);
        var speaker = await writer.NewSpeakerAsync("Round Tripper");
        var source = await writer.NewSourceAsync("He said: \"The Kalibr is ready.\" Later: \"Our Kalibr is quite ready now.\"");
        var ready = await writer.NewQuoteAsync(speaker.Id, source, "The Kalibr is ready.");
        var quiteReady = await writer.NewQuoteAsync(speaker.Id, source, "Our Kalibr is quite ready now.");
        Assert.Equal(HttpStatusCode.OK, (await writer.PostJsonAsync($"/v1/quotes/{ready.Id}/variants", new { quoteId = quiteReady.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/entities/{kalibr.Slug}/mentions/{quiteReady.Id}")).StatusCode);
        var claim = await IdOfAsync($"/v1/claims/{Seeded.ComplianceClaim}");
        Assert.Equal(HttpStatusCode.Created, (await writer.PostJsonAsync($"/v1/entities/{kalibr.Slug}/mentions", new { claimId = claim })).StatusCode);
        // Reviews, and the field formats' columns, which the API does not write.
        await writer.NewReviewAsync(Seeded.ComplianceClaim, "غير صحيح");
        await writer.NewReviewAsync(Seeded.ComplianceClaim, new { url = "https://www.politifact.com/factchecks/2020/feb/12/nato/", publisherName = "PolitiFact", rating = "mixed" });
        await using (var conn = new NpgsqlConnection(api.ConnectionString))
            await conn.ExecuteAsync("""
                UPDATE speaker SET party = 'none', state = 'Brussels' WHERE slug = @Speaker;
                UPDATE claim SET topics = '{defense,"arms control"}' WHERE id = @Claim;
                UPDATE stance SET said_on = '2020-02-12', context = 'a press conference' WHERE id = (SELECT id FROM stance ORDER BY id LIMIT 1);
                """, new { Speaker = Seeded.Stoltenberg, Claim = claim });
        var exported = await api.Reader().GetByteArrayAsync("/v1/export");

        // Not through an ApiFactory: the API seeds an empty database at start-up, and the file must meet an empty one.
        var empty = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            await using var db = NpgsqlDataSource.Create(empty);
            await Migrator.MigrateAsync(db, Migration.Embedded);
            var result = await NdjsonImporter.ImportAsync(db, PipeReader.Create(new MemoryStream(exported)), NullLoggerFactory.Instance, CancellationToken.None);
            using var again = new MemoryStream();
            await NdjsonExporter.ExportAsync(db, again, CancellationToken.None);

            Assert.Empty(result.Errors);
            Assert.Equal(Parse(exported).Count, Counts(result.Report!).Sum(c => c.Created));
            Assert.Equal(2, result.Report!.Review.Created);
            Assert.Contains("\"party\":\"none\",\"state\":\"Brussels\"", Encoding.UTF8.GetString(exported));
            Assert.Contains("\"topics\":[\"defense\",\"arms control\"]", Encoding.UTF8.GetString(exported));
            Assert.Contains("\"saidOn\":\"2020-02-12\",\"context\":\"a press conference\"", Encoding.UTF8.GetString(exported));
            Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(again.ToArray()));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(empty);
        }
    }

    [Fact]
    public async Task RecordsMatchedBySlugOrUrlKeepTheStoredIdsAndReferencesFollow()
    {
        var export = Parse(await api.Reader().GetByteArrayAsync("/v1/export"));
        var speaker = export.Single(r => r.Type == "speaker" && (string?)r.Data["slug"] == Seeded.Stoltenberg).Data;
        var source = export.Single(r => r.Type == "source" && (string?)r.Data["url"] == Seeded.TassUrl).Data;
        var (storedSpeaker, storedSource) = ((string)speaker["id"]!, (string)source["id"]!);
        var (fileSpeaker, fileSource, quote) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        speaker["id"] = fileSpeaker.ToString();
        source["id"] = fileSource.ToString();
        const string text = "We want to prevent or avoid a new arms race.";

        var report = await (await ImportAsync(api.Writer(),
            Record("speaker", speaker), Record("source", source),
            Record("quote", new { id = quote, speakerId = fileSpeaker, sourceId = fileSource, text, span = new { start = 267, end = 267 + text.Length } })))
            .ReadAsync<ImportReport>();

        Assert.Equal(new ImportCounts(0, 0, 1), report.Speaker);
        Assert.Equal(new ImportCounts(0, 0, 1), report.Source);
        Assert.Equal(new ImportCounts(1, 0, 0), report.Quote);
        var stored = await (await api.Reader().GetAsync($"/v1/quotes/{quote}")).ReadAsync<QuoteResponse>();
        Assert.Equal(Guid.Parse(storedSpeaker), stored.Speaker.Id);
        Assert.Equal(Guid.Parse(storedSource), stored.Source.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync($"/v1/speakers/{fileSpeaker}")).StatusCode);
    }

    [Fact]
    public async Task AQuoteImportedWithoutMentionsIsLinkedToTheEntitiesItNamesAsIfWritten()
    {
        var (speaker, source, quote) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        const string text = "The INF Treaty is over.";

        var report = await (await ImportAsync(api.Writer(),
            Record("speaker", new { id = speaker, slug = $"linked-{speaker:N}", name = "Linked" }),
            Record("source", new { id = source, url = $"https://example.org/linked/{source:N}", body = text }),
            Record("quote", new { id = quote, speakerId = speaker, sourceId = source, text, span = new { start = 0, end = text.Length } })))
            .ReadAsync<ImportReport>();

        Assert.Equal(new AutoMentions(1, 0), report.AutoMentions);
        var quotes = await (await api.Reader().GetAsync("/v1/quotes?entity=inf-treaty&limit=100")).ReadAsync<Page<QuoteResponse>>();
        Assert.Contains(quotes.Items, q => q.Id == quote);
    }

    [Fact]
    public async Task ImportNeedsTheApiKey()
    {
        var before = await StateAsync();
        var id = Guid.CreateVersion7();

        var response = await ImportAsync(api.Reader(), Record("speaker", new { id, slug = $"keyless-{id:N}", name = "Keyless" }));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task AnImportAppendsAChangeEventForEveryRowItWrites()
    {
        var after = await HeadAsync();
        var violation = await IdOfAsync($"/v1/claims/{Seeded.ViolationClaim}");
        var inf = await IdOfAsync("/v1/entities/inf-treaty");
        var (speaker, claim) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        await (await ImportAsync(api.Writer(),
            Record("speaker", new { id = speaker, slug = $"evented-{speaker:N}", name = "Evented" }),
            Record("claim", new { id = claim, slug = $"evented-{claim:N}", text = "Events follow imports." }),
            Record("claimLink", new { fromClaimId = claim, toClaimId = violation, kind = "counters" }),
            Record("mention", new { entityId = inf, claimId = claim }))).ReadAsync<ImportReport>();
        var events = (await (await api.Reader().GetAsync($"/v1/changes?after={after}")).ReadAsync<ChangesPage>()).Items;

        Assert.Equal(new (string, Guid, string, Guid?, string?)[]
        {
            ("speaker", speaker, "create", null, null), ("claim", claim, "create", null, null),
            ("claim", claim, "link", violation, "counters"), ("entity", inf, "link", claim, "claim"),
        }, events.Select(e => (e.Resource, e.Id, e.Operation, e.RelatedId, e.Detail)));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => after + 1 + i), events.Select(e => e.Position));
    }

    [Fact]
    public async Task AnImportThatIsNotNdjsonIsRefused()
    {
        var id = Guid.CreateVersion7();
        var body = new StringContent(Record("speaker", new { id, slug = $"json-{id:N}", name = "Json" }), Encoding.UTF8, "application/json");

        var response = await api.Writer().PostAsync("/v1/import", body);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync($"/v1/speakers/{id}")).StatusCode);
    }

    [Fact]
    public async Task TheImportTakesBodiesOverTheOneMegabyteLimitOfOtherWrites()
    {
        var id = Guid.CreateVersion7();
        var body = string.Concat(Enumerable.Repeat("A long report. ", 100_000));

        var report = await (await ImportAsync(api.Writer(), Record("source", new { id, url = $"https://example.org/long/{id:N}", body })))
            .ReadAsync<ImportReport>();

        Assert.True(Encoding.UTF8.GetByteCount(body) > 1024 * 1024);
        Assert.Equal(new ImportCounts(1, 0, 0), report.Source);
    }

    static ImportCounts[] Counts(ImportReport r) => [r.Speaker, r.Source, r.Entity, r.Claim, r.Review, r.Quote, r.Stance, r.ClaimLink, r.Mention];

    async Task<Guid> IdOfAsync(string path) =>
        JsonDocument.Parse(await api.Reader().GetStringAsync(path)).RootElement.GetProperty("id").GetGuid();

    async Task<Guid> TassAsync()
    {
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        return await conn.ExecuteScalarAsync<Guid>("SELECT id FROM source WHERE url = @url", new { url = Seeded.TassUrl });
    }

    Task<long[]> CountsAsync(params string[] tables) => DatabaseState.CountsAsync(api.ConnectionString, tables);

    Task<long[]> StateAsync() => DatabaseState.OfAsync(api.ConnectionString);

    async Task<long> HeadAsync()
    {
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT coalesce(max(position), 0) FROM change");
    }
}
