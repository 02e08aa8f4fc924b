using System.Text;

namespace Claims.Api.Transfer;

/// <summary>
/// Where every <see cref="Step"/>th code point of a source's body starts in its UTF-8 bytes, and where the body ends:
/// staged beside the body, it lets the span check reach a quote's start by walking at most <see cref="Step"/> - 1 code
/// points, where <c>substr</c> counts through the whole body for every quote checked against it.
/// </summary>
static class BodyOffsets
{
    public const int Step = 64;

    public const string Column = "body_offsets";

    /// <summary>The offsets of code points 0, <see cref="Step"/>, 2 × <see cref="Step"/>, … and of the body's end.</summary>
    public static int[] Of(string body)
    {
        var offsets = new List<int>(body.Length / Step + 2) { 0 };
        var (bytes, codePoints) = (0, 0);
        foreach (var rune in body.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (++codePoints % Step == 0) offsets.Add(bytes);
        }
        if (codePoints % Step != 0) offsets.Add(bytes);
        return [.. offsets];
    }
}
