using Mmap.Smt.Queries;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// The environment inputs of the model's rules, declared as free Booleans so every query names them, and the
/// named premises that fix them where a theorem needs it.
/// </summary>
public sealed record Premises(BoolTerm MemtypeConflict, BoolTerm PtePresent)
{
    public const string MemtypeSymbol = "memtype_conflict", PteSymbol = "pte_present";

    /// <summary>Free inputs: the claim must hold for both values of each.</summary>
    public static Premises Free(QueryBuilder q, string suffix = "") =>
        new(q.Bool(MemtypeSymbol + suffix), q.Bool(PteSymbol + suffix));

    /// <summary>
    /// The driver maps RAM (kmalloc/vmalloc pages): PAT never reports a memtype conflict; and the VMA is fresh from
    /// mmap_region (MAP_FIXED unmapped what was there), so no PTE exists in the range before the driver's calls.
    /// </summary>
    public static Premises RamIntoFreshVma(QueryBuilder q, string suffix = "")
    {
        var p = Free(q, suffix);
        q.Premise("pfns-are-ram" + suffix, "the pfns are RAM, so track_pfn_remap finds no PAT memtype conflict (MMIO under another memtype would fail with EINVAL)", !p.MemtypeConflict);
        q.Premise("no-pte-before" + suffix, "no PTE is present in the call's range before it (a fresh VMA; otherwise BUG_ON(!pte_none))", !p.PtePresent);
        return p;
    }
}
