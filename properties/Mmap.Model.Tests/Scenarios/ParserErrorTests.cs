using Mmap.Scenarios.Syntax;
using Xunit;

namespace Mmap.Model.Tests.Scenarios;

/// <summary>Malformed scenario files get positioned errors naming the field and what is allowed.</summary>
public sealed class ParserErrorTests
{
    private const string Valid = """
        scenario: t
        driver:
          buffer: vmalloc pages=2
          mmap: remap-per-page
        program:
          open O_RDWR
          mmap VA length=2p prot=PROT_READ flags=MAP_SHARED offset=0 => ok
          read VA char => dd
        """;

    private static ScenarioError SingleError(string text)
    {
        var result = ScenarioParser.Parse(text, "t.scenario");
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void The_valid_base_parses() => Assert.True(ScenarioParser.Parse(Valid).Succeeded);

    [Theory]
    [InlineData("buffer: vmalloc pages=2", "buffer: vmallok pages=2", 3, 11, "buffer", "kmalloc, vmalloc")]
    [InlineData("buffer: vmalloc pages=2", "buffer: vmalloc pages=0", 3, 25, "buffer.pages", null)]
    [InlineData("mmap: remap-per-page", "mmap: remap-page", 4, 9, "mmap", "remap-whole")]
    [InlineData("open O_RDWR", "open O_RDWRX", 6, 8, "open", "O_RDONLY")]
    [InlineData("prot=PROT_READ flags", "prot=PROT_RAED flags", 7, 26, "mmap.prot", "PROT_READ")]
    [InlineData("flags=MAP_SHARED", "flags=MAP_SHRED", 7, 42, "mmap.flags", "MAP_SHARED")]
    [InlineData("length=2p", "length=2q", 7, 18, "mmap.length", "16p")]
    [InlineData("=> dd", "=> okay", 8, 19, "read.outcome", "ffffffdd")]
    [InlineData("read VA char", "read VB char", 8, 8, "address", "VA")]
    [InlineData("read VA char", "raed VA char", 8, 3, "step", "open, close")]
    public void Errors_name_line_column_field_and_what_is_allowed(string good, string bad, int line, int column, string field, string? allowed)
    {
        var error = SingleError(Valid.Replace(good, bad));
        Assert.Equal(("t.scenario", line, column, field), (error.File, error.Line, error.Column, error.Field));
        if (allowed is not null) Assert.Contains(allowed, error.Allowed);
        Assert.StartsWith($"t.scenario:{line}:{column}: {field}: ", error.ToString());
    }

    [Fact]
    public void Missing_sections_and_keys_are_reported()
    {
        var result = ScenarioParser.Parse("kernel: 6.1\n", "t.scenario");
        Assert.Contains(result.Errors, e => e.Field == "scenario");
        Assert.Contains(result.Errors, e => e.Field == "driver");
        Assert.Contains(result.Errors, e => e.Field == "program");
    }

    [Fact]
    public void Duplicate_keys_and_names_are_errors()
    {
        Assert.Equal("mmap", SingleError(Valid.Replace("  mmap: remap-per-page", "  mmap: remap-per-page\n  mmap: fault")).Field);
        Assert.Equal("mmap.name", SingleError(Valid + "\n  mmap VA length=1p prot=PROT_READ flags=MAP_SHARED").Field);
    }

    [Fact]
    public void Unknown_kernel_is_an_error() =>
        Assert.Equal("kernel", SingleError("kernel: 5.4\n" + Valid).Field);

    [Fact]
    public void Binary_garbage_does_not_throw()
    {
        var result = ScenarioParser.Parse("\0\u0001scenario:\u00ff\n=>=>\n", "g");
        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
    }
}
