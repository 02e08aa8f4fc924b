using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Claims.Api.Transfer;

/// <summary>A line of the input, numbered from 1, without its line break; <c>TooLong</c> lines carry no bytes.</summary>
readonly record struct NdjsonLine(int Number, ReadOnlySequence<byte> Bytes, bool TooLong);

/// <summary>Splits a stream into lines as it arrives. Only one line is held at a time, and a line is at most <see cref="MaxLineBytes"/>.</summary>
static class NdjsonLines
{
    public const int MaxLineBytes = 64 * 1024 * 1024;

    static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The lines of <paramref name="input"/>; each one's bytes are valid until the next is asked for.</summary>
    public static async IAsyncEnumerable<NdjsonLine> ReadAsync(PipeReader input, [EnumeratorCancellation] CancellationToken ct)
    {
        var number = 0;
        long searched = 0; // how much of the buffer is known to hold no line break
        var skipping = false; // inside a line that was too long, until its end
        while (true)
        {
            var result = await input.ReadAsync(ct);
            var buffer = result.Buffer;
            while (buffer.Slice(searched).PositionOf((byte)'\n') is { } end)
            {
                var line = buffer.Slice(0, end);
                buffer = buffer.Slice(buffer.GetPosition(1, end));
                searched = 0;
                if (skipping) skipping = false;
                else yield return new(++number, Trim(line, number), false);
            }
            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty && !skipping) yield return new(++number, Trim(buffer, number), false);
                // Consumed to the end: a request body left mid-read cannot be drained by the server (which logs an error).
                input.AdvanceTo(result.Buffer.End);
                break;
            }
            if (!skipping && buffer.Length > MaxLineBytes)
            {
                yield return new(++number, default, true);
                skipping = true;
            }
            if (skipping) buffer = buffer.Slice(buffer.End);
            searched = buffer.Length;
            input.AdvanceTo(buffer.Start, buffer.End);
        }
        await input.CompleteAsync();
    }

    static ReadOnlySequence<byte> Trim(ReadOnlySequence<byte> line, int number)
    {
        if (number == 1 && line.Length >= 3 && line.Slice(0, 3).ToArray().AsSpan().SequenceEqual(ByteOrderMark)) line = line.Slice(3);
        if (line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r') line = line.Slice(0, line.Length - 1);
        return line;
    }
}
