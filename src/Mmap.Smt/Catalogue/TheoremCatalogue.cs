using Mmap.Model.Kernel;
using Mmap.Smt.Proofs;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// Every catalogue entry in order: the headline (h…), the items (t1–t8), further theorems (x…) and refuted
/// conjectures (c…). Each entry is built from the model's rules of every kernel series the model supports
/// (<see cref="CatalogueSeries.All"/>): where the queries are the same text the entry is checked once for all of them;
/// where a rule differs between series, the entry appears once per series (name suffixed with the series), so a
/// rule difference shows which theorem holds where.
/// </summary>
public static class TheoremCatalogue
{
    private static readonly IReadOnlyList<Func<Theorem>> Entries =
    [
        HeadlineTheorems.Induction,
        HeadlineTheorems.Unrolled,
        PerPageTheorems.FromMmap,
        PerPageTheorems.AnyFlags,
        PerPageTheorems.WithoutTwoPages,
        MapTypeTheorems.PrivateIsCow,
        MapTypeTheorems.SharedIsNeverCow,
        MapTypeTheorems.AnonymousNeverReachesDriver,
        MapTypeTheorems.LegacyFlagsAccepted,
        FixTheorems.Fix1MapShared,
        FixTheorems.Fix2SinglePagePrivate,
        FixTheorems.Fix3ClearMayWrite,
        RemapTheorems.WholeVmaPassesCowCheck,
        RemapTheorems.SuccessOnlyAddsFlags,
        DriverErrorTheorems.IgnoredErrorsLeaveNoPte,
        DriverErrorTheorems.CheckedErrorsFailMmap,
        PrintfTheorems.CharAndU32,
        RemapTheorems.PreservesCow,
        RemapTheorems.CowIgnoresVmWrite,
        RemapTheorems.FailureChangesNothingButPat,
        RemapTheorems.SizeZeroIsBugUnlessCow,
        RemapTheorems.MmioConflictFailsEverywhere,
        RemapTheorems.PresentPteIsBug,
        RemapTheorems.MisalignedAddressFails,
        RemapTheorems.CowRefusesPartialRange,
        InsertTheorems.InsertPageOnRemappedVmaIsBug,
        InsertTheorems.InsertPfnOnCowPfnMapIsBug,
        MprotectTheorems.PrivateCanAlwaysBecomeWritable,
        MprotectTheorems.EaccesIffMissingMayBit,
        Conjectures.NoProtWriteMeansNotCow,
        Conjectures.ClearedMayWriteAllowsMprotectWrite,
        Conjectures.SharedMappingCanBecomeWritable,
    ];

    public static IReadOnlyList<Theorem> All { get; } = Build();

    public static Theorem Named(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"no catalogue entry '{name}'");

    private static List<Theorem> Build()
    {
        var all = new List<Theorem>();
        foreach (var entry in Entries)
        {
            var perSeries = CatalogueSeries.All.Select(series =>
            {
                using (CatalogueSeries.Use(series)) return entry();
            }).ToList();
            if (perSeries.All(t => t.Query.Body == perSeries[0].Query.Body))
            {
                all.Add(perSeries[0] with { Series = CatalogueSeries.All });
                continue;
            }
            foreach (var t in perSeries)
            {
                var name = $"{t.Name}-on-{SeriesSlug(t.Query.Series)}";
                all.Add(t with { Name = name, Family = t.Name, Query = t.Query with { Name = name }, Series = [t.Query.Series] });
            }
        }
        return all;
    }

    /// <summary>6.1 → linux-6-1 (query names are lower-case letters, digits and '-').</summary>
    public static string SeriesSlug(KernelVersion series) => "linux-" + series.ToDisplay().Replace('.', '-');
}
