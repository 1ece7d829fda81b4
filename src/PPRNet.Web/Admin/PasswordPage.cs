using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Setup;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class PasswordPage : PageViewModel
{
    public required PasswordForm Form { get; init; }
    public string? Message { get; init; }
}
