using Mmap.Smt.Encoding;
using Mmap.Smt.Proofs;
using Mmap.Smt.Queries;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>Catalogue item 3: the map type decides CoW, whatever the open mode and prot.</summary>
public static class MapTypeTheorems
{
    public static Theorem PrivateIsCow()
    {
        const string name = "t3a-map-private-is-cow";
        var q = new QueryBuilder(name).Comment("MAP_PRIVATE => CoW, for every open mode and prot");
        var mmap = MmapInputs.Declare(q);
        var isPrivate = (mmap.MapFlags & Bv.U32(MapTypeMask)).Eq(Bv.U32(MapPrivate));
        var readable = (mmap.OpenMode & Bv.U32(3)).Eq(Bv.U32(0)) | (mmap.OpenMode & Bv.U32(3)).Eq(Bv.U32(2));
        var plainRequest = mmap.MapFlags.Eq(Bv.U32(MapPrivate));
        // Every successful private mapping is CoW; and with no extra flags it succeeds for every readable fd and prot.
        var claim = (isPrivate & mmap.Outcome.Succeeds).Implies(CowEncoding.IsCowMapping(mmap.Outcome.Flags))
            & (plainRequest & readable).Implies(mmap.Outcome.Succeeds);
        return new Theorem(name,
            "A successful MAP_PRIVATE mapping is CoW for every open mode and prot (VM_MAYWRITE is always set); a plain " +
            "MAP_PRIVATE request succeeds for every readable fd and every prot.",
            ExpectedVerdict.Proved, q.Claim(claim));
    }

    public static Theorem SharedIsNeverCow()
    {
        const string name = "t3b-map-shared-never-cow";
        var q = new QueryBuilder(name).Comment("MAP_SHARED / MAP_SHARED_VALIDATE => never CoW");
        var mmap = MmapInputs.Declare(q);
        var type = mmap.MapFlags & Bv.U32(MapTypeMask);
        var isShared = type.Eq(Bv.U32(MapShared)) | type.Eq(Bv.U32(MapSharedValidate));
        return new Theorem(name,
            "A successful MAP_SHARED or MAP_SHARED_VALIDATE mapping is never CoW: with FMODE_WRITE it has VM_SHARED, " +
            "without it VM_MAYWRITE is cleared.",
            ExpectedVerdict.Proved, q.Claim((isShared & mmap.Outcome.Succeeds).Implies(!CowEncoding.IsCowMapping(mmap.Outcome.Flags))));
    }
}
