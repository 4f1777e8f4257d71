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

    public byte[] ForPage(int pageIndex) => Bytes.Select(b => b ?? (byte)pageIndex).ToArray();

    public bool IsEmpty => Bytes.Count == 0;

    public override string ToString() =>
        string.Join(' ', Bytes.Select(b => b is { } v ? v.ToString("x2") : "i"));

    public bool Equals(FillPattern? other) => other is not null && Bytes.SequenceEqual(other.Bytes);

    public override int GetHashCode() => Bytes.Aggregate(17, (h, b) => h * 31 + (b ?? 256));
}
