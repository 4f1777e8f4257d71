namespace Mmap.Pictures.Facts;

/// <summary>
/// The address space after each step of the program: one row per step, each VMA as a span of pages on an axis
/// shared by all rows (<see cref="Regions"/>), so a split, a hole or a new mapping shows as a change between rows.
/// </summary>
public sealed record TimelineFact(IReadOnlyList<TimelineRegion> Regions, IReadOnlyList<TimelineRow> Rows);

/// <summary>A run of virtual pages that some VMA covered at some step, named from the nearest mapping base (VA+0x2000).</summary>
public sealed record TimelineRegion(string Label, ulong StartPage, ulong Pages);

/// <summary>One step and the VMAs left after it.</summary>
public sealed record TimelineRow(int Number, string Step, string Actual, Tone Tone, IReadOnlyList<TimelineVma> Vmas);

/// <summary>
/// One VMA after a step: its pages [StartPage, EndPage), /proc maps permissions, which pages have a PTE, and which of
/// those map an anonymous page (a CoW copy).
/// </summary>
public sealed record TimelineVma(string Label, ulong StartPage, ulong EndPage, string Permissions, IReadOnlyList<ulong> PtePages, IReadOnlyList<ulong> AnonPages);
