using System.Globalization;

namespace Mmap.Oracle.Logs;

/// <summary>How one field of a log record is printed by the C side and read back here.</summary>
public enum FieldKind
{
    /// <summary>int, "%d".</summary>
    Int,

    /// <summary>long, "%ld".</summary>
    Long,

    /// <summary>unsigned long, "%lu".</summary>
    ULong,

    /// <summary>unsigned long, "%lx".</summary>
    Hex,

    /// <summary>unsigned int, "%x".</summary>
    HexInt,

    /// <summary>a char, "%c".</summary>
    Char,

    /// <summary>a word without spaces, "%s".</summary>
    Word,

    /// <summary>the rest of the line, spaces included, "%s" (last field only).</summary>
    Text,

    /// <summary>a fixed word written into the format itself (<see cref="LogField.Name"/> is the word).</summary>
    Literal,
}

/// <summary>One named field of a <see cref="LogLayout"/>.</summary>
public sealed record LogField(string Name, FieldKind Kind)
{
    /// <summary>The printf conversion of the field (or the literal word).</summary>
    public string Conversion => Kind switch
    {
        FieldKind.Int => "%d",
        FieldKind.Long => "%ld",
        FieldKind.ULong => "%lu",
        FieldKind.Hex => "%lx",
        FieldKind.HexInt => "%x",
        FieldKind.Char => "%c",
        FieldKind.Word or FieldKind.Text => "%s",
        FieldKind.Literal => Name,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    /// <summary>Whether <paramref name="text"/> is what the conversion can print.</summary>
    public bool Accepts(string text) => Kind switch
    {
        FieldKind.Int or FieldKind.Long => AllOf(text.StartsWith('-') ? text[1..] : text, char.IsAsciiDigit),
        FieldKind.ULong => AllOf(text, char.IsAsciiDigit),
        FieldKind.Hex or FieldKind.HexInt => AllOf(text, c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'),
        FieldKind.Char => text.Length == 1,
        FieldKind.Word or FieldKind.Text => text.Length > 0,
        FieldKind.Literal => text == Name,
        _ => false,
    };

    private static bool AllOf(string text, Func<char, bool> allowed) => text.Length > 0 && text.All(allowed);
}

/// <summary>Who writes a record, which decides the fields in front of its kind.</summary>
public enum RecordSource
{
    /// <summary>The module's log (drained by the program as "@K "): "KIND case fields".</summary>
    Driver,

    /// <summary>The program, about one step: "@U case step KIND fields".</summary>
    Step,

    /// <summary>The program, about a whole case: "@U case KIND fields".</summary>
    Case,

    /// <summary>A kernel message the program copied from /dev/kmsg: "@D case text".</summary>
    Kernel,
}

/// <summary>
/// The layout of one log record, declared once: the C side prints it with <see cref="CFormat"/> (emitted into
/// the generated header as <see cref="CName"/>, so gcc checks every printf's arguments against these kinds),
/// and <see cref="SerialLogParser"/> matches lines against it and reads its fields by name.
/// </summary>
/// <param name="Name">Upper-case name; the C macro is REC_NAME.</param>
/// <param name="Source">Who prints it.</param>
/// <param name="Kind">The record's kind word ("R", "M", "FW").</param>
/// <param name="Fields">The fields after the kind, in order.</param>
/// <param name="Repeated">A field repeated to the end of the line (printed one by one with <see cref="CItemName"/>).</param>
public sealed record LogLayout(string Name, RecordSource Source, string Kind, IReadOnlyList<LogField> Fields, LogField? Repeated = null)
{
    public string CName => "REC_" + Name;

    /// <summary>The C macro of the repeated item's format.</summary>
    public string CItemName => CName + "_ITEM";

    /// <summary>The printf format of the record (without the repeated items and newline when it has any).</summary>
    public string CFormat
    {
        get
        {
            var head = Source switch
            {
                RecordSource.Driver => Kind + " %d",
                RecordSource.Step => "@U %d %d " + Kind,
                RecordSource.Case => "@U %d " + Kind,
                RecordSource.Kernel => "@D %d",
                _ => throw new InvalidOperationException(),
            };
            var fields = string.Concat(Fields.Select(f => " " + f.Conversion));
            return head + fields + (Repeated is null ? "\n" : "");
        }
    }

    /// <summary>The printf format of one repeated item (" %lx").</summary>
    public string? CItemFormat => Repeated is { } r ? " " + r.Conversion : null;

    /// <summary>The index of field <paramref name="name"/> among the fields after the kind.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i].Name == name && Fields[i].Kind != FieldKind.Literal) return i;
        throw new ArgumentException($"record {Name} has no field '{name}'", nameof(name));
    }

    /// <summary>Whether the fields after the kind have this layout.</summary>
    public bool Matches(IReadOnlyList<string> fields)
    {
        if (Fields.Count > 0 && Fields[^1].Kind == FieldKind.Text) return fields.Count >= Fields.Count - 1;
        if (Repeated is null ? fields.Count != Fields.Count : fields.Count < Fields.Count) return false;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = i < Fields.Count ? Fields[i] : Repeated!;
            if (!field.Accepts(fields[i])) return false;
        }

        return true;
    }
}

/// <summary>
/// Every record of the oracle's serial log, declared once. The module prints the Driver records, the user program
/// the Step, Case and Kernel ones; the generated C gets each format as a macro (<see cref="Codegen.ProtocolHeader"/>)
/// and the parser reads every line through these layouts.
/// </summary>
public static class LogProtocol
{
    /// <summary>What the program puts in front of each driver log line it copies to the console.</summary>
    public const string DriverLinePrefix = "@K ";

    private static LogField F(string name, FieldKind kind) => new(name, kind);

    private static LogField Lit(string word) => new(word, FieldKind.Literal);

    // The driver's records (module, mlog): the case number follows the kind.
    public static LogLayout Loaded { get; } = new("LOADED", RecordSource.Driver, "L", [F("kind", FieldKind.Int), F("pages", FieldKind.ULong)]);
    public static LogLayout Pfns { get; } = new("PFNS", RecordSource.Driver, "Q", [F("first", FieldKind.ULong)], F("pfn", FieldKind.Hex));
    public static LogLayout MmapEntered { get; } = new("MMAP_ENTERED", RecordSource.Driver, "E",
        [F("start", FieldKind.Hex), F("end", FieldKind.Hex), F("flags", FieldKind.Hex), F("pgoff", FieldKind.Hex)]);
    public static LogLayout FlagsCleared { get; } = new("FLAGS_CLEARED", RecordSource.Driver, "C", [F("flags", FieldKind.Hex)]);
    public static LogLayout Remap { get; } = new("REMAP", RecordSource.Driver, "R",
        [F("addr", FieldKind.Hex), F("pfn", FieldKind.Hex), F("size", FieldKind.Hex), F("ret", FieldKind.Int)]);
    public static LogLayout InsertPage { get; } = new("INSERT_PAGE", RecordSource.Driver, "I",
        [F("addr", FieldKind.Hex), F("index", FieldKind.ULong), F("ret", FieldKind.Int)]);
    public static LogLayout MapPages { get; } = new("MAP_PAGES", RecordSource.Driver, "M",
        [F("zero", FieldKind.Int), F("count", FieldKind.ULong), F("ret", FieldKind.Int)]);
    public static LogLayout MmapReturned { get; } = new("MMAP_RETURNED", RecordSource.Driver, "X",
        [F("ret", FieldKind.Int), F("flags", FieldKind.Hex), F("pgoff", FieldKind.Hex)]);
    /// <summary>The module's log buffer was full: records of this case were dropped (a transport failure, never a trace).</summary>
    public static LogLayout DriverLost { get; } = new("DRIVER_LOST", RecordSource.Driver, "O", [F("bytes", FieldKind.ULong)]);
    public static LogLayout Fault { get; } = new("FAULT", RecordSource.Driver, "F",
        [F("addr", FieldKind.Hex), F("pgoff", FieldKind.Hex), F("result", FieldKind.Char), F("index", FieldKind.ULong)]);

    // The program's records about one step.
    public static LogLayout Opened { get; } = new("OPEN", RecordSource.Step, "O", [F("ret", FieldKind.Int)]);
    public static LogLayout Closed { get; } = new("CLOSE", RecordSource.Step, "C", [F("ret", FieldKind.Long)]);
    public static LogLayout Mapped { get; } = new("MMAP_OK", RecordSource.Step, "M", [Lit("a"), F("addr", FieldKind.Hex), F("hint", FieldKind.Hex)]);
    public static LogLayout MapFailed { get; } = new("MMAP_FAILED", RecordSource.Step, "M", [Lit("e"), F("errno", FieldKind.Int), F("hint", FieldKind.Hex)]);
    public static LogLayout ReadValue { get; } = new("READ_VALUE", RecordSource.Step, "R", [Lit("v"), F("value", FieldKind.HexInt)]);
    public static LogLayout ReadSignal { get; } = new("READ_SIGNAL", RecordSource.Step, "R",
        [Lit("s"), F("signo", FieldKind.Int), F("code", FieldKind.Int), F("addr", FieldKind.Hex)]);
    public static LogLayout Written { get; } = new("WRITE_DONE", RecordSource.Step, "W", [Lit("v"), F("value", FieldKind.HexInt)]);
    public static LogLayout WriteSignal { get; } = new("WRITE_SIGNAL", RecordSource.Step, "W",
        [Lit("s"), F("signo", FieldKind.Int), F("code", FieldKind.Int), F("addr", FieldKind.Hex)]);
    public static LogLayout Protected { get; } = new("MPROTECT", RecordSource.Step, "P", [F("ret", FieldKind.Long)]);
    public static LogLayout Unmapped { get; } = new("MUNMAP", RecordSource.Step, "U", [F("ret", FieldKind.Long)]);
    public static LogLayout PageBytes { get; } = new("CHECK_PAGE", RecordSource.Step, "K", [F("page", FieldKind.Hex)], F("byte", FieldKind.HexInt));
    public static LogLayout PageSignal { get; } = new("CHECK_PAGE_SIGNAL", RecordSource.Step, "K",
        [F("page", FieldKind.Hex), Lit("s"), F("signo", FieldKind.Int), F("code", FieldKind.Int), F("addr", FieldKind.Hex)]);
    public static LogLayout FdWritten { get; } = new("FD_WRITE", RecordSource.Step, "FW", [F("ret", FieldKind.Long)]);
    public static LogLayout FdRead { get; } = new("FD_READ", RecordSource.Step, "FR", [F("ret", FieldKind.Long)]);
    public static LogLayout BufferBytes { get; } = new("CHECK_BUFFER", RecordSource.Step, "B", [F("offset", FieldKind.Hex)], F("byte", FieldKind.HexInt));
    public static LogLayout MapsLine { get; } = new("MAPS_LINE", RecordSource.Step, "L", [F("line", FieldKind.Text)]);
    public static LogLayout ProcTotal { get; } = new("PROC_TOTAL", RecordSource.Step, "T", [F("total", FieldKind.Hex)]);
    public static LogLayout ProcTotalFailed { get; } = new("PROC_TOTAL_FAILED", RecordSource.Step, "T", [Lit("error")]);
    public static LogLayout NotRun { get; } = new("NOT_RUN", RecordSource.Step, "N", []);
    public static LogLayout Warning { get; } = new("WARNING", RecordSource.Step, "G", [F("text", FieldKind.Text)]);

    // The program's records about a whole case.
    public static LogLayout CaseStarted { get; } = new("CASE_STARTED", RecordSource.Case, "A", []);
    public static LogLayout CaseEnded { get; } = new("CASE_ENDED", RecordSource.Case, "Z",
        [F("how", FieldKind.Word), F("value", FieldKind.Int), F("micros", FieldKind.Long)]);
    public static LogLayout CaseFailed { get; } = new("CASE_FAILED", RecordSource.Case, "Z", [Lit(CaseEnd.Error), F("errno", FieldKind.Int)]);
    public static LogLayout KernelMessage { get; } = new("KERNEL_MESSAGE", RecordSource.Kernel, "D", [F("text", FieldKind.Text)]);

    public static IReadOnlyList<LogLayout> All { get; } =
    [
        Loaded, Pfns, MmapEntered, FlagsCleared, Remap, InsertPage, MapPages, MmapReturned, Fault, DriverLost,
        Opened, Closed, Mapped, MapFailed, ReadValue, ReadSignal, Written, WriteSignal, Protected, Unmapped,
        PageBytes, PageSignal, FdWritten, FdRead, BufferBytes, MapsLine, ProcTotal, ProcTotalFailed, NotRun, Warning,
        CaseStarted, CaseEnded, CaseFailed, KernelMessage,
    ];

    /// <summary>The layout a record of this source and kind with these fields has, or null.</summary>
    public static LogLayout? Match(RecordSource source, string kind, IReadOnlyList<string> fields)
    {
        foreach (var layout in All)
            if (layout.Source == source && layout.Kind == kind && layout.Matches(fields)) return layout;
        return null;
    }

    /// <summary>What the driver's fault handler answered, as the letter of <see cref="Fault"/>'s result field.</summary>
    public static IReadOnlyList<(string CName, char Letter)> FaultResults { get; } =
    [
        ("FAULT_PAGE", 'P'), ("FAULT_SIGBUS", 'S'), ("FAULT_NOPAGE", 'N'), ("FAULT_OOM", 'O'),
    ];

    public static char FaultLetter(string cName) => FaultResults.First(r => r.CName == cName).Letter;

    /// <summary>Reads one field as the kind its layout declares.</summary>
    internal static ulong ParseHex(string text) => ulong.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
