using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Claims.Api.Transfer.Formats;

/// <summary>A format's records as NDJSON lines, each remembered by its origin; what the format notes is placed among them.</summary>
sealed class FormatSource(IImportFormat format, IReadOnlyList<ImportInput> inputs, ImportProgress progress) : IRecordSource
{
    static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");
    static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    readonly ImportNotes notes = new();
    readonly ImportOrigins origins = new();
    readonly List<(int Before, ImportNote Note)> problems = [];

    public IReadOnlyList<(int Before, ImportNote Note)> Problems => problems;

    public IReadOnlyList<ImportNote> Skipped => notes.Skipped;

    public string Locate(int number) => origins.OriginOf(number);

    // One origin may hold several records (a row's claim, stance and review): the message says which.
    public ImportError ErrorAt(int number, string message) => new(origins.OriginOf(number), $"{origins.TypeOf(number)}: {message}");

    public async IAsyncEnumerable<NdjsonLine> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer, Options);
        var watched = inputs.Select(input => input with { Open = () => Opening(input) }).ToList();
        await using var records = format.ReadAsync(watched, notes, ct).GetAsyncEnumerator(ct);
        while (await NextAsync(records))
        {
            var record = records.Current;
            PlaceProblems();
            origins.Add(record.Origin, record.Type);
            buffer.ResetWrittenCount();
            json.Reset();
            json.WriteStartObject();
            json.WriteString(TypeName, record.Type);
            json.WritePropertyName(DataName);
            record.Data.WriteTo(json);
            json.WriteEndObject();
            await json.FlushAsync(ct);
            yield return new NdjsonLine(origins.Count, new ReadOnlySequence<byte>(buffer.WrittenMemory), false);
        }
        PlaceProblems();
    }

    Stream Opening(ImportInput input)
    {
        progress.Input = input.Name;
        return input.Open();
    }

    // Input a format could not parse is a problem of the input being read, not a failure of the import.
    async ValueTask<bool> NextAsync(IAsyncEnumerator<ImportRecord> records)
    {
        try
        {
            return await records.MoveNextAsync();
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidDataException or DecoderFallbackException)
        {
            notes.Problem(progress.Input ?? format.Name, $"The input could not be read: {e.Message}");
            return false;
        }
    }

    /// <summary>The problems noted since the last record came before the next.</summary>
    void PlaceProblems()
    {
        for (var i = problems.Count; i < notes.Problems.Count; i++) problems.Add((origins.Count + 1, notes.Problems[i]));
    }
}
