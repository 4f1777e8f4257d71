namespace Mmap.Smt.Proofs;

/// <summary>All results of one catalogue run, in catalogue order.</summary>
public sealed record ProofReport(IReadOnlyList<ProofResult> Results, TimeSpan Elapsed)
{
    public bool AllAsExpected => Results.All(r => r.AsExpected);

    /// <summary>0 when every verdict is the expected one; 1 otherwise (unexpected, unknown, timeout, error).</summary>
    public int ExitCode => AllAsExpected ? 0 : 1;

    public IEnumerable<ProofResult> Unexpected => Results.Where(r => !r.AsExpected);
}
