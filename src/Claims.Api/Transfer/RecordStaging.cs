using System.Buffers;
using System.Threading.Channels;

namespace Claims.Api.Transfer;

/// <summary>
/// Stages an import's records: one thread reads and parses them while another writes them by binary COPY, so that the
/// two halves of the client's work overlap. Between them go batches of one type each, of at most
/// <see cref="BatchRecords"/> records or <see cref="BatchBytes"/> of input, two at most waiting: memory stays bounded by
/// those and a batch filling per type, whatever the input's size.
/// <para>
/// A batch is of one type because the writer's connection runs one COPY at a time, and each change of type ends one
/// and begins the next: input that alternates types (a statement's claim, review and stance in turn) would take a COPY
/// a record. Each type fills its own batch instead. Input grouped by type, as the export is, goes through in its order:
/// a type met for the first time hands over what the types before it left waiting.
/// </para>
/// </summary>
static class RecordStaging
{
    // Small: records that wait long outlive the garbage collector's youngest generation, and the heap grows with the
    // input (batches of 1,000 took a million quotes' import from a peak of 105 MB to 190 MB; these, to 134 MB).
    const int BatchRecords = 32;
    const long BatchBytes = 128 * 1024;

    /// <summary>How many records of each type were staged, and the errors of those that were not, in input order.</summary>
    public sealed record Staged(Dictionary<RecordType, long> Counts, List<(int Number, ImportError Error)> Errors, long ErrorCount);

    readonly record struct Parsed(int Line, int Absent, object?[] Values);

    sealed class Batch(RecordType type)
    {
        public RecordType Type => type;
        public List<Parsed> Records { get; } = new(BatchRecords);
        long bytes;

        public bool Full => Records.Count >= BatchRecords || bytes >= BatchBytes;

        public void Add(Parsed record, long size)
        {
            Records.Add(record);
            bytes += size;
        }
    }

    sealed record Unstaged(List<(int Number, ImportError Error)> Errors, long Count);

    public static async Task<Staged> StageAsync(NpgsqlConnection conn, IRecordSource source, ImportProgress progress, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var parsing = Task.Run(() => ParseAsync(source, progress, batches.Writer, stop.Token));
        try
        {
            await using var staging = new StagingWriter(conn);
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                foreach (var record in batch.Records)
                    await staging.WriteAsync(batch.Type, record.Line, record.Absent, record.Values, ct);
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

    static async Task<Unstaged> ParseAsync(IRecordSource source, ImportProgress progress, ChannelWriter<Batch> batches, CancellationToken ct)
    {
        var filling = new Dictionary<RecordType, Batch>();
        var met = new HashSet<RecordType>();
        async Task HandOverWaitingAsync()
        {
            foreach (var type in RecordTypes.InOrder)
                if (filling.Remove(type, out var waiting))
                    await batches.WriteAsync(waiting, ct);
        }

        try
        {
            var (messages, errors, count) = (new List<string>(), new List<(int Number, ImportError Error)>(), 0L);
            await foreach (var line in source.ReadAsync(ct))
            {
                progress.Read();
                messages.Clear();
                if (line.TooLong) messages.Add($"The line is longer than {NdjsonLines.MaxLineBytes} bytes.");
                else if (IsBlank(line.Bytes)) continue;
                else if (RecordParser.Parse(line.Bytes, messages, out var values, out var absent) is { } type)
                {
                    if (met.Add(type)) await HandOverWaitingAsync();
                    if (!filling.TryGetValue(type, out var batch)) filling[type] = batch = new Batch(type);
                    batch.Add(new Parsed(line.Number, absent, values), line.Bytes.Length);
                    if (!batch.Full) continue;
                    filling.Remove(type);
                    await batches.WriteAsync(batch, ct);
                    continue;
                }
                count += messages.Count;
                errors.AddRange(messages.Take(NdjsonImporter.MaxErrors - errors.Count).Select(m => (line.Number, source.ErrorAt(line.Number, m))));
            }
            await HandOverWaitingAsync();
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
