using Claims.Api.Seeding;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;

namespace Claims.Api;

/// <summary>
/// <c>dotnet run -- migrate</c>, <c>seed</c>, <c>export FILE</c> and <c>import [--format NAME] PATH</c>: the same
/// configuration as the API, migrate, do the command, then exit. <c>-</c> is standard output or input.
/// </summary>
static class CommandLine
{
    public sealed record Invocation(string Name, string? File, string Format = FormatImporter.Ndjson);

    public static Invocation? Command(string[] args)
    {
        var at = Array.FindIndex(args, a => a is "migrate" or "seed" or "export" or "import");
        if (at < 0) return null;
        var (file, format) = ((string?)null, FormatImporter.Ndjson);
        for (var i = at + 1; i < args.Length; i++)
        {
            if (args[i] == "--format") format = args.ElementAtOrDefault(++i) ?? "";
            else if (args[i].StartsWith("--format=", StringComparison.Ordinal)) format = args[i]["--format=".Length..];
            else file ??= args[i];
        }
        return new Invocation(args[at], file, format);
    }

    /// <summary>What is wrong with how a command was asked for, or null.</summary>
    public static string? UsageError(Invocation command) => command switch
    {
        { Name: "export", File: null } => "Usage: dotnet run -- export FILE, where FILE - is standard output.",
        { Name: "import", File: null } =>
            $"Usage: dotnet run -- import [--format {string.Join('|', FormatImporter.Names)}] PATH, where PATH is a file, a folder, or - for standard input.",
        { Name: "import" } when !FormatImporter.Names.Contains(command.Format) => FormatImporter.UnknownFormat(command.Format),
        _ => null,
    };

    public static async Task<int> RunAsync(WebApplication app, Invocation command)
    {
        // The export may be standard output itself.
        var log = command.Name == "export" ? Console.Error : Console.Out;
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
                    command.Format, command.File!, ImportOptions.From(app.Configuration)),
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
