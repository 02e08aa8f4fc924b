using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Claims.Api.Infrastructure.Database;

/// <summary>
/// A private PostgreSQL cluster run from the machine's own binaries, for when no connection string is configured.
/// The cluster lives in <see cref="DataDirectory"/> and survives restarts; only a server this instance started is stopped.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    const string Superuser = "postgres";

    readonly string binDirectory;
    readonly string clusterDirectory;
    readonly ILogger logger;
    bool startedHere;

    EmbeddedPostgres(string binDirectory, string dataDirectory, ILogger logger)
    {
        this.binDirectory = binDirectory;
        DataDirectory = Path.GetFullPath(dataDirectory);
        clusterDirectory = Path.Combine(DataDirectory, "cluster");
        this.logger = logger;
    }

    public string DataDirectory { get; }
    public int Port { get; private set; }
    string PasswordFile => Path.Combine(DataDirectory, "password");

    /// <summary>How many statements Npgsql prepares on each connection (Max Auto Prepare): room for every statement
    /// the API sends often, each planned once and its generic plan kept when PostgreSQL finds it as good.</summary>
    public const int AutoPrepared = 100;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = File.ReadAllText(PasswordFile).Trim(),
        Database = database,
        MaxAutoPrepare = AutoPrepared,
        // Npgsql's default pool of 100 is every connection the server allows (max_connections, 100 by default), and the
        // admin connection that created the database stays open beside it: a burst of requests, such as long polls of
        // the change feed woken by one commit, met "too many clients" (53300). The pool leaves the server some room.
        MaxPoolSize = 90,
    }.ConnectionString;

    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, string? binDirectory, ILogger logger, CancellationToken ct = default)
    {
        var bin = (binDirectory is null ? FindBinaries() : HasBinaries(binDirectory) ? binDirectory : null) ?? throw new EmbeddedPostgresException(
            "PostgreSQL's server binaries (initdb, pg_ctl) were not found in EmbeddedPostgres:BinDirectory, on PATH or under /usr/lib/postgresql. " +
            "Install them (Debian: apt-get install postgresql), or point the API at a server with ConnectionStrings__Claims, " +
            "or run everything with `docker compose up`.");
        var server = new EmbeddedPostgres(bin, dataDirectory, logger);
        await server.StartAsync(ct);
        return server;
    }

    static bool HasBinaries(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasBinaries);
        if (onPath is not null) return onPath;
        // Debian's postgresql package keeps the server binaries off PATH.
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot)) return null;
        return Directory.GetDirectories(debianRoot)
            .Select(dir => Path.Combine(dir, "bin"))
            .Where(HasBinaries)
            .OrderByDescending(dir => int.TryParse(Path.GetFileName(Path.GetDirectoryName(dir)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    async Task StartAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(DataDirectory);
        if (!File.Exists(Path.Combine(clusterDirectory, "PG_VERSION")))
            await InitializeClusterAsync(ct);

        if (ReadRunningPort() is { } runningPort)
        {
            Port = runningPort;
            logger.LogInformation("Using the private PostgreSQL already running on port {Port} ({Directory})", Port, clusterDirectory);
            return;
        }

        if (Port == 0) Port = FreePort();
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''";
        await RunAsync("pg_ctl", ["-D", clusterDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-o", options, "-w", "-t", "60", "start"], ct);
        startedHere = true;
        logger.LogInformation("Started a private PostgreSQL on port {Port} ({Directory})", Port, clusterDirectory);
    }

    async Task InitializeClusterAsync(CancellationToken ct)
    {
        logger.LogInformation("Creating a private PostgreSQL cluster in {Directory}", clusterDirectory);
        if (Directory.Exists(clusterDirectory)) Directory.Delete(clusterDirectory, recursive: true);
        Directory.CreateDirectory(clusterDirectory);
        await File.WriteAllTextAsync(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        GiveToServerUser(DataDirectory);
        await RunAsync("initdb", ["-D", clusterDirectory, "-U", Superuser, "--pwfile", PasswordFile,
            "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"], ct);
    }

    // initdb and postgres refuse to run as root; as root, the cluster belongs to the postgres user.
    static bool RunsAsRoot => Environment.IsPrivilegedProcess;

    static void GiveToServerUser(string directory)
    {
        if (!RunsAsRoot) return;
        using var chown = Process.Start("chown", ["-R", $"{Superuser}:", directory]);
        chown.WaitForExit();
        if (chown.ExitCode != 0) throw new EmbeddedPostgresException($"Could not give {directory} to the '{Superuser}' user.");
    }

    int? ReadRunningPort()
    {
        var pidFile = Path.Combine(clusterDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null; // a stale pid file from a server that died; pg_ctl start cleans it up
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DataDirectory,
        };
        if (RunsAsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", Superuser, "--", Path.Combine(binDirectory, tool) }) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = Path.Combine(binDirectory, tool);
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new EmbeddedPostgresException($"Could not start {tool}.");
        // Both pipes are drained so a chatty tool never blocks on a full one; pg_ctl's server writes to its own log.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await stdout;
        if (process.ExitCode != 0)
            throw new EmbeddedPostgresException($"{tool} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
    }

    /// <summary>Stops the server as an administrator would (fast: sessions are ended, open transactions rolled back).</summary>
    public async Task StopAsync()
    {
        await RunAsync("pg_ctl", ["-D", clusterDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
        startedHere = false;
        logger.LogInformation("Stopped the private PostgreSQL");
    }

    /// <summary>Starts a stopped server again, on the port it had.</summary>
    public Task StartAgainAsync(CancellationToken ct = default) => StartAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (!startedHere) return;
        try
        {
            await StopAsync();
        }
        catch (Exception e) when (e is EmbeddedPostgresException or InvalidOperationException)
        {
            logger.LogWarning("Could not stop the private PostgreSQL: {Message}", e.Message);
        }
    }
}

public sealed class EmbeddedPostgresException(string message) : Exception(message);
