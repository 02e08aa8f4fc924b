using System.Runtime.InteropServices;

namespace Claims.Api.Matching;

/// <summary>A vector as <c>claim_embedding.vector</c> stores it: its floats, little-endian, 4 bytes each.</summary>
static class VectorBytes
{
    public static byte[] FromFloats(float[] vector) =>
        BitConverter.IsLittleEndian ? MemoryMarshal.AsBytes(vector.AsSpan()).ToArray() : throw new PlatformNotSupportedException();

    public static float[] ToFloats(byte[] bytes) =>
        BitConverter.IsLittleEndian ? MemoryMarshal.Cast<byte, float>(bytes).ToArray() : throw new PlatformNotSupportedException();
}
