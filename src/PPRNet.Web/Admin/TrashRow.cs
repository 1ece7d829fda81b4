using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed record TrashRow(int Id, string Title, string Month, DateTimeOffset DeletedAt, string? DeletedBy);
