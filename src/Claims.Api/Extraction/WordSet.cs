using System.Collections.Frozen;

namespace Claims.Api.Extraction;

/// <summary>A set of words looked up by span, ignoring case, so the scan allocates nothing per token.</summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordSet(IEnumerable<string> words) =>
        lookup = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public WordSet(string spaceSeparated) : this(spaceSeparated.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)) { }

    public bool Contains(ReadOnlySpan<char> word) => lookup.Contains(word);
}

/// <summary>A map from words to values looked up by span, ignoring case.</summary>
internal sealed class WordMap<T>
{
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordMap(IEnumerable<KeyValuePair<string, T>> entries) =>
        lookup = entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public bool TryGet(ReadOnlySpan<char> word, out T value) => lookup.TryGetValue(word, out value!);
}
