using Mmap.Snapshots.Tests.Corpus;
using Mmap.Snapshots.Tests.Workflow;
using Xunit;

namespace Mmap.Snapshots.Tests.Tests;

/// <summary>One approved address-space picture per corpus scenario: snapshots/ScenarioPictures.&lt;file&gt;.verified.svg.</summary>
public sealed class ScenarioPictures
{
    [Theory]
    [MemberData(nameof(CorpusFiles.Theory), MemberType = typeof(CorpusFiles))]
    public void Picture_matches_the_approved_snapshot(string scenario) =>
        Snapshot.Verify(SnapshotStore.Repository(), ProducedSnapshots.Picture(scenario), ProducedSnapshots.RenderPicture(scenario));
}
