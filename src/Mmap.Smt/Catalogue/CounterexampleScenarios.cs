using System.Globalization;
using System.Text;
using Mmap.Smt.Models;
using Mmap.Smt.Proofs;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// Writes refuted conjectures' counterexamples as scenario files for the corpus (<c>smt-&lt;name&gt;.scenario</c>): the
/// seed's driver and device with the decoded request, the outcomes the SMT encoding predicts, and a comment
/// saying where the case came from and what was wrong with the conjecture.
/// </summary>
public static class CounterexampleScenarios
{
    public static CounterexampleScenario OnePagePrivate(CounterModel model)
    {
        var r = CounterexampleRequest.From(model);
        return Write("t2-per-page-remap-ok-iff-not-cow-any-n", r,
            "per-page remap_pfn_range succeeds iff the VMA is not CoW, for every page count N >= 1",
            $"a {r.Pages}-page {DomainText.MapFlags(r.MapFlags)} mapping is CoW (vm_flags {DomainText.Hex(model.Bits("vm_flags"))}), " +
            "yet its only per-page call covers the whole VMA, so remap_pfn_range succeeds: the claim needs N >= 2",
            new DriverChoice("remap-per-page", ChecksErrors: true, ClearsMayWrite: false),
            [
                Step.Mmap(r, "ok"),
                Step.Read(r.ReadOutcome),
            ],
            ["trace-count: 0 = -EINVAL"]);
    }

    public static CounterexampleScenario ReadOnlyIsCow(CounterModel model)
    {
        var r = CounterexampleRequest.From(model);
        return Write("c1-no-prot-write-means-not-cow", r,
            "a mapping requested without PROT_WRITE is not copy-on-write",
            $"{DomainText.MapFlags(r.MapFlags)} with prot {DomainText.Prot(r.Prot)} still gets VM_MAYWRITE without VM_SHARED " +
            $"(vm_flags {DomainText.Hex(model.Bits("vm_flags"))}), so it is CoW and a checking per-page driver fails mmap with EINVAL",
            new DriverChoice("remap-per-page", ChecksErrors: true, ClearsMayWrite: false),
            [Step.Mmap(r, "EINVAL")],
            ["trace-count: 1 = -EINVAL"]);
    }

    public static CounterexampleScenario ClearedMayWriteBlocksMprotect(CounterModel model)
    {
        var r = CounterexampleRequest.From(model);
        return Write("c2-cleared-maywrite-allows-mprotect-write", r,
            "after the driver clears VM_MAYWRITE, mprotect(PROT_READ|PROT_WRITE) still succeeds",
            "the VMA lacks VM_MAYWRITE, and mprotect refuses PROT_WRITE without it: EACCES (the price of the answer's third fix)",
            new DriverChoice("remap-per-page", ChecksErrors: true, ClearsMayWrite: true),
            [Step.Mmap(r, "ok"), Step.MprotectReadWrite(r, "EACCES")],
            []);
    }

    public static CounterexampleScenario ReadOnlySharedBlocksMprotect(CounterModel model)
    {
        var r = CounterexampleRequest.From(model);
        return Write("c3-shared-mapping-can-become-writable", r,
            "a successful MAP_SHARED mapping can always be made writable with mprotect",
            $"opened {DomainText.OpenMode(r.OpenMode)}, MAP_SHARED clears VM_MAYWRITE, so mprotect(PROT_READ|PROT_WRITE) is EACCES",
            new DriverChoice("remap-per-page", ChecksErrors: true, ClearsMayWrite: false),
            [Step.Mmap(r, "ok"), Step.MprotectReadWrite(r, "EACCES")],
            []);
    }

    private sealed record DriverChoice(string Method, bool ChecksErrors, bool ClearsMayWrite);

    private sealed record Step(string Text)
    {
        public static Step Mmap(CounterexampleRequest r, string outcome) => new(string.Create(CultureInfo.InvariantCulture,
            $"mmap VA length={r.Pages}p prot={DomainText.Prot(r.Prot)} flags={DomainText.MapFlags(r.MapFlags)} offset=0 => {outcome}"));

        public static Step Read(string outcome) => new($"read VA+0 char => {outcome}");

        public static Step MprotectReadWrite(CounterexampleRequest r, string outcome) => new(string.Create(CultureInfo.InvariantCulture,
            $"mprotect VA length={r.Pages}p prot=PROT_READ|PROT_WRITE => {outcome}"));
    }

    private static CounterexampleScenario Write(string theorem, CounterexampleRequest r, string conjecture, string wrong,
        DriverChoice driver, IReadOnlyList<Step> steps, IReadOnlyList<string> expectations)
    {
        var name = "smt-" + theorem;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Counterexample from the SMT catalogue entry '{theorem}' (mmapv prove), decoded from the solver's model.\n");
        text.Append(CultureInfo.InvariantCulture, $"# Conjecture: {conjecture}.\n");
        text.Append(CultureInfo.InvariantCulture, $"# Wrong because: {wrong}.\n");
        text.Append(CultureInfo.InvariantCulture, $"scenario: {name}\nkernel: 6.1\ndevice: /dev/maps0\n\n");
        text.Append("driver:\n  buffer: vmalloc pages=16\n  fill: dd cc bb aa\n");
        text.Append(CultureInfo.InvariantCulture, $"  mmap: {driver.Method}\n  prot: vm_page_prot\n");
        text.Append(CultureInfo.InvariantCulture, $"  check-errors: {(driver.ChecksErrors ? "yes" : "no")}\n  pgoff: ignore\n");
        text.Append(CultureInfo.InvariantCulture, $"  clear-maywrite: {(driver.ClearsMayWrite ? "yes" : "no")}\n\n");
        text.Append("program:\n");
        text.Append(CultureInfo.InvariantCulture, $"  open {DomainText.OpenMode(r.OpenMode)} => ok\n");
        foreach (var step in steps)
        {
            text.Append("  ").Append(step.Text).Append('\n');
        }
        if (expectations.Count > 0)
        {
            text.Append("\nexpect:\n");
            foreach (var e in expectations)
            {
                text.Append("  ").Append(e).Append('\n');
            }
        }
        return new CounterexampleScenario(name + ".scenario", text.ToString());
    }
}
