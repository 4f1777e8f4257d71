using System.Globalization;
using Mmap.Model.Kernel;
using Mmap.Smt.Encoding;
using Mmap.Smt.Models;
using Mmap.Smt.Solving;
using Mmap.Smt.Solving.Backends;
using Mmap.Smt.Terms;
using Xunit;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Tests.Differential;

/// <summary>
/// Trust in the encoding: for 12 000 seeded random concrete inputs, Z3 evaluates the SMT encoding (one batch of
/// get-value commands per function family) and the executable model computes the same thing; any difference
/// fails with the input printed.
/// </summary>
public sealed class EncodingMatchesModelTests : IDisposable
{
    private const int Seed = 20240613;
    private readonly InProcessZ3Solver z3 = new();
    private static readonly SolverLimits Limits = SolverLimits.Default.WithTimeout(TimeSpan.FromSeconds(60));

    [Fact]
    public void Mmap_flag_path_matches_the_model_on_4000_inputs()
    {
        var random = new RandomInputs(Seed);
        var inputs = Enumerable.Range(0, 4000).Select(_ => (Prot: random.Prot(), Flags: random.MapFlags(), Open: random.OpenMode())).ToList();
        var terms = inputs.SelectMany(i => new[] { U32(i.Prot), U32(i.Flags), U32(i.Open) } is var args
            ? new[] { EncodingFunctions.MmapErrno.Apply(args), EncodingFunctions.MmapFlags.Apply(args) }
            : []).ToList();
        var values = z3.Evaluate(EncodingFunctions.Definitions, terms, Limits);
        var mismatches = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (prot, flags, open) = inputs[i];
            var smtErrno = Bits(values[2 * i]);
            var smtFlags = Bits(values[2 * i + 1]);
            var model = ModelAnswers.Mmap(prot, flags, open);
            // The flags only matter when the driver is called.
            if (smtErrno != model.Errno || (model.Errno == 0 && smtFlags != model.Flags))
            {
                mismatches.Add(Inv($"mmap prot=0x{prot:x} flags=0x{flags:x} open=0x{open:x}: smt errno={smtErrno} flags=0x{smtFlags:x}, model errno={model.Errno} flags=0x{model.Flags:x}"));
            }
        }
        AssertNone(mismatches);
    }

    [Theory]
    [InlineData(KernelVersion.Linux6_1)]
    [InlineData(KernelVersion.Linux6_12)]
    [InlineData(KernelVersion.Linux7_3)]
    public void Remap_pfn_range_matches_the_model_on_5000_inputs(KernelVersion series)
    {
        var random = new RandomInputs(Seed + 1);
        var remap = EncodingFunctions.RemapOn[series];
        var inputs = new List<ulong[]>();
        for (var n = 0; n < 5000; n++)
        {
            var pages = (ulong)random.Below(16) + 1;
            var start = ModelAnswers.MappingStart + random.Page(1UL << 20);
            var end = start + (pages << PageShift);
            var whole = random.Chance(30);
            var addr = random.Misalign(whole ? start : start + random.Page(pages + 1));
            var size = whole ? pages << PageShift : random.Chance(10) ? random.Below(PageSize) : random.Misalign(random.Page(pages));
            inputs.Add([start, end, random.VmFlags(), random.Pfn(), addr, random.Pfn(), size]);
        }
        var terms = inputs.SelectMany(i => i.Select(U64).ToArray() is var args
            ? new[] { remap.Code.Apply(args), remap.Flags.Apply(args), remap.PgOff.Apply(args) }
            : []).ToList();
        var values = z3.Evaluate(EncodingFunctions.Definitions, terms, Limits);
        var mismatches = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var x = inputs[i];
            var smt = (Code: (byte)Bits(values[3 * i]), Flags: Bits(values[3 * i + 1]), PgOff: Bits(values[3 * i + 2]));
            var model = ModelAnswers.Remap(series, x[0], x[1], x[2], x[3], x[4], x[5], x[6]);
            var same = smt.Code == model.Code && (smt.Code == KernelBug || (smt.Flags == model.Flags && smt.PgOff == model.PgOff));
            if (!same)
            {
                mismatches.Add(Inv($"{series.ToDisplay()} remap vma=[0x{x[0]:x},0x{x[1]:x}) flags=0x{x[2]:x} pgoff=0x{x[3]:x} addr=0x{x[4]:x} pfn=0x{x[5]:x} size=0x{x[6]:x}: smt code={smt.Code} flags=0x{smt.Flags:x} pgoff=0x{smt.PgOff:x}, model code={model.Code} flags=0x{model.Flags:x} pgoff=0x{model.PgOff:x}"));
            }
        }
        AssertNone(mismatches);
    }

    [Fact]
    public void Mprotect_and_is_cow_match_the_model_on_3000_inputs()
    {
        var random = new RandomInputs(Seed + 2);
        var inputs = Enumerable.Range(0, 3000).Select(_ => (Flags: random.VmFlags() & ~VmGrowsDown, Prot: random.MprotectProt(), Pages: random.Below(4) + 1)).ToList();
        var terms = inputs.SelectMany(i => new Term[]
        {
            EncodingFunctions.MprotectErrno.Apply(U64(i.Flags), U32(i.Prot)),
            EncodingFunctions.MprotectFlags.Apply(U64(i.Flags), U32(i.Prot)),
            EncodingFunctions.IsCow.Apply(U64(i.Flags)),
        }).ToList();
        var values = z3.Evaluate(EncodingFunctions.Definitions, terms, Limits);
        var mismatches = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (flags, prot, pages) = inputs[i];
            var smt = (Errno: (byte)Bits(values[3 * i]), Flags: Bits(values[3 * i + 1]), Cow: ((SmtValue.BoolValue)values[3 * i + 2]).Value);
            var model = ModelAnswers.Mprotect(flags, prot, pages);
            var modelCow = ((VmFlags)flags).IsCowMapping();
            if (smt.Errno != model.Errno || smt.Flags != model.Flags || smt.Cow != modelCow)
            {
                mismatches.Add(Inv($"mprotect vm_flags=0x{flags:x} prot=0x{prot:x} pages={pages}: smt errno={smt.Errno} flags=0x{smt.Flags:x} cow={smt.Cow}, model errno={model.Errno} flags=0x{model.Flags:x} cow={modelCow}"));
            }
        }
        AssertNone(mismatches);
    }

    [Fact]
    public void Encoding_constants_equal_the_model_enums()
    {
        Assert.Equal((ulong)VmFlagMasks.Remap, VmRemapFlags);
        Assert.Equal((ulong)VmFlags.MayWrite, VmMayWrite);
        Assert.Equal((ulong)VmFlags.Shared, VmShared);
        Assert.Equal((ulong)VmFlags.Pat, VmPat);
        Assert.Equal((ulong)VmFlags.Account, VmAccount);
        Assert.Equal((ulong)VmFlags.NoReserve, VmNoReserve);
        Assert.Equal((uint)Model.Kernel.MapFlagMasks.Legacy, MapLegacyMask);
        Assert.Equal((byte)Errno.EOPNOTSUPP, EOPNOTSUPP);
    }

    private static BitVec<W32> U32(uint value) => BitVec<W32>.Const(value);

    private static BitVec<W64> U64(ulong value) => BitVec<W64>.Const(value);

    private static ulong Bits(SmtValue value) => ((SmtValue.BitVecValue)value).Value;

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void AssertNone(List<string> mismatches) =>
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} differences between the SMT encoding and the model, e.g.:\n" + string.Join("\n", mismatches.Take(10)));

    public void Dispose() => z3.Dispose();
}
