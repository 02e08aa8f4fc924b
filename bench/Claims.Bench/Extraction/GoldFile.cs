using System.Text.Json;
using System.Text.Json.Serialization;
using Claims.Api.Extraction;
using Claims.Api.Quotes;

namespace Claims.Bench.Extraction;

/// <summary>A quotation of a gold annotation, placed in its article's body: <c>Span</c> counts code points, end exclusive.</summary>
sealed record GoldQuote(QuoteKind Kind, Span Span, string Text, IReadOnlyList<string>? Speaker, Attribution Attribution, int Group);

/// <summary>
/// Reads NAME.gold.json (docs/extraction.md, "Measuring quality") against its article's body and checks it: each text is
/// found where its occurrence says, direct spans keep the span rules, quotes of one kind do not overlap, and the spans of
/// one group agree. Every problem is added to a list that names the file and the quote, so all of them show at once.
/// </summary>
static class GoldFile
{
    sealed record Entry(QuoteKind Kind, string Text, string[]? Speaker, Attribution Attribution, int Group, int? Occurrence = null);

    sealed record Document(Entry[] Quotes);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    // Every mark of docs/extraction.md, and the marks each one may be closed by.
    static readonly Dictionary<char, string> Closers = new()
    {
        ['“'] = "”", ['„'] = "“”", ['‘'] = "’", ['‚'] = "‘’", ['"'] = "\"", ['\''] = "'", ['«'] = "»", ['»'] = "«", ['‹'] = "›", ['›'] = "‹",
    };

    static readonly HashSet<char> Marks = [.. Closers.Keys, .. Closers.Values.SelectMany(c => c)];

    public static IReadOnlyList<GoldQuote> Read(string path, string body, List<string> problems)
    {
        var label = Path.GetFileName(path);
        Entry[] entries;
        try
        {
            entries = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json)!.Quotes;
        }
        catch (JsonException e)
        {
            problems.Add($"{label}: {e.Message}");
            return [];
        }

        var quotes = new List<GoldQuote>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entryProblems = Check(entries[i], body, out var quote);
            problems.AddRange(entryProblems.Select(p => $"{label} quotes[{i}] “{Shorten(entries[i].Text)}”: {p}"));
            if (quote is not null) quotes.Add(quote);
        }
        if (quotes.Count == entries.Length) problems.AddRange(CheckTogether(quotes).Select(p => $"{label} {p}"));
        return quotes;
    }

    static List<string> Check(Entry entry, string body, out GoldQuote? quote)
    {
        var problems = new List<string>();
        quote = null;
        var text = entry.Text;
        if (text.Length == 0) return ["the text is empty"];

        var starts = Occurrences(body, text);
        if (starts.Count == 0) problems.Add("the text is not in the body");
        else if (entry.Occurrence is null && starts.Count > 1) problems.Add($"the text occurs {starts.Count} times; say which with 'occurrence'");
        else if (entry.Occurrence is < 1 || entry.Occurrence > starts.Count) problems.Add($"occurrence {entry.Occurrence} is out of range: the text occurs {starts.Count} time(s)");

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) problems.Add("the span starts or ends with white space");
        if (text[^1] == ',') problems.Add("the span ends with a comma, which belongs to the attribution");
        if (entry.Kind == QuoteKind.Direct) problems.AddRange(DirectSpanProblems(text));
        if (entry.Kind == QuoteKind.Paraphrase && text[^1] == '.' && !EndsInAbbreviation(text))
            problems.Add("reported speech ends with its sentence's final period");
        if (entry.Speaker is { } names && (names.Length == 0 || names.Any(string.IsNullOrWhiteSpace)))
            problems.Add("speaker is null or a list of names, none of them empty");
        if (entry.Attribution == Attribution.None && entry.Speaker is not null) problems.Add("attribution 'none' means the speaker is null");
        if (entry.Group < 1) problems.Add("group numbers start at 1");

        if (problems.Count == 0)
        {
            var start = starts[(entry.Occurrence ?? 1) - 1];
            if (CutsAWord(body, start, start + text.Length)) return ["the span begins or ends inside a word"];
            var span = new Span(CodePoints(body.AsSpan(0, start)), CodePoints(body.AsSpan(0, start + text.Length)));
            quote = new GoldQuote(entry.Kind, span, text, entry.Speaker, entry.Attribution, entry.Group);
        }
        return problems;
    }

    static IEnumerable<string> DirectSpanProblems(string text)
    {
        if (text[^1] is ';' or ':') yield return $"the span ends with '{text[^1]}', which belongs to the attribution";
        var opens = Closers.TryGetValue(text[0], out var closers);
        if (opens && closers!.Contains(text[^1])) yield return "the span includes its own quotation marks";
        else if (opens && text.AsSpan(1).IndexOfAny(closers) < 0) yield return $"the span starts with its opening mark {text[0]}";
        else if (Marks.Contains(text[^1]) && !Closers.Any(c => c.Value.Contains(text[^1]) && text.AsSpan(0, text.Length - 1).Contains(c.Key)))
            yield return $"the span ends with its closing mark {text[^1]}";
    }

    static bool CutsAWord(string body, int start, int end) =>
        (start > 0 && char.IsLetterOrDigit(body[start - 1]) && char.IsLetterOrDigit(body[start])) ||
        (end < body.Length && char.IsLetterOrDigit(body[end - 1]) && char.IsLetterOrDigit(body[end]));

    // "… left the U.S." keeps the abbreviation's period; a period after a plain word ends the sentence.
    static bool EndsInAbbreviation(string text) => text.AsSpan(text.LastIndexOf(' ') + 1)[..^1].Contains('.');

    static IEnumerable<string> CheckTogether(List<GoldQuote> quotes)
    {
        for (var i = 0; i < quotes.Count; i++)
        for (var j = i + 1; j < quotes.Count; j++)
        {
            var (a, b) = (quotes[i], quotes[j]);
            if (a.Kind == b.Kind && SpanMatching.Overlap(a.Span, b.Span) > 0)
                yield return $"quotes[{i}] and quotes[{j}] are both {a.Kind} and overlap: “{Shorten(a.Text)}” / “{Shorten(b.Text)}”";
            if (a.Group == b.Group && (a.Kind != b.Kind || a.Attribution != b.Attribution || !SameNames(a.Speaker, b.Speaker)))
                yield return $"quotes[{i}] and quotes[{j}] share group {a.Group} but not their kind, speaker and attribution";
        }
    }

    static bool SameNames(IReadOnlyList<string>? a, IReadOnlyList<string>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);

    static List<int> Occurrences(string body, string text)
    {
        var starts = new List<int>();
        for (var at = body.IndexOf(text, StringComparison.Ordinal); at >= 0; at = body.IndexOf(text, at + 1, StringComparison.Ordinal))
            starts.Add(at);
        return starts;
    }

    public static int CodePoints(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        foreach (var c in text) if (char.IsLowSurrogate(c)) count--;
        return count;
    }

    public static string Shorten(string text) => text.Length <= 100 ? text : $"{text[..60]} … {text[^35..]}";
}
