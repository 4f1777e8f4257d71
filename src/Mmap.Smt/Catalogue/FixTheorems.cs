using Mmap.Smt.Encoding;
using Mmap.Smt.Proofs;
using Mmap.Smt.Queries;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// Catalogue item 4: each of the answer's three fixes makes the seed driver's mapping work (open O_RDONLY,
/// PROT_READ, per-page remap_pfn_range over a vmalloc buffer), with the 16 calls unrolled.
/// </summary>
public static class FixTheorems
{
    public static Theorem Fix1MapShared()
    {
        const string name = "t4a-fix1-map-shared-maps-every-page";
        var q = new QueryBuilder(name).Comment("fix 1: mmap the whole area with MAP_SHARED");
        var mmap = MmapInputs.Fixed(q, ProtRead, MapShared, 0);
        var run = SeedDriver.PerPage(q, mmap.Outcome.Flags, SeedDriver.Pages, clearMayWrite: false);
        return new Theorem(name,
            "Fix 1: with MAP_SHARED (O_RDONLY, PROT_READ, 16 pages) mmap passes, the VMA is not CoW and all 16 per-page calls succeed.",
            ExpectedVerdict.Proved,
            q.Claim(mmap.Outcome.Succeeds & !CowEncoding.IsCowMapping(mmap.Outcome.Flags) & run.AllSucceeded));
    }

    public static Theorem Fix2SinglePagePrivate()
    {
        const string name = "t4b-fix2-single-page-private-is-mapped";
        var q = new QueryBuilder(name).Comment("fix 2: mmap single pages separately with MAP_PRIVATE");
        var mmap = MmapInputs.Fixed(q, ProtRead, MapPrivate, 0);
        var run = SeedDriver.PerPage(q, mmap.Outcome.Flags, 1, clearMayWrite: false);
        return new Theorem(name,
            "Fix 2: a one-page MAP_PRIVATE mapping is CoW, and its single remap_pfn_range call (the whole VMA) succeeds " +
            "and sets vm_pgoff to the pfn.",
            ExpectedVerdict.Proved,
            q.Claim(mmap.Outcome.Succeeds & CowEncoding.IsCowMapping(mmap.Outcome.Flags) & run.AllSucceeded & run.After.PgOff.Eq(run.Pfns[0])));
    }

    public static Theorem Fix3ClearMayWrite()
    {
        const string name = "t4c-fix3-clear-maywrite-maps-every-page";
        var q = new QueryBuilder(name).Comment("fix 3: the driver clears VM_MAYWRITE before mapping");
        var mmap = MmapInputs.Fixed(q, ProtRead, MapPrivate, 0);
        var run = SeedDriver.PerPage(q, mmap.Outcome.Flags, SeedDriver.Pages, clearMayWrite: true);
        var mprotect = MprotectEncoding.Call(run.After.Flags, Bv.U32(ProtRead | ProtWrite));
        return new Theorem(name,
            "Fix 3: MAP_PRIVATE with a driver that clears VM_MAYWRITE is not CoW, all 16 per-page calls succeed, and a later " +
            "mprotect(PROT_READ|PROT_WRITE) fails with EACCES.",
            ExpectedVerdict.Proved,
            q.Claim(mmap.Outcome.Succeeds & !CowEncoding.IsCowMapping(run.After.Flags) & run.AllSucceeded
                & mprotect.Errno.Eq(Bv.U8(EACCES))));
    }
}
