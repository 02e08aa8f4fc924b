using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Quotes;

namespace Claims.Api.Transfer;

/// <summary>
/// Reads one line, <c>{"type": "quote", "data": {…}}</c>, into its type and one value per field (a span as a
/// <see cref="Span"/>), checking what the database would: required fields, types, slugs, URLs, allowed words, spans.
/// </summary>
static class RecordParser
{
    static readonly int StatementId = Array.FindIndex(RecordTypes.Quote.Fields, f => f.Column == "statement_id");

    /// <summary>
    /// The record's type, with its values and which fields that keep the stored value it leaves out (bit <c>i</c> for field
    /// <c>i</c>); or null, with at least one error added.
    /// </summary>
    public static RecordType? Parse(ReadOnlySequence<byte> line, List<string> errors, out object?[] values, out int absent)
    {
        values = [];
        absent = 0;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, DuplicateKeys.Refused);
        }
        catch (JsonException e)
        {
            errors.Add(DuplicateKeys.Of(e) is { } key ? DuplicateKeys.Problem(key) : $"The line is not valid JSON (at byte {e.BytePositionInLine ?? 0}).");
            return null;
        }
        // Keys are read as they are parsed, to refuse one given twice: a key that is not valid Unicode surfaces here.
        catch (InvalidOperationException)
        {
            errors.Add(NotUnicode);
            return null;
        }
        using (document)
        {
            try
            {
                return Read(document.RootElement, errors, out values, out absent);
            }
            catch (InvalidOperationException)
            {
                errors.Add(NotUnicode);
                values = [];
                absent = 0;
                return null;
            }
        }
    }

    // What no string can hold: bytes that are not UTF-8, which the parser checks only when a string is read, or what JSON
    // can escape, half of a surrogate pair ("\ud800") on its own.
    const string NotUnicode = "The line holds text that is not valid Unicode: bytes that are not UTF-8, or half of a UTF-16 surrogate " +
                              "pair (\\uD800 to \\uDFFF) on its own.";

    static RecordType? Read(JsonElement root, List<string> errors, out object?[] values, out int absent)
    {
        values = [];
        absent = 0;
        if (root.ValueKind != JsonValueKind.Object || root.GetPropertyCount() != 2
            || !root.TryGetProperty("type", out var typeName) || typeName.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            errors.Add("""A line holds one record: {"type": "…", "data": {…}}.""");
            return null;
        }
        if (RecordTypes.Find(typeName.GetString()!) is not { } type)
        {
            errors.Add($"Unknown type '{typeName.GetString()}'; the types are {string.Join(", ", RecordTypes.InOrder.Select(t => t.Name))}.");
            return null;
        }
        var before = errors.Count;
        values = new object?[type.Fields.Length];
        absent = ReadFields(type, data, values, errors);
        Complete(type, values, errors);
        return errors.Count == before ? type : null;
    }

    static int ReadFields(RecordType type, JsonElement data, object?[] values, List<string> errors)
    {
        var present = 0;
        var absent = 0;
        for (var i = 0; i < type.Fields.Length; i++)
        {
            var field = type.Fields[i];
            var found = data.TryGetProperty(field.Name, out var value);
            if (found) present++;
            else if (field.KeepsStored) absent |= 1 << i;
            if (!found || value.ValueKind == JsonValueKind.Null)
            {
                if (field.Required) errors.Add($"'{field.Name}' is required.");
                values[i] = field.Default;
                continue;
            }
            values[i] = Read(field, value, out var problem);
            if (problem is not null) errors.Add($"'{field.Name}' {problem}.");
        }
        if (present == data.GetPropertyCount()) return absent;
        var unknown = data.EnumerateObject().Where(p => !Array.Exists(type.Fields, f => f.Name == p.Name)).Select(p => p.Name).ToList();
        errors.AddRange(unknown.Count == 0 ? ["A field appears twice."] : unknown.Select(name => $"Unknown field '{name}' in a {type.Name}."));
        return absent;
    }

    static void Complete(RecordType type, object?[] values, List<string> errors)
    {
        if (type == RecordTypes.Quote) values[StatementId] ??= values[0];
        if (type == RecordTypes.Mention && (values[1] is null) == (values[2] is null))
            errors.Add("A mention names exactly one of 'quoteId' and 'claimId'.");
    }

    static object? Read(Field field, JsonElement value, out string? problem)
    {
        problem = null;
        switch (field.Kind)
        {
            case FieldKind.Uuid when value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var id):
                return id;
            case FieldKind.Text when value.ValueKind == JsonValueKind.String:
                var text = value.GetString()!;
                problem = text.Contains('\0') ? "must not contain NUL characters"
                    : text.Length > field.MaxLength ? $"must be at most {field.MaxLength:N0} characters long, not {text.Length:N0}"
                    : field.Rule?.Invoke(text);
                return text;
            case FieldKind.Texts when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(IsStorableText):
                var texts = value.EnumerateArray().Select(v => v.GetString()!).ToArray();
                var length = texts.Sum(t => t.Length);
                if (length > field.MaxLength)
                    problem = $"must be at most {field.MaxLength:N0} characters long in all, not {length:N0}";
                return texts;
            case FieldKind.Date when value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return date;
            case FieldKind.Bool when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return value.GetBoolean();
            case FieldKind.Timestamp when value.ValueKind == JsonValueKind.String && HasOffset(value.GetString()!) && value.TryGetDateTimeOffset(out var at):
                return at.UtcDateTime;
            case FieldKind.Span when ReadSpan(value) is { } span:
                return span;
        }
        problem = field.Kind switch
        {
            FieldKind.Uuid => "must be a UUID",
            FieldKind.Text => "must be a string",
            FieldKind.Texts => "must be an array of strings without NUL characters",
            FieldKind.Date => "must be a date, yyyy-MM-dd",
            FieldKind.Bool => "must be true or false",
            FieldKind.Timestamp => "must be an ISO 8601 date and time with its offset, 'Z' or ±hh:mm",
            _ => """must be {"start": s, "end": e}: whole numbers with 0 <= s < e""",
        };
        return null;
    }

    // Without an offset a time would mean the server's local time.
    static bool HasOffset(string time) =>
        time.EndsWith('Z') || (time.Length > 6 && time[^6] is '+' or '-' && time[^3] == ':');

    static bool IsStorableText(JsonElement value) => value.ValueKind == JsonValueKind.String && !value.GetString()!.Contains('\0');

    static Span? ReadSpan(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.GetPropertyCount() == 2
        && value.TryGetProperty("start", out var start) && start.ValueKind == JsonValueKind.Number && start.TryGetInt32(out var s)
        && value.TryGetProperty("end", out var end) && end.ValueKind == JsonValueKind.Number && end.TryGetInt32(out var e)
        && s >= 0 && e > s
            ? new Span(s, e)
            : null;
}
