using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Claims.Api.Infrastructure.Json;

namespace Claims.Api.Transfer.Formats;

/// <summary>
/// One item of the array: its index and value, or what is wrong with it. A problem without an index is the file's
/// (not JSON, not an array) and ends the reading.
/// </summary>
sealed record ArrayItem<T>(int? Index, T? Value, string? Problem);

/// <summary>
/// Streams the items of a JSON array that is either the whole document (<c>[…]</c>) or one property of a top-level
/// object (<c>{"claims": […], "nextPageToken": "…"}</c>): the buffer holds one item at a time, never the file. With no
/// property, a top-level object is itself the one item, without an index.
/// </summary>
static class JsonArrayItems
{
    const int InitialBuffer = 64 * 1024;

    public static async IAsyncEnumerable<ArrayItem<T>> ReadAsync<T>(
        Stream stream, string? property, JsonTypeInfo<T> type, [EnumeratorCancellation] CancellationToken ct)
    {
        var parser = new Parser<T>(property, type);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var items = new List<ArrayItem<T>>();
        try
        {
            var (filled, final) = (0, false);
            while (!final && !parser.Done)
            {
                if (filled == buffer.Length) buffer = Grow(buffer, filled);
                var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
                filled += read;
                final = read == 0;

                string? problem = null;
                var consumed = 0;
                try
                {
                    consumed = parser.Parse(buffer.AsSpan(0, filled), final, items);
                }
                catch (JsonException e)
                {
                    var reason = e.Message.Split([" Path:", " LineNumber:"], StringSplitOptions.None)[0];
                    problem = $"The file is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {reason}";
                }
                foreach (var item in items) yield return item;
                items.Clear();
                if (problem is not null)
                {
                    yield return new(null, default, problem);
                    yield break;
                }
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
            if (parser.Problem is { } shape) yield return new(null, default, shape);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static byte[] Grow(byte[] buffer, int filled)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    enum Phase { Start, InObject, AtArray, InArray, Done }

    /// <summary>Reads as far as the buffer allows; an item is read only once the buffer holds all of it.</summary>
    sealed class Parser<T>(string? property, JsonTypeInfo<T> type)
    {
        static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

        JsonReaderState state;
        Phase phase = Phase.Start;
        int index;
        bool started;

        public bool Done => phase == Phase.Done;

        /// <summary>What is wrong with the document's shape, if anything: a string where the array should be.</summary>
        public string? Problem { get; private set; }

        public int Parse(ReadOnlySpan<byte> data, bool final, List<ArrayItem<T>> items)
        {
            var skipped = 0;
            if (!started)
            {
                if (data.Length < Bom.Length && !final) return 0;
                started = true;
                if (data.StartsWith(Bom)) skipped = Bom.Length;
            }
            var reader = new Utf8JsonReader(data[skipped..], final, state);
            while (phase != Phase.Done)
            {
                var before = reader;
                if (!reader.Read()) break;
                if (!Step(ref reader, items))
                {
                    reader = before;
                    break;
                }
            }
            state = reader.CurrentState;
            return skipped + (int)reader.BytesConsumed;
        }

        /// <summary>Takes the token just read; false when the buffer ends inside a value it must see whole.</summary>
        bool Step(ref Utf8JsonReader reader, List<ArrayItem<T>> items)
        {
            switch (phase)
            {
                case Phase.Start when reader.TokenType == JsonTokenType.StartArray:
                    phase = Phase.InArray;
                    return true;
                case Phase.Start when reader.TokenType == JsonTokenType.StartObject && property is null:
                    var whole = reader;
                    if (!whole.TrySkip()) return false;
                    items.Add(ReadItem(ref reader) with { Index = null });
                    reader = whole;
                    phase = Phase.Done;
                    return true;
                case Phase.Start when reader.TokenType == JsonTokenType.StartObject:
                    phase = Phase.InObject;
                    return true;
                case Phase.Start:
                    return Fail(property is null ? "The file holds neither an array nor an object." : $"The file holds neither an array nor an object with '{property}'.");
                case Phase.InObject when reader.TokenType == JsonTokenType.EndObject:
                    phase = Phase.Done; // an answer with nothing found is {}
                    return true;
                case Phase.InObject when reader.ValueTextEquals(property!):
                    phase = Phase.AtArray;
                    return true;
                case Phase.InObject:
                    return reader.TrySkip();
                case Phase.AtArray when reader.TokenType == JsonTokenType.StartArray:
                    phase = Phase.InArray;
                    return true;
                case Phase.AtArray:
                    return Fail($"'{property}' is not an array.");
                case Phase.InArray when reader.TokenType == JsonTokenType.EndArray:
                    phase = Phase.Done;
                    return true;
                default:
                    var end = reader;
                    if (!end.TrySkip()) return false;
                    items.Add(ReadItem(ref reader));
                    reader = end;
                    return true;
            }
        }

        ArrayItem<T> ReadItem(ref Utf8JsonReader reader)
        {
            const string notAnObject = "The item is not an object.";
            var at = index++;
            try
            {
                return JsonSerializer.Deserialize(ref reader, type) is { } value ? new(at, value, null) : new(at, default, notAnObject);
            }
            catch (JsonException e)
            {
                var field = e.Path is null or "$" ? null : e.Path.TrimStart('$', '.');
                return new(at, default, DuplicateKeys.Of(e) is { } key ? DuplicateKeys.Problem(key)
                    : field is null ? notAnObject
                    : IsNotUnicode(e) ? $"'{field}' is not valid Unicode text (half of a surrogate pair, or bytes that are not UTF-8)."
                    : $"'{field}' has the wrong type.");
            }
        }

        // A string JSON can escape but no string can hold ("\ud800"), or bytes that are not UTF-8: the serializer says so
        // only in its message ("… incomplete UTF-16 JSON text …", "… invalid UTF-8 JSON text …"), with the same exception
        // types as for a value of the wrong type.
        static bool IsNotUnicode(JsonException e) =>
            e.InnerException is InvalidOperationException { Message: var message } && message.Contains("UTF-", StringComparison.Ordinal);

        bool Fail(string problem)
        {
            Problem = problem;
            phase = Phase.Done;
            return true;
        }
    }
}
