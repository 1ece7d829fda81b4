namespace PPRNet.Web.Tests.Support;

/// <summary>A clock a test can move, so "scheduled until its date" can be checked on both sides of the date.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
