using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Scenarios;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Oracle.Cases;

/// <summary>
/// Turns a parsed scenario into an <see cref="EncodedCase"/>: every enum through an explicit switch,
/// every number range-checked, mapping names replaced by slot numbers. Anything the generated C could
/// not run faithfully is rejected with <see cref="OracleFailure.Unsupported"/>.
/// Argument layout per op:
/// open A=flags · mmap A=slot B=length C=prot D=flags E=offset F=hint slot+1 (0: NULL) G=hint offset ·
/// read A=slot B=offset C=type · write A=slot B=offset C=type D=value · mprotect A=slot B=offset C=length D=prot ·
/// munmap A=slot B=offset C=length · check A=slot B=pattern (ulong.MaxValue: the driver's fill) ·
/// fd-write A=length B=pattern · fd-read A=length · check-buffer A=pattern.
/// </summary>
public static class StepEncoder
{
    public const int MaxSlots = 32;
    public const int MaxPages = Mmap.Model.Memory.DeviceBuffer.MaxPages;
    public const ulong MaxIoLength = 64UL << 20;
    public const ulong DriverFill = ulong.MaxValue;

    public static EncodedCase Encode(Scenario scenario)
    {
        var slots = new List<string>();
        var patterns = new List<IReadOnlyList<int>>();
        var steps = new List<EncodedStep>();
        foreach (var step in scenario.Steps) steps.Add(EncodeStep(scenario, step, slots, patterns));
        return new EncodedCase(scenario.Name, EncodeDriver(scenario.Driver), steps, patterns, slots);
    }

    public static EncodedDriver EncodeDriver(DriverStrategy driver)
    {
        if (driver.Pages is < 1 or > MaxPages) throw Unsupported($"buffer pages={driver.Pages} (allowed: 1..{MaxPages})");
        if (driver.Fill.Bytes.Count > FillPattern.MaxLength) throw Unsupported("fill longer than 16 bytes");
        var limitPages = driver.Limit is { } limit ? limit.MaxPages : -1;
        if (driver.Limit is { MaxPages: < 0 }) throw Unsupported("negative length-limit");
        return new EncodedDriver(
            BufferKind: driver.Buffer switch
            {
                BufferKind.Kmalloc => EncodedDriver.Kmalloc,
                BufferKind.Vmalloc => EncodedDriver.Vmalloc,
                _ => throw Unsupported($"buffer kind {driver.Buffer}"),
            },
            Pages: driver.Pages,
            Fill: driver.Fill.Bytes.Select(b => b is { } v ? (int)v : -1).ToArray(),
            LimitPages: limitPages,
            LimitErrno: driver.Limit is { } l ? ErrnoNumber(l.Error) : 0,
            Method: driver.Method switch
            {
                MappingMethod.RemapWhole => EncodedDriver.RemapWhole,
                MappingMethod.RemapPerPage => EncodedDriver.RemapPerPage,
                MappingMethod.InsertPage => EncodedDriver.InsertPage,
                MappingMethod.MapPages => EncodedDriver.MapPages,
                MappingMethod.Fault => EncodedDriver.Fault,
                MappingMethod.FaultPfn => EncodedDriver.FaultPfn,
                MappingMethod.None => EncodedDriver.NoMmap,
                _ => throw Unsupported($"mmap method {driver.Method}"),
            },
            PageShared: driver.Prot switch
            {
                RemapProt.VmPageProt => 0,
                RemapProt.PageShared => 1,
                _ => throw Unsupported($"prot {driver.Prot}"),
            },
            CheckErrors: driver.ChecksErrors ? 1 : 0,
            PgoffHonour: driver.Pgoff switch
            {
                PgoffPolicy.Ignore => 0,
                PgoffPolicy.Honour => 1,
                _ => throw Unsupported($"pgoff {driver.Pgoff}"),
            },
            ClearMayWrite: driver.ClearsMayWrite ? 1 : 0,
            LabFops: driver.Fops switch
            {
                FileOperationsKind.None => 0,
                FileOperationsKind.Lab => 1,
                _ => throw Unsupported($"fops {driver.Fops}"),
            });
    }

    private static EncodedStep EncodeStep(Scenario scenario, Step step, List<string> slots, List<IReadOnlyList<int>> patterns) => step switch
    {
        OpenStep o => new EncodedStep(StepOp.Open, OpenFlagsValue(o.Flags)),
        CloseStep => new EncodedStep(StepOp.Close),
        MmapStep m => new EncodedStep(
            StepOp.Mmap, Slot(slots, m.Name, create: true), m.Length, (uint)m.Prot, (uint)m.Flags, m.Offset,
            m.Address is null ? 0 : Slot(slots, m.Address.Mapping, create: false) + 1, m.Address?.Offset ?? 0),
        ReadStep r => new EncodedStep(StepOp.Read, Slot(slots, r.Address.Mapping, false), r.Address.Offset, TypeCode(r.Type)),
        WriteStep w => new EncodedStep(StepOp.Write, Slot(slots, w.Address.Mapping, false), w.Address.Offset, TypeCode(w.Type), w.Value),
        MprotectStep p => new EncodedStep(StepOp.Mprotect, Slot(slots, p.Address.Mapping, false), p.Address.Offset, p.Length, (uint)p.Prot),
        MunmapStep u => new EncodedStep(StepOp.Munmap, Slot(slots, u.Address.Mapping, false), u.Address.Offset, u.Length),
        CheckStep c => new EncodedStep(StepOp.Check, Slot(slots, c.Mapping, false), c.Pattern is null ? DriverFill : Pattern(patterns, c.Pattern)),
        FdWriteStep fw => new EncodedStep(StepOp.FdWrite, IoLength(fw.Length), Pattern(patterns, fw.Pattern)),
        FdReadStep fr => new EncodedStep(StepOp.FdRead, IoLength(fr.Length)),
        CheckBufferStep cb => new EncodedStep(StepOp.CheckBuffer, Pattern(patterns, cb.Pattern)),
        MapsStep => new EncodedStep(StepOp.Maps),
        ProcTotalStep => new EncodedStep(StepOp.ProcTotal),
        _ => throw Unsupported($"{scenario.Name}: step {step.GetType().Name}"),
    };

    private static ulong Slot(List<string> slots, string name, bool create)
    {
        var index = slots.IndexOf(name);
        if (index >= 0) return (ulong)index;
        if (slots.Count >= MaxSlots) throw Unsupported($"more than {MaxSlots} mappings");
        // An address naming a mapping never created still gets a slot: its base stays 0.
        slots.Add(name);
        _ = create;
        return (ulong)(slots.Count - 1);
    }

    private static ulong Pattern(List<IReadOnlyList<int>> patterns, IReadOnlyList<byte> bytes)
    {
        if (bytes.Count is 0 or > 16) throw Unsupported("patterns have 1..16 bytes");
        patterns.Add(bytes.Select(b => (int)b).ToArray());
        return (ulong)(patterns.Count - 1);
    }

    private static ulong IoLength(ulong length) =>
        length <= MaxIoLength ? length : throw Unsupported($"read/write length 0x{length:x} above 64 MiB");

    private static ulong OpenFlagsValue(OpenFlags flags)
    {
        var known = OpenFlags.AccessModeMask | OpenFlags.Sync;
        if ((flags & ~known) != 0) throw Unsupported($"open flags 0x{(uint)flags:x}");
        return (uint)flags;
    }

    private static ulong TypeCode(ValueType type) => type switch
    {
        ValueType.Char => 0,
        ValueType.UChar => 1,
        ValueType.U8 => 2,
        ValueType.U32 => 3,
        _ => throw Unsupported($"value type {type}"),
    };

    internal static int ErrnoNumber(Errno errno) =>
        Enum.IsDefined(errno) && (int)errno is > 0 and < 4096 ? (int)errno : throw Unsupported($"errno {errno}");

    private static OracleException Unsupported(string what) => new(OracleFailure.Unsupported, $"not runnable on a real kernel: {what}");
}
