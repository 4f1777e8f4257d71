using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Mmap.Model.Driver;
using Mmap.Model.Memory;
using Mmap.Oracle.Cases;
using Mmap.Oracle.Codegen;
using Mmap.Oracle.Logs;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Oracle.Tests.Codegen;

/// <summary>
/// Without QEMU: the generated header is read back and every number, table row and record format the C knows is
/// compared with the C# declaration; every record format is "printed" as C's printf would and parsed back by the
/// log parser into the same layout and values.
/// </summary>
public partial class ProtocolHeaderTests
{
    private static readonly string Header = ProtocolHeader.Generate();

    /// <summary>#define NAME VALUE lines of the header.</summary>
    private static Dictionary<string, string> Defines() =>
        DefinePattern().Matches(Header).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

    private static string Unquote(string literal)
    {
        Assert.StartsWith("\"", literal, StringComparison.Ordinal);
        Assert.EndsWith("\"", literal, StringComparison.Ordinal);
        return literal[1..^1].Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
    }

    private static void EnumMatches<T>(string prefix)
        where T : struct, Enum
    {
        var defines = Defines().Where(d => d.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary();
        var values = Enum.GetValues<T>();
        foreach (var value in values)
        {
            var name = prefix + CNames.UpperSnake(value.ToString());
            Assert.True(defines.TryGetValue(name, out var text), $"{name} missing from the header");
            Assert.Equal(Convert.ToInt32(value, CultureInfo.InvariantCulture), int.Parse(text, CultureInfo.InvariantCulture));
        }
        Assert.Equal(values.Length, defines.Count);
    }

    [Fact]
    public void Every_enum_the_c_switches_on_has_the_csharp_values()
    {
        EnumMatches<MappingMethod>("M_");
        EnumMatches<MmapCall>("CALL_");
        EnumMatches<CallSpan>("SPAN_");
        EnumMatches<FaultHandlerKind>("FAULT_HANDLER_");
        EnumMatches<BufferKind>("BUF_");
        EnumMatches<RemapProt>("REMAP_PROT_");
        EnumMatches<PgoffPolicy>("PGOFF_");
        EnumMatches<FileOperationsKind>("FOPS_");
        EnumMatches<StepOp>("OP_");
        EnumMatches<ValueType>("VT_");
        var d = Defines();
        Assert.Equal(MappingMethods.All.Count.ToString(CultureInfo.InvariantCulture), d["NMETHODS"]);
        Assert.Equal(StepEncoder.MaxSlots.ToString(CultureInfo.InvariantCulture), d["NSLOTS"]);
        Assert.Equal("0xffffffffffffffffUL", d["PATTERN_DRIVER_FILL"]);
        Assert.Equal(StepEncoder.DriverFill, ulong.MaxValue);
        Assert.Equal($"({EncodedDriver.FillPageIndex})", d["FILL_PAGE_INDEX"]);
        Assert.Equal(ModuleSource.Major.ToString(CultureInfo.InvariantCulture), d["MMAPV_MAJOR"]);
        foreach (var (name, letter) in LogProtocol.FaultResults) Assert.Equal($"'{letter}'", d[name]);
        foreach (var word in CaseEnd.Words) Assert.Equal(word, Unquote(d["END_" + word.ToUpperInvariant()]));
    }

    [Fact]
    public void Every_record_format_is_the_layouts()
    {
        var d = Defines();
        var recs = d.Keys.Where(k => k.StartsWith("REC_", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(LogProtocol.DriverLinePrefix + "%s\n", Unquote(d["REC_DRIVER_LINE"]));
        recs.Remove("REC_DRIVER_LINE");
        foreach (var layout in LogProtocol.All)
        {
            Assert.Equal(layout.CFormat, Unquote(d[layout.CName]));
            recs.Remove(layout.CName);
            if (layout.CItemFormat is { } item)
            {
                Assert.Equal(item, Unquote(d[layout.CItemName]));
                recs.Remove(layout.CItemName);
            }
        }
        Assert.Empty(recs);
    }

    [Fact]
    public void The_method_table_in_c_is_the_models_strategy_table()
    {
        var rows = MethodRowPattern().Matches(Header).ToList();
        Assert.Equal(MappingMethods.All.Count, rows.Count);
        foreach (var row in rows)
        {
            var method = Enum.GetValues<MappingMethod>().Single(m => CNames.UpperSnake(m.ToString()) == row.Groups[1].Value);
            var b = MappingMethods.Of(method);
            var fields = row.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries)
                .Select(f => f.Split('=', StringSplitOptions.TrimEntries)).ToDictionary(p => p[0].TrimStart('.'), p => p[1]);
            Assert.Equal(b.HasMmap ? "1" : "0", fields["has_mmap"]);
            Assert.Equal("CALL_" + CNames.UpperSnake(b.Call.ToString()), fields["call"]);
            Assert.Equal("SPAN_" + CNames.UpperSnake(b.Span.ToString()), fields["span"]);
            Assert.Equal(b.RejectsRangePastBuffer ? "1" : "0", fields["rejects_range_past_buffer"]);
            Assert.Equal("FAULT_HANDLER_" + CNames.UpperSnake(b.Fault.ToString()), fields["fault"]);
            Assert.Equal((ulong)b.SetsFlags, ulong.Parse(fields["sets_flags"].TrimEnd('U', 'L')[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void The_strategy_table_has_one_row_per_method_in_enum_order()
    {
        Assert.Equal(Enum.GetValues<MappingMethod>(), MappingMethods.All.Select(m => m.Method));
    }

    /// <summary>A sample value for each field kind, as printf prints it.</summary>
    private static string Sample(LogField field, int i) => field.Kind switch
    {
        FieldKind.Int or FieldKind.Long => (i % 2 == 0 ? -(i + 3) : i + 3).ToString(CultureInfo.InvariantCulture),
        FieldKind.ULong => (1000 + i).ToString(CultureInfo.InvariantCulture),
        FieldKind.Hex => (0x7f0000001000UL + (ulong)i).ToString("x", CultureInfo.InvariantCulture),
        FieldKind.HexInt => (0xdd + i).ToString("x", CultureInfo.InvariantCulture),
        FieldKind.Char => "P",
        FieldKind.Word => "exit",
        FieldKind.Text => "7f00-7f10 r--s 00000000 00:05 94   /dev/mmapv0",
        FieldKind.Literal => field.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>printf of <paramref name="format"/> with arguments already printed (the conversions are checked by gcc in the C).</summary>
    private static string Printf(string format, IEnumerable<string> arguments)
    {
        var args = new Queue<string>(arguments);
        return ConversionPattern().Replace(format, _ => args.Dequeue());
    }

    [Fact]
    public void Every_record_the_c_can_print_parses_back_into_its_layout_and_values()
    {
        const int caseIndex = 0, step = 2;
        foreach (var layout in LogProtocol.All)
        {
            var values = layout.Fields.Select(Sample).ToList();
            var items = layout.Repeated is { } r ? new[] { Sample(r, 1), Sample(r, 2), Sample(r, 3) } : [];
            var head = layout.Source switch
            {
                RecordSource.Driver or RecordSource.Case or RecordSource.Kernel => new[] { "0" },
                _ => new[] { caseIndex.ToString(CultureInfo.InvariantCulture), step.ToString(CultureInfo.InvariantCulture) },
            };
            var printed = new StringBuilder(Printf(layout.CFormat, head.Concat(values.Where((_, i) => layout.Fields[i].Kind != FieldKind.Literal))));
            foreach (var item in items) printed.Append(Printf(layout.CItemFormat!, [item]));
            if (layout.Repeated is not null) printed.Append('\n');
            var line = printed.ToString().TrimEnd('\n');
            if (layout.Source == RecordSource.Driver) line = LogProtocol.DriverLinePrefix + line;

            var lines = layout.Source == RecordSource.Case && layout != LogProtocol.CaseStarted ? new[] { "@U 0 A", line } : new[] { line };
            if (layout == LogProtocol.DriverLost)
            {
                // The module dropped records: the case's log is incomplete, which is a transport failure, not a trace.
                Assert.Equal(OracleFailure.TransportFailed, Assert.Throws<OracleException>(() => SerialLogParser.Parse(lines, 1)).Failure);
                continue;
            }
            var log = SerialLogParser.Parse(lines, 1)[0];
            if (layout == LogProtocol.CaseStarted)
            {
                Assert.Empty(log.Records);
                continue;
            }
            if (layout.Source == RecordSource.Case)
            {
                Assert.NotNull(log.End);
                continue;
            }
            var record = Assert.Single(log.Records);
            Assert.True(record.Is(layout), $"'{line}' parsed as {record.Layout.Name}, printed as {layout.Name}");
            for (var i = 0; i < layout.Fields.Count; i++)
            {
                var field = layout.Fields[i];
                if (field.Kind is FieldKind.Literal or FieldKind.Text) continue;
                Assert.Equal(values[i], record.Word(field.Name));
            }
            Assert.Equal(items.Select(s => LogProtocol.ParseHex(s)), record.HexItems());
        }
    }

    [GeneratedRegex(@"^#define (\w+) (.+)$", RegexOptions.Multiline)]
    private static partial Regex DefinePattern();

    [GeneratedRegex(@"^\t\[M_(\w+)\] = \{ (.+) \},", RegexOptions.Multiline)]
    private static partial Regex MethodRowPattern();

    [GeneratedRegex("%(?:ld|lu|lx|d|x|c|s)")]
    private static partial Regex ConversionPattern();
}
