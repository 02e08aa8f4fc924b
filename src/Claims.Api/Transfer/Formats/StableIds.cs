using System.Security.Cryptography;
using System.Text;

namespace Claims.Api.Transfer.Formats;

/// <summary>
/// Name-based UUIDs (version 5, RFC 9562): the same name always gives the same id, so a record imported from the field's
/// formats, which have no UUIDs of their own, is the same record when imported again.
/// </summary>
public static class StableIds
{
    // The RFC's URL namespace: names are written as "claims:<format>:<kind>:<key>".
    static readonly Guid Namespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    public static Guid For(string format, string kind, string key)
    {
        Span<byte> name = stackalloc byte[16];
        Namespace.TryWriteBytes(name, bigEndian: true, out _);
        var hash = SHA1.HashData([.. name, .. Encoding.UTF8.GetBytes($"claims:{format}:{kind}:{key}")]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
