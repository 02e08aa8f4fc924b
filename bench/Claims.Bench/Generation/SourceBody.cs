using System.Text;

namespace Claims.Bench.Generation;

/// <summary>A source's text, built piece by piece, counting Unicode code points as quote spans do.</summary>
sealed class SourceBody
{
    readonly StringBuilder text = new();
    int codePoints;

    public void Append(string piece)
    {
        text.Append(piece);
        codePoints += CodePoints(piece);
    }

    /// <summary>Appends a quote's text and returns its span: start inclusive, end exclusive.</summary>
    public (int Start, int End) AppendQuoted(string quote)
    {
        var start = codePoints;
        Append(quote);
        return (start, codePoints);
    }

    public override string ToString() => text.ToString();

    static int CodePoints(string s)
    {
        var count = s.Length;
        foreach (var c in s)
            if (char.IsLowSurrogate(c)) count--;
        return count;
    }
}
