namespace Mmap.Oracle.Logs;

/// <summary>
/// One line of the batch's serial log that belongs to a case. <see cref="Source"/> is 'U' (the user
/// program), 'K' (the driver's log) or 'D' (a kernel message); <see cref="Step"/> is the step index for
/// user lines that report a step, otherwise -1. <see cref="Fields"/> are the space-separated fields after
/// the record kind; <see cref="Text"/> is the raw remainder (for maps lines and kernel messages).
/// </summary>
public sealed record LogRecord(char Source, int Step, string Kind, IReadOnlyList<string> Fields, string Text)
{
    public ulong Hex(int index) => Convert.ToUInt64(Fields[index], 16);

    public long Signed(int index) => long.Parse(Fields[index], System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"{Source} {Step} {Kind} {Text}";
}
