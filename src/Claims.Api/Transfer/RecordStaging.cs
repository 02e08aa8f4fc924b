using System.Buffers;
using System.Threading.Channels;

namespace Claims.Api.Transfer;

/// <summary>
/// Stages an import's records: one thread reads and parses them while another writes them by binary COPY, so that the
/// two halves of the client's work overlap. Between them go batches of at most <see cref="BatchRecords"/> records or
/// <see cref="BatchBytes"/> of input, two at most waiting, so memory stays bounded whatever the input's size.
/// </summary>
static class RecordStaging
{
    // Small: records that wait long outlive the garbage collector's youngest generation, and the heap grows with the
    // input (batches of 1,000 took a million quotes' import from a peak of 105 MB to 190 MB; these, to 134 MB).
    const int BatchRecords = 32;
    const long BatchBytes = 128 * 1024;

    /// <summary>How many records of each type were staged, and the errors of those that were not, in input order.</summary>
    public sealed record Staged(Dictionary<RecordType, long> Counts, List<(int Number, ImportError Error)> Errors, long ErrorCount);

    readonly record struct Parsed(RecordType Type, int Line, object?[] Values);

    sealed record Unstaged(List<(int Number, ImportError Error)> Errors, long Count);

    public static async Task<Staged> StageAsync(NpgsqlConnection conn, IRecordSource source, ImportProgress progress, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<List<Parsed>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var parsing = Task.Run(() => ParseAsync(source, progress, batches.Writer, stop.Token));
        try
        {
            await using var staging = new StagingWriter(conn);
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                foreach (var record in batch)
                    await staging.WriteAsync(record.Type, record.Line, record.Values, ct);
            var unstaged = await parsing;
            await staging.CompleteAsync(ct);
            return new Staged(staging.Counts, unstaged.Errors, unstaged.Count);
        }
        finally
        {
            // A COPY that failed leaves the reader waiting to hand over a batch: it stops, and is done before the input goes.
            await stop.CancelAsync();
            await Task.WhenAny(parsing);
        }
    }

    static async Task<Unstaged> ParseAsync(IRecordSource source, ImportProgress progress, ChannelWriter<List<Parsed>> batches, CancellationToken ct)
    {
        try
        {
            var (messages, errors, count) = (new List<string>(), new List<(int Number, ImportError Error)>(), 0L);
            var (batch, bytes) = (new List<Parsed>(BatchRecords), 0L);
            await foreach (var line in source.ReadAsync(ct))
            {
                progress.Read();
                messages.Clear();
                if (line.TooLong) messages.Add($"The line is longer than {NdjsonLines.MaxLineBytes} bytes.");
                else if (IsBlank(line.Bytes)) continue;
                else if (RecordParser.Parse(line.Bytes, messages, out var values) is { } type)
                {
                    batch.Add(new Parsed(type, line.Number, values));
                    bytes += line.Bytes.Length;
                    if (batch.Count < BatchRecords && bytes < BatchBytes) continue;
                    await batches.WriteAsync(batch, ct);
                    (batch, bytes) = (new List<Parsed>(BatchRecords), 0);
                    continue;
                }
                count += messages.Count;
                errors.AddRange(messages.Take(NdjsonImporter.MaxErrors - errors.Count).Select(m => (line.Number, source.ErrorAt(line.Number, m))));
            }
            if (batch.Count > 0) await batches.WriteAsync(batch, ct);
            return new Unstaged(errors, count);
        }
        finally
        {
            batches.Complete();
        }
    }

    static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
            foreach (var b in segment.Span)
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                    return false;
        return true;
    }
}
