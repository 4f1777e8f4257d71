using Microsoft.FSharp.Core;
using FsCheck;
using FsCheck.Fluent;
using Mmap.Exploration.Checks;
using Mmap.Exploration.Scope;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;
using Mmap.Exploration.Generators;
using Mmap.Properties.Tests.Runner;
using Mmap.Scenarios;
using Xunit;

namespace Mmap.Properties.Tests.Properties;

/// <summary>
/// The mmap path: vm_flags derivation against the reference table R2.3 (expected values copied from the reference)
/// and errno precedence in the kernel's order (R2.1) when several checks would fail at once.
/// </summary>
public sealed class MmapPathProperties
{
    [Fact]
    public void FlagDerivationMatchesTheReferenceTable()
    {
        foreach (var (open, type, prot, flags, error, cow) in ReferenceRules.Table)
        {
            var run = ScenarioRuns.Run(new MappingCase(DriverStrategy.Seed, new UserMapping(open, type, prot, 1, 0), UserAction.ReadEachPage).ToScenario());
            var row = $"{KernelNames.Spell(open)} {KernelNames.Spell(type)} {KernelNames.Spell(prot)}";
            var entered = run.Trace.Events.OfType<DriverMmapEntered>().SingleOrDefault();
            if (error is { } errno)
            {
                Assert.True(errno.ToString() == ScenarioRuns.MmapOutcome(run), $"{row}: expected {errno}, got {ScenarioRuns.MmapOutcome(run)}");
                Assert.Null(entered);
                continue;
            }

            Assert.True(entered is not null, $"{row}: the driver was not called");
            Assert.True((ulong)entered.Flags == flags, $"{row}: vm_flags {entered.Flags.ToHex()}, reference 0x{flags:x}");
            Assert.Equal(cow, entered.Flags.IsCowMapping());
        }
    }

    [Property]
    public void FlagDerivationMatchesTheReferenceFormula(UserMapping mapping)
    {
        var run = ScenarioRuns.Run(new MappingCase(DriverStrategy.Seed with { Limit = null, Pages = 64 }, mapping, UserAction.ReadEachPage).ToScenario());
        var entered = run.Trace.Events.OfType<DriverMmapEntered>().SingleOrDefault();
        var expectedErrno = ReferenceRules.PreDriverErrno(mapping.Open, mapping.Type, mapping.Prot);
        if (expectedErrno is { } errno)
        {
            Assert.Equal(errno.ToString(), ScenarioRuns.MmapOutcome(run));
            Assert.Null(entered);
        }
        else
        {
            Assert.NotNull(entered);
            Assert.Equal($"0x{ReferenceRules.PreDriverVmFlags(mapping.Open, mapping.Type, mapping.Prot):x}", entered.Flags.ToHex());
        }
    }

    /// <summary>Faults a request can carry at once, in the order R2.1 checks them, each with its errno.</summary>
    public enum MmapFault { UnalignedOffset, ClosedFd, ZeroLength, BadMapType, SharedWriteWithoutFModeWrite, WriteOnlyFd, NoMmapMethod, OverDriverLimit }

    [StructuredFormatDisplay("{CounterexampleFile}")]
    public sealed record FaultyRequest(IReadOnlyList<MmapFault> Faults, MapFlags SharedType) : IScenarioCase
    {
        private bool Has(MmapFault f) => Faults.Contains(f);

        /// <summary>R2.1: the first fault in the kernel's check order decides; a bad map type is EINVAL before any f_mode test.</summary>
        public string ExpectedErrno()
        {
            if (Has(MmapFault.UnalignedOffset)) return "EINVAL";
            if (Has(MmapFault.ClosedFd)) return "EBADF";
            if (Has(MmapFault.ZeroLength)) return "EINVAL";
            if (Has(MmapFault.BadMapType)) return "EINVAL";
            if (Has(MmapFault.SharedWriteWithoutFModeWrite) && !Has(MmapFault.WriteOnlyFd)) return "EACCES";
            if (Has(MmapFault.WriteOnlyFd)) return "EACCES";
            if (Has(MmapFault.NoMmapMethod)) return "ENODEV";
            if (Has(MmapFault.OverDriverLimit)) return "EIO";
            return "ok";
        }

        public Scenario ToScenario()
        {
            var open = Has(MmapFault.WriteOnlyFd) ? OpenFlags.WriteOnly : OpenFlags.ReadOnly;
            var type = Has(MmapFault.BadMapType) ? (MapFlags)0 : Has(MmapFault.SharedWriteWithoutFModeWrite) ? SharedType : MapFlags.Private;
            var prot = Has(MmapFault.SharedWriteWithoutFModeWrite) ? Prot.Read | Prot.Write : Prot.Read;
            var length = Has(MmapFault.ZeroLength) ? 0UL : Has(MmapFault.OverDriverLimit) ? 17UL << 12 : 1UL << 12;
            var offset = Has(MmapFault.UnalignedOffset) ? 0x800UL : 0;
            var steps = new List<Step> { new OpenStep(open) };
            if (Has(MmapFault.ClosedFd)) steps.Add(new CloseStep());
            steps.Add(new MmapStep("VA", length, prot, type, offset, null));
            var driver = DriverStrategy.Seed with { Method = Has(MmapFault.NoMmapMethod) ? MappingMethod.None : MappingMethod.RemapPerPage };
            return new Scenario { Name = "errno-order", Driver = driver, Steps = steps };
        }

        public string CounterexampleFile => CounterexampleText.Marked(this);

        public override string ToString() => string.Join("+", Faults) + (Faults.Contains(MmapFault.SharedWriteWithoutFModeWrite) ? $" ({SharedType})" : "");
    }

    public static class FaultyRequests
    {
        public static Arbitrary<FaultyRequest> Arbitrary() => Arb.From(
            from faults in Gen.SubListOf(Enum.GetValues<MmapFault>())
            from type in Gen.Elements(MapFlags.Shared, MapFlags.SharedValidate)
            select new FaultyRequest(faults, type),
            r => Shrinking.RemoveOne(r.Faults).Select(f => r with { Faults = f }));
    }

    [Property(Arbitrary = [typeof(FaultyRequests)], MaxTest = 300)]
    public void ErrnoPrecedenceFollowsTheKernelOrder(FaultyRequest request)
    {
        var run = ScenarioRuns.Run(request.ToScenario());
        Assert.Equal(request.ExpectedErrno(), ScenarioRuns.MmapOutcome(run));
    }
}
