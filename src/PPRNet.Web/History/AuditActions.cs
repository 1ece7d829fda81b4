namespace PPRNet.Web.History;

public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string Create = "create";
    public const string Edit = "edit";
    public const string Publish = "publish";
    public const string Delete = "delete";
    public const string Restore = "restore";
    public const string Purge = "purge";
    public const string Import = "import";
    public const string ImportConflict = "import-conflict";
    public const string EditIntro = "edit-intro";
    public const string Taxonomy = "taxonomy";
    public const string Accounts = "accounts";
}
