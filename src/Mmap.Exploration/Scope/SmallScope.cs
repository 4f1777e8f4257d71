using Mmap.Model.Kernel;

namespace Mmap.Exploration.Scope;

/// <summary>
/// The bounded scope the exhaustive mode enumerates (Alloy's small-scope idea): every open mode × map type
/// × prot × page count × offset × driver × action list. Enumeration order is fixed, so results are reproducible.
/// </summary>
public sealed record SmallScope(
    IReadOnlyList<NamedDriver> Drivers,
    IReadOnlyList<UserAction> Actions,
    int MaxPages = 64,
    int MaxOffsetPages = 63)
{
    public static readonly IReadOnlyList<OpenFlags> OpenModes = [OpenFlags.ReadOnly, OpenFlags.WriteOnly, OpenFlags.ReadWrite];

    public static readonly IReadOnlyList<MapFlags> MapTypes = [MapFlags.Private, MapFlags.Shared, MapFlags.SharedValidate];

    public static readonly IReadOnlyList<Prot> Prots = [Prot.None, Prot.Read, Prot.Write, Prot.Read | Prot.Write, Prot.Read | Prot.Exec];

    /// <summary>Every driver of the catalogue with every action list, pages 1..64, offsets 0..63.</summary>
    public static SmallScope Full { get; } = new(NamedDriver.Catalogue, Enum.GetValues<UserAction>());

    /// <summary>The rows of the matrix: open mode × map type × prot.</summary>
    public static IEnumerable<(OpenFlags Open, MapFlags Type, Prot Prot)> Rows() =>
        from open in OpenModes from type in MapTypes from prot in Prots select (open, type, prot);

    public long Count => (long)Drivers.Count * Actions.Count * OpenModes.Count * MapTypes.Count * Prots.Count * MaxPages * (MaxOffsetPages + 1);

    public IEnumerable<ScopePoint> Points()
    {
        foreach (var driver in Drivers)
        foreach (var action in Actions)
        foreach (var row in Rows())
        foreach (var point in RowPoints(driver, action, row))
            yield return point;
    }

    /// <summary>One row of one driver's matrix: every page count × offset, in enumeration order.</summary>
    public IEnumerable<ScopePoint> RowPoints(NamedDriver driver, UserAction action, (OpenFlags Open, MapFlags Type, Prot Prot) row)
    {
        for (var pages = 1; pages <= MaxPages; pages++)
        for (var offset = 0; offset <= MaxOffsetPages; offset++)
            yield return new ScopePoint(driver, new UserMapping(row.Open, row.Type, row.Prot, pages, offset), action);
    }
}
