using System.Text;

namespace Mmap.Snapshots.Tests.Workflow;

/// <summary>
/// A folder of verified snapshots. Comparing a rendering with its verified file: a match passes;
/// a difference or a missing file writes the received file beside it and fails with a unified diff,
/// unless accepting is on, in which case the received file is moved over the verified one.
/// Files are UTF-8 without BOM with LF line endings.
/// </summary>
public sealed class SnapshotStore(string folder, AcceptSwitch accept)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Folder { get; } = folder;

    public AcceptSwitch Accept { get; } = accept;

    public static SnapshotStore Repository() => new(RepositoryRoot.Combine("snapshots"), AcceptSwitch.FromEnvironment());

    public string VerifiedPath(SnapshotName name) => Path.Combine(Folder, name.Verified);

    public string ReceivedPath(SnapshotName name) => Path.Combine(Folder, name.Received);

    public string? ReadVerified(SnapshotName name) =>
        File.Exists(VerifiedPath(name)) ? Normalize(File.ReadAllText(VerifiedPath(name), Utf8)) : null;

    public SnapshotResult Compare(SnapshotName name, string rendered)
    {
        if (rendered.Contains('\r')) throw new ArgumentException($"{name}: a rendering must use LF line endings only", nameof(rendered));
        var verified = ReadVerified(name);
        if (verified == rendered) return new SnapshotResult(SnapshotOutcome.Matched, "");

        Directory.CreateDirectory(Folder);
        File.WriteAllText(ReceivedPath(name), rendered, Utf8);
        if (Accept.Accepts)
        {
            File.Move(ReceivedPath(name), VerifiedPath(name), overwrite: true);
            return new SnapshotResult(SnapshotOutcome.Accepted, $"accepted {name.Verified}");
        }

        var where = Shown(ReceivedPath(name));
        if (verified is null)
        {
            return new SnapshotResult(SnapshotOutcome.Missing,
                $"No verified snapshot {name.Verified} yet. Wrote {where}: review it by hand. {Accept.Advice}");
        }

        var diff = UnifiedDiff.Create(verified, rendered, name.Verified, name.Received);
        return new SnapshotResult(SnapshotOutcome.Changed,
            $"Snapshot {name} changed. Wrote {where}.\n{Accept.Advice}\n\n{diff}");
    }

    /// <summary>A path as a message shows it: relative to the repository root when inside it.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(RepositoryRoot.Path, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    /// <summary>CRLF in a verified file (a checkout that ignored .gitattributes) does not count as a change.</summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
