using System.Text.RegularExpressions;
using Mmap.Audit.Extraction;
using static Mmap.Audit.Analysis.FactIndex;

namespace Mmap.Audit.Analysis;

/// <summary>
/// Turns the facts of a tree into one <see cref="StrategyRecord"/> per <c>->mmap</c> entry point. Follows calls into
/// helpers that take the VMA (binding the helper's parameters to the caller's arguments) and vm_ops->fault; gives up
/// with a reason rather than guessing.
/// </summary>
public static partial class HandlerClassifier
{
    private const int MaxDepth = 5;

    /// <summary>Members that hold an mmap entry point (the .cocci file also collects .fault).</summary>
    public static bool IsEntryMember(string member) => member is not ("fault" or "huge_fault");

    public static IReadOnlyList<StrategyRecord> Classify(FactIndex index)
    {
        var records = new List<StrategyRecord>();
        var seen = new HashSet<string>();
        foreach (var reg in index.Registrations.Where(r => r.Member is { } m && IsEntryMember(m) && r.Struct != "vm_operations_struct").OrderBy(r => r.File).ThenBy(r => r.Line))
        {
            var name = reg.Function!;
            var via = reg.Kind == "field" ? $"{reg.Struct}.{reg.Member}" : $"->{reg.Member} (set in {reg.StoredIn})";
            var resolved = index.Resolve(name, reg.File);
            var key = resolved?.ToString() ?? $"?:{name}";
            if (!seen.Add(key)) continue;
            if (reg.Member == "mmap_prepare")
            {
                // Linux 6.17+: f_op->mmap_prepare(struct vm_area_desc *) describes the mapping before the VMA exists.
                records.Add(new StrategyRecord
                {
                    Handler = name, File = resolved?.File ?? reg.File, Line = reg.Line, Via = via, Subsystem = SubsystemOf(reg.File),
                    Unknown = "mmap_prepare handler (struct vm_area_desc, Linux 6.17+): the extraction reads ->mmap(vma) handlers only",
                });
                continue;
            }

            if (resolved is not { } id)
            {
                // Defined outside the analysed files (a framework helper, a macro-made function) or ambiguous.
                var count = index.DefinitionCount(name);
                if (count == 0) continue; // not a mapping handler we can see at all: listed by Unresolved
                records.Add(new StrategyRecord
                {
                    Handler = name, File = reg.File, Line = reg.Line, Via = via, Subsystem = SubsystemOf(reg.File),
                    Unknown = $"{count} definitions of {name} in different files: cannot tell which one is registered",
                });
                continue;
            }

            records.Add(ClassifyHandler(index, id, via));
        }

        return records;
    }

    /// <summary>
    /// Calls the walk cannot follow because the first extraction kept no facts of the callee (it has no VMA parameter),
    /// although it receives the VMA's length or offset and its result is used: a check in a helper, such as
    /// drivers/fpga/dfl-afu-main.c afu_mmap's afu_mmio_region_get_by_offset(pdata, offset, size, &amp;region). The audit
    /// extracts these callees in a second spatch pass (cocci: MMAPV_HELPERS) from the caller's directory.
    /// </summary>
    public static IReadOnlyList<(string CallerFile, string Name)> HelperCalls(FactIndex index)
    {
        var result = new SortedSet<(string, string)>();
        foreach (var id in index.Functions)
        {
            var frame = new Frame(id, new Dictionary<string, (string, Frame)>(), null, 0);
            var body = index.Body(id);
            foreach (var call in body.Where(f => f.Kind == "call"))
            {
                var callee = call.Callee!;
                if (MappingApi.Of(callee) is not null || index.DefinitionCount(callee) > 0) continue;
                if (body.Any(f => f.Kind == "ctx" && f.How == "ignored" && f.Line == call.Line && f.Callee == callee)) continue;
                if (SplitArgs(call.Args ?? "").Any(a => IsVmaLength(a, frame, index, 0) || IsPgoffDerived(a, frame, index, 0)))
                    result.Add((id.File, callee));
            }
        }

        return result.ToList();
    }

    /// <summary>Entry points registered with a function the analysed files do not define (framework or generic helpers).</summary>
    public static IReadOnlyList<(string Function, string File, int Line, string Via)> Unresolved(FactIndex index) =>
        index.Registrations.Where(r => r.Member is { } m && IsEntryMember(m) && m != "mmap_prepare" && r.Struct != "vm_operations_struct" && index.DefinitionCount(r.Function!) == 0)
            .Select(r => (r.Function!, r.File, r.Line, r.Kind == "field" ? $"{r.Struct}.{r.Member}" : $"->{r.Member}")).ToList();

    public static string SubsystemOf(string file)
    {
        var parts = file.Split('/');
        if (parts.Length >= 3 && parts[0] == "drivers")
        {
            if (parts[1] == "gpu" && parts[2] == "drm") return "drm";
            if (parts[1] == "video") return "fbdev";
            if (parts[1] == "media") return "media";
            return parts[1];
        }

        return parts[0];
    }

    /// <summary>A function on the walk, with its parameters bound to the caller's argument texts.</summary>
    private sealed record Frame(FunctionId Function, IReadOnlyDictionary<string, (string Arg, Frame Caller)> Bindings, Frame? Caller, int CallLine, Walk? Walk = null);

    private sealed class Walk
    {
        public List<Frame> Frames { get; } = [];
        public List<string> Unfollowed { get; } = [];
    }

    private static Walk WalkFrom(FactIndex index, FunctionId start)
    {
        var walk = new Walk();
        var queue = new Queue<(Frame Frame, int Depth)>();
        queue.Enqueue((new Frame(start, new Dictionary<string, (string, Frame)>(), null, 0, walk), 0));
        var visited = new HashSet<FunctionId> { start };
        while (queue.Count > 0)
        {
            var (frame, depth) = queue.Dequeue();
            walk.Frames.Add(frame);
            foreach (var call in index.Body(frame.Function).Where(f => f.Kind == "call"))
            {
                var callee = call.Callee!;
                if (MappingApi.Of(callee) is not null) continue;
                if (index.Resolve(callee, frame.Function.File) is not { } target)
                {
                    if (index.DefinitionCount(callee) > 1 && (call.Args ?? "").Contains("vma", StringComparison.Ordinal)) walk.Unfollowed.Add($"{callee} (defined in several files)");
                    continue;
                }

                if (depth + 1 > MaxDepth || !visited.Add(target)) continue;
                var parameters = ParamNames(index.Definition(target)?.Params);
                var args = SplitArgs(call.Args ?? "");
                var bindings = new Dictionary<string, (string, Frame)>();
                for (var i = 0; i < Math.Min(parameters.Count, args.Count); i++) bindings[parameters[i]] = (args[i], frame);
                queue.Enqueue((new Frame(target, bindings, frame, call.Line, walk), depth + 1));
            }
        }

        return walk;
    }

    /// <summary>
    /// Callback members whose framework caller checks the VMA against the buffer before calling them, so the callback
    /// itself need not: the PCM core (sound/core/pcm_native.c snd_pcm_mmap_data: size and offset against dma_bytes,
    /// -EINVAL) for snd_pcm_ops, snd_soc_component_driver and snd_malloc_ops; dma-buf (drivers/dma-buf/dma-buf.c
    /// dma_buf_mmap_internal and dma_buf_mmap: vm_pgoff + pages against the buffer's size, -EINVAL) for dma_buf_ops.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FrameworkLengthChecks { get; } = new Dictionary<string, string>
    {
        ["snd_pcm_ops.mmap"] = "sound/core/pcm_native.c snd_pcm_mmap_data",
        ["snd_soc_component_driver.mmap"] = "sound/core/pcm_native.c snd_pcm_mmap_data",
        ["snd_malloc_ops.mmap"] = "sound/core/pcm_native.c snd_pcm_mmap_data (through snd_dma_buffer_mmap)",
        ["dma_buf_ops.mmap"] = "drivers/dma-buf/dma-buf.c dma_buf_mmap_internal",
    };

    private static StrategyRecord ClassifyHandler(FactIndex index, FunctionId id, string via)
    {
        var def = index.Definition(id)!;
        var evidence = new List<Evidence>();
        var mmapWalk = WalkFrom(index, id);
        var facts = mmapWalk.Frames.SelectMany(f => index.Body(f.Function).Select(b => (Frame: f, Fact: b))).ToList();

        // vm_ops->fault: vma->vm_ops = &ops, and ops's .fault.
        string? faultName = null;
        var faultFacts = new List<(Frame Frame, Fact Fact)>();
        foreach (var (frame, fact) in facts.Where(x => x.Fact.Kind == "asg" && x.Fact.Target is { } t && t.EndsWith("vm_ops", StringComparison.Ordinal)))
        {
            var ops = fact.Value!.Replace("&", "", StringComparison.Ordinal).Trim();
            if (index.FaultOf(ops, frame.Function.File) is not { } fault) continue;
            if (index.Resolve(fault.Function!, fault.File) is not { } faultId) continue;
            faultName = fault.Function;
            evidence.Add(new(fact.File, fact.Line, $"vm_ops = {fact.Value} with .fault = {fault.Function}"));
            var faultWalk = WalkFrom(index, faultId);
            faultFacts.AddRange(faultWalk.Frames.SelectMany(f => index.Body(f.Function).Select(b => (f, b))));
        }

        var apiCalls = facts.Where(x => x.Fact.Kind == "call" && MappingApi.Of(x.Fact.Callee!) is not null).ToList();
        var faultApiCalls = faultFacts.Where(x => x.Fact.Kind == "call" && MappingApi.Of(x.Fact.Callee!) is not null).ToList();
        var faultReturnsPage = faultFacts.Any(x => x.Fact.Kind == "vmfpage");
        var faultApis = faultApiCalls.Select(x => x.Fact.Callee!).Distinct().ToList();
        if (faultReturnsPage) faultApis.Add("vmf->page");

        // CoW guard, length check, pgoff, flags.
        var guard = CowGuard.None;
        string? guardErrno = null;
        var checksLength = false;
        string? lengthErrno = null;
        var rejectsWrite = false;
        (Frame Frame, Fact Fact)? makesShared = null, rejectsPrivateAt = null;
        foreach (var (frame, fact) in facts.Where(x => x.Fact.Kind == "if"))
        {
            var cond = fact.Condition ?? "";
            if ((cond.Contains("VM_SHARED", StringComparison.Ordinal) || cond.Contains("VM_MAYSHARE", StringComparison.Ordinal)) && IsNegatedFlagTest(cond) && SetsShared(fact.Then))
            {
                // if (!(vm_flags & VM_SHARED)) { vm_flags |= VM_SHARED; ret = map(…); return ret; }: not a refusal.
                makesShared ??= (frame, fact);
                evidence.Add(new(fact.File, fact.Line, $"makes a private mapping shared: if ({cond}) {fact.Then}"));
                continue;
            }

            var errno = ErrorOf(fact.Then ?? "");
            if (errno is null && ((fact.Else is { } otherwise && ErrorOf(otherwise) is not null) || MappingApi.Names.Any(n => (fact.Then ?? "").Contains(n, StringComparison.Ordinal)))
                && IsComparison(cond) && MentionsVmaExtent(cond, frame, index))
            {
                // if (len <= size) ret = remap…(…); else return -E…: the mapping runs only when the length fits.
                checksLength = true;
                lengthErrno ??= "EINVAL";
                evidence.Add(new(fact.File, fact.Line, $"length check: maps only if ({cond})"));
                continue;
            }

            if (errno is null && IsSuccessExit(fact.Then ?? ""))
            {
                // if (ok-condition) { …; return 0; } then an error: each conjunct is a check that fails otherwise.
                var failure = index.Body(frame.Function).Where(f => f.Kind == "ret" && f.Line > fact.Line).Select(f => ErrnoPattern().Match(f.Value ?? "")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
                if (failure is null) continue;
                foreach (var conjunct in cond.Split("&&"))
                {
                    var c = conjunct.Trim();
                    if (c.StartsWith('!') && c.Contains("is_cow_mapping", StringComparison.Ordinal))
                    {
                        guard = CowGuard.RejectsCow;
                        guardErrno = failure;
                        evidence.Add(new(fact.File, fact.Line, $"CoW guard: only if ({cond}) it succeeds"));
                    }
                    else if ((c.Contains("VM_SHARED", StringComparison.Ordinal) || c.Contains("VM_MAYSHARE", StringComparison.Ordinal)) && !IsNegatedFlagTest(c))
                    {
                        guard = CowGuard.RejectsPrivate;
                        guardErrno = failure;
                        evidence.Add(new(fact.File, fact.Line, $"CoW guard: only if ({cond}) it succeeds"));
                    }
                    else if (IsComparison(c) && MentionsVmaExtent(c, frame, index))
                    {
                        checksLength = true;
                        lengthErrno ??= failure;
                        evidence.Add(new(fact.File, fact.Line, $"length check: only if ({cond}) it succeeds"));
                    }
                }

                continue;
            }

            if (errno is null) continue;
            if (cond.Contains("VM_SHARED", StringComparison.Ordinal) || cond.Contains("VM_MAYSHARE", StringComparison.Ordinal))
            {
                if (IsNegatedFlagTest(cond))
                {
                    guard = CowGuard.RejectsPrivate;
                    guardErrno = errno;
                    rejectsPrivateAt ??= (frame, fact);
                    evidence.Add(new(fact.File, fact.Line, $"CoW guard: if ({cond}) {fact.Then}"));
                }
            }
            else if (cond.Contains("is_cow_mapping", StringComparison.Ordinal) && !cond.TrimStart().StartsWith('!'))
            {
                guard = CowGuard.RejectsCow;
                guardErrno = errno;
                evidence.Add(new(fact.File, fact.Line, $"CoW guard: if ({cond}) {fact.Then}"));
            }
            else if (cond.Contains("VM_WRITE", StringComparison.Ordinal) && !IsNegatedFlagTest(cond))
            {
                rejectsWrite = true;
                evidence.Add(new(fact.File, fact.Line, $"refuses writable mappings: if ({cond}) {fact.Then}"));
            }
            else if (IsComparison(cond) && MentionsVmaExtent(cond, frame, index))
            {
                checksLength = true;
                lengthErrno ??= errno;
                evidence.Add(new(fact.File, fact.Line, $"length check: if ({cond}) {fact.Then}"));
            }
        }

        // After the driver sets VM_SHARED every later VM_SHARED test passes: only a refusal before it, in the handler
        // itself, still refuses private mappings.
        if (makesShared is { } ms && !(rejectsPrivateAt is { } rp && rp.Frame.Caller is null && ms.Frame.Caller is null && rp.Fact.Line < ms.Fact.Line))
        {
            guard = CowGuard.MakesShared;
            guardErrno = null;
        }

        if (!checksLength && FrameworkLengthChecks.TryGetValue(via, out var caller))
        {
            checksLength = true;
            lengthErrno = "EINVAL";
            evidence.Add(new(def.File, def.Line, $"length checked by the framework caller {caller}"));
        }

        var clearsMayWrite = facts.Any(x => x.Fact.Kind == "flags" && Squash(x.Fact.Condition).Contains("~VM_MAYWRITE", StringComparison.Ordinal))
                             || facts.Any(x => x.Fact.Kind == "call" && ClearsFlag(x.Fact, "VM_MAYWRITE"));
        if (clearsMayWrite && guard == CowGuard.None)
        {
            guard = CowGuard.ClearsMayWrite;
            var at = facts.First(x => (x.Fact.Kind == "flags" || x.Fact.Kind == "call") && (Squash(x.Fact.Condition).Contains("~VM_MAYWRITE", StringComparison.Ordinal) || (x.Fact.Kind == "call" && ClearsFlag(x.Fact, "VM_MAYWRITE")))).Fact;
            evidence.Add(new(at.File, at.Line, "clears VM_MAYWRITE"));
        }

        var setsPfnMap = facts.Any(x => (x.Fact.Kind == "flags" && Squash(x.Fact.Condition).Contains("VM_PFNMAP", StringComparison.Ordinal) && !Squash(x.Fact.Condition).Contains("~VM_PFNMAP", StringComparison.Ordinal))
                                        || (x.Fact.Kind == "call" && x.Fact.Callee is "vm_flags_set" or "vm_flags_init" or "vm_flags_reset" && (x.Fact.Args ?? "").Contains("VM_PFNMAP", StringComparison.Ordinal)));
        var usesPgoff = facts.Any(x => x.Fact.Kind == "pgoff") || faultFacts.Any(x => x.Fact.Kind == "pgoff");
        var faultChecksOffset = faultFacts.Any(x => x.Fact.Kind == "if" && (x.Fact.Then ?? "").Contains("VM_FAULT_SIGBUS", StringComparison.Ordinal) && IsComparison(x.Fact.Condition ?? ""));

        // The mapping calls: shape, prot, return value.
        var families = apiCalls.Select(x => MappingApi.Of(x.Fact.Callee!)!.Value).Distinct().ToList();
        var shapes = new List<MapShape>();
        var prots = new List<ProtPassed>();
        bool? checksReturn = null;
        string? unknown = null;
        foreach (var (frame, call) in apiCalls)
        {
            var family = MappingApi.Of(call.Callee!)!.Value;
            var args = SplitArgs(call.Args ?? "");
            var inLoop = index.Body(frame.Function).Any(f => f.Kind == "loop" && f.Line == call.Line && f.Callee == call.Callee);
            MapShape shape;
            var prot = ProtPassed.VmPageProt;
            switch (family)
            {
                case MappingApi.Family.Remap when args.Count == 5:
                    var startsAtVmStart = IsVmStart(args[1], frame, index);
                    // A loop that maps at vm_start itself (a search over devices, then one remap) is not per page.
                    var atVmStartItself = Squash(args[1]).EndsWith("->vm_start", StringComparison.Ordinal) && !args[1].Contains('+');
                    var pieces = inLoop && !atVmStartItself ? PiecesClamp(args[1], args[2], args[3], frame, index) : null;
                    shape = pieces is not null ? MapShape.Pieces
                        : inLoop && !atVmStartItself ? MapShape.PerPage
                        : !startsAtVmStart ? MapShape.OffsetStart
                        : IsVmaLength(args[3], frame, index, 0) ? MapShape.Whole
                        : MapShape.Partial;
                    prot = ProtOf(args[4], frame, index, 0);
                    evidence.Add(new(call.File, call.Line, $"{call.Callee}({call.Args}){(inLoop ? " in a loop" : "")}"));
                    if (pieces is not null)
                        evidence.Add(new(pieces.File, pieces.Line, $"pieces: the length is clamped to the rest of the VMA ({pieces.Target} = {pieces.Value}) and the start advances with it: one call per contiguous piece of device memory, one call for a VMA inside one piece"));
                    break;
                case MappingApi.Family.InsertPage:
                    shape = inLoop || call.Callee == "vm_insert_pages" ? MapShape.PerPage : MapShape.Partial;
                    evidence.Add(new(call.File, call.Line, $"{call.Callee}({call.Args}){(inLoop ? " in a loop" : "")}"));
                    break;
                case MappingApi.Family.VmallocRangePartial when args.Count == 5:
                    shape = IsVmStart(args[1], frame, index) && IsVmaLength(args[4], frame, index, 0) ? MapShape.Whole : MapShape.Partial;
                    evidence.Add(new(call.File, call.Line, $"{call.Callee}({call.Args})"));
                    break;
                case MappingApi.Family.InsertPfn or MappingApi.Family.InsertMixed:
                    shape = MapShape.Partial;
                    evidence.Add(new(call.File, call.Line, $"{call.Callee}({call.Args}) called from ->mmap"));
                    break;
                default:
                    shape = MapShape.Whole;
                    evidence.Add(new(call.File, call.Line, $"{call.Callee}({call.Args})"));
                    break;
            }

            shapes.Add(shape);
            prots.Add(prot);
            var checkedHere = IsChecked(index, frame, call);
            checksReturn = checksReturn is null ? checkedHere : checksReturn.Value && checkedHere;
            if (MappingApi.OwnLengthErrno(family) is { } own && !checksLength)
            {
                checksLength = true;
                lengthErrno = own;
            }

            // These map from vm_pgoff themselves; remap_vmalloc_range from its pgoff argument (often vma->vm_pgoff, sometimes 0).
            if (family is MappingApi.Family.IoMap or MappingApi.Family.MapPages or MappingApi.Family.DmaMmap) usesPgoff = true;
            if (family is MappingApi.Family.VmallocRange && args.Count == 3 && IsPgoffDerived(args[2], frame, index, 0)) usesPgoff = true;
        }

        foreach (var (_, call) in faultApiCalls) evidence.Add(new(call.File, call.Line, $"fault: {call.Callee}({call.Args})"));
        if (faultReturnsPage) evidence.AddRange(faultFacts.Where(x => x.Fact.Kind == "vmfpage").Select(x => new Evidence(x.Fact.File, x.Fact.Line, "fault: vmf->page = …")));

        var shapeResult = shapes.Distinct().ToList() switch
        {
            [] when faultName is not null && faultApis.Count > 0 => MapShape.Fault,
            [] => MapShape.None,
            [var only] => only,
            var several => several.Contains(MapShape.PerPage) ? MapShape.PerPage : several[0],
        };
        var protResult = prots.Count == 0 ? ProtPassed.NotApplicable : prots.Contains(ProtPassed.PageShared) ? ProtPassed.PageShared : prots.Contains(ProtPassed.Other) ? ProtPassed.Other : ProtPassed.VmPageProt;

        if (families.Count == 0 && faultApis.Count == 0)
        {
            var calls = facts.Where(x => x.Fact.Kind == "call" && x.Frame.Function == id).Select(x => x.Fact.Callee!).Distinct().Take(6).ToList();
            var called = calls.Count == 0 ? "calls no named function" : $"calls {string.Join(", ", calls)}";
            unknown = mmapWalk.Unfollowed.Count > 0
                ? $"no mapping call found; not followed: {string.Join(", ", mmapWalk.Unfollowed.Distinct())}"
                : $"no mapping API call or fault handler reached ({called}; function pointers and code outside the analysed files are not followed)";
        }
        else if (IndirectCall(index, facts, "vm_area_struct") is { } viaMmap)
        {
            // cxlflash_cxl_mmap: rc = cfg->ops->fd_mmap(file, vma); the backend behind the pointer sets up the mapping.
            unknown = $"passes the VMA to {Squash(viaMmap.Fact.Callee)}({viaMmap.Fact.Args}), a function pointer: what it maps is not known";
        }
        else if (IndirectCall(index, faultFacts, "vm_fault") is { } viaFault)
        {
            unknown = $"the fault handler passes the fault to {Squash(viaFault.Fact.Callee)}({viaFault.Fact.Args}), a function pointer: what it maps is not known";
        }
        else if (families.Count > 1)
        {
            unknown = $"several mapping APIs ({string.Join(", ", apiCalls.Select(x => x.Fact.Callee).Distinct())}): which one runs depends on the device's state";
        }
        else if (shapes.Distinct().Count() > 1)
        {
            unknown = $"{apiCalls[0].Fact.Callee} called with different shapes ({string.Join(", ", shapes.Distinct())}) on different paths";
        }

        return new StrategyRecord
        {
            Handler = id.Name, File = id.File, Line = def.Line, Via = via, Subsystem = SubsystemOf(id.File),
            Apis = apiCalls.Select(x => x.Fact.Callee!).Distinct().ToList(), FaultHandler = faultName, FaultApis = faultApis,
            Shape = shapeResult, Prot = protResult, ChecksReturn = checksReturn, Guard = guard, GuardErrno = guardErrno,
            RejectsWrite = rejectsWrite, UsesPgoff = usesPgoff, ChecksLength = checksLength, LengthErrno = lengthErrno, SetsPfnMap = setsPfnMap,
            FaultChecksOffset = faultChecksOffset, Unknown = unknown, Evidence = evidence.DistinctBy(e => (e.File, e.Line, e.What)).ToList(),
        };
    }

    /// <summary>
    /// A call through a function pointer (E->fld(args)) that receives the function's VMA (or vm_fault) parameter, other
    /// than the VMA's own operations (vma->vm_ops->open(vma)) and other than a dispatch to an mmap member
    /// (info->fbops->fb_mmap, idev->info->mmap, substream->ops->mmap: the functions stored there are entry points the
    /// audit judges on their own, so the dispatcher is judged on its own path): the code behind it is not known.
    /// </summary>
    private static (Frame Frame, Fact Fact)? IndirectCall(FactIndex index, IEnumerable<(Frame Frame, Fact Fact)> facts, string type)
    {
        foreach (var (frame, fact) in facts.Where(x => x.Fact.Kind == "icall"))
        {
            var member = Squash(fact.Callee)[(Squash(fact.Callee).LastIndexOf("->", StringComparison.Ordinal) + 2)..];
            if (EntryMember().IsMatch(member)) continue;
            var parameters = SplitArgs(index.Definition(frame.Function)?.Params ?? "");
            var names = ParamNames(index.Definition(frame.Function)?.Params).Where((_, i) => i < parameters.Count && parameters[i].Contains(type, StringComparison.Ordinal)).ToList();
            var callee = Squash(fact.Callee);
            if (names.Any(n => SplitArgs(fact.Args ?? "").Any(a => Squash(a) == n) && !callee.StartsWith(n + "->", StringComparison.Ordinal)))
                return (frame, fact);
        }

        return null;
    }

    /// <summary>Whether the result of a mapping call (or of the helper chain that leads to it) reaches a check or a return.</summary>
    private static bool IsChecked(FactIndex index, Frame frame, Fact call)
    {
        var body = index.Body(frame.Function);
        var ctx = body.Where(f => f.Kind == "ctx" && f.Line == call.Line && f.Callee == call.Callee).ToList();
        bool here;
        if (ctx.Any(c => c.How == "returned")) here = true;
        else if (ctx.FirstOrDefault(c => c.How == "assigned") is { To: { } variable })
        {
            var token = new Regex($@"(^|[^\w]){Regex.Escape(variable)}([^\w]|$)");
            here = body.Any(f => f.Line >= call.Line && ((f.Kind == "if" && token.IsMatch(f.Condition ?? "")) || (f.Kind == "ret" && token.IsMatch(f.Value ?? ""))));
        }
        else here = !ctx.Any(c => c.How == "ignored");

        if (!here || frame.Caller is null) return here;

        // The helper returns it: its caller must not drop the helper's result.
        var callerBody = index.Body(frame.Caller.Function);
        var dropped = callerBody.Any(f => f.Kind == "ctx" && f.How == "ignored" && f.Line == frame.CallLine && f.Callee == frame.Function.Name);
        return !dropped && IsCheckedCallSite(index, frame);
    }

    private static bool IsCheckedCallSite(FactIndex index, Frame frame)
    {
        if (frame.Caller is null) return true;
        var callerBody = index.Body(frame.Caller.Function);
        var dropped = callerBody.Any(f => f.Kind == "ctx" && f.How == "ignored" && f.Line == frame.CallLine && f.Callee == frame.Function.Name);
        return !dropped && IsCheckedCallSite(index, frame.Caller);
    }

    /// <summary>A branch that sets VM_SHARED in vm_flags (vma->vm_flags |= VM_SHARED; vm_flags_set(vma, VM_SHARED)).</summary>
    private static bool SetsShared(string? branch)
    {
        var b = Squash(branch);
        return b.Contains("vm_flags|=VM_SHARED", StringComparison.Ordinal) || b.Contains("vm_flags|=(VM_SHARED", StringComparison.Ordinal)
               || SetsSharedCall().IsMatch(b);
    }

    private static bool ClearsFlag(Fact call, string flag)
    {
        var args = SplitArgs(call.Args ?? "");
        return call.Callee switch
        {
            "vm_flags_clear" => args.Count == 2 && args[1].Contains(flag, StringComparison.Ordinal),
            "vm_flags_mod" => args.Count == 3 && args[2].Contains(flag, StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>"-EINVAL" in a then-branch that returns, assigns and jumps, or jumps: the errno; null when the branch is no error exit.</summary>
    public static string? ErrorOf(string then)
    {
        var m = ErrnoPattern().Match(then);
        if (m.Success && (then.Contains("return", StringComparison.Ordinal) || then.Contains("goto", StringComparison.Ordinal))) return m.Groups[1].Value;
        if (then.Contains("goto", StringComparison.Ordinal) || then.Contains("return ret", StringComparison.Ordinal) || then.Contains("return err", StringComparison.Ordinal)) return "EINVAL";
        return null;
    }

    private static bool IsSuccessExit(string then) => Squash(then).EndsWith("return0;}", StringComparison.Ordinal) || Squash(then) == "return0;";

    private static bool IsNegatedFlagTest(string cond)
    {
        var c = Squash(cond);
        return c.StartsWith("!(", StringComparison.Ordinal) || c.StartsWith("!((", StringComparison.Ordinal) || c.Contains("==0", StringComparison.Ordinal)
               || c.Contains("!=VM_SHARED", StringComparison.Ordinal) || c.Contains("!=VM_MAYSHARE", StringComparison.Ordinal)
               || c.Contains("!=(VM_SHARED", StringComparison.Ordinal) || c.Contains("!=(VM_MAYSHARE", StringComparison.Ordinal); // (flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE)
    }

    /// <summary>A comparison, or a helper call judging the VMA (valid_range(vma->vm_pgoff, size)) — but not a mapping call's result.</summary>
    private static bool IsComparison(string cond) =>
        !MappingApi.Names.Any(n => cond.Contains(n, StringComparison.Ordinal))
        && (cond.Contains('>') || cond.Contains('<') || cond.Contains("!=", StringComparison.Ordinal) || cond.Contains("==", StringComparison.Ordinal) || cond.Contains('('));

    /// <summary>Whether a condition talks about the VMA's length or offset (directly, through a local, or through a helper's parameter).</summary>
    private static bool MentionsVmaExtent(string cond, Frame frame, FactIndex index)
    {
        if (cond.Contains("vm_end", StringComparison.Ordinal) || cond.Contains("vma_pages", StringComparison.Ordinal) || cond.Contains("vm_pgoff", StringComparison.Ordinal)) return true;
        foreach (Match m in IdentifierPattern().Matches(cond))
        {
            var name = m.Value;
            if (IsVmaLength(name, frame, index, 0) || IsPgoffDerived(name, frame, index, 0)) return true;
        }

        return false;
    }

    private static bool IsPgoffDerived(string expr, Frame frame, FactIndex index, int depth)
    {
        if (depth > 4) return false;
        if (expr.Contains("vm_pgoff", StringComparison.Ordinal)) return true;
        var name = expr.Trim();
        if (!IdentifierOnly().IsMatch(name)) return false;
        if (frame.Bindings.TryGetValue(name, out var bound)) return IsPgoffDerived(bound.Arg, bound.Caller, index, depth + 1);
        return index.Body(frame.Function).Any(f => f.Kind == "asg" && f.Target == name && IsPgoffDerived(f.Value ?? "", frame, index, depth + 1));
    }

    /// <summary>vma->vm_end - vma->vm_start, vma_pages(vma) << PAGE_SHIFT, or a local or parameter holding it.</summary>
    private static bool IsVmaLength(string expr, Frame frame, FactIndex index, int depth) => IsVmaLengthCore(expr, frame, index, depth);

    private static bool IsVmaLengthCore(string expr, Frame frame, FactIndex index, int depth)
    {
        if (depth > 4) return false;
        var e = Squash(expr);
        if (e.Contains("vm_end-", StringComparison.Ordinal) && e.Contains("vm_start", StringComparison.Ordinal)) return true;
        if (e.Contains("vma_pages(", StringComparison.Ordinal)) return true;
        if (EqualsVmaLength(e, frame, index)) return true;
        var inner = StripWrapper(e);
        if (!IdentifierOnly().IsMatch(inner)) return false;
        if (frame.Bindings.TryGetValue(inner, out var bound)) return IsVmaLengthCore(bound.Arg, bound.Caller, index, depth + 1);
        return index.Body(frame.Function).Any(f => f.Kind == "asg" && f.Target == inner && IsVmaLengthCore(f.Value ?? "", frame, index, depth + 1));
    }

    /// <summary>
    /// An expression the function, or a check on the handler's walk, has already forced to equal the VMA's length:
    /// if (vm_end - vm_start != E) return -E…; (uv_mmtimer: != PAGE_SIZE; usnic: != bar->len), or
    /// if (vm_end - vm_start > PAGE_SIZE) return -E…; (idxd check_vma: a VMA has at least one page, so exactly one).
    /// </summary>
    private static bool EqualsVmaLength(string squashed, Frame frame, FactIndex index)
    {
        var functions = new List<FunctionId> { frame.Function };
        if (frame.Walk is { } walk) functions.AddRange(walk.Frames.Select(f => f.Function).Where(f => f != frame.Function));
        foreach (var fact in functions.SelectMany(index.Body).Where(f => f.Kind == "if" && ErrorOf(f.Then ?? "") is not null))
        {
            var cond = Squash(fact.Condition);
            string? lengthSide;
            var at = cond.IndexOf("!=", StringComparison.Ordinal);
            if (at >= 0)
            {
                var left = cond[..at].Trim('(', ')');
                var right = cond[(at + 2)..].Trim('(', ')');
                lengthSide = IsLengthText(left) ? right : IsLengthText(right) ? left : null;
            }
            else
            {
                // LEN > PAGE_SIZE (or vma_pages(vma) > 1) refused: the VMA is one page.
                var parts = cond.Replace("->", "\u2192", StringComparison.Ordinal).Split('>');
                lengthSide = parts.Length == 2 && !parts[1].StartsWith('=') && IsLengthText(parts[0].Trim('(', ')'))
                             && parts[1].Trim('(', ')') is "PAGE_SIZE" or "1" ? "PAGE_SIZE" : null;
            }

            if (lengthSide is null) continue;
            if (lengthSide == squashed) return true;
            if (IdentifierOnly().IsMatch(squashed) && index.Body(frame.Function).Any(f => f.Kind == "asg" && f.Target == squashed && Squash(f.Value) == lengthSide)) return true;
        }

        return false;
    }

    private static bool IsLengthText(string e) => e.Contains("vm_end-", StringComparison.Ordinal) || e.Contains("vma_pages(", StringComparison.Ordinal);

    /// <summary>
    /// A remap in a loop that tiles the VMA with pieces of contiguous device memory (fbdev aperture tables,
    /// drivers/video/fbdev/sbuslib.c sbusfb_mmap_helper): the start is vm_start + OFF, the length a variable the loop
    /// clamps to the VMA's length minus OFF (if (page + map_size > size) map_size = size - page;), and the pfn does not
    /// come from per-page or scatter-gather memory (whose pieces are scattered: those loops stay per page). Returns the
    /// clamping assignment, or null.
    /// </summary>
    private static Fact? PiecesClamp(string start, string pfn, string length, Frame frame, FactIndex index)
    {
        var s = Squash(start);
        var plus = s.IndexOf("->vm_start+", StringComparison.Ordinal);
        if (plus < 0) return null;
        var offset = s[(plus + "->vm_start+".Length)..].Trim('(', ')');
        if (!IdentifierOnly().IsMatch(offset)) return null;
        var len = StripWrapper(Squash(length));
        if (!IdentifierOnly().IsMatch(len) || IsPageSize(len, frame, index)) return null;
        if (Derivation(pfn, frame, index, 0).Any(t => ScatteredPfn().IsMatch(t))) return null;
        var remainder = new Regex($@"([A-Za-z_][\w>.-]*|\([^()]*\))-\(?{Regex.Escape(offset)}\)?(?![\w])");
        return index.Body(frame.Function).FirstOrDefault(f => f.Kind == "asg" && f.Target == len
            && remainder.Matches(Squash(f.Value)).Any(m => IsVmaLength(m.Groups[1].Value, frame, index, 0)));
    }

    private static bool IsPageSize(string expr, Frame frame, FactIndex index) =>
        expr is "PAGE_SIZE" or "(1<<PAGE_SHIFT)" or "1<<PAGE_SHIFT" or "1UL<<PAGE_SHIFT"
        || (IdentifierOnly().IsMatch(expr) && index.Body(frame.Function).Where(f => f.Kind == "asg" && f.Target == expr).ToList() is { Count: > 0 } all
            && all.All(f => Squash(f.Value) == "PAGE_SIZE"));

    /// <summary>An expression and the assigned values of the locals and parameters it reads, four levels deep.</summary>
    private static IEnumerable<string> Derivation(string expr, Frame frame, FactIndex index, int depth)
    {
        yield return expr;
        if (depth > 3) yield break;
        foreach (Match m in IdentifierPattern().Matches(expr))
        {
            if (frame.Bindings.TryGetValue(m.Value, out var bound))
            {
                foreach (var t in Derivation(bound.Arg, bound.Caller, index, depth + 1)) yield return t;
                continue;
            }

            foreach (var f in index.Body(frame.Function).Where(f => f.Kind == "asg" && f.Target == m.Value))
            foreach (var t in Derivation(f.Value ?? "", frame, index, depth + 1)) yield return t;
        }
    }

    private static bool IsVmStart(string expr, Frame frame, FactIndex index, int depth = 0)
    {
        if (depth > 4) return false;
        var e = Squash(expr);
        if (e.EndsWith("->vm_start", StringComparison.Ordinal) && !e.Contains('+')) return true;
        if (!IdentifierOnly().IsMatch(e)) return false;
        if (frame.Bindings.TryGetValue(e, out var bound)) return IsVmStart(bound.Arg, bound.Caller, index, depth + 1);
        var assigned = index.Body(frame.Function).Where(f => f.Kind == "asg" && f.Target == e).ToList();
        return assigned.Count > 0 && assigned.All(f => IsVmStart(f.Value ?? "", frame, index, depth + 1));
    }

    private static ProtPassed ProtOf(string expr, Frame frame, FactIndex index, int depth)
    {
        var e = Squash(expr);
        if (e.Contains("PAGE_SHARED", StringComparison.Ordinal)) return ProtPassed.PageShared;
        if (e.Contains("vm_page_prot", StringComparison.Ordinal)) return ProtPassed.VmPageProt;
        if (depth > 4 || !IdentifierOnly().IsMatch(e)) return ProtPassed.Other;
        if (frame.Bindings.TryGetValue(e, out var bound)) return ProtOf(bound.Arg, bound.Caller, index, depth + 1);
        var assigned = index.Body(frame.Function).Where(f => f.Kind == "asg" && f.Target == e).Select(f => ProtOf(f.Value ?? "", frame, index, depth + 1)).Distinct().ToList();
        return assigned is [var one] ? one : ProtPassed.Other;
    }

    private static string StripWrapper(string e)
    {
        foreach (var wrapper in new[] { "PAGE_ALIGN(", "(" })
        {
            if (e.StartsWith(wrapper, StringComparison.Ordinal) && e.EndsWith(')')) return e[wrapper.Length..^1];
        }

        return e;
    }

    public static string Squash(string? s) => s is null ? "" : string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    public static IReadOnlyList<string> ParamNames(string? parameters)
    {
        if (string.IsNullOrWhiteSpace(parameters)) return [];
        return SplitArgs(parameters).Select(p => IdentifierPattern().Matches(p) is { Count: > 0 } ms ? ms[^1].Value : "").ToList();
    }

    /// <summary>Splits "a , f ( b , c ) , d" at the top-level commas.</summary>
    public static IReadOnlyList<string> SplitArgs(string args)
    {
        var result = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case '(' or '[' or '{': depth++; break;
                case ')' or ']' or '}': depth--; break;
                case ',' when depth == 0:
                    result.Add(args[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        if (args.Trim().Length > 0) result.Add(args[start..].Trim());
        return result;
    }

    /// <summary>The ops members that hold an mmap entry point (cocci/mmap-facts.cocci rfield lists these and .fault).</summary>
    [GeneratedRegex(@"^(mmap|fb_mmap|.*_mmap|mmap_.*)$")]
    private static partial Regex EntryMember();

    [GeneratedRegex(@"vm_flags_(set|mod)\([^;]*VM_SHARED")]
    private static partial Regex SetsSharedCall();

    /// <summary>pfns of scattered memory: struct pages, vmalloc pages, scatterlist entries.</summary>
    [GeneratedRegex(@"\bsg_|\bsg\b|sgl|scatterlist|page_to_pfn|vmalloc_to_pfn|vmalloc_to_page|virt_to_page|\bpages\[")]
    private static partial Regex ScatteredPfn();

    [GeneratedRegex(@"-\s*(E[A-Z0-9]+)\b")]
    private static partial Regex ErrnoPattern();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^[A-Za-z_]\w*$")]
    private static partial Regex IdentifierOnly();
}
