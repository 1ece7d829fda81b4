using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.Import;
using Serilog;

namespace PPRNet.Web.Setup;

public static class BlogServices
{
    public static WebApplicationBuilder AddBlog(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services));

        builder.Services.Configure<ContentOptions>(builder.Configuration.GetSection(ContentOptions.Section));
        // Resolved when first needed, so settings that tests or hosts add late still apply.
        builder.Services.AddDbContext<BlogDbContext>((services, options) => options.UseSqlite(SqliteConnectionString(
            services.GetRequiredService<IConfiguration>().GetConnectionString("Blog") ?? "Data Source=App_Data/pprnet.db",
            services.GetRequiredService<IWebHostEnvironment>().ContentRootPath)));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped<SummaryWriter>();
        builder.Services.AddScoped<ContentImporter>();
        builder.Services.AddScoped<ArchiveReader>();

        builder.Services.AddControllersWithViews();
        builder.Services.AddRouting(options => options.LowercaseUrls = true);
        return builder;
    }

    /// <summary>A relative database path is taken from the app's content root, not from whatever
    /// folder the command happened to start in, and its folder is created.</summary>
    private static string SqliteConnectionString(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(source, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
