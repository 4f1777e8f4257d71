using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Scenarios;

namespace Mmap.Properties.Tests.Generators;

/// <summary>A driver, an open mode and a sequence of user calls: the stateful properties' input.</summary>
public sealed record SyscallSequence(DriverStrategy Driver, OpenFlags Open, IReadOnlyList<UserCall> Calls) : IScenarioCase
{
    public Scenario ToScenario() => new()
    {
        Name = "generated",
        Driver = Driver,
        Steps = new Step[] { new OpenStep(Open) }.Concat(Calls.Select(c => c.ToStep())).ToList(),
    };

    public override string ToString() =>
        $"{Driver.Method} {Driver.Pages}p, {Model.Tracing.KernelNames.Spell(Open)}: " + string.Join("; ", Calls);
}
