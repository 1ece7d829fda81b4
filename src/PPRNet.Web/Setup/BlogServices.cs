using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PPRNet.Web.Admin;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.Import;
using PPRNet.Web.Localization;
using PPRNet.Web.Mail;
using PPRNet.Web.Shared;
using PPRNet.Web.Summaries;
using Serilog;
using Serilog.Settings.Configuration;

namespace PPRNet.Web.Setup;

public static class BlogServices
{
    /// <summary>The sinks the app ships, which <c>Serilog:WriteTo</c> may name. Named, they spare
    /// every start Serilog's search of every DLL beside the app for its extension methods, which
    /// read each file's metadata and left its readers mapped for the process's life (2 MiB).</summary>
    private static readonly ConfigurationReaderOptions LogSinks = new(
        typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly);

    /// <summary>The database and what writes to it, which the site and the content commands share:
    /// <c>import</c> and <c>export</c> run on a host of only this (a re-import of an unchanged
    /// archive is mostly start-up, and starting the site's web stack was a quarter of it).</summary>
    public static TBuilder AddBlogData<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        SqliteTuning.ApplyToProcess();
        // English wherever no request or reader chooses: start-up, import, logs, background work.
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = SiteLanguage.English;
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = SiteLanguage.English;
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration, LogSinks)
            .ReadFrom.Services(services));

        builder.Services.Configure<ContentOptions>(builder.Configuration.GetSection(ContentOptions.Section));
        // Built once, when first needed (so settings that tests or hosts add late still apply),
        // and pooled: a request does not rebuild options or resolve the database path again.
        builder.Services.AddSingleton(services => new PreparedStatements(SqliteConnectionString(
            services.GetRequiredService<IConfiguration>().GetConnectionString("Blog") ?? "Data Source=App_Data/pprnet.db",
            services.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        builder.Services.AddDbContextPool<BlogDbContext>((services, options) => options
            .UseSqlite(services.GetRequiredService<PreparedStatements>().ConnectionString,
                // One summary with its topics as one joined statement made SQLite walk the whole
                // join table (150 ms at 100,000 summaries); as two statements each is a key lookup.
                sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(services.GetRequiredService<PublicPageCacheEviction>(), new SqliteTuning())
            // Migrating would first build the whole model from the configurations (0.7 s of a first
            // start) only to warn of changes without a migration; CompiledModelTests refuses those.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning)));
        // A save evicts the pages it changed and purges them at the shared caches, from a command too.
        builder.Services.AddPublicPageCache();
        builder.Services.AddCachePurger();
        builder.Services.AddSingleton<TaxonomyCache>();
        builder.Services.AddSingleton<TopicWindows>();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSummaries();
        builder.Services.AddContentImport();
        return builder;
    }

    /// <summary>The site: its data (<see cref="AddBlogData"/>) and everything that serves it.</summary>
    public static WebApplicationBuilder AddBlog(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddBlogData();
        builder.Services.AddHttpCaching();
        builder.Services.AddSingleton<SiteLinks>();
        builder.Services.AddSingleton<SiteTime>();
        builder.Services.AddHostedService<ScheduledBackups>();
        builder.Services.AddHostedService<OutsideWrites>();
        builder.Services.AddSingleton<MemoryTrim>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<MemoryTrim>());

        // The features, each registering its own services.
        builder.Services.AddArchive();
        builder.Services.AddEditorsDesk();
        builder.Services.AddEmailDigest();

        builder.AddAccounts();
        builder.AddRateLimits();
        builder.AddHealth();
        builder.AddProxySupport();

        builder.Services.AddSiteLanguages();
        builder.Services.AddControllersWithViews().AddLocalizedFormMessages();
        // Fingerprinted, precompressed static files (MapStaticAssets) are found through the build's
        // manifest when the app runs from its build output in any environment, not only in
        // Development; a published app has them in wwwroot and no manifest, and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        // From a build manifest MapStaticAssets would send no-cache on everything; the manifest's own
        // answer (immutable for fingerprinted URLs, revalidate for the rest) is right anywhere, as a
        // changed file gets a new fingerprint.
        builder.Configuration["EnableStaticAssetsDevelopmentCaching"] ??= "true";
        // Nor a catch-all route that answers a POST to an unknown address with 405 instead of 404.
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] ??= "true";
        // Room for a long pasted search (10,000 characters, percent-encoded) in the request line.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 96 * 1024;
            kestrel.AddServerHeader = false;
        });
        // Accented names and en dashes in citations are written as themselves, not as entities.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRouting(options => options.LowercaseUrls = true);
        return builder;
    }

    private static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length protects better than forced symbol classes (NIST SP 800-63B).
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Lockout only carries "disabled by an admin"; failed passwords never lock an account
                // (anyone could lock its owner out), SignInThrottle slows guessing instead.
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<BlogDbContext>()
            .AddDefaultTokenProviders();

        // Every request checks the account's security stamp, so a role change, a new password,
        // signing out, or disabling or deleting an account ends its other sessions at once.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "pprnet.auth";
            // One site in two languages: without a path the cookie would take the request's path
            // base, and signing in on /fr/... would not hold on the English pages (nor the reverse).
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = AccountController.SignInPath;
            options.LogoutPath = AccountController.SignOutPath;
            // A signed-in editor on an admin-only page gets a real 403 page, not a sign-in loop.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "pprnet.antiforgery";
            options.Cookie.Path = "/";
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the original request was HTTPS (behind a proxy too); plain-HTTP
            // loopback runs keep working.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
        });

        // Keys live in the database, so sign-ins and form tokens survive restarts and redeploys.
        builder.Services.AddDataProtection()
            .SetApplicationName("PPRNet.Web")
            .PersistKeysToDbContext<BlogDbContext>();
    }

    /// <summary>A relative database path is taken from the app's content root, not from whatever
    /// folder the command happened to start in, and the database file and its folder are created
    /// owner-only before SQLite opens them (see PrivateFiles).</summary>
    private static string SqliteConnectionString(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (PrivateFiles.DatabaseFile(configured) is { } source)
        {
            builder.DataSource = Path.GetFullPath(source, contentRoot);
            if (builder.Mode != SqliteOpenMode.ReadOnly)
            {
                PrivateFiles.CreateDatabaseFile(builder.DataSource);
            }
        }

        return builder.ToString();
    }
}
