using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Tests.Differential;

/// <summary>Seeded generators of concrete inputs, biased towards the values where the rules change.</summary>
internal sealed class RandomInputs(int seed)
{
    private readonly Random random = new(seed);

    private static readonly uint[] ExtraMapFlags =
        [MapGrowsDown, MapLocked, MapNoReserve, MapSync, 0x40000 /* HUGETLB */, 0x800, 0x1000, 0x10000, 0x20000, 0x40 /* 32BIT */, 0x400000];

    private static readonly ulong[] InterestingVmFlags =
        [VmRead, VmWrite, VmExec, VmShared, VmMayRead, VmMayWrite, VmMayExec, VmMayShare, VmPat, VmIo, VmPfnMap, VmDontExpand,
         VmDontDump, VmAccount, VmNoReserve, 0x00400000 /* HUGETLB */, VmGrowsDown, 0x08000000 /* SOFTDIRTY */];

    public bool Chance(int percent) => random.Next(100) < percent;

    public uint Prot() => (uint)random.Next(8) | (Chance(10) ? (uint)random.Next() & ~7u & ~0x03000000u : 0);

    public uint MapFlags()
    {
        var type = Chance(80) ? (uint)random.Next(1, 4) : (uint)random.Next(16);
        foreach (var extra in ExtraMapFlags)
        {
            if (Chance(8)) type |= extra;
        }
        return type;
    }

    public uint OpenMode() => (uint)random.Next(Chance(90) ? 3 : 4) | (Chance(10) ? 0x101000u : 0);

    public ulong VmFlags()
    {
        var flags = 0UL;
        foreach (var bit in InterestingVmFlags)
        {
            if (Chance(40)) flags |= bit;
        }
        if (Chance(10)) flags |= (ulong)random.NextInt64() & 0x0000_00ff_f000_0000UL;
        return flags;
    }

    public ulong Page(ulong maxPages) => (ulong)random.NextInt64(0, (long)maxPages + 1) << PageShift;

    public ulong Below(ulong max) => (ulong)random.NextInt64(0, (long)max);

    public ulong Pfn() => Chance(50) ? Below(1UL << 20) : Below(1UL << 40);

    public ulong Misalign(ulong value) => Chance(10) ? value + (ulong)random.Next(1, (int)PageSize) : value;

    public uint MprotectProt()
    {
        var prot = (uint)random.Next(16);
        if (Chance(5)) prot |= 0x10;
        if (Chance(5)) prot |= 0x02000000;
        if (Chance(3)) prot |= 0x03000000;
        return prot;
    }
}
