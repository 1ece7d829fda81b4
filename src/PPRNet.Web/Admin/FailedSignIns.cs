using System.Collections.Concurrent;

namespace PPRNet.Web.Admin;

/// <summary>Counts failed sign-ins per email in windows, so a burst of guesses makes one audit
/// line rather than thousands.</summary>
public sealed class FailedSignIns
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> windows = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for the first failure of a window; <paramref name="earlier"/> is how many
    /// failures the previous window had after its first.</summary>
    public bool StartsWindow(string email, DateTimeOffset now, out int earlier)
    {
        var previous = (Start: DateTimeOffset.MinValue, Count: 0);
        var current = windows.AddOrUpdate(email, _ => (now, 1), (_, w) =>
        {
            previous = w;
            return now - w.Start >= Window ? (now, 1) : (w.Start, w.Count + 1);
        });
        earlier = current.Count == 1 && previous.Count > 1 ? previous.Count - 1 : 0;
        if (windows.Count > 10_000)
        {
            // Guessing at random emails must not grow this without bound.
            foreach (var stale in windows.Where(w => now - w.Value.Start >= Window).Select(w => w.Key).ToList())
            {
                windows.TryRemove(stale, out _);
            }
        }

        return current.Count == 1;
    }
}
