using System.Text;
using System.Text.RegularExpressions;
using Claims.Bench.Load;
using Npgsql;

namespace Claims.Bench.Compare;

/// <summary>
/// <c>capture-sql</c>: sends each compared path's first requests, one at a time, to an API whose connections log every
/// statement (<c>-c log_min_duration_statement=0</c>), reads what PostgreSQL logged for them and writes each request's
/// statement, with the values it was bound to, as a pgbench script. Fails unless every request sent exactly one statement.
/// </summary>
static partial class CaptureSqlCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var baseUrl = LoadCommand.LoopbackUrl(options.String("url") ?? throw new OptionsException("--url is required."));
        var log = options.String("log") ?? Path.Combine(BenchCluster.DataDirectory, "server.log");
        var output = options.String("out") ?? throw new OptionsException("--out DIR is required.");
        var database = BenchCluster.DatabaseName(options);
        var count = options.Int("samples", 100);
        var seed = options.Int("seed", 42);
        options.RejectUnknown();

        Samples samples;
        await using (var server = await BenchCluster.StartAsync())
        await using (var db = NpgsqlDataSource.Create(server.ConnectionString(database)))
            samples = await Samples.DrawAsync(db, count, seed);
        using var http = new HttpClient { BaseAddress = baseUrl };

        foreach (var name in ComparedPaths.Names)
        {
            var path = ComparedPaths.Claims(name, samples, count, seed);
            var from = new FileInfo(log).Length;
            foreach (var url in path.Urls) (await http.GetAsync(url)).EnsureSuccessStatusCode();
            await Task.Delay(500); // the server's log is written as it goes; give it a moment
            var executed = Executions(ReadFrom(log, from)).ToList();
            var statements = executed.GroupBy(e => e.Sql).OrderByDescending(g => g.Count()).ToList();
            Console.WriteLine($"{path.Route}: {path.Urls.Count} requests, {executed.Count} statements executed, {statements.Count} distinct");
            if (executed.Count != path.Urls.Count)
                throw new BenchFailedException($"{path.Route}: expected one statement a request, saw {executed.Count} for {path.Urls.Count}.");
            var directory = Directory.CreateDirectory(Path.Combine(output, name));
            foreach (var file in directory.GetFiles("*.sql")) file.Delete();
            for (var i = 0; i < executed.Count; i++)
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, $"{i:D3}.sql"), Bound(executed[i]) + ";\n");
        }
        return 0;
    }

    sealed record Execution(string Sql, IReadOnlyDictionary<int, string> Parameters);

    static string ReadFrom(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    // A log entry starts with the default prefix, "%m [%p] "; an executed statement's parameters follow it from its process.
    static IEnumerable<Execution> Executions(string text)
    {
        var pending = new Dictionary<string, string>();
        foreach (Match entry in Entry().Matches(text))
        {
            var (pid, body) = (entry.Groups["pid"].Value, entry.Groups["body"].Value.TrimEnd());
            if (Executed().Match(body) is { Success: true } executed)
            {
                if (pending.Remove(pid, out var unbound)) yield return new Execution(unbound, new Dictionary<int, string>());
                pending[pid] = executed.Groups["sql"].Value;
            }
            else if (body.StartsWith("DETAIL:  parameters: ", StringComparison.Ordinal) && pending.Remove(pid, out var sql))
            {
                yield return new Execution(sql, Parameter().Matches(body).ToDictionary(
                    m => int.Parse(m.Groups["n"].Value), m => m.Groups["value"].Value));
            }
        }
        foreach (var sql in pending.Values) yield return new Execution(sql, new Dictionary<int, string>());
    }

    // The statement with its values in place of $1, $2, …: literals as PostgreSQL logged them (quoted, or NULL), whose
    // types PostgreSQL infers from where they stand, as it inferred the parameters'.
    static string Bound(Execution execution) =>
        Placeholder().Replace(execution.Sql, m => execution.Parameters[int.Parse(m.Groups["n"].Value)]);

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(?<pid>\d+)\] (?<body>(?:.|\n)*?)(?=^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[\d+\] |\z)", RegexOptions.Multiline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"^LOG:  duration: [\d.]+ ms  execute [^:]+: (?<sql>(?:.|\n)*)$")]
    private static partial Regex Executed();

    [GeneratedRegex(@"\$(?<n>\d+) = (?<value>NULL|'(?:[^']|'')*')")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\$(?<n>\d+)\b")]
    private static partial Regex Placeholder();
}
