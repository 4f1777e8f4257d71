namespace Mmap.Audit.Extraction;

/// <summary>Why the audit cannot run: bad input (exit 2) or a missing tool or package (exit 3). One line.</summary>
public sealed class AuditException(string message, bool environment) : Exception(message)
{
    /// <summary>True for a missing tool, package or download (exit 3); false for bad input (exit 2).</summary>
    public bool Environment { get; } = environment;
}
