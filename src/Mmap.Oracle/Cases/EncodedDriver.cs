namespace Mmap.Oracle.Cases;

/// <summary>
/// A driver strategy as the integers of one row of the generated module's case table.
/// <see cref="BufferKind"/>, <see cref="Method"/>, <see cref="Prot"/>, <see cref="Pgoff"/> and <see cref="Fops"/> are
/// the model's enum values (the C gets their names as BUF_*, M_*, REMAP_PROT_*, PGOFF_* and FOPS_* macros from the
/// same enums). <see cref="Fill"/> holds bytes 0..255, or
/// <see cref="FillPageIndex"/> for "the page index".
/// </summary>
public sealed record EncodedDriver(
    int BufferKind,
    int Pages,
    IReadOnlyList<int> Fill,
    int LimitPages,
    int LimitErrno,
    int Method,
    int Prot,
    int CheckErrors,
    int Pgoff,
    int ClearMayWrite,
    int Fops)
{
    /// <summary>A fill byte that stands for the page index (FILL_PAGE_INDEX in C).</summary>
    public const int FillPageIndex = -1;

    public bool Equals(EncodedDriver? other) =>
        other is not null && BufferKind == other.BufferKind && Pages == other.Pages && Fill.SequenceEqual(other.Fill)
        && LimitPages == other.LimitPages && LimitErrno == other.LimitErrno && Method == other.Method
        && Prot == other.Prot && CheckErrors == other.CheckErrors && Pgoff == other.Pgoff
        && ClearMayWrite == other.ClearMayWrite && Fops == other.Fops;

    public override int GetHashCode() => HashCode.Combine(BufferKind, Pages, Method, Fill.Count);
}
