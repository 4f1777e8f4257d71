using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;
using Mmap.Oracle.Cases;
using Mmap.Scenarios;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Oracle.Logs;

/// <summary>
/// Rebuilds the model's trace events from what the real kernel and the user program logged for one case:
/// raw addresses and pfns go into the events unchanged, and the model's <see cref="TraceRenderer"/> makes
/// them symbolic, so both traces are rendered by the same code. Driver records (K) that follow a user
/// record happened inside that step and are placed before its result, as the model orders them.
/// </summary>
public sealed partial class KernelTraceBuilder
{
    // Signal numbers and si_codes the program reports (x86-64 Linux); the generated C checks them against <signal.h>.
    public const int SigBus = 7;
    public const int SigSegv = 11;
    public const int BusAdrErr = 2;
    public const int SegvMapErr = 1;
    public const int SegvAccErr = 2;
    /// <summary>SEGV_PKUERR: a protection key denied the access (include/uapi/asm-generic/siginfo.h).</summary>
    public const int SegvPkuErr = 4;

    private readonly Scenario scenario;
    private readonly EncodedCase encoded;
    private readonly List<TraceEvent> events = new();
    private readonly Dictionary<int, string> replacements = new();
    private readonly ulong[] bases = new ulong[StepEncoder.MaxSlots];
    private readonly ulong[] lengths = new ulong[StepEncoder.MaxSlots];
    private ulong? previousTotal;
    private readonly string[] outcomes;

    private KernelTraceBuilder(Scenario scenario, EncodedCase encoded)
    {
        this.scenario = scenario;
        this.encoded = encoded;
        outcomes = Enumerable.Repeat(Mmap.Scenarios.Running.StepResult.NotRun, scenario.Steps.Count).ToArray();
    }

    public static KernelTrace Build(Scenario scenario, EncodedCase encoded, CaseLog log) =>
        new KernelTraceBuilder(scenario, encoded).Run(log);

    private KernelTrace Run(CaseLog log)
    {
        var records = log.Records.Where(r => r.Source != 'D').ToList();
        var position = 0;

        // Module "load": the case's buffer and its pfn table.
        var pfns = new List<ulong>();
        while (position < records.Count && (records[position].Is(LogProtocol.Loaded) || records[position].Is(LogProtocol.Pfns)))
        {
            if (records[position].Is(LogProtocol.Pfns)) pfns.AddRange(records[position].HexItems());
            position++;
        }
        if (pfns.Count != scenario.Driver.Pages)
            throw new OracleException(OracleFailure.LogMalformed, $"{scenario.Name}: the driver logged {pfns.Count} pfns for a {scenario.Driver.Pages}-page buffer");
        events.Add(new DeviceLoaded(scenario.Device, scenario.Driver.Buffer, pfns));

        // Group: one user record and the driver records that follow it; a step's kernel warnings go with it.
        var groups = new List<(LogRecord User, List<LogRecord> Inner, List<KernelWarning> Warnings)>();
        for (; position < records.Count; position++)
        {
            var r = records[position];
            if (r.Is(LogProtocol.Warning))
            {
                var warning = Warning(r.Text);
                var owner = groups.FindLastIndex(g => g.User.Step == r.Step);
                if (owner >= 0) groups[owner].Warnings.Add(warning);
                else throw new OracleException(OracleFailure.LogMalformed, $"{scenario.Name}: a warning for step {r.Step}, which has no record");
            }
            else if (r.Source == 'U') groups.Add((r, new List<LogRecord>(), new List<KernelWarning>()));
            else if (groups.Count > 0) groups[^1].Inner.Add(r);
        }

        var done = new HashSet<int>();
        foreach (var (user, inner, warnings) in groups)
        {
            done.Add(user.Step);
            var before = events.Count;
            Step(user, inner);
            Outcome(user);
            // A step's warnings come just before its last event (as the model emits them: during the fault, before the access).
            events.InsertRange(Math.Max(before, events.Count - 1), warnings);
        }

        var messages = log.KernelMessages.Select(m => m.Text).ToList();
        if (log.End is { Normal: true })
        {
            // Steps that printed no record ran with nothing to report: a buffer check of an empty buffer (the model calls
            // it a mismatch unless the pattern is empty), a maps listing without a line of the device.
            for (var i = 0; i < scenario.Steps.Count; i++)
            {
                if (done.Contains(i)) continue;
                if (scenario.Steps[i] is CheckBufferStep cb) outcomes[i] = cb.Pattern.Count > 0 ? "mismatch" : "matched";
                else if (scenario.Steps[i] is MapsStep) outcomes[i] = "ok";
            }
        }
        else
        {
            // The child died inside a step or never finished: a kernel BUG (from the kernel log) is a trace fact;
            // anything else is the harness's failure, reported as such and never compared.
            // A check step logs each page it read,
            // so it can die after some of its records: then it is the last step with records and has pages left.
            // Steps that log nothing (check-buffer of an empty buffer, maps without a line) and cannot fault are skipped,
            // and so are steps on a mapping that was never made (not run: their record may have been lost with the
            // child's unflushed output): the dying step is the first one after the last step with records that can.
            var lastDone = done.Count > 0 ? done.Max() : -1;
            var dying = Enumerable.Range(0, scenario.Steps.Count)
                .FirstOrDefault(i => i > lastDone && scenario.Steps[i] is not (CheckBufferStep or MapsStep) && !OnUnmadeMapping(scenario.Steps[i]), -1);
            var checkedPages = 0;
            if (groups.Count > 0 && scenario.Steps[groups[^1].User.Step] is CheckStep && !groups[^1].User.Is(LogProtocol.NotRun))
            {
                var last = groups[^1].User.Step;
                checkedPages = groups.Count(g => g.User.Step == last);
                // A check stops at the first page that faults with a signal (as the model's does): then it is complete.
                if ((ulong)checkedPages < PagesOf(encoded.Steps[last].Slot) && !groups[^1].User.Is(LogProtocol.PageSignal)) dying = last;
                else checkedPages = 0;
            }
            if (!KernelDied(log.End, messages))
                throw HarnessFailure(log.End, dying);
            if (dying >= 0) outcomes[dying] = "BUG";
            var function = messages.Select(BugFunction).FirstOrDefault(f => f is not null) ?? "?";
            var where = messages.FirstOrDefault(m => m.Contains("kernel BUG at", StringComparison.Ordinal)) ?? log.End?.ToString() ?? "no end record";
            events.Add(new KernelBugHit(function, where.Trim()));
            if (dying >= 0 && scenario.Steps[dying] is ReadStep or WriteStep)
            {
                var (access, type, slot, offset, value) = scenario.Steps[dying] switch
                {
                    ReadStep r => (AccessKind.Read, r.Type, SlotOf(r.Address.Mapping), r.Address.Offset, 0u),
                    WriteStep w => (AccessKind.Write, w.Type, SlotOf(w.Address.Mapping), w.Address.Offset, w.Value),
                    _ => throw new InvalidOperationException(),
                };
                events.Add(new MemoryAccessed(access, type, bases[slot] + offset, value, AccessOutcome.Bug, null));
            }
            else if (dying >= 0 && scenario.Steps[dying] is CheckStep)
            {
                // The model's check stops at the page whose fault hit the BUG: "check ADDR = BUG".
                var slot = encoded.Steps[dying].Slot;
                events.Add(new PageChecked(bases[slot] + ((ulong)checkedPages << PageGeometry.PageShift), "BUG"));
            }
        }
        return new KernelTrace(events, replacements, messages) { StepOutcomes = outcomes };
    }

    /// <summary>Whether the kernel killed the case: the harness saw a BUG or an oops, or the kernel log has one.</summary>
    private static bool KernelDied(CaseEnd? end, IReadOnlyList<string> messages) =>
        end?.How == CaseEnd.Bug
        || messages.Any(m => m.Contains("kernel BUG at", StringComparison.Ordinal) || m.Contains("Oops", StringComparison.Ordinal)
                             || m.StartsWith("BUG:", StringComparison.Ordinal));

    /// <summary>A case that ended abnormally without a kernel BUG: a timeout, or a crash of the harness itself.</summary>
    private OracleException HarnessFailure(CaseEnd? end, int dying)
    {
        var where = dying >= 0 ? $"in step {dying + 1} (line {scenario.Steps[dying].Line})" : "after its last step";
        return end switch
        {
            null => new OracleException(OracleFailure.HarnessCrashed, $"{scenario.Name}: the case started but the harness never reported its end"),
            { How: CaseEnd.Timeout } => new OracleException(OracleFailure.Timeout,
                $"{scenario.Name}: the case ran past its {end.Value} s limit {where} and was killed"),
            { How: CaseEnd.Error } => new OracleException(OracleFailure.HarnessCrashed,
                $"{scenario.Name}: the harness could not start the case (errno {end.Value})"),
            { How: CaseEnd.Signal } => new OracleException(OracleFailure.HarnessCrashed,
                $"{scenario.Name}: the harness's process was killed by signal {end.Value} {where}, with no kernel BUG or oops in the kernel log"),
            _ => new OracleException(OracleFailure.HarnessCrashed,
                $"{scenario.Name}: the harness's process exited with status {end.Value} {where}"),
        };
    }

    /// <summary>
    /// What the step did, in the words of the model's step results (<see cref="Mmap.Scenarios.Running.StepResult.Actual"/>),
    /// so the scenario's own <c>=&gt;</c> outcomes can be judged on the kernel. A step with several records (a check of
    /// every page, a maps listing) folds them in order.
    /// </summary>
    private void Outcome(LogRecord user)
    {
        var i = user.Step;
        var step = scenario.Steps[i];
        if (user.Is(LogProtocol.NotRun)) return;
        var last = events.Count - 1;
        outcomes[i] = step switch
        {
            OpenStep or CloseStep or MprotectStep or MunmapStep => ErrnoOf(user.Signed("ret")) is { } e ? e.ToString() : "ok",
            MmapStep => user.Is(LogProtocol.Mapped) ? "ok" : ((Errno)(int)user.Signed("errno")).ToString(),
            ReadStep r => AccessText(last, AccessKind.Read, r.Type),
            WriteStep w => AccessText(last, AccessKind.Write, w.Type),
            FdWriteStep or FdReadStep => ErrnoOf(user.Signed("ret")) is { } e ? e.ToString() : user.Signed("ret").ToString(System.Globalization.CultureInfo.InvariantCulture),
            CheckStep or CheckBufferStep => Fold(outcomes[i], events[last]),
            _ => "ok",
        };
    }

    private string AccessText(int index, AccessKind access, ValueType type) =>
        replacements.TryGetValue(index, out var line) ? line[(line.LastIndexOf(" = ", StringComparison.Ordinal) + 3)..]
        : events[index] is MemoryAccessed m ? m.Outcome.Render(access, type)
        : throw new OracleException(OracleFailure.LogMalformed, $"{scenario.Name}: step {index} has no access event");

    /// <summary>A page or buffer check: the first signal stops it; otherwise matched unless a page mismatched.</summary>
    private static string Fold(string sofar, TraceEvent checkedEvent)
    {
        var text = checkedEvent switch { PageChecked p => p.Outcome, BufferChecked b => b.Outcome, _ => "?" };
        var verdict = text == "matched" ? "matched" : text.StartsWith("0x", StringComparison.Ordinal) ? "mismatch" : text;
        return sofar switch
        {
            Mmap.Scenarios.Running.StepResult.NotRun or "matched" => verdict,
            "mismatch" => verdict == "matched" ? "mismatch" : verdict,
            _ => sofar,
        };
    }

    /// <summary>
    /// A kernel WARNING line as the model writes it: the file and the function, without line numbers and offsets, which
    /// differ between builds. 6.1 and 6.12 print "WARNING: CPU: 0 PID: 142 at mm/memory.c:6044 handle_mm_fault+0x28b/0x2d0",
    /// 7.3 "WARNING: mm/memory.c:6814 at handle_mm_fault+0x2a6/0x300, CPU#0: mmapv-run/99".
    /// </summary>
    public static KernelWarning Warning(string text)
    {
        var m = WarningLine().Match(text);
        return m.Success
            ? new KernelWarning(m.Groups["file"].Value, m.Groups["function"].Value, text)
            : new KernelWarning("?", text, text);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^WARNING: (?:CPU: \d+ PID: \d+ at )?(?<file>[^\s:]+):\d+ (?:at )?(?<function>[A-Za-z0-9_.]+)\+")]
    private static partial System.Text.RegularExpressions.Regex WarningLine();

    private void Step(LogRecord user, List<LogRecord> inner)
    {
        var step = scenario.Steps[user.Step];
        var code = encoded.Steps[user.Step];
        if (user.Is(LogProtocol.NotRun)) return; // not run: its mapping was never mapped
        switch (step)
        {
            case OpenStep o:
                Inner(inner, null);
                events.Add(new DeviceOpened(scenario.Device, o.Flags));
                break;
            case CloseStep:
                Inner(inner, null);
                events.Add(new DeviceClosed(user.Signed("ret") is < 0 and var ret ? (Errno)(int)-ret : null));
                break;
            case MmapStep m:
            {
                var hint = user.Hex("hint");
                events.Add(new MmapCalled(m.Name, hint, m.Length, m.Prot, m.Flags, m.Offset));
                Inner(inner, m.Name);
                if (user.Is(LogProtocol.Mapped))
                {
                    var slot = code.Slot;
                    bases[slot] = user.Hex("addr");
                    lengths[slot] = m.Length;
                    events.Add(new MmapReturned(m.Name, bases[slot], null, null));
                }
                else
                {
                    events.Add(new MmapReturned(m.Name, 0, (Errno)(int)user.Signed("errno"), null));
                }
                break;
            }
            case ReadStep r:
                Inner(inner, null);
                Access(user, AccessKind.Read, r.Type, bases[code.Slot] + r.Address.Offset, 0);
                break;
            case WriteStep w:
                Inner(inner, null);
                Access(user, AccessKind.Write, w.Type, bases[code.Slot] + w.Address.Offset, w.Value);
                break;
            case MprotectStep p:
                Inner(inner, null);
                events.Add(new MprotectCalled(bases[code.Slot] + p.Address.Offset, p.Length, p.Prot, ErrnoOf(user.Signed("ret")), null));
                break;
            case MunmapStep u:
                Inner(inner, null);
                events.Add(new MunmapCalled(bases[code.Slot] + u.Address.Offset, u.Length, ErrnoOf(user.Signed("ret")), null));
                break;
            case CheckStep c:
            {
                Inner(inner, null);
                var page = user.Hex("page");
                var address = bases[code.Slot] + (page << PageGeometry.PageShift);
                if (user.Is(LogProtocol.PageSignal))
                {
                    var outcome = SignalOutcome((int)user.Signed("signo"), (int)user.Signed("code"), out var spelled);
                    events.Add(new PageChecked(address, spelled ?? outcome.Render(AccessKind.Read, ValueType.UChar)));
                }
                else
                {
                    var seen = user.HexItems().Select(b => (byte)b).ToArray();
                    var pattern = c.Pattern ?? scenario.Driver.Fill.ForPage((int)page);
                    events.Add(new PageChecked(address, Verdict(seen, pattern)));
                }
                break;
            }
            case FdWriteStep fw:
                Inner(inner, null);
                events.Add(new DeviceIo(true, fw.Length, user.Signed("ret")));
                break;
            case FdReadStep fr:
                Inner(inner, null);
                events.Add(new DeviceIo(false, fr.Length, user.Signed("ret")));
                break;
            case CheckBufferStep cb:
            {
                Inner(inner, null);
                var seen = user.HexItems().Select(b => (byte)b).ToArray();
                events.Add(new BufferChecked(user.Hex("offset"), Verdict(seen, cb.Pattern)));
                break;
            }
            case MapsStep:
                Inner(inner, null);
                events.Add(MapsLineParser.Parse(user.Text, scenario.Device));
                break;
            case ProcTotalStep:
            {
                Inner(inner, null);
                if (user.Is(LogProtocol.ProcTotalFailed))
                    throw new OracleException(OracleFailure.LogMalformed, $"{scenario.Name}: the program could not read /proc/my-proc-entry");
                var total = user.Hex("total");
                events.Add(new ProcTotalRead(total, previousTotal));
                previousTotal = total;
                break;
            }
            default:
                throw new OracleException(OracleFailure.Unsupported, $"{scenario.Name}: step {step.GetType().Name}");
        }
    }

    private void Access(LogRecord user, AccessKind access, ValueType type, ulong address, uint value)
    {
        if (user.Is(LogProtocol.ReadValue) || user.Is(LogProtocol.Written))
        {
            var outcome = access == AccessKind.Read ? AccessOutcome.Read((uint)user.Hex("value")) : AccessOutcome.Written;
            events.Add(new MemoryAccessed(access, type, address, value, outcome, null));
            return;
        }
        var signal = SignalOutcome((int)user.Signed("signo"), (int)user.Signed("code"), out var spelled);
        events.Add(new MemoryAccessed(access, type, address, value, signal, null));
        if (spelled is not null)
        {
            var line = TraceRenderer.Render(events, withExplanations: false).Split('\n')[events.Count - 1];
            replacements[events.Count - 1] = line[..(line.LastIndexOf(" = ", StringComparison.Ordinal) + 3)] + spelled;
        }
    }

    /// <summary>The model's outcome for a caught signal; <paramref name="spelled"/> is set when the model cannot say it.</summary>
    private static AccessOutcome SignalOutcome(int signo, int code, out string? spelled)
    {
        spelled = null;
        switch (signo)
        {
            case SigBus:
                if (code != BusAdrErr) spelled = $"SIGBUS:si_code={code}";
                return AccessOutcome.SigBus;
            case SigSegv when code == SegvMapErr:
                return AccessOutcome.MapErr;
            case SigSegv when code == SegvAccErr:
                return AccessOutcome.AccErr;
            case SigSegv when code == SegvPkuErr:
                return AccessOutcome.PkuErr;
            default:
                spelled = $"signal {signo} si_code={code}";
                return AccessOutcome.SigBus;
        }
    }

    /// <summary>Driver records inside a syscall, as model events. <paramref name="label"/> names the mapping being created.</summary>
    private void Inner(List<LogRecord> inner, string? label)
    {
        foreach (var k in inner)
        {
            if (k.Is(LogProtocol.MmapEntered))
                events.Add(new DriverMmapEntered(label ?? "?", k.Hex("start"), k.Hex("end"), (VmFlags)k.Hex("flags"), k.Hex("pgoff")));
            else if (k.Is(LogProtocol.FlagsCleared))
                events.Add(new DriverClearedFlags((VmFlags)k.Hex("flags")));
            else if (k.Is(LogProtocol.Remap))
                events.Add(new RemapPfnRangeCalled(k.Hex("addr"), k.Hex("pfn"), k.Hex("size"), scenario.Driver.Prot, (int)k.Signed("ret"), null));
            else if (k.Is(LogProtocol.InsertPage))
                events.Add(new VmInsertPageCalled(k.Hex("addr"), (int)k.Signed("index"), (int)k.Signed("ret"), null));
            else if (k.Is(LogProtocol.MapPages))
                events.Add(new VmMapPagesCalled(k.Signed("zero") != 0, (int)k.Signed("count"), (int)k.Signed("ret"), null));
            else if (k.Is(LogProtocol.MmapReturned))
                events.Add(new DriverMmapReturned((int)k.Signed("ret"), (VmFlags)k.Hex("flags"), k.Hex("pgoff"), null));
            else if (k.Is(LogProtocol.Fault))
                events.Add(new FaultHandlerCalled(k.Hex("addr"), k.Hex("pgoff"), FaultResult(k.Word("result")[0], k.Word("index")), null));
            else
                throw new OracleException(OracleFailure.LogMalformed, $"{scenario.Name}: unexpected driver record '{k.Text}'");
        }
    }

    /// <summary>The model's spelling of the fault handler's answer (<see cref="LogProtocol.FaultResults"/>).</summary>
    private static string FaultResult(char letter, string index) =>
        letter == LogProtocol.FaultLetter("FAULT_PAGE") ? $"page[{index}]"
        : letter == LogProtocol.FaultLetter("FAULT_NOPAGE") ? "VM_FAULT_NOPAGE"
        : letter == LogProtocol.FaultLetter("FAULT_OOM") ? "VM_FAULT_OOM"
        : "VM_FAULT_SIGBUS";

    /// <summary>A step that names a mapping no mmap step made (its slot's base is still 0): the program does not run it.</summary>
    private bool OnUnmadeMapping(Step step) => step switch
    {
        ReadStep r => bases[SlotOf(r.Address.Mapping)] == 0,
        WriteStep w => bases[SlotOf(w.Address.Mapping)] == 0,
        CheckStep c => bases[SlotOf(c.Mapping)] == 0,
        MprotectStep p => bases[SlotOf(p.Address.Mapping)] == 0,
        MunmapStep u => bases[SlotOf(u.Address.Mapping)] == 0,
        MmapStep { Address: { } a } => bases[SlotOf(a.Mapping)] == 0,
        _ => false,
    };

    private ulong PagesOf(int slot) => (lengths[slot] + PageGeometry.PageSize - 1) >> PageGeometry.PageShift;

    private int SlotOf(string mapping) => Math.Max(0, encoded.SlotNames.ToList().IndexOf(mapping));

    private static Errno? ErrnoOf(long result) => result < 0 ? (Errno)(int)-result : null;

    private static string Verdict(IReadOnlyList<byte> seen, IReadOnlyList<byte> pattern) =>
        seen.SequenceEqual(pattern) ? "matched" : string.Join(' ', seen.Select(b => "0x" + b.ToString("x")));

    private static string? BugFunction(string message)
    {
        // "RIP: 0010:vmf_insert_pfn_prot+0x10b/0x120"
        var rip = message.IndexOf("RIP: ", StringComparison.Ordinal);
        if (rip < 0) return null;
        var text = message[(rip + 5)..];
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        return colon >= 0 && plus > colon ? text[(colon + 1)..plus] : null;
    }
}
