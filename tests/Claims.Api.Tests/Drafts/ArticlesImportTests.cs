using System.Net;
using System.Text;
using Claims.Api.Extraction;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;
using Claims.Api.Transfer.Formats.Articles;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

/// <summary>A folder of article files imported as their drafts would be committed: all or nothing, with the import's report.</summary>
public sealed class ArticlesImportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    NpgsqlDataSource db = null!;
    DirectoryInfo folder = null!;

    public Task InitializeAsync()
    {
        db = NpgsqlDataSource.Create(api.ConnectionString);
        folder = Directory.CreateTempSubdirectory("claims-articles-");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        folder.Delete(recursive: true);
    }

    static string Bridge(string url) => $"""
        Title: Ministers agree on the bridge
        URL: {url}
        Publisher: Example Wire
        Published: 2024-03-05
        Language: en

        Transport Minister Ana Ruiz said on Tuesday that the bridge would open in May.

        "We will build the bridge on time," Ruiz told reporters. "Nobody should doubt it."

        Opposition leader Tom Baker disagreed. "The money is not there," he said.
        """;

    static string Alliance(string url) => $$"""
        {"url": "{{url}}", "publisher": "Example Wire", "publishedOn": "2024-03-06", "language": "en",
         "body": "NATO Secretary General Jens Stoltenberg said the alliance would respond. \"We will respond, but we will not mirror what Russia is doing,\" Stoltenberg said in Brussels."}
        """;

    /// <summary>Writes the two articles, with URLs of their own, and a file the format does not read.</summary>
    List<string> WriteFolder()
    {
        var texts = new List<string> { Bridge(Drafts.NewUrl()), Alliance(Drafts.NewUrl()) };
        File.WriteAllText(Path.Combine(folder.FullName, "bridge.txt"), texts[0]);
        File.WriteAllText(Path.Combine(folder.FullName, "alliance.json"), texts[1]);
        File.WriteAllText(Path.Combine(folder.FullName, "alliance.gold.json"), """{"quotes": []}""");
        return texts;
    }

    Task<ImportResult> ImportAsync(double? minConfidence = null) => FormatImporter.ImportAsync(db, new ArticlesFormat(),
        TransferCommands.InputsOf(folder.FullName, "*")!, NullLoggerFactory.Instance, CancellationToken.None, options: new ImportOptions(MinConfidence: minConfidence));

    /// <summary>The drafts the articles make, as the preview shows them.</summary>
    async Task<List<ExtractionDraft>> PreviewsAsync(IEnumerable<string> texts) =>
        [.. await Task.WhenAll(texts.Select(async text => await (await api.Reader().PostJsonAsync("/v1/extractions/preview",
            ArticleInput.Parse(text.TrimStart().StartsWith('{') ? "a.json" : "a.txt", Encoding.UTF8.GetBytes(text)))).ReadAsync<ExtractionDraft>()))];

    static int Kept(ExtractionDraft draft, double minConfidence) =>
        draft.Quotes.Count(q => q.Status == DraftQuoteStatus.Pending && q.Speaker is not null && q.Confidence >= minConfidence);

    [Fact]
    public async Task EachArticleImportsItsSourceNewSpeakersAndQuotesAsItsDraftWouldCommit()
    {
        var previews = await PreviewsAsync(WriteFolder());

        var report = Assert.IsType<ImportReport>((await ImportAsync()).Report);

        Assert.Equal(new ImportCounts(2, 0, 0), report.Source);
        Assert.Equal(previews.Sum(p => Kept(p, 0)), report.Quote.Created);
        var newSpeakers = previews.SelectMany(p => p.Quotes.Where(q => q.Speaker is not null).Select(q => p.Speakers.Single(s => s.Number == q.Speaker)))
            .Where(s => s.Match is null).Select(s => s.Name).Distinct().Count();
        Assert.Equal(newSpeakers, report.Speaker.Created);
        Assert.Contains(report.Skipped, s => s.Origin == "alliance.gold.json");
    }

    [Fact]
    public async Task ImportingTheSameFolderAgainChangesNothing()
    {
        WriteFolder();
        Assert.NotNull((await ImportAsync()).Report);
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var again = Assert.IsType<ImportReport>((await ImportAsync()).Report);

        Assert.Equal((new ImportCounts(0, 0, 2), 0L, 0L), (again.Source, again.Quote.Created, again.Speaker.Created));
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    [Fact]
    public async Task QuotesBelowTheMinimumConfidenceOrWithoutASpeakerAreLeftOutAndCounted()
    {
        var previews = await PreviewsAsync(WriteFolder());
        const double minimum = 0.95;

        var report = Assert.IsType<ImportReport>((await ImportAsync(minimum)).Report);

        Assert.Equal(previews.Sum(p => Kept(p, minimum)), report.Quote.Created);
        var leftOut = previews.Sum(p => p.Quotes.Count(q => q.Status == DraftQuoteStatus.Pending)) - report.Quote.Created;
        Assert.Equal(leftOut, report.Skipped.Count(s => s.Message.StartsWith("Left out", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OneArticleTheApiWouldRefuseFailsTheWholeImportAndNothingIsWritten()
    {
        WriteFolder();
        File.WriteAllText(Path.Combine(folder.FullName, "no-url.txt"), "Title: Nowhere\n\nThe mayor said: \"Soon.\"");
        File.WriteAllText(Path.Combine(folder.FullName, "stored.txt"), $"URL: {Seeded.TassUrl}\n\nAnother text at the seed's address.");
        File.WriteAllText(Path.Combine(folder.FullName, "binary.txt"), "URL: https://example.org/binary\n\nPK\u0003\u0004\0\0");
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var result = await ImportAsync();

        Assert.Null(result.Report);
        Assert.Equal(["binary.txt", "no-url.txt", "stored.txt"], result.Errors.Select(e => e.At).Distinct().Order());
        Assert.Contains(result.Errors, e => e.At == "stored.txt" && e.Message.Contains("sourceId"));
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    [Fact]
    public async Task APostedArticleImportsAsAFileDoes()
    {
        var text = Alliance(Drafts.NewUrl());
        var preview = (await PreviewsAsync([text]))[0];

        await (await api.Writer().PostAsync("/v1/import?format=articles&minConfidence=1.5", new StringContent(text)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "minConfidence");
        var report = await (await api.Writer().PostAsync("/v1/import?format=articles&minConfidence=0.5", new StringContent(text))).ReadAsync<ImportReport>();

        Assert.Equal((new ImportCounts(1, 0, 0), (long)Kept(preview, 0.5)), (report.Source, report.Quote.Created));
    }
}
