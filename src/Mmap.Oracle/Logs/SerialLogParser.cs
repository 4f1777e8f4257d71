using System.Globalization;

namespace Mmap.Oracle.Logs;

/// <summary>
/// Splits the serial log of one boot into per-case logs. Only lines starting with "@U ", "@K " or "@D "
/// are read, each through its <see cref="LogProtocol"/> layout (the same declaration the generated C prints
/// with); anything else on the console (kernel messages, firmware noise) is ignored. A line that matches no
/// layout (e.g. garbled by interleaved console output) is rejected with <see cref="OracleFailure.LogMalformed"/>.
/// </summary>
public static class SerialLogParser
{
    public static IReadOnlyList<CaseLog> Parse(IEnumerable<string> lines, int caseCount)
    {
        var records = new List<LogRecord>[caseCount];
        var ends = new CaseEnd?[caseCount];
        var started = new bool[caseCount];
        for (var i = 0; i < caseCount; i++) records[i] = new List<LogRecord>();
        var current = -1;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.Length < 4 || line[0] != '@' || line[2] != ' ' || line[1] is not ('U' or 'K' or 'D')) continue;
            var source = line[1];
            var rest = line[3..];
            try
            {
                switch (source)
                {
                    case 'U':
                        current = ParseUser(rest, records, ends, started, current);
                        break;
                    case 'K':
                        var fields = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        var kcase = int.Parse(fields[1], CultureInfo.InvariantCulture);
                        Check(kcase, caseCount, line);
                        if (fields[0] == LogProtocol.DriverLost.Kind)
                            throw new OracleException(OracleFailure.TransportFailed,
                                $"the module's log buffer overflowed during case {kcase}: {fields[^1]} bytes of driver records were dropped");
                        records[kcase].Add(new LogRecord('K', -1, fields[0], fields[2..], rest, Layout(RecordSource.Driver, fields[0], fields[2..], line)));
                        break;
                    case 'D':
                        var space = rest.IndexOf(' ', StringComparison.Ordinal);
                        var dcase = int.Parse(space < 0 ? rest : rest[..space], CultureInfo.InvariantCulture);
                        Check(dcase, caseCount, line);
                        records[dcase].Add(new LogRecord('D', -1, "msg", [], space < 0 ? "" : rest[(space + 1)..], LogProtocol.KernelMessage));
                        break;
                }
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException or ArgumentException)
            {
                throw new OracleException(OracleFailure.LogMalformed, $"cannot read serial line '{line}': {e.Message}", e);
            }
        }
        var logs = new List<CaseLog>(caseCount);
        for (var i = 0; i < caseCount; i++) logs.Add(new CaseLog(i, records[i], started[i] ? ends[i] : null));
        return logs;
    }

    private static int ParseUser(string rest, List<LogRecord>[] records, CaseEnd?[] ends, bool[] started, int current)
    {
        var fields = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var index = int.Parse(fields[0], CultureInfo.InvariantCulture);
        if (index < 0) throw new OracleException(OracleFailure.BootFailed, "the batch program could not start: " + rest);
        Check(index, records.Length, rest);
        if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            var layout = Layout(RecordSource.Case, fields[1], fields[2..], rest);
            if (layout == LogProtocol.CaseStarted)
            {
                started[index] = true;
                return index;
            }

            var record = new LogRecord('U', -1, fields[1], fields[2..], rest, layout);
            ends[index] = layout == LogProtocol.CaseEnded
                ? new CaseEnd(record.Word("how"), (int)record.Signed("value"), record.Signed("micros"))
                : new CaseEnd(CaseEnd.Error, (int)record.Signed("errno"));
            return current;
        }
        var step = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var kind = fields[2];
        // Maps lines keep their text (field 3 onwards, with the kernel's spacing).
        var prefixLength = fields[0].Length + 1 + fields[1].Length + 1 + kind.Length;
        var text = rest.Length > prefixLength ? rest[(prefixLength + 1)..] : "";
        records[index].Add(new LogRecord('U', step, kind, fields[3..], text, Layout(RecordSource.Step, kind, fields[3..], rest)));
        return current;
    }

    private static LogLayout Layout(RecordSource source, string kind, IReadOnlyList<string> fields, string line) =>
        LogProtocol.Match(source, kind, fields)
        ?? throw new OracleException(OracleFailure.LogMalformed, $"serial line matches no record layout: '{line}'");

    private static void Check(int index, int count, string line)
    {
        if (index < 0 || index >= count)
            throw new OracleException(OracleFailure.LogMalformed, $"serial line names case {index} of {count}: '{line}'");
    }
}
