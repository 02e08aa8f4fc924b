namespace Claims.Api.Extraction;

/// <summary>An article file read from a stream: a file of a folder, standard input or a request's body.</summary>
public static class ArticleInput
{
    /// <summary>
    /// The article in <paramref name="content"/> (see <see cref="ArticleFile"/>). Input with no file name's extension
    /// (standard input, a request's body) is JSON when it opens with a brace, else text with an optional header.
    /// </summary>
    public static ArticleRequest Parse(string name, byte[] content)
    {
        var json = !Path.HasExtension(name) && content.SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            .FirstOrDefault() == (byte)'{';
        return ArticleFile.Parse(json ? name + ".json" : name, content);
    }

    /// <summary>The stream's bytes, or null when there are more than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var bytes = new MemoryStream();
        var buffer = new byte[64 * 1024];
        for (int n; (n = await stream.ReadAsync(buffer, ct)) > 0;)
        {
            if (bytes.Length + n > limit) return null;
            bytes.Write(buffer, 0, n);
        }
        return bytes.ToArray();
    }
}
