using System.Net;
using Claims.Api.Quotes;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Dapper;
using Npgsql;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>An imported record sets the fields it gives, even as null, and a stored row keeps the fields it leaves out.</summary>
public sealed class PartialRecordsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string SeedQuoteId = "01a20244-e8a4-76bf-9275-d086581d785d"; // Stoltenberg in TASS, span [267, 393)

    [Fact]
    public async Task AFieldLeftOutKeepsTheStoredValue()
    {
        var report = await ImportOkAsync(Record("speaker", new { id = Guid.CreateVersion7(), slug = "vladimir-putin", name = "Vladimir Putin", party = "none" }));

        Assert.Equal(new ImportCounts(0, 1, 0), report.Speaker);
        var putin = await SpeakerAsync("vladimir-putin");
        Assert.Equal((SpeakerKind.Person, "President of Russia", "none"), (putin.Kind, putin.Title, putin.Party));
        Assert.Equal(["Putin"], putin.Aliases);
    }

    [Fact]
    public async Task AFieldGivenAsNullClearsTheStoredValueOrSetsTheDefault()
    {
        var created = await (await api.Writer().PostJsonAsync("/v1/speakers",
            new { name = $"Nulled {Guid.NewGuid():N}", kind = "government", title = "Ministry", aliases = new[] { "The Ministry" } }))
            .ReadAsync<SpeakerResponse>(HttpStatusCode.Created);

        var report = await ImportOkAsync(Record("speaker", new { id = created.Id, slug = created.Slug, name = created.Name, title = (string?)null, aliases = (string[]?)null }));

        Assert.Equal(new ImportCounts(0, 1, 0), report.Speaker);
        var speaker = await SpeakerAsync(created.Slug);
        Assert.Equal((SpeakerKind.Government, null), (speaker.Kind, speaker.Title));
        Assert.Empty(speaker.Aliases);
    }

    [Fact]
    public async Task ARecordWhoseGivenFieldsEqualItsRowIsUnchangedAndWritesNothing()
    {
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var report = await ImportOkAsync(
            Record("speaker", new { id = Guid.CreateVersion7(), slug = Seeded.Nato, name = "NATO" }),
            Record("source", new { id = Guid.CreateVersion7(), url = Seeded.TassUrl }));

        Assert.Equal(new ImportCounts(0, 0, 1), report.Speaker);
        Assert.Equal(new ImportCounts(0, 0, 1), report.Source);
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    [Fact]
    public async Task AStoredQuoteGivenOnlyItsRequiredFieldsKeepsItsSpanKindAndStatement()
    {
        var stored = await QuoteAsync(SeedQuoteId);

        var report = await ImportOkAsync(Record("quote", new { id = stored.Id, speakerId = stored.Speaker.Id, sourceId = stored.Source.Id, text = stored.Text }));

        Assert.Equal(new ImportCounts(0, 0, 1), report.Quote);
        Assert.Equal(stored with { ClaimMatches = null }, (await QuoteAsync(SeedQuoteId)) with { ClaimMatches = null });
    }

    [Fact]
    public async Task TheChecksSeeTheStoredValueOfAFieldLeftOut()
    {
        var stored = await QuoteAsync(SeedQuoteId);
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var response = await ImportAsync(api.Writer(),
            Record("quote", new { id = stored.Id, speakerId = stored.Speaker.Id, sourceId = stored.Source.Id, text = "Reworded, at the same span." }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "line 1");
        Assert.Contains("which is not the quote's text", problem.GetProperty("errors").GetProperty("line 1")[0].GetString());
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    [Fact]
    public async Task AMentionWithoutItsOriginKeepsTheStoredOne()
    {
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        var (entityId, quoteId) = await conn.QueryFirstAsync<(Guid, Guid)>(
            "SELECT entity_id, quote_id FROM quote_entity WHERE origin = 'auto' ORDER BY quote_id, entity_id");

        var report = await ImportOkAsync(Record("mention", new { entityId, quoteId }));

        Assert.Equal(new ImportCounts(0, 0, 1), report.Mention);
        Assert.Equal("auto", await conn.ExecuteScalarAsync<string>(
            "SELECT origin FROM quote_entity WHERE entity_id = @entityId AND quote_id = @quoteId", new { entityId, quoteId }));
    }

    [Fact]
    public async Task TheExportWritesNullsSoImportingItClearsWhatWasSetSince()
    {
        var exported = await api.Reader().GetByteArrayAsync("/v1/export");
        Assert.Equal(HttpStatusCode.OK, (await api.Writer().MergePatchAsync($"/v1/speakers/{Seeded.Nato}", """{"title": "Military alliance"}""")).StatusCode);

        var body = new ByteArrayContent(exported) { Headers = { ContentType = new("application/x-ndjson") } };
        var report = await (await api.Writer().PostAsync("/v1/import", body)).ReadAsync<ImportReport>();

        var nato = Parse(exported).Single(r => r.Type == "speaker" && (string?)r.Data["slug"] == Seeded.Nato).Data;
        Assert.True(nato.ContainsKey("title"));
        Assert.Null(nato["title"]);
        Assert.Equal(1, report.Speaker.Updated);
        Assert.Null((await SpeakerAsync(Seeded.Nato)).Title);
    }

    async Task<ImportReport> ImportOkAsync(params string[] lines) => await (await ImportAsync(api.Writer(), lines)).ReadAsync<ImportReport>();

    async Task<SpeakerResponse> SpeakerAsync(string slug) => await (await api.Reader().GetAsync($"/v1/speakers/{slug}")).ReadAsync<SpeakerResponse>();

    async Task<QuoteResponse> QuoteAsync(string id) => await (await api.Reader().GetAsync($"/v1/quotes/{id}")).ReadAsync<QuoteResponse>();
}
