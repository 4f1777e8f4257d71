using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Mmap.Properties.Tests.Runner;

/// <summary>
/// FsCheck.Xunit's test case, unchanged in how it configures and runs the property; its result messages pass
/// through <see cref="PropertyReport"/>, which turns a failure into scenario files and a replay command and
/// names the seed of a passing run.
/// </summary>
public sealed class PropertyTestCase : FsCheck.Xunit.PropertyTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public PropertyTestCase()
        : base(null, TestMethodDisplay.ClassAndMethod, TestMethodDisplayOptions.None, null, null)
    {
    }

    public PropertyTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method, null)
    {
    }

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        var method = TestMethod.Method.ToRuntimeMethod();
        var report = new PropertyReport(TestMethod.TestClass.Class.Name + "." + method.Name, method);
        return base.RunAsync(diagnosticMessageSink, new RewritingBus(messageBus, report), constructorArguments, aggregator, cancellationTokenSource);
    }

    /// <summary>Passes every message on, with the property's result rewritten.</summary>
    private sealed class RewritingBus(IMessageBus inner, PropertyReport report) : IMessageBus
    {
        public bool QueueMessage(IMessageSinkMessage message) => inner.QueueMessage(message switch
        {
            ITestFailed failed => new TestFailed(failed.Test, failed.ExecutionTime, report.Output(failed.Output),
                failed.ExceptionTypes, [report.Failure(failed), .. failed.Messages.Skip(1)], failed.StackTraces, failed.ExceptionParentIndices),
            ITestPassed passed => new TestPassed(passed.Test, passed.ExecutionTime, report.Output(passed.Output)),
            ITestFinished finished => new TestFinished(finished.Test, finished.ExecutionTime, report.Output(finished.Output)),
            _ => message,
        });

        public void Dispose() => inner.Dispose();
    }
}
