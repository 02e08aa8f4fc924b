using System.IO.Pipelines;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Transfer;

/// <summary>
/// What an import reads: records as NDJSON lines numbered from 1 in reading order, and how to tell the user where a
/// record is in what they gave ("line 3", "train.tsv:57"). A format also brings what it found wrong as it read, which
/// fails the import, and what it skipped, which is reported.
/// </summary>
interface IRecordSource
{
    /// <summary>The records; each one's bytes are valid until the next is asked for.</summary>
    IAsyncEnumerable<NdjsonLine> ReadAsync(CancellationToken ct);

    /// <summary>Where record <paramref name="number"/> is, as a message naming it says it ("also on line 5").</summary>
    string Locate(int number);

    /// <summary>An error of record <paramref name="number"/>, as the user is told it.</summary>
    ImportError ErrorAt(int number, string message) => new(Locate(number), message);

    /// <summary>What the reader found wrong, each with the number of the record it came before.</summary>
    IReadOnlyList<(int Before, ImportNote Note)> Problems { get; }

    IReadOnlyList<ImportNote> Skipped { get; }
}

/// <summary>An NDJSON file: its lines are the records.</summary>
sealed class NdjsonSource(PipeReader input) : IRecordSource
{
    public IAsyncEnumerable<NdjsonLine> ReadAsync(CancellationToken ct) => NdjsonLines.ReadAsync(input, ct);

    public string Locate(int number) => $"line {number}";

    public IReadOnlyList<(int Before, ImportNote Note)> Problems => [];

    public IReadOnlyList<ImportNote> Skipped => [];
}
