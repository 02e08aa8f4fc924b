using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Claims.Api.Extraction;

/// <summary>
/// Reads an article file (docs/extraction.md, "Article files"): JSON with the fields of <see cref="ArticleRequest"/> when
/// its name ends in <c>.json</c>, otherwise plain text with an optional header of <c>Key: value</c> lines that a blank
/// line ends. What cannot be read is an <see cref="ArticleFileException"/> naming the file and the line or field.
/// </summary>
public static class ArticleFile
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static readonly string[] HeaderKeys = ["Title", "URL", "Publisher", "Published", "Language"];

    public static ArticleRequest Read(string path) => Parse(Path.GetFileName(path), File.ReadAllBytes(path));

    /// <summary>Parses the bytes of the file called <paramref name="name"/>; the name picks the format and labels errors.</summary>
    public static ArticleRequest Parse(string name, ReadOnlySpan<byte> content)
    {
        var text = Decode(name, content);
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJson(name, text) : ParseText(name, text);
    }

    static string Decode(string name, ReadOnlySpan<byte> content)
    {
        var bom = content.StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(content[bom..]);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArticleFileException($"{name}: not valid UTF-8 (byte {bom + e.Index} is not part of a UTF-8 character).");
        }
    }

    static ArticleRequest ParseText(string name, string text)
    {
        if (!IsHeaderLine(text.AsSpan(0, LineEnd(text, 0)))) return new ArticleRequest(Body: text);

        var header = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        DateOnly? published = null;
        var (position, number) = (0, 0);
        while (true)
        {
            number++;
            var end = LineEnd(text, position);
            if (end == text.Length)
                throw new ArticleFileException($"{name}: the header is not ended by a blank line; the body starts after the first one.");
            var line = text.AsSpan(position, end - position).TrimEnd('\r');
            position = end + 1;
            if (line.IsWhiteSpace()) break;

            var colon = line.IndexOf(':');
            if (colon < 0)
                throw new ArticleFileException($"{name} line {number}: '{line}' is not a 'Key: value' header line (a blank line ends the header).");
            var key = line[..colon].Trim().ToString();
            if (!HeaderKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new ArticleFileException($"{name} line {number}: unknown header key '{key}'; the keys are {string.Join(", ", HeaderKeys)}.");
            var value = line[(colon + 1)..].Trim().ToString();
            if (!header.TryAdd(key, value.Length == 0 ? null : value))
                throw new ArticleFileException($"{name} line {number}: '{key}' is given twice.");
            if (key.Equals("Published", StringComparison.OrdinalIgnoreCase)) published = Date(value, $"{name} line {number}: Published");
        }

        return new ArticleRequest(
            Url: header.GetValueOrDefault("URL"), Publisher: header.GetValueOrDefault("Publisher"),
            PublishedOn: published,
            Language: header.GetValueOrDefault("Language"), Title: header.GetValueOrDefault("Title"), Body: text[position..]);
    }

    static int LineEnd(string text, int start) => text.IndexOf('\n', start) is var end and >= 0 ? end : text.Length;

    // Only a known key opens a header, so a body that begins "BRUSSELS: …" or "HOST: …" is read as all body.
    static bool IsHeaderLine(ReadOnlySpan<char> line) =>
        line.IndexOf(':') is var colon and > 0 && HeaderKeys.Contains(line[..colon].ToString(), StringComparer.OrdinalIgnoreCase);

    static DateOnly? Date(string? value, string where)
    {
        if (value is null || value.Length == 0) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new ArticleFileException($"{where} '{value}' is not a date; write it as yyyy-MM-dd.");
    }

    static ArticleRequest ParseJson(string name, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new ArticleFileException($"{name}: not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ArticleFileException($"{name}: an article in JSON is an object with a 'body' (and url, publisher, publishedOn, language, title), not {Describe(root)}.");

            var article = new ArticleRequest();
            foreach (var field in root.EnumerateObject())
            {
                var value = JsonString(name, field);
                article = field.Name.ToLowerInvariant() switch
                {
                    "url" => article with { Url = value },
                    "publisher" => article with { Publisher = value },
                    "publishedon" => article with { PublishedOn = Date(value, $"{name} field 'publishedOn':") },
                    "language" => article with { Language = value },
                    "title" => article with { Title = value },
                    "body" => article with { Body = value },
                    "sourceid" => throw new ArticleFileException($"{name}: field 'sourceId' is not for a file; an article file holds the article's body."),
                    _ => throw new ArticleFileException(
                        $"{name}: unknown field '{field.Name}'; the fields are url, publisher, publishedOn, language, title, body."),
                };
            }
            return article.Body is null ? throw new ArticleFileException($"{name}: field 'body' is missing; it holds the article's text.") : article;
        }
    }

    static string? JsonString(string name, JsonProperty field)
    {
        if (field.Value.ValueKind == JsonValueKind.Null) return null;
        if (field.Value.ValueKind != JsonValueKind.String)
            throw new ArticleFileException($"{name}: field '{field.Name}' must be a string, not {Describe(field.Value)}.");
        try
        {
            return field.Value.GetString();
        }
        catch (InvalidOperationException)
        {
            throw new ArticleFileException($"{name}: field '{field.Name}' is not valid Unicode (a lone surrogate escape).");
        }
    }

    static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>An article file that cannot be read; the message names the file and the line or field.</summary>
public sealed class ArticleFileException(string message) : FormatException(message);
