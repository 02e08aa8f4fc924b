using Claims.Api.Quotes;
using NpgsqlTypes;

namespace Claims.Api.Transfer;

/// <summary>
/// Stages the file's records by binary COPY into temporary tables, <c>import_&lt;table&gt;</c>, each row with its line
/// number and the fields its record left out (<c>absent</c>, see <see cref="RecordParser.Parse"/>); they go with the
/// transaction. A connection runs one COPY at a time, so each change of type ends one COPY and begins the next:
/// <see cref="RecordStaging"/> hands it records a type at a time to keep the changes few.
/// </summary>
sealed class StagingWriter(NpgsqlConnection conn) : IAsyncDisposable
{
    NpgsqlBinaryImporter? copy;
    RecordType? copying;

    // A source's body is staged with its offsets, for the span check. A body the record leaves out is the stored one,
    // known only after matching: it has none, and its quotes are checked as against a stored body.
    static readonly int SourceBody = Array.FindIndex(RecordTypes.Source.Fields, f => f.Column == "body");

    // Rows up to a page stay whole: a body is then read once per quote checked against it, not also decompressed.
    public static string CreateTablesSql { get; } = string.Join('\n', RecordTypes.InOrder.Select(type =>
        $"CREATE TEMP TABLE {type.Staging} (line integer NOT NULL, absent integer NOT NULL, " +
        $"{string.Join(", ", type.Fields.SelectMany(Definitions).Concat(Offsets(type, " integer[]")))})" +
        " WITH (toast_tuple_target = 8160) ON COMMIT DROP;"));

    /// <summary>How many records of each type were staged.</summary>
    public Dictionary<RecordType, long> Counts { get; } = RecordTypes.InOrder.ToDictionary(t => t, _ => 0L);

    // The values are written synchronously: they go into the COPY's buffer, which is sent, blocking, when full. An
    // awaited write per value cost the staging thread more than parsing the line (1.2M rows of up to 15 values).
    public async Task WriteAsync(RecordType type, int line, int absent, object?[] values, CancellationToken ct)
    {
        if (type != copying)
        {
            await CompleteAsync(ct);
            copy = await conn.BeginBinaryImportAsync(
                $"COPY {type.Staging} (line, absent, {string.Join(", ", type.Columns.Concat(Offsets(type)))}) FROM STDIN (FORMAT BINARY)", ct);
            copy.Timeout = Timeout.InfiniteTimeSpan; // the server may take its time over a big file
            copying = type;
        }
        copy!.StartRow();
        copy.Write(line, NpgsqlDbType.Integer);
        copy.Write(absent, NpgsqlDbType.Integer);
        for (var i = 0; i < type.Fields.Length; i++)
            Write(copy, type.Fields[i].Kind, values[i]);
        if (type == RecordTypes.Source)
        {
            if ((absent & 1 << SourceBody) == 0) copy.Write(BodyOffsets.Of((string)values[SourceBody]!), NpgsqlDbType.Array | NpgsqlDbType.Integer);
            else copy.WriteNull();
        }
        Counts[type]++;
    }

    /// <summary>Ends the COPY under way, if any: its rows are then in their table.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (copy is null) return;
        await copy.CompleteAsync(ct);
        await copy.DisposeAsync();
        (copy, copying) = (null, null);
    }

    // Disposing a COPY that was not completed cancels it.
    public async ValueTask DisposeAsync()
    {
        if (copy is not null) await copy.DisposeAsync();
    }

    static void Write(NpgsqlBinaryImporter copy, FieldKind kind, object? value)
    {
        switch (value)
        {
            case null when kind == FieldKind.Span:
                copy.WriteNull();
                copy.WriteNull();
                break;
            case null: copy.WriteNull(); break;
            case Guid id: copy.Write(id, NpgsqlDbType.Uuid); break;
            case string text: copy.Write(text, NpgsqlDbType.Text); break;
            case string[] texts: copy.Write(texts, NpgsqlDbType.Array | NpgsqlDbType.Text); break;
            case DateOnly date: copy.Write(date, NpgsqlDbType.Date); break;
            case bool flag: copy.Write(flag, NpgsqlDbType.Boolean); break;
            case DateTime at: copy.Write(at, NpgsqlDbType.TimestampTz); break;
            case Span span:
                copy.Write(span.Start, NpgsqlDbType.Integer);
                copy.Write(span.End, NpgsqlDbType.Integer);
                break;
            default: throw new ArgumentException($"No column type for {value.GetType()}.", nameof(value));
        }
    }

    static string[] Offsets(RecordType type, string definition = "") => type == RecordTypes.Source ? [BodyOffsets.Column + definition] : [];

    static IEnumerable<string> Definitions(Field field) => field.Kind switch
    {
        FieldKind.Span => ["span_start integer", "span_end integer"],
        _ => [$"{field.Column} {field.Kind switch
        {
            FieldKind.Uuid => "uuid",
            FieldKind.Texts => "text[]",
            FieldKind.Date => "date",
            FieldKind.Bool => "boolean",
            FieldKind.Timestamp => "timestamptz",
            _ => "text",
        }}"],
    };
}
