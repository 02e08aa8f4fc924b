using System.Diagnostics;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;
using Claims.Api.Transfer.Formats.Articles;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Claims.Bench.Extraction;

/// <summary>
/// <c>extraction-import</c>: the bulk import of a folder of generated articles (<c>import --format articles DIR</c>, run
/// in process as the command line runs it) into the database given: articles and quotes a second. Each article has a URL
/// of this run's own, so every run imports anew; its sources, speakers and quotes stay in that database.
/// </summary>
static class ArticlesImportCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var connection = options.String("connection") ?? throw new OptionsException("--connection is required: the database to import into.");
        var count = options.Int("articles", 1000);
        var size = options.Int("size", 4096);
        var minConfidence = options.String("min-confidence") is { } c ? double.Parse(c, System.Globalization.CultureInfo.InvariantCulture) : (double?)null;
        options.RejectUnknown();

        var folder = Directory.CreateTempSubdirectory("claims-bench-articles-");
        try
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            var articles = SpeedBatch.Build(count, size, seed: 42);
            for (var i = 0; i < articles.Count; i++)
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"{i:D6}.txt"),
                    $"URL: https://bench.example.org/{run}/{i}\nPublisher: Bench Wire\nPublished: 2024-03-05\nLanguage: en\n\n{articles[i]}");

            await using var db = NpgsqlDataSource.Create(connection);
            var clock = Stopwatch.StartNew();
            var inputs = Directory.GetFiles(folder.FullName).Order(StringComparer.Ordinal)
                .Select(file => new ImportInput(Path.GetFileName(file), () => File.OpenRead(file))).ToList();
            var result = await FormatImporter.ImportAsync(db, new ArticlesFormat(), inputs,
                NullLoggerFactory.Instance, CancellationToken.None, options: new ImportOptions(MinConfidence: minConfidence));
            var seconds = clock.Elapsed.TotalSeconds;
            if (result.Report is not { } report)
                throw new BenchFailedException($"the import was refused: {string.Join("; ", result.Errors.Take(5).Select(e => $"{e.At}: {e.Message}"))}");

            Console.WriteLine($"{count:N0} articles of about {size:N0} bytes, recombined from bench/extraction/dev, imported in one transaction" +
                              (minConfidence is null ? "." : $", quotes below {minConfidence} left out."));
            Console.WriteLine();
            Console.WriteLine("| articles | seconds | articles/s | quotes created | quotes/s | speakers created | left out |");
            Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|");
            Console.WriteLine($"| {count:N0} | {seconds:F1} | {count / seconds:N0} | {report.Quote.Created:N0} | {report.Quote.Created / seconds:N0} | " +
                              $"{report.Speaker.Created:N0} | {report.SkippedCount:N0} |");
            if (File.Exists("/proc/loadavg")) Console.WriteLine($"\nLoad average (1, 5, 15 min) at the end: {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}");
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
