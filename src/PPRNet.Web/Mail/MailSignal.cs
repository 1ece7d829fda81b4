namespace PPRNet.Web.Mail;

/// <summary>Wakes the sender as soon as something is queued, instead of at its next poll.</summary>
public sealed class MailSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Poke()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already poked by someone else in between.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}
