using PPRNet.Web.Setup;

namespace PPRNet.Web.Mail;

/// <summary>Absolute links in mail, always from `Site:BaseUrl` (mail has no request to take a host from).</summary>
public sealed class MailLinks(IConfiguration configuration)
{
    public string Base =>
        (configuration[ProxySupport.BaseUrlSetting] is { Length: > 0 } configured ? configured : "http://localhost:5000").TrimEnd('/');

    public string Absolute(string path) => Base + path;
}
