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

    public static Theorem AnonymousNeverReachesDriver()
    {
        const string name = "t3c-map-anonymous-never-reaches-driver";
        var q = new QueryBuilder(name).Comment("MAP_ANONYMOUS: ksys_mmap_pgoff takes the anonymous path, the fd is not used");
        var mmap = MmapInputs.Declare(q);
        return new Theorem(name,
            "A request with MAP_ANONYMOUS never calls the device's ->mmap, whatever the other flags, prot and open mode " +
            "(mm/mmap.c ksys_mmap_pgoff: \"if (!(flags & MAP_ANONYMOUS)) { file = fget(fd); ... }\").",
            ExpectedVerdict.Proved, q.Claim(mmap.MapFlags.HasAll(Bv.U32(0x20)).Implies(!mmap.Outcome.CallsDriver)));
    }

    public static Theorem LegacyFlagsAccepted()
    {
        const string name = "t3d-shared-validate-accepts-legacy-flags";
        var q = new QueryBuilder(name).Comment("MAP_SHARED_VALIDATE with LEGACY_MAP_MASK flags (include/linux/mman.h)");
        const uint validate = MapSharedValidate, map32 = 0x40, above4g = 0x80, huge1g = 30u << 26, huge2mb = 21u << 26, sync = MapSync;
        MmapOutcome Request(uint flags) => MmapInputs.Fixed(q, ProtRead | ProtWrite, flags, 2).Outcome;
        var above = Request(validate | above4g);
        var aboveOk = Model.Rules.Series.AtLeast6_12(q.Series)
            ? above.CallsDriver
            : above.Errno.Eq(Bv.U8(EOPNOTSUPP));
        return new Theorem(name,
            "With O_RDWR and PROT_READ|PROT_WRITE, MAP_SHARED_VALIDATE|MAP_32BIT, |MAP_HUGE_2MB and |MAP_HUGE_1GB reach the " +
            "driver (they are in LEGACY_MAP_MASK); MAP_SHARED_VALIDATE|MAP_SYNC is EOPNOTSUPP (a char device supports no " +
            "extra flags); MAP_SHARED_VALIDATE|MAP_ABOVE4G is EOPNOTSUPP on 6.1 and reaches the driver from 6.3 on; MAP_HUGETLB on " +
            "the device is EINVAL (ksys_mmap_pgoff).",
            ExpectedVerdict.Proved,
            q.Claim(Request(validate | map32).CallsDriver & Request(validate | huge2mb).CallsDriver & Request(validate | huge1g).CallsDriver
                & Request(validate | sync).Errno.Eq(Bv.U8(EOPNOTSUPP)) & aboveOk
                & Request(MapShared | 0x40000).Errno.Eq(Bv.U8(EINVAL))));
    }

    public static Theorem SharedIsNeverCow()
    {
        const string name = "t3b-map-shared-never-cow";
        var q = new QueryBuilder(name).Comment("MAP_SHARED / MAP_SHARED_VALIDATE => never CoW");
        var mmap = MmapInputs.Declare(q);
        var type = mmap.MapFlags & Bv.U32(MapTypeMask);
        var isShared = type.Eq(Bv.U32(MapShared)) | type.Eq(Bv.U32(MapSharedValidate));
        var fmodeWrite = (mmap.OpenMode & Bv.U32(3)).Eq(Bv.U32(1)) | (mmap.OpenMode & Bv.U32(3)).Eq(Bv.U32(2));
        var flags = mmap.Outcome.Flags;
        var readOnlyWrite = MmapInputs.Fixed(q, ProtRead | ProtWrite, MapShared, 0).Outcome;
        return new Theorem(name,
            "A successful MAP_SHARED or MAP_SHARED_VALIDATE mapping is never CoW: with FMODE_WRITE it has VM_SHARED|VM_MAYSHARE, " +
            "without it neither VM_SHARED nor VM_MAYWRITE (but VM_MAYSHARE); and PROT_WRITE with MAP_SHARED on an O_RDONLY fd is EACCES.",
            ExpectedVerdict.Proved, q.Claim((isShared & mmap.Outcome.Succeeds).Implies(!CowEncoding.IsCowMapping(flags)
                & fmodeWrite.Implies(flags.HasAll(Bv.U64(VmShared | VmMayShare)))
                & (!fmodeWrite).Implies(flags.HasNone(Bv.U64(VmShared | VmMayWrite)) & flags.HasAll(Bv.U64(VmMayShare))))
                & readOnlyWrite.Errno.Eq(Bv.U8(EACCES))));
    }
}
