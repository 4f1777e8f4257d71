using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;
using Mmap.Smt.Models;
using Mmap.Smt.Proofs;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// Turns refuted conjectures' counterexamples into corpus scenarios (<c>smt-&lt;name&gt;.scenario</c>), written with
/// the scenario writer: the seed's device, buffer and fill with the decoded request, the outcomes the SMT
/// encoding predicts, and comments saying where the case came from and what was wrong with the conjecture.
/// </summary>
public static class CounterexampleScenarios
{
    public const string FilePrefix = "smt-";

    /// <summary>The end of a per-page remap_pfn_range trace line, before its result.</summary>
    private const string RemapCall = "0x1000, vm_page_prot)";

    public static CounterexampleScenario OnePagePrivate(CounterModel model)
    {
        var r = CounterexampleRequest.From(model);
        return Write("t2-per-page-remap-ok-iff-not-cow-any-n", r,
            "per-page remap_pfn_range succeeds iff the VMA is not CoW, for every page count N >= 1",
            $"a {r.Pages}-page {DomainText.MapFlags(r.MapFlags)} mapping is CoW (vm_flags {DomainText.Hex(model.Bits("vm_flags"))}),",
            "yet its only per-page call covers the whole VMA, so remap_pfn_range succeeds: the claim needs N >= 2.",
            Driver(checksErrors: true, clearsMayWrite: false),
            [Mmap(r, "ok"), new ReadStep(new AddressRef("VA", 0), ValueType.Char) { Expected = new ExpectedOutcome(r.ReadOutcome) }],
            [new TraceExpectation(TraceExpectationKind.Count, RemapCall + " = 0", (int)r.Pages)]);
    }

    public static CounterexampleScenario ReadOnlyIsCow(CounterModel model)
    {
        var r = CounterexampleRequest.From(model);
        return Write("c1-no-prot-write-means-not-cow", r,
            "a mapping requested without PROT_WRITE is not copy-on-write",
            $"{DomainText.MapFlags(r.MapFlags)} with {DomainText.Prot(r.Prot)} still has VM_MAYWRITE and no VM_SHARED (vm_flags {DomainText.Hex(model.Bits("vm_flags"))}),",
            "so it is CoW: the first per-page call fails and a checking driver makes mmap fail with EINVAL.",
            Driver(checksErrors: true, clearsMayWrite: false),
            [Mmap(r, "EINVAL")],
            [new TraceExpectation(TraceExpectationKind.Count, RemapCall + " = -EINVAL", 1)]);
    }

    public static CounterexampleScenario ClearedMayWriteBlocksMprotect(CounterModel model)
    {
        var r = CounterexampleRequest.From(model);
        return Write("c2-cleared-maywrite-allows-mprotect-write", r,
            "after the driver clears VM_MAYWRITE, mprotect(PROT_READ|PROT_WRITE) still succeeds",
            "the VMA lacks VM_MAYWRITE and mprotect refuses PROT_WRITE without it:",
            "EACCES, the price of the answer's third fix.",
            Driver(checksErrors: true, clearsMayWrite: true),
            [Mmap(r, "ok"), MprotectReadWrite(r, "EACCES")],
            []);
    }

    public static CounterexampleScenario ReadOnlySharedBlocksMprotect(CounterModel model)
    {
        var r = CounterexampleRequest.From(model);
        return Write("c3-shared-mapping-can-become-writable", r,
            "a successful MAP_SHARED mapping can always be made writable with mprotect",
            $"opened {DomainText.OpenMode(r.OpenMode)}, MAP_SHARED clears VM_MAYWRITE,",
            "so mprotect(PROT_READ|PROT_WRITE) fails with EACCES.",
            Driver(checksErrors: true, clearsMayWrite: false),
            [Mmap(r, "ok"), MprotectReadWrite(r, "EACCES")],
            []);
    }

    private static DriverStrategy Driver(bool checksErrors, bool clearsMayWrite) => DriverStrategy.Seed with
    {
        Limit = null,
        Method = MappingMethod.RemapPerPage,
        ChecksErrors = checksErrors,
        ClearsMayWrite = clearsMayWrite,
    };

    private static MmapStep Mmap(CounterexampleRequest r, string outcome) =>
        new("VA", r.Pages << Encoding.KernelConstants.PageShift, (Prot)r.Prot, (MapFlags)r.MapFlags, 0, null) { Expected = new ExpectedOutcome(outcome) };

    private static MprotectStep MprotectReadWrite(CounterexampleRequest r, string outcome) =>
        new(new AddressRef("VA", 0), r.Pages << Encoding.KernelConstants.PageShift, Prot.Read | Prot.Write) { Expected = new ExpectedOutcome(outcome) };

    private static CounterexampleScenario Write(string theorem, CounterexampleRequest r, string conjecture, string wrong, string wrongContinued,
        DriverStrategy driver, IReadOnlyList<Step> program, IReadOnlyList<TraceExpectation> expectations)
    {
        var name = FilePrefix + theorem;
        var scenario = new Scenario
        {
            Name = name,
            Device = "/dev/maps0",
            Comments =
            [
                $"Counterexample found by the SMT catalogue entry '{theorem}' (mmapv prove), decoded from the solver's model.",
                $"Conjecture: {conjecture}.",
                $"Wrong because: {wrong}",
                wrongContinued,
            ],
            Driver = driver,
            Steps = [new OpenStep((OpenFlags)r.OpenMode) { Expected = new ExpectedOutcome("ok") }, .. program],
            Expectations = expectations,
        };
        return new CounterexampleScenario(name + ".scenario", ScenarioWriter.Write(scenario));
    }
}
