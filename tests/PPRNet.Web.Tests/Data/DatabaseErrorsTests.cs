using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Data;

/// <summary>A second writer's duplicate is told apart from a write that is simply wrong.</summary>
public sealed class DatabaseErrorsTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_duplicate_key_is_a_unique_violation_and_a_missing_parent_is_not()
    {
        await using (var db = database.NewContext())
        {
            db.Topics.Add(new Topic { Slug = "empathy", Name = "Empathy", NameFr = "Empathie" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = database.NewContext())
        {
            db.Topics.Add(new Topic { Slug = "empathy", Name = "Empathy again", NameFr = "Empathie encore" });
            var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
            Assert.True(duplicate.IsUniqueViolation());
        }

        await using (var db = database.NewContext())
        {
            db.Revisions.Add(new SummaryRevision { SummaryId = 999, Number = 1, Markdown = "", Note = "", CreatedBy = "someone" });
            var orphan = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
            Assert.False(orphan.IsUniqueViolation());
        }
    }
}
