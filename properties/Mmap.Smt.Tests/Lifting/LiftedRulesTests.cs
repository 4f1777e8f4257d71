using Mmap.Model.Kernel;
using Mmap.Model.Rules;
using Mmap.Model.Syscalls;
using Mmap.Smt.Lifting;
using Xunit;

namespace Mmap.Smt.Tests.Lifting;

/// <summary>
/// The rules run on the model's concrete words and on the proofs' lifted words give the same answers: with constant
/// inputs the lifted evaluation folds to a constant, which must equal the concrete result (fixed seed).
/// </summary>
public sealed class LiftedRulesTests
{
    private static readonly ulong[] Interesting =
    [
        0, 1, 2, 3, 4, 7, 8, 0x20, 0x28, 0x40, 0x80, 0xfff, 0x1000, 0x1fff, 0x2000, 0x4000, 0x40000, 0x54000000, 0x78000000,
        0x7f0000000000, 0x7f0000010000, 0x7ffffffff000, ulong.MaxValue, ulong.MaxValue - 0xfff,
    ];

    private static ulong Pick(Random random) =>
        random.Next(3) == 0 ? Interesting[random.Next(Interesting.Length)] : (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);

    [Theory]
    [InlineData(KernelVersion.Linux6_1)]
    [InlineData(KernelVersion.Linux6_12)]
    [InlineData(KernelVersion.Linux7_3)]
    public void Remap_rule_folds_to_the_concrete_answer_on_3000_constant_inputs(KernelVersion series)
    {
        var random = new Random(13);
        for (var i = 0; i < 3000; i++)
        {
            ulong start = Pick(random) & ~0xfffUL, pages = (ulong)random.Next(1, 8), flags = Pick(random), pgoff = Pick(random);
            var end = start + (pages << 12);
            var addr = random.Next(2) == 0 ? start + ((ulong)random.Next(0, (int)pages) << 12) : Pick(random);
            var size = random.Next(2) == 0 ? (ulong)random.Next(0, 9) << 12 : Pick(random);
            bool conflict = random.Next(5) == 0, pte = random.Next(5) == 0;
            var concrete = RemapRules.CallOn<Word, Bit>(series, Word.Of(start), Word.Of(end), Word.Of(flags), Word.Of(pgoff), Word.Of(addr), Word.Of((ulong)i), Word.Of(size), Bit.Of(conflict), Bit.Of(pte));
            var lifted = RemapRules.CallOn<SymWord, SymBit>(series, SymWord.Of(start), SymWord.Of(end), SymWord.Of(flags), SymWord.Of(pgoff), SymWord.Of(addr), SymWord.Of((ulong)i), SymWord.Of(size), SymBit.Of(conflict), SymBit.Of(pte));
            var inputs = $"start=0x{start:x} end=0x{end:x} flags=0x{flags:x} addr=0x{addr:x} size=0x{size:x} conflict={conflict} pte={pte}";
            Assert.True(concrete.Code.Value == lifted.Code.Constant, inputs);
            Assert.True(concrete.VmFlags.Value == lifted.VmFlags.Constant, inputs);
            Assert.True(concrete.PgOff.Value == lifted.PgOff.Constant, inputs);
            Assert.True(concrete.End.Value == lifted.End.Constant, inputs);
            Assert.True(concrete.Step.Value == lifted.Step.Constant, inputs);
        }
    }

    [Fact]
    public void Mmap_rule_folds_to_the_concrete_answer_on_3000_constant_inputs_for_every_series()
    {
        var random = new Random(1313);
        for (var i = 0; i < 3000; i++)
        {
            ulong prot = (uint)Pick(random), flags = (uint)Pick(random), open = (uint)random.Next(0, 8);
            if (random.Next(2) == 0) flags = (flags & ~0x4002fUL) | (uint)random.Next(1, 4);
            foreach (var series in Enum.GetValues<KernelVersion>())
            {
                var concrete = MmapRules.DeviceRequest<Word, Bit>(Word.Of(prot), Word.Of(flags), Word.Of(open), Bit.True, series);
                var lifted = MmapRules.DeviceRequest<SymWord, SymBit>(SymWord.Of(prot), SymWord.Of(flags), SymWord.Of(open), SymBit.Of(true), series);
                var inputs = $"prot=0x{prot:x} flags=0x{flags:x} open={open} series={series}";
                Assert.True(concrete.Errno.Value == lifted.Errno.Constant, inputs);
                Assert.True(concrete.VmFlags.Value == lifted.VmFlags.Constant, inputs);
                Assert.True(concrete.CallsDriver.Value == lifted.CallsDriver.Constant, inputs);
            }
        }
    }

    [Fact]
    public void Known_bits_keep_the_cow_test_on_the_origin_across_remap_calls()
    {
        var flags0 = new SymWord(Symbol("flags0"));
        var failed = new SymBit(Mmap.Smt.Terms.BoolTerm.True) & SymBit.Of(true);
        var after = SymWord.Ite(Bool("failed"), flags0 & SymWord.Of(~(ulong)VmFlags.Pat), flags0 | SymWord.Of((ulong)VmFlagMasks.Remap));
        var cow = CowRules.IsCowMapping<SymWord, SymBit>(after);
        Assert.Equal("(= (bvand flags0 #x0000000000000028) #x0000000000000020)", cow.Term.Smt);
        Assert.True(failed.Constant);
    }

    private static Mmap.Smt.Terms.BitVec<Mmap.Smt.Terms.W64> Symbol(string name)
    {
        var q = new Mmap.Smt.Queries.QueryBuilder("lifting-test");
        return q.BitVec<Mmap.Smt.Terms.W64>(name);
    }

    private static SymBit Bool(string name) => new(new Mmap.Smt.Queries.QueryBuilder("lifting-test-bool").Bool(name));
}

/// <summary>The shared errors issue 13 found, fixed in the model's rules (the proofs use the same code).</summary>
public sealed class MapFlagRulesTests
{
    private const MapFlags Map32Bit = (MapFlags)0x40, Above4G = (MapFlags)0x80, Huge2Mb = (MapFlags)(21u << 26), Huge1Gb = (MapFlags)(30u << 26);

    [Theory]
    [InlineData(Map32Bit)]
    [InlineData(Huge2Mb)]
    [InlineData(Huge1Gb)]
    public void Shared_validate_accepts_map_32bit_and_the_huge_size_bits_on_every_series(MapFlags extra)
    {
        foreach (var series in Enum.GetValues<KernelVersion>())
        {
            var (error, _, _) = MmapFlagsCalculation.FileMapping(Prot.Read | Prot.Write, MapFlags.SharedValidate | extra, VmFlagMasks.May, OpenFlags.ReadWrite, true, series);
            Assert.Null(error);
        }
    }

    [Fact]
    public void Map_above4g_joins_the_legacy_mask_after_6_1()
    {
        Assert.Equal(Errno.EOPNOTSUPP, MmapFlagsCalculation.FileMapping(Prot.Read, MapFlags.SharedValidate | Above4G, VmFlagMasks.May, OpenFlags.ReadWrite, true, KernelVersion.Linux6_1).Error);
        Assert.Null(MmapFlagsCalculation.FileMapping(Prot.Read, MapFlags.SharedValidate | Above4G, VmFlagMasks.May, OpenFlags.ReadWrite, true, KernelVersion.Linux6_12).Error);
    }

    [Fact]
    public void Map_stack_sets_vm_nohugepage_from_6_12_on()
    {
        Assert.Equal(VmFlags.None, MmapFlagsCalculation.Initial(Prot.Read, MapFlags.Private | MapFlags.Stack, KernelVersion.Linux6_1) & VmFlags.NoHugePage);
        Assert.Equal(VmFlags.NoHugePage, MmapFlagsCalculation.Initial(Prot.Read, MapFlags.Private | MapFlags.Stack, KernelVersion.Linux6_12) & VmFlags.NoHugePage);
    }

    [Fact]
    public void Map_shared_validate_with_map_sync_is_eopnotsupp_for_a_char_device()
    {
        Assert.Equal(Errno.EOPNOTSUPP, MmapFlagsCalculation.FileMapping(Prot.Read, MapFlags.SharedValidate | MapFlags.Sync, VmFlagMasks.May, OpenFlags.ReadWrite, true, KernelVersion.Linux6_1).Error);
    }

    [Fact]
    public void Map_anonymous_never_reaches_the_driver()
    {
        var d = MmapRules.DeviceRequest<Word, Bit>(Word.Of((ulong)Prot.Read), Word.Of((ulong)(MapFlags.Private | MapFlags.Anonymous)), Word.Of(0), Bit.True, KernelVersion.Linux6_1);
        Assert.False(d.CallsDriver.Value);
    }
}
