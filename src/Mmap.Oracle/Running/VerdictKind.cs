namespace Mmap.Oracle.Running;

/// <summary>What the oracle concluded about one scenario on one kernel.</summary>
public enum VerdictKind
{
    /// <summary>The kernel's trace equals the model's.</summary>
    Agree,
    /// <summary>The traces differ; the differing lines are in the verdict.</summary>
    Disagree,
    /// <summary>The scenario could not be run on the kernel (see the message).</summary>
    Error,
}
