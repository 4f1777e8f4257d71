namespace Mmap.Model.Driver;

/// <summary>
/// BUG(): the kernel stops the current task. Thrown inside the model where the kernel has BUG_ON and
/// caught at the syscall or fault boundary, where it becomes a <see cref="Tracing.KernelBugHit"/> event.
/// </summary>
public sealed class KernelBugException(string function, string condition)
    : Exception($"kernel BUG in {function}: {condition}")
{
    public string Function { get; } = function;

    public string Condition { get; } = condition;
}
