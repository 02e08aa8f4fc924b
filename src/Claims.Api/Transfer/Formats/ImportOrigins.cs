namespace Claims.Api.Transfer.Formats;

/// <summary>
/// Where each record of a format's import came from, kept small for imports of millions: origins as runs (a row's
/// claim, stance and review share one entry) and each record's type as a byte.
/// </summary>
sealed class ImportOrigins
{
    const byte OtherType = byte.MaxValue;

    readonly List<int> runStarts = [];
    readonly List<string> runOrigins = [];
    readonly List<byte> types = [];

    /// <summary>Notes the next record, which is number <c>Count + 1</c>.</summary>
    public void Add(string origin, string type)
    {
        if (runOrigins.Count == 0 || runOrigins[^1] != origin)
        {
            runStarts.Add(types.Count + 1);
            runOrigins.Add(origin);
        }
        var known = Array.FindIndex(RecordTypes.InOrder, t => t.Name == type);
        types.Add(known < 0 ? OtherType : (byte)known);
    }

    public int Count => types.Count;

    public string OriginOf(int number)
    {
        var run = runStarts.BinarySearch(number);
        return runOrigins[run >= 0 ? run : ~run - 1];
    }

    public string TypeOf(int number) => types[number - 1] == OtherType ? "record" : RecordTypes.InOrder[types[number - 1]].Name;
}
