namespace Mmap.Snapshots.Tests.Workflow;

/// <summary>The outcome of one comparison and the message a failing test shows.</summary>
public sealed record SnapshotResult(SnapshotOutcome Outcome, string Message)
{
    public bool Failed => Outcome is SnapshotOutcome.Missing or SnapshotOutcome.Changed;
}
