using System.Diagnostics;
using Mmap.Oracle.Build;
using Mmap.Oracle.Cases;
using Mmap.Oracle.Codegen;
using Mmap.Oracle.Logs;
using Mmap.Oracle.Tests.Codegen;

namespace Mmap.Oracle.Tests.Logs;

/// <summary>
/// The transport under the records: sealed lines with sequence numbers and CRC-32 checksums. A lost, garbled, repeated
/// or cut line, and a batch whose end never arrived, are transport failures, never traces.
/// </summary>
public class RecordTransportTests
{
    private static IReadOnlyList<string> Recorded() =>
        Fixtures.RecordedLog().Where(RecordTransport.IsRecordLine).ToList();

    [Fact]
    public void The_checksum_is_the_standard_crc32() =>
        Assert.Equal(0xCBF43926u, RecordTransport.Crc32("123456789"));

    [Fact]
    public void Sealed_records_come_back_in_order_with_the_other_console_lines()
    {
        var sealedLines = RecordTransport.SealAll(Recorded()).ToList();
        sealedLines.Insert(3, "[    2.5] random kernel noise");
        sealedLines.Add("@@MMAPV END");
        var opened = RecordTransport.Open(sealedLines);
        Assert.Equal(Recorded().Concat(["[    2.5] random kernel noise", "@@MMAPV END"]).Order(StringComparer.Ordinal),
            opened.Order(StringComparer.Ordinal));
        Assert.Equal(4, SerialLogParser.Parse(opened, 4).Count);
    }

    [Fact]
    public void A_lost_line_is_a_transport_failure_naming_its_number()
    {
        var lines = RecordTransport.SealAll(Recorded()).ToList();
        lines.RemoveAt(17);
        var e = Assert.Throws<OracleException>(() => RecordTransport.Open(lines));
        Assert.Equal(OracleFailure.TransportFailed, e.Failure);
        Assert.Contains("first missing: 17", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, "0x")] // a changed character
    [InlineData(9, "")] // a line cut short
    public void A_garbled_line_is_a_transport_failure(int index, string replacement)
    {
        var lines = RecordTransport.SealAll(Recorded()).ToList();
        lines[index] = replacement.Length > 0 ? lines[index].Replace(" 0", " " + replacement, StringComparison.Ordinal) : lines[index][..(lines[index].Length / 2)];
        Assert.NotEqual(RecordTransport.SealAll(Recorded())[index], lines[index]);
        var e = Assert.Throws<OracleException>(() => RecordTransport.Open(lines));
        Assert.Equal(OracleFailure.TransportFailed, e.Failure);
    }

    [Fact]
    public void A_repeated_line_and_a_missing_batch_end_are_transport_failures()
    {
        var lines = RecordTransport.SealAll(Recorded()).ToList();
        Assert.Equal(OracleFailure.TransportFailed,
            Assert.Throws<OracleException>(() => RecordTransport.Open(lines.Append(lines[3]))).Failure);
        var cut = Assert.Throws<OracleException>(() => RecordTransport.Open(lines.Take(lines.Count - 1)));
        Assert.Contains("end record never arrived", cut.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A writer that finds the lock's last holder dead (a child killed on its time limit mid-line) ends the cut line and
    /// names its number in a torn record: that one line and its number are excused, nothing else.
    /// </summary>
    [Fact]
    public void A_torn_record_excuses_exactly_the_line_a_killed_writer_cut()
    {
        var records = Recorded().ToList();
        var lines = RecordTransport.SealAll(records).ToList();
        var torn = lines[9][..(lines[9].Length / 2)];
        var tornRecord = RecordTransport.Seal(RecordTransport.TornPrefix + "9", (ulong)records.Count);
        var end = RecordTransport.Seal(RecordTransport.BatchEndPrefix + (records.Count + 1), (ulong)records.Count + 1);
        var withTorn = lines.Take(9).Append(torn).Append(tornRecord).Concat(lines.Skip(10).SkipLast(1)).Append(end).ToList();

        var opened = RecordTransport.Open(withTorn);
        Assert.DoesNotContain(records[9], opened);
        Assert.Equal(records.Count - 1, opened.Count(RecordTransport.IsRecordLine));

        // Without the torn record the same cut line is a failure; a torn record does not excuse a second loss.
        Assert.Throws<OracleException>(() => RecordTransport.Open(withTorn.Where(l => l != tornRecord)));
        var e = Assert.Throws<OracleException>(() => RecordTransport.Open(withTorn.Where((_, i) => i != 20)));
        Assert.Equal(OracleFailure.TransportFailed, e.Failure);
    }

    [Fact]
    public void A_line_too_long_for_the_program_is_reported_not_cut()
    {
        var lines = RecordTransport.SealAll(Recorded().Take(3).Append(LogProtocol.DriverLinePrefix + RecordTransport.OverflowRecord));
        var e = Assert.Throws<OracleException>(() => RecordTransport.Open(lines));
        Assert.Contains("line buffer", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The C side seals as the C# side checks: the real batch program, run on this host (no module, so it reports that
    /// it cannot open the module's log and stops), prints a sealed record and the batch end that
    /// <see cref="RecordTransport.Open"/> accepts.
    /// </summary>
    [NeedsToolFact("gcc")]
    public async Task The_c_program_seals_lines_the_host_accepts()
    {
        using var temp = new Mmap.Oracle.Infrastructure.TempDirectory("mmapv-transport-");
        var cases = new[] { StepEncoder.Encode(Fixtures.Corpus().First(s => s.Name == "seed")) };
        var program = await ProgramBuilder.BuildAsync(ProgramSource.Generate(cases), temp.Path);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => RecordTransport.TryUnseal(l, out var text, out var seq) && seq == 0 && text.StartsWith("@U -1 Z error ", StringComparison.Ordinal));
        // Without the module the program stops before the batch; the transport is whole, and the parser says why.
        var records = RecordTransport.Open(lines);
        Assert.Equal(OracleFailure.BootFailed, Assert.Throws<OracleException>(() => SerialLogParser.Parse(records, 1)).Failure);
    }
}
