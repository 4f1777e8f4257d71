using System.Text.RegularExpressions;
using Mmap.Pictures;
using Mmap.Snapshots.Tests.Corpus;
using Xunit;

namespace Mmap.Snapshots.Tests.Tests;

/// <summary>
/// Nothing in a snapshot needs scrubbing: the same scenario renders to the same bytes every time,
/// with LF endings, and the trace names addresses only symbolically (VA+0x1000, pfn[3]).
/// </summary>
public sealed class Determinism
{
    [Theory]
    [MemberData(nameof(CorpusFiles.Theory), MemberType = typeof(CorpusFiles))]
    public void Two_runs_render_the_same_bytes(string scenario)
    {
        Assert.Equal(ProducedSnapshots.RenderTrace(scenario), ProducedSnapshots.RenderTrace(scenario));
        Assert.Equal(ProducedSnapshots.RenderPicture(scenario), ProducedSnapshots.RenderPicture(scenario));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.Theory), MemberType = typeof(CorpusFiles))]
    public void Renderings_use_LF_only_and_end_with_a_newline(string scenario)
    {
        foreach (var text in new[] { ProducedSnapshots.RenderTrace(scenario), ProducedSnapshots.RenderPicture(scenario) })
        {
            Assert.DoesNotContain('\r', text);
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.Theory), MemberType = typeof(CorpusFiles))]
    public void Trace_and_picture_name_no_raw_mapping_address_or_buffer_pfn(string scenario)
    {
        var run = CorpusRun.Run(scenario);
        var picture = AddressSpacePicture.Render(run);
        var raw = run.MappingAddresses.Values.Select(a => a.ToString("x"))
            .Concat(run.Machine.Buffer.Pfns.Select(p => "0x" + p.ToString("x")));
        foreach (var value in raw)
        {
            // The whole hex token, not a prefix of a longer number such as vm_flags=0x10000071.
            var token = new Regex("(?<![0-9a-fA-Fx])" + Regex.Escape(value) + "(?![0-9a-fA-F])");
            Assert.DoesNotMatch(token, run.TraceText);
            Assert.DoesNotMatch(token, picture);
        }
    }
}
