using System.Diagnostics;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "import", "claims.ndjson" }, "claims.ndjson", "ndjson")]
    [InlineData(new[] { "import", "--format", "liar", "data/liar" }, "data/liar", "liar")]
    [InlineData(new[] { "import", "data/qt30", "--format=aif" }, "data/qt30", "aif")]
    [InlineData(new[] { "--environment", "Production", "import", "-" }, "-", "ndjson")]
    public void ImportTakesAPathAndAFormatThatDefaultsToNdjson(string[] args, string path, string format)
    {
        Assert.Equal(new CommandLine.Invocation("import", path, format), CommandLine.Command(args));
    }

    [Fact]
    public void AnUnknownFormatIsAUsageErrorThatListsTheFormats()
    {
        var error = CommandLine.UsageError(CommandLine.Command(["import", "--format", "robot", "x.tsv"])!);

        Assert.StartsWith("There is no format 'robot'; the formats are ndjson", error);
        Assert.All(FormatImporter.Names, name => Assert.Contains(name, error));
    }

    [Fact]
    public void ImportAndExportWithoutAPathAreUsageErrorsAndTheRestAreNot()
    {
        Assert.StartsWith("Usage: dotnet run -- import [--format ndjson", CommandLine.UsageError(CommandLine.Command(["import", "--format", "ndjson"])!));
        Assert.StartsWith("Usage: dotnet run -- export FILE", CommandLine.UsageError(CommandLine.Command(["export"])!));
        Assert.Null(CommandLine.UsageError(CommandLine.Command(["import", "claims.ndjson"])!));
        Assert.Null(CommandLine.UsageError(CommandLine.Command(["migrate"])!));
    }

    [Fact]
    public void AFoldersInputsAreItsFilesThatMatchThePatternInNameOrder()
    {
        var folder = Directory.CreateTempSubdirectory("claims-inputs-");
        try
        {
            foreach (var name in new[] { "valid.tsv", "train.tsv", "README.md", "test.tsv" })
                File.WriteAllText(Path.Combine(folder.FullName, name), name);

            var inputs = TransferCommands.InputsOf(folder.FullName, "*.tsv")!;

            Assert.Equal(["test.tsv", "train.tsv", "valid.tsv"], inputs.Select(i => i.Name));
            using var reader = new StreamReader(inputs[1].Open());
            Assert.Equal("train.tsv", reader.ReadToEnd());
            Assert.Equal(["train.tsv"], TransferCommands.InputsOf(Path.Combine(folder.FullName, "train.tsv"), "*.tsv")!.Select(i => i.Name));
            Assert.Equal(["stdin"], TransferCommands.InputsOf("-", "*.tsv")!.Select(i => i.Name));
            Assert.Null(TransferCommands.InputsOf(Path.Combine(folder.FullName, "missing"), "*.tsv"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ExportToStandardOutputWritesOnlyTheExportThereAndItsLogToStandardError()
    {
        // With no connection string the command runs on a private PostgreSQL and logs that it does: the run's own
        // cluster, already running, serves (its database "claims" is the command's); else a new one of the command's own.
        var shared = await TestPostgres.PrivateClusterDirectoryAsync();
        var directory = shared ?? Directory.CreateTempSubdirectory("claims-export-").FullName;
        try
        {
            var (exit, output, log) = await RunAsync(directory, "export", "-");

            Assert.True(exit == 0, log);
            Assert.Equal("", output);
            Assert.Contains("private PostgreSQL", log);
            Assert.Contains("Exported 0 records", log);
        }
        finally
        {
            if (shared is null) Directory.Delete(directory, recursive: true);
            else await TestPostgres.DropDatabaseAsync("Database=claims");
        }
    }

    /// <summary>Runs the API's command line as <c>dotnet run</c> would, on a private PostgreSQL in <paramref name="dataDirectory"/>.</summary>
    static async Task<(int Exit, string Output, string Log)> RunAsync(string dataDirectory, params string[] args)
    {
        var api = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo(Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(api)!,
            Environment =
            {
                ["ConnectionStrings__Claims"] = "",
                ["EmbeddedPostgres__DataDirectory"] = dataDirectory,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        foreach (var arg in args.Prepend(api)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var log = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await log);
    }
}
