namespace PPRNet.Web.Admin;

/// <summary>What an admin types to open an account for a new editor.</summary>
public sealed class NewAccountForm
{
    public string? Email { get; set; }
    public string? Role { get; set; } = Roles.Editor;
    public string? Password { get; set; }
}
