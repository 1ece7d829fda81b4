using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PPRNet.Web.Data;

/// <summary>The one database: the archive, its history and audit trail, editors' accounts
/// (Identity) and the data-protection keys that keep sign-ins valid across restarts.</summary>
public class BlogDbContext(DbContextOptions<BlogDbContext> options)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<Summary> Summaries => Set<Summary>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<ResearchType> ResearchTypes => Set<ResearchType>();
    public DbSet<MonthIssue> MonthIssues => Set<MonthIssue>();
    public DbSet<SummaryRevision> Revisions => Set<SummaryRevision>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportConflict> ImportConflicts => Set<ImportConflict>();
    public DbSet<SlugAlias> SlugAliases => Set<SlugAlias>();
    public DbSet<PurgedSource> PurgedSources => Set<PurgedSource>();
    public DbSet<TopicListing> TopicListings => Set<TopicListing>();
    public DbSet<FacetCount> FacetCounts => Set<FacetCount>();
    public DbSet<MonthCount> MonthCounts => Set<MonthCount>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Mail.Subscriber> Subscribers => Set<Mail.Subscriber>();
    public DbSet<Mail.Digest> Digests => Set<Mail.Digest>();
    public DbSet<Mail.OutboxMessage> Outbox => Set<Mail.OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BlogDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset natively; store it as sortable ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
