using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PPRNet.Web.Data;
using PPRNet.Web.History;

namespace PPRNet.Web.Mail;

/// <summary>The form that mails a new preferences link to an address, if it is subscribed.</summary>
public sealed class PreferencesLinkForm
{
    public string? Email { get; set; }
}
