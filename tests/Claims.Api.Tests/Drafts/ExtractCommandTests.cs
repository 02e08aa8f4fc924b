using System.Diagnostics;
using System.Text.Json;
using Claims.Api.Extraction;
using Claims.Api.Seeding;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

/// <summary><c>dotnet run -- extract FILE</c>: the draft of an article file, matched against the configured database, kept nowhere.</summary>
public sealed class ExtractCommandTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void ExtractTakesAFileAndAMinimumConfidence()
    {
        Assert.Equal(new CommandLine.Invocation("extract", "a.txt", MinConfidence: "0.5"), CommandLine.Command(["extract", "--min-confidence", "0.5", "a.txt"]));
        Assert.StartsWith("Usage: dotnet run -- extract", CommandLine.UsageError(CommandLine.Command(["extract"])!));
        Assert.Equal("--min-confidence is a number, not 'high'.", CommandLine.UsageError(CommandLine.Command(["extract", "--min-confidence=high", "a.txt"])!));
        Assert.Equal("--min-confidence is a confidence, from 0 to 1, not '2'.", CommandLine.UsageError(CommandLine.Command(["extract", "--min-confidence", "2", "a.txt"])!));
        Assert.Null(CommandLine.UsageError(CommandLine.Command(["import", "--format", "articles", "--min-confidence=0.9", "news"])!));
    }

    [Fact]
    public async Task ExtractPrintsTheDraftOfAStoredArticleFileAndStoresNothing()
    {
        var seed = SeedLoader.Read().Sources[1];
        var file = Path.Combine(Directory.CreateTempSubdirectory("claims-extract-").FullName, "sputnik.txt");
        await File.WriteAllTextAsync(file, $"URL: {seed.Url}\nPublisher: {seed.Publisher}\nPublished: 2020-02-12\n\n{SeedLoader.ReadDocument(seed.File)}");
        var before = await Drafts.StateAsync(api);

        var (exit, output, log) = await RunAsync("extract", file);

        Assert.True(exit == 0, log);
        var draft = JsonSerializer.Deserialize<ExtractionDraft>(output, Http.Json)!;
        Assert.Equal((DraftStatus.Preview, seed.Id), (draft.Status, draft.Source.SourceId));
        Assert.Contains(draft.Quotes, q => q.Text == "We will respond, but we will not mirror what Russia is doing" && q.Status == DraftQuoteStatus.Stored);
        Assert.Equal(before, await Drafts.StateAsync(api));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task AnArticleFileTheRulesRefuseIsAnErrorNamingTheField()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("claims-extract-").FullName, "no-url.txt");
        await File.WriteAllTextAsync(file, "Title: No address\n\nThe minister said: \"We will build it.\"");

        var (exit, output, log) = await RunAsync("extract", file);

        Assert.Equal((1, ""), (exit, output));
        Assert.Matches("(?m)^url: .* is required", log);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    /// <summary>Runs the API's command line as <c>dotnet run</c> would, on this class's database.</summary>
    async Task<(int Exit, string Output, string Log)> RunAsync(params string[] args)
    {
        var assembly = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo(Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            Environment = { ["ConnectionStrings__Claims"] = api.ConnectionString, ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        foreach (var arg in args.Prepend(assembly)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var log = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await log);
    }
}
