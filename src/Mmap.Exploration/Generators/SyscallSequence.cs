using Microsoft.FSharp.Core;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Scenarios;

namespace Mmap.Exploration.Generators;

/// <summary>A driver, an open mode and a sequence of user calls: the stateful properties' input.</summary>
[StructuredFormatDisplay("{CounterexampleFile}")]
public sealed record SyscallSequence(DriverStrategy Driver, OpenFlags Open, IReadOnlyList<UserCall> Calls) : IScenarioCase
{
    public Scenario ToScenario() => new()
    {
        Name = "generated",
        Driver = Driver,
        Steps = new Step[] { new OpenStep(Open) }.Concat(Calls.Select(c => c.ToStep())).ToList(),
    };

    /// <summary>Whether every call names a mapping an earlier MapCall made (the scenario language requires it).</summary>
    public bool IsWellFormed()
    {
        var mapped = new HashSet<string>();
        foreach (var call in Calls)
        {
            var name = call switch { MapCall m => null, AccessCall a => a.Name, ProtectCall p => p.Name, UnmapCall u => u.Name, _ => null };
            if (name is not null && !mapped.Contains(name)) return false;
            if (call is MapCall map && !mapped.Add(map.Name)) return false;
        }

        return true;
    }

    /// <summary>Calls on VB before VB is mapped go to VA instead.</summary>
    public SyscallSequence Normalized()
    {
        var vbMapped = false;
        var calls = Calls.Where((call, i) => call is not MapCall { Name: "VB" } || !Calls.Take(i).Any(c => c is MapCall { Name: "VB" })).Select(call =>
        {
            if (call is MapCall { Name: "VB" }) vbMapped = true;
            if (vbMapped) return call;
            return call switch
            {
                AccessCall { Name: "VB" } a => a with { Name = "VA" },
                ProtectCall { Name: "VB" } p => p with { Name = "VA" },
                UnmapCall { Name: "VB" } u => u with { Name = "VA" },
                _ => call,
            };
        }).ToList();
        return this with { Calls = calls };
    }

    public string CounterexampleFile => CounterexampleText.Marked(this);

    public override string ToString() =>
        $"{Driver.Method} {Driver.Pages}p, {Model.Tracing.KernelNames.Spell(Open)}: " + string.Join("; ", Calls);
}
