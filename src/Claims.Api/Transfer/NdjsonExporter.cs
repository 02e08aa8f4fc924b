using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Claims.Api.Transfer;

/// <summary>
/// Writes the knowledge base as NDJSON, one <c>{"type": …, "data": {…}}</c> record a line, in dependency order and key
/// order. Rows stream from a data reader into the output as they arrive, so memory stays flat whatever the size.
/// </summary>
static class NdjsonExporter
{
    public const string ContentType = "application/x-ndjson";

    const int FlushBytes = 64 * 1024;

    static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");
    static readonly JsonEncodedText StartName = JsonEncodedText.Encode("start");
    static readonly JsonEncodedText EndName = JsonEncodedText.Encode("end");

    // The file is data, never HTML: text stays readable rather than \u-escaped.
    static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Writes every record to <paramref name="output"/> and returns how many there were.</summary>
    public static async Task<long> ExportAsync(NpgsqlDataSource db, Stream output, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // One snapshot for every table, so each reference in the file is to a record in it.
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        await using var json = new Utf8JsonWriter(pipe, Options);
        long records = 0;
        foreach (var type in RecordTypes.InOrder)
        {
            foreach (var sql in type.ExportSql)
            {
                await using var reader = await conn.ExecuteReaderAsync(
                    new CommandDefinition(sql, transaction: tx, commandTimeout: 0, cancellationToken: ct), CommandBehavior.SequentialAccess);
                while (await reader.ReadAsync(ct))
                {
                    WriteRecord(json, type, reader);
                    json.Flush();
                    json.Reset();
                    pipe.Write("\n"u8);
                    records++;
                    if (pipe.UnflushedBytes >= FlushBytes) await pipe.FlushAsync(ct);
                }
            }
        }
        await pipe.CompleteAsync();
        return records;
    }

    static void WriteRecord(Utf8JsonWriter json, RecordType type, DbDataReader reader)
    {
        json.WriteStartObject();
        json.WriteString(TypeName, type.EncodedName);
        json.WriteStartObject(DataName);
        var column = 0;
        foreach (var field in type.Fields)
        {
            WriteField(json, field, reader, column);
            column += field.Columns.Length;
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // Nulls are written: a record is the row's whole state, and an import of it clears what the row no longer has, where
    // a field left out would keep the stored value.
    static void WriteField(Utf8JsonWriter json, Field field, DbDataReader reader, int column)
    {
        var name = field.EncodedName;
        if (reader.IsDBNull(column))
        {
            json.WriteNull(name);
            return;
        }
        switch (field.Kind)
        {
            case FieldKind.Uuid: json.WriteString(name, reader.GetGuid(column)); break;
            case FieldKind.Text: json.WriteString(name, reader.GetString(column)); break;
            case FieldKind.Date: json.WriteString(name, reader.GetFieldValue<DateOnly>(column).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case FieldKind.Bool: json.WriteBoolean(name, reader.GetBoolean(column)); break;
            case FieldKind.Timestamp: json.WriteString(name, reader.GetFieldValue<DateTime>(column)); break;
            case FieldKind.Texts:
                json.WriteStartArray(name);
                foreach (var text in reader.GetFieldValue<string[]>(column)) json.WriteStringValue(text);
                json.WriteEndArray();
                break;
            case FieldKind.Span:
                json.WriteStartObject(name);
                json.WriteNumber(StartName, reader.GetInt32(column));
                json.WriteNumber(EndName, reader.GetInt32(column + 1));
                json.WriteEndObject();
                break;
        }
    }
}
