namespace Claims.Bench;

/// <summary>Starts the bench cluster for run.sh and the API: deliberately not disposed, so the server outlives this process.</summary>
static class UpCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var database = BenchCluster.DatabaseName(options);
        options.RejectUnknown();
        var server = await BenchCluster.StartAsync();
        Console.WriteLine(server.ConnectionString(database));
        return 0;
    }
}
