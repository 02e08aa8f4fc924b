using System.Diagnostics;
using System.IO.Pipelines;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Transfer;

/// <summary>
/// <c>dotnet run -- export FILE</c> and <c>dotnet run -- import [--format NAME] PATH</c>; <c>-</c> is standard output or
/// input. Stopping the process midway rolls the import back: its transaction ends with the connection.
/// </summary>
static class TransferCommands
{
    public static async Task<int> ExportAsync(NpgsqlDataSource db, string file)
    {
        var clock = Stopwatch.StartNew();
        await using var output = file == "-" ? Console.OpenStandardOutput() : File.Create(file);
        var records = await NdjsonExporter.ExportAsync(db, output, CancellationToken.None);
        Console.Error.WriteLine($"Exported {records:N0} records in {clock.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    /// <summary>Imports PATH in a format <c>--format</c> names (see <see cref="CommandLine.UsageError"/>).</summary>
    public static async Task<int> ImportAsync(NpgsqlDataSource db, ILoggerFactory loggers, string format, string path, ImportOptions options)
    {
        var found = ImportFormats.Find(format);
        if (found is null && Directory.Exists(path))
        {
            Console.Error.WriteLine($"The {FormatImporter.Ndjson} import reads one file, or - for standard input; not a folder.");
            return 2;
        }
        if (InputsOf(path, found?.FilePattern ?? "*") is not { } inputs)
        {
            Console.Error.WriteLine($"There is no file or folder {path}.");
            return 1;
        }
        if (inputs.Count == 0)
        {
            Console.Error.WriteLine($"The folder {path} has no files matching {found?.FilePattern}.");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var progress = new ImportProgress { Input = inputs[0].Name };
        ImportResult result;
        try
        {
            await using var display = TerminalProgress.OnStandardError(progress);
            result = found is null
                ? await NdjsonImporter.ImportAsync(db, PipeReader.Create(inputs[0].Open(), new StreamPipeReaderOptions(bufferSize: 64 * 1024)),
                    loggers, CancellationToken.None, progress, options)
                : await FormatImporter.ImportAsync(db, found, inputs, loggers, CancellationToken.None, progress, options);
        }
        catch (PostgresException e) when (DatabaseErrors.IsTransient(e))
        {
            Console.Error.WriteLine($"The import met concurrent writes ({e.MessageText}) and was undone; nothing was written. Try again.");
            return 1;
        }
        if (result.Report is not { } report)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine($"{error.At}: {error.Message}");
            Console.Error.WriteLine(result.Summary);
            return 1;
        }
        Print(report);
        Console.WriteLine($"Imported {progress.Records:N0} records in {clock.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    /// <summary>
    /// What PATH names: standard input (<c>-</c>), a file, or a folder's files that match the pattern, by name; null when
    /// there is no such file or folder.
    /// </summary>
    public static IReadOnlyList<ImportInput>? InputsOf(string path, string filePattern)
    {
        if (path == "-") return [new ImportInput("stdin", Console.OpenStandardInput)];
        if (File.Exists(path)) return [new ImportInput(Path.GetFileName(path), () => File.OpenRead(path))];
        if (!Directory.Exists(path)) return null;
        return Directory.EnumerateFiles(path, filePattern)
            .Select(file => new ImportInput(Path.GetFileName(file), () => File.OpenRead(file)))
            .OrderBy(input => input.Name, StringComparer.Ordinal)
            .ToList();
    }

    static void Print(ImportReport report)
    {
        Console.WriteLine($"{"",-10} {"created",10} {"updated",10} {"unchanged",10}");
        foreach (var (type, counts) in new[]
                 {
                     ("speaker", report.Speaker), ("source", report.Source), ("entity", report.Entity), ("claim", report.Claim),
                     ("review", report.Review), ("quote", report.Quote), ("stance", report.Stance), ("claimLink", report.ClaimLink),
                     ("mention", report.Mention),
                 })
            Console.WriteLine($"{type,-10} {counts.Created,10:N0} {counts.Updated,10:N0} {counts.Unchanged,10:N0}");
        Console.WriteLine($"Mentions linked automatically: {report.AutoMentions.Linked:N0}; unlinked: {report.AutoMentions.Unlinked:N0}.");
        if (report.SkippedCount == 0) return;
        Console.WriteLine($"Skipped {report.SkippedCount:N0}" + (report.SkippedCount > report.Skipped.Count ? $", the first {report.Skipped.Count} listed:" : ":"));
        foreach (var skipped in report.Skipped) Console.WriteLine($"  {skipped.Origin}: {skipped.Message}");
    }
}
