namespace Claims.Bench;

/// <summary>
/// Starts the bench cluster for the scripts and the API: deliberately not disposed, so the server outlives this process.
/// The database is created when missing; <c>--fresh yes</c> drops and recreates it first, for a benchmark that starts from nothing.
/// </summary>
static class UpCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var database = BenchCluster.DatabaseName(options);
        var fresh = options.String("fresh", "no") switch
        {
            "yes" => true,
            "no" => false,
            var other => throw new OptionsException($"--fresh must be yes or no, not '{other}'."),
        };
        options.RejectUnknown();
        var server = await BenchCluster.StartAsync();
        await BenchCluster.RecreateDatabaseAsync(server, database, keep: !fresh);
        Console.WriteLine(server.ConnectionString(database));
        return 0;
    }
}
