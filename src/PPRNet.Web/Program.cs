using PPRNet.Web.Localization;
using PPRNet.Web.Setup;
using PPRNet.Web.Shared;
using Serilog;

if (Commands.Answer(args) is int answered)
{
    return answered;
}

if (Commands.IsContentCommand(args))
{
    return await Commands.RunContentCommandAsync(args);
}

var builder = WebApplication.CreateBuilder(Commands.HostArgs(args));
builder.AddBlog();
var app = builder.Build();

if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args);
}

if (ProxySupport.MissingSetting(app) is { } missing)
{
    Console.Error.WriteLine($"Not starting: {missing}");
    return 1;
}

await app.PrepareDatabaseAsync(importContent: true);

app.UseForwardedHeaders();

// Logged first so that a re-executed error page still counts as one request line.
app.UseSerilogRequestLogging();
// Before everything that reads the path, so /fr/... is the same route in French.
app.UseSiteLanguages();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/error/exception",
        StatusCodeSelector = ErrorController.StatusFor,
        // ErrorController logs each exception once, with its request id.
        SuppressDiagnosticsCallback = _ => true,
    });
}

if (app.Environment.IsProduction())
{
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseHeadAsGet();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<FormReading>();
app.UseHttpCaching();
app.UseOutputCache();
app.UseCompressionInsideTheCache();
app.MapStaticAssets();
app.MapHealth();
app.MapControllers().WithStaticAssets();

await app.RunAsync();
return 0;

public partial class Program;
