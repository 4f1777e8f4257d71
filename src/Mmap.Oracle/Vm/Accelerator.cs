namespace Mmap.Oracle.Vm;

/// <summary>How QEMU executes the guest.</summary>
public enum Accelerator
{
    /// <summary>Hardware virtualisation through /dev/kvm.</summary>
    Kvm,
    /// <summary>QEMU's portable binary translator: slower, works everywhere.</summary>
    Tcg,
}
