using System.Diagnostics;
using System.IO.Pipelines;

namespace Claims.Api.Transfer;

/// <summary>
/// <c>dotnet run -- export FILE</c> and <c>dotnet run -- import FILE</c>; FILE <c>-</c> is standard output or input.
/// Stopping the process midway rolls the import back: its transaction ends with the connection.
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

    public static async Task<int> ImportAsync(NpgsqlDataSource db, string file)
    {
        if (file != "-" && !File.Exists(file))
        {
            Console.Error.WriteLine($"There is no file {file}.");
            return 1;
        }
        var clock = Stopwatch.StartNew();
        var input = file == "-" ? Console.OpenStandardInput() : File.OpenRead(file);
        var result = await NdjsonImporter.ImportAsync(db, PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024)), CancellationToken.None);
        if (result.Report is not { } report)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine($"line {error.Line}: {error.Message}");
            Console.Error.WriteLine(result.Summary);
            return 1;
        }
        Console.WriteLine($"{"",-10} {"created",10} {"updated",10} {"unchanged",10}");
        foreach (var (type, counts) in new[]
                 {
                     ("speaker", report.Speaker), ("source", report.Source), ("entity", report.Entity), ("claim", report.Claim),
                     ("quote", report.Quote), ("stance", report.Stance), ("claimLink", report.ClaimLink), ("mention", report.Mention),
                 })
            Console.WriteLine($"{type,-10} {counts.Created,10:N0} {counts.Updated,10:N0} {counts.Unchanged,10:N0}");
        Console.WriteLine($"Mentions linked automatically: {report.AutoMentions.Linked:N0}; unlinked: {report.AutoMentions.Unlinked:N0}.");
        Console.WriteLine($"Imported in {clock.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }
}
