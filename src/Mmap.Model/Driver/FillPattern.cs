namespace Mmap.Model.Driver;

/// <summary>
/// Bytes the driver writes at offset 0 of every buffer page at load time. A null entry stands for
/// the page index (so pages can be told apart).
/// </summary>
public sealed record FillPattern(IReadOnlyList<byte?> Bytes)
{
    public const int MaxLength = 16;

    public static FillPattern Empty { get; } = new(Array.Empty<byte?>());

    public static FillPattern Of(params byte[] bytes) => new(bytes.Select(b => (byte?)b).ToArray());

    private byte[]? _sameForEveryPage;

    /// <summary>The bytes written at the start of page <paramref name="pageIndex"/> (shared array when no byte is the index).</summary>
    public byte[] ForPage(int pageIndex)
    {
        if (_sameForEveryPage is { } same) return same;
        var bytes = new byte[Bytes.Count];
        var usesIndex = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            usesIndex |= Bytes[i] is null;
            bytes[i] = Bytes[i] ?? (byte)pageIndex;
        }

        if (!usesIndex) _sameForEveryPage = bytes;
        return bytes;
    }

    public bool IsEmpty => Bytes.Count == 0;

    public override string ToString() =>
        string.Join(' ', Bytes.Select(b => b is { } v ? v.ToString("x2") : "i"));

    public bool Equals(FillPattern? other) => other is not null && Bytes.SequenceEqual(other.Bytes);

    public override int GetHashCode() => Bytes.Aggregate(17, (h, b) => h * 31 + (b ?? 256));
}
