using Mmap.Smt.Encoding;
using Mmap.Smt.Queries;
using Mmap.Smt.Terms;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// The symbolic inputs of a user's mmap of the device: prot, map flags and the open mode, as free constants
/// named <c>prot</c>, <c>map_flags</c>, <c>open_mode</c>, and the encoded outcome.
/// </summary>
public sealed record MmapInputs(BitVec<W32> Prot, BitVec<W32> MapFlags, BitVec<W32> OpenMode, MmapOutcome Outcome)
{
    public const string ProtSymbol = "prot", MapFlagsSymbol = "map_flags", OpenModeSymbol = "open_mode";

    /// <summary>Every input value: any 32-bit prot, map flags and open flags.</summary>
    public static MmapInputs Declare(QueryBuilder q)
    {
        var prot = q.BitVec<W32>(ProtSymbol);
        var mapFlags = q.BitVec<W32>(MapFlagsSymbol);
        var openMode = q.BitVec<W32>(OpenModeSymbol);
        return new MmapInputs(prot, mapFlags, openMode, MmapEncoding.Compute(prot, mapFlags, openMode, q.Series));
    }

    /// <summary>
    /// Only inputs a scenario file can spell, and readable like the question's: prot is PROT_READ plus any of
    /// PROT_WRITE|PROT_EXEC, the map type alone, and O_RDONLY, O_WRONLY or O_RDWR. Used by conjectures whose
    /// counterexamples go to the corpus.
    /// </summary>
    public static MmapInputs DeclareScenarioDomain(QueryBuilder q)
    {
        var inputs = Declare(q);
        q.Assume(inputs.Prot.HasNone(Bv.U32(~(ProtRead | ProtWrite | ProtExec))) & inputs.Prot.HasAll(Bv.U32(ProtRead)));
        q.Assume(inputs.MapFlags.Eq(Bv.U32(MapShared)) | inputs.MapFlags.Eq(Bv.U32(MapPrivate)) | inputs.MapFlags.Eq(Bv.U32(MapSharedValidate)));
        q.Assume(inputs.OpenMode.Ule(Bv.U32(2)));
        return inputs;
    }

    /// <summary>A fixed request, e.g. the seed's PROT_READ, MAP_PRIVATE, O_RDONLY.</summary>
    public static MmapInputs Fixed(QueryBuilder q, uint prot, uint mapFlags, uint openMode) =>
        new(Bv.U32(prot), Bv.U32(mapFlags), Bv.U32(openMode), MmapEncoding.Compute(Bv.U32(prot), Bv.U32(mapFlags), Bv.U32(openMode), q.Series));
}
