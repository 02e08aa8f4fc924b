namespace Claims.Api.Transfer;

/// <summary>
/// Hands the <see cref="StagingWriter"/> its records grouped by type, because each change of type costs it a COPY: input
/// that alternates types (a statement's claim, review and stance in turn) would take a COPY a record. A record of the
/// type being copied, or of a type not met before, goes straight through, so input grouped by type, as the export is,
/// never waits. Any other waits in its type's batch, which is staged whole once it holds about
/// <see cref="BatchBytes"/> (its type then being the one copied) or when the input ends: memory stays bounded by a
/// batch per type, and alternating input takes a COPY per batch.
/// </summary>
sealed class GroupedStaging(StagingWriter staging)
{
    const long BatchBytes = 4 << 20;

    readonly Dictionary<RecordType, Batch> batches = RecordTypes.InOrder.ToDictionary(t => t, _ => new Batch());
    readonly HashSet<RecordType> met = [];
    RecordType? copying;

    public async Task WriteAsync(RecordType type, int line, int absent, object?[] values, CancellationToken ct)
    {
        if (type == copying || met.Add(type))
        {
            copying = type;
            await staging.WriteAsync(type, line, absent, values, ct);
            return;
        }
        var batch = batches[type];
        batch.Add(line, absent, values);
        if (batch.Bytes < BatchBytes) return;
        copying = type;
        await StageAsync(type, batch, ct);
    }

    /// <summary>Stages every batch and ends the COPY under way: all the records are then in their tables.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        foreach (var (type, batch) in batches) await StageAsync(type, batch, ct);
        await staging.CompleteAsync(ct);
    }

    async Task StageAsync(RecordType type, Batch batch, CancellationToken ct)
    {
        foreach (var (line, absent, values) in batch.Rows) await staging.WriteAsync(type, line, absent, values, ct);
        batch.Clear();
    }

    sealed class Batch
    {
        public List<(int Line, int Absent, object?[] Values)> Rows { get; } = [];

        /// <summary>About what the rows hold on to: two bytes a character, a few words an object.</summary>
        public long Bytes { get; private set; }

        // The parser reuses a type's array for its next record; the values in it are the record's own.
        public void Add(int line, int absent, object?[] values)
        {
            Rows.Add((line, absent, (object?[])values.Clone()));
            Bytes += 48 + 8L * values.Length + values.Sum(value => value switch
            {
                null => 0,
                string text => 24 + 2L * text.Length,
                string[] texts => 24 + texts.Sum(text => 32 + 2L * text.Length),
                _ => 24,
            });
        }

        public void Clear()
        {
            Rows.Clear();
            Bytes = 0;
        }
    }
}
