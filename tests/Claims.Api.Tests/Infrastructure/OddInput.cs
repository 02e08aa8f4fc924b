using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>
/// Odd values for the parameters and bodies an OpenAPI document describes, drawn from a seeded <see cref="Random"/>:
/// unpaired surrogates, combining marks with nothing to sit on, zero-width and non-BMP characters, NUL, text that
/// regular expressions, LIKE and full-text search treat specially, huge and fractional numbers, values of the wrong
/// type, keys given twice, nesting past the parser's depth — and, as often, values that fit, so that the checks past
/// the first one are reached too.
/// </summary>
public sealed class OddInput(Random random, JsonElement schemas, IReadOnlyList<string> keys, IReadOnlyList<Guid> ids)
{
    static readonly string[] OddText =
    [
        "", " ", "\uD800", "x\uDC00y", "\u0301", "\u0301.com", "a\u0301", "\u200B", "mis\u200Bbar.com", "\uFEFF", "\u200D\u200C",
        "😀", "\U0010FFFF", "\uFFFF", "\0", "a\0b", "\r\n", "\t", "' OR 1=1 --", "%", "_", "\\", "(", "[", ".*", "a|b", "!", "&",
        "<script>", "-", "--", "a--b", "1e400", "NaN", "-0", "null", "00000000-0000-0000-0000-000000000000", "2020-02-30", "0001-01-01",
        "9999-12-31", "https://", "http://\u0301.com/", "https://mis\u200Bbar.com/x", "javascript:alert(1)", "xn--", "مسبار", "İı",
        new string('a', 5000), string.Concat(Enumerable.Repeat("😀", 300)), "\"", "'", "{}", "[]",
    ];

    // Percent-encoded bytes no .NET string could hold (a surrogate's UTF-8, overlong forms, a lone continuation byte),
    // and separators inside one path segment.
    static readonly string[] OddUrlText = ["%ED%A0%80", "%C0%AF", "%80", "%FF", "%F4%90%80%80", "%2F", "%2E%2E", "..", "%25", "%3F", "%23"];

    static readonly string[] OddNumbers =
    [
        "0", "1", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "99999999999999999999999999", "1e308", "1e999", "-1e999", "0.5", "1E+2", "-0",
    ];

    static readonly string[] Dates = ["2020-02-12", "2021-03-04", "0001-01-01", "9999-12-31", "2020-02-30", "2020-13-01"];

    /// <summary>A path segment, escaped.</summary>
    public string PathValue(JsonElement schema) => Pick(5) switch
    {
        0 or 1 => Format(schema) == "uuid" ? ids[random.Next(ids.Count)].ToString() : keys[random.Next(keys.Count)],
        2 => Guid.NewGuid().ToString(),
        _ => Escaped(),
    };

    /// <summary>A query value, escaped.</summary>
    public string QueryValue(JsonElement schema)
    {
        if (Pick(2) == 0) return Escaped();
        schema = Resolve(schema);
        return Types(schema).Contains("integer") ? Uri.EscapeDataString(OddNumbers[random.Next(OddNumbers.Length)])
            : Format(schema) == "uuid" ? ids[random.Next(ids.Count)].ToString()
            : Format(schema) == "date" ? Dates[random.Next(Dates.Length)]
            : keys[random.Next(keys.Count)];
    }

    /// <summary>A body for <paramref name="schema"/>: JSON that fits it in parts, or not JSON at all.</summary>
    public string Body(JsonElement schema)
    {
        switch (Pick(12))
        {
            case 0: return "";
            case 1: return new string('[', 100) + new string(']', 100);
            case 2: return "{\"a\": 1, \"a\": 2}";
            case 3: return "\uFEFF{}";
        }
        var json = new StringBuilder();
        WriteValue(json, schema, 0);
        return json.ToString();
    }

    void WriteValue(StringBuilder json, JsonElement schema, int depth)
    {
        schema = Resolve(schema);
        if (Pick(6) == 0 || depth > 4)
        {
            WriteWrongType(json, depth);
            return;
        }
        if (schema.TryGetProperty("enum", out var members) && Pick(2) == 0)
        {
            WriteString(json, members[random.Next(members.GetArrayLength())].ToString());
            return;
        }
        var types = Types(schema);
        if (schema.TryGetProperty("properties", out var properties)) WriteObject(json, properties, depth);
        else if (types.Contains("array")) WriteArray(json, schema.TryGetProperty("items", out var items) ? items : default, depth);
        else if (types.Contains("integer") || types.Contains("number")) json.Append(OddNumbers[random.Next(OddNumbers.Length)]);
        else if (types.Contains("boolean")) json.Append(Pick(2) == 0 ? "true" : "false");
        else if (Format(schema) == "uuid") WriteString(json, Pick(3) == 0 ? OddText[random.Next(OddText.Length)] : ids[random.Next(ids.Count)].ToString());
        else if (Format(schema) == "date") WriteString(json, Dates[random.Next(Dates.Length)]);
        else WriteString(json, Pick(3) == 0 ? keys[random.Next(keys.Count)] : OddText[random.Next(OddText.Length)]);
    }

    void WriteObject(StringBuilder json, JsonElement properties, int depth)
    {
        json.Append('{');
        var first = true;
        foreach (var property in properties.EnumerateObject())
        {
            if (Pick(5) == 0) continue;
            for (var times = Pick(8) == 0 ? 2 : 1; times > 0; times--)
            {
                if (!first) json.Append(',');
                first = false;
                WriteString(json, Pick(10) == 0 ? property.Name.ToUpperInvariant() : property.Name);
                json.Append(':');
                WriteValue(json, property.Value, depth + 1);
            }
        }
        json.Append('}');
    }

    void WriteArray(StringBuilder json, JsonElement items, int depth)
    {
        json.Append('[');
        for (var i = Pick(4); i > 0; i--)
        {
            if (json[^1] != '[') json.Append(',');
            if (items.ValueKind == JsonValueKind.Object) WriteValue(json, items, depth + 1);
            else WriteString(json, OddText[random.Next(OddText.Length)]);
        }
        json.Append(']');
    }

    void WriteWrongType(StringBuilder json, int depth)
    {
        switch (Pick(7))
        {
            case 0: json.Append("null"); break;
            case 1: json.Append("true"); break;
            case 2: json.Append(OddNumbers[random.Next(OddNumbers.Length)]); break;
            case 3: WriteString(json, OddText[random.Next(OddText.Length)]); break;
            case 4: json.Append("[]"); break;
            case 5 when depth < 8: json.Append("{\"x\":"); WriteWrongType(json, depth + 1); json.Append('}'); break;
            default: json.Append("{}"); break;
        }
    }

    // Control characters, quotes and surrogates as \u escapes, so that an unpaired surrogate survives into the JSON text.
    static void WriteString(StringBuilder json, string text)
    {
        json.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired) json.Append(c).Append(text[++i]);
            else if (c < 0x20 || c is '"' or '\\' || char.IsSurrogate(c)) json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else json.Append(c);
        }
        json.Append('"');
    }

    string Escaped()
    {
        if (Pick(4) == 0) return OddUrlText[random.Next(OddUrlText.Length)];
        var text = OddText[random.Next(OddText.Length)];
        // An unpaired surrogate has no UTF-8 to escape: the bytes a lax encoder would write for it stand in.
        return IsWellFormed(text) ? Uri.EscapeDataString(text) : "%ED%A0%80";
    }

    static bool IsWellFormed(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static readonly string[] RecordTypes = ["speaker", "source", "entity", "claim", "review", "quote", "stance", "claimLink", "mention", "robot"];
    static readonly string[] RecordFields =
    [
        "id", "slug", "name", "kind", "aliases", "url", "body", "text", "speakerId", "sourceId", "claimId", "quoteId", "entityId",
        "span", "statementId", "publisherSite", "rating", "fromClaimId", "toClaimId", "createdAt", "updatedAt", "origin", "position",
    ];

    /// <summary>An NDJSON import: records of known and unknown types whose fields hold odd values.</summary>
    public string NdjsonBody()
    {
        var lines = new StringBuilder();
        for (var i = 1 + Pick(3); i > 0; i--)
        {
            lines.Append("{\"type\":");
            WriteString(lines, RecordTypes[random.Next(RecordTypes.Length)]);
            lines.Append(",\"data\":{");
            for (var f = Pick(6); f >= 0; f--)
            {
                WriteString(lines, RecordFields[random.Next(RecordFields.Length)]);
                lines.Append(':');
                if (Pick(3) == 0) WriteString(lines, ids[random.Next(ids.Count)].ToString());
                else WriteWrongType(lines, 0);
                if (f > 0) lines.Append(',');
            }
            lines.Append("}}\n");
        }
        return lines.ToString();
    }

    int Pick(int n) => random.Next(n);

    JsonElement Resolve(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return schema;
        if (schema.TryGetProperty("$ref", out var reference))
            return Resolve(schemas.GetProperty(reference.GetString()!["#/components/schemas/".Length..]));
        if (schema.TryGetProperty("oneOf", out var options))
            foreach (var option in options.EnumerateArray())
                if (!Types(option).SequenceEqual(["null"])) return Resolve(option);
        return schema;
    }

    static string[] Types(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
        : [type.GetString()!];

    static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;
}
