using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Claims.Api.Transfer.Formats.Liar;

/// <summary>
/// One statement of LIAR: a line of 14 tab-separated fields (id, label, statement, subjects, speaker, job title, state,
/// party, five credit-history counts, context), each trimmed, an empty one null. The counts are a per-speaker snapshot
/// the reviews already hold, so they are not kept.
/// </summary>
sealed record LiarRow(
    string Origin, long Number, string Line, string? Label, string Statement, string[] Subjects, string Speaker,
    string? JobTitle, string? State, string? Party, string? Context)
{
    const int FieldCount = 14;

    // Bytes that are not UTF-8 are an error, as in an NDJSON import, rather than text quietly replaced by U+FFFD.
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The rows of one file, with every malformed line noted as a problem at "file:line". Quoting is off: a statement
    /// that begins with <c>"</c> ends at the next tab like any other. A file that is not UTF-8 is read up to its first
    /// invalid bytes, which are a problem too.
    /// </summary>
    public static async IAsyncEnumerable<LiarRow> ReadAsync(
        ImportInput input, ImportNotes notes, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(input.Open(), StrictUtf8);
        var lineNumber = 0;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                // The reader decodes ahead of the lines it returns, so the bytes are in this line or one soon after.
                notes.Problem($"{input.Name}:{lineNumber + 1}", "The file has bytes that are not UTF-8 at this line or soon after; LIAR is UTF-8 text.");
                yield break;
            }
            if (line is null) break;
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var origin = $"{input.Name}:{lineNumber}";
            if (Parse(origin, line, out var problem) is { } row) yield return row;
            else notes.Problem(origin, problem!);
        }
    }

    static LiarRow? Parse(string origin, string line, out string? problem)
    {
        var fields = line.Split('\t').Select(f => f.Trim() is { Length: > 0 } value ? value : null).ToArray();
        problem = fields switch
        {
            { Length: not FieldCount } => $"{fields.Length} tab-separated fields where LIAR has {FieldCount}.",
            [var id, ..] when StatementNumber(id) is null => $"'{id}' is not a statement id like 2635.json.",
            [_, _, null, ..] => "The statement (field 3) is empty.",
            [_, _, _, _, null, ..] => "The speaker (field 5) is empty.",
            _ => null,
        };
        if (problem is not null) return null;
        return new LiarRow(
            origin, StatementNumber(fields[0])!.Value, string.Join('\t', fields), fields[1], fields[2]!,
            fields[3]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray() ?? [],
            fields[4]!, fields[5], fields[6], fields[7], fields[13]);
    }

    static long? StatementNumber(string? id) =>
        id is not null && long.TryParse(id.EndsWith(".json", StringComparison.Ordinal) ? id[..^5] : id,
            NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number : null;
}
