using Claims.Api.Seeding;
using Claims.Api.Transfer;

namespace Claims.Api;

/// <summary>
/// <c>dotnet run -- migrate</c>, <c>seed</c>, <c>export FILE</c> and <c>import FILE</c>: the same configuration as the API,
/// migrate, do the command, then exit. FILE <c>-</c> is standard output or input.
/// </summary>
static class CommandLine
{
    public sealed record Invocation(string Name, string? File);

    public static Invocation? Command(string[] args)
    {
        var at = Array.FindIndex(args, a => a is "migrate" or "seed" or "export" or "import");
        return at < 0 ? null : new Invocation(args[at], args.ElementAtOrDefault(at + 1));
    }

    public static async Task<int> RunAsync(WebApplication app, Invocation command)
    {
        if (command is { Name: "export" or "import", File: null })
        {
            Console.Error.WriteLine($"Usage: dotnet run -- {command.Name} FILE, where FILE - is standard {(command.Name == "export" ? "output" : "input")}.");
            return 2;
        }
        // The export may be standard output itself.
        var log = command.Name == "export" ? Console.Error : Console.Out;
        var db = app.Services.GetRequiredService<NpgsqlDataSource>();
        var server = app.Services.GetService<EmbeddedPostgres>();
        try
        {
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
                "import" => await TransferCommands.ImportAsync(db, command.File!),
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
