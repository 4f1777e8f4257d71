using Mmap.Snapshots.Tests.Corpus;
using Mmap.Snapshots.Tests.Workflow;
using Xunit;
using Xunit.Sdk;

namespace Mmap.Snapshots.Tests.Tests;

/// <summary>
/// The snapshots folder holds exactly what the tests produce: no verified file that no test renders
/// any more, and no received file left behind once the snapshot it belongs to matches again.
/// With accepting on, both kinds are deleted instead.
/// </summary>
public sealed class SnapshotHygiene
{
    private static readonly SnapshotStore Store = SnapshotStore.Repository();

    [Fact]
    public void No_verified_snapshot_is_orphaned()
    {
        var produced = ProducedSnapshots.All();
        var orphans = Files(SnapshotName.VerifiedMarker).Where(f => SnapshotName.Parse(f) is not { } n || !produced.ContainsKey(n)).ToList();
        Settle(orphans, "verified snapshots that no test produces any more (a scenario was renamed or removed)");
    }

    [Fact]
    public void No_received_file_is_stale()
    {
        var produced = ProducedSnapshots.All();
        var stale = new List<string>();
        foreach (var file in Files(SnapshotName.ReceivedMarker))
        {
            if (SnapshotName.Parse(file) is not { } name || !produced.TryGetValue(name, out var render))
            {
                stale.Add(file + " (no test produces it)");
            }
            else if (Store.ReadVerified(name) == render())
            {
                stale.Add(file + " (its verified snapshot already matches)");
            }
        }

        Settle(stale, "stale received files");
    }

    [Fact]
    public void Received_files_are_ignored_by_git()
    {
        var ignore = Path.Combine(Store.Folder, ".gitignore");
        Assert.True(File.Exists(ignore), "snapshots/.gitignore is missing");
        Assert.Contains("*.received.*", File.ReadAllLines(ignore));
    }

    private static IEnumerable<string> Files(string marker) =>
        Directory.Exists(Store.Folder)
            ? Directory.GetFiles(Store.Folder).Select(Path.GetFileName).OfType<string>().Where(f => f.Contains(marker, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [];

    private static void Settle(List<string> files, string what)
    {
        if (files.Count == 0) return;
        if (Store.Accept.Accepts)
        {
            foreach (var file in files) File.Delete(Path.Combine(Store.Folder, file.Split(' ')[0]));
            return;
        }

        throw new XunitException($"{what} in snapshots/:\n  " + string.Join("\n  ", files) + "\nDelete them; accepting (./run-verify.sh --accept, or "
            + AcceptSwitch.Variable + "=1 outside CI) deletes them too.");
    }
}
