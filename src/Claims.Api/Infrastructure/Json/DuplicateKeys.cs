using System.Text.Json;
using System.Text.RegularExpressions;

namespace Claims.Api.Infrastructure.Json;

/// <summary>
/// Every JSON the API reads refuses an object that gives a key twice (System.Text.Json's AllowDuplicateProperties =
/// false): which of the two values was meant is the client's to say, not a parser's to guess.
/// </summary>
public static partial class DuplicateKeys
{
    public static readonly JsonDocumentOptions Refused = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// The key a <see cref="JsonException"/> reports as given twice, or null when it reports something else. The
    /// serializer names the key in its message ("Duplicate property 'a' …"), or, reading a dictionary, only in the path.
    /// </summary>
    public static string? Of(JsonException e)
    {
        var match = Message().Match(e.Message);
        if (!match.Success) return null;
        if (match.Groups["key"].Success) return match.Groups["key"].Value;
        var path = e.Path ?? "";
        return path.EndsWith("']", StringComparison.Ordinal)
            ? path[(path.LastIndexOf("['", StringComparison.Ordinal) + 2)..^2]
            : path[(path.LastIndexOf('.') + 1)..];
    }

    /// <summary>What the client is told: the key, and why.</summary>
    public static string Problem(string key) => $"The key '{key}' is given more than once in one object; give it once.";

    [GeneratedRegex("^Duplicate propert(y '(?<key>.*?)'|ies)")]
    private static partial Regex Message();
}
