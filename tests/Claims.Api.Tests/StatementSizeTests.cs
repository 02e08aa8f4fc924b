using System.Net;
using Claims.Api.Quotes;
using Claims.Api.Tests.Infrastructure;
using Dapper;
using Npgsql;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>
/// A quote's variantCount is read from quote_statement, which the database keeps (0017): it must always be the count of
/// each statement's quotes, whatever wrote them.
/// </summary>
public sealed class StatementSizeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task<long> MiscountedStatementsAsync()
    {
        const string sql = """
            WITH actual AS (SELECT statement_id, count(*)::int AS quotes FROM quote GROUP BY statement_id)
            SELECT (SELECT count(*) FROM (TABLE actual EXCEPT TABLE quote_statement) missing)
                 + (SELECT count(*) FROM (TABLE quote_statement EXCEPT TABLE actual) extra)
            """;
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        return await conn.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task StatementSizesFollowWritesMergesSplitsDeletesAndImports()
    {
        Assert.Equal(0, await MiscountedStatementsAsync()); // the seed, counted by the migration

        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Counted Speaker");
        var source = await writer.NewSourceAsync("First: \"Taxes will fall next year.\" Then: \"Our budget shrinks the levy on income.\" " +
                                                 "Last: \"Roads get mended before winter.\"");
        var a = await writer.NewQuoteAsync(speaker.Id, source, "Taxes will fall next year.");
        var b = await writer.NewQuoteAsync(speaker.Id, source, "Our budget shrinks the levy on income.");
        var c = await writer.NewQuoteAsync(speaker.Id, source, "Roads get mended before winter.");
        (await writer.PostJsonAsync($"/v1/quotes/{a.Id}/variants", new { quoteId = b.Id })).EnsureSuccessStatusCode();
        (await writer.PostJsonAsync($"/v1/quotes/{a.Id}/variants", new { quoteId = c.Id })).EnsureSuccessStatusCode();
        Assert.Equal(2, (await (await writer.GetAsync($"/v1/quotes/{c.Id}")).ReadAsync<QuoteResponse>()).VariantCount);
        Assert.Equal(0, await MiscountedStatementsAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/quotes/{a.Id}/variants/{b.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/quotes/{c.Id}")).StatusCode);
        Assert.Equal(0, (await (await writer.GetAsync($"/v1/quotes/{a.Id}")).ReadAsync<QuoteResponse>()).VariantCount);
        Assert.Equal(0, await MiscountedStatementsAsync());

        // An import, with the triggers off, moves b into a's statement and brings a new quote into it.
        var text = "Taxes will fall next year, we promise.";
        var importedSource = Guid.CreateVersion7();
        (await ImportAsync(writer,
            Record("source", new { id = importedSource, url = $"https://example.org/counted/{importedSource:N}", body = text }),
            Record("quote", new { id = b.Id, speakerId = speaker.Id, sourceId = source.Id, text = b.Text, span = b.Span, statementId = a.StatementId, statementPinned = true }),
            Record("quote", new { id = Guid.CreateVersion7(), speakerId = speaker.Id, sourceId = importedSource, text, statementId = a.StatementId, statementPinned = true })))
            .EnsureSuccessStatusCode();
        Assert.Equal(2, (await (await writer.GetAsync($"/v1/quotes/{a.Id}")).ReadAsync<QuoteResponse>()).VariantCount);
        Assert.Equal(0, await MiscountedStatementsAsync());
    }
}
