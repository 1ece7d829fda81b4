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

public sealed class PasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    public string? Current { get; set; }

    [Required(ErrorMessage = "Enter a new password of at least 12 characters.")]
    [DataType(DataType.Password)]
    public string? New { get; set; }
}
