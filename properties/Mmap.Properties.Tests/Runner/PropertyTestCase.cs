using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Mmap.Properties.Tests.Runner;

/// <summary>
/// An xunit test case that runs its method through <see cref="PropertyRunner"/> instead of invoking it once,
/// and reports the FsCheck verdict (with the counterexample scenario and replay seed) as the test result.
/// </summary>
public sealed class PropertyTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public PropertyTestCase()
    {
    }

    public PropertyTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        var test = new XunitTest(this, DisplayName);
        var summary = new RunSummary { Total = 1 };
        if (!messageBus.QueueMessage(new TestStarting(test))) cancellationTokenSource.Cancel();
        var watch = Stopwatch.StartNew();
        PropertyReport report;
        try
        {
            var method = TestMethod.Method.ToRuntimeMethod();
            var type = TestMethod.TestClass.Class.ToRuntimeType();
            var target = method.IsStatic ? null : Activator.CreateInstance(type, constructorArguments);
            var settings = PropertySettings.From(method.GetCustomAttribute<PropertyAttribute>()!, type.FullName + "." + method.Name);
            report = await Task.Run(() => PropertyRunner.Check(method, target, settings));
        }
        catch (Exception e)
        {
            report = PropertyReport.Broken(e);
        }

        var seconds = (decimal)watch.Elapsed.TotalSeconds;
        summary.Time = seconds;
        if (report.Passed)
        {
            messageBus.QueueMessage(new TestPassed(test, seconds, report.Output));
        }
        else
        {
            summary.Failed = 1;
            messageBus.QueueMessage(new TestFailed(test, seconds, report.Output, new PropertyFailedException(report.Message)));
        }

        messageBus.QueueMessage(new TestFinished(test, seconds, report.Output));
        return summary;
    }
}
