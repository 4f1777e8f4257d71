using Mmap.Smt.Proofs;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// Every catalogue entry in order: the items (t1–t8), further theorems (x…) and refuted conjectures (c…).
/// </summary>
public static class TheoremCatalogue
{
    public static IReadOnlyList<Theorem> All { get; } =
    [
        PerPageTheorems.FromMmap(),
        PerPageTheorems.AnyFlags(),
        PerPageTheorems.WithoutTwoPages(),
        MapTypeTheorems.PrivateIsCow(),
        MapTypeTheorems.SharedIsNeverCow(),
        FixTheorems.Fix1MapShared(),
        FixTheorems.Fix2SinglePagePrivate(),
        FixTheorems.Fix3ClearMayWrite(),
        RemapTheorems.WholeVmaPassesCowCheck(),
        RemapTheorems.SuccessOnlyAddsFlags(),
        DriverErrorTheorems.IgnoredErrorsLeaveNoPte(),
        DriverErrorTheorems.CheckedErrorsFailMmap(),
        PrintfTheorems.CharAndU32(),
        RemapTheorems.PreservesCow(),
        RemapTheorems.CowIgnoresVmWrite(),
        RemapTheorems.FailureChangesNothingButPat(),
        RemapTheorems.SizeZeroIsBugUnlessCow(),
        MprotectTheorems.PrivateCanAlwaysBecomeWritable(),
        MprotectTheorems.EaccesIffMissingMayBit(),
        Conjectures.NoProtWriteMeansNotCow(),
        Conjectures.ClearedMayWriteAllowsMprotectWrite(),
        Conjectures.SharedMappingCanBecomeWritable(),
    ];

    public static Theorem Named(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"no catalogue entry '{name}'");
}
