using Mmap.Model;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;

namespace Mmap.Pictures.Facts;

/// <summary>Reads a finished run (its final machine, steps and trace) into the facts a picture shows.</summary>
public static class FactsBuilder
{
    /// <summary>At most this many pages of a VMA or of the buffer are drawn; the rest are summarised.</summary>
    public const int MaxCells = 16;

    public static PictureFacts Build(RunResult result)
    {
        var machine = result.Machine;
        var frames = new FrameNames(machine);
        var marks = PageMarks.Collect(result);
        var drawn = new HashSet<ulong>();

        var stories = DriverCalls.Collect(machine.Trace);
        var mappings = new List<MappingFact>();
        for (var i = 0; i < stories.Count; i++)
        {
            var story = stories[i];
            var last = !stories.Skip(i + 1).Any(s => s.Label == story.Label);
            var vmas = last && story.Address is { } baseAddress
                ? machine.Mm.Vmas.Where(v => v.Label == story.Label)
                    .Select(v => Vma(machine, v, baseAddress, frames, marks, drawn)).ToList()
                : new List<VmaFact>();
            mappings.Add(new MappingFact(story.Label, story.Request, story.Inside, story.Result, vmas));
        }

        var steps = result.Steps.Select((s, i) =>
            new StepFact(i + 1, ScenarioWriter.StepText(s.Step), s.Actual, s.Step.Expected?.Text, s.Passed, s.Step is Scenarios.ReadStep)).ToList();
        var stray = marks.Where(m => m.Page is not { } p || !drawn.Contains(p)).Select(m => m.Mark).ToList();
        var title = $"{result.Scenario.Name} · Linux {result.Scenario.Kernel.ToDisplay()} · {result.Scenario.Device}";
        var expectations = result.Expectations.Select(e => new ExpectationFact(e.Expectation.ToString(), e.Passed, e.MatchingLines)).ToList();
        return new PictureFacts(title, DriverSection.Describe(result.Scenario), result.Passed, Why(steps, expectations), steps, expectations,
            TimelineBuilder.Build(result), mappings, Buffer(machine, frames), stray);
    }

    /// <summary>What made the run FAIL: each step whose outcome was not the expected one, each expectation that did not hold.</summary>
    public static IReadOnlyList<string> Why(IEnumerable<StepFact> steps, IEnumerable<ExpectationFact> expectations) =>
        steps.Where(s => !s.Passed).Select(s => $"step #{s.Number} '{s.Text}' gave {s.Actual}, expected {s.Expected}")
            .Concat(expectations.Where(e => !e.Passed).Select(e => $"'{e.Text}' does not hold: {e.MatchingLines} trace line{(e.MatchingLines == 1 ? "" : "s")} match"))
            .ToList();

    private static VmaFact Vma(Machine machine, Vma vma, ulong baseAddress, FrameNames frames, IReadOnlyList<PageMarks.Placed> marks, HashSet<ulong> drawn)
    {
        string Symbolic(ulong address) => $"{vma.Label}+0x{address - baseAddress:x}";

        var shown = vma.Pages > MaxCells ? MaxCells - 1 : vma.Pages;
        var pages = new List<PageFact>();
        for (ulong i = 0; i < shown; i++)
        {
            var address = vma.Start + (i << PageGeometry.PageShift);
            drawn.Add(address);
            var accesses = marks.Where(m => m.Page == address).Select(m => m.Mark).ToList();
            pages.Add(machine.Mm.PteAt(address) is { } pte
                ? new PageFact(Symbolic(address), frames.Frame(pte.Pfn), pte.Prot.ToString(), FrameNames.Kind(pte.Kind), frames.Bytes(pte.Pfn), accesses)
                : new PageFact(Symbolic(address), null, null, null, null, accesses));
        }

        var hiddenStart = vma.Start + (shown << PageGeometry.PageShift);
        var hiddenPtes = (ulong)machine.Mm.Ptes.Keys.Count(k => k >= hiddenStart && k < vma.End);
        var ops = vma.Ops switch
        {
            VmOps.DriverFault => "driver vm_ops with ->fault",
            VmOps.Dummy => "no ->fault (dummy vm_ops)",
            _ => "anonymous (vm_ops NULL)",
        };
        return new VmaFact(
            vma.Label,
            $"[{Symbolic(vma.Start)}, {Symbolic(vma.End)})",
            Model.Proc.ProcMaps.Permissions(vma.Flags),
            vma.Pages,
            vma.Flags.ToHex(),
            FlagNames.Of(vma.Flags),
            vma.Flags.IsCowMapping(),
            frames.PgOff(vma.PgOff),
            vma.PageProt.ToString(),
            ops,
            pages,
            vma.Pages - shown,
            hiddenPtes);
    }

    private static BufferFact Buffer(Machine machine, FrameNames frames)
    {
        var buffer = machine.Buffer;
        var mappedBy = machine.Mm.Ptes.Values.GroupBy(p => p.Pfn).ToDictionary(g => g.Key, g => g.Count());
        int Mapped(ulong pfn) => mappedBy.TryGetValue(pfn, out var n) ? n : 0;

        var shown = buffer.PageCount > MaxCells ? MaxCells - 1 : buffer.PageCount;
        var pages = buffer.Pfns.Take(shown).Select(pfn => new BufferPageFact(frames.Frame(pfn), frames.Bytes(pfn), Mapped(pfn))).ToList();
        var kind = buffer.Kind == Model.Memory.BufferKind.Kmalloc
            ? buffer.IsSlab ? "kmalloc (slab), physically contiguous" : "kmalloc, physically contiguous"
            : "vmalloc, physically scattered";
        var description = $"device buffer: {kind}, {buffer.PageCount} pages";
        return new BufferFact(description, pages, buffer.PageCount - shown, buffer.Pfns.Skip(shown).Count(p => Mapped(p) > 0));
    }
}
