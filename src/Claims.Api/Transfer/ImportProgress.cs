namespace Claims.Api.Transfer;

/// <summary>How far an import has got, for a progress display; updated by the import, read from another thread.</summary>
public sealed class ImportProgress
{
    long records;

    /// <summary>Records read so far.</summary>
    public long Records => Interlocked.Read(ref records);

    /// <summary>The input being read, when there are named inputs.</summary>
    public string? Input { get; set; }

    /// <summary>"reading", then "checking", then "merging", then in restore mode "indexing" and its tables.</summary>
    public string Phase { get; set; } = "reading";

    internal void Read() => Interlocked.Increment(ref records);
}
