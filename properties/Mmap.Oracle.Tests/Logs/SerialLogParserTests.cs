using Mmap.Oracle.Logs;

namespace Mmap.Oracle.Tests.Logs;

public class SerialLogParserTests
{
    [Fact]
    public void Splits_the_recorded_log_per_case_and_ignores_console_noise()
    {
        var lines = Fixtures.RecordedLog().Concat(["[    1.0] random kernel noise", "@@MMAPV END", "garbage @U 0 1 x"]).ToList();
        var logs = SerialLogParser.Parse(lines, 4);
        Assert.Equal(4, logs.Count);
        Assert.True(logs[0].End!.Normal);
        Assert.Equal("bug", logs[1].End!.How);
        Assert.Contains(logs[1].KernelMessages, m => m.Text.Contains("kernel BUG at mm/memory.c", StringComparison.Ordinal));
        var seedMmap = logs[0].Records.First(r => r is { Source: 'U', Kind: "M" });
        Assert.Equal(1, seedMmap.Step);
        Assert.True(logs[0].Records.Count(r => r is { Source: 'K', Kind: "R" }) >= 16);
    }

    [Fact]
    public void A_case_that_never_started_has_no_end()
    {
        var logs = SerialLogParser.Parse(["@U 0 A", "@U 0 0 O 3", "@U 0 Z exit 0 10"], 2);
        Assert.NotNull(logs[0].End);
        Assert.Null(logs[1].End);
        Assert.Empty(logs[1].Records);
    }

    [Fact]
    public void Maps_lines_keep_their_text()
    {
        var logs = SerialLogParser.Parse(["@U 0 A", "@U 0 4 L 7f00-7f10 r--s 00000000 00:05 94                         /dev/mmapv0"], 1);
        var maps = Assert.Single(logs[0].Records);
        Assert.Equal("7f00-7f10 r--s 00000000 00:05 94                         /dev/mmapv0", maps.Text);
    }

    [Fact]
    public void A_line_naming_an_unknown_case_is_malformed()
    {
        var error = Assert.Throws<OracleException>(() => SerialLogParser.Parse(["@K R 7 1 2 3 0"], 2));
        Assert.Equal(OracleFailure.LogMalformed, error.Failure);
    }

    [Fact]
    public void A_program_that_could_not_start_is_a_boot_failure()
    {
        var error = Assert.Throws<OracleException>(() => SerialLogParser.Parse(["@U -1 Z error 2"], 1));
        Assert.Equal(OracleFailure.BootFailed, error.Failure);
    }
}
