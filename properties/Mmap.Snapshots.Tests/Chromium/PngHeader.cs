using System.Buffers.Binary;

namespace Mmap.Snapshots.Tests.Chromium;

/// <summary>The PNG signature and the IHDR chunk's width and height.</summary>
public static class PngHeader
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

    public static (int Width, int Height)? Read(byte[] png)
    {
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(Signature)) return null;
        if (!png.AsSpan(12, 4).SequenceEqual("IHDR"u8)) return null;
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
