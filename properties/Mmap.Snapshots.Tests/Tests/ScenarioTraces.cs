using Mmap.Snapshots.Tests.Corpus;
using Mmap.Snapshots.Tests.Workflow;
using Xunit;

namespace Mmap.Snapshots.Tests.Tests;

/// <summary>One approved trace report per corpus scenario: snapshots/ScenarioTraces.&lt;file&gt;.verified.txt.</summary>
public sealed class ScenarioTraces
{
    [Theory]
    [MemberData(nameof(CorpusFiles.Theory), MemberType = typeof(CorpusFiles))]
    public void Trace_matches_the_approved_snapshot(string scenario) =>
        Snapshot.Verify(SnapshotStore.Repository(), ProducedSnapshots.Trace(scenario), ProducedSnapshots.RenderTrace(scenario));
}
