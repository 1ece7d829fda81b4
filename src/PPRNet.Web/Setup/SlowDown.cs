namespace PPRNet.Web.Setup;

/// <summary>Once an account has this many failed sign-ins within the window, from anywhere, every
/// attempt on it waits this long before its password is checked: guessing from many addresses gets
/// slow, while the owner, whose address has no failures, is delayed but never refused.</summary>
public sealed class SlowDown
{
    public int AfterFailures { get; set; }
    public int WindowSeconds { get; set; }
    public int DelayMilliseconds { get; set; }
}
