namespace Mmap.Oracle.Cases;

/// <summary>
/// A driver strategy as the integers of one row of the generated module's case table.
/// <see cref="Fill"/> holds bytes 0..255, or -1 for "the page index".
/// </summary>
public sealed record EncodedDriver(
    int BufferKind,
    int Pages,
    IReadOnlyList<int> Fill,
    int LimitPages,
    int LimitErrno,
    int Method,
    int PageShared,
    int CheckErrors,
    int PgoffHonour,
    int ClearMayWrite,
    int LabFops)
{
    public const int Kmalloc = 0;
    public const int Vmalloc = 1;

    public const int RemapWhole = 0;
    public const int RemapPerPage = 1;
    public const int InsertPage = 2;
    public const int MapPages = 3;
    public const int Fault = 4;
    public const int FaultPfn = 5;
    public const int NoMmap = 6;

    public bool Equals(EncodedDriver? other) =>
        other is not null && BufferKind == other.BufferKind && Pages == other.Pages && Fill.SequenceEqual(other.Fill)
        && LimitPages == other.LimitPages && LimitErrno == other.LimitErrno && Method == other.Method
        && PageShared == other.PageShared && CheckErrors == other.CheckErrors && PgoffHonour == other.PgoffHonour
        && ClearMayWrite == other.ClearMayWrite && LabFops == other.LabFops;

    public override int GetHashCode() => HashCode.Combine(BufferKind, Pages, Method, Fill.Count);
}
