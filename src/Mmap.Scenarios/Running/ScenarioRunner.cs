using Mmap.Model;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Syscalls;
using Mmap.Model.Tracing;

namespace Mmap.Scenarios.Running;

/// <summary>
/// Runs a scenario's program on a fresh model machine, step by step, and checks every expectation.
/// Steps that use a mapping whose mmap failed, and every step after a kernel BUG, do not run.
/// </summary>
public sealed class ScenarioRunner
{
    private readonly Scenario _scenario;
    private readonly Machine _machine;
    private readonly Dictionary<string, ulong> _addresses = new();
    private readonly Dictionary<string, ulong> _lengths = new();
    private readonly List<string> _mapsLines = new();

    private ScenarioRunner(Scenario scenario)
    {
        // A file that names several series, or states outcomes per series, runs here on its Kernel only.
        _scenario = scenario.Kernels.Count != 1 || scenario.Kernels[0] != scenario.Kernel
                    || scenario.Steps.Any(s => s.Expected?.PerSeries is not null) || scenario.Expectations.Any(e => e.Kernels is not null)
            ? scenario.On(scenario.Kernel)
            : scenario;
        _machine = new Machine(_scenario.Driver, _scenario.Kernel, _scenario.Device);
    }

    public static RunResult Run(Scenario scenario) => new ScenarioRunner(scenario).Execute();

    private RunResult Execute()
    {
        var steps = new List<StepResult>(_scenario.Steps.Count);
        string? limitError = null;
        foreach (var step in _scenario.Steps)
        {
            if (limitError is not null)
            {
                steps.Add(new StepResult(step, StepResult.NotRun));
                continue;
            }

            steps.Add(new StepResult(step, _machine.IsDead ? StepResult.NotRun : Perform(step)));
            if (_machine.Trace.Events.Count > Limits.MaxTraceEvents)
            {
                limitError = $"line {step.Line}: the trace has {_machine.Trace.Events.Count} events, more than the limit of {Limits.MaxTraceEvents}; the steps after it did not run";
            }
        }

        if (limitError is not null)
        {
            return new RunResult(_scenario, _machine, steps, [], _addresses, _mapsLines) { LimitError = limitError };
        }

        // Rendering the trace is the costly part of a run: only do it when the file asks about the trace.
        var lines = _scenario.Expectations.Count == 0 ? Array.Empty<string>() : TraceRenderer.ComparableLines(_machine.Trace.Events);
        var expectations = _scenario.Expectations
            .Select(e => ExpectationResult.Of(e, lines))
            .ToList();
        return new RunResult(_scenario, _machine, steps, expectations, _addresses, _mapsLines);
    }

    private string Perform(Step step)
    {
        switch (step)
        {
            case OpenStep o:
                return Outcome(DeviceFileSyscalls.Open(_machine, o.Flags));
            case CloseStep:
                return Outcome(DeviceFileSyscalls.Close(_machine));
            case MmapStep m:
                return Mmap(m);
            case ReadStep r:
                return Resolve(r.Address) is { } ra
                    ? UserMemory.Read(_machine, ra, r.Type).Render(AccessKind.Read, r.Type)
                    : StepResult.NotRun;
            case WriteStep w:
                return Resolve(w.Address) is { } wa
                    ? UserMemory.Write(_machine, wa, w.Type, w.Value).Render(AccessKind.Write, w.Type)
                    : StepResult.NotRun;
            case MprotectStep p:
                return Resolve(p.Address) is { } pa ? Outcome(MprotectSyscall.Mprotect(_machine, pa, p.Length, p.Prot)) : StepResult.NotRun;
            case MunmapStep u:
                return Resolve(u.Address) is { } ua ? Outcome(MunmapSyscall.Munmap(_machine, ua, u.Length)) : StepResult.NotRun;
            case CheckStep c:
                return CheckMapping(c);
            case FdWriteStep fw:
                return Count(DeviceFileSyscalls.Write(_machine, fw.Length, fw.Pattern));
            case FdReadStep fr:
                return Count(DeviceFileSyscalls.Read(_machine, fr.Length));
            case CheckBufferStep cb:
                return CheckBuffer(cb.Pattern);
            case MapsStep:
                _mapsLines.AddRange(ProcFiles.Maps(_machine));
                return "ok";
            case ProcTotalStep:
                ProcFiles.ProcTotal(_machine);
                return "ok";
            default:
                throw new InvalidOperationException("unknown step " + step.GetType().Name);
        }
    }

    private string Mmap(MmapStep m)
    {
        ulong hint = 0;
        if (m.Address is { } a)
        {
            if (Resolve(a) is not { } resolved) return StepResult.NotRun;
            hint = resolved;
        }

        var result = MmapSyscall.Mmap(_machine, new MmapRequest(m.Name, hint, m.Length, m.Prot, m.Flags, m.Offset));
        if (result.Succeeded)
        {
            _addresses[m.Name] = result.Value;
            _lengths[m.Name] = PageGeometry.Align(m.Length);
        }

        return Outcome(result);
    }

    /// <summary>The lab test's loop: bytes 0..n of every page of the mapping must equal the pattern.</summary>
    private string CheckMapping(CheckStep c)
    {
        if (!_addresses.TryGetValue(c.Mapping, out var start)) return StepResult.NotRun;
        var pages = _lengths[c.Mapping] >> PageGeometry.PageShift;
        var all = "matched";
        for (ulong page = 0; page < pages; page++)
        {
            var address = start + (page << PageGeometry.PageShift);
            var pattern = c.Pattern ?? _scenario.Driver.Fill.ForPage((int)page);
            var seen = new List<byte>();
            var unknown = false;
            foreach (var i in Enumerable.Range(0, pattern.Count))
            {
                var outcome = UserMemory.Read(_machine, address + (ulong)i, Model.Faults.ValueType.UChar, trace: false);
                // A byte the model does not know (memory past a vmalloc buffer's first page): the program reads on.
                if (outcome.Kind == OutcomeKind.UnknownValue)
                {
                    unknown = true;
                    continue;
                }

                if (outcome.Kind != OutcomeKind.Done)
                {
                    var text = outcome.Render(AccessKind.Read, Model.Faults.ValueType.UChar);
                    _machine.Trace.Add(new PageChecked(address, text));
                    return text;
                }

                seen.Add((byte)outcome.Value);
            }

            if (unknown)
            {
                all = "?";
                _machine.Trace.Add(new PageChecked(address, "?"));
                continue;
            }

            var matched = seen.SequenceEqual(pattern);
            if (!matched && all == "matched") all = "mismatch";
            _machine.Trace.Add(new PageChecked(address, matched ? "matched" : string.Join(' ', seen.Select(b => "0x" + b.ToString("x")))));
        }

        return all;
    }

    private string CheckBuffer(IReadOnlyList<byte> pattern)
    {
        var buffer = _machine.UserBuffer;
        var all = "matched";
        for (var offset = 0; offset < buffer.Length; offset += (int)PageGeometry.PageSize)
        {
            var seen = buffer.Skip(offset).Take(pattern.Count).ToArray();
            var matched = seen.SequenceEqual(pattern);
            if (!matched) all = "mismatch";
            _machine.Trace.Add(new BufferChecked((ulong)offset, matched ? "matched" : string.Join(' ', seen.Select(b => "0x" + b.ToString("x")))));
        }

        return buffer.Length == 0 && pattern.Count > 0 ? "mismatch" : all;
    }

    private ulong? Resolve(AddressRef address) =>
        _addresses.TryGetValue(address.Mapping, out var start) ? start + address.Offset : null;

    private static string Outcome(SyscallResult result) =>
        result.KernelBug ? "BUG" : result.Error is { } e ? e.ToString() : "ok";

    private static string Count(SyscallResult result) =>
        result.Error is { } e ? e.ToString() : result.Value.ToString();
}
