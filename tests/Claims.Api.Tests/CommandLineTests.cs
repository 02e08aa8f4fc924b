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
}
