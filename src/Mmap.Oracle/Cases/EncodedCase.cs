namespace Mmap.Oracle.Cases;

/// <summary>
/// A scenario reduced to validated integers: the driver row, the steps, the byte patterns the steps
/// refer to by index, and how many mapping slots the program needs. <see cref="SlotNames"/> and
/// <see cref="Name"/> stay on the C# side (they label the trace) and are never written into C.
/// </summary>
public sealed record EncodedCase(
    string Name,
    EncodedDriver Driver,
    IReadOnlyList<EncodedStep> Steps,
    IReadOnlyList<IReadOnlyList<int>> Patterns,
    IReadOnlyList<string> SlotNames);
