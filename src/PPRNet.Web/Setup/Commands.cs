using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PPRNet.Web.Admin;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Import;

namespace PPRNet.Web.Setup;

/// <summary>The operator's commands, run through the same app: `import [folder]`,
/// `export [folder]` and `create-admin --email E`.</summary>
public static class Commands
{
    public const string PasswordVariable = "PPRNET_ADMIN_PASSWORD";

    public static bool IsCommand(string[] args) => args is ["import" or "export" or "create-admin", ..];

    /// <summary>Configuration sees none of a command's arguments, so a folder or an email is never
    /// mistaken for a setting.</summary>
    public static string[] HostArgs(string[] args) => IsCommand(args) ? [] : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        await app.PrepareDatabaseAsync(importContent: false);
        return args switch
        {
            ["import"] => await ImportAsync(app, null),
            ["import", var folder] => await ImportAsync(app, folder),
            ["export"] => await ExportAsync(app, null),
            ["export", var folder] => await ExportAsync(app, folder),
            ["create-admin", "--email", var email] => await CreateAdminAsync(app, email),
            _ => Usage(),
        };
    }

    private static async Task<int> ImportAsync(WebApplication app, string? folder)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<ContentOptions>>().Value;
        var path = folder is null
            ? DatabaseStartup.ContentFolder(app, options)
            : Path.GetFullPath(folder, Environment.CurrentDirectory);
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(path);

        Console.WriteLine($"Import of {report.Folder}");
        Console.WriteLine($"  {report.Headline}");
        foreach (var conflict in report.Conflicts)
        {
            Console.WriteLine($"  conflict: {conflict} changed after an editor changed its summary on the web; the web version was kept (see the dashboard)");
        }

        foreach (var error in report.Errors)
        {
            Console.WriteLine($"  error: {error}");
        }

        return report.Succeeded ? 0 : 1;
    }

    /// <summary>Without a folder, writes back over the configured content folder: the database is
    /// the system of record, and this is how web edits return to files.</summary>
    private static async Task<int> ExportAsync(WebApplication app, string? folder)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var path = folder is null
            ? DatabaseStartup.ContentFolder(app, scope.ServiceProvider.GetRequiredService<IOptions<ContentOptions>>().Value)
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

        scope.ServiceProvider.GetRequiredService<AuditLog>().Record("command line", AuditActions.Accounts, email, "created as Admin by create-admin");
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

    private static int Usage()
    {
        Console.Error.WriteLine("usage: PPRNet.Web [import [folder] | export [folder] | create-admin --email EMAIL]");
        return 2;
    }
}
