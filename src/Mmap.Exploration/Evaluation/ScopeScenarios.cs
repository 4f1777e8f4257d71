using Mmap.Exploration.Scope;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Scenarios;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Exploration.Evaluation;

/// <summary>A scope point written as a scenario: the same calls <see cref="PointEvaluator"/> makes.</summary>
public static class ScopeScenarios
{
    public static Scenario ToScenario(ScopePoint point, string? name = null)
    {
        var m = point.Mapping;
        var va = new AddressRef(PointEvaluator.MappingName, 0);
        var steps = new List<Step>
        {
            new OpenStep(m.Open),
            new MmapStep(PointEvaluator.MappingName, m.Length, m.Prot, m.Type, m.Offset, null),
        };
        switch (point.Action)
        {
            case UserAction.ReadEachPage:
                for (var page = 0; page < m.Pages; page++)
                    steps.Add(new ReadStep(va with { Offset = (ulong)page << PageGeometry.PageShift }, ValueType.Char));
                break;
            case UserAction.WriteFirstPage:
                steps.Add(new WriteStep(va, ValueType.U8, 0x5a));
                break;
            case UserAction.ProtectThenWrite:
                steps.Add(new MprotectStep(va, m.Length, Prot.Read | Prot.Write));
                steps.Add(new WriteStep(va, ValueType.U8, 0x5a));
                break;
            case UserAction.UnmapFirstThenRead:
                steps.Add(new MunmapStep(va, PageGeometry.PageSize));
                steps.Add(new ReadStep(va, ValueType.Char));
                break;
        }

        return new Scenario
        {
            Name = name ?? $"{point.Driver.Name}-{point.Action.Name()}",
            Driver = point.Driver.Strategy,
            Steps = steps,
        };
    }
}
