namespace PPRNet.Web.Mail;

/// <summary>`Smtp:*`: the outgoing mail server. Without a host, mail is written as .eml files.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>Require STARTTLS. Off: TLS on connect for port 465, STARTTLS when offered elsewhere.</summary>
    public bool StartTls { get; set; } = true;
}
