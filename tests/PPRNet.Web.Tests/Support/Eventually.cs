using System.Diagnostics;

namespace PPRNet.Web.Tests.Support;

/// <summary>The one way tests wait for something that happens in the background (a process that
/// starts, mail that arrives, a file a service writes): check a condition every
/// <see cref="Interval"/> until it holds, or fail after the timeout with a message that says what
/// was awaited. A condition may throw to stop waiting at once (say, when the process it waits for
/// has exited).</summary>
public static class Eventually
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until <paramref name="condition"/> holds; <paramref name="message"/> says
    /// what was awaited ("the outbox holds nothing queued").</summary>
    public static Task Async(Func<bool> condition, TimeSpan timeout, string message) =>
        Async(() => Task.FromResult(condition()), timeout, message);

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static async Task Async(Func<Task<bool>> condition, TimeSpan timeout, string message)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await Async(condition, holds => holds, timeout, message);
    }

    /// <summary>Looks until <paramref name="find"/> finds something (a file, a row) and returns it.</summary>
    public static async Task<T> FoundAsync<T>(Func<T?> find, TimeSpan timeout, string message)
        where T : class =>
        (await Async(find, found => found is not null, timeout, message))!;

    /// <summary>Reads a value until it <paramref name="holds"/> and returns it.</summary>
    public static Task<T> Async<T>(Func<T> read, Func<T, bool> holds, TimeSpan timeout, string message) =>
        Async(() => Task.FromResult(read()), holds, timeout, message);

    /// <summary>Reads a value until it <paramref name="holds"/> and returns it.</summary>
    public static async Task<T> Async<T>(Func<Task<T>> read, Func<T, bool> holds, TimeSpan timeout, string message)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(holds);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (holds(value))
            {
                return value;
            }

            if (waited.Elapsed >= timeout)
            {
                var seen = value is bool ? "" : $" Last seen: {Describe(value)}.";
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {message}.{seen}");
            }

            await Task.Delay(Interval, TestContext.Current.CancellationToken);
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "nothing",
        string s => $"\"{s}\"",
        System.Collections.ICollection c => $"{c.Count} item(s)",
        _ => value.ToString() ?? "",
    };
}
