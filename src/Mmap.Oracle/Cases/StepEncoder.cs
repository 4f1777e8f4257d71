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
/// Each op fills the <see cref="EncodedStep"/> members it uses (documented there); the rest stay 0.
/// </summary>
public static class StepEncoder
{
    public const int MaxSlots = 32;
    public const int MaxPages = Mmap.Model.Memory.DeviceBuffer.MaxPages;
    public const ulong MaxIoLength = 64UL << 20;
    public const ulong DriverFill = ulong.MaxValue;

    public static EncodedCase Encode(Scenario scenario)
    {
        if (HarnessArea.Refusal(scenario) is { } outside) throw Unsupported(outside);
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
            BufferKind: Enum.IsDefined(driver.Buffer) ? (int)driver.Buffer : throw Unsupported($"buffer kind {driver.Buffer}"),
            Pages: driver.Pages,
            Fill: driver.Fill.Bytes.Select(b => b is { } v ? (int)v : EncodedDriver.FillPageIndex).ToArray(),
            LimitPages: limitPages,
            LimitErrno: driver.Limit is { } l ? ErrnoNumber(l.Error) : 0,
            Method: Enum.IsDefined(driver.Method) ? (int)driver.Method : throw Unsupported($"mmap method {driver.Method}"),
            Prot: Enum.IsDefined(driver.Prot) ? (int)driver.Prot : throw Unsupported($"prot {driver.Prot}"),
            CheckErrors: driver.ChecksErrors ? 1 : 0,
            Pgoff: Enum.IsDefined(driver.Pgoff) ? (int)driver.Pgoff : throw Unsupported($"pgoff {driver.Pgoff}"),
            ClearMayWrite: driver.ClearsMayWrite ? 1 : 0,
            Fops: Enum.IsDefined(driver.Fops) ? (int)driver.Fops : throw Unsupported($"fops {driver.Fops}"));
    }

    private static EncodedStep EncodeStep(Scenario scenario, Step step, List<string> slots, List<IReadOnlyList<int>> patterns) => step switch
    {
        OpenStep o => new(StepOp.Open) { Flags = OpenFlagsValue(o.Flags) },
        CloseStep => new(StepOp.Close),
        MmapStep m => new(StepOp.Mmap)
        {
            Slot = Slot(slots, m.Name), Length = m.Length, Prot = (uint)m.Prot, Flags = (uint)m.Flags, FileOffset = m.Offset,
            HintSlot = m.Address is null ? 0 : Slot(slots, m.Address.Mapping) + 1, Offset = m.Address?.Offset ?? 0,
        },
        ReadStep r => new(StepOp.Read) { Slot = Slot(slots, r.Address.Mapping), Offset = r.Address.Offset, Type = TypeCode(r.Type) },
        WriteStep w => new(StepOp.Write) { Slot = Slot(slots, w.Address.Mapping), Offset = w.Address.Offset, Type = TypeCode(w.Type), Value = w.Value },
        MprotectStep p => new(StepOp.Mprotect) { Slot = Slot(slots, p.Address.Mapping), Offset = p.Address.Offset, Length = p.Length, Prot = (uint)p.Prot },
        MunmapStep u => new(StepOp.Munmap) { Slot = Slot(slots, u.Address.Mapping), Offset = u.Address.Offset, Length = u.Length },
        CheckStep c => new(StepOp.Check) { Slot = Slot(slots, c.Mapping), Pattern = c.Pattern is null ? DriverFill : Pattern(patterns, c.Pattern) },
        FdWriteStep fw => new(StepOp.FdWrite) { Length = IoLength(fw.Length), Pattern = Pattern(patterns, fw.Pattern) },
        FdReadStep fr => new(StepOp.FdRead) { Length = IoLength(fr.Length) },
        CheckBufferStep cb => new(StepOp.CheckBuffer) { Pattern = Pattern(patterns, cb.Pattern) },
        MapsStep => new(StepOp.Maps),
        ProcTotalStep => new(StepOp.ProcTotal),
        _ => throw Unsupported($"{scenario.Name}: step {step.GetType().Name}"),
    };

    /// <summary>The slot of a mapping name; an address naming a mapping never created still gets one (its base stays 0).</summary>
    private static int Slot(List<string> slots, string name)
    {
        var index = slots.IndexOf(name);
        if (index >= 0) return index;
        if (slots.Count >= MaxSlots) throw Unsupported($"more than {MaxSlots} mappings");
        slots.Add(name);
        return slots.Count - 1;
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

    /// <summary>The C side reads <see cref="ValueType"/> by its enum value (VT_* in the generated header).</summary>
    private static int TypeCode(ValueType type) =>
        Enum.IsDefined(type) ? (int)type : throw Unsupported($"value type {type}");

    internal static int ErrnoNumber(Errno errno) =>
        Enum.IsDefined(errno) && (int)errno is > 0 and < 4096 ? (int)errno : throw Unsupported($"errno {errno}");

    private static OracleException Unsupported(string what) => new(OracleFailure.Unsupported, $"not runnable on a real kernel: {what}");
}
