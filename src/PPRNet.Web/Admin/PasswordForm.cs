using System.ComponentModel.DataAnnotations;

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
