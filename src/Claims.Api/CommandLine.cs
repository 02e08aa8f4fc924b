using Claims.Api.Seeding;

namespace Claims.Api;

/// <summary><c>dotnet run -- migrate</c> and <c>dotnet run -- seed</c>: the same configuration as the API, then exit.</summary>
static class CommandLine
{
    public static string? Command(string[] args) => args.FirstOrDefault(a => a is "migrate" or "seed");

    public static async Task<int> RunAsync(WebApplication app, string command)
    {
        var db = app.Services.GetRequiredService<NpgsqlDataSource>();
        var server = app.Services.GetService<EmbeddedPostgres>();
        try
        {
            var applied = await Migrator.MigrateAsync(db, Migration.Embedded);
            Console.WriteLine(applied.Count == 0 ? "The schema is up to date." : $"Applied {string.Join(", ", applied)}.");
            if (command == "seed")
            {
                await SeedLoader.SeedAsync(db);
                Console.WriteLine("The seed knowledge base is loaded.");
            }
            return 0;
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
