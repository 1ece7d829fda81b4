using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Data;

/// <summary>The public pages read through <see cref="PreparedStatements"/>: at most one statement
/// per turn runs at once, so the number of open connections (each with its own page cache) stays
/// at the number of turns however many requests arrive together.</summary>
public sealed class PreparedStatementsTests : IDisposable
{
    private const string OneRow = "SELECT 1";

    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public void Requests_beyond_the_turns_wait_for_one_instead_of_reading_at_the_same_time()
    {
        using var statements = new PreparedStatements($"Data Source={database.Path}");
        var inside = 0;
        var most = 0;
        using var start = new ManualResetEventSlim();
        var readers = Enumerable.Range(0, PreparedStatements.MaxOpen * 4).Select(_ => new Thread(() =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            statements.Read(OneRow, _ => { }, reader =>
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                // Long enough that the other threads are all waiting by the time this one leaves.
                Thread.Sleep(100);
                Interlocked.Decrement(ref inside);
                return reader.Read();
            });
        })).ToList();
        readers.ForEach(thread => thread.Start());

        start.Set();
        readers.ForEach(thread => thread.Join());

        Assert.Equal(PreparedStatements.MaxOpen, most);
    }

    [Fact]
    public async Task A_reader_that_reads_again_is_refused_and_gives_its_turn_back()
    {
        using var statements = new PreparedStatements($"Data Source={database.Path}");

        var refused = Assert.Throws<InvalidOperationException>(() =>
            statements.Read(OneRow, _ => { }, _ => statements.Read(OneRow, _ => { }, reader => reader.Read())));

        Assert.Contains("cannot read another statement", refused.Message, StringComparison.Ordinal);
        // Every turn is free again: more reads than turns, one after another. A turn kept by the
        // refused read would leave the last of them waiting for ever, hence the guard.
        var reads = Task.Run(() => Enumerable.Range(0, PreparedStatements.MaxOpen + 1)
            .Select(_ => statements.Read(OneRow, _ => { }, reader => reader.Read() ? reader.GetInt64(0) : 0)).ToList(),
            TestContext.Current.CancellationToken);
        var values = await reads.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.All(values, value => Assert.Equal(1L, value));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
