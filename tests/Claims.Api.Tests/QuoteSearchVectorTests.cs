using Claims.Api.Infrastructure.Paging;
using Claims.Api.Search;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Dapper;
using Npgsql;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>
/// A quote's search vector is kept by a trigger for the API's writes and computed ahead, set-based, by an import: either
/// way it is the english <c>to_tsvector</c> of the quote's current text, and the quote is found by its words.
/// </summary>
public sealed class QuoteSearchVectorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string StaleVectorsSql = "SELECT count(*) FROM quote WHERE search IS DISTINCT FROM to_tsvector('english', text)";
    const string TextTablesSql = "SELECT count(*) FROM pg_class WHERE relname LIKE 'import_quote_texts_%'";

    [Fact]
    public async Task ImportedQuotesAreFoundByTheirWordsAndAChangedTextByItsNewOnes()
    {
        var (speaker, source, kept, changed) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        string File(string changedText) => string.Join('\n',
            Record("speaker", new { id = speaker, slug = $"vectors-{speaker:N}", name = "Vector Speaker" }),
            Record("source", new { id = source, url = $"https://example.org/vectors/{source:N}" }),
            Record("quote", new { id = kept, speakerId = speaker, sourceId = source, text = "Marmalade quorums adjourned indefinitely." }),
            Record("quote", new { id = changed, speakerId = speaker, sourceId = source, text = changedText }));

        var first = await (await ImportAsync(api.Writer(), File("Zeppelins hovering overhead."))).ReadAsync<ImportReport>();
        var foundFirst = await QuoteHitsAsync("zeppelin");
        var second = await (await ImportAsync(api.Writer(), File("Gondolas drifting downstream."))).ReadAsync<ImportReport>();

        Assert.Equal(new ImportCounts(2, 0, 0), first.Quote);
        Assert.Equal(new ImportCounts(0, 1, 1), second.Quote);
        Assert.Equal([changed], foundFirst);
        Assert.Empty(await QuoteHitsAsync("zeppelin"));
        Assert.Equal([changed], await QuoteHitsAsync("gondola"));
        Assert.Equal([kept], await QuoteHitsAsync("quorum"));
        Assert.Equal(0, await ScalarAsync(StaleVectorsSql));
        Assert.Equal(0, await ScalarAsync(TextTablesSql));
    }

    [Fact]
    public async Task AQuoteWrittenOrEditedThroughTheApiGetsTheVectorOfItsText()
    {
        const string said = "Lighthouses flickering nightly.", edited = "Windmills creaking loudly.";
        var writer = api.Writer();
        var source = await writer.NewSourceAsync($"She said: {said} Later: {edited}");
        var quote = await writer.NewQuoteAsync((await writer.NewSpeakerAsync()).Id, source, said);
        var start = source.Body.IndexOf(edited, StringComparison.Ordinal);

        var foundNew = await QuoteHitsAsync("lighthouse");
        (await writer.MergePatchAsync($"/v1/quotes/{quote.Id}",
            $$$"""{"text": "{{{edited}}}", "span": {"start": {{{start}}}, "end": {{{start + edited.Length}}}}}""")).EnsureSuccessStatusCode();

        Assert.Equal([quote.Id], foundNew);
        Assert.Empty(await QuoteHitsAsync("lighthouse"));
        Assert.Equal([quote.Id], await QuoteHitsAsync("windmill"));
        Assert.Equal(0, await ScalarAsync(StaleVectorsSql));
    }

    async Task<List<Guid>> QuoteHitsAsync(string words)
    {
        var page = await (await api.Reader().GetAsync($"/v1/search?q={words}&types=quote&limit=100")).ReadAsync<Page<SearchHit>>();
        return page.Items.Select(hit => hit.Id).ToList();
    }

    async Task<long> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        return await conn.ExecuteScalarAsync<long>(sql);
    }
}
