namespace PPRNet.Web.Mail;

public static class MailSetup
{
    public static IServiceCollection AddEmailDigest(this IServiceCollection services)
    {
        // Bound when first needed, so settings that tests or hosts add late still apply.
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddSingleton<MailSignal>();
        services.AddSingleton<MailLinks>();
        services.AddSingleton<MailTokens>();
        services.AddSingleton<MailTransport>();
        services.AddSingleton<SubscribeLimiter>();
        services.AddScoped<Subscriptions>();
        services.AddScoped<SubscriberRecords>();
        services.AddScoped<PreferencesLinks>();
        services.AddScoped<UnconfirmedRequests>();
        services.AddScoped<DigestComposer>();
        services.AddScoped<DigestQueue>();
        services.AddScoped<OutboxWorker>();
        services.AddScoped<DigestDesk>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
