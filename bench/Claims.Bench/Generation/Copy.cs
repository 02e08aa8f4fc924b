using Npgsql;
using NpgsqlTypes;

namespace Claims.Bench.Generation;

/// <summary>Binary COPY, and the nullable writes NpgsqlBinaryImporter leaves to its caller.</summary>
static class Copy
{
    public static Task<NpgsqlBinaryImporter> BeginAsync(NpgsqlConnection conn, string tableAndColumns) =>
        conn.BeginBinaryImportAsync($"COPY {tableAndColumns} FROM STDIN (FORMAT BINARY)");

    public static Task WriteNullableAsync(this NpgsqlBinaryImporter writer, string? value) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, NpgsqlDbType.Text);

    public static Task WriteNullableAsync<T>(this NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? writer.WriteAsync(v, type) : writer.WriteNullAsync();
}
