namespace Mmap.Oracle.Logs;

/// <summary>
/// One line of the batch's serial log that belongs to a case. <see cref="Source"/> is 'U' (the user
/// program), 'K' (the driver's log) or 'D' (a kernel message); <see cref="Step"/> is the step index for
/// user lines that report a step, otherwise -1. <see cref="Fields"/> are the space-separated fields after
/// the record kind; <see cref="Text"/> is the raw remainder (for maps lines and kernel messages).
/// <see cref="Layout"/> is the <see cref="LogProtocol"/> layout the line matched; fields are read by its names.
/// </summary>
public sealed record LogRecord(char Source, int Step, string Kind, IReadOnlyList<string> Fields, string Text, LogLayout Layout)
{
    /// <summary>Whether this record has <paramref name="layout"/>.</summary>
    public bool Is(LogLayout layout) => ReferenceEquals(Layout, layout);

    public ulong Hex(string field) => LogProtocol.ParseHex(Fields[Layout.IndexOf(field)]);

    public long Signed(string field) => long.Parse(Fields[Layout.IndexOf(field)], System.Globalization.CultureInfo.InvariantCulture);

    public string Word(string field) => Fields[Layout.IndexOf(field)];

    /// <summary>The repeated items after the fixed fields (pfns, bytes), as hex numbers.</summary>
    public IEnumerable<ulong> HexItems() => Layout.Repeated is null ? [] : Fields.Skip(Layout.Fields.Count).Select(LogProtocol.ParseHex);

    public override string ToString() => $"{Source} {Step} {Kind} {Text}";
}
