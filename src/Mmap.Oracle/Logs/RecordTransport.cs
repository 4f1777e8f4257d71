using System.Globalization;
using System.Text;

namespace Mmap.Oracle.Logs;

/// <summary>
/// The transport under the log records: how the user program's lines reach the host intact, whatever the volume.
/// The program writes its record lines to a QEMU debug port (<see cref="RecordPort"/>, an <c>isa-debugcon</c> device
/// whose bytes QEMU appends to a file as they are written: no tty layer, no UART interrupts, nothing buffered in the
/// guest that a crash could lose); where the port cannot be opened (<c>ioperm</c> refused) it falls back to the serial
/// console. The host reads the console's lines followed by the port's (<see cref="Vm.BootResult.TransportLines"/>).
/// Every record line the program prints is sealed with a trailer <c>" ~SEQ CRC"</c>: SEQ numbers the lines of
/// one boot from 0 (one counter shared by the batch program and its per-case children), CRC is the CRC-32 (IEEE) of the
/// line's text before the trailer. The program's last line is <c>"@B Y TOTAL"</c>, sealed with SEQ = TOTAL, naming how
/// many lines came before it. <see cref="Open"/> checks that every number 0..TOTAL arrived exactly once with a good
/// checksum and returns the record lines for <see cref="SerialLogParser"/>; a line lost, garbled or repeated is an
/// <see cref="OracleFailure.TransportFailed"/>, never a wrong trace. Lines that are not records (the init script's
/// "@@MMAPV" markers, console noise) pass through unchecked and are ignored by the parser.
/// The C side gets <see cref="SealFormat"/>, <see cref="BatchEndFormat"/> and <see cref="Polynomial"/> through the
/// generated protocol header.
/// </summary>
public static class RecordTransport
{
    /// <summary>The reflected CRC-32 polynomial (IEEE 802.3, as zlib's crc32).</summary>
    public const uint Polynomial = 0xEDB88320u;

    /// <summary>
    /// The x86 I/O port of the records channel (QEMU's <c>isa-debugcon</c> at its usual address); the program gets it
    /// with <c>ioperm(2)</c>, inherited by its per-case children, and writes each sealed line with <c>rep outsb</c>.
    /// </summary>
    public const int RecordPort = 0x402;

    /// <summary>
    /// The program's argument that tells it to write to <see cref="RecordPort"/> (the init script passes it; on any other
    /// machine, a test on the host for one, the program writes its records to stdout).
    /// </summary>
    public const string RecordPortOption = "--records-port";

    /// <summary>The trailer's marker; a record's text never contains it (fields are numbers, words and maps lines).</summary>
    public const string Marker = " ~";

    /// <summary>printf format of the trailer, written right after the line's text: sequence number, CRC-32.</summary>
    public const string SealFormat = Marker + "%lu %08x\n";

    /// <summary>The batch program's last record: how many sealed lines precede it.</summary>
    public const string BatchEndPrefix = "@B Y ";

    /// <summary>printf format of the batch end record's text (sealed like every other line).</summary>
    public const string BatchEndFormat = BatchEndPrefix + "%lu";

    /// <summary>
    /// The record a writer prints when it finds that the previous holder of the transport lock died mid-line (a child the
    /// program killed on its time limit): that line was ended where it was cut, and its number (the field) is lost.
    /// </summary>
    public const string TornPrefix = "@B T ";

    /// <summary>printf format of the torn-line record's text.</summary>
    public const string TornFormat = TornPrefix + "%lu";

    /// <summary>
    /// Where the program keeps the sequence counter (a shared page): 16 TiB, far above the brk heap and far below the top-down mmap area where a
    /// scenario's mappings go, so no step can reach it (<see cref="Cases.HarnessArea"/> refuses addresses that could).
    /// </summary>
    public const ulong SequenceCounterAddress = 0x1000_0000_0000UL;

    /// <summary>What the program prints in place of a line longer than its line buffer (8 KiB): a transport failure.</summary>
    public const string OverflowRecord = "@B O";

    private static readonly uint[] Table = BuildTable();

    /// <summary>CRC-32 of the UTF-8 (here: ASCII) bytes of <paramref name="text"/>.</summary>
    public static uint Crc32(string text)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in Encoding.UTF8.GetBytes(text)) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>Whether a console line is a record line the program sealed (the parser's "@U ", "@K ", "@D " and the batch end).</summary>
    public static bool IsRecordLine(string line) =>
        line.Length >= 3 && line[0] == '@' && line[2] == ' ' && line[1] is 'U' or 'K' or 'D' or 'B';

    /// <summary>The line as the program prints it: text, sequence number, checksum (used by tests and fixtures).</summary>
    public static string Seal(string text, ulong sequence) =>
        text + Marker + sequence.ToString(CultureInfo.InvariantCulture) + " " + Crc32(text).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Seals record lines in order and appends the batch end, as the program does.</summary>
    public static IReadOnlyList<string> SealAll(IEnumerable<string> records)
    {
        var lines = new List<string>();
        ulong n = 0;
        foreach (var record in records) lines.Add(Seal(record, n++));
        lines.Add(Seal(BatchEndPrefix + n.ToString(CultureInfo.InvariantCulture), n));
        return lines;
    }

    /// <summary>
    /// Checks the sealed record lines of one boot's console and returns their texts, in arrival order, with the other
    /// lines (markers, noise) passed through. Throws <see cref="OracleException"/> (<see cref="OracleFailure.TransportFailed"/>)
    /// when a record line is garbled, repeated or missing, or the batch end never arrived.
    /// </summary>
    public static IReadOnlyList<string> Open(IEnumerable<string> consoleLines)
    {
        var texts = new List<string>();
        var seen = new HashSet<ulong>();
        var garbled = new List<string>();
        var repeated = new List<ulong>();
        var torn = new HashSet<ulong>();
        ulong? total = null;
        foreach (var raw in consoleLines)
        {
            var line = raw.TrimEnd('\r');
            if (!IsRecordLine(line))
            {
                texts.Add(line);
                continue;
            }

            if (!TryUnseal(line, out var text, out var sequence))
            {
                garbled.Add(line);
                continue;
            }

            if (!seen.Add(sequence)) repeated.Add(sequence);
            if (text == OverflowRecord || text.EndsWith(" " + OverflowRecord, StringComparison.Ordinal))
                throw new OracleException(OracleFailure.TransportFailed, $"a record line longer than the program's line buffer was replaced by '{OverflowRecord}' (record {sequence})");
            if (text.StartsWith(TornPrefix, StringComparison.Ordinal))
            {
                if (ulong.TryParse(text.AsSpan(TornPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var lost) && lost < sequence)
                    torn.Add(lost);
                else garbled.Add(line);
                continue;
            }

            if (text.StartsWith(BatchEndPrefix, StringComparison.Ordinal))
            {
                if (!ulong.TryParse(text.AsSpan(BatchEndPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count != sequence)
                    garbled.Add(line);
                else total = count;
                continue;
            }

            texts.Add(text);
        }

        // A line a killed writer left cut is garbled (or empty) and its number missing; each torn record excuses one of each.
        garbled = garbled.Skip(torn.Count(t => !seen.Contains(t))).ToList();
        if (garbled.Count > 0)
            throw new OracleException(OracleFailure.TransportFailed,
                $"{garbled.Count} garbled record line(s), e.g. '{Shorten(garbled[0])}'");
        if (repeated.Count > 0)
            throw new OracleException(OracleFailure.TransportFailed,
                $"record(s) {string.Join(", ", repeated.Take(5))} arrived more than once");
        if (total is not { } last)
            throw new OracleException(OracleFailure.TransportFailed,
                $"the batch program's end record never arrived ({seen.Count} record lines received): the program stopped or its output was cut");
        var missing = new List<ulong>();
        for (ulong s = 0; s < last && missing.Count < 6; s++)
            if (!seen.Contains(s) && !torn.Contains(s)) missing.Add(s);
        if (missing.Count > 0 || (ulong)seen.Union(torn).Count() != last + 1)
            throw new OracleException(OracleFailure.TransportFailed,
                $"record lines lost: {last + 1 - (ulong)seen.Union(torn).Count()} of {last + 1} (first missing: {string.Join(", ", missing.Take(5))})");
        return texts;
    }

    /// <summary>Splits a sealed line into its text and sequence number when the checksum matches.</summary>
    public static bool TryUnseal(string line, out string text, out ulong sequence)
    {
        text = "";
        sequence = 0;
        var at = line.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) return false;
        var trailer = line.AsSpan(at + Marker.Length);
        var space = trailer.IndexOf(' ');
        if (space < 1 || trailer.Length - space - 1 != 8) return false;
        if (!ulong.TryParse(trailer[..space], NumberStyles.None, CultureInfo.InvariantCulture, out sequence)) return false;
        if (!uint.TryParse(trailer[(space + 1)..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var crc)) return false;
        text = line[..at];
        return Crc32(text) == crc;
    }

    private static string Shorten(string line) => line.Length <= 120 ? line : line[..117] + "...";

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            table[i] = c;
        }

        return table;
    }
}
