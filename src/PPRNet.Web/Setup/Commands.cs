using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PPRNet.Web.Admin;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Import;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Setup;

/// <summary>The operator's commands, run through the same app. Anything on the command line that
/// is not a host option (`--urls ...`) is a command: an unknown one, or one missing its argument,
/// prints the list and exits 2 without starting the site.</summary>
public static class Commands
{
    public const string PasswordVariable = "PPRNET_ADMIN_PASSWORD";

    /// <summary>Every command with its arguments, as `help` prints it.</summary>
    public const string Help = """
        usage: PPRNet.Web [COMMAND]          (no command: serve the site)

        commands:
          import [folder]            import Markdown content (default: Content:Path)
          export [folder]            write every summary, intro and the taxonomy back out (default: Content:Path)
          create-admin --email E     create an Admin; password from PPRNET_ADMIN_PASSWORD or typed at a prompt
          unlock --email E           lift every sign-in pause on an account and re-enable it if disabled
          backup FILE                a consistent copy of the database while the site serves, verified
          restore FILE [--force]     replace the database with a backup; refuses while the site answers
                                     at its configured address (stop it first), unless --force
          help, --help, -h           this list
        """;

    /// <summary>True for anything that is not a host option: a command, known or not.</summary>
    public static bool IsCommand(string[] args) => args is [var first, ..] && (!first.StartsWith('-') || IsHelp(first));

    private static bool IsHelp(string arg) => arg is "help" or "--help" or "-h";

    /// <summary>Configuration sees none of a command's arguments, so a folder or an email is never
    /// mistaken for a setting. Settings are read once, at start, and a change takes a restart:
    /// watching appsettings.json for changes watches the whole app folder, and the database's own
    /// writes in App_Data woke that watcher on every page SQLite wrote (a second of CPU in a cold
    /// import of 10,000 summaries).</summary>
    public static string[] HostArgs(string[] args) => [.. IsCommand(args) ? [] : args, "--hostBuilder:reloadConfigOnChange=false"];

    /// <summary>The commands that only read and write content (<see cref="RunContentCommandAsync"/>).</summary>
    public static bool IsContentCommand(string[] args) => args is ["import" or "export", ..] && Answer(args) is null;

    /// <summary>Answers `help` and malformed command lines before anything is built; null when
    /// the command line names a command to run.</summary>
    public static int? Answer(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is [var first, ..] && IsHelp(first))
        {
            Console.WriteLine(Help);
            return 0;
        }

        if (!IsCommand(args)
            || args is ["import" or "export"] or ["import" or "export", _] or ["create-admin" or "unlock", "--email", _]
                or ["backup" or "restore", _] or ["restore", _, "--force"])
        {
            return null;
        }

        Console.Error.WriteLine($"Unknown command or wrong arguments: {string.Join(' ', args)}");
        Console.Error.WriteLine(Help);
        return 2;
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        switch (args)
        {
            case ["backup", var file]:
                return await DatabaseBackup.BackupAsync(app, file);
            case ["restore", var file]:
                return await DatabaseBackup.RestoreAsync(app, file, force: false);
            case ["restore", var file, "--force"]:
                return await DatabaseBackup.RestoreAsync(app, file, force: true);
        }

        await app.PrepareDatabaseAsync(importContent: false);
        return args switch
        {
            ["create-admin", "--email", var email] => await CreateAdminAsync(app, email),
            ["unlock", "--email", var email] => await UnlockAsync(app, email),
            _ => Answer(args) ?? 2,
        };
    }

    /// <summary>`import` and `export` on a host of the site's data and settings alone, without its web
    /// stack: the schema brought up to date (<see cref="DatabaseStartup.PrepareSchemaAsync(IHost)"/>),
    /// then the command.</summary>
    public static async Task<int> RunContentCommandAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // The site's environment variables too (ASPNETCORE_ENVIRONMENT chooses its settings files),
        // as WebApplication reads them.
        var configuration = new ConfigurationManager();
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { Args = HostArgs(args), Configuration = configuration });
        builder.AddBlogData();
        using var host = builder.Build();
        await host.PrepareSchemaAsync();
        var evictions = host.Services.GetRequiredService<PageValidators>().Stamp();
        var exitCode = args switch
        {
            ["import"] => await ImportAsync(host, null),
            ["import", var folder] => await ImportAsync(host, folder),
            ["export"] => await ExportAsync(host, null),
            ["export", var folder] => await ExportAsync(host, folder),
            _ => Answer(args) ?? 2,
        };

        if (host.Services.GetRequiredService<PageValidators>().Stamp() != evictions)
        {
            // A running site's own cache cannot see this process's saves; it is told through the database.
            try
            {
                await OutsideWrites.AnnounceAsync(host.Services.GetRequiredService<PreparedStatements>().ConnectionString, 0,
                    CancellationToken.None);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                // The changes are saved; only a site serving meanwhile keeps its old pages.
                Console.Error.WriteLine($"Saved, but a running site could not be told of the changes ({e.Message}); "
                    + "restart it, or its cached pages stay as they were for up to ten minutes.");
            }
        }

        // What the import changed is purged at the shared caches before the process ends (a cache
        // that is down gets the site's own four attempts, about half a minute).
        await host.Services.GetRequiredService<CachePurger>().DrainAsync(TimeSpan.FromMinutes(1));
        return exitCode;
    }

    /// <summary>The way back in when every admin is locked out or disabled.</summary>
    private static async Task<int> UnlockAsync(WebApplication app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            Console.Error.WriteLine($"No account for {email}.");
            return 1;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await scope.ServiceProvider.GetRequiredService<SignInThrottle>().ClearAsync(email, CancellationToken.None);
        scope.ServiceProvider.GetRequiredService<AuditLog>()
            .Record("command line", AuditActions.Accounts, email, "unlocked by the unlock command");
        await scope.ServiceProvider.GetRequiredService<BlogDbContext>().SaveChangesAsync();
        Console.WriteLine($"Unlocked {email}. Sign in at /admin/sign-in.");
        return 0;
    }

    private static async Task<int> ImportAsync(IHost host, string? folder)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<ContentOptions>>().Value;
        var path = folder is null
            ? DatabaseStartup.ContentFolder(scope.ServiceProvider.GetRequiredService<IHostEnvironment>(), options)
            : Path.GetFullPath(folder, Environment.CurrentDirectory);
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(path);

        Console.WriteLine($"Import of {report.Folder}");
        Console.WriteLine($"  {report.Headline}");
        foreach (var conflict in report.Conflicts)
        {
            Console.WriteLine($"  conflict: {conflict} changed after an editor changed its summary on the web; "
                + "the web version was kept (see the dashboard)");
        }

        foreach (var error in report.Errors)
        {
            Console.WriteLine($"  error: {error}");
        }

        return report.Succeeded ? 0 : 1;
    }

    /// <summary>Without a folder, writes back over the configured content folder: the database is
    /// the system of record, and this is how web edits return to files.</summary>
    private static async Task<int> ExportAsync(IHost host, string? folder)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var path = folder is null
            ? DatabaseStartup.ContentFolder(scope.ServiceProvider.GetRequiredService<IHostEnvironment>(),
                scope.ServiceProvider.GetRequiredService<IOptions<ContentOptions>>().Value)
            : Path.GetFullPath(folder, Environment.CurrentDirectory);
        var count = await scope.ServiceProvider.GetRequiredService<ArchiveExporter>().ExportToFolderAsync(path, CancellationToken.None);
        Console.WriteLine($"Exported {count} files to {path}");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, string email)
    {
        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine($"No password: set {PasswordVariable} or type one at the prompt.");
            return 1;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            Console.Error.WriteLine($"An account for {email} already exists.");
            return 1;
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Admin);
        }

        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                Console.Error.WriteLine(error.Description);
            }

            return 1;
        }

        scope.ServiceProvider.GetRequiredService<AuditLog>()
            .Record("command line", AuditActions.Accounts, email, "created as Admin by create-admin");
        await scope.ServiceProvider.GetRequiredService<BlogDbContext>().SaveChangesAsync();
        Console.WriteLine($"Created Admin {email}. Sign in at /admin/sign-in.");
        return 0;
    }

    /// <summary>Reads a password without echoing it when a person is typing; reads a line when
    /// the input is piped.</summary>
    private static string? ReadPassword()
    {
        Console.Write("Password for the new admin: ");
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine();
        }

        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
