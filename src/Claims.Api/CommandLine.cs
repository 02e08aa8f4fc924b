using System.Globalization;
using Claims.Api.Drafts;
using Claims.Api.Extraction;
using Claims.Api.Seeding;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;

namespace Claims.Api;

/// <summary>
/// <c>dotnet run -- migrate</c>, <c>seed</c>, <c>export FILE</c>, <c>import [--format NAME] [--min-confidence C] PATH</c>
/// and <c>extract [--min-confidence C] FILE</c>: the same configuration as the API, migrate, do the command, then exit.
/// <c>-</c> is standard output or input.
/// </summary>
static class CommandLine
{
    /// <summary>A command; <c>MinConfidence</c> is "" when <c>--min-confidence</c> is not given.</summary>
    public sealed record Invocation(string Name, string? File, string Format = FormatImporter.Ndjson, string MinConfidence = "")
    {
        public double? Confidence => double.TryParse(MinConfidence, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : null;
    }

    public static Invocation? Command(string[] args)
    {
        var at = Array.FindIndex(args, a => a is "migrate" or "seed" or "export" or "import" or "extract");
        if (at < 0) return null;
        var (file, format, minConfidence) = ((string?)null, FormatImporter.Ndjson, "");
        for (var i = at + 1; i < args.Length; i++)
        {
            if (Option(args, ref i, "--format") is { } f) format = f;
            else if (Option(args, ref i, "--min-confidence") is { } c) minConfidence = c;
            else file ??= args[i];
        }
        return new Invocation(args[at], file, format, minConfidence);
    }

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c> at <paramref name="i"/>, moving past it; null for another argument.</summary>
    static string? Option(string[] args, ref int i, string name)
    {
        if (args[i] == name) return args.ElementAtOrDefault(++i) ?? "";
        return args[i].StartsWith(name + "=", StringComparison.Ordinal) ? args[i][(name.Length + 1)..] : null;
    }

    /// <summary>What is wrong with how a command was asked for, or null.</summary>
    public static string? UsageError(Invocation command) => command switch
    {
        { Name: "export", File: null } => "Usage: dotnet run -- export FILE, where FILE - is standard output.",
        { Name: "import", File: null } =>
            $"Usage: dotnet run -- import [--format {string.Join('|', FormatImporter.Names)}] PATH, where PATH is a file, a folder, or - for standard input.",
        { Name: "import" } when !FormatImporter.Names.Contains(command.Format) => FormatImporter.UnknownFormat(command.Format),
        { Name: "extract", File: null } => "Usage: dotnet run -- extract [--min-confidence C] FILE, where FILE is an article file, or - for standard input.",
        { MinConfidence: not "" } when command.Confidence is null || ConfidenceRules.Problem(command.Confidence) is not null =>
            $"--min-confidence {ConfidenceRules.Problem(command.Confidence) ?? "is a number"}, not '{command.MinConfidence}'.",
        _ => null,
    };

    public static async Task<int> RunAsync(WebApplication app, Invocation command)
    {
        // The export and the draft may be standard output itself.
        var log = command.Name is "export" or "extract" ? Console.Error : Console.Out;
        var db = app.Services.GetRequiredService<NpgsqlDataSource>();
        var server = app.Services.GetService<EmbeddedPostgres>();
        try
        {
            if (UsageError(command) is { } usage)
            {
                Console.Error.WriteLine(usage);
                return 2;
            }
            var applied = await Migrator.MigrateAsync(db, Migration.Embedded);
            log.WriteLine(applied.Count == 0 ? "The schema is up to date." : $"Applied {string.Join(", ", applied)}.");
            if (command.Name == "seed")
            {
                await SeedLoader.SeedAsync(db);
                Console.WriteLine("The seed knowledge base is loaded.");
            }
            return command.Name switch
            {
                "export" => await TransferCommands.ExportAsync(db, command.File!),
                "import" => await TransferCommands.ImportAsync(db, app.Services.GetRequiredService<ILoggerFactory>(),
                    command.Format, command.File!, ImportOptions.From(app.Configuration) with { MinConfidence = command.Confidence }),
                "extract" => await ExtractCommand.RunAsync(db, command.File!, command.Confidence),
                _ => 0,
            };
        }
        catch (MigrationChecksumException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            if (server is not null) await server.DisposeAsync();
        }
    }

    /// <summary>Start-up: migrate, then load the seed knowledge base into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<NpgsqlDataSource>();
        await Migrator.MigrateAsync(db, Migration.Embedded);
        if (await SeedLoader.SeedIfEmptyAsync(db))
            app.Logger.LogInformation("Loaded the seed knowledge base into the empty database");
    }
}
