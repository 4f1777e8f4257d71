namespace Mmap.Model.Kernel;

/// <summary>
/// The kernel whose semantics the model follows. Debian's 6.1 packages are 6.1 stable (the rules in
/// docs/kernel-rules.md were read from 6.1.192); 6.12 is Debian's 6.12 backport. Where they differ for a
/// character device the rule says so (R2.7).
/// </summary>
public enum KernelVersion
{
    Linux6_1,
    Linux6_12,
    Linux7_3,
}

public static class KernelVersionExtensions
{
    public static string ToDisplay(this KernelVersion version) => version switch
    {
        KernelVersion.Linux6_1 => "6.1",
        KernelVersion.Linux6_12 => "6.12",
        KernelVersion.Linux7_3 => "7.3",
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };
}
